import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

public class AkoolVertx {
    private static final String HOST = "openapi.akool.com";
    private final WebClient client;
    private final String key = System.getenv("AKOOL_KEY");

    public AkoolVertx(Vertx vertx) {
        client = WebClient.create(vertx, new WebClientOptions().setDefaultHost(HOST).setDefaultPort(443).setSsl(true));
    }

    public Future<JsonObject> talk(String photo, String audio) {
        return client.postAbs("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto")
            .putHeader("x-api-key", key)
            .sendJsonObject(new JsonObject().put("talking_photo_url", photo).put("audio_url", audio).put("resolution", "720p"))
            .map(r -> r.bodyAsJsonObject());
    }

    public Future<JsonObject> held(String photo) {
        JsonObject body = new JsonObject()
            .put("talking_photo_url", photo)
            .put("resolution", "1080");
        return client.postAbs("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto")
            .putHeader("x-api-key", key)
            .sendJsonObject(body)
            .map(r -> r.bodyAsJsonObject());
    }

    public Future<String> info(String vid) {
        return client.getAbs("https://openapi.akool.com/api/open/v3/content/video/infobymodelid")
            .putHeader("x-api-key", key)
            .addQueryParam("videoModelId", vid)
            .send()
            .map(r -> {
                JsonObject root = r.bodyAsJsonObject();
                if (root.getInteger("code") != 200) {
                    throw new IllegalStateException(root.getString("msg"));
                }
                JsonObject data = root.getJsonObject("data");
                if (data.getInteger("video_status") == 5) {
                    return null;
                }
                return data.getString("video");
            });
    }

    public Future<JsonObject> imagine(String prompt) {
        return client.post(443, HOST, "/api/open/v3/content/image/createbyimagine")
            .putHeader("x-api-key", key)
            .sendJsonObject(new JsonObject().put("prompt", prompt))
            .map(r -> r.bodyAsJsonObject());
    }

    public Future<String> image(String iid) {
        return client.getAbs("https://openapi.akool.com/api/open/v3/content/image/infobymodelid")
            .putHeader("x-api-key", key)
            .addQueryParam("image_model_id", iid)
            .send()
            .map(r -> r.bodyAsJsonObject().getJsonObject("data").getString("image_url"));
    }
}
