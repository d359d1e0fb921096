using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

public class TalkReq
{
    [JsonPropertyName("talking_photo_url")] public string Photo { get; init; } = "";
    [JsonPropertyName("audio_url")] public string Audio { get; init; } = "";
    [JsonPropertyName("webhook_url")] public string? Hook { get; init; }
}

public class Client
{
    private readonly HttpClient _http = new();

    public async Task<string> CreateAsync(TalkReq request)
    {
        var content = new StringContent(JsonSerializer.Serialize(request), Encoding.UTF8, "application/json");
        var res = await _http.PostAsync("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto", content);
        return await res.Content.ReadAsStringAsync();
    }
}
