import okhttp3.OkHttpClient
import okhttp3.Request

class Videos(private val client: OkHttpClient) {
    private val base = "https://openapi.akool.com/api/open/v3"

    fun create(): String {
        val url = "$base/content/video/createbytalkingphoto"
        val req = Request.Builder().url(url).post(body()).build()
        return client.newCall(req).execute().body!!.string()
    }

    fun fetch(url: String): ByteArray {
        val req = Request.Builder().url(url).get().build()
        return client.newCall(req).execute().body!!.bytes()
    }
}
