import java.util.HashMap;
import java.util.Map;
import kong.unirest.HttpResponse;
import kong.unirest.JsonNode;
import kong.unirest.Unirest;
import kong.unirest.json.JSONObject;

public class AkoolUnirest {
    private static final String BASE = "https://openapi.akool.com/api/open/v3";
    private static final String KEY = System.getenv("AKOOL_KEY");

    public static JSONObject talk(String photo, String audio) {
        HttpResponse<JsonNode> r = Unirest.post("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto")
            .header("x-api-key", KEY)
            .header("Content-Type", "application/json")
            .body("{\"talking_photo_url\":\"" + photo + "\",\"audio_url\":\"" + audio + "\",\"resolution\":\"720p\"}")
            .asJson();
        return r.getBody().getObject();
    }

    public static JSONObject held(String photo) {
        Map<String, Object> body = new HashMap<>();
        body.put("talking_photo_url", photo);
        body.put("resolution", "1080");
        return Unirest.post("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto")
            .header("x-api-key", KEY)
            .header("Content-Type", "application/json")
            .body(body)
            .asJson().getBody().getObject();
    }

    public static String info(String vid) {
        HttpResponse<JsonNode> r = Unirest.get("https://openapi.akool.com/api/open/v3/content/video/infobymodelid")
            .header("x-api-key", KEY)
            .queryString("videoModelId", vid)
            .asJson();
        JSONObject root = r.getBody().getObject();
        if (root.getInt("code") != 200) {
            throw new IllegalStateException(root.getString("msg"));
        }
        JSONObject data = root.getJSONObject("data");
        if (data.getInt("video_status") == 5) {
            return null;
        }
        return data.getString("video");
    }

    public static JSONObject imagine(String prompt) {
        return Unirest.post(BASE + "/content/image/createbyimagine")
            .header("x-api-key", KEY)
            .body(new JSONObject().put("prompt", prompt))
            .asJson().getBody().getObject();
    }

    public static String image(String iid) {
        JSONObject root = Unirest.get("https://openapi.akool.com/api/open/v3/content/image/infobymodelid")
            .header("x-api-key", KEY)
            .queryString("image_model_id", iid)
            .asJson().getBody().getObject();
        return root.getJSONObject("data").getString("image_url");
    }
}
