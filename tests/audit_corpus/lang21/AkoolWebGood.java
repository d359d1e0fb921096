import java.util.Map;
import org.springframework.web.reactive.function.client.WebClient;

public class AkoolWebGood {
    private final WebClient web = WebClient.builder().baseUrl("https://openapi.akool.com/api/open/v3").build();

    public Map info(String id) {
        return web.get()
                .uri(u -> u.path("/content/video/infobymodelid").queryParam("video_model_id", id).build())
                .retrieve()
                .bodyToMono(Map.class)
                .block();
    }

    public Map image(String prompt) {
        return web.post()
                .uri("/content/image/createbyprompt")
                .bodyValue(Map.of("prompt", prompt, "scale", "1:1"))
                .retrieve()
                .bodyToMono(Map.class)
                .block();
    }

    public Map results(String ids) {
        return web.get().uri("/faceswap/result/listbyids?_ids=" + ids).retrieve().bodyToMono(Map.class).block();
    }
}
