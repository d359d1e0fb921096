using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using System.Threading.Tasks;

public record Envelope<T>([property: JsonPropertyName("code")] int Code, [property: JsonPropertyName("msg")] string Msg, [property: JsonPropertyName("data")] T Data);
public record VideoInfo([property: JsonPropertyName("video_status")] int VideoStatus, [property: JsonPropertyName("video")] string Video);

public class EnvelopeWrong
{
    private readonly HttpClient _http = new HttpClient { BaseAddress = new System.Uri("https://openapi.akool.com/api/open/v3/") };

    public async Task<string?> Video(string id)
    {
        var env = await _http.GetFromJsonAsync<Envelope<VideoInfo>>($"content/video/infobymodelid?video_model_id={id}");
        if (env!.Code != 0) throw new System.Exception(env.Msg);
        if (env.Data.VideoStatus == 2) return env.Data.Video;
        return null;
    }
}
