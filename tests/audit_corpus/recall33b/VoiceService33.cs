using Microsoft.Extensions.Options;
using System.Net.Http.Json;
using System.Text.Json;

namespace Acme.Akool;

public class VoiceService33
{
    private readonly HttpClient _http;
    private readonly AkoolSettings33 _settings;

    public VoiceService33(HttpClient http, IOptionsSnapshot<AkoolSettings33> settings)
    {
        _http = http;
        _settings = settings.Value;
        _http.DefaultRequestHeaders.Add("x-api-key", _settings.ApiKey);
    }

    public Task<JsonElement> Detail(string id) =>
        _http.GetFromJsonAsync<JsonElement>($"{_settings.ApiBase33}/content/video/infobymodelids?video_model_id={id}");
}
