import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.net.URI;
import java.net.http.*;
import java.util.Map;

public class Jackson {
  private static final ObjectMapper M = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
  record Talk(String talkingPhotoUrl, String audioUrl, String resolution) {}

  public static String talk(HttpClient c, String p, String a) throws Exception {
    String body = M.writeValueAsString(new Talk(p, a, "1080"));
    HttpRequest r = HttpRequest.newBuilder(URI.create("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return c.send(r, HttpResponse.BodyHandlers.ofString()).body();
  }
}
