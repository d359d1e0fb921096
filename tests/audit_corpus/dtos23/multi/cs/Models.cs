using System.Text.Json.Serialization;

namespace Demo;

public record VideoData(
    [property: JsonPropertyName("_id")] string Id,
    [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("video")] string? Url);

public record VideoInfo(int Code, VideoData Data);
