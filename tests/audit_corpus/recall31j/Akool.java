import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

public class Akool {
    private static final String BASE = System.getenv().getOrDefault("AKOOL_BASE", "https://openapi.akool.com/api/open/v3");
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper mapper = new ObjectMapper();
    private final String key = System.getenv("AKOOL_KEY");

    private HttpResponse<String> post(String url, String json) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url))
            .header("x-api-key", key).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return http.send(req, HttpResponse.BodyHandlers.ofString());
    }

    public String talk(String photo, String audio) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"))
            .header("x-api-key", key).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"talking_photo_url\":\"" + photo + "\",\"audio_url\":\"" + audio + "\",\"resolution\":\"720p\"}"))
            .build();
        return http.send(req, HttpResponse.BodyHandlers.ofString()).body();
    }

    public String held(String photo) throws Exception {
        ObjectNode body = mapper.createObjectNode();
        body.put("talking_photo_url", photo);
        body.put("resolution", "1080");
        HttpRequest req = HttpRequest.newBuilder(URI.create("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"))
            .header("x-api-key", key).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body))).build();
        return http.send(req, HttpResponse.BodyHandlers.ofString()).body();
    }

    public String info(String vid) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create("https://openapi.akool.com/api/open/v3/content/video/infobymodelid?videoModelId=" + vid))
            .header("x-api-key", key).GET().build();
        JsonNode root = mapper.readTree(http.send(req, HttpResponse.BodyHandlers.ofString()).body());
        if (root.get("code").asInt() != 200) {
            throw new IllegalStateException(root.path("msg").asText());
        }
        if (root.path("data").path("video_status").asInt() == 5) {
            return null;
        }
        return root.path("data").path("video").asText();
    }

    public String imagine(String prompt) throws Exception {
        return post(BASE + "/content/image/createbyimagine", mapper.writeValueAsString(Map.of("prompt", prompt))).body();
    }

    public String image(String iid) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create("https://openapi.akool.com/api/open/v3/content/image/infobymodelid?image_model_id=" + iid))
            .header("x-api-key", key).GET().build();
        JsonNode root = mapper.readTree(http.send(req, HttpResponse.BodyHandlers.ofString()).body());
        return root.path("data").path("image_url").asText();
    }
}
