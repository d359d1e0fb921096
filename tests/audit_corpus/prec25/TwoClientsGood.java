import org.springframework.web.reactive.function.client.WebClient;
public class TwoClientsGood {
  private final WebClient v3 = WebClient.builder().baseUrl("https://openapi.akool.com/api/open/v3").build();
  private final WebClient v4 = WebClient.builder()
      .baseUrl("https://openapi.akool.com/api/open/v4")
      .build();
  public Object info(String id) { return v3.get().uri(u -> u.path("/content/video/infobymodelid").queryParam("video_model_id", id).build()).retrieve().bodyToMono(String.class).block(); }
  public Object voices() { return v4.get().uri("/voice/list?type=1").retrieve().bodyToMono(String.class).block(); }
}
