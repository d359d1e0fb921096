import kotlinx.serialization.SerialName
import kotlinx.serialization.Serializable

@Serializable
data class TalkReq(
    @SerialName("talking_photo_url") val photo: String,
    @SerialName("audio_url") val audio: String,
    @SerialName("resolution") val resolution: String = "720",
    @SerialName("webhook_url") val hook: String? = null,
)

@Serializable
data class PromptReq(val prompt: String, val scale: String)

suspend fun run(client: HttpClient) {
    val req = TalkReq("https://x/a.jpg", "https://x/a.mp3", "720p")
    client.post("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto") {
        setBody(req)
    }
    client.post("https://openapi.akool.com/api/open/v3/content/image/createbyprompt") {
        setBody(PromptReq("a cat", scale = "1:1"))
    }
    client.post("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto") {
        setBody(TalkReq(photo = "https://x/a.jpg", audio = "https://x/a.mp3", hook = "https://x/h"))
    }
}
