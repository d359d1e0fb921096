import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.json.JSONObject;

public class AsyncChain {
    public static void main(String[] args) {
        HttpRequest req = HttpRequest.newBuilder(URI.create("https://openapi.akool.com/api/open/v3/content/image/infobymodelid?image_model_id=" + args[0]))
            .header("x-api-key", System.getenv("K")).GET().build();
        HttpClient.newHttpClient().sendAsync(req, HttpResponse.BodyHandlers.ofString())
            .thenApply(HttpResponse::body)
            .thenApply(b -> new JSONObject(b).getJSONObject("data"))
            .thenAccept(d -> {
                if (d.getInt("image_status") == 3) System.out.println(d.getString("image"));
                else System.out.println(d.getString("image_url"));
            })
            .join();
    }
}
