// Generate an image and read its result with package:http (written for the audit's corpus).
import 'dart:convert';
import 'package:http/http.dart' as http;

const api = 'https://openapi.akool.com/api/open/v3';

Future<String?> image(String id) async {
  final info = await http.get(Uri.parse('$api/content/image/infobymodelid?image_model_id=$id'));
  final answer = jsonDecode(info.body);
  return answer['data']['image_url'] ?? answer['data']['url'];
}
