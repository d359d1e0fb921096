import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest

const val BASE = "https://openapi.akool.com"
val MIGRATIONS = mapOf(
    "/api/open/v3/photo/talking" to "/api/open/v3/content/video/createbytalkingphoto",
    "/api/open/v3/content/video/status" to "/api/open/v3/content/video/infobymodelid",
)
val RENAMED = java.util.Map.of("/api/open/v3/faceswap/highquality/image", "/api/open/v3/faceswap/highquality/specifyimage")

fun target(path: String): String? = when (path) {
    "/api/open/v3/photo/talking/result" -> null
    else -> if (path.equals("/api/open/v2/faceswap")) null else MIGRATIONS[path] ?: path
}

fun forward(client: HttpClient, path: String) {
    val req = HttpRequest.newBuilder(URI.create(BASE + target(path))).POST(HttpRequest.BodyPublishers.noBody()).build()
    client.send(req, java.net.http.HttpResponse.BodyHandlers.ofString())
}
