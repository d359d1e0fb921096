public class Jobs
{
    private readonly IHttpClientFactory _factory;
    public Jobs(IHttpClientFactory factory) => _factory = factory;

    public async Task<string> Lipsync(string v, string a)
    {
        var akool = _factory.CreateClient("akool");
        var res = await akool.PostAsJsonAsync("content/video/lipsync", new { video_url = v, audio = a });
        return await res.Content.ReadAsStringAsync();
    }

    public async Task<string> Repos()
    {
        var gh = _factory.CreateClient("github");
        var res = await gh.PostAsJsonAsync("content/video/lipsync", new { audio = "x" });
        return await res.Content.ReadAsStringAsync();
    }
}
