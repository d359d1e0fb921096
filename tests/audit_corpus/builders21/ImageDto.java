import com.google.gson.Gson;
import com.google.gson.annotations.SerializedName;
import okhttp3.*;

public class ImageDto {
    static final String BASE = "https://openapi.akool.com/api/open/v3";

    static class ImageRequest {
        String prompt;
        @SerializedName("size")
        String aspect;
    }

    public static void main(String[] args) throws Exception {
        ImageRequest req = new ImageRequest();
        req.prompt = "a cat";
        req.aspect = "1:1";
        String json = new Gson().toJson(req);
        Request request = new Request.Builder().url(BASE + "/content/image/createbyprompt")
            .post(RequestBody.create(json, MediaType.parse("application/json"))).build();
        new OkHttpClient().newCall(request).execute();
    }
}
