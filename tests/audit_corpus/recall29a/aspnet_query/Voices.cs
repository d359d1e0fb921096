using Microsoft.AspNetCore.WebUtilities;

public class AkoolQueries
{
    private const string Base = "https://openapi.akool.com/api/open/v3";
    private readonly HttpClient _http = new();

    public Task<string> Voices()
    {
        var url = QueryHelpers.AddQueryString("https://openapi.akool.com/api/open/v4/voice/list", new Dictionary<string, string?> { ["type"] = "2", ["page"] = "1" });
        return _http.GetStringAsync(url);
    }
}
