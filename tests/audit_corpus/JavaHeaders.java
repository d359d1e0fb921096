public class JavaHeaders {
    static final String URL = "https://openapi.akool.com/api/open/v3/content/video/lipsync";

    HttpRequest build(String key, String token, String json) {
        return HttpRequest.newBuilder(URI.create(URL))
            .header("x-api-key", key)
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    }
}
