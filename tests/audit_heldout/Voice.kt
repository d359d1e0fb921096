package demo.akool

import okhttp3.MediaType.Companion.toMediaType
import okhttp3.OkHttpClient
import okhttp3.Request
import okhttp3.RequestBody.Companion.toRequestBody
import org.json.JSONObject

val host = System.getenv("AKOOL_HOST") ?: "https://openapi.akool.com"
private val http = OkHttpClient()
private val JSON = "application/json".toMediaType()

fun post(url: String, body: JSONObject, key: String): String {
    val req = Request.Builder().url(url).header("x-api-key", key).post(body.toString().toRequestBody(JSON)).build()
    return http.newCall(req).execute().body!!.string()
}

fun speak(text: String, voice: String, key: String) =
    post("$host/api/open/v4/voice/tts", JSONObject(mapOf("input_text" to text, "voice_id" to voice)), key)

fun clone(sample: String, key: String) =
    post("$host/api/open/v4/voice/clone", JSONObject(mapOf("source_voice_file" to sample, "voice_name" to "narrator")), key)

fun startSession(avatar: String, key: String) =
    post("$host/api/open/v3/liveAvatar/session/create", JSONObject(mapOf("avatar_id" to avatar)), key)
