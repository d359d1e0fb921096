void f(String img, int years) async {
  final body = '{"targetImage":[{"path":"' + img + '","opts":""}],"face_reage":' + years.toString() + ',"modifyImage":"' + img + '"}';
  final body2 = '{"targetImage":[{"path":"$img","opts":""}],"face_reage":$years,"modifyImage":"$img"}';
  await http.post(Uri.parse("https://openapi.akool.com/api/open/v3/faceswap/highquality/imgreage"), body: body);
  await http.post(Uri.parse("https://openapi.akool.com/api/open/v3/faceswap/highquality/imgreage"), body: body2);
}
