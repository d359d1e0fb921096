body = "{\"targetImage\":[{\"path\":\"" <> img <> "\",\"opts\":\"\"}],\"face_reage\":" <> Integer.to_string(years) <> ",\"modifyImage\":\"" <> img <> "\"}"
Req.post!("https://openapi.akool.com/api/open/v3/faceswap/highquality/imgreage", body: body)
