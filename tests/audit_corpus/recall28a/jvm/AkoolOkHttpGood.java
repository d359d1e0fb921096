package com.example.akool;

import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

public class AkoolOkHttpGood {
    private static final String BASE = "https://openapi.akool.com/api/open/v3";
    private final OkHttpClient http = new OkHttpClient();
    private final String token;

    public AkoolOkHttpGood(String token) {
        this.token = token;
    }

    public String talkingPhoto(String photo, String audio) throws Exception {
        HttpUrl url = new HttpUrl.Builder()
                .scheme("https")
                .host("openapi.akool.com")
                .addPathSegments("api/open/v3/content/video/createbytalkingphoto")
                .build();
        String json = "{\"talking_photo_url\":\"" + photo + "\",\"audio_url\":\"" + audio + "\",\"resolution\":\"720\"}";
        Request req = new Request.Builder().url(url)
                .header("Authorization", "Bearer " + token)
                .post(RequestBody.create(json, MediaType.get("application/json")))
                .build();
        try (Response res = http.newCall(req).execute()) {
            return res.body().string();
        }
    }

    public String swap(String json) throws Exception {
        HttpUrl url = new HttpUrl.Builder()
                .scheme("https")
                .host("openapi.akool.com")
                .addPathSegments("api/open/v3/faceswap/highquality/specifyimage")
                .build();
        Request req = new Request.Builder().url(url)
                .header("Authorization", "Bearer " + token)
                .post(RequestBody.create(json, MediaType.get("application/json")))
                .build();
        try (Response res = http.newCall(req).execute()) {
            return res.body().string();
        }
    }

    public String status(String id) throws Exception {
        HttpUrl url = HttpUrl.parse(BASE).newBuilder()
                .addPathSegment("content")
                .addPathSegment("video")
                .addPathSegment("infobymodelid")
                .addQueryParameter("video_model_id", id)
                .build();
        Request req = new Request.Builder().url(url).header("Authorization", "Bearer " + token).get().build();
        try (Response res = http.newCall(req).execute()) {
            return res.body().string();
        }
    }
}
