using System.ComponentModel.DataAnnotations.Schema;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;

[Table("renders")]
public class Render
{
    public int Id { get; set; }
    public string AkoolId { get; set; } = "";
    public int VideoStatus { get; set; }
    public int Code { get; set; }
}

public class AppDb : DbContext
{
    public DbSet<Render> Renders => Set<Render>();
}

public record VideoInfo([property: JsonPropertyName("video_status")] int VideoStatus, [property: JsonPropertyName("video")] string? Video);
public record Envelope([property: JsonPropertyName("code")] int Code, [property: JsonPropertyName("data")] VideoInfo Data);

public class Syncer
{
    private readonly HttpClient _http = new HttpClient();
    private readonly AppDb _db = new AppDb();

    public async Task Sync(int id)
    {
        var render = await _db.Renders.FindAsync(id);
        if (render!.VideoStatus == 5 || render.Code != 0) return;
        var env = await _http.GetFromJsonAsync<Envelope>($"https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id={render.AkoolId}");
        if (env!.Code != 1000) return;
        if (env.Data.VideoStatus == 3) render.VideoStatus = 5;
        if (render.VideoStatus == 0) render.VideoStatus = 1;
        await _db.SaveChangesAsync();
    }
}
