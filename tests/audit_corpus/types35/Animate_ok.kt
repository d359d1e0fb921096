import io.ktor.client.HttpClient
import io.ktor.client.call.body
import io.ktor.client.request.*
import io.ktor.http.ContentType
import io.ktor.http.contentType
import kotlinx.serialization.json.JsonObject

class AnimateOk(private val http: HttpClient, private val key: String) {
    suspend fun animate(image: String): JsonObject = http.post("https://openapi.akool.com/api/open/v4/image2Video/createBySourcePrompt") {
        header("x-api-key", key)
        contentType(ContentType.Application.Json)
        setBody(mapOf("image_url" to image, "prompt" to "pan left", "negative_prompt" to "", "resolution" to "720p", "audio_type" to 1, "video_length" to 5))
    }.body()

    suspend fun forget(ids: List<String>): JsonObject = http.post("https://openapi.akool.com/api/open/v4/voice/del") {
        header("x-api-key", key)
        contentType(ContentType.Application.Json)
        setBody(mapOf("_ids" to ids))
    }.body()
}
