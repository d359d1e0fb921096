public static class Api {
    public const string Base = "https://openapi.akool.com";
    public const string Talk = "/api/open/v3/content/video/createbytalkingphoto";
    public const string Info = "/api/open/v3/content/video/infobymodelid";
}
