import io.ktor.client.HttpClient
import io.ktor.client.request.header
import io.ktor.client.request.post
import io.ktor.client.request.setBody
import io.ktor.http.ContentType
import io.ktor.http.contentType

suspend fun talkingPhotoGood(http: HttpClient, photo: String, audio: String) {
    http.post("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto") {
        header("x-api-key", System.getenv("AKOOL_API_KEY"))
        contentType(ContentType.Application.Json)
        setBody(mapOf<String, Any>("talking_photo_url" to photo, "audio_url" to audio, "resolution" to "720"))
    }
}

suspend fun upscaleGood(http: HttpClient, photo: String, audio: String) {
    http.post("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto") {
        header("x-api-key", System.getenv("AKOOL_API_KEY"))
        contentType(ContentType.Application.Json)
        setBody(mutableMapOf<String, Any?>("talking_photo_url" to photo, "audio_url" to audio, "resolution" to "1080"))
    }
}
