package demo

import io.ktor.client.HttpClient
import io.ktor.client.call.body
import io.ktor.client.request.get

suspend fun info(client: HttpClient, id: String): String? {
    val v = client.get("https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=$id").body<VideoInfo>()
    return if (v.data.status == 3) v.data.url else null
}
