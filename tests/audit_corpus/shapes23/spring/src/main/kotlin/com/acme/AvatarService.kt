package com.acme

import org.springframework.beans.factory.annotation.Value
import org.springframework.stereotype.Service
import org.springframework.web.client.RestTemplate

@Service
class AvatarService(private val rest: RestTemplate) {
    @Value("\${akool.api.url}")
    lateinit var baseUrl: String

    @Value("\${akool.fallback.url:https://openapi.akool.com/api/open/v3}")
    lateinit var fallbackUrl: String

    fun avatars(): Map<*, *>? = rest.getForObject("$baseUrl/avatar/lists", Map::class.java)

    fun status(id: String): Map<*, *>? = rest.getForObject("$fallbackUrl/content/video/status/$id", Map::class.java)
}
