using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using System.Threading.Tasks;

public record GoodEnvelope<T>([property: JsonPropertyName("code")] int Code, [property: JsonPropertyName("msg")] string Msg, [property: JsonPropertyName("data")] T Data);
public record GoodVideoInfo([property: JsonPropertyName("video_status")] int VideoStatus, [property: JsonPropertyName("video")] string Video);

public class EnvelopeGood
{
    private readonly HttpClient _http = new HttpClient { BaseAddress = new System.Uri("https://openapi.akool.com/api/open/v3/") };

    public async Task<string?> Video(string id)
    {
        var env = await _http.GetFromJsonAsync<GoodEnvelope<GoodVideoInfo>>($"content/video/infobymodelid?video_model_id={id}");
        if (env!.Code != 1000) throw new System.Exception(env.Msg);
        if (env.Data.VideoStatus == 3) return env.Data.Video;
        return null;
    }
}
