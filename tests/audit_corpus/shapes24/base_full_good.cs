using System.Net.Http;
class FullPath {
  private readonly HttpClient _http;
  public FullPath() { _http = new HttpClient(); _http.BaseAddress = new Uri("https://openapi.akool.com/api/open/v3/"); }
  public Task<HttpResponseMessage> Info(string id) => _http.GetAsync($"/api/open/v3/content/video/infobymodelid?video_model_id={id}");
}
