package com.example.media.akool;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.json.JSONArray;
import org.json.JSONObject;

/** Calls AKOOL's open API for talking photos and face swaps, with a simple retry. */
public class AkoolClient {
    private static final String BASE = System.getenv().getOrDefault("AKOOL_BASE_URL", "https://openapi.akool.com/api/open/v3");
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(60, TimeUnit.SECONDS).build();
    private final String apiKey;

    public AkoolClient(String apiKey) {
        this.apiKey = apiKey;
    }

    public String talkingPhoto(String photo, String audio) throws IOException {
        JSONObject body = new JSONObject();
        body.put("talking_photo_url", photo);
        body.put("audio_url", audio);
        body.put("resolution", "720p");
        return post(BASE + "/content/video/createbytalkingphoto", body);
    }

    public String videoInfo(String id) throws IOException {
        Request req = new Request.Builder()
                .url(BASE + "/content/video/infobymodelid?video_model_id=" + id)
                .header("x-api-key", apiKey)
                .build();
        try (Response resp = http.newCall(req).execute()) {
            return resp.body().string();
        }
    }

    public String swapImage(String source, String target, String image, String hook) throws IOException {
        JSONObject body = new JSONObject();
        body.put("sourceImage", new JSONArray().put(new JSONObject().put("path", source).put("opts", "")));
        body.put("targetImage", new JSONArray().put(new JSONObject().put("path", target).put("opts", "")));
        body.put("modifyImage", image);
        body.put("webhook_url", hook);
        return post(BASE + "/faceswap/highquality/specifyimage", body);
    }

    private String post(String url, JSONObject body) throws IOException {
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            Request req = new Request.Builder()
                    .url(url)
                    .header("x-api-key", apiKey)
                    .post(RequestBody.create(body.toString(), JSON))
                    .build();
            try (Response resp = http.newCall(req).execute()) {
                if (resp.code() < 500) {
                    return resp.body().string();
                }
            } catch (IOException e) {
                last = e;
            }
        }
        throw last != null ? last : new IOException("AKOOL kept failing");
    }
}
