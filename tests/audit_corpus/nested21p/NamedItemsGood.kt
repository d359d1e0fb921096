val base = "https://openapi.akool.com/api/open/v3"

fun make(avatar: String, text: String) {
    val item = mapOf("type" to 2, "avatar_id" to avatar, "input_text" to text, "voice_id" to "v1")
    val res = khttp.post("$base/talkingavatar/create", json = mapOf("width" to 3840, "elements" to listOf(item)))
}
