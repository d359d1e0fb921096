import retrofit2.Retrofit
import retrofit2.http.GET
import retrofit2.http.Query

interface AkoolApi {
    @GET("/content/video/infobymodelid")
    suspend fun info(@Query("video_model_id") id: String): Map<String, Any>
}

object Net {
    val api: AkoolApi = Retrofit.Builder()
        .baseUrl("https://openapi.akool.com/api/open/v3/")
        .build()
        .create(AkoolApi::class.java)
}
