import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Talking-photo jobs; the base comes from the deployment's AKOOL_API_URL. */
public class AkoolEnvJobs {
  private static final String BASE = System.getenv("AKOOL_API_URL");
  private final HttpClient http = HttpClient.newHttpClient();

  public String status(String id) throws Exception {
    HttpRequest req = HttpRequest.newBuilder(URI.create(BASE + "/content/video/status/" + id))
        .header("x-api-key", System.getenv("AKOOL_API_KEY"))
        .build();
    return http.send(req, HttpResponse.BodyHandlers.ofString()).body();
  }

  public String info(String id) throws Exception {
    String url = System.getenv("AKOOL_API_URL") + "/content/video/infobymodelid?video_model_id=" + id;
    return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
  }
}
