import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.*;

public class Good33 {
    public boolean done(HttpClient http, ObjectMapper om, String id) throws Exception {
        var req = HttpRequest.newBuilder(URI.create("https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=" + id)).build();
        JsonNode root = om.readTree(http.send(req, HttpResponse.BodyHandlers.ofString()).body());
        String status = root.path("data").path("video_status").asText();
        return "3".equals(status);
    }

    public String voices(HttpClient http) throws Exception {
        var req = HttpRequest.newBuilder(URI.create("https://openapi.akool.com/api/open/v4/voice/list?type=1&page=1")).build();
        return http.send(req, HttpResponse.BodyHandlers.ofString()).body();
    }
}
