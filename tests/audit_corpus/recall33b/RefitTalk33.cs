using System.Text.Json.Serialization;
using Refit;

namespace Acme.Akool;

public class TalkingPhotoRequest33
{
    [JsonPropertyName("talking_photo_url")] public string TalkingPhotoUrl { get; set; } = "";
    [JsonPropertyName("resolution")] public string Resolution { get; set; } = "720";
    [JsonPropertyName("webhookUrl")] public string? WebhookUrl { get; set; }
}

[Headers("x-api-key: KEY")]
public interface IAkoolApi33
{
    [Post("/api/open/v3/content/video/createbytalkingphoto")]
    Task<string> CreateTalkingPhoto([Body] TalkingPhotoRequest33 request);
}
