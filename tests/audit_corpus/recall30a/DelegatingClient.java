package com.example.akool;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

public class DelegatingClient {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String apiKey;
    private final String baseUrl;

    public DelegatingClient(String apiKey) {
        this(apiKey, "https://openapi.akool.com/api/open/v3");
    }

    public DelegatingClient(String apiKey, String baseUrl) {
        this.apiKey = apiKey;
        this.baseUrl = baseUrl;
    }

    private JsonNode get(String path) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("x-api-key", apiKey)
            .GET()
            .build();
        return MAPPER.readTree(http.send(req, HttpResponse.BodyHandlers.ofString()).body());
    }

    public String imageUrl(String id) throws Exception {
        return get("/content/image/infobymodelid?image_model_id=" + id).path("data").path("image_url").asText();
    }
}
