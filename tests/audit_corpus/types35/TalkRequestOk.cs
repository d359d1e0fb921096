using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using System.Threading.Tasks;

public class TalkRequestOk
{
    [JsonPropertyName("talking_photo_url")] public string TalkingPhotoUrl { get; set; } = "";
    [JsonPropertyName("audio_url")] public string AudioUrl { get; set; } = "";
    [JsonPropertyName("resolution")] public string Resolution { get; set; } = "720";
}

public class TalkClientOk
{
    private readonly HttpClient _http;
    public TalkClientOk(HttpClient http) { _http = http; }

    public Task<HttpResponseMessage> Talk(TalkRequestOk request) =>
        _http.PostAsJsonAsync("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto", request);
}
