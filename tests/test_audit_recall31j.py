"""`akool audit` on session nineteen's recall31j shapes: the JVM's HTTP clients (the JDK's, OkHttp,
Apache HttpClient and its fluent API, Spring's, Unirest, Vert.x, Micronaut, Fuel, Ktor) and JSON
libraries (Jackson, Gson, org.json, kotlinx.serialization) as their own docs write them."""

from __future__ import annotations

from typing import Any

import pytest

from akool_cli.audit import jvmbodies
from akool_cli.audit.scan import audit_text

TALK = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"
VIDEO_INFO = "https://openapi.akool.com/api/open/v3/content/video/infobymodelid"


def judged(text: str, name: str) -> list[tuple[int, str]]:
    return sorted((f.line, f.rule) for f in audit_text(text, name))


# -- a body built in a name by puts, then sent: missing-field ------------------------------------

APACHE_PUTS = """\
class A {
    String held(String photo) throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("talking_photo_url", photo);
        body.put("resolution", "1080");
        HttpPost post = new HttpPost("TALK");
        post.setEntity(new StringEntity(mapper.writeValueAsString(body), ContentType.APPLICATION_JSON));
        return client.execute(post, r -> EntityUtils.toString(r.getEntity()));
    }
}
""".replace("TALK", TALK)

OKHTTP_GSON = """\
class A {
    String held(String photo) throws Exception {
        JsonObject body = new JsonObject();
        body.addProperty("talking_photo_url", photo);
        Request request = new Request.Builder().url("TALK")
            .post(RequestBody.create(gson.toJson(body), JSON)).build();
        return client.newCall(request).execute().body().string();
    }
}
""".replace("TALK", TALK)

KOTLIN_ORG_JSON = """\
class A {
    fun held(photo: String): String {
        val payload = JSONObject()
        payload.put("talking_photo_url", photo)
        val request = Request.Builder().url("TALK")
            .post(payload.toString().toRequestBody(json))
            .build()
        return client.newCall(request).execute().body!!.string()
    }
}
""".replace("TALK", TALK)

VERTX_CHAIN = """\
class A {
    Future<JsonObject> held(String photo) {
        JsonObject body = new JsonObject()
            .put("talking_photo_url", photo)
            .put("resolution", "1080");
        return client.postAbs("TALK")
            .putHeader("x-api-key", key)
            .sendJsonObject(body)
            .map(r -> r.bodyAsJsonObject());
    }
}
""".replace("TALK", TALK)

MAP_OF_HELD = """\
class A {
    JsonNode held(String photo) {
        Map<String, Object> body = Map.of("talking_photo_url", photo, "resolution", "1080");
        return restTemplate.postForObject("TALK", new HttpEntity<>(body, headers()), JsonNode.class);
    }
}
""".replace("TALK", TALK)


def test_a_jvm_body_built_by_puts_and_sent_whole_lacks_a_required_field() -> None:
    # createbytalkingphoto requires audio_url (docs.akool.com/ai-tools-suite/talking-photo)
    assert judged(APACHE_PUTS, "A.java") == [(3, "missing-field")]
    assert judged(OKHTTP_GSON, "A.java") == [(3, "missing-field")]
    assert judged(KOTLIN_ORG_JSON, "A.kt") == [(3, "missing-field")]
    assert judged(VERTX_CHAIN, "A.java") == [(3, "missing-field")]
    assert judged(MAP_OF_HELD, "A.java") == [(3, "missing-field")]


def test_a_jvm_body_that_may_hold_more_is_not_judged_whole() -> None:
    # putAll, a key held in a name, the script's own serializer, the name given to a function
    more = APACHE_PUTS.replace(
        'body.put("resolution", "1080");',
        'body.put("resolution", "1080");\n        body.putAll(extra);',
    )
    named = APACHE_PUTS.replace('body.put("resolution"', "body.put(AUDIO")
    own = OKHTTP_GSON.replace("gson.toJson(body)", "withDefaults(body)") + (
        "String withDefaults(JsonObject b) { return b.toString(); }\n"
    )
    passed = APACHE_PUTS.replace(
        'body.put("resolution", "1080");',
        'body.put("resolution", "1080");\n        addAudio(body);',
    )
    for text in (more, named, own, passed):
        assert "missing-field" not in {rule for _, rule in judged(text, "A.java")}, text
    complete = APACHE_PUTS.replace(
        'body.put("resolution", "1080");', 'body.put("audio_url", audio);'
    )
    assert judged(complete, "A.java") == []


