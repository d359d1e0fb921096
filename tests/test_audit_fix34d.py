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


PY_BODY = """import os
import requests
from pydantic import BaseModel, Field


class TalkBody(BaseModel):
    talking_photo_url: str
    audio_url: str
    resolution: str = "720"
    local_path: str = FIELD


def create(b: TalkBody):
    return requests.post("URL", headers={"x-api-key": os.environ["K"]}, json=b.model_dump())
"""


def _unknown(text: str, name: str) -> list[tuple[int, str]]:
    return [(f.line, f.found) for f in audit_text(text, name) if f.rule == "unknown-field"]


@pytest.mark.parametrize(
    "field",
    [
        'Field(default="", exclude=True)',
        "Field(exclude=True)",
        'Field("", description="the file on disk (never sent)", exclude=True)',
        "Field(default_factory=lambda: str(), exclude=True)",
    ],
)
def test_pydantic_excluded_field_is_never_sent(field: str) -> None:
    text = PY_BODY.replace("URL", CREATE).replace("FIELD", field)
    assert _unknown(text, "talk.py") == []


@pytest.mark.parametrize("field", ['Field(default="")', 'Field(default="", exclude=False)'])
def test_pydantic_field_not_excluded_is_still_an_unknown_field(field: str) -> None:
    text = PY_BODY.replace("URL", CREATE).replace("FIELD", field)
    assert _unknown(text, "talk.py") == [(10, "local_path")]


POLL = "https://openapi.akool.com/api/open/v3/content/KIND/infobymodelid"
PY_INFO = """import os
from typing import Optional
import requests
from pydantic import BaseModel


class Info(BaseModel):
MEMBERS

def get(mid) -> Info:
    r = requests.get("URL", params={"KIND_model_id": mid}, headers={"x-api-key": os.environ["K"]})
    return Info(**r.json()["data"])
"""
KT_INFO = """import kotlinx.serialization.Serializable
import kotlinx.serialization.json.Json
import okhttp3.*

@Serializable
data class Info(MEMBERS)
@Serializable
data class Answer(val code: Int, val data: Info)

fun get(key: String, id: String): Info {
    val req = Request.Builder().url("URL?KIND_model_id=$id").header("x-api-key", key).build()
    val body = OkHttpClient().newCall(req).execute().use { it.body!!.string() }
    return Json { ignoreUnknownKeys = true }.decodeFromString<Answer>(body).data
}
"""
JAVA_INFO = """import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.*;

public class Get {
    record Info(MEMBERS) {}
    record Answer(int code, String msg, Info data) {}

    static Info get(String key, String id) throws Exception {
        var req = HttpRequest.newBuilder(URI.create("URL?KIND_model_id=" + id)).header("x-api-key", key).build();
        var body = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString()).body();
        return new ObjectMapper().readValue(body, Answer.class).data();
    }
}
"""
SHAPES = {
    "py": (PY_INFO, "    {n}: Optional[{t}] = None", "\n"),
    "kt": (KT_INFO, "val {n}: {t}? = null", ", "),
    "java": (JAVA_INFO, "{t} {n}", ", "),
}
TYPES = {"py": ("int", "str"), "kt": ("Int", "String"), "java": ("Integer", "String")}


def _model(lang: str, kind: str, names: list[str]) -> str:
    shape, member, sep = SHAPES[lang]
    numeric, text = TYPES[lang]
    members = sep.join(
        member.format(n=n, t=numeric if n.endswith("status") else text) for n in names
    )
    url = POLL.replace("KIND", kind)
    return shape.replace("MEMBERS", members).replace("URL", url).replace("KIND", kind)


@pytest.mark.parametrize("lang", ["py", "kt", "java"])
@pytest.mark.parametrize("kind", ["video", "image"])
@pytest.mark.parametrize(
    "names",
    [
        ["video_status", "image_status", "video", "image"],
        ["_id", "video_status", "image_status", "video", "url"],
    ],
)
def test_a_model_shared_by_image_and_video_answers_is_no_read(
    lang: str, kind: str, names: list[str]
) -> None:
    assert _reads(_model(lang, kind, names), f"get.{lang}") == []


@pytest.mark.parametrize("lang", ["py", "kt", "java"])
def test_a_model_of_one_answer_still_has_its_wrong_member_read(lang: str) -> None:
    found = _reads(_model(lang, "video", ["video_status", "video_url"]), f"get.{lang}")
    assert [rule for _, rule in found] == ["response-field"]
