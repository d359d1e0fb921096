using System.Net.Http.Json;
using System.Text.Json;

var http = new HttpClient();
http.DefaultRequestHeaders.Add("x-api-key", Environment.GetEnvironmentVariable("AKOOL_KEY"));
var s = await http.GetStringAsync($"https://openapi.akool.com/api/open/v3/content/image/infobymodelid?image_model_id={args[0]}");
using var doc = JsonDocument.Parse(s);
var image = doc.RootElement.GetProperty("data");
var state = image.GetProperty("status").GetInt32();
Console.WriteLine(state == 3 ? image.GetProperty("image").GetString() : "pending");
