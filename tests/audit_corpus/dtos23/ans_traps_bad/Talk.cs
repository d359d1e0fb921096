using System.Net.Http.Json;
using System.Text.Json.Serialization;
public record TalkData(string _id, int vstatus, string? Video);
public record TalkResp(int Code, string Msg, TalkData Data);
public static class T
{
    public static async Task<int> Poll(HttpClient http, string id)
    {
        var v = await http.GetFromJsonAsync<TalkResp>($"https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id={id}");
        return v!.Data.vstatus;
    }
}
