package demo;

import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestTemplate;

@Service
public class AkoolClient {
    @Value("${akool.api.url}")
    private String baseUrl;

    private final RestTemplate restTemplate = new RestTemplate();

    public String talk(Map<String, Object> body) {
        return restTemplate.postForObject(baseUrl + "/content/video/createbytalkingphotos", body, String.class);
    }

    public String status(String id) {
        return restTemplate.getForObject(baseUrl + "/content/video/infobymodelid?video_model_id=" + id, String.class);
    }
}
