import kong.unirest.HttpResponse;
import kong.unirest.Unirest;

class Render {
    static final String BASE = "https://openapi.akool.com/api/open/v3";

    String talk(String key) {
        HttpResponse<String> r = Unirest.post(BASE + "/content/video/createbytalkingphoto")
            .header("x-api-key", key)
            .header("Content-Type", "application/json")
            .body("{\"talking_photo_url\": \"https://x/a.jpg\", \"audio_url\": \"https://x/a.mp3\", \"resolution\": \"720p\"}")
            .asString();
        return r.getBody();
    }
}
