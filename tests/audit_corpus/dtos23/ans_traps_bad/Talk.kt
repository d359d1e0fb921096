import kotlinx.serialization.Serializable
import kotlinx.serialization.json.Json
@Serializable
data class Job(val name: String, val status: Int)
@Serializable
data class TalkData(val _id: String, val vstatus: Int, val video: String? = null)
@Serializable
data class TalkResp(val code: Int, val msg: String, val data: TalkData)
suspend fun poll(client: okhttp3.OkHttpClient, id: String): Int {
    val req = okhttp3.Request.Builder().url("https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=$id").build()
    val body = client.newCall(req).execute().body!!.string()
    val jobs = mutableListOf<Job>()
    val local = Json.decodeFromString<Job>(java.io.File("job.json").readText())
    val v = Json.decodeFromString<TalkResp>(body)
    return v.data.vstatus + jobs.size + local.status
}
