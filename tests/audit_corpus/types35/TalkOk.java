import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

public class TalkOk {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static String talk(String photo, String audio) throws Exception {
        String json = MAPPER.writeValueAsString(Map.of("talking_photo_url", photo, "audio_url", audio, "resolution", "720"));
        HttpRequest req = HttpRequest.newBuilder(URI.create("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"))
            .header("x-api-key", System.getenv("AKOOL_API_KEY"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
        return HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString()).body();
    }
}
