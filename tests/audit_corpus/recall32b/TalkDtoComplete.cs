using System.Net.Http.Json;
using System.Text.Json.Serialization;

public sealed class CompleteTalkRequest
{
    [JsonPropertyName("talking_photo_url")] public string PhotoUrl { get; set; } = "";
    [JsonPropertyName("audio_url")] public string AudioUrl { get; set; } = "";
    [JsonPropertyName("resolution")] public string Resolution { get; set; } = "720";
}

public static class CompleteTalk
{
    public static Task<HttpResponseMessage> Send(HttpClient http, CompleteTalkRequest dto) =>
        http.PostAsJsonAsync("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto", dto);
}
