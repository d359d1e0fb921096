using Newtonsoft.Json.Linq;
public class CastNewtonsoft {
  static readonly HttpClient http = new HttpClient();
  public static async Task<string> Info(string id) {
    var res = await http.GetAsync($"https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id={id}");
    var j = JObject.Parse(await res.Content.ReadAsStringAsync());
    return (string)j["data"]["status"];
  }
  public static async Task<int> Info2(string id) {
    var j = JObject.Parse(await http.GetStringAsync($"https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id={id}"));
    return (int)j["data"]["status"];
  }
  public static async Task<string> Info3(string id) {
    var s = await http.GetStringAsync($"https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id={id}");
    using var doc = System.Text.Json.JsonDocument.Parse(s);
    return doc.RootElement.GetProperty("data").GetProperty("status").ToString();
  }
}
