using RestSharp;

public static class RestSharpOneShot
{
    public static async Task<string?> Swap(string source, string target)
    {
        var client = new RestClient("https://openapi.akool.com/api/open/v3/content/image/createbyprompt");
        var request = new RestRequest("", Method.Post);
        request.AddHeader("x-api-key", Environment.GetEnvironmentVariable("AKOOL_API_KEY")!);
        request.AddJsonBody(new { prompt = source, size = "1:1" });
        var response = await client.ExecuteAsync(request);
        return response.Content;
    }
}
