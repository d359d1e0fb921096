package demo

object Api {
    const val BASE = "https://openapi.akool.com"
    const val TALK = "/api/open/v3/content/video/createbytalkingphoto"
    const val INFO = "/api/open/v3/content/video/infobymodelid"
}
