import org.springframework.web.reactive.function.client.WebClient;
class WebClientGood {
  WebClient web = WebClient.builder().baseUrl("https://openapi.akool.com/api/open/v3").build();
  Object info(String id) {
    return web.get().uri("/content/video/infobymodelid?video_model_id=" + id).retrieve().bodyToMono(String.class).block();
  }
}
