using System.Net.Http.Json;
using System.Text.Json;

public record TalkReq(string TalkingPhotoUrl, string AudioUrl, string Resolution = "1080");

public class Akool
{
    private static readonly JsonSerializerOptions Snake = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    private readonly HttpClient _http = new() { BaseAddress = new Uri("https://openapi.akool.com/api/open/v3/") };

    public async Task<string> Talk(string p, string a)
    {
        var res = await _http.PostAsJsonAsync("content/video/createbytalkingphoto", new TalkReq(p, a), Snake);
        var doc = await res.Content.ReadFromJsonAsync<JsonElement>();
        return doc.GetProperty("data").GetProperty("_id").GetString()!;
    }

    public async Task<string> Talk2(string p, string a)
    {
        var res = await _http.PostAsJsonAsync("content/video/createbytalkingphoto", new { TalkingPhotoUrl = p, AudioUrl = a }, Snake);
        return await res.Content.ReadAsStringAsync();
    }
}
