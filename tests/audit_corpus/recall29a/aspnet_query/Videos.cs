using Microsoft.AspNetCore.WebUtilities;

public class VideoQueries
{
    private const string Base = "https://openapi.akool.com/api/open/v3";
    private readonly HttpClient _http = new();

    public Task<string> Video(string id)
    {
        return _http.GetStringAsync(QueryHelpers.AddQueryString($"{Base}/content/video/infobymodelid", "video_model_id", id));
    }

    public Task<string> VideoCamel(string id)
    {
        return _http.GetStringAsync(QueryHelpers.AddQueryString($"{Base}/content/video/infobymodelid", "videoModelId", id));
    }

    public Task<string> VideoDict(string id)
    {
        var url = QueryHelpers.AddQueryString($"{Base}/content/video/infobymodelid", new Dictionary<string, string?> { ["videoId"] = id });
        return _http.GetStringAsync(url);
    }
}
