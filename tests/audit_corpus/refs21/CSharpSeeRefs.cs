using System.Net.Http;
public class CSharpSeeRefs {
    /// <summary>The job's status.</summary>
    /// <see href="https://api.akool.com/api/open/v3/photo/talking"/>
    /// <seealso href="https://api.akool.com/api/open/v3/content/video/status">the old endpoint</seealso>
    public static async System.Threading.Tasks.Task<string> S(HttpClient c, string id) =>
        await c.GetStringAsync("https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=" + id);
}
