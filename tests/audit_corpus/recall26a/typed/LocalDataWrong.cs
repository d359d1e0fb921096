using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using System.Threading.Tasks;

public record ImageEnvelope([property: JsonPropertyName("code")] int Code, [property: JsonPropertyName("data")] ImageInfo Data);
public record ImageInfo([property: JsonPropertyName("image_status")] int ImageStatus, [property: JsonPropertyName("image")] string? Image);

public class LocalDataWrong
{
    private readonly HttpClient _http = new HttpClient();

    public async Task<string?> Image(string id)
    {
        var env = await _http.GetFromJsonAsync<ImageEnvelope>($"https://openapi.akool.com/api/open/v3/content/image/infobymodelid?image_model_id={id}");
        var data = env!.Data;
        if (data.ImageStatus == 2)
        {
            return data.Image;
        }
        return null;
    }
}
