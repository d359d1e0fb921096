import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.client.RestTemplate;

public class ReageJob {
    private static final String REAGE_URL = "https://openapi.akool.com/api/open/v3/faceswap/highquality/imgreage";
    private final RestTemplate rest = new RestTemplate();

    public Map<?, ?> younger(String imageUrl) {
        Map<String, Object> body = new HashMap<>();
        body.put("targetImage", List.of(Map.of("path", imageUrl, "opts", "")));
        body.put("face_reage", String.valueOf(-10));
        body.put("modifyImage", imageUrl);
        return rest.postForObject(REAGE_URL, body, Map.class);
    }
}
