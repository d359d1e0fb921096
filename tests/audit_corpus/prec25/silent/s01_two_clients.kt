import io.ktor.client.*
import io.ktor.client.request.*
import io.ktor.client.plugins.*

class Akool(key: String) {
    private val v3 = HttpClient { defaultRequest { url("https://openapi.akool.com/api/open/v3/"); header("x-api-key", key) } }
    private val v4 = HttpClient { defaultRequest { url("https://openapi.akool.com/api/open/v4/"); header("x-api-key", key) } }
    suspend fun faces() = v3.get("faceswap/result/listbyids") { parameter("_ids", "a") }
    suspend fun voices() = v4.get("voice/list") { parameter("type", 1) }
}
