package demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.*;

public class Client {
    static final String BASE = "https://openapi.akool.com/api/open/v3";

    public static String fetch(String id) throws Exception {
        var req = HttpRequest.newBuilder(URI.create(BASE + "/content/video/infobymodelid?video_model_id=" + id)).GET().build();
        var body = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString()).body();
        VideoInfo r = new ObjectMapper().readValue(body, VideoInfo.class);
        return r.data.done() ? r.data.url : null;
    }
}
