public class Akool {
    private const string Base = "https://openapi.akool.com/api/open/v3";
    private readonly HttpClient _http = new HttpClient();

    public async Task<string> Create() {
        var url = $"{Base}/content/video/createbytalkingphoto";
        var res = await _http.PostAsync(url, new StringContent("{}"));
        return await res.Content.ReadAsStringAsync();
    }

    public async Task<byte[]> Download(string url) {
        return await _http.GetByteArrayAsync(url);
    }
}
