import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.*;

public class GsonRead {
  static String videoUrl(String id) throws Exception {
    String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=" + id)).build(), HttpResponse.BodyHandlers.ofString()).body();
    JsonObject data = JsonParser.parseString(body).getAsJsonObject().getAsJsonObject("data");
    int status = JsonParser.parseString(body).getAsJsonObject().getAsJsonObject("data").get("status").getAsInt();
    return status == 3 ? data.get("video").getAsString() : null;
  }

  static String videoUrlGood(String id) throws Exception {
    String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=" + id)).build(), HttpResponse.BodyHandlers.ofString()).body();
    int status = JsonParser.parseString(body).getAsJsonObject().getAsJsonObject("data").get("video_status").getAsInt();
    return status == 3 ? JsonParser.parseString(body).getAsJsonObject().getAsJsonObject("data").get("video").getAsString() : null;
  }
}
