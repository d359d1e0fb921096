using Flurl;
using Flurl.Http;

const string Api = "https://openapi.akool.com/api/open/v3";
var key = Environment.GetEnvironmentVariable("AKOOL_API_KEY");

var created = await Api.AppendPathSegment("content/video/createbytalkingphoto")
    .WithHeader("x-api-key", key)
    .PostJsonAsync(new { talking_photo_url = args[0], audio_url = args[1], resolution = "720p" })
    .ReceiveJson<dynamic>();

var body = new { talking_photo_url = args[0], resolution = "720" };
await Api.AppendPathSegment("content/video/createbytalkingphoto").WithHeader("x-api-key", key).PostJsonAsync(body);

var info = await Api.AppendPathSegments("content", "video", "infobymodelid")
    .SetQueryParam("video_id", args[2])
    .WithHeader("x-api-key", key)
    .GetJsonAsync<InfoResponse>();

await Api.AppendPathSegment("content/video/status").WithHeader("x-api-key", key).GetStringAsync();

if (info.data.video_status == 5)
{
    Console.WriteLine(info.data.video_url);
}
if (info.code == 200)
{
    Console.WriteLine("ok");
}

record InfoData(int video_status, string video_url);
record InfoResponse(int code, InfoData data);
