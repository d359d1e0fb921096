using System.Net.Http.Json;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddHttpClient("akool", c => c.BaseAddress = new Uri("https://openapi.akool.com/api/open/v3/"));
var app = builder.Build();
app.MapPost("/talk", async (IHttpClientFactory factory, TalkIn input) =>
{
    var akool = factory.CreateClient("akool");
    var res = await akool.PostAsJsonAsync("content/video/createbytalkingphoto",
        new { talking_photo_url = input.Photo, audio_url = input.Audio, resolution = "2160" });
    return Results.Ok(await res.Content.ReadAsStringAsync());
});
app.Run();

public record TalkIn(string Photo, string Audio);
