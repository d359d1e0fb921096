using System.Net.Http.Json;

namespace Acme.Akool;

public sealed class AkoolSdk
{
    public const string DefaultBaseUrl = "https://openapi.akool.com/api/open/v3";
    private readonly HttpClient _http = new();
    private readonly string _baseUrl;

    public AkoolSdk(string apiKey) : this(apiKey, DefaultBaseUrl) { }

    public AkoolSdk(string apiKey, string baseUrl)
    {
        _http.DefaultRequestHeaders.Add("x-api-key", apiKey);
        _baseUrl = baseUrl;
    }

    private async Task<HttpResponseMessage> PostAsync(string path, object body)
    {
        return await _http.PostAsJsonAsync(_baseUrl + path, body);
    }

    public Task<HttpResponseMessage> ReageAsync(string imageUrl, int years) =>
        PostAsync("/faceswap/highquality/imgreage", new
        {
            targetImage = new[] { new { path = imageUrl, opts = "" } },
            face_reage = 45,
            modifyImage = imageUrl,
        });

    public Task<HttpResponseMessage> TalkingPhotoAsync(string photo, string audio) =>
        PostAsync("/content/video/createbytalkingphoto", new { talking_photo_url = photo, audio = audio });
}
