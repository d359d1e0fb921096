using Flurl.Http;

var client = new FlurlClient("https://openapi.akool.com/api/open/v3").WithHeader("x-api-key", key);
var r = await client.Request("content", "video", "createbytalkingphoto").PostJsonAsync(new { talking_photo_url = p, resolution = "720p", audio_url = a });
var s = await client.Request("content/video/status").GetStringAsync();
