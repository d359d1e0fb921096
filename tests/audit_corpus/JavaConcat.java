import okhttp3.*;

public class JavaConcat {
    private static final String AKOOL_BASE = "https://openapi.akool.com/api/open/v3/";
    private final OkHttpClient client = new OkHttpClient();

    public Response swapVideo(String json, String key) throws Exception {
        Request request = new Request.Builder()
            .url(AKOOL_BASE + "faceswap/highquality/specifyvideo")
            .addHeader("x-api-key", key)
            .post(RequestBody.create(json, MediaType.parse("application/json")))
            .build();
        return client.newCall(request).execute();
    }

    public Response results(String ids, String key) throws Exception {
        Request request = new Request.Builder().url(AKOOL_BASE + "faceswap/result/listByIds?_ids=" + ids).addHeader("x-api-key", key).build();
        return client.newCall(request).execute();
    }
}
