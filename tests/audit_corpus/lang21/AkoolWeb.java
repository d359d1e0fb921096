import java.util.List;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.WebClient;

public class AkoolWeb {
    private static final String BASE = "https://openapi.akool.com/api/open/v3";
    private final WebClient web = WebClient.builder()
            .baseUrl(BASE)
            .defaultHeader("x-api-key", System.getenv("AKOOL_API_KEY"))
            .build();

    public Map status(String id) {
        return web.get().uri("/content/video/status/" + id).retrieve().bodyToMono(Map.class).block();
    }

    public Map image(String prompt) {
        return web.post()
                .uri("/content/image/createbyprompt")
                .bodyValue(Map.of("prompt", prompt, "size", "1:1"))
                .retrieve()
                .bodyToMono(Map.class)
                .block();
    }

    public Map results(String ids) {
        return web.get()
                .uri(u -> u.path("/faceswap/result/list").queryParam("_ids", ids).build())
                .retrieve()
                .bodyToMono(Map.class)
                .block();
    }

    public Map info(String id) {
        return web.method(HttpMethod.POST).uri("/content/video/infobymodelid?video_model_id=" + id)
                .retrieve().bodyToMono(Map.class).block();
    }
}
