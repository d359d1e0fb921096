public static class Akool
{
    public const string Root = "https://openapi.akool.com/api/open/v3";
}
