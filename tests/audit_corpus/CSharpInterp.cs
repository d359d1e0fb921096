using System.Net.Http;
using System.Threading.Tasks;

public class Akool
{
    private static readonly string BaseUrl = "https://openapi.akool.com/api/open/v4";
    private readonly HttpClient _http = new HttpClient();

    public Task<HttpResponseMessage> ChangeVoice(HttpContent body) =>
        _http.PostAsync($"{BaseUrl}/voice/change", body);

    public Task<HttpResponseMessage> DeleteVoices(HttpContent body) =>
        _http.PostAsync($"{BaseUrl}/voice/delete", body);

    public Task<HttpResponseMessage> Resources() =>
        _http.GetAsync($"{BaseUrl}/voice/resource/list?type=3&page=1");
}
