import okhttp3.OkHttpClient
import okhttp3.Request

class SlashBase(private val http: OkHttpClient) {
    private val base = "https://openapi.akool.com/api/open/v3/"

    fun status(id: String) = http.newCall(Request.Builder().url("${base}content/video/status/$id").build()).execute()

    fun voices() = http.newCall(Request.Builder().url("${base}voice/list").build()).execute()
}
