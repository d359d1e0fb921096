package com.acme.akool;

import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;

@Service
public class AkoolRest {
    private static final String BASE = "https://openapi.akool.com/api/open/v3";
    private final RestTemplate rest = new RestTemplate();
    private final WebClient web = WebClient.builder().baseUrl(BASE).build();

    @Value("${akool.api-key}")
    private String apiKey;

    private HttpHeaders headers() {
        HttpHeaders h = new HttpHeaders();
        h.set("x-api-key", apiKey);
        h.setContentType(MediaType.APPLICATION_JSON);
        return h;
    }

    @SuppressWarnings("unchecked")
    public String createImage(String prompt) {
        Map<String, Object> body = Map.of("prompt", prompt, "size", "1:1");
        ResponseEntity<Map> res = rest.postForEntity(BASE + "/content/image/createbyprompt", new HttpEntity<>(body, headers()), Map.class);
        Map<String, Object> data = (Map<String, Object>) res.getBody().get("data");
        return (String) data.get("_id");
    }

    @SuppressWarnings("unchecked")
    public Integer imageStatus(String id) {
        ResponseEntity<Map> res = rest.exchange(BASE + "/content/image/infobymodelid?image_model_id=" + id, HttpMethod.GET,
                new HttpEntity<>(headers()), Map.class);
        Map<String, Object> data = (Map<String, Object>) res.getBody().get("data");
        return (Integer) data.get("status");
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> swapResults(String ids) {
        Map<String, Object> out = web.get()
                .uri(u -> u.path("/faceswap/result/list").queryParam("_ids", ids).build())
                .header("x-api-key", apiKey)
                .retrieve()
                .bodyToMono(Map.class)
                .block();
        Map<String, Object> data = (Map<String, Object>) out.get("data");
        return (List<Map<String, Object>>) data.get("result");
    }

    public String reage(String image, int age) {
        Map<String, Object> body = Map.of(
                "targetImage", List.of(Map.of("path", image, "opts", "1,2:3,4:5,6:7,8")),
                "face_reage", 50,
                "modifyImage", image);
        Map<?, ?> out = web.post().uri("/faceswap/highquality/imgreage").header("x-api-key", apiKey)
                .bodyValue(body).retrieve().bodyToMono(Map.class).block();
        return String.valueOf(((Map<?, ?>) out.get("data")).get("_id"));
    }
}
