using System.Net.Http.Json;
using System.Text.Json.Serialization;

public sealed class TalkRequest
{
    [JsonPropertyName("talking_photo_url")] public string PhotoUrl { get; init; } = "";
    [JsonPropertyName("resolution")] public string Resolution { get; init; } = "720";
}

public sealed class TtsRequest
{
    [JsonPropertyName("text")] public string Text { get; init; } = "";
    [JsonPropertyName("voice_id")] public string VoiceId { get; init; } = "";
}

public sealed class TalkService(HttpClient http)
{
    public async Task<HttpResponseMessage> TalkAsync(string photo)
    {
        using var msg = new HttpRequestMessage(HttpMethod.Post, "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto")
        {
            Content = JsonContent.Create(new TalkRequest { PhotoUrl = photo }),
        };
        return await http.SendAsync(msg);
    }

    public async Task<HttpResponseMessage> SpeakAsync(string text, string voice)
    {
        using var msg = new HttpRequestMessage(HttpMethod.Post, "https://openapi.akool.com/api/open/v4/voice/tts")
        {
            Content = JsonContent.Create(new TtsRequest { Text = text, VoiceId = voice }),
        };
        return await http.SendAsync(msg);
    }

    public async Task<HttpResponseMessage> StatusAsync(string id)
    {
        var msg = new HttpRequestMessage(HttpMethod.Get, $"https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_id={id}");
        return await http.SendAsync(msg);
    }
}
