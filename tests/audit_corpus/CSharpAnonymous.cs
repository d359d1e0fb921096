using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

// Lip sync and talking photos with anonymous objects and dictionaries as bodies.
public class AkoolVideos
{
    private const string Base = "https://openapi.akool.com/api/open/v3";
    private readonly HttpClient http = new HttpClient { Timeout = System.TimeSpan.FromSeconds(60) };

    public async Task<string> LipSync(string video, string audio, string hook)
    {
        var res = await http.PostAsJsonAsync($"{Base}/content/video/lipsync", new { video_url = video, audio_url = audio, webhook_url = hook });
        return await res.Content.ReadAsStringAsync();
    }

    public async Task<string> Talk(string photo, string audio)
    {
        var payload = new Dictionary<string, object> { ["talking_photo_url"] = photo, ["audio_url"] = audio, ["resolution"] = "720p" };
        var content = new StringContent(JsonSerializer.Serialize(payload), Encoding.UTF8, "application/json");
        var res = await http.PostAsync(Base + "/content/video/createbytalkingphoto", content);
        return await res.Content.ReadAsStringAsync();
    }
}
