import okhttp3.HttpUrl.Companion.toHttpUrl
import okhttp3.OkHttpClient
import okhttp3.Request

const val BASE = "https://openapi.akool.com/api/open/v4"

fun voices(client: OkHttpClient): String {
    val url = BASE.toHttpUrl().newBuilder()
        .addPathSegments("voice/list")
        .addQueryParameter("type", "1")
        .build()
    return client.newCall(Request.Builder().url(url).build()).execute().body!!.string()
}

fun voicesBad(client: OkHttpClient): String {
    val url = BASE.toHttpUrl().newBuilder()
        .addPathSegments("voice/list")
        .addQueryParameter("voice_type", "1")
        .build()
    return client.newCall(Request.Builder().url(url).build()).execute().body!!.string()
}
