import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

public class JavaDocRefs {
    /**
     * The talking photo's status.
     * {@link https://api.akool.com/api/open/v3/content/video/status}
     * @see <a href="https://api.akool.com/api/open/v3/photo/talking">the old endpoint</a>
     */
    static String status(String id) throws Exception {
        HttpRequest req = HttpRequest.newBuilder()
            .uri(URI.create("https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=" + id))
            .header("x-api-key", System.getenv("AKOOL_API_KEY"))
            .GET().build();
        return HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString()).body();
    }
}
