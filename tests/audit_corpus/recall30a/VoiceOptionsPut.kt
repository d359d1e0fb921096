import okhttp3.MediaType.Companion.toMediaType
import okhttp3.OkHttpClient
import okhttp3.Request
import okhttp3.RequestBody.Companion.toRequestBody
import org.json.JSONObject

class VoiceOptionsPut(private val apiKey: String) {
    private val http = OkHttpClient()

    fun speak(text: String, voiceId: String): String {
        val options = JSONObject()
        options.put("speed", 1.0)
        options.put("stability", 1.5)
        val body = JSONObject()
            .put("input_text", text)
            .put("voice_id", voiceId)
            .put("voice_options", options)
        val req = Request.Builder()
            .url("https://openapi.akool.com/api/open/v4/voice/tts")
            .header("x-api-key", apiKey)
            .post(body.toString().toRequestBody("application/json".toMediaType()))
            .build()
        return http.newCall(req).execute().use { it.body!!.string() }
    }
}
