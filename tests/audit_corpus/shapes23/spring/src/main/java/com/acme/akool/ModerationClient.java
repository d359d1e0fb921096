package com.acme.akool;

import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestTemplate;

@Service
public class ModerationClient {
    @Value("${akool.api.url}")
    private String apiUrl;

    @Value("${akool.api.key}")
    private String apiKey;

    private final Environment env;
    private final RestTemplate rest = new RestTemplate();

    public ModerationClient(Environment env) {
        this.env = env;
    }

    public Map<?, ?> moderate(String text) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("x-api-key", apiKey);
        HttpEntity<Map<String, String>> req = new HttpEntity<>(Map.of("content", text), headers);
        return rest.postForObject(apiUrl + "/text-moderation", req, Map.class);
    }

    public Map<?, ?> sentiment(String text) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("x-api-key", apiKey);
        Map<String, String> body = Map.of("content", text, "type", "1");
        return rest.postForObject(apiUrl + "/content/analysis/sentiment", new HttpEntity<>(body, headers), Map.class);
    }

    public Map<?, ?> voices() {
        String base = env.getProperty("akool.api.url");
        return rest.getForObject(base + "/voice/lists", Map.class);
    }
}
