class R {
  String f(String img, int years) {
    String json = "{\"targetImage\":[{\"path\":\"" + img + "\",\"opts\":\"\"}],\"face_reage\":" + years + ",\"modifyImage\":\"" + img + "\"}";
    return post("https://openapi.akool.com/api/open/v3/faceswap/highquality/imgreage", json);
  }
  String g(int e) {
    String json = "{\"sourceImage\":[],\"targetImage\":[],\"face_enhance\":" + e + ",\"modifyImage\":\"x\"}";
    return post("https://openapi.akool.com/api/open/v3/faceswap/highquality/specifyimage", json);
  }
}
