package com.example.akool;

public class AkoolClient {
    private final String base = "https://openapi.akool.com/api/open/v3";
    private final OkHttpClient http = new OkHttpClient();

    public String post(String path, String json) throws IOException {
        Request req = new Request.Builder().url(base + path).post(RequestBody.create(json, JSON)).build();
        return http.newCall(req).execute().body().string();
    }
}
