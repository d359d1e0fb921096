using System.Net.Http.Json;
using System.Text.Json.Serialization;

public record VideoData([property: JsonPropertyName("_id")] string Id, [property: JsonPropertyName("video_status")] int Status, [property: JsonPropertyName("video")] string? Url);
public record VideoInfo(int Code, VideoData Data);

public static class Akool
{
    const string Base = "https://openapi.akool.com/api/open/v3";
    public static async Task<string?> Info(HttpClient http, string id)
    {
        var v = await http.GetFromJsonAsync<VideoInfo>($"{Base}/content/video/infobymodelid?video_model_id={id}");
        return v!.Data.Status == 3 ? v.Data.Url : null;
    }
}
