using System.Net.Http.Json;
using System.Text.Json.Serialization;
public sealed class GoodReq
{
    [JsonPropertyName("talking_photo_url")] public string Photo { get; set; } = "";
    [JsonPropertyName("audio_url")] public string Audio { get; set; } = "";
    [JsonPropertyName("webhookUrl")] public string? Hook { get; set; }
}
public static class B
{
    public static Task<HttpResponseMessage> Create(HttpClient http, GoodReq r) =>
        http.PostAsJsonAsync("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto", r);
}
