import kotlinx.serialization.SerialName
import kotlinx.serialization.Serializable
@Serializable
data class TalkReq(@SerialName("talking_photo_url") val photo: String, @SerialName("audio_url") val audio: String, @SerialName("webhook_url") val hook: String? = null)
suspend fun create(client: io.ktor.client.HttpClient, r: TalkReq) =
    client.post("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto") { setBody(r) }
