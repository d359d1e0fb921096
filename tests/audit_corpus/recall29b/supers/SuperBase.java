import java.net.http.*;

abstract class JavaHttpBase {
    protected final String baseUrl;
    JavaHttpBase(String baseUrl) {
        this.baseUrl = baseUrl;
    }
    protected String post(String path, String json) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(java.net.URI.create(baseUrl + path)).POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString()).body();
    }
}

class AkoolJavaClient extends JavaHttpBase {
    AkoolJavaClient() {
        super("https://openapi.akool.com/api/open/v3");
    }
    String bad() throws Exception {
        return post("/content/video/lipsyncc", "{}");
    }
}
