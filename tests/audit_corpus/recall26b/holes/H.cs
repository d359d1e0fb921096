using System.Net.Http;
class H {
  static readonly HttpClient Http = new HttpClient { BaseAddress = new Uri("https://openapi.akool.com/api/open/v3/") };
  static Task<string> S(string id) => Http.GetStringAsync($"content/video/status/{Uri.EscapeDataString(id)}");
  static Task<string> Ok(string id) => Http.GetStringAsync($"content/video/infobymodelid?video_model_id={Uri.EscapeDataString(id)}");
}
