class R {
  async Task F(HttpClient http, string img, int years) {
    var json = "{\"targetImage\":[{\"path\":\"" + img + "\",\"opts\":\"\"}],\"face_reage\":" + years + ",\"modifyImage\":\"" + img + "\"}";
    await http.PostAsync("https://openapi.akool.com/api/open/v3/faceswap/highquality/imgreage", new StringContent(json));
  }
}
