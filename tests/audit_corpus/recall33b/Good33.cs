using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

public class Good33(HttpClient http)
{
    public async Task<string> State(string id)
    {
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Environment.GetEnvironmentVariable("AKOOL_TOKEN"));
        var j = await http.GetFromJsonAsync<JsonElement>($"https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id={id}");
        var st = j.GetProperty("data").GetProperty("video_status").GetInt32();
        return st switch { 1 => "queued", 2 => "processing", 3 => "done", 4 => "failed", _ => "?" };
    }
}
