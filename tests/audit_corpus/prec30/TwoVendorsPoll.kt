import khttp.get

const val AKOOL = "https://openapi.akool.com/api/open/v3"
const val OTHER = "https://api.othervendor.io/v2"

fun poll(vid: String, key: String) {
    val a = get("$AKOOL/content/video/infobymodelid?video_model_id=$vid", headers = mapOf("x-api-key" to key)).jsonObject
    if (a["data"]["video_status"] == 3) println(a["data"]["video"])
}

fun other(vid: String) {
    val answer = get("$OTHER/videos/$vid").jsonObject
    if (answer["data"]["video_status"] == 7) println("done")
}
