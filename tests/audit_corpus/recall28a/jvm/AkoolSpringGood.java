package com.example.akool;

import java.net.URI;
import java.util.Map;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.util.UriComponentsBuilder;

public class AkoolSpringGood {
    private static final String BASE = "https://openapi.akool.com/api/open/v3";
    private final RestTemplate rest = new RestTemplate();

    public Map<?, ?> status(String id) {
        URI uri = UriComponentsBuilder.fromHttpUrl(BASE)
                .path("/content/video/infobymodelid")
                .queryParam("video_model_id", id)
                .build()
                .toUri();
        return rest.getForObject(uri, Map.class);
    }

    public Map<?, ?> callback(String host) {
        // our own server's webhook route, built on another host: not AKOOL's
        URI uri = UriComponentsBuilder.fromHttpUrl(host).path("/content/video/status").build().toUri();
        return rest.getForObject(uri, Map.class);
    }

    public Map<?, ?> quota() {
        URI uri = UriComponentsBuilder.fromHttpUrl(BASE).path("/faceswap/quota/info").build().toUri();
        return rest.getForObject(uri, Map.class);
    }
}
