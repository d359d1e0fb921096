using System.Net.Http;
public class AkoolPairWrong {
  private readonly HttpClient _v3 = new() { BaseAddress = new Uri("https://openapi.akool.com/api/open/v3/") };
  private readonly HttpClient _v4 = new() { BaseAddress = new Uri("https://openapi.akool.com/api/open/v4/") };
  public Task<string> Info(string id) => _v4.GetStringAsync($"content/video/infobymodelid?video_model_id={id}");
  public Task<string> Voices() => _v4.GetStringAsync("voice/list?type=1");
}
