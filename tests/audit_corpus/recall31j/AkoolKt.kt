import okhttp3.HttpUrl.Companion.toHttpUrl
import okhttp3.MediaType.Companion.toMediaType
import okhttp3.OkHttpClient
import okhttp3.Request
import okhttp3.RequestBody.Companion.toRequestBody
import org.json.JSONObject

private const val BASE_URL = "https://openapi.akool.com/api/open/v3"

class AkoolKt(private val key: String = System.getenv("AKOOL_KEY")) {
    private val client = OkHttpClient()
    private val json = "application/json; charset=utf-8".toMediaType()

    fun talk(photo: String, audio: String): String {
        val body = """{"talking_photo_url":"$photo","audio_url":"$audio","resolution":"720p"}"""
        val request = Request.Builder()
            .url("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto")
            .header("x-api-key", key)
            .post(body.toRequestBody(json))
            .build()
        client.newCall(request).execute().use { return it.body!!.string() }
    }

    fun held(photo: String): String {
        val payload = JSONObject()
        payload.put("talking_photo_url", photo)
        payload.put("resolution", "1080")
        val request = Request.Builder()
            .url("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto")
            .header("x-api-key", key)
            .post(payload.toString().toRequestBody(json))
            .build()
        client.newCall(request).execute().use { return it.body!!.string() }
    }

    fun info(vid: String): String? {
        val url = "https://openapi.akool.com/api/open/v3/content/video/infobymodelid".toHttpUrl().newBuilder()
            .addQueryParameter("videoModelId", vid)
            .build()
        val request = Request.Builder().url(url).header("x-api-key", key).build()
        client.newCall(request).execute().use { response ->
            val root = JSONObject(response.body!!.string())
            if (root.getInt("code") != 200) {
                throw IllegalStateException(root.optString("msg"))
            }
            val data = root.getJSONObject("data")
            if (data.getInt("video_status") == 5) {
                return null
            }
            return data.getString("video")
        }
    }

    fun imagine(prompt: String): String {
        val request = Request.Builder()
            .url("$BASE_URL/content/image/createbyimagine")
            .header("x-api-key", key)
            .post(JSONObject().put("prompt", prompt).toString().toRequestBody(json))
            .build()
        client.newCall(request).execute().use { return it.body!!.string() }
    }

    fun image(iid: String): String {
        val request = Request.Builder()
            .url("https://openapi.akool.com/api/open/v3/content/image/infobymodelid?image_model_id=$iid")
            .header("x-api-key", key)
            .build()
        client.newCall(request).execute().use { response ->
            val data = JSONObject(response.body!!.string()).getJSONObject("data")
            return data.getString("image_url")
        }
    }
}
