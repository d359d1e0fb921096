using System.Net.Http;
using System.Threading.Tasks;

public class Jobs {
    private readonly HttpClient http = new HttpClient();

    public Task<HttpResponseMessage> Talk() => http.GetAsync($"{Api.Base}{Api.Talk}");

    public Task<HttpResponseMessage> Poll(string id) => http.GetAsync($"{Api.Base}{Api.Info}?video_model_id={id}");
}
