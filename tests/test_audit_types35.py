"""types35's tests: bad-value judges every documented type by the kind of value written (a number
for a string, a string or a list for an object, a joined string for an array, list items of the
other kind), and missing-field reads bodies sent whole in more shapes (Ktor's `setBody(mapOf(...))`,
Go's `json.Marshal(map...{...})`, Jackson's `writeValueAsString(Map.of(...))`)."""

from __future__ import annotations

import pytest

from akool_cli.audit.scan import audit_text

TALK = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"
V4 = "https://openapi.akool.com/api/open/v4"


def _found(text: str, name: str, rule: str) -> list[tuple[int, str]]:
    return [(f.line, f.message) for f in audit_text(text, name) if f.rule == rule]


# One body per language: FIELDS is the body's entries as that language writes `"k": v` pairs.
def _python(url: str, fields: str) -> tuple[str, str]:
    return (
        "import os, requests\nids = ['a', 'b']\n"
        f'requests.post("{url}", headers={{"x-api-key": os.environ["K"]}}, json={{{fields}}})\n',
        "a.py",
    )


def _js(url: str, fields: str) -> tuple[str, str]:
    body = fields.replace('": ', '": ')
    return (
        "const ids = ['a', 'b'];\n"
        f'await fetch("{url}", {{ method: "POST", headers: {{ "x-api-key": process.env.K }}, '
        f"body: JSON.stringify({{{body}}}) }});\n",
        "a.js",
    )


def _go(url: str, fields: str) -> tuple[str, str]:
    return (
        'package main\n\nimport (\n\t"bytes"\n\t"encoding/json"\n\t"net/http"\n\t"strings"\n)\n\n'
        "func run(ids []string) {\n"
        f"\tb, _ := json.Marshal(map[string]interface{{}}{{{fields}}})\n"
        f'\treq, _ := http.NewRequest("POST", "{url}", bytes.NewReader(b))\n'
        '\treq.Header.Set("x-api-key", "k")\n\thttp.DefaultClient.Do(req)\n}\n',
        "a.go",
    )


def _kotlin(url: str, fields: str) -> tuple[str, str]:
    pairs = fields.replace('": ', '" to ')
    return (
        "import io.ktor.client.HttpClient\nimport io.ktor.client.request.*\n\n"
        f'suspend fun run(http: HttpClient, ids: List<String>) = http.post("{url}") {{\n'
        '    header("x-api-key", System.getenv("K"))\n'
        f"    setBody(mapOf({pairs}))\n}}\n",
        "a.kt",
    )


def _php(url: str, fields: str) -> tuple[str, str]:
    pairs = fields.replace('": ', '" => ')
    return (
        "<?php\n$client = new GuzzleHttp\\Client();\n"
        f"$client->post('{url}', ['headers' => ['x-api-key' => getenv('K')], "
        f"'json' => [{pairs}]]);\n",
        "a.php",
    )


def _ruby(url: str, fields: str) -> tuple[str, str]:
    pairs = fields.replace('": ', '" => ')
    return (
        'require "httparty"\n'
        f'HTTParty.post("{url}", headers: {{ "x-api-key" => ENV["K"] }}, '
        f"body: {{ {pairs} }}.to_json)\n",
        "a.rb",
    )


def _shell(url: str, fields: str) -> tuple[str, str]:
    return (
        f'curl -s -X POST "{url}" -H "x-api-key: $K" -H "Content-Type: application/json" '
        f"-d '{{{fields}}}'\n",
        "a.sh",
    )


def _http(url: str, fields: str) -> tuple[str, str]:
    return (
        f"POST {url}\nx-api-key: {{{{key}}}}\nContent-Type: application/json\n\n{{{fields}}}\n",
        "a.http",
    )


LANGUAGES = [_python, _js, _go, _kotlin, _php, _ruby, _shell, _http]
TALK_OK = '"talking_photo_url": "https://x/p.jpg", "audio_url": "https://x/a.mp3"'


