import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

class QuotaGson {
  static void show(HttpClient client, String key) throws Exception {
    HttpRequest req = HttpRequest.newBuilder(URI.create("https://openapi.akool.com/api/open/v3/faceswap/quota/info"))
        .header("x-api-key", key).build();
    HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());
    JsonObject root = JsonParser.parseString(r.body()).getAsJsonObject();
    System.out.println(root.get("message").getAsString());
  }
}
