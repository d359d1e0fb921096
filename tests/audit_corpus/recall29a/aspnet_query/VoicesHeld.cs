using Microsoft.AspNetCore.WebUtilities;

public class HeldQueries
{
    private const string Base = "https://openapi.akool.com/api/open/v3";
    private readonly HttpClient _http = new();

    public Task<string> VoicesHeld()
    {
        var query = new Dictionary<string, string?>
        {
            { "type", "1" },
            { "size", "20" },
        };
        var url = QueryHelpers.AddQueryString("https://openapi.akool.com/api/open/v4/voice/list", query);
        return _http.GetStringAsync(url);
    }
}
