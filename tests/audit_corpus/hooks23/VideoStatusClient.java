// Spring WebClient: bodyToMono(Map.class).block() is the parsed answer.
import java.util.Map;
import org.springframework.web.reactive.function.client.WebClient;

public class VideoStatusClient {
  private final WebClient web = WebClient.create();

  public Object status(String id) {
    Map body = web.get().uri("https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=" + id)
        .header("x-api-key", System.getenv("AKOOL_KEY")).retrieve().bodyToMono(Map.class).block();
    if (!Integer.valueOf(1000).equals(body.get("code"))) throw new IllegalStateException((String) body.get("msg"));
    return body.get("video_url");
  }
}
