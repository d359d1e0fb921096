import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.json.JSONObject;

public class OkHttpTryWith {
    private final OkHttpClient http = new OkHttpClient();

    public String createImage(String apiKey, String prompt) throws Exception {
        JSONObject body = new JSONObject().put("prompt", prompt).put("scale", "1:1");
        Request request = new Request.Builder()
            .url("https://openapi.akool.com/api/open/v3/content/image/createbyprompt")
            .header("x-api-key", apiKey)
            .post(RequestBody.create(body.toString(), MediaType.get("application/json")))
            .build();
        try (Response response = http.newCall(request).execute()) {
            JSONObject answer = new JSONObject(response.body().string());
            return answer.getJSONObject("data").getString("task_id");
        }
    }
}
