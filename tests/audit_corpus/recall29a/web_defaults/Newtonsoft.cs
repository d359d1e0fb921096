using System.Text;
using Newtonsoft.Json;

public class FaceSwapReq
{
    public string TargetImage { get; set; } = "";
}

public class Swapper
{
    private readonly HttpClient _http = new();

    public Task<HttpResponseMessage> Swap(string target)
    {
        var json = JsonConvert.SerializeObject(new FaceSwapReq { TargetImage = target });
        return _http.PostAsync("https://openapi.akool.com/api/open/v3/faceswap/highquality/specifyimage",
            new StringContent(json, Encoding.UTF8, "application/json"));
    }
}
