namespace Acme.Akool;

public sealed class AkoolSettings33
{
    public const string Section = "Akool";
    public string ApiBase33 { get; init; } = "https://openapi.akool.com/api/open/v3";
    public string ApiKey { get; init; } = "";
}
