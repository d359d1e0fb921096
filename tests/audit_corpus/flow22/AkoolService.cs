using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;

public class AkoolService
{
    private readonly HttpClient _http;
    private readonly string _baseUrl;

    public AkoolService(HttpClient http, IConfiguration configuration)
    {
        _http = http;
        _baseUrl = configuration["Akool:BaseUrl"];
    }

    public async Task<string> Swap(string target, string source)
    {
        var res = await _http.PostAsJsonAsync($"{_baseUrl}/faceswap/highquality/swapimage", new { targetImage = target, sourceImage = source });
        return await res.Content.ReadAsStringAsync();
    }

    public async Task<string> Quota()
    {
        return await _http.GetStringAsync($"{_baseUrl}/faceswap/quota/info");
    }
}