# -- a GET's query given by the library's query steps: misnamed-field ----------------------------

URI_BUILDER = """\
class A {
    String info(String vid) throws Exception {
        URIBuilder builder = new URIBuilder("VIDEO_INFO");
        builder.addParameter("videoModelId", vid);
        HttpGet get = new HttpGet(builder.build());
        return client.execute(get, r -> EntityUtils.toString(r.getEntity()));
    }
}
""".replace("VIDEO_INFO", VIDEO_INFO)

UNIREST = """\
class A {
    static JSONObject info(String vid) {
        return Unirest.get("VIDEO_INFO")
            .header("x-api-key", KEY)
            .queryString("videoModelId", vid)
            .asJson().getBody().getObject();
    }
}
""".replace("VIDEO_INFO", VIDEO_INFO)

VERTX_QUERY = """\
class A {
    Future<JsonObject> info(String vid) {
        return client.getAbs("VIDEO_INFO")
            .putHeader("x-api-key", key)
            .addQueryParam("videoModelId", vid)
            .send()
            .map(r -> r.bodyAsJsonObject());
    }
}
""".replace("VIDEO_INFO", VIDEO_INFO)

FUEL = """\
object A {
    fun info(vid: String): String {
        val (_, _, result) = Fuel.get("VIDEO_INFO", listOf("videoModelId" to vid))
            .header("x-api-key", key)
            .responseString()
        return result.get()
    }
}
""".replace("VIDEO_INFO", VIDEO_INFO)


def test_a_jvm_query_step_names_the_query_field() -> None:
    # infobymodelid's query field is video_model_id
    assert judged(URI_BUILDER, "A.java") == [(4, "misnamed-field")]
    assert judged(UNIREST, "A.java") == [(5, "misnamed-field")]
    assert judged(VERTX_QUERY, "A.java") == [(5, "misnamed-field")]
    assert judged(FUEL, "A.kt") == [(3, "misnamed-field")]
    for text, name in ((URI_BUILDER, "A.java"), (UNIREST, "A.java"), (FUEL, "A.kt")):
        right = text.replace("videoModelId", "video_model_id")
        assert judged(right, name) == [], right


# -- the envelope's code of a JVM library's parsed answer: status-value --------------------------

GSON_CODE = """\
class A {
    String info(String vid) throws Exception {
        Request request = new Request.Builder().url("VIDEO_INFO?video_model_id=" + vid).build();
        try (Response response = client.newCall(request).execute()) {
            JsonObject root = JsonParser.parseString(response.body().string()).getAsJsonObject();
            if (root.get("code").getAsInt() != 200) {
                throw new IllegalStateException(root.get("msg").getAsString());
            }
            return root.getAsJsonObject("data").get("video").getAsString();
        }
    }
}
""".replace("VIDEO_INFO", VIDEO_INFO)

UNIREST_CODE = """\
class A {
    static String info(String vid) {
        HttpResponse<JsonNode> r = Unirest.get("VIDEO_INFO").queryString("video_model_id", vid).asJson();
        JSONObject root = r.getBody().getObject();
        if (root.getInt("code") != 200) {
            throw new IllegalStateException(root.getString("msg"));
        }
        return root.getJSONObject("data").getString("video");
    }
}
""".replace("VIDEO_INFO", VIDEO_INFO)

WEBCLIENT_CODE = """\
class A {
    Mono<String> info(String vid) {
        return webClient.get()
            .uri("VIDEO_INFO?video_model_id={id}", vid)
            .retrieve()
            .bodyToMono(JsonNode.class)
            .map(root -> {
                if (root.get("code").asInt() != 200) {
                    throw new IllegalStateException(root.get("msg").asText());
                }
                return root.path("data").path("video").asText();
            });
    }
}
""".replace("VIDEO_INFO", VIDEO_INFO)


def test_a_jvm_parsed_answers_code_compared_with_200_is_judged() -> None:
    # AKOOL's envelope code 1000 is success (docs.akool.com/authentication/usage)
    assert judged(GSON_CODE, "A.java") == [(6, "status-value")]
    assert judged(UNIREST_CODE, "A.java") == [(5, "status-value")]
    assert judged(WEBCLIENT_CODE, "A.java") == [(8, "status-value")]
    for text in (GSON_CODE, UNIREST_CODE, WEBCLIENT_CODE):
        assert judged(text.replace("!= 200", "!= 1000"), "A.java") == []


