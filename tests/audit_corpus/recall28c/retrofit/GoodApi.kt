package y

import com.google.gson.annotations.SerializedName
import retrofit2.http.Body
import retrofit2.http.POST

/** The talking photo request, under AKOOL's names. */
data class TalkBody(
    @SerializedName("talking_photo_url")
    val photo: String,
    @SerializedName("audio_url")
    val audio: String,
    @SerializedName("webhookUrl")
    val hook: String? = null,
)

interface GoodApi {
    @POST("api/open/v3/content/video/createbytalkingphoto") suspend fun talk(@Body body: TalkBody): Any
}
