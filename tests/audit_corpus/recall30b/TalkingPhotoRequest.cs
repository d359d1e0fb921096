using System.Text.Json.Serialization;
public class TalkingPhotoRequest
{
    [JsonPropertyName("talking_photo_url")] public string Photo { get; set; } = "";
    [JsonPropertyName("audio_url")] public string Audio { get; set; } = "";
    [JsonPropertyName("resolution")] public string Resolution { get; set; } = "4K";
}
public class Svc {
    static readonly HttpClient Http = new();
    public Task<HttpResponseMessage> Go(TalkingPhotoRequest r) =>
        Http.PostAsJsonAsync("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto", r);
}
