using System.Net.Http.Json;
using System.Text.Json;

namespace Acme;

public class JobStatus33(HttpClient http)
{
    public async Task<string> Label(string id)
    {
        var j = await http.GetFromJsonAsync<JsonElement>($"https://openapi.akool.com/api/open/v3/content/image/infobymodelid?image_model_id={id}");
        var st = j.GetProperty("data").GetProperty("image_status").GetInt32();
        return st switch
        {
            1 => "queued",
            2 => "done",
            4 => "failed",
            _ => "working",
        };
    }
}
