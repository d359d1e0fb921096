using System.Collections.Generic;
using System.Collections.Concurrent;
using System.Net.Http;

public class Poller {
    const string InfoUrl = "https://openapi.akool.com/api/open/v3/content/video/infobymodelid";
    const string TalkUrl = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto";
    private readonly Dictionary<string, string> results = new Dictionary<string, string>();
    private readonly ConcurrentDictionary<string, int> hits = new();
    private readonly HttpClient http = new HttpClient();

    public async Task<string> Poll(string id) {
        if (results.TryGetValue(InfoUrl, out var cached)) return cached;
        results[InfoUrl] = "";
        hits.TryAdd(TalkUrl, 0);
        results.Remove(TalkUrl);
        var r = await http.GetAsync(InfoUrl + "?video_model_id=" + id);
        return await r.Content.ReadAsStringAsync();
    }
}
