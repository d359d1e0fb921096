package com.example.reels

import okhttp3.MediaType.Companion.toMediaType
import okhttp3.OkHttpClient
import okhttp3.Request
import okhttp3.RequestBody.Companion.toRequestBody
import org.json.JSONObject

class AkoolApi(
    private val apiKey: String,
    private val baseUrl: String = "https://openapi.akool.com/api/open/v4",
) {
    private val http = OkHttpClient()
    private val json = "application/json".toMediaType()

    private fun post(url: String, body: JSONObject): JSONObject {
        var last: Exception? = null
        repeat(3) {
            try {
                val req = Request.Builder().url(url).header("x-api-key", apiKey)
                    .post(body.toString().toRequestBody(json)).build()
                http.newCall(req).execute().use { return JSONObject(it.body!!.string()) }
            } catch (e: Exception) {
                last = e
            }
        }
        throw last ?: IllegalStateException("unreachable")
    }

    fun animate(image: String, prompt: String): String {
        val body = JSONObject(mapOf("image_url" to image, "prompt" to prompt, "resolution" to "1080", "video_length" to 5))
        return post("$baseUrl/image2Video/createBySourcePrompt", body).getJSONObject("data").getString("_id")
    }

    fun results(ids: List<String>): JSONObject =
        post("$baseUrl/image2Video/resultsByIds", JSONObject(mapOf("_ids" to ids.joinToString(","))))

    fun status(id: String): JSONObject {
        val req = Request.Builder().url("$baseUrl/image2Video/status/$id").header("x-api-key", apiKey).build()
        http.newCall(req).execute().use { return JSONObject(it.body!!.string()) }
    }
}
