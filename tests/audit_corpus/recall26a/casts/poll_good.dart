import 'dart:convert';
import 'package:http/http.dart' as http;

const base = 'https://openapi.akool.com/api/open/v3';

Future<String?> videoUrl(String id, String key) async {
  final res = await http.get(Uri.parse('$base/content/video/infobymodelid?video_model_id=$id'), headers: {'x-api-key': key});
  final body = jsonDecode(res.body) as Map<String, dynamic>;
  final status = (body['data']['video_status'] as int?) ?? 0;
  if (status == 4) return null;
  return body['data']['video'] as String?;
}
