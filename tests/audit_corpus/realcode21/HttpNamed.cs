using System.Net.Http.Json;
using System.Text.Json;

var http = new HttpClient { BaseAddress = new Uri("https://openapi.akool.com/api/open/v3/") };
http.DefaultRequestHeaders.Add("x-api-key", Environment.GetEnvironmentVariable("AKOOL_API_KEY"));

var res = await http.PostAsJsonAsync("content/video/createbytalkingphoto",
    new { talking_photo_url = "https://example.com/p.jpg", audio_url = "https://example.com/a.mp3", resolution = "720p" });
var job = await res.Content.ReadFromJsonAsync<JsonElement>();
Console.WriteLine(job.GetProperty("data").GetProperty("task_id").GetString());
var status = await http.GetAsync("content/video/status?id=1");
