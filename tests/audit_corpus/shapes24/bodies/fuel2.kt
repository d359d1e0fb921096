import com.github.kittinunf.fuel.Fuel
import com.github.kittinunf.fuel.httpPost
const val AKOOL_F2 = "https://openapi.akool.com/api/open/v3"
fun fa(photo: String, audio: String) {
    Fuel.post("$AKOOL_F2/content/video/createbytalkingphoto")
        .header("x-api-key", key)
        .jsonBody("""{"talking_photo_url": "$photo", "audio_url": "$audio", "resolution": "4k"}""")
        .responseString()
}
fun fb(photo: String, audio: String) {
    val json = """{"talking_photo_url": "$photo", "audio_url": "$audio", "resolution": "1080p"}"""
    "$AKOOL_F2/content/video/createbytalkingphoto".httpPost()
        .header("x-api-key" to key)
        .jsonBody(json)
        .responseString()
}
fun fc(photo: String, audio: String) {
    "$AKOOL_F2/content/video/createbytalkingphoto".httpPost().body("""{"talking_photo_url": "$photo", "audio_url": "$audio", "resolution": "1080"}""").responseString()
}
