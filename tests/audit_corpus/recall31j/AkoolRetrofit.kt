import com.squareup.moshi.Json
import com.squareup.moshi.JsonClass
import retrofit2.Retrofit
import retrofit2.converter.moshi.MoshiConverterFactory
import retrofit2.http.Body
import retrofit2.http.GET
import retrofit2.http.Header
import retrofit2.http.POST
import retrofit2.http.Query

@JsonClass(generateAdapter = true)
data class TalkingPhotoBody(
    @Json(name = "talking_photo_url") val talkingPhotoUrl: String,
    @Json(name = "audio_url") val audioUrl: String? = null,
    val resolution: String = "720p",
)

@JsonClass(generateAdapter = true)
data class HeldBody(val talking_photo_url: String, val resolution: String)

@JsonClass(generateAdapter = true)
data class ImagineBody(val prompt: String)

@JsonClass(generateAdapter = true)
data class VideoData(val video_status: Int, val video: String?)

@JsonClass(generateAdapter = true)
data class VideoInfo(val code: Int, val msg: String, val data: VideoData?)

@JsonClass(generateAdapter = true)
data class ImageData(val image_status: Int, val image_url: String?)

@JsonClass(generateAdapter = true)
data class ImageInfo(val code: Int, val msg: String, val data: ImageData?)

interface AkoolApi {
    @POST("content/video/createbytalkingphoto")
    suspend fun talk(@Header("x-api-key") key: String, @Body body: TalkingPhotoBody): VideoInfo

    @POST("content/video/createbytalkingphoto")
    suspend fun held(@Header("x-api-key") key: String, @Body body: HeldBody): VideoInfo

    @GET("content/video/infobymodelid")
    suspend fun info(@Header("x-api-key") key: String, @Query("videoModelId") id: String): VideoInfo

    @POST("content/image/createbyimagine")
    suspend fun imagine(@Header("x-api-key") key: String, @Body body: ImagineBody): ImageInfo

    @GET("content/image/infobymodelid")
    suspend fun image(@Header("x-api-key") key: String, @Query("image_model_id") id: String): ImageInfo
}

class AkoolRetrofit(private val key: String) {
    private val api = Retrofit.Builder()
        .baseUrl("https://openapi.akool.com/api/open/v3/")
        .addConverterFactory(MoshiConverterFactory.create())
        .build()
        .create(AkoolApi::class.java)

    suspend fun poll(vid: String): String? {
        val info = api.info(key, vid)
        if (info.code != 200) {
            throw IllegalStateException(info.msg)
        }
        if (info.data?.video_status == 5) {
            return null
        }
        return info.data?.video
    }

    suspend fun imageUrl(iid: String): String? = api.image(key, iid).data?.image_url
}
