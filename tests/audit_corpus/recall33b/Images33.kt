import io.ktor.client.*
import io.ktor.client.request.*
import io.ktor.http.*
import kotlinx.serialization.Serializable

@Serializable
data class ImageRequest33(val prompt: String, val scale: String = "1:1")

private val DEFAULTS33 = ImageRequest33(prompt = "a lighthouse at dusk")

suspend fun banner33(client: HttpClient, key: String) {
    val req = DEFAULTS33.copy(scale = "5:1")
    client.post("https://openapi.akool.com/api/open/v3/content/image/createbyprompt") {
        header("x-api-key", key)
        contentType(ContentType.Application.Json)
        setBody(req)
    }
}
