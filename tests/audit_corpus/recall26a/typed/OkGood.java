import com.google.gson.Gson;
import com.google.gson.annotations.SerializedName;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

public class OkGood {
    record Info(@SerializedName("video_status") int videoStatus, String video) {}
    record Env(int code, String msg, Info data) {}

    private final OkHttpClient client = new OkHttpClient();
    private final Gson gson = new Gson();

    public String video(String id) throws Exception {
        Request req = new Request.Builder()
                .url("https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=" + id)
                .header("x-api-key", System.getenv("AKOOL_API_KEY")).build();
        try (Response response = client.newCall(req).execute()) {
            if (response.code() != 200) {
                throw new IllegalStateException("http " + response.code());
            }
            Env env = gson.fromJson(response.body().string(), Env.class);
            if (env.code() != 1000) {
                throw new IllegalStateException(env.msg());
            }
            if (env.data().videoStatus() == 4) {
                throw new IllegalStateException("render failed");
            }
            return env.data().videoStatus() == 3 ? env.data().video() : null;
        }
    }
}
