using Newtonsoft.Json;
using System.Text;

public class TalkReq
{
    [JsonProperty("talking_photo_url")] public string Photo { get; set; } = "";
    [JsonProperty("audio_url")] public string Audio { get; set; } = "";
    [JsonProperty("webhook_url")] public string Hook { get; set; } = "";
}

public class Client
{
    public async Task<HttpResponseMessage> Create(HttpClient http, TalkReq r)
    {
        var json = JsonConvert.SerializeObject(r);
        return await http.PostAsync("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto", new StringContent(json, Encoding.UTF8, "application/json"));
    }
}
