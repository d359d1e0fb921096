import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;

public class JavaLogin {
    private static final String AKOOL_ROOT = "https://api.akool.com";

    HttpRequest login(String json) {
        return HttpRequest.newBuilder(URI.create(AKOOL_ROOT + "/api/v1/public/login"))
            .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    HttpRequest avatars(String key) {
        return HttpRequest.newBuilder(URI.create(AKOOL_ROOT + "/api/open/v3/avatar/list"))
            .header("x-api-key", key).GET().build();
    }
}
