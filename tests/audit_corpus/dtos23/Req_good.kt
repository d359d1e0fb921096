import kotlinx.serialization.SerialName
import kotlinx.serialization.Serializable
@Serializable
data class GoodReq(@SerialName("talking_photo_url") val photo: String, @SerialName("audio_url") val audio: String, @SerialName("webhookUrl") val hook: String? = null)
suspend fun createGood(client: io.ktor.client.HttpClient, r: GoodReq) =
    client.post("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto") { setBody(r) }
