import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.json.JSONObject;

public class OrgJsonGood {
    private static final String BASE = "https://openapi.akool.com/api/open/v3";
    private final HttpClient http = HttpClient.newHttpClient();

    public String imageUrl(String id) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(BASE + "/content/image/infobymodelid?image_model_id=" + id))
                .header("x-api-key", System.getenv("AKOOL_API_KEY")).GET().build();
        JSONObject j = new JSONObject(http.send(req, HttpResponse.BodyHandlers.ofString()).body());
        JSONObject data = j.getJSONObject("data");
        if (data.getInt("image_status") == 3) {
            return data.getString("image");
        }
        return null;
    }
}
