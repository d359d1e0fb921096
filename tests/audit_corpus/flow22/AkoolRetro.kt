package app.net

import retrofit2.http.Body
import retrofit2.http.GET
import retrofit2.http.POST
import retrofit2.http.Query

interface AkoolApi {
    @POST("content/video/createbytalkingphoto")
    suspend fun talk(@Body body: TalkRequest): TalkResponse

    @GET("content/video/infobymodelid")
    suspend fun info(@Query("video_model_id") id: String): InfoResponse

    @GET("content/video/status")
    suspend fun status(@Query("id") id: String): InfoResponse

    @POST("faceswap/quota/info")
    suspend fun quota(): QuotaResponse
}
