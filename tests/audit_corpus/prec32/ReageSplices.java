class R {
  String f(String img, Map<String,Integer> m) {
    String json = "{\"targetImage\":[{\"path\":\"" + img + "\",\"opts\":\"\"}],\"face_reage\":" + m.get("years") + ",\"modifyImage\":\"" + img + "\"}";
    String json2 = "{\"targetImage\":[{\"path\":\"" + img + "\",\"opts\":\"\"}],\"face_reage\":"+years+",\"modifyImage\":\"" + img + "\"}";
    String json3 = "{\"targetImage\":[{\"path\":\"" + img + "\",\"opts\":\"\"}],\"face_reage\":" + (old ? 30 : 10) + ",\"modifyImage\":\"" + img + "\"}";
    String json4 = "{\"face_reage\":" + years + "}";
    post("https://openapi.akool.com/api/open/v3/faceswap/highquality/imgreage", json); post("https://openapi.akool.com/api/open/v3/faceswap/highquality/imgreage", json2); post("https://openapi.akool.com/api/open/v3/faceswap/highquality/imgreage", json4);
    return post("https://openapi.akool.com/api/open/v3/faceswap/highquality/imgreage", json3);
  }
}
