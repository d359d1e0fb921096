package x

import com.google.gson.annotations.SerializedName
import retrofit2.http.Body
import retrofit2.http.POST

data class TalkRequest(
    @SerializedName("talking_photo_url") val photoUrl: String,
    @SerializedName("audio_url") val audioUrl: String,
    @SerializedName("webhook_url") val webhook: String? = null,
)

interface AkoolApi {
    @POST("api/open/v3/content/video/createbytalkingphoto")
    suspend fun createTalk(@Body body: TalkRequest): Any
}
