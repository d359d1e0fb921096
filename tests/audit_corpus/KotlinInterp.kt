package demo

val akoolBase = System.getenv("AKOOL_BASE") ?: "https://openapi.akool.com/api/open/v3"

fun avatarVideo(client: Http, key: String) =
    client.post("$akoolBase/talkingavatar/create", mapOf("width" to 3840, "height" to 2160, "avatar_from" to 3, "elements" to listOf<Any>()), key)

fun avatarList(client: Http, key: String) =
    client.get("$akoolBase/avatar/list?from=2&type=1", key)

fun avatarDetail(client: Http, key: String, id: String) =
    client.get("${akoolBase}/avatar/info?id=$id", key)
