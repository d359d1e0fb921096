using System.Net.Http;
// Two clients in one class: each call goes to its own client's base.
public class AkoolPair {
  private readonly HttpClient _v3 = new() { BaseAddress = new Uri("https://openapi.akool.com/api/open/v3/") };
  private readonly HttpClient _v4;
  private readonly HttpClient _site = new() { BaseAddress = new Uri("https://openapi.akool.com") };
  public AkoolPair() {
    _v4 = new HttpClient
    {
        BaseAddress = new Uri("https://openapi.akool.com/api/open/v4/")
    };
  }
  public Task<string> Info(string id) => _v3.GetStringAsync($"content/video/infobymodelid?video_model_id={id}");
  public Task<string> Voices() => _v4.GetStringAsync("voice/list?type=1");
  public Task<string> Faces() => _site.GetStringAsync("api/open/v3/faceswap/result/listbyids?_ids=a");
}
