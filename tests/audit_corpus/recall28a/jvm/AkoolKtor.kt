package com.example.akool

import io.ktor.client.HttpClient
import io.ktor.client.request.*
import io.ktor.http.*

const val AKOOL_BASE = "https://openapi.akool.com/api/open/v3"

class AkoolKtor(private val client: HttpClient, private val token: String) {
    suspend fun status(id: String): String {
        val res = client.get {
            url {
                takeFrom(AKOOL_BASE)
                appendPathSegments("content", "video", "status")
                parameters.append("id", id)
            }
            bearerAuth(token)
        }
        return res.toString()
    }

    suspend fun talk(photo: String, audio: String) = client.post {
        url {
            takeFrom(AKOOL_BASE)
            appendPathSegments("content/video/createbytalkingphoto")
        }
        contentType(ContentType.Application.Json)
        setBody(mapOf("talking_photo_url" to photo, "audio_url" to audio, "resolution" to "720"))
    }
}
