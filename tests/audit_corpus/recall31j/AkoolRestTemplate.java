import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestTemplate;

@Service
public class AkoolRestTemplate {
    @Value("${akool.base-url:https://openapi.akool.com/api/open/v3}")
    private String baseUrl;
    private final RestTemplate restTemplate = new RestTemplate();

    private HttpHeaders headers() {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        h.set("x-api-key", System.getenv("AKOOL_KEY"));
        return h;
    }

    public JsonNode talk(String photo, String audio) {
        Map<String, Object> body = Map.of("talking_photo_url", photo, "audio_url", audio, "resolution", "720p");
        return restTemplate.postForObject("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto",
            new HttpEntity<>(body, headers()), JsonNode.class);
    }

    public JsonNode held(String photo) {
        Map<String, Object> body = new HashMap<>();
        body.put("talking_photo_url", photo);
        body.put("resolution", "1080");
        HttpEntity<Map<String, Object>> entity = new HttpEntity<>(body, headers());
        return restTemplate.postForObject("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto", entity, JsonNode.class);
    }

    public String info(String vid) {
        ResponseEntity<JsonNode> resp = restTemplate.exchange(
            "https://openapi.akool.com/api/open/v3/content/video/infobymodelid?videoModelId={id}",
            HttpMethod.GET, new HttpEntity<>(headers()), JsonNode.class, vid);
        JsonNode root = resp.getBody();
        if (root.get("code").asInt() != 200) {
            throw new IllegalStateException(root.get("msg").asText());
        }
        if (root.path("data").path("video_status").asInt() == 5) {
            return null;
        }
        return root.path("data").path("video").asText();
    }

    public JsonNode imagine(String prompt) {
        return restTemplate.postForObject(baseUrl + "/content/image/createbyimagine",
            new HttpEntity<>(Map.of("prompt", prompt), headers()), JsonNode.class);
    }

    public String image(String iid) {
        ResponseEntity<JsonNode> resp = restTemplate.exchange(
            "https://openapi.akool.com/api/open/v3/content/image/infobymodelid?image_model_id={id}",
            HttpMethod.GET, new HttpEntity<>(headers()), JsonNode.class, iid);
        return resp.getBody().path("data").path("image_url").asText();
    }
}
