import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.json.JSONArray;
import org.json.JSONObject;

// Lists the languages the video translation offers, for a picker.
public class LanguagePicker {
    private final OkHttpClient client = new OkHttpClient();

    public void print(String token) throws Exception {
        Request request = new Request.Builder()
            .url("https://openapi.akool.com/api/open/v3/language/list")
            .header("Authorization", "Bearer " + token)
            .build();
        try (Response response = client.newCall(request).execute()) {
            JSONObject json = new JSONObject(response.body().string());
            JSONArray langs = json.getJSONObject("data").getJSONArray("lang_list");
            for (int i = 0; i < langs.length(); i++) {
                JSONObject l = langs.getJSONObject(i);
                System.out.println(l.getString("lang_code") + " " + l.getString("language_name"));
            }
        }
    }
}
