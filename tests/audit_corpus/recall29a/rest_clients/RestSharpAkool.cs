using RestSharp;

public class AkoolRest
{
    private readonly RestClient _client = new RestClient("https://openapi.akool.com/api/open/v3");

    public async Task<string?> Lipsync(string video, string audio)
    {
        var request = new RestRequest("content/video/lipsync", Method.Post);
        request.AddJsonBody(new { video_url = video, audio = audio });
        var response = await _client.ExecuteAsync(request);
        return response.Content;
    }

    public async Task<string?> Info(string id)
    {
        var request = new RestRequest("content/video/infobymodelid", Method.Post);
        request.AddQueryParameter("video_model_id", id);
        var response = await _client.ExecuteAsync(request);
        return response.Content;
    }

    public async Task<string?> InfoGet(string id)
    {
        var request = new RestRequest("content/video/infobymodelid");
        request.AddQueryParameter("videoModelId", id);
        var response = await _client.ExecuteGetAsync(request);
        return response.Content;
    }
}
