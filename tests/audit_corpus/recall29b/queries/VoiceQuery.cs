using Microsoft.AspNetCore.WebUtilities;

public static class VoiceQuery
{
    static readonly HttpClient Http = new();

    public static Task<string> Voices(int page)
    {
        var url = QueryHelpers.AddQueryString(
            "https://openapi.akool.com/api/open/v4/voice/list",
            new Dictionary<string, string?> { ["type"] = "1", ["page"] = page.ToString() });
        return Http.GetStringAsync(url);
    }
}
