using Flurl;
using Flurl.Http;

const string Api = "https://openapi.akool.com/api/open/v3";
var key = Environment.GetEnvironmentVariable("AKOOL_API_KEY");

var created = await Api.AppendPathSegment("content").AppendPathSegment("video").AppendPathSegment("createbytalkingphoto")
    .WithHeaders(new { x_api_key = key, Accept = "application/json" })
    .PostJsonAsync(new { talking_photo_url = args[0], audio_url = args[1], resolution = "720" })
    .ReceiveJson<dynamic>();

var info = await Api
    .AppendPathSegments("content", "video")
    .AppendPathSegment("infobymodelid")
    .SetQueryParam("video_model_id", args[2])
    .WithHeader("x-api-key", key)
    .GetJsonAsync<InfoResponse>();

var info2 = await "https://openapi.akool.com/api/open/v3/content/video/infobymodelid"
    .SetQueryParams(new { video_model_id = args[2] })
    .WithHeader("x-api-key", key)
    .GetJsonAsync<InfoResponse>();

var dyn = await Api.AppendPathSegment("content/video").AppendPathSegment(args[3]).GetStringAsync();
var url = Api.AppendPathSegment("content/video/infobymodelid").SetQueryParam("video_model_id", "1").ToString();

if (info.data.video_status == 3 && info.code == 1000)
{
    Console.WriteLine(info.data.video);
}

record InfoData(int video_status, string video);
record InfoResponse(int code, InfoData data);
