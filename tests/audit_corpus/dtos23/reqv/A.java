import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.annotations.SerializedName;
import java.net.URI;
import java.net.http.*;

public class A {
    static class TalkReq {
        @SerializedName("talking_photo_url") String photo;
        @SerializedName("audio_url") String audio;
        @SerializedName("webhook_url") String hook;
    }

    private final ObjectMapper mapper = new ObjectMapper();

    public HttpResponse<String> create(HttpClient http, TalkReq r) throws Exception {
        String json = mapper.writeValueAsString(r);
        HttpRequest req = HttpRequest.newBuilder(URI.create("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
        return http.send(req, HttpResponse.BodyHandlers.ofString());
    }
}