def test_another_apis_answer_parsed_after_an_akool_call_is_not_judged() -> None:
    # the name is bound to another host's answer, requested after AKOOL's
    text = GSON_CODE.replace(
        "            JsonObject root = JsonParser.parseString(response.body().string())",
        '            Response other = client.newCall(new Request.Builder().url("https://api.example.com/x")'
        ".build()).execute();\n"
        "            JsonObject root = JsonParser.parseString(other.body().string())",
    )
    assert "status-value" not in {rule for _, rule in judged(text, "A.java")}
    unbound = GSON_CODE.replace(
        "JsonObject root = JsonParser.parseString(", "JsonObject root = wrap("
    )
    assert "status-value" not in {rule for _, rule in judged(unbound, "A.java")}


KTOR_CODE = """\
class A(private val key: String) {
    suspend fun info(vid: String): String? {
        val text = client.get("VIDEO_INFO") {
            parameter("video_model_id", vid)
        }.bodyAsText()
        val root = Json.parseToJsonElement(text).jsonObject
        if (root["code"]!!.jsonPrimitive.int != 200) {
            throw IllegalStateException(root["msg"].toString())
        }
        val data = root["data"]!!.jsonObject
        if (data["video_status"]!!.jsonPrimitive.int == 5) {
            return null
        }
        return data["video"]?.jsonPrimitive?.content
    }
}
""".replace("VIDEO_INFO", VIDEO_INFO)


def test_a_kotlin_trees_value_taken_by_properties_is_compared() -> None:
    # kotlinx.serialization's `.jsonPrimitive.int`, Gson's `.asInt` (Fuel's docs' Kotlin)
    assert judged(KTOR_CODE, "A.kt") == [(7, "status-value"), (11, "status-value")]
    gson = KTOR_CODE.replace(
        "Json.parseToJsonElement(text).jsonObject", "gson.fromJson(text, JsonObject::class.java)"
    )
    gson = gson.replace('root["code"]!!.jsonPrimitive.int', 'root.get("code").asInt')
    assert judged(gson, "A.kt")[0] == (7, "status-value")
    right = KTOR_CODE.replace("!= 200", "!= 1000").replace("== 5", "== 3")
    assert judged(right, "A.kt") == []


KOTLIN_DATA_NODE = """\
class A(private val key: String) {
    fun image(iid: String): String {
        val request = Request.Builder()
            .url("https://openapi.akool.com/api/open/v3/content/image/infobymodelid?image_model_id=$iid")
            .build()
        client.newCall(request).execute().use { response ->
            val data = JSONObject(response.body!!.string()).getJSONObject("data")
            return data.getString("image_url")
        }
    }
}
"""


def test_kotlins_org_json_data_node_parsed_in_one_expression_is_read_under_data() -> None:
    # the image answer has data.image, no image_url (docs.akool.com/ai-tools-suite/image-generate)
    assert judged(KOTLIN_DATA_NODE, "A.kt") == [(8, "response-field")]
    assert judged(KOTLIN_DATA_NODE.replace('"image_url"', '"image"'), "A.kt") == []


# -- typed request classes: a member the class lacks is never sent; a member's default is ---------

RETROFIT = """\
data class HeldBody(val talking_photo_url: String, val resolution: String)

data class TalkBody(
    @Json(name = "talking_photo_url") val talkingPhotoUrl: String,
    @Json(name = "audio_url") val audioUrl: String,
    val resolution: String = "720p",
)

interface AkoolApi {
    @POST("content/video/createbytalkingphoto")
    suspend fun held(@Header("x-api-key") key: String, @Body body: HeldBody): Answer

    @POST("content/video/createbytalkingphoto")
    suspend fun talk(@Header("x-api-key") key: String, @Body body: TalkBody): Answer
}

val api = Retrofit.Builder().baseUrl("https://openapi.akool.com/api/open/v3/").build().create(AkoolApi::class.java)
"""

RECORD = """\
class A {
    public record TalkRequest(String talking_photo_url, String resolution) {}

    public JsonNode held(String photo) {
        TalkRequest req = new TalkRequest(photo, "1080");
        return restClient.post().uri("TALK")
            .contentType(MediaType.APPLICATION_JSON)
            .body(req)
            .retrieve().body(JsonNode.class);
    }
}
""".replace("TALK", TALK)


