import okhttp3.OkHttpClient
import okhttp3.Request
import org.json.JSONObject

private const val V3_GOOD = "https://openapi.akool.com/api/open/v3"
private val httpGood = OkHttpClient()

fun talkingPhotoUrlGood(id: String): String? {
    val req = Request.Builder()
        .url("$V3_GOOD/content/video/infobymodelid?video_model_id=$id")
        .header("x-api-key", System.getenv("AKOOL_API_KEY"))
        .build()
    val j = JSONObject(httpGood.newCall(req).execute().body!!.string())
    val data = j.getJSONObject("data")
    val url = when (data.getInt("video_status")) {
        3 -> data.getString("video")
        4 -> throw IllegalStateException("render failed")
        else -> null
    }
    return url
}
