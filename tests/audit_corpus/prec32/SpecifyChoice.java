import okhttp3.*;

public class SpecifyChoice {
    static final String URL = "https://openapi.akool.com/api/open/v3/faceswap/highquality/specifyimage";

    String swap(OkHttpClient http, String src, String dst, boolean enhance) throws Exception {
        String json = "{\"sourceImage\":[{\"path\":\"" + src + "\",\"opts\":\"\"}],"
            + "\"targetImage\":[{\"path\":\"" + dst + "\",\"opts\":\"\"}],"
            + "\"face_enhance\":" + (enhance ? "1" : "0") + ","
            + "\"modifyImage\":\"" + dst + "\"}";
        Request req = new Request.Builder().url(URL)
            .post(RequestBody.create(json, MediaType.parse("application/json"))).build();
        try (Response res = http.newCall(req).execute()) {
            return res.body().string();
        }
    }
}