def test_a_typed_request_class_without_a_required_member_is_missing_it() -> None:
    assert judged(RETROFIT, "A.kt") == [(1, "missing-field"), (6, "bad-value")]
    assert judged(RECORD, "A.java") == [(5, "missing-field")]  # (at the instance made)
    fixed = RETROFIT.replace(
        "val resolution: String)", "val resolution: String, val audio_url: String)"
    )
    assert judged(fixed.replace('"720p"', '"720"'), "A.kt") == []
    extended = RECORD.replace(
        "public record TalkRequest(String talking_photo_url, String resolution) {}",
        "public static class TalkRequest extends Base { String talking_photo_url; String resolution; }",
    )
    assert "missing-field" not in {rule for _, rule in judged(extended, "A.java")}


MICRONAUT_QUERY = """\
class A {
    String info(String vid) {
        URI uri = UriBuilder.of("VIDEO_INFO")
            .queryParam("video_model_id", vid)
            .build();
        Map root = httpClient.toBlocking().retrieve(HttpRequest.GET(uri).header("x-api-key", key), Map.class);
        return (String) root.get("msg");
    }
}
""".replace("VIDEO_INFO", VIDEO_INFO)


def test_a_uri_builders_chained_query_is_the_query_of_the_request_given_it() -> None:
    # (no missing-query-field warning for a query the builder's chain gives)
    assert judged(MICRONAUT_QUERY, "A.java") == []
    wrong = MICRONAUT_QUERY.replace('"video_model_id"', '"videoModelId"')
    assert judged(wrong, "A.java") == [(4, "misnamed-field")]


# -- repro21p java-orgjson-parse-then-data-node-held-read-missed: the async chain half ----------

ASYNC_CHAIN = """\
class A {
    static void show(String id) {
        HttpRequest req = HttpRequest.newBuilder(URI.create("IMAGE_INFO" + id)).GET().build();
        HttpClient.newHttpClient().sendAsync(req, HttpResponse.BodyHandlers.ofString())
            .thenApply(HttpResponse::body)
            .thenApply(b -> PARSE)
            .thenAccept(d -> {
                System.out.println(d.getString("image_url"));
            })
            .join();
    }
}
""".replace(
    "IMAGE_INFO",
    "https://openapi.akool.com/api/open/v3/content/image/infobymodelid?image_model_id=",
)


def test_a_data_node_given_down_an_async_chain_is_read_under_data() -> None:
    # the image answer has data.image, no image_url
    for parse in ('new JSONObject(b).getJSONObject("data")', 'mapper.readTree(b).path("data")'):
        assert judged(ASYNC_CHAIN.replace("PARSE", parse), "A.java") == [(8, "response-field")], (
            parse
        )
    whole = ASYNC_CHAIN.replace("PARSE", "new JSONObject(b)").replace(
        'd.getString("image_url")', 'd.getString("code")'
    )
    assert judged(whole, "A.java") == []  # (the parsed answer: code is its own)
    other = ASYNC_CHAIN.replace("sendAsync(req,", "sendAsync(otherReq,").replace(
        "PARSE", 'new JSONObject(b).getJSONObject("data")'
    )
    assert judged(other, "A.java") == []  # (another request's chain)


def test_the_files_own_methods_are_looked_for_once_per_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # (a regex over the whole text per request's callee made a 14,000-line file take 45 s)
    seen: list[int] = []
    real = jvmbodies._declares_at

    def counted(doc: Any, start: int, end: int) -> bool:
        seen.append(start)
        return real(doc, start, end)

    monkeypatch.setattr(jvmbodies, "_declares_at", counted)
    copies = 12
    text = (
        "class A {\n"
        + "".join(
            APACHE_PUTS.split("\n", 1)[1].rsplit("}", 1)[0].replace("held(", f"held{k}(")
            for k in range(copies)
        )
        + "}\n"
    )
    found = judged(text, "A.java")
    assert found.count((3, "missing-field")) == 1 and len(found) == copies
    occurrences = (
        text.count("writeValueAsString(") + text.count("StringEntity(") + text.count("setEntity(")
    )
    assert (
        len(seen) <= occurrences + copies
    )  # (each `name(` of a callee looked at once, not per request)
