using System.Net.Http.Json;
using System.Text.Json.Serialization;

public sealed class TalkRequest
{
    [JsonPropertyName("talking_photo_url")] public string PhotoUrl { get; set; } = "";
    [JsonPropertyName("resolution")] public string Resolution { get; set; } = "720";
}

public static class TalkSender
{
    public static Task<HttpResponseMessage> Send(HttpClient http, TalkRequest dto) =>
        http.PostAsync("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto", JsonContent.Create(dto));
}
