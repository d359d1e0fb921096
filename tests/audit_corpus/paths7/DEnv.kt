import okhttp3.OkHttpClient
import okhttp3.Request

object AvatarApi {
    private val base = "https://openapi.akool.com/api/open/v3"
    private val listPath = System.getenv("AKOOL_AVATAR_LIST") ?: "/avatar/list"
    private val detailPath = System.getenv("AKOOL_AVATAR_DETAIL") ?: "/avatar/details"

    fun list(client: OkHttpClient) =
        client.newCall(Request.Builder().url("$base$listPath").get().build()).execute()

    fun detail(client: OkHttpClient, id: String) =
        client.newCall(Request.Builder().url("$base$detailPath?id=$id").get().build()).execute()
}
