import okhttp3.OkHttpClient
import okhttp3.Request

const val TALK_URL = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"
const val INFO_URL = "https://openapi.akool.com/api/open/v3/content/video/infobymodelid"

class Poller(private val client: OkHttpClient) {
    private val results = mutableMapOf<String, String>()
    private val hits = HashMap<String, Int>()
    private val started: MutableMap<String, Long> = ConcurrentHashMap()

    fun poll(id: String): String {
        results[INFO_URL]?.let { return it }
        val s = results.getOrPut(INFO_URL) { "" }
        hits[INFO_URL] = (hits[INFO_URL] ?: 0) + 1
        started.put(INFO_URL, 1L)
        started.get(INFO_URL)
        val req = Request.Builder().url("$INFO_URL?video_model_id=$id").get().build()
        return client.newCall(req).execute().body!!.string()
    }
}
