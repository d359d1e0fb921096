import org.json.JSONObject

fun pending(body: String): Boolean {
    val d = JSONObject(body).optJSONObject("data") ?: return true
    val st = d.optInt("video_status", 0)
    return st == 0 || st == 1 || st == 2
}
fun fetchInfo(id: String) = java.net.URL("https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=$id").readText()
