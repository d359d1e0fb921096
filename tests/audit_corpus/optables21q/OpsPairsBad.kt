const val BAD_BASE = "https://openapi.akool.com"
val opsBad = listOf(
    "GET" to "/api/open/v3/content/video/createbytalkingphoto",
    "POST" to "/api/open/v3/content/video/infobymodelid",
)
fun runBad(client: OkHttpClient) {
    for ((m, p) in opsBad) {
        val req = Request.Builder().url(BAD_BASE + p).method(m, null).build()
    }
}