@pytest.mark.parametrize("write", LANGUAGES)
def test_a_number_for_a_documented_string_is_a_bad_value(write) -> None:  # type: ignore[no-untyped-def]
    text, name = write(TALK, TALK_OK + ', "prompt": 42')
    found = _found(text, name, "bad-value")
    assert len(found) == 1 and "prompt 42 is a number" in found[0][1], found
    assert "documents a string" in found[0][1]


@pytest.mark.parametrize("write", LANGUAGES)
def test_a_string_for_a_documented_string_is_fine(write) -> None:  # type: ignore[no-untyped-def]
    text, name = write(TALK, TALK_OK + ', "prompt": "42"')
    assert _found(text, name, "bad-value") == []


@pytest.mark.parametrize("write", [_python, _js, _php, _ruby, _shell, _http, _go])
def test_list_items_of_the_other_kind_are_a_bad_value(write) -> None:  # type: ignore[no-untyped-def]
    text, name = write(f"{V4}/knowledge/create", '"name": "FAQ", "docs": ["https://x/faq.pdf"]')
    if name == "a.go":
        text = text.replace('"docs": [', '"docs": []string{').replace('pdf"]', 'pdf"}')
    found = _found(text, name, "bad-value")
    assert len(found) == 1 and "the items of docs are strings" in found[0][1], found
    assert "an array of objects" in found[0][1]


@pytest.mark.parametrize("write", [_python, _js, _php, _ruby, _shell, _http])
def test_list_items_of_the_documented_kind_are_fine(write) -> None:  # type: ignore[no-untyped-def]
    fields = (
        '"docs": [{"name": "a.pdf", "url": "https://x/a.pdf", "size": 1}], "urls": ["https://x"]'
    )
    if write in (_php, _ruby):
        fields = fields.replace('[{"name": "a.pdf", "url": "https://x/a.pdf", "size": 1}]', "[]")
    text, name = write(f"{V4}/knowledge/create", fields)
    assert _found(text, name, "bad-value") == []


def test_object_items_where_strings_are_documented_are_a_bad_value() -> None:
    text, name = _python(f"{V4}/knowledge/create", '"urls": [{"url": "https://x/help"}]')
    found = _found(text, name, "bad-value")
    assert len(found) == 1 and "the items of urls are objects" in found[0][1]


@pytest.mark.parametrize(
    ("write", "joined"),
    [
        (_python, '",".join(ids)'),
        (_js, 'ids.join(",")'),
        (_go, 'strings.Join(ids, ",")'),
        (_kotlin, 'ids.joinToString(",")'),
        (_php, "implode(',', $ids)"),
        (_ruby, 'ids.join(",")'),
    ],
)
def test_a_list_joined_into_a_string_for_an_array_is_a_bad_value(write, joined: str) -> None:  # type: ignore[no-untyped-def]
    text, name = write(f"{V4}/voice/del", f'"_ids": {joined}')
    found = _found(text, name, "bad-value")
    assert len(found) == 1 and "_ids is a string (a list joined)" in found[0][1], found
    assert "documents an array (a list)" in found[0][1]


@pytest.mark.parametrize(
    "value", ["ids", 'ids.join(",").split(",")', "path.join(a, b)", "[...ids]", "list(ids)"]
)
def test_a_value_of_unknown_kind_for_an_array_is_not_judged(value: str) -> None:
    text, name = _js(f"{V4}/voice/del", f'"_ids": {value}')
    assert _found(text, name, "bad-value") == []


@pytest.mark.parametrize("write", [_python, _js, _php, _ruby])
def test_a_string_for_a_documented_object_is_a_bad_value(write) -> None:  # type: ignore[no-untyped-def]
    text, name = write(
        f"{V4}/voice/tts", '"input_text": "hi", "voice_id": "v", "voice_options": "fast"'
    )
    found = _found(text, name, "bad-value")
    assert len(found) == 1 and "voice_options is a string" in found[0][1], found
    assert "documents an object" in found[0][1]


@pytest.mark.parametrize("value", ["p", "n", "str(n)", "String(n)", "cfg.prompt"])
def test_a_name_or_a_call_for_a_string_is_not_judged(value: str) -> None:
    text, name = _python(TALK, TALK_OK + f', "prompt": {value}')
    text = text.replace("ids = ['a', 'b']", "p, n = input(), 3")
    assert _found(text, name, "bad-value") == []


