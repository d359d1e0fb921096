package controllers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletionStage;
import javax.inject.Inject;
import play.libs.ws.WSClient;
import play.mvc.Controller;
import play.mvc.Result;

public class VideoController extends Controller {
    private static final String RESULT_URL = "https://openapi.akool.com/api/open/v3/content/video/infobymodelid";
    private final WSClient ws;

    @Inject
    public VideoController(WSClient ws) {
        this.ws = ws;
    }

    public CompletionStage<Result> status(String modelId) {
        return ws.url(RESULT_URL)
                .addQueryParameter("video_model_id", modelId)
                .addHeader("x-api-key", System.getenv("AKOOL_API_KEY"))
                .get()
                .thenApply(resp -> {
                    JsonNode body = resp.asJson();
                    return ok(body.path("data").path("video_url").asText(""));
                });
    }
}
