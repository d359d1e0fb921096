import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

public class EqualsWrong {
    static class EqVideoData {
        @JsonProperty("video_status")
        private int videoStatus;
        private String video;
        public int getVideoStatus() { return videoStatus; }
        public String getVideo() { return video; }
    }
    static class EqResult {
        private int code;
        private String msg;
        private EqVideoData data;
        public int getCode() { return code; }
        public EqVideoData getData() { return data; }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper mapper = new ObjectMapper();

    public String video(String id) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create("https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=" + id))
                .header("x-api-key", System.getenv("AKOOL_API_KEY")).GET().build();
        HttpResponse<String> response = http.send(req, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("http " + response.statusCode());
        }
        EqResult res = mapper.readValue(response.body(), EqResult.class);
        if (res.getCode() != 1000) {
            throw new IllegalStateException(res.msg);
        }
        if (res.getData().getVideoStatus().equals(2)) {
            return res.getData().getVideo();
        }
        return null;
    }
}
