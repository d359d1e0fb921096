import 'package:dio/dio.dart';

final dio = Dio(BaseOptions(baseUrl: 'https://openapi.akool.com/api/open/v3', headers: {'x-api-key': 'k'}));

Future<void> main() async {
  await dio.post('/content/video/createbytalkingphoto', data: {'talking_photo_url': 'x', 'audio_url': 'y', 'resolution': '720p'});
  final body = {'talking_photo_url': 'x', 'resolution': '720'};
  await dio.post('/content/video/createbytalkingphoto', data: body);
  final r = await dio.get('/content/video/infobymodelid', queryParameters: {'id': 'abc'});
  await dio.post('/content/video/createbyphoto', data: body);
  print(r.data['data']['url']);
  if (r.data['data']['video_status'] == 5) {
    print('done');
  }
  if (r.data['code'] != 200) {
    print('failed');
  }
}
