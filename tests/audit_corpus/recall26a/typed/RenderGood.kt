import io.ktor.client.HttpClient
import io.ktor.client.call.body
import io.ktor.client.request.get
import io.ktor.client.request.header
import kotlinx.serialization.SerialName
import kotlinx.serialization.Serializable

@Serializable
data class GoodEnvelope<T>(val code: Int, val msg: String, val data: T)

@Serializable
data class GoodVideoData(
    @SerialName("video_status") val videoStatus: Int,
    val video: String? = null,
)

class RenderClientGood(private val http: HttpClient, private val key: String) {
    suspend fun videoUrl(id: String): String? {
        val env = http.get("https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=$id") {
            header("x-api-key", key)
        }.body<GoodEnvelope<GoodVideoData>>()
        if (env.code != 1000) error(env.msg)
        if (env.data.videoStatus == 3) return env.data.video
        return null
    }
}
