package app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

enum VideoStatus {
    QUEUED(1), PROCESSING(2), DONE(2), FAILED(4);

    final int code;

    VideoStatus(int code) { this.code = code; }
}

class EnumPoller {
    String poll(HttpClient http, ObjectMapper om, String id) throws Exception {
        var req = HttpRequest.newBuilder(URI.create("https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=" + id)).build();
        JsonNode root = om.readTree(http.send(req, HttpResponse.BodyHandlers.ofString()).body());
        if (root.path("data").path("video_status").asInt() == VideoStatus.DONE.code) {
            return root.path("data").path("video").asText();
        }
        return null;
    }
}
