// Poll a video with OkHttp and org.json (written for the audit's corpus).
class PollJava {
  static final String BASE = "https://openapi.akool.com/api/open/v3";

  String poll(String id) throws Exception {
    Request req = new Request.Builder().url(BASE + "/content/video/infobymodelid?video_model_id=" + id).get().build();
    Response resp = client.newCall(req).execute();
    JSONObject json = new JSONObject(resp.body().string());
    int state = json.getJSONObject("data").getInt("video_status");
    return json.getJSONObject("data").getString("video_url");
  }
}
