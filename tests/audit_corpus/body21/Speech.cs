using System.Net.Http.Json;

class Speech
{
    public async Task Say(HttpClient http, string text)
    {
        await http.PostAsJsonAsync("https://openapi.akool.com/api/open/v4/voice/tts", new
        {
            input_text = text,
            voice_id = "v1",
            voice_options = new { speed = 2.0, stability = 0.5 },
        });
    }
}
