"""fix34d's tests: a typed declaration that is no model of AKOOL's answer is not read as one (a
kotlinx/Gson/Jackson request body encoded with its type, `Json.encodeToString(T.serializer(),
b)`), while a type the answer is decoded into still is."""

from __future__ import annotations

import pytest

from akool_cli.audit.scan import audit_text

CREATE = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"
READS = ("response-field", "answer-field")

KT_HEAD = """import kotlinx.serialization.Serializable
import kotlinx.serialization.json.Json
import okhttp3.*

@Serializable
data class TalkBody(val talking_photo_url: String, val audio_url: String, val resolution: String = "720")

fun create(key: String, b: TalkBody): String {
    val req = Request.Builder().url("URL")
"""
KT_TAIL = """.header("x-api-key", key).build()
    return OkHttpClient().newCall(req).execute().use { it.body!!.string() }
}
"""


def _reads(text: str, name: str) -> list[tuple[int, str]]:
    return [(f.line, f.rule) for f in audit_text(text, name) if f.rule in READS]


@pytest.mark.parametrize(
    "body",
    [
        "Json.encodeToString(TalkBody.serializer(), b)",
        "Json.encodeToString<TalkBody>(b)",
        "Json.encodeToJsonElement<TalkBody>(b).toString()",
        "Json { ignoreUnknownKeys = true }.encodeToString(TalkBody.serializer(), b)",
        "gson.toJson(b, TalkBody::class.java)",
        "mapper.writerFor(TalkBody::class.java).writeValueAsString(b)",
    ],
)
def test_kotlin_request_body_encoded_with_its_type_is_no_answer(body: str) -> None:
    text = (
        KT_HEAD.replace("URL", CREATE)
        + f'        .post({body}.toRequestBody("application/json".toMediaType()))'
        + KT_TAIL
    )
    assert _reads(text, "talk.kt") == []


def test_kotlin_answer_decoded_into_the_type_is_still_read() -> None:
    text = (
        KT_HEAD.replace("URL", CREATE)
        + '        .post("{}".toRequestBody())'
        + KT_TAIL.replace(
            "it.body!!.string() }",
            "Json.decodeFromString(TalkBody.serializer(), it.body!!.string()) }",
        )
    )
    assert _reads(text, "talk.kt") != []
