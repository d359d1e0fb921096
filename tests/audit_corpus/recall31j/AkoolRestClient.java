import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

public class AkoolRestClient {
    private final RestClient restClient = RestClient.builder()
        .baseUrl("https://openapi.akool.com/api/open/v3")
        .defaultHeader("x-api-key", System.getenv("AKOOL_KEY"))
        .build();

    public record TalkingPhotoRequest(String talking_photo_url, String resolution) {}

    public JsonNode talk(String photo, String audio) {
        return restClient.post()
            .uri("/content/video/createbytalkingphoto")
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("talking_photo_url", photo, "audio_url", audio, "resolution", "720p"))
            .retrieve()
            .body(JsonNode.class);
    }

    public JsonNode held(String photo) {
        TalkingPhotoRequest req = new TalkingPhotoRequest(photo, "1080");
        return restClient.post().uri("/content/video/createbytalkingphoto")
            .contentType(MediaType.APPLICATION_JSON)
            .body(req)
            .retrieve().body(JsonNode.class);
    }

    public String info(String vid) {
        JsonNode root = restClient.get()
            .uri("/content/video/infobymodelid?videoModelId={id}", vid)
            .retrieve()
            .body(JsonNode.class);
        if (root.get("code").asInt() != 200) {
            throw new IllegalStateException(root.get("msg").asText());
        }
        if (root.path("data").path("video_status").asInt() == 5) {
            return null;
        }
        return root.path("data").path("video").asText();
    }

    public JsonNode imagine(String prompt) {
        return restClient.post().uri("/content/image/createbyimagine")
            .body(Map.of("prompt", prompt))
            .retrieve().body(JsonNode.class);
    }

    public String image(String iid) {
        JsonNode root = restClient.get()
            .uri(b -> b.path("/content/image/infobymodelid").queryParam("image_model_id", iid).build())
            .retrieve()
            .body(JsonNode.class);
        return root.path("data").path("image_url").asText();
    }
}
