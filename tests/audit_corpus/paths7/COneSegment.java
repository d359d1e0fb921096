import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;

public class COneSegment {
    private static final String AKOOL_API = "https://openapi.akool.com/api/open";
    private final HttpClient http = HttpClient.newHttpClient();

    public HttpRequest status(String id) {
        return HttpRequest.newBuilder(URI.create(AKOOL_API + "/status?id=" + id)).GET().build();
    }

    public HttpRequest token() {
        return HttpRequest.newBuilder(URI.create(AKOOL_API + "/v3/getToken")).GET().build();
    }
}
