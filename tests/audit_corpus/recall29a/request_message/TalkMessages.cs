using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

public class TalkMessages
{
    private static readonly HttpClient Http = new();
    private const string Talk = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto";

    public async Task<string> Initialized(string key, string photo, string audio)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, Talk)
        {
            Content = JsonContent.Create(new { talking_photo_url = photo, audio = audio }),
        };
        message.Headers.Add("x-api-key", key);
        var response = await Http.SendAsync(message);
        return await response.Content.ReadAsStringAsync();
    }

    public async Task<string> Assigned(string key, string photo, string audio)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto");
        request.Headers.Add("x-api-key", key);
        request.Content = new StringContent(JsonSerializer.Serialize(new { talking_photo_url = photo, audio_url = audio, resolution = "4k" }), Encoding.UTF8, "application/json");
        var response = await Http.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }

    public async Task<string> Right(string key, string photo, string audio)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Talk);
        request.Content = JsonContent.Create(new { talking_photo_url = photo, audio_url = audio });
        var response = await Http.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }
}
