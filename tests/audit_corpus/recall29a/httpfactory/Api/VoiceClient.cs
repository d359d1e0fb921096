public sealed class AkoolVoiceClient(HttpClient client) : IVoices
{
    public Task<string> List() => client.GetStringAsync("voice/list?type=1");
    public Task<string> Bad() => client.GetStringAsync("voice/list?kind=1");
}
