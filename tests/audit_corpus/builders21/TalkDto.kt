import kotlinx.serialization.SerialName
import kotlinx.serialization.Serializable
import kotlinx.serialization.encodeToString
import kotlinx.serialization.json.Json
import okhttp3.*

const val BASE = "https://openapi.akool.com/api/open/v3"

@Serializable
data class TalkRequest(
    @SerialName("talking_photo_url") val photo: String,
    @SerialName("audio_url") val audio: String,
    @SerialName("webhook_url") val hook: String? = null,
)

fun talk(client: OkHttpClient, photo: String, audio: String) {
    val body = Json.encodeToString(TalkRequest(photo, audio, "https://me/hook"))
    val request = Request.Builder().url("$BASE/content/video/createbytalkingphoto")
        .post(body.toRequestBody("application/json".toMediaType())).build()
    client.newCall(request).execute()
}

@Serializable
data class GoodTalk(
    @SerialName("talking_photo_url") val photo: String,
    @SerialName("audio_url") val audio: String,
    val resolution: String = "1080",
)

fun talkGood(client: OkHttpClient, photo: String, audio: String) {
    val body = Json.encodeToString(GoodTalk(photo, audio))
    val request = Request.Builder().url("$BASE/content/video/createbytalkingphoto")
        .post(body.toRequestBody("application/json".toMediaType())).build()
    client.newCall(request).execute()
}
