import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;

public class TalkDto {
    static final String BASE = "https://openapi.akool.com/api/open/v3";

    static class TalkRequest {
        @JsonProperty("image_url")
        private String photo;
        @JsonProperty("audio_url")
        private String audio;
        private String resolution = "720p";
        public TalkRequest(String photo, String audio) { this.photo = photo; this.audio = audio; }
    }

    public static void main(String[] args) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        TalkRequest req = new TalkRequest("https://x/p.png", "https://x/a.mp3");
        HttpRequest request = HttpRequest.newBuilder(URI.create(BASE + "/content/video/createbytalkingphoto"))
            .header("x-api-key", System.getenv("AKOOL_API_KEY"))
            .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(req)))
            .build();
        HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
    }
}
