import com.fasterxml.jackson.databind.*;
import java.net.http.*;
import java.net.URI;
public class J1 {
  static String f(String key, String id) throws Exception {
    HttpRequest req = HttpRequest.newBuilder(URI.create("https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=" + id)).header("x-api-key", key).GET().build();
    String body = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString()).body();
    JsonNode n = new ObjectMapper().readTree(body);
    return n.at("/data/status").asText();
  }
}
