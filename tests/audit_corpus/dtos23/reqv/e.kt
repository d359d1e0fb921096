import kotlinx.serialization.SerialName
import kotlinx.serialization.Serializable
import kotlinx.serialization.json.Json
import okhttp3.*
import okhttp3.MediaType.Companion.toMediaType
import okhttp3.RequestBody.Companion.toRequestBody

@Serializable
data class TalkReq(
    @SerialName("talking_photo_url") val photo: String,
    @SerialName("audio_url") val audio: String,
    @SerialName("webhook_url") val hook: String? = null,
)

fun create(http: OkHttpClient, req: TalkReq): Response {
    val body = Json.encodeToString(req).toRequestBody("application/json".toMediaType())
    val request = Request.Builder().url("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto").post(body).build()
    return http.newCall(request).execute()
}
