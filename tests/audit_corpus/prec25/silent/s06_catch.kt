import okhttp3.OkHttpClient
import okhttp3.Request
import org.json.JSONObject

fun info(c: OkHttpClient, id: String): String? {
    val res = c.newCall(Request.Builder().url("https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=$id").build()).execute()
    val json = JSONObject(res.body!!.string())
    return try {
        json.getJSONObject("data").getString("video")
    } catch (e: Exception) {
        println(e.message)
        null
    }
}
