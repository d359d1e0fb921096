import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
public class JResolve {
    static final URI BASE = URI.create("https://openapi.akool.com/api/open/v3/");
    String credit(HttpClient http) throws Exception {
        var req = HttpRequest.newBuilder(BASE.resolve("/faceswap/quota/info")).header("x-api-key", System.getenv("AKOOL_API_KEY")).build();
        return http.send(req, HttpResponse.BodyHandlers.ofString()).body();
    }
}
