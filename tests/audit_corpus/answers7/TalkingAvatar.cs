// Talking avatar with HttpClient and anonymous objects (written for the audit's corpus).
using System.Net.Http.Json;
using System.Text.Json;

class TalkingAvatar
{
    const string Base = "https://openapi.akool.com/api/open/v3";
    static readonly HttpClient Http = new HttpClient();

    async Task<string> Create(string avatar, string text)
    {
        var res = await Http.PostAsJsonAsync($"{Base}/talkingavatar/create", new { avatar_id = avatar, text = text });
        var json = await res.Content.ReadFromJsonAsync<JsonElement>();
        return json.GetProperty("data").GetProperty("job_id").GetString();
    }

    async Task Image(string prompt)
    {
        await Http.PostAsJsonAsync($"{Base}/content/image/createbyprompt", new
        {
            prompt = prompt,
            size = "1:1",
        });
    }
}
