import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

final class AkoolPaths {
    static final String QUOTA = "https://openapi.akool.com/api/open/v3/faceswap/quota/info";

    private AkoolPaths() {}
}

class QuotaCheck {
    double left(HttpClient http, ObjectMapper om) throws Exception {
        var req = HttpRequest.newBuilder(URI.create(AkoolPaths.QUOTA))
                .header("x-api-key", System.getenv("AKOOL_API_KEY"))
                .build();
        JsonNode root = om.readTree(http.send(req, HttpResponse.BodyHandlers.ofString()).body());
        return root.path("data").path("credit").asDouble();
    }
}
