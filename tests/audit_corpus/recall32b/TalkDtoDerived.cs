using System.Net.Http.Json;
using System.Text.Json.Serialization;

public class MediaRequest
{
    [JsonPropertyName("audio_url")] public string AudioUrl { get; set; } = "";
}

public sealed class DerivedTalkRequest : MediaRequest
{
    [JsonPropertyName("talking_photo_url")] public string PhotoUrl { get; set; } = "";
}

public static class DerivedTalk
{
    public static Task<HttpResponseMessage> Send(HttpClient http, DerivedTalkRequest dto) =>
        http.PostAsJsonAsync("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto", dto);
}