def test_a_number_in_a_query_is_not_judged_for_a_string() -> None:
    text = (
        "import requests\n"
        'requests.get("https://openapi.akool.com/api/open/v3/content/video/infobymodelid", '
        'params={"video_model_id": 42}, headers={"x-api-key": "k"})\n'
    )
    assert _found(text, "a.py", "bad-value") == []


@pytest.mark.parametrize("write", LANGUAGES)
def test_a_body_sent_whole_without_a_required_field_is_found(write) -> None:  # type: ignore[no-untyped-def]
    text, name = write(TALK, '"talking_photo_url": "https://x/p.jpg", "resolution": "720"')
    found = _found(text, name, "missing-field")
    assert len(found) == 1 and "no audio_url" in found[0][1], found


def test_java_map_of_serialized_and_sent_is_read_whole() -> None:
    text = (
        "import java.net.URI;\nimport java.net.http.*;\nimport java.util.Map;\n\n"
        "class Talk {\n  void run(String photo) throws Exception {\n"
        '    String json = new ObjectMapper().writeValueAsString(Map.of("talking_photo_url", photo, '
        '"resolution", "720"));\n'
        f'    HttpRequest req = HttpRequest.newBuilder(URI.create("{TALK}"))\n'
        '        .header("x-api-key", System.getenv("K"))\n'
        "        .POST(HttpRequest.BodyPublishers.ofString(json)).build();\n"
        "    HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());\n  }\n}\n"
    )
    found = _found(text, "Talk.java", "missing-field")
    assert len(found) == 1 and "no audio_url" in found[0][1]
    full = text.replace('"resolution", "720"', '"audio_url", "https://x/a.mp3"')
    assert _found(full, "Talk.java", "missing-field") == []


def test_ktor_set_body_of_the_script_own_object_is_not_read_whole() -> None:
    text, name = _kotlin(TALK, '"talking_photo_url": "https://x/p.jpg"')
    text = text.replace("    setBody(", "    req.setBody(")
    assert _found(text, name, "missing-field") == []


@pytest.mark.parametrize("value", ["args(0)", "int(5)", "pick(2)"])
def test_a_number_given_to_a_call_is_not_judged_for_a_string(value: str) -> None:
    text, name = _python(TALK, f'"talking_photo_url": {value}, "audio_url": "https://x/a.mp3"')
    assert _found(text, name, "bad-value") == []


GO_STRUCT = """package main

import (
	"bytes"
	"encoding/json"
	"net/http"
)

type body struct {
	TalkingPhotoURL string `json:"talking_photo_url"`
	AudioURL        string `json:"audio_url"`
	FIELD
}

func run(b body) {
	raw, _ := json.Marshal(b)
	req, _ := http.NewRequest("POST", "THEURL", bytes.NewReader(raw))
	req.Header.Set("x-api-key", "k")
	http.DefaultClient.Do(req)
}
"""


@pytest.mark.parametrize(
    ("field", "said"),
    [
        ('Resolution int `json:"resolution"`', "resolution is declared int (a number)"),
        ('Prompt *float64 `json:"prompt,omitempty"`', "prompt is declared *float64 (a number)"),
        ('Prompt []string `json:"prompt"`', "prompt is declared []string (a list)"),
        ('Prompt map[string]string `json:"prompt"`', "prompt is declared map[string]string"),
        ('Prompt bool `json:"prompt"`', "prompt is declared bool (a boolean)"),
    ],
)
def test_a_go_field_declared_with_another_kind_is_a_bad_value(field: str, said: str) -> None:
    text = GO_STRUCT.replace("FIELD", field).replace("THEURL", TALK)
    found = _found(text, "a.go", "bad-value")
    assert len(found) == 1 and said in found[0][1], found
    assert found[0][0] == 12 and "documents a string" in found[0][1]


