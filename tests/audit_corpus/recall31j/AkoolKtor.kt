import io.ktor.client.HttpClient
import io.ktor.client.call.body
import io.ktor.client.plugins.contentnegotiation.ContentNegotiation
import io.ktor.client.plugins.defaultRequest
import io.ktor.client.request.get
import io.ktor.client.request.header
import io.ktor.client.request.parameter
import io.ktor.client.request.post
import io.ktor.client.request.setBody
import io.ktor.client.statement.bodyAsText
import io.ktor.http.ContentType
import io.ktor.http.contentType
import io.ktor.serialization.kotlinx.json.json
import kotlinx.serialization.Serializable
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.int
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import kotlinx.serialization.json.put

@Serializable
data class HeldBody(val talking_photo_url: String, val resolution: String)

class AkoolKtor(private val key: String) {
    private val client = HttpClient {
        install(ContentNegotiation) { json() }
    }

    suspend fun talk(photo: String, audio: String): String {
        val body = buildJsonObject {
            put("talking_photo_url", photo)
            put("audio_url", audio)
            put("resolution", "720p")
        }
        return client.post("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto") {
            header("x-api-key", key)
            contentType(ContentType.Application.Json)
            setBody(body)
        }.bodyAsText()
    }

    suspend fun held(photo: String): String =
        client.post("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto") {
            header("x-api-key", key)
            contentType(ContentType.Application.Json)
            setBody(HeldBody(photo, "1080"))
        }.bodyAsText()

    suspend fun info(vid: String): String? {
        val text = client.get("https://openapi.akool.com/api/open/v3/content/video/infobymodelid") {
            header("x-api-key", key)
            parameter("videoModelId", vid)
        }.bodyAsText()
        val root = Json.parseToJsonElement(text).jsonObject
        if (root["code"]!!.jsonPrimitive.int != 200) {
            throw IllegalStateException(root["msg"].toString())
        }
        val data = root["data"]!!.jsonObject
        if (data["video_status"]!!.jsonPrimitive.int == 5) {
            return null
        }
        return data["video"]?.jsonPrimitive?.content
    }

    suspend fun imagine(prompt: String): String {
        val base = "https://openapi.akool.com/api/open/v3"
        return client.post("$base/content/image/createbyimagine") {
            header("x-api-key", key)
            contentType(ContentType.Application.Json)
            setBody(buildJsonObject { put("prompt", prompt) })
        }.bodyAsText()
    }

    suspend fun image(iid: String): String? {
        val text = client.get("https://openapi.akool.com/api/open/v3/content/image/infobymodelid") {
            header("x-api-key", key)
            parameter("image_model_id", iid)
        }.bodyAsText()
        val data = Json.parseToJsonElement(text).jsonObject["data"]!!.jsonObject
        return data["image_url"]?.jsonPrimitive?.content
    }
}
