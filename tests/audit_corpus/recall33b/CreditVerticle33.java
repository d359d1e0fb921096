import io.vertx.core.AbstractVerticle;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;

public class CreditVerticle33 extends AbstractVerticle {
    @Override
    public void start() {
        WebClient client = WebClient.create(vertx);
        client.getAbs("https://openapi.akool.com/api/open/v3/faceswap/quota/info")
            .putHeader("x-api-key", System.getenv("AKOOL_API_KEY"))
            .send()
            .onSuccess(res -> {
                JsonObject data = res.bodyAsJsonObject().getJsonObject("data");
                System.out.println("credits left: " + data.getDouble("credits"));
            });
    }
}
