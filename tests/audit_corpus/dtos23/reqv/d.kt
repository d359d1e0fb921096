import com.google.gson.Gson
import com.google.gson.annotations.SerializedName
import okhttp3.*
import okhttp3.MediaType.Companion.toMediaType
import okhttp3.RequestBody.Companion.toRequestBody

data class TalkReq(
    @SerializedName("talking_photo_url") val photo: String,
    @SerializedName("audio_url") val audio: String,
    @SerializedName("webhook_url") val hook: String? = null,
)

class Akool(private val http: OkHttpClient) {
    fun create(req: TalkReq): Response {
        val body = Gson().toJson(req).toRequestBody("application/json".toMediaType())
        val request = Request.Builder().url("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto").post(body).build()
        return http.newCall(request).execute()
    }
}
