import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.apache.hc.client5.http.fluent.Request;
import org.apache.hc.core5.http.ContentType;

public class AkoolFluent {
    private static final String BASE = "https://openapi.akool.com/api/open/v3";
    private static final String KEY = System.getenv("AKOOL_KEY");

    public static String talk(String photo, String audio) throws Exception {
        return Request.post("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto")
            .addHeader("x-api-key", KEY)
            .bodyString("{\"talking_photo_url\":\"" + photo + "\",\"audio_url\":\"" + audio + "\",\"resolution\":\"720p\"}", ContentType.APPLICATION_JSON)
            .execute().returnContent().asString();
    }

    public static String held(String photo) throws Exception {
        JsonObject payload = new JsonObject();
        payload.addProperty("talking_photo_url", photo);
        payload.addProperty("resolution", "1080");
        return Request.post("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto")
            .addHeader("x-api-key", KEY)
            .bodyString(payload.toString(), ContentType.APPLICATION_JSON)
            .execute().returnContent().asString();
    }

    public static String info(String vid) throws Exception {
        String text = Request.get("https://openapi.akool.com/api/open/v3/content/video/infobymodelid?videoModelId=" + vid)
            .addHeader("x-api-key", KEY)
            .execute().returnContent().asString();
        JsonObject root = JsonParser.parseString(text).getAsJsonObject();
        if (root.get("code").getAsInt() != 200) {
            throw new IllegalStateException(root.get("msg").getAsString());
        }
        JsonObject data = root.getAsJsonObject("data");
        if (data.get("video_status").getAsInt() == 5) {
            return null;
        }
        return data.get("video").getAsString();
    }

    public static String imagine(String prompt) throws Exception {
        JsonObject body = new JsonObject();
        body.addProperty("prompt", prompt);
        return Request.post(BASE + "/content/image/createbyimagine")
            .addHeader("x-api-key", KEY)
            .bodyString(body.toString(), ContentType.APPLICATION_JSON)
            .execute().returnContent().asString();
    }

    public static String image(String iid) throws Exception {
        String text = Request.get("https://openapi.akool.com/api/open/v3/content/image/infobymodelid?image_model_id=" + iid)
            .addHeader("x-api-key", KEY)
            .execute().returnContent().asString();
        return JsonParser.parseString(text).getAsJsonObject().getAsJsonObject("data").get("image_url").getAsString();
    }
}
