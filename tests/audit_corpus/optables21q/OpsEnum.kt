enum class Op(val method: String, val path: String) {
    TALK("POST", "/api/open/v3/content/video/createbytalkingphoto"),
    INFO("PUT", "/api/open/v3/content/video/infobymodelid"),
    POLL("GET", "/api/open/v3/content/video/infobymodelid"),
}

suspend fun send(client: HttpClient, op: Op) = client.request(EnumBase.BASE + op.path) { method = HttpMethod.parse(op.method) }
