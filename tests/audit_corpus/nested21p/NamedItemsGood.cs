using System.Net.Http;
using System.Net.Http.Json;
using System.Threading.Tasks;

class Avatars {
    async Task Make(HttpClient http, string avatar, string text) {
        var item = new { type = 2, avatar_id = avatar, input_text = text, voice_id = "v1" };
        var res = await http.PostAsJsonAsync("https://openapi.akool.com/api/open/v3/talkingavatar/create", new { width = 3840, elements = new[] { item } });
    }
}
