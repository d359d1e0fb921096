using System.Net.Http;
class ConstBase {
  const string BaseUrl = "https://openapi.akool.com/api/open/v3";
  static readonly HttpClient Http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
  public static Task<string> Info(string id) => Http.GetStringAsync($"content/video/infobymodelid?video_model_id={id}");
}