@pytest.mark.parametrize(
    "field",
    [
        'Resolution string `json:"resolution"`',
        'Prompt *string `json:"prompt,omitempty"`',
        'Prompt int `json:"prompt,string"`',
        'Prompt any `json:"prompt"`',
        'Prompt interface{} `json:"prompt"`',
        'Prompt Words `json:"prompt"`',
    ],
)
def test_a_go_field_declared_as_documented_or_unknown_is_fine(field: str) -> None:
    text = GO_STRUCT.replace("FIELD", field).replace("THEURL", TALK)
    assert _found(text, "a.go", "bad-value") == []


def test_a_go_string_field_where_an_integer_is_documented_is_a_bad_value() -> None:
    text = (
        GO_STRUCT.replace("FIELD", 'Length string `json:"video_length"`')
        .replace("THEURL", f"{V4}/image2Video/createBySourcePrompt")
        .replace(
            'TalkingPhotoURL string `json:"talking_photo_url"`', 'Image string `json:"image_url"`'
        )
    )
    found = _found(text, "a.go", "bad-value")
    assert len(found) == 1 and "video_length is declared string (a string)" in found[0][1]
    assert "documents an integer" in found[0][1]


def test_a_name_bound_beside_a_list_is_not_judged_a_list() -> None:
    text = (
        "import requests\npage, out = 1, []\n"
        'requests.post("https://openapi.akool.com/api/open/v3/content/video/createbytranslate", '
        'json={"url": "https://x/v.mp4", "language": "es", "speaker_num": page}, '
        'headers={"x-api-key": "k"})\n'
        'requests.get("https://openapi.akool.com/api/open/v4/liveAvatar/session/list", '
        'params={"page": page, "size": 100}, headers={"x-api-key": "k"})\n'
    )
    assert _found(text, "a.py", "bad-value") == []


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("lipsync", '["1", "true"].includes(process.env.LIPSYNC ?? "0")'),
    ],
)
def test_a_literal_a_call_is_made_on_is_not_the_value_sent(field: str, value: str) -> None:
    url = "https://openapi.akool.com/api/open/v3/content/video/createbytranslate"
    text, name = _js(url, f'"url": "https://x/v.mp4", "language": "fr", "{field}": {value}')
    assert _found(text, name, "bad-value") == []


def test_list_items_a_call_is_made_on_are_not_judged() -> None:
    text, name = _js(
        f"{V4}/knowledge/create", '"docs": ["a.pdf"].map((u) => ({ name: u, url: u }))'
    )
    assert _found(text, name, "bad-value") == []


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("resolution", '("1080" if hd else "720")'),
        ("prompt", "(p or 'smile')"),
        ("webhookUrl", "(hook)"),
    ],
)
def test_a_parenthesized_expression_is_no_literal(field: str, value: str) -> None:
    text, name = _python(TALK, TALK_OK + f', "{field}": {value}')
    text = text.replace("ids = ['a', 'b']", "hd, p, hook = True, '', None")
    assert _found(text, name, "bad-value") == []


def test_a_list_for_a_comma_string_keeps_its_joined_finding_and_patch() -> None:
    url = "https://openapi.akool.com/api/open/v3/content/video/createbytranslate"
    text, name = _python(url, '"url": "https://x/v.mp4", "language": ["es", "fr"]')
    found = [f for f in audit_text(text, name) if f.rule == "bad-value"]
    assert len(found) == 1 and "join it" in found[0].message and found[0].fix is not None


def test_a_string_or_a_list_for_an_object_is_a_bad_value_but_php_empty_array_is_not() -> None:
    text, name = _js(f"{V4}/voice/tts", '"input_text": "hi", "voice_id": "v", "voice_options": [1]')
    assert "voice_options is a list" in _found(text, name, "bad-value")[0][1]
    text, name = _php(f"{V4}/voice/tts", '"input_text": "hi", "voice_id": "v", "voice_options": []')
    assert _found(text, name, "bad-value") == []


