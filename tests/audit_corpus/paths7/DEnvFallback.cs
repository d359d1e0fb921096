public class Akool {
    private static readonly string Base = "https://openapi.akool.com/api/open/v3";
    private static readonly string TalkPath = Environment.GetEnvironmentVariable("AKOOL_TALK") ?? "/content/video/createbytalkingphoto";
    private const string InfoPath = "/content/video/infobymodelid";

    public async Task Talk(HttpClient http) {
        var body = new { talking_photo_url = "a", audio_url = "b", resolution = "720p" };
        await http.PostAsJsonAsync($"{Base}{TalkPath}", body);
    }
    public async Task Info(HttpClient http) {
        await http.PostAsync(Base + InfoPath, null);
    }
}
