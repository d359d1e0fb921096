import okhttp3.OkHttpClient
import okhttp3.Request
import org.json.JSONObject

private const val V3 = "https://openapi.akool.com/api/open/v3"
private val http = OkHttpClient()

fun talkingPhotoUrl(id: String): String? {
    val req = Request.Builder()
        .url("$V3/content/video/infobymodelid?video_model_id=$id")
        .header("x-api-key", System.getenv("AKOOL_API_KEY"))
        .build()
    val j = JSONObject(http.newCall(req).execute().body!!.string())
    val data = j.getJSONObject("data")
    val url = when (data.getInt("video_status")) {
        2 -> data.getString("video")
        4 -> throw IllegalStateException("render failed")
        else -> null
    }
    return url
}
