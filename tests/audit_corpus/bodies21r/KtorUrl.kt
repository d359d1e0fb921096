suspend fun run(client: HttpClient) {
    client.post {
        url("https://openapi.akool.com/api/open/v3/content/image/createbyprompt")
        contentType(ContentType.Application.Json)
        setBody(mapOf("prompt" to "a cat", "size" to "1:1"))
    }
    client.request("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto") {
        method = HttpMethod.Post
        setBody(mapOf("talking_photo_url" to "https://x/a.jpg", "audio_url" to "https://x/a.mp3", "resolution" to "720p"))
    }
}
