using System.Net.Http.Json;

// WRONG: getvideostatus is not AKOOL's path (must be found), beside the app's own routes.
public class AkoolClient
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri("https://openapi.akool.com") };

    public async Task<string> StatusAsync(string id)
    {
        var res = await _http.GetAsync(
            $"/api/open/v3/content/video/getvideostatus");
        return await res.Content.ReadAsStringAsync();
    }
}
