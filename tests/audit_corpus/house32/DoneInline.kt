import okhttp3.OkHttpClient
import okhttp3.Request
import org.json.JSONObject

fun once(client: OkHttpClient, id: String): String? {
    val req = Request.Builder().url("https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=$id").build()
    val data = JSONObject(client.newCall(req).execute().body!!.string()).getJSONObject("data")
    if (data.getInt("video_status") in listOf(2, 3)) return data.getString("video")
    return null
}
