package app.akool

import io.ktor.client.HttpClient
import io.ktor.client.engine.cio.CIO
import io.ktor.client.plugins.defaultRequest
import io.ktor.client.request.*
import io.ktor.http.ContentType
import io.ktor.http.contentType

const val AKOOL_BASE = "https://openapi.akool.com/api/open/v3/"

class AkoolApi(private val key: String) {
    private val client = HttpClient(CIO) {
        expectSuccess = false
        defaultRequest {
            url(AKOOL_BASE)
            header("x-api-key", key)
            contentType(ContentType.Application.Json)
        }
    }

    private val weather = HttpClient(CIO) {
        defaultRequest { url("https://api.weather.example/v3/") }
    }

    suspend fun info(id: String) = client.get("content/video/infobymodelid") {
        parameter("videoModelId", id)
    }

    suspend fun infoOk(id: String) = client.get("content/video/infobymodelid") {
        parameter("video_model_id", id)
    }

    suspend fun talk(photo: String, audio: String) = client.post("content/video/createbytalkingphoto") {
        setBody(mapOf("talking_photo_url" to photo, "audio_url" to audio, "resolution" to "4k"))
    }

    suspend fun forecast() = weather.post("content/video/lipsync") {
        setBody(mapOf("audio" to "x"))
    }
}
