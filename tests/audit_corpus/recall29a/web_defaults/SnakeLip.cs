using System.Net.Http.Json;
using System.Text.Json;

public class LipsyncRequest
{
    public string VideoUrl { get; set; } = "";
    public string Audio { get; set; } = "";
    public string? WebhookUrl { get; set; }
}

public class Lip
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    private readonly HttpClient _http = new() { BaseAddress = new Uri("https://openapi.akool.com/api/open/v3/") };

    public Task<HttpResponseMessage> Send(string v, string a) =>
        _http.PostAsJsonAsync("content/video/lipsync", new LipsyncRequest { VideoUrl = v, Audio = a }, Options);
}
