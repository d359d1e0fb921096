using System.Net.Http.Json;

public class TalkAnonymous
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri("https://openapi.akool.com/api/open/v3/") };

    public Task<HttpResponseMessage> Create(string photo, string audio) =>
        _http.PostAsJsonAsync("content/video/createbytalkingphoto",
            new { talking_photo_url = photo, AudioUrl = audio, Resolution = "720" });

    public Task<HttpResponseMessage> CreateDictionary(string photo, string audio) =>
        _http.PostAsJsonAsync("content/video/createbytalkingphoto",
            new Dictionary<string, object> { ["talking_photo_url"] = photo, ["audio_url"] = audio, ["Resolution"] = "720" });
}
