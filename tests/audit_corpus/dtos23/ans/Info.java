import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.*;

public class Info {
    static final String BASE = "https://openapi.akool.com/api/open/v3";

    public static class Data {
        @JsonProperty("_id") public String id;
        @JsonProperty("status") public int status;
        @JsonProperty("video") public String url;
    }

    public static class Resp {
        public int code;
        public Data data;
    }

    public static String fetch(String id) throws Exception {
        var req = HttpRequest.newBuilder(URI.create(BASE + "/content/video/infobymodelid?video_model_id=" + id)).GET().build();
        var body = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString()).body();
        Resp r = new ObjectMapper().readValue(body, Resp.class);
        return r.data.status == 3 ? r.data.url : null;
    }
}
