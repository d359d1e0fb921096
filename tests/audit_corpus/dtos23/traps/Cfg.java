import org.springframework.http.*;
import org.springframework.web.client.RestTemplate;
public class Cfg {
    public static class Opts { public int timeout; public String region; }
    public record Talk(String talking_photo_url, String audio_url) {}
    public Object create(RestTemplate rest, Talk t, Opts o) {
        HttpHeaders headers = new HttpHeaders();
        HttpEntity<Talk> e = new HttpEntity<>(t, headers);
        return rest.exchange("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto", HttpMethod.POST, e, Object.class);
    }
}
