using RestSharp;

public class RestSharpTalk
{
    private readonly RestClient _client = new("https://openapi.akool.com/api/open/v3");

    public async Task<string?> Create(string photo, string audio)
    {
        var request = new RestRequest("content/video/createbytalkingphoto", Method.Post)
            .AddHeader("x-api-key", Environment.GetEnvironmentVariable("AKOOL_API_KEY")!)
            .AddJsonBody(new { talking_photo_url = photo, audio_url = audio, resolution = "4k" });
        var response = await _client.ExecuteAsync(request);
        return response.Content;
    }

    public async Task<string?> Info(string id)
    {
        var request = new RestRequest("content/video/infobymodelid").AddQueryParameter("video_model_id", id);
        var response = await _client.ExecuteAsync(request);
        return response.Content;
    }
}
