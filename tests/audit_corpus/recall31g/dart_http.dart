import 'dart:convert';
import 'package:http/http.dart' as http;

const base = 'https://openapi.akool.com/api/open/v3';

Future<void> main() async {
  final h = {'x-api-key': 'k', 'Content-Type': 'application/json'};
  await http.post(Uri.parse('$base/content/video/createbytalkingphoto'), headers: h, body: jsonEncode({'talking_photo_url': 'x', 'audio_url': 'y', 'resolution': '720p'}));
  final body = {'talking_photo_url': 'x', 'resolution': '720'};
  await http.post(Uri.parse('$base/content/video/createbytalkingphoto'), headers: h, body: jsonEncode(body));
  final r = await http.get(Uri.parse('$base/content/video/infobymodelid').replace(queryParameters: {'id': 'abc'}), headers: h);
  await http.post(Uri.parse('$base/content/video/createbyphoto'), headers: h, body: jsonEncode(body));
  final j = jsonDecode(r.body) as Map<String, dynamic>;
  print(j['data']['url']);
  if (j['data']['video_status'] == 5) {
    print('done');
  }
  if (j['code'] != 200) {
    print('failed');
  }
}
