import okhttp3.Request

const val AKOOL_ROOT = "https://api.akool.com"

fun login(): Request = Request.Builder().url("$AKOOL_ROOT/api/v1/public/login").build()

fun avatars(key: String): Request =
    Request.Builder().url("$AKOOL_ROOT/api/open/v3/avatar/list").header("x-api-key", key).build()
