const val AKOOL = "https://openapi.akool.com/api/open/v3"
fun go(photo: String, audio: String) {
    "$AKOOL/content/video/createbytalkingphoto".httpPost()
        .body("""{"talking_photo_url": "$photo", "audio_url": "$audio", "resolution": "720p"}""")
        .responseString()
}
