using System.Net.Http;
using System.Text;
using System.Threading.Tasks;

public static class Talk
{
    const string Url = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto";

    public static async Task<string> Run(HttpClient http, string photo, string audio)
    {
        var json = @"{""talking_photo_url"": """ + photo + @""", ""audio_url"": """ + audio + @""", ""resolution"": 1080}";
        var res = await http.PostAsync(Url, new StringContent(json, Encoding.UTF8, "application/json"));
        return await res.Content.ReadAsStringAsync();
    }

    public static async Task<string> Gen(HttpClient http, string prompt)
    {
        var json = @"{""prompt"": ""a cat"", ""size"": ""16:9""}";
        var res = await http.PostAsync("https://openapi.akool.com/api/open/v3/content/image/createbyprompt", new StringContent(json, Encoding.UTF8, "application/json"));
        return await res.Content.ReadAsStringAsync();
    }
}
