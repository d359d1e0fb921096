public final class ApiConst {
    public static final String BASE = "https://openapi.akool.com";
    public static final String TALK = "/api/open/v3/content/video/createbytalkingphoto";
    public static final String INFO = "/api/open/v3/content/video/infobymodelid";
    public static final String RESULT = "/api/open/v3/content/video/status/";

    private ApiConst() {}
}
