import com.github.kittinunf.fuel.Fuel
import com.github.kittinunf.fuel.core.FuelManager
import com.github.kittinunf.fuel.core.extensions.jsonBody
import com.google.gson.Gson
import com.google.gson.JsonObject

object AkoolFuel {
    private val gson = Gson()
    private val key = System.getenv("AKOOL_KEY")

    init {
        FuelManager.instance.basePath = "https://openapi.akool.com/api/open/v3"
    }

    fun talk(photo: String, audio: String): String {
        val (_, _, result) = Fuel.post("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto")
            .header("x-api-key", key)
            .jsonBody("""{"talking_photo_url":"$photo","audio_url":"$audio","resolution":"720p"}""")
            .responseString()
        return result.get()
    }

    fun held(photo: String): String {
        val body = mapOf("talking_photo_url" to photo, "resolution" to "1080")
        val (_, _, result) = Fuel.post("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto")
            .header("x-api-key", key)
            .jsonBody(gson.toJson(body))
            .responseString()
        return result.get()
    }

    fun info(vid: String): String? {
        val (_, _, result) = Fuel.get("https://openapi.akool.com/api/open/v3/content/video/infobymodelid", listOf("videoModelId" to vid))
            .header("x-api-key", key)
            .responseString()
        val root = gson.fromJson(result.get(), JsonObject::class.java)
        if (root.get("code").asInt != 200) {
            throw IllegalStateException(root.get("msg").asString)
        }
        val data = root.getAsJsonObject("data")
        if (data.get("video_status").asInt == 5) {
            return null
        }
        return data.get("video").asString
    }

    fun imagine(prompt: String): String {
        val (_, _, result) = Fuel.post("/content/image/createbyimagine")
            .header("x-api-key", key)
            .jsonBody(gson.toJson(mapOf("prompt" to prompt)))
            .responseString()
        return result.get()
    }

    fun image(iid: String): String {
        val (_, _, result) = Fuel.get("https://openapi.akool.com/api/open/v3/content/image/infobymodelid", listOf("image_model_id" to iid))
            .header("x-api-key", key)
            .responseString()
        val root = gson.fromJson(result.get(), JsonObject::class.java)
        return root.getAsJsonObject("data").get("image_url").asString
    }
}
