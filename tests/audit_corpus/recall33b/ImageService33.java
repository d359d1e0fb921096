package acme.akool;

import java.util.Map;
import org.springframework.http.*;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestTemplate;

@Service
public class ImageService33 {
    private final AkoolProps33 props;
    private final RestTemplate rest = new RestTemplate();

    public ImageService33(AkoolProps33 props) { this.props = props; }

    public Map<?, ?> create(String prompt) {
        HttpHeaders h = new HttpHeaders();
        h.set("x-api-key", props.getApiKey());
        h.setContentType(MediaType.APPLICATION_JSON);
        var body = Map.of("prompt", prompt, "scale", "16:9");
        return rest.postForObject(props.getBaseUrl() + "/content/image/createbyprompts", new HttpEntity<>(body, h), Map.class);
    }
}
