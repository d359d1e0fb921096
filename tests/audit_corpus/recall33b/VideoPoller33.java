import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.*;

public class VideoPoller33 {
    private static final String API = "https://openapi.akool.com/api/open/v3";
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper om = new ObjectMapper();

    public String waitFor(String id, String key) throws Exception {
        while (true) {
            HttpRequest req = HttpRequest.newBuilder(URI.create(API + "/content/video/infobymodelid?video_model_id=" + id))
                .header("x-api-key", key).GET().build();
            JsonNode root = om.readTree(http.send(req, HttpResponse.BodyHandlers.ofString()).body());
            String status = root.path("data").path("video_status").asText();
            if ("succeeded".equals(status)) {
                return root.path("data").path("video").asText();
            }
            Thread.sleep(5000);
        }
    }
}
