public class Op { public string Method { get; set; } public string Path { get; set; } }
public class OpsInit {
    public static readonly Op[] All = new[] {
        new Op { Method = "GET", Path = "/api/open/v3/content/video/createbytalkingphoto" },
        new Op { Method = "GET", Path = "/api/open/v3/content/video/infobymodelid" },
    };
}
