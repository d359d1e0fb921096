import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

public class AkoolOk {
    private static final String API = "https://openapi.akool.com/api/open/v3";
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private final OkHttpClient client = new OkHttpClient();
    private final Gson gson = new Gson();
    private final String key = System.getenv("AKOOL_KEY");

    public String talk(String photo, String audio) throws Exception {
        String json = "{\"talking_photo_url\":\"" + photo + "\",\"audio_url\":\"" + audio + "\",\"resolution\":\"720p\"}";
        Request request = new Request.Builder()
            .url("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto")
            .header("x-api-key", key)
            .post(RequestBody.create(json, JSON))
            .build();
        try (Response response = client.newCall(request).execute()) {
            return response.body().string();
        }
    }

    public String held(String photo) throws Exception {
        JsonObject payload = new JsonObject();
        payload.addProperty("talking_photo_url", photo);
        payload.addProperty("resolution", "1080");
        Request request = new Request.Builder()
            .url("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto")
            .header("x-api-key", key)
            .post(RequestBody.create(gson.toJson(payload), JSON))
            .build();
        try (Response response = client.newCall(request).execute()) {
            return response.body().string();
        }
    }

    public String info(String vid) throws Exception {
        HttpUrl url = HttpUrl.parse("https://openapi.akool.com/api/open/v3/content/video/infobymodelid").newBuilder()
            .addQueryParameter("videoModelId", vid)
            .build();
        Request request = new Request.Builder().url(url).header("x-api-key", key).get().build();
        try (Response response = client.newCall(request).execute()) {
            JsonObject root = JsonParser.parseString(response.body().string()).getAsJsonObject();
            if (root.get("code").getAsInt() != 200) {
                throw new IllegalStateException(root.get("msg").getAsString());
            }
            JsonObject data = root.getAsJsonObject("data");
            if (data.get("video_status").getAsInt() == 5) {
                return null;
            }
            return data.get("video").getAsString();
        }
    }

    public String imagine(String prompt) throws Exception {
        JsonObject body = new JsonObject();
        body.addProperty("prompt", prompt);
        Request request = new Request.Builder()
            .url(API + "/content/image/createbyimagine")
            .header("x-api-key", key)
            .post(RequestBody.create(body.toString(), JSON))
            .build();
        try (Response response = client.newCall(request).execute()) {
            return response.body().string();
        }
    }

    public String image(String iid) throws Exception {
        Request request = new Request.Builder()
            .url("https://openapi.akool.com/api/open/v3/content/image/infobymodelid?image_model_id=" + iid)
            .header("x-api-key", key).build();
        try (Response response = client.newCall(request).execute()) {
            JsonObject root = gson.fromJson(response.body().string(), JsonObject.class);
            return root.getAsJsonObject("data").get("image_url").getAsString();
        }
    }
}
