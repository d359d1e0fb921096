using System.Net.Http;
using System.Net.Http.Json;
using System.Threading.Tasks;

public static class Images
{
    // C# projection initializer: each name given alone is sent as a key named after it.
    public static Task<HttpResponseMessage> Create(HttpClient http, string prompt, string size) =>
        http.PostAsJsonAsync("https://openapi.akool.com/api/open/v3/content/image/createbyprompt", new { prompt, size });

    public static Task<HttpResponseMessage> Good(HttpClient http, string prompt, string scale) =>
        http.PostAsJsonAsync("https://openapi.akool.com/api/open/v3/content/image/createbyprompt", new { prompt, scale });

    public static string[] Tags(string a, string b) => new[] { a, b };
}
