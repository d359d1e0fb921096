// Receives AKOOL's callbacks; docs: https://docs.akool.com/ai-tools-suite/webhook
public class Hooks
{
    private const string Akool = "https://openapi.akool.com/api/open/v3";
    private const string Callback = "http://localhost:5000/api/open/v3/webhook/faceswap";

    public string CreateUrl() => $"{Akool}/faceswap/highquality/specifyimage";
    public string SelfUrl() => $"{Callback}/status";
}
