using System.Net.Http.Json;

public record AkoolEnvelope<T>(int code, string msg, T data);
public record ImageInfo(string _id, int image_status, string image_url);
public record VideoInfo(string _id, int video_status, string video);

public class AkoolReads
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri("https://openapi.akool.com/api/open/v3/") };

    public async Task<ImageInfo?> Image(string id) =>
        (await _http.GetFromJsonAsync<AkoolEnvelope<ImageInfo>>($"content/image/infobymodelid?image_model_id={id}"))?.data;

    public async Task<VideoInfo?> Video(string id) =>
        (await _http.GetFromJsonAsync<AkoolEnvelope<VideoInfo>>($"content/video/infobymodelid?video_model_id={id}"))?.data;
}
