using System.Net.Http.Json;

var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

// Our own proxy endpoints; the real AKOOL call is made by AkoolClient.
app.MapPost(
    "/api/open/v3/content/video/createbytalkingphoto",
    async (TalkRequest req, AkoolClient akool) => Results.Ok(await akool.TalkAsync(req)));

app.MapGet(
    "/api/open/v3/content/video/status/{id}",
    (string id) => Results.Ok(new { id }));

app.Run();

public record TalkRequest(string Photo, string Audio);
