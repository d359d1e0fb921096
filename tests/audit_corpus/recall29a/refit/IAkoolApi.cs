using Refit;

public interface IAkoolApi
{
    [Get("/content/video/infobymodelid")]
    Task<ApiResponse<string>> GetVideoAsync(string videoModelId, CancellationToken ct = default);

    [Get("/content/video/infobymodelid")]
    Task<ApiResponse<string>> GetVideoOkAsync([AliasAs("video_model_id")] string id);

    [Get("/content/video/infobymodelid")]
    Task<ApiResponse<string>> GetVideoQuery([Query] string video_model_id);

    [Post("/content/video/lipsync")]
    Task<ApiResponse<string>> LipsyncAsync([Body] object body, [Header("x-api-key")] string key);

    [Get("/faceswap/result/listbyids?_ids={ids}")]
    Task<string> Results(string ids);
}

public static class Setup
{
    public static void Add(IServiceCollection services) =>
        services.AddRefitClient<IAkoolApi>()
            .ConfigureHttpClient(c => c.BaseAddress = new Uri("https://openapi.akool.com/api/open/v3"));
}

public interface IAkoolTypos
{
    [Post("/content/video/infobymodelid")]
    Task<string> VideoByPost([AliasAs("video_model_id")] string id);

    [Get("/content/video/infobymodel")]
    Task<string> Typo([AliasAs("video_model_id")] string id);
}

public static class Typos
{
    public static IAkoolTypos Create() => RestService.For<IAkoolTypos>("https://openapi.akool.com/api/open/v3");
}
