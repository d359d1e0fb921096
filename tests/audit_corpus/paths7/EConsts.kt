const val BASE = "https://openapi.akool.com/api/open/v3"
const val LIST = "/voice/lists"

class Voices(private val client: OkHttpClient) {
    private fun get(path: String): String {
        val req = Request.Builder().url("$BASE$path").get().build()
        return client.newCall(req).execute().body!!.string()
    }
    fun list() = get(LIST)
}
