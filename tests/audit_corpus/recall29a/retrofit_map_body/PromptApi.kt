package com.example.akool

import retrofit2.Retrofit
import retrofit2.http.Body
import retrofit2.http.Header
import retrofit2.http.POST

interface PromptApi {
    @POST("api/open/v3/content/image/createbyprompt")
    suspend fun create(@Header("x-api-key") key: String, @Body body: Map<String, String>): Map<String, Any>
}

class PromptRepository(retrofit: Retrofit, private val key: String) {
    private val api = retrofit.create(PromptApi::class.java)

    suspend fun square(prompt: String) = api.create(key, mapOf("prompt" to prompt, "size" to "1:1"))
}