CS_DTO = """using System.Net.Http.Json;
public class TalkRequest {
    [JsonPropertyName("talking_photo_url")] public string TalkingPhotoUrl { get; set; }
    [JsonPropertyName("audio_url")] public string AudioUrl { get; set; }
    MEMBER
}
public class C {
    public async Task Run(HttpClient http, TalkRequest req) {
        await http.PostAsJsonAsync("URL", req);
    }
}
"""
PY_DTO = """import requests
from pydantic import BaseModel
class TalkReq(BaseModel):
    talking_photo_url: str
    audio_url: str
    MEMBER
def talk(r: TalkReq):
    return requests.post("URL", json=r.model_dump(), headers={"x-api-key": "k"})
"""
KT_DTO = """import kotlinx.serialization.Serializable
@Serializable
data class TalkReq(val talking_photo_url: String, val audio_url: String, MEMBER)
interface Api {
    @POST("URL")
    suspend fun talk(@Body body: TalkReq): String
}
"""
JAVA_DTO = """public class TalkReq {
    @JsonProperty("talking_photo_url") private String photo;
    @JsonProperty("audio_url") private String audio;
    MEMBER
}
interface Api {
    @POST("URL")
    Call<String> talk(@Body TalkReq body);
}
"""


@pytest.mark.parametrize(
    ("template", "name", "member", "said"),
    [
        (
            CS_DTO,
            "a.cs",
            '[JsonPropertyName("resolution")] public int Resolution { get; set; }',
            "int",
        ),
        (
            CS_DTO,
            "a.cs",
            '[JsonPropertyName("prompt")] public List<string> Prompt { get; set; }',
            "List<string>",
        ),
        (PY_DTO, "a.py", "prompt: int | None = None", "int | None"),
        (PY_DTO, "a.py", "prompt: Optional[float] = None", "Optional[float]"),
        (KT_DTO, "a.kt", "val prompt: Int? = null", "Int?"),
        (JAVA_DTO, "A.java", '@JsonProperty("prompt") private Integer prompt;', "Integer"),
    ],
)
def test_a_request_type_member_declared_with_another_kind_is_a_bad_value(
    template: str, name: str, member: str, said: str
) -> None:
    text = template.replace("MEMBER", member).replace("URL", TALK)
    found = _found(text, name, "bad-value")
    assert len(found) == 1 and f"is declared {said} (" in found[0][1], found
    assert "documents a string" in found[0][1]


@pytest.mark.parametrize(
    ("template", "name", "member"),
    [
        (CS_DTO, "a.cs", '[JsonPropertyName("resolution")] public string Resolution { get; set; }'),
        (CS_DTO, "a.cs", '[JsonPropertyName("resolution")] public Res Resolution { get; set; }'),
        (PY_DTO, "a.py", "prompt: str | None = None"),
        (PY_DTO, "a.py", "prompt: Decimal | None = None"),
        (KT_DTO, "a.kt", "val prompt: String? = null"),
        (
            JAVA_DTO,
            "A.java",
            '@JsonFormat(shape = JsonFormat.Shape.STRING)\n    @JsonProperty("prompt") private Integer prompt;',
        ),
    ],
)
def test_a_request_type_member_declared_as_documented_or_unknown_is_fine(
    template: str, name: str, member: str
) -> None:
    text = template.replace("MEMBER", member).replace("URL", TALK)
    assert _found(text, name, "bad-value") == []


def test_a_go_slice_of_a_named_type_is_not_read_for_json_keys() -> None:
    url = "https://openapi.akool.com/api/open/v3/faceswap/highquality/specifyimage"
    fields = '"sourceImage": []Img{{Path: "https://x/a.png", Opts: "1,2,3,4"}}'
    text, name = _go(url, fields)
    found = [f for f in audit_text(text, name) if f.rule in ("unknown-field", "misnamed-field")]
    assert found == []


def test_a_go_string_slice_for_a_comma_string_is_reported_without_a_patch() -> None:
    url = "https://openapi.akool.com/api/open/v3/faceswap/result/delbyids"
    text, name = _go(url, '"_ids": []string{"a", "b"}')
    found = [f for f in audit_text(text, name) if f.rule == "bad-value"]
    assert len(found) == 1 and "is a list" in found[0].message and found[0].fix is None
