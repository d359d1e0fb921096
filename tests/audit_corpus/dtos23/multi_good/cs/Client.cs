using System.Net.Http.Json;

namespace Demo;

public static class Akool
{
    public static async Task<string?> Info(HttpClient http, string id)
    {
        var v = await http.GetFromJsonAsync<VideoInfo>($"https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id={id}");
        return v!.Data.Status == 3 ? v.Data.Url : null;
    }
}
