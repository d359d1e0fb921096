import io.ktor.server.application.*
import io.ktor.server.response.*
import io.ktor.server.routing.*

fun Application.akoolProxy() {
    routing {
        post("/api/open/v3/content/video/createbytalkingphoto") {
            call.respond(mapOf("ok" to true))
        }
        get("/api/open/v3/content/video/getvideostatus") {
            call.respond(mapOf("status" to 1))
        }
        route("/api/open/v3") {
            post("/photo/talking") { call.respond(mapOf("ok" to true)) }
        }
    }
}
