// docs: https://docs.akool.com/ai-tools-suite/faceswap
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;

public class AkoolService
{
    private const string BaseUrl = "https://openapi.akool.com/api/open/v3";
    private const string CallbackUrl = "http://localhost:5000/api/open/v3/webhook";
    private readonly HttpClient _http;

    public AkoolService(HttpClient http, string key)
    {
        _http = http;
        _http.DefaultRequestHeaders.Add("x-api-key", key);
    }

    public Task<HttpResponseMessage> SwapAsync(string json) =>
        _http.PostAsync($"{BaseUrl}/faceswap/highquality/specifyimage", new StringContent(json, Encoding.UTF8, "application/json"));

    public Task<HttpResponseMessage> SpeakAsync(string json) =>
        _http.PostAsync($"{BaseUrl}/audio/create", new StringContent(json, Encoding.UTF8, "application/json"));

    public Task<HttpResponseMessage> ReageAsync(string json) =>
        _http.PostAsync($"{BaseUrl}/faceswap/highquality/reage", new StringContent(json, Encoding.UTF8, "application/json"));
}
