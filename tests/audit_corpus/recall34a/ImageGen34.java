import java.util.Map;
import org.springframework.web.reactive.function.client.WebClient;

public class ImageGen34 {
  private final WebClient client = WebClient.builder()
      .baseUrl("https://openapi.akool.com/api/open/v3")
      .defaultHeader("x-api-key", System.getenv("AKOOL_API_KEY"))
      .build();

  public String create(String prompt) {
    Map<?, ?> res = client.post().uri("/content/image/createbyprompt")
        .bodyValue(Map.of("prompt", prompt, "scale", "1:1"))
        .retrieve().bodyToMono(Map.class).block();
    return (String) ((Map<?, ?>) res.get("data")).get("image_id");
  }

  public String createRight(String prompt) {
    Map<?, ?> out = client.post().uri("/content/image/createbyprompt")
        .bodyValue(Map.of("prompt", prompt, "scale", "1:1"))
        .retrieve().bodyToMono(Map.class).block();
    return (String) ((Map<?, ?>) out.get("data")).get("_id");
  }
}
