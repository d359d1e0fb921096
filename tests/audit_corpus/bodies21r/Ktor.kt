import io.ktor.client.*
import io.ktor.client.request.*
import io.ktor.http.*

suspend fun run(client: HttpClient, key: String) {
    val base = "https://openapi.akool.com/api/open/v3"
    val prompt = mapOf("prompt" to "a cat", "size" to "1:1")
    client.post("$base/content/image/createbyprompt") {
        header("x-api-key", key)
        contentType(ContentType.Application.Json)
        setBody(prompt)
    }
    client.post("$base/content/video/createbytalkingphoto") {
        contentType(ContentType.Application.Json)
        setBody(mapOf("talking_photo_url" to "https://example.com/a.jpg", "audio_url" to "https://example.com/a.mp3", "resolution" to "720p"))
    }
}
