using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;

public class SwitchWrong
{
    private static readonly HttpClient Http = new HttpClient();
    private const string Base = "https://openapi.akool.com/api/open/v3";

    public async Task<string?> VideoUrl(string id)
    {
        var req = new HttpRequestMessage(HttpMethod.Get, $"{Base}/content/video/infobymodelid?video_model_id={id}");
        req.Headers.Add("x-api-key", System.Environment.GetEnvironmentVariable("AKOOL_API_KEY"));
        var body = await (await Http.SendAsync(req)).Content.ReadAsStringAsync();
        using var doc = JsonDocument.Parse(body);
        var data = doc.RootElement.GetProperty("data");
        var state = data.GetProperty("video_status").GetInt32();
        switch (state)
        {
            case 2:
                return data.GetProperty("video").GetString();
            case 4:
                throw new System.Exception("render failed");
        }
        return null;
    }
}
