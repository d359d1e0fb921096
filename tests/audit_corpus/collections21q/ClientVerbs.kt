import io.ktor.client.HttpClient
import io.ktor.client.request.get

const val TALK_URL = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"

class Talk(private val client: HttpClient) {
    private val seen = mutableMapOf<String, String>()
    suspend fun run() {
        seen[TALK_URL] = "x"
        seen.put(TALK_URL, "y")
        client.get(TALK_URL)
    }
}
