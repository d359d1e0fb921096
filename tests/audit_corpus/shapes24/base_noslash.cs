using System.Net.Http;
class NoSlash {
  static readonly HttpClient Http = new HttpClient { BaseAddress = new Uri("https://openapi.akool.com/api/open/v3") };
  public static Task<HttpResponseMessage> Info(string id) => Http.GetAsync($"content/video/infobymodelid?video_model_id={id}");
}
