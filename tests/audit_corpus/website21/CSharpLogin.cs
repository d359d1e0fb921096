using System.Net.Http;
using System.Threading.Tasks;

public class CSharpLogin
{
    private const string AkoolRoot = "https://api.akool.com";
    private readonly HttpClient _http = new HttpClient();

    public Task<HttpResponseMessage> Login(HttpContent body) =>
        _http.PostAsync($"{AkoolRoot}/api/v1/public/login", body);

    public Task<HttpResponseMessage> Avatars() =>
        _http.GetAsync($"{AkoolRoot}/api/open/v3/avatar/list");
}
