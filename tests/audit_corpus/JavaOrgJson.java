package com.example.akool;

import com.google.gson.JsonObject;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.json.JSONObject;

/** Talking photos and lip sync through AKOOL's open API (org.json and Gson bodies). */
public class JavaOrgJson {
    private static final String BASE = "https://openapi.akool.com/api/open/v3";
    private static final MediaType JSON = MediaType.get("application/json");
    private final OkHttpClient http = new OkHttpClient();

    public String talk(String photo, String audio) throws Exception {
        String payload = new JSONObject().put("talking_photo_url", photo).put("audio_url", audio).put("resolution", "720p").toString();
        Request req = new Request.Builder().url(BASE + "/content/video/createbytalkingphoto").post(RequestBody.create(payload, JSON)).build();
        return http.newCall(req).execute().body().string();
    }

    public String lipsync(String video, String audio, String hook) throws Exception {
        JsonObject o = new JsonObject();
        o.addProperty("video_url", video);
        o.addProperty("audio_url", audio);
        o.addProperty("webhook_url", hook);
        RequestBody body = RequestBody.create(o.toString(), JSON);
        Request req = new Request.Builder().url(BASE + "/content/video/lipsync").post(body).build();
        return http.newCall(req).execute().body().string();
    }
}
