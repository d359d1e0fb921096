package com.example.studio;

import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

@Service
public class CharacterSwapClient {
    @Value("${akool.base-url:https://openapi.akool.com}")
    private String baseUrl;

    @Value("${akool.api-key}")
    private String apiKey;

    private final WebClient web = WebClient.create();

    public Mono<String> create(String image, String video) {
        return web.post()
                .uri(baseUrl + "/api/open/v4/characterSwap/create")
                .header("x-api-key", apiKey)
                .bodyValue(Map.of("image", image, "video", video, "mode", "swap", "resolution", "720p"))
                .retrieve()
                .bodyToMono(String.class);
    }

    public Mono<String> detail(String id) {
        return web.get()
                .uri(baseUrl + "/api/open/v4/characterSwap/detail?_id=" + id)
                .header("x-api-key", apiKey)
                .retrieve()
                .bodyToMono(String.class);
    }
}
