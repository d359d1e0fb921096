using System.Net.Http;
using System.Text;
using System.Threading.Tasks;

public static class GoodTalk
{
    const string Url = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto";

    public static async Task<string> Run(HttpClient http, string photo, string audio)
    {
        var json = @"{""talking_photo_url"": """ + photo + @""", ""audio_url"": """ + audio + @""", ""resolution"": ""1080""}";
        var res = await http.PostAsync(Url, new StringContent(json, Encoding.UTF8, "application/json"));
        var note = @"C:\temp\" + "x" + @"""quoted""";
        return await res.Content.ReadAsStringAsync();
    }
}
