using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading.Tasks;

public static class GoodVoiceOver
{
    static readonly HttpClient Client = new HttpClient();

    public static Task<HttpResponseMessage> Speak(string text, string voice)
    {
        var payload = new Dictionary<string, object>()
        {
            { "input_text", text },
            { "voice_id", voice },
            { "voice_options", new Dictionary<string, object>() { ["volume"] = 80, ["speed"] = 1.0 } },
        };
        Client.DefaultRequestHeaders.Add("x-api-key", "k");
        return Client.PostAsJsonAsync("https://openapi.akool.com/api/open/v4/voice/tts", payload);
    }
}
