using System.Net.Http;
using System.Text;
using System.Text.Json;

public class AkoolService
{
    private readonly HttpClient _http = new HttpClient();
    private readonly string _baseUrl = "https://openapi.akool.com/api/open/v3";

    private async Task<string> SendAsync(string path, object body)
    {
        var content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        var res = await _http.PostAsync($"{_baseUrl}{path}", content);
        return await res.Content.ReadAsStringAsync();
    }

    public Task<string> Info(string id) => SendAsync("/content/video/infobymodelid", new { video_model_id = id });

    public Task<string> Talk(string photo, string audio) => SendAsync("/content/video/createbytalkingphoto", new Dictionary<string, object> { ["talking_photo_url"] = photo, ["audio_url"] = audio });
}
