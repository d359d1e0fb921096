using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

const string Base = "https://openapi.akool.com/api/open/v3";
var http = new HttpClient();
http.DefaultRequestHeaders.Add("x-api-key", Environment.GetEnvironmentVariable("AKOOL_API_KEY"));

var created = await http.PostAsJsonAsync($"{Base}/content/video/createbytalkingphoto", new { talking_photo_url = args[0], audio_url = args[1], resolution = "720p" });

var body = new { talking_photo_url = args[0], resolution = "720" };
var second = await http.PostAsJsonAsync($"{Base}/content/video/createbytalkingphoto", body);

var info = await http.GetFromJsonAsync<JsonElement>($"{Base}/content/video/infobymodelid?video_id={args[2]}");

var old = await http.PostAsJsonAsync(Base + "/content/video/status", new { video_model_id = args[2] });

var node = JsonNode.Parse(await http.GetStringAsync($"{Base}/content/video/infobymodelid?video_model_id={args[2]}"))!;
if (node["data"]!["video_status"]!.GetValue<int>() == 5)
{
    Console.WriteLine(node["data"]!["video_url"]!.GetValue<string>());
}
if (node["code"]!.GetValue<int>() == 200)
{
    Console.WriteLine("ok");
}
