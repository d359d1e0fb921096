import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
public class GoodResolve {
    static final URI BASE = URI.create("https://openapi.akool.com/api/open/v3/");
    static final URI ORIGIN = URI.create("https://openapi.akool.com");
    String credit(HttpClient http) throws Exception {
        var req = HttpRequest.newBuilder(BASE.resolve("faceswap/quota/info")).header("x-api-key", System.getenv("AKOOL_API_KEY")).build();
        var req2 = HttpRequest.newBuilder(ORIGIN.resolve("/api/open/v3/faceswap/quota/info")).build();
        return http.send(req, HttpResponse.BodyHandlers.ofString()).body();
    }
}
