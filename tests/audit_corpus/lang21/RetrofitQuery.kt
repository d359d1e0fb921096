import retrofit2.Retrofit
import retrofit2.http.*

interface AkoolApi {
    @GET("content/video/infobymodelid")
    suspend fun info(@Header("x-api-key") key: String, @Query("video_model_id") id: String): Map<String, Any>

    @GET("content/video/infobymodelid")
    suspend fun info2(@QueryMap q: Map<String, String>): Map<String, Any>

    @GET("content/video/infobymodelid")
    suspend fun info3(
        @Header("x-api-key") key: String,
        @Query("videoModelId") id: String,
    ): Map<String, Any>

    @GET("content/video/infobymodelid")
    suspend fun info4(@Url url: String): Map<String, Any>
}

val api: AkoolApi = Retrofit.Builder().baseUrl("https://openapi.akool.com/api/open/v3/").build().create(AkoolApi::class.java)
