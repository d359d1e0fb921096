import org.springframework.http.*;
import org.springframework.web.client.RestTemplate;
import java.util.List;
public class Talk {
    public record TalkReq(String talking_photo_url, String audio_url) {}
    public static class TalkData { public String _id; public int vstatus; public String video; }
    public static class TalkResp { public int code; public String msg; public TalkData data; }
    public static class Other { public String name; public int status; }
    public TalkResp create(RestTemplate rest, TalkReq t, HttpHeaders headers) {
        ResponseEntity<TalkResp> r = rest.exchange("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto", HttpMethod.POST, new HttpEntity<TalkReq>(t, headers), TalkResp.class);
        List<Other> others = List.<Other>of();
        return r.getBody();
    }
}
