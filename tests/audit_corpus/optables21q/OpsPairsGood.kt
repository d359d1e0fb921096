const val BASE = "https://openapi.akool.com"
val ops = listOf(
    "POST" to "/api/open/v3/content/video/createbytalkingphoto",
    "GET" to "/api/open/v3/content/video/infobymodelid",
)
fun run(client: OkHttpClient) {
    for ((m, p) in ops) {
        val req = Request.Builder().url(BASE + p).method(m, null).build()
    }
}
