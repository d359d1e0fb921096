using RestSharp;

public class Render
{
    public async Task<string> Image(string key)
    {
        var client = new RestClient("https://openapi.akool.com");
        var request = new RestRequest("/api/open/v3/content/image/createbyprompt", Method.Post);
        request.AddHeader("x-api-key", key);
        request.AddJsonBody(new { prompt = "a cat", size = "1:1" });
        var response = await client.ExecuteAsync(request);
        return response.Content;
    }
}
