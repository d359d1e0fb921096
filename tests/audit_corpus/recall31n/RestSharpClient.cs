using RestSharp;

var options = new RestClientOptions("https://openapi.akool.com/api/open/v3");
var client = new RestClient(options);
client.AddDefaultHeader("x-api-key", Environment.GetEnvironmentVariable("AKOOL_API_KEY")!);

var req1 = new RestRequest("content/video/createbytalkingphoto", Method.Post).AddJsonBody(new { talking_photo_url = args[0], audio_url = args[1], resolution = "720p" });
var res1 = await client.ExecuteAsync(req1);

var body = new { talking_photo_url = args[0], resolution = "720" };
var req2 = new RestRequest("content/video/createbytalkingphoto", Method.Post);
req2.AddJsonBody(body);
await client.ExecuteAsync(req2);

var req3 = new RestRequest("content/video/infobymodelid").AddQueryParameter("video_id", args[2]);
var info = await client.ExecuteGetAsync<InfoResponse>(req3);

var req4 = new RestRequest("content/video/status").AddQueryParameter("video_model_id", args[2]);
await client.ExecuteGetAsync(req4);

if (info.Data!.data.video_status == 5)
{
    Console.WriteLine(info.Data.data.video_url);
}
if (info.Data.code == 200)
{
    Console.WriteLine("ok");
}

record InfoData(int video_status, string video_url);
record InfoResponse(int code, InfoData data);
