import okhttp3.*;

public class TalkResolutionText {
    static final String URL = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto";

    String talk(OkHttpClient http, String photo, String audio, boolean hd) throws Exception {
        String json = "{\"talking_photo_url\":\"" + photo + "\",\"audio_url\":\"" + audio
            + "\",\"resolution\":\"" + (hd ? 1080 : 720) + "\"}";
        Request req = new Request.Builder().url(URL)
            .post(RequestBody.create(json, MediaType.parse("application/json"))).build();
        try (Response res = http.newCall(req).execute()) {
            return res.body().string();
        }
    }
}
