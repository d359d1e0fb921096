import retrofit2.Retrofit
import retrofit2.converter.gson.GsonConverterFactory
import retrofit2.http.Body
import retrofit2.http.GET
import retrofit2.http.Header
import retrofit2.http.POST
import retrofit2.http.Query

data class TalkReq(val talking_photo_url: String, val audio_url: String, val resolution: String = "720p")

interface AkoolApi {
    @POST("content/video/createbytalkingphoto")
    suspend fun talk(@Header("x-api-key") key: String, @Body body: TalkReq): Map<String, Any>

    @GET("content/video/status")
    suspend fun status(@Header("x-api-key") key: String, @Query("task_id") id: String): Map<String, Any>

    @POST("content/video/infobymodelid")
    suspend fun info(@Header("x-api-key") key: String, @Query("video_model_id") id: String): Map<String, Any>
}

val api: AkoolApi = Retrofit.Builder()
    .baseUrl("https://openapi.akool.com/api/open/v3/")
    .addConverterFactory(GsonConverterFactory.create())
    .build()
    .create(AkoolApi::class.java)
