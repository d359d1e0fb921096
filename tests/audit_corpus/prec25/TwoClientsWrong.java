import org.springframework.web.reactive.function.client.WebClient;
public class TwoClientsWrong {
  private final WebClient v3 = WebClient.builder().baseUrl("https://openapi.akool.com/api/open/v3").build();
  private final WebClient v4 = WebClient.builder().baseUrl("https://openapi.akool.com/api/open/v4").build();
  public Object voices() { return v4.get().uri("/faceswap/result/listbyids?_ids=a").retrieve().bodyToMono(String.class).block(); }
}
