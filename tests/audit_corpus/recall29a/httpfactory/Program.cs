var builder = WebApplication.CreateBuilder(args);
builder.Services.AddHttpClient("akool", client =>
{
    client.BaseAddress = new Uri(builder.Configuration["Akool:BaseUrl"] ?? "https://openapi.akool.com/api/open/v3/");
});
builder.Services.AddHttpClient("github", c => c.BaseAddress = new Uri("https://api.github.com/"));
builder.Services.AddHttpClient<IVoices, AkoolVoiceClient>(c => c.BaseAddress = new Uri("https://openapi.akool.com/api/open/v4/"));
var app = builder.Build();
app.Run();
