import com.google.gson.JsonParser
import okhttp3.OkHttpClient
import okhttp3.Request

fun videoStatus(client: OkHttpClient, id: String): Int {
    val req = Request.Builder().url("https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=$id").build()
    val body = client.newCall(req).execute().body!!.string()
    return JsonParser.parseString(body).asJsonObject.getAsJsonObject("data").get("status").asInt
}

fun videoStatusGood(client: OkHttpClient, id: String): Int {
    val req = Request.Builder().url("https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=$id").build()
    val body = client.newCall(req).execute().body!!.string()
    return JsonParser.parseString(body).asJsonObject.getAsJsonObject("data").get("video_status").asInt
}
