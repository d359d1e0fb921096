package demo

// Documented calls only: no findings expected.
private const val AKOOL = "https://openapi.akool.com"

fun knowledge(client: Http, key: String) =
    client.post("$AKOOL/api/open/v4/knowledge/create", mapOf("name" to "faq", "prompt" to "Answer briefly."), key)

fun models(client: Http, key: String) =
    client.get("$AKOOL/api/open/v4/aigModel/list", key)
