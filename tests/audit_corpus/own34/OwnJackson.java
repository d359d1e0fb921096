import java.net.http.*;
import java.net.URI;
import com.fasterxml.jackson.databind.JsonNode;

public class OwnJackson {
    static boolean delivered(JsonNode job) {
        return job.get("video_status").asInt() == 5;
    }

    static HttpResponse<String> create(HttpClient c, String token) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"))
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString("{\"talking_photo_url\":\"u\",\"audio_url\":\"a\"}")).build();
        return c.send(r, HttpResponse.BodyHandlers.ofString());
    }
}
