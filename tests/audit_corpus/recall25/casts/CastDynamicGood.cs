using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
public class CastDynamicGood {
  static readonly HttpClient http = new HttpClient();
  public static async Task<string> Info(string id) {
    var s = await http.GetStringAsync($"https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id={id}");
    var j = JObject.Parse(s);
    dynamic d = JsonConvert.DeserializeObject(s);
    return (string)j["data"]["video_status"] + (string)d.data.video;
  }
}
