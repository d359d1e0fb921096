package com.example.akool;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

public class AkoolFaceswap {
    private static final String BASE = "https://openapi.akool.com/api/open/v3/";
    private final HttpClient http = HttpClient.newHttpClient();
    private final String key;
    private final String token;

    public AkoolFaceswap(String key, String token) { this.key = key; this.token = token; }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(BASE + path))
            .header("x-api-key", key)
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json");
    }

    public String swapVideo(String json) throws Exception {
        return http.send(request("faceswap/highquality/specifyvideo").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
            HttpResponse.BodyHandlers.ofString()).body();
    }

    public String credit() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(BASE + "faceswap/quota/info")).header("x-api-key", key).build(),
            HttpResponse.BodyHandlers.ofString()).body();
    }

    public String changeBackground(String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(BASE + "content/image/bg/replace")).header("x-api-key", key)
            .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
