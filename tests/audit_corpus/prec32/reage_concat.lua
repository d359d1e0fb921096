local http = require "resty.http"
local body = '{"targetImage":[{"path":"' .. img .. '","opts":""}],"face_reage":' .. years .. ',"modifyImage":"' .. img .. '"}'
local res = httpc:request_uri("https://openapi.akool.com/api/open/v3/faceswap/highquality/imgreage", { method = "POST", body = body })
