using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;

public static class CreditBad
{
    public static async Task<double> GetAsync(HttpClient http)
    {
        var res = await http.GetAsync("https://openapi.akool.com/api/open/v3/faceswap/quota/info");
        using var doc = JsonDocument.Parse(await res.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("data").GetProperty("credits").GetDouble();
    }
}
