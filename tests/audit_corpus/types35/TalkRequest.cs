using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using System.Threading.Tasks;

public class TalkRequest
{
    [JsonPropertyName("talking_photo_url")] public string TalkingPhotoUrl { get; set; } = "";
    [JsonPropertyName("audio_url")] public string AudioUrl { get; set; } = "";
    [JsonPropertyName("resolution")] public int Resolution { get; set; }
}

public class TalkClient
{
    private readonly HttpClient _http;
    public TalkClient(HttpClient http) { _http = http; }

    public Task<HttpResponseMessage> Talk(TalkRequest request) =>
        _http.PostAsJsonAsync("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto", request);
}
