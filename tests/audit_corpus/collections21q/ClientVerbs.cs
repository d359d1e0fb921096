using System.Net.Http;
using System.Collections.Generic;
public class Talk {
    const string TalkUrl = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto";
    private readonly Dictionary<string, string> done = new();
    private readonly HttpClient http = new HttpClient();
    public async Task Run() {
        done[TalkUrl] = "x";
        await http.GetAsync(TalkUrl);
        await http.PutAsync(TalkUrl, null);
    }
}
