public enum Endpoint {
    TALK("/api/open/v3/content/video/createbytalkingphoto"),
    INFO("/api/open/v3/content/video/infobymodelid");

    public final String path;

    Endpoint(String path) {
        this.path = path;
    }
}
