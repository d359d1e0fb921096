using System.Net.Http.Json;
using System.Text.Json.Serialization;
public sealed class TalkReq
{
    [JsonPropertyName("talking_photo_url")] public string Photo { get; set; } = "";
    [JsonPropertyName("audio_url")] public string Audio { get; set; } = "";
    [JsonPropertyName("webhook_url")] public string? Hook { get; set; }
}
public static class A
{
    public static Task<HttpResponseMessage> Create(HttpClient http, TalkReq r) =>
        http.PostAsJsonAsync("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto", r);
}
