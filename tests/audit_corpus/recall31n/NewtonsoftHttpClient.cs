using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

var baseUrl = Environment.GetEnvironmentVariable("AKOOL_BASE") ?? "https://openapi.akool.com/api/open/v3";
var http = new HttpClient();
http.DefaultRequestHeaders.Add("x-api-key", Environment.GetEnvironmentVariable("AKOOL_API_KEY"));

var r1 = await http.PostAsync("https://openapi.akool.com/api/open/v4/voice/tts", new StringContent(JsonConvert.SerializeObject(new { text = "hello", voice_id = args[0] }), Encoding.UTF8, "application/json"));

var payload = JsonConvert.SerializeObject(new { talking_photo_url = args[1], resolution = "720" });
var r2 = await http.PostAsync(baseUrl + "/content/video/createbytalkingphoto", new StringContent(payload, Encoding.UTF8, "application/json"));

var r3 = await http.GetStringAsync(baseUrl + "/content/video/infobymodelid?video_id=" + args[2]);

var r4 = await http.GetStringAsync(baseUrl + "/content/video/status?video_model_id=" + args[2]);

var j = JObject.Parse(await http.GetStringAsync(baseUrl + "/content/video/infobymodelid?video_model_id=" + args[2]));
if (j["data"]["video_status"].Value<int>() == 5)
{
    Console.WriteLine((string)j.SelectToken("data.video_url"));
}
if ((int)j["code"] == 200)
{
    Console.WriteLine("ok");
}
