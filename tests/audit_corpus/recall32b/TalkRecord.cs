using System.Net.Http.Json;

namespace Studio;

public record TalkingPhotoJob(string talking_photo_url, string resolution = "720");

public sealed class JobQueue(HttpClient http)
{
    private const string Create = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto";

    public async Task<HttpResponseMessage> Submit(TalkingPhotoJob job)
    {
        var res = await http.PostAsJsonAsync(Create, job);
        res.EnsureSuccessStatusCode();
        return res;
    }
}
