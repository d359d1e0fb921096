using System.Net.Http;
using System.Text;
public static class Gen
{
    public static async Task<string> Run(HttpClient http)
    {
        var json = @"{
            ""prompt"": ""a cat"",
            ""size"": ""16:9""
        }";
        var res = await http.PostAsync("https://openapi.akool.com/api/open/v3/content/image/createbyprompt", new StringContent(json, Encoding.UTF8, "application/json"));
        var ok = @"{""prompt"": ""a dog"", ""scale"": ""1:1""}";
        var res2 = await http.PostAsync("https://openapi.akool.com/api/open/v3/content/image/createbyprompt", new StringContent(ok, Encoding.UTF8, "application/json"));
        var empty = @"";
        return "";
    }
}
