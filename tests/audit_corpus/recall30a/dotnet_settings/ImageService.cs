using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;

public class ImageService
{
    private readonly HttpClient _http;

    public ImageService(HttpClient http, IConfiguration configuration)
    {
        _http = http;
        _http.BaseAddress = new Uri(configuration["AkoolMedia:Endpoint"]!);
        _http.DefaultRequestHeaders.Add("x-api-key", configuration["AkoolMedia:ApiKey"]);
    }

    public Task<HttpResponseMessage> Create(string prompt) =>
        _http.PostAsJsonAsync("content/image/createbyprompt", new { prompt, size = "1:1" });
}
