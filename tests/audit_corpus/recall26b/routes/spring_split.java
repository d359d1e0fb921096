import org.springframework.web.bind.annotation.*;
import org.springframework.web.client.RestTemplate;
import java.util.Map;

@RestController
public class Mirror {
    private static final String AKOOL = "https://openapi.akool.com/api/open/v3";
    private final RestTemplate rt = new RestTemplate();

    @PostMapping(
        value = "/api/open/v3/photo/talking",
        consumes = "application/json"
    )
    public Object talk(@RequestBody Map<String, Object> body) {
        return rt.postForObject(AKOOL + "/content/video/createbytalkingphoto", body, Map.class);
    }
}
