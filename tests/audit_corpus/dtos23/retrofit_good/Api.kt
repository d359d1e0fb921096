import retrofit2.http.*
import kotlinx.serialization.Serializable

@Serializable
data class VideoData(val _id: String, val video_status: Int, val video: String? = null)

@Serializable
data class VideoInfo(val code: Int, val msg: String, val data: VideoData)

interface AkoolApi {
    @GET("api/open/v3/content/video/infobymodelid")
    suspend fun info(@Query("video_model_id") id: String): VideoInfo
}
