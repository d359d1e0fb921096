import kotlinx.serialization.Serializable

@Serializable
data class ImageRequest33b(val prompt: String, val scale: String = "1:1")

suspend fun wide33(client: io.ktor.client.HttpClient) {
    val base = ImageRequest33b(prompt = "a fox")
    val req = base.copy(scale = "16:9")
    client.post("https://openapi.akool.com/api/open/v3/content/image/createbyprompt") {
        setBody(req)
    }
}
