import kotlinx.serialization.Serializable
import kotlinx.serialization.json.Json

@Serializable
data class VideoData(val _id: String, val video_status: Int, val video: String? = null)

@Serializable
data class VideoInfo(val code: Int, val data: VideoData)

private const val BASE = "https://openapi.akool.com/api/open/v3"

suspend fun info(client: okhttp3.OkHttpClient, id: String): String? {
    val req = okhttp3.Request.Builder().url("$BASE/content/video/infobymodelid?video_model_id=$id").build()
    val body = client.newCall(req).execute().body!!.string()
    val v = Json { ignoreUnknownKeys = true }.decodeFromString<VideoInfo>(body)
    return if (v.data.video_status == 3) v.data.video else null
}
