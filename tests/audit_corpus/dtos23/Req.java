import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.web.client.RestTemplate;
public class Req {
    public record TalkReq(@JsonProperty("talking_photo_url") String photo, @JsonProperty("audio_url") String audio, @JsonProperty("webhook_url") String hook) {}
    public Object create(RestTemplate rest, TalkReq r) {
        return rest.postForObject("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto", r, Object.class);
    }
}
