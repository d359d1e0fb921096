package io.akool.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

public class AkoolClient {
    private final String apiKey;
    private final String baseUrl;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper mapper = new ObjectMapper();

    public AkoolClient(String apiKey) {
        this(apiKey, "https://openapi.akool.com/api/open/v3");
    }

    public AkoolClient(String apiKey, String baseUrl) {
        this.apiKey = apiKey;
        this.baseUrl = baseUrl;
    }

    private JsonNode get(String path) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("x-api-key", apiKey).GET().build();
        return mapper.readTree(http.send(req, HttpResponse.BodyHandlers.ofString()).body());
    }

    private JsonNode post(String path, Map<String, ?> body) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("x-api-key", apiKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body))).build();
        return mapper.readTree(http.send(req, HttpResponse.BodyHandlers.ofString()).body());
    }

    public JsonNode lipSync(String video, String audio, String hook) throws Exception {
        return post("/content/video/lipsync", Map.of("video_url", video, "audio_url", audio));
    }

    public JsonNode info(String id) throws Exception {
        return get("/content/video/infobymodelid?video_model_id=" + id);
    }

    public JsonNode quota() throws Exception {
        return get("/faceswap/quota/info");
    }

    public JsonNode avatars() throws Exception {
        return get("/avatar/lists?from=2");
    }
}
