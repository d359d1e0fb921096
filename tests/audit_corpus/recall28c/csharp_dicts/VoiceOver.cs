using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading.Tasks;

public class VoiceOver
{
    private static readonly HttpClient Http = new();
    private const string Api = "https://openapi.akool.com/api/open/v4";

    public static async Task<string> SpeakAsync(string key, string text, string voice)
    {
        var body = new Dictionary<string, object>
        {
            ["input_text"] = text,
            ["voice_id"] = voice,
            ["voice_options"] = new Dictionary<string, object> { ["volume"] = 150, ["speed"] = 1.0 },
        };
        using var req = new HttpRequestMessage(HttpMethod.Post, $"{Api}/voice/tts") { Content = JsonContent.Create(body) };
        req.Headers.Add("x-api-key", key);
        var res = await Http.SendAsync(req);
        return await res.Content.ReadAsStringAsync();
    }
}
