using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json.Serialization;

public record TalkRequest(
    [property: JsonPropertyName("talking_photo_url")] string Photo,
    [property: JsonPropertyName("audio_url")] string Audio,
    [property: JsonPropertyName("resolution")] string Resolution);

public class ImageRequest
{
    [JsonPropertyName("prompt")] public string Prompt { get; set; }
    [JsonPropertyName("size")] public string Size { get; set; } = "1:1";
}

public static class Akool
{
    const string Base = "https://openapi.akool.com/api/open/v3";
    public static async Task Run(HttpClient http)
    {
        var req = new TalkRequest("https://x/p.png", "https://x/a.mp3", "720p");
        await http.PostAsJsonAsync($"{Base}/content/video/createbytalkingphoto", req);
        await http.PostAsJsonAsync($"{Base}/content/image/createbyprompt", new ImageRequest { Prompt = "a cat" });
    }
}
