using System.Net.Http.Json;
using System.Text.Json.Serialization;

public record TalkRequest(
    string TalkingPhotoUrl,
    string AudioUrl,
    string Resolution = "720");

public record TalkNamed(
    [property: JsonPropertyName("talking_photo_url")] string Photo,
    [property: JsonPropertyName("audio_url")] string Audio);

public class Talk
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri("https://openapi.akool.com/api/open/v3/") };

    public Task<HttpResponseMessage> Create(string photo, string audio) =>
        _http.PostAsJsonAsync("content/video/createbytalkingphoto", new TalkRequest(photo, audio));

    public Task<HttpResponseMessage> CreateNamed(string photo, string audio) =>
        _http.PostAsJsonAsync("content/video/createbytalkingphoto", new TalkNamed(photo, audio));
}
