public class Consts {
    private static final String BASE = "https://openapi.akool.com/api/open/v3";
    private static final String INFO = "/content/video/infobymodelid";
    private static final String STATUS = "/content/video/status";

    private String post(String path, String json) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(BASE + path)).POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return client.send(req, HttpResponse.BodyHandlers.ofString()).body();
    }

    public String info(String id) throws Exception {
        return post(INFO, "{\"video_model_id\": \"" + id + "\"}");
    }

    public String status(String id) throws Exception {
        return post(STATUS, "{}");
    }
}
