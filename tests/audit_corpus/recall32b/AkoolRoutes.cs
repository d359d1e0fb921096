using System.Net.Http.Json;
using System.Text.Json;

public static class AkoolRoutes
{
    public const string ApiBase = "https://openapi.akool.com/api/open/v3";
    public const string Quota = ApiBase + "/faceswap/quota/info";
}

public class QuotaService(HttpClient http)
{
    public async Task<double> RemainingAsync()
    {
        var doc = await http.GetFromJsonAsync<JsonElement>(AkoolRoutes.Quota);
        return doc.GetProperty("data").GetProperty("credits").GetDouble();
    }
}
