using System.Text.Json.Nodes;
using Newtonsoft.Json.Linq;

var http = new HttpClient();
http.DefaultRequestHeaders.Add("x-api-key", Environment.GetEnvironmentVariable("AKOOL_API_KEY"));
var json = JsonNode.Parse(await http.GetStringAsync($"https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id={args[0]}"));
if (json?["data"]?["video_status"]?.GetValue<int>() == 5)
{
    Console.WriteLine(json?["data"]?["video"]?.ToString() ?? "");
}
var j = JObject.Parse(await http.GetStringAsync($"https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id={args[1]}"));
if (j.SelectToken("data.video_status")?.Value<int>() == 6) { }
if (j["data"]?["video_status"]?.ToObject<int>() == 3 && j["code"]?.Value<int>() == 1000)
{
    Console.WriteLine(j["data"]?["video"]);
}
