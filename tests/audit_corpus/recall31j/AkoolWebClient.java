import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

public class AkoolWebClient {
    private final WebClient webClient = WebClient.builder()
        .baseUrl("https://openapi.akool.com/api/open/v3")
        .defaultHeader("x-api-key", System.getenv("AKOOL_KEY"))
        .build();

    public Mono<JsonNode> talk(String photo, String audio) {
        return webClient.post()
            .uri("/content/video/createbytalkingphoto")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("talking_photo_url", photo, "audio_url", audio, "resolution", "720p"))
            .retrieve()
            .bodyToMono(JsonNode.class);
    }

    public Mono<JsonNode> held(String photo) {
        Map<String, Object> body = new HashMap<>();
        body.put("talking_photo_url", photo);
        body.put("resolution", "1080");
        return webClient.post().uri("/content/video/createbytalkingphoto")
            .bodyValue(body)
            .retrieve().bodyToMono(JsonNode.class);
    }

    public Mono<String> info(String vid) {
        return webClient.get()
            .uri(b -> b.path("/content/video/infobymodelid").queryParam("videoModelId", vid).build())
            .retrieve()
            .bodyToMono(JsonNode.class)
            .map(root -> {
                if (root.get("code").asInt() != 200) {
                    throw new IllegalStateException(root.get("msg").asText());
                }
                if (root.path("data").path("video_status").asInt() == 5) {
                    return "";
                }
                return root.path("data").path("video").asText();
            });
    }

    public Mono<JsonNode> imagine(String prompt) {
        return webClient.post().uri("/content/image/createbyimagine")
            .bodyValue(Map.of("prompt", prompt))
            .retrieve().bodyToMono(JsonNode.class);
    }

    public Mono<String> image(String iid) {
        return webClient.get()
            .uri(b -> b.path("/content/image/infobymodelid").queryParam("image_model_id", iid).build())
            .retrieve()
            .bodyToMono(JsonNode.class)
            .map(root -> root.path("data").path("image_url").asText());
    }
}
