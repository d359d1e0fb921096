import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

public class JacksonHeldNode {
    static final String API = "https://openapi.akool.com/api/open/v3";

    static String poll(String id) throws Exception {
        HttpResponse<String> res = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(API + "/content/video/infobymodelid?video_model_id=" + id)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode root = new ObjectMapper().readTree(res.body());
        JsonNode job = root.path("data");
        int st = job.path("status").asInt();
        if (st != 3) {
            return null;
        }
        return job.path("video_url").asText();
    }
}
