using System.Collections.Generic;
using System.Net.Http;

public class LegacyRoutes
{
    private const string Base = "https://openapi.akool.com";
    private static readonly Dictionary<string, string> Migrations = new()
    {
        { "/api/open/v3/photo/talking", "/api/open/v3/content/video/createbytalkingphoto" },
        ["/api/open/v3/content/video/status"] = "/api/open/v3/content/video/infobymodelid",
    };

    public static string Target(string path)
    {
        if (path == "/api/open/v3/photo/talking")
            Console.WriteLine("legacy client on /api/open/v3/photo/talking");
        if (path.StartsWith("/api/open/v2/faceswap"))
            throw new InvalidOperationException("gone: /api/open/v2/faceswap");
        return path switch
        {
            "/api/open/v3/photo/talking/result" => null,
            _ => Migrations.GetValueOrDefault(path, path),
        };
    }

    public static HttpResponseMessage Forward(HttpClient http, string path) =>
        http.PostAsync(Base + Target(path), null).Result;
}
