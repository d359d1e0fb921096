"""Session 35, enums35: closed sets of values AKOOL's pages state in prose or in a separate list
(the catalogue's generator reads them), each judged in every language a call is written in, with
correct twins that stay silent; and a shell Authorization line inside `$(curl ...)`."""

from __future__ import annotations

import json

import pytest

from akool_cli.audit.scan import Finding, audit_text
from tests.conftest import ROOT
from tests.test_audit_recall34b import _generator

V3 = "https://openapi.akool.com/api/open/v3"
V4 = "https://openapi.akool.com/api/open/v4"


# -- the generator: the prose forms of a closed set ------------------------------------------------


def test_a_bracket_of_available_values_is_the_choices() -> None:
    gen = _generator()
    rate = (
        "Audio sampling rate. Available range [8000, 16000, 22050, 24000, 32000, 44100], defaults"
    )
    assert gen._bracket_choices("integer", rate) == [
        "8000",
        "16000",
        "22050",
        "24000",
        "32000",
        "44100",
    ]
    assert gen._bracket_choices("integer", "Available options: [1,2], where 1 is mono") == [
        "1",
        "2",
    ]
    assert gen._bracket_choices("string", "Audio format. Available options [mp3, wav], ") == [
        "mp3",
        "wav",
    ]
    # (two numbers after "range" are its ends; numbers for a text field; examples: no choices)
    assert gen._bracket_choices("number", "available range [0.7, 1.2]") is None
    assert gen._bracket_choices("string", "Available options [1, 2]") is None
    assert gen._bracket_choices("string", "e.g. Available options [a, b]") is None


def test_always_a_quoted_value_is_the_one_choice() -> None:
    gen = _generator()
    assert gen._always("For head swap, always **`head`") == ["head"]
    assert gen._always('always "720p".') == ["720p"]
    assert gen._always("When type is 2, always `x`") is None
    assert gen._always("always a public URL") is None


def test_supports_a_and_b_of_the_field_named_is_the_choices() -> None:
    gen = _generator()
    assert gen._supports("file_format", "File format, supports mp3 and wav formats.") == [
        "mp3",
        "wav",
    ]
    assert gen._supports("mode", "Mode, supports fast, slow or auto") == ["fast", "slow", "auto"]
    # (examples, what a URL points at, a head that is not the field: no choices)
    assert (
        gen._supports("source_voice_file", "Audio file URL, supports mp3, mp4, wav, etc.") is None
    )
    assert (
        gen._supports("url", "Media URL for face detection (supports image, video, and GIF)")
        is None
    )
    assert gen._supports("file_format", "Audio file URL, supports mp3 and wav.") is None


def test_a_named_list_in_full_width_brackets_is_the_choices() -> None:
    gen = _generator()
    assert gen._named_choices("type", "Element type（avatar、image、audio）") == [
        "avatar",
        "image",
        "audio",
    ]
    assert gen._named_choices("kind", "Element type（avatar、image、audio）") is None


def test_a_table_of_values_below_is_the_choices_of_the_row_that_names_it() -> None:
    gen = _generator()
    lines = [
        "| **Parameter** | **Type** | **Required** | **Description** |",
        "|---|---|---|---|",
        "| model_name | String | true | Model id — see **Model names** below |",
        "",
        "### Model names",
        "",
        "| Value | Description |",
        "|-------|-------------|",
        "| akool-premium | Head swap generation model |",
    ]
    rows, _ = gen._table_at(lines, 0)
    fields = [gen._field_from_row(r) for r in rows]
    gen._see_below(rows, fields, lines)
    assert fields[0]["enum"] == ["akool-premium"]
    assert gen._values_under(lines, "Other names") is None


@pytest.mark.parametrize(
    ("method", "path", "field", "values"),
    [
        ("POST", "/api/open/v4/headswap/task/create", "model_name", ["akool-premium"]),
        ("POST", "/api/open/v4/headswap/analyze", "type", ["head"]),
        ("POST", "/api/open/v4/voice/change", "voice_options.file_format", ["mp3", "wav"]),
        (
            "POST",
            "/api/open/v3/talkingavatar/create",
            "elements.type",
            ["avatar", "image", "audio"],
        ),
        ("POST", "/api/open/v4/voice/tts", "extra_options.audio_setting.channel", ["1", "2"]),
        ("POST", "/api/open/v4/voice/tts", "extra_options.audio_setting.format", ["mp3", "wav"]),
        (
            "POST",
            "/api/open/v4/voice/tts",
            "extra_options.audio_setting.sample_rate",
            ["8000", "16000", "22050", "24000", "32000", "44100"],
        ),
        (
            "POST",
            "/api/open/v4/voice/tts",
            "extra_options.audio_setting.bitrate",
            ["32000", "64000", "128000", "256000"],
        ),
        # (two pages give other values of sentiment's type: the union, not one page's 1 or 2)
        ("POST", "/api/open/v3/content/analysis/sentiment", "type", ["1", "2", "3", "4"]),
    ],
)
def test_the_catalogue_holds_the_documented_values(
    method: str, path: str, field: str, values: list[str]
) -> None:
    data = json.loads((ROOT / "akool_cli" / "core" / "catalogue.json").read_text(encoding="utf-8"))
    entry = next(e for e in data["endpoints"] if e["method"] == method and e["path"] == path)
    fields = entry["body"]
    *parents, last = field.split(".")
    for parent in parents:
        fields = next(f for f in fields if f["name"] == parent)["fields"]
    assert next(f for f in fields if f["name"] == last)["enum"] == values


# -- the audit: each value outside the set is a bad value, in every language --------------------

HEADSWAP = {"video_url": "v", "mappings": [{"obj_id": 1, "img_url": "i"}], "resolution": "720p"}
ELEMENTS = [
    {"type": "avatar", "avatar_id": "a", "scale_x": 1, "scale_y": 1, "offset_x": 0, "offset_y": 0},
    {"type": "@", "input_text": "hi", "voice_id": "v"},
]
SETTING = {"sample_rate": 24000, "bitrate": 32000, "format": "mp3", "channel": 2}
# (url, the body with "@" where the value goes, the field, a wrong value, a right value)
CASES = {
    "model_name": (
        f"{V4}/headswap/task/create",
        {**HEADSWAP, "model_name": "@"},
        "model_name",
        "akool-basic",
        "akool-premium",
    ),
    "analyze": (f"{V4}/headswap/analyze", {"video_url": "v", "type": "@"}, "type", "face", "head"),
    "file_format": (
        f"{V4}/voice/change",
        {"voice_id": "x", "source_voice_file": "f", "voice_options": {"file_format": "@"}},
        "file_format",
        "ogg",
        "wav",
    ),
    "element": (
        f"{V3}/talkingavatar/create",
        {"width": 3840, "height": 2160, "avatar_from": 2, "elements": ELEMENTS},
        "type",
        "text",
        "audio",
    ),
    "sample_rate": (
        f"{V4}/voice/tts",
        {
            "input_text": "t",
            "voice_id": "v",
            "extra_options": {"audio_setting": {**SETTING, "sample_rate": "@"}},
        },
        "sample_rate",
        48000,
        44100,
    ),
    "channel": (
        f"{V4}/voice/tts",
        {
            "input_text": "t",
            "voice_id": "v",
            "extra_options": {"audio_setting": {**SETTING, "channel": "@"}},
        },
        "channel",
        6,
        1,
    ),
}


def _json(case: str, value: object) -> str:
    _, body, *_ = CASES[case]
    return json.dumps(body).replace('"@"', json.dumps(value))


def _escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def _render(lang: str, url: str, body: str) -> str:
    """One POST of `body` (JSON text, on line 2 or 3) to `url`, written as `lang` writes it."""
    if lang == "py":
        return f'import os, requests\nr = requests.post("{url}", headers={{"x-api-key": os.environ["K"]}},\n    json={body})\n'
    if lang == "js":
        return f'const r = await fetch("{url}", {{ method: "POST", headers: {{ "x-api-key": process.env.K }},\n  body: JSON.stringify({body}) }});\n'
    if lang == "sh":
        return f'curl -s -X POST "{url}" -H "x-api-key: $K" \\\n  -d \'{body}\'\n'
    if lang == "go":
        return f'package main\nfunc f(key string) {{\n\tbody := strings.NewReader(`{body}`)\n\treq, _ := http.NewRequest("POST", "{url}", body)\n\treq.Header.Set("x-api-key", key)\n}}\n'
    if lang == "rb":
        ruby = body.replace('": ', '" => ')
        return f'HTTParty.post("{url}", headers: {{ "x-api-key" => ENV["K"] }},\n  body: {ruby}.to_json)\n'
    if lang == "php":
        php = body.replace("{", "[").replace("}", "]").replace('": ', '" => ')
        return f'<?php\n$ch = curl_init("{url}");\ncurl_setopt($ch, CURLOPT_HTTPHEADER, ["x-api-key: " . getenv("K")]);\ncurl_setopt($ch, CURLOPT_POSTFIELDS, json_encode({php}));\n'
    if lang == "java":
        return f'class A {{\n  Request r(MediaType t) {{\n    RequestBody b = RequestBody.create(t, "{_escaped(body)}");\n    return new Request.Builder().url("{url}").post(b).addHeader("x-api-key", System.getenv("K")).build();\n  }}\n}}\n'
    raise AssertionError(lang)


LANGS = ["py", "js", "sh", "go", "rb", "php", "java"]
NAMES = {
    "py": "a.py",
    "js": "a.js",
    "sh": "a.sh",
    "go": "a.go",
    "rb": "a.rb",
    "php": "a.php",
    "java": "A.java",
}
# (a body written as JSON text in Go or Java is not judged for missing fields today: the rule
# judges only bodies it can hold whole, and these two shapes are not among them)
WHOLE_BODY_LANGS = ["py", "js", "sh", "rb", "php"]


def _found(lang: str, case: str, value: object) -> list[Finding]:
    text = _render(lang, CASES[case][0], _json(case, value))
    return [f for f in audit_text(text, NAMES[lang]) if f.severity in ("error", "warning")]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("case", sorted(CASES))
def test_a_value_outside_the_documented_set_is_a_bad_value(lang: str, case: str) -> None:
    field, wrong = CASES[case][2], CASES[case][3]
    found = _found(lang, case, wrong)
    assert [(f.rule, f.message.split(" ")[0]) for f in found] == [("bad-value", field)]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("case", sorted(CASES))
def test_a_documented_value_stays_silent(lang: str, case: str) -> None:
    assert _found(lang, case, CASES[case][4]) == []


def test_each_element_is_judged_by_itself() -> None:
    # (an audio element among right ones: only its own type is reported, on its own line)
    text = (
        "import requests\n"
        f'requests.post("{V3}/talkingavatar/create", headers={{"x-api-key": "k"}}, json={{\n'
        '    "width": 3840, "height": 2160, "avatar_from": 2, "elements": [\n'
        '        {"type": "image", "url": "https://x/bg.png"},\n'
        '        {"type": "video", "url": "https://x/v.mp4"},\n'
        '        {"type": "audio", "input_text": "hi", "voice_id": "v"}]})\n'
    )
    found = [(f.line, f.rule) for f in audit_text(text, "a.py") if f.severity == "error"]
    assert found == [(5, "bad-value")]


# -- a shell Authorization line inside `$(curl ...)` whose body names a media URL ----------------

SUBSHELL = (
    "#!/usr/bin/env bash\n"
    'API="https://openapi.akool.com/api/open/v3"\n'
    'resp=$(curl -s -X POST "$API/content/video/createbytalkingphoto" \\\n'
    '  -H "Authorization: {auth}" \\\n'
    '  -H "Content-Type: application/json" \\\n'
    '  -d \'{{"talking_photo_url": "https://x/p.jpg", "audio_url": "https://x/a.mp3", "resolution": "720"}}\')\n'
    'echo "$resp"\n'
)


@pytest.mark.parametrize("auth", ["$AKOOL_API_KEY", "Token $AKOOL_API_KEY"])
def test_a_bare_key_in_a_curl_whose_body_names_other_hosts_is_a_wrong_auth_header(
    auth: str,
) -> None:
    found = [(f.line, f.rule) for f in audit_text(SUBSHELL.format(auth=auth), "a.sh")]
    assert found == [(4, "wrong-auth-header")]


def test_a_bearer_token_in_that_curl_stays_silent() -> None:
    assert audit_text(SUBSHELL.format(auth="Bearer $AKOOL_TOKEN"), "a.sh") == []


def test_a_bare_key_sent_to_another_host_stays_silent() -> None:
    text = SUBSHELL.replace("$API/content/video/createbytalkingphoto", "https://gw.example.com/tp")
    assert audit_text(text.format(auth="$AKOOL_API_KEY"), "a.sh") == []


# -- a go-task file under another name is read as one -------------------------------------------

TASKS = (
    'version: "3"\n\nvars:\n  AKOOL: https://openapi.akool.com/api/open/v3\n\ntasks:\n'
    "  langs:\n    cmds:\n"
    '      - curl -s "{{.AKOOL}}/PATH" -H "x-api-key: $AKOOL_API_KEY"\n'
)


@pytest.mark.parametrize("name", ["Taskfile_wrong.yml", "tasks.yaml", "ci/taskfile.prod.yml"])
def test_a_guessed_path_in_a_go_task_file_of_any_name_is_reported(name: str) -> None:
    found = [(f.line, f.rule) for f in audit_text(TASKS.replace("PATH", "languages"), name)]
    assert found == [(9, "unknown-endpoint")]
    assert audit_text(TASKS.replace("PATH", "language/list"), name) == []


def test_a_compose_file_with_a_version_is_no_task_file() -> None:
    text = 'version: "3"\nservices:\n  web:\n    image: x\n    command: curl -s "{{.AKOOL}}/languages"\n'
    assert audit_text(text, "docker-compose.yml") == []


# -- a field a row requires when another has one value ("required when audio_type = 2") ----------

I2V = {
    "image_url": "i",
    "prompt": "p",
    "negative_prompt": "",
    "resolution": "720p",
    "video_length": 5,
}


def test_the_generator_reads_a_condition_of_a_requirement() -> None:
    gen = _generator()
    row = {"parameter": "audio_url", "type": "String", "required": "false"}
    field = gen._field_from_row({**row, "description": "Audio URL, required when audio_type = 2"})
    assert field["required_when"] == ["audio_type", "2"]
    for other in ("Required when type is equal to image or avatar", "required when needed"):
        assert "required_when" not in gen._field_from_row({**row, "description": other})
    required = gen._field_from_row(
        {**row, "required": "true", "description": "x, required when a = 2"}
    )
    assert "required_when" not in required  # (required anyway)


def _i2v(lang: str, body: dict[str, object]) -> list[tuple[str, str]]:
    text = _render(lang, f"{V4}/image2Video/createBySourcePrompt", json.dumps(body))
    found = audit_text(text, NAMES[lang])
    return [(f.rule, f.found) for f in found if f.severity in ("error", "warning")]


@pytest.mark.parametrize("lang", WHOLE_BODY_LANGS)
def test_a_field_required_by_another_fields_value_is_missing_without_it(lang: str) -> None:
    assert _i2v(lang, {**I2V, "audio_type": 2}) == [("missing-field", "audio_url")]


@pytest.mark.parametrize("lang", LANGS)
def test_the_field_sent_or_the_other_value_stays_silent(lang: str) -> None:
    assert _i2v(lang, {**I2V, "audio_type": 2, "audio_url": "https://x/a.mp3"}) == []
    assert _i2v(lang, {**I2V, "audio_type": 1}) == []
    assert _i2v(lang, {**I2V, "audio_type": 3}) == []


# -- a list sent for a field the docs type as an object (a map of words) -------------------------

TRANSLATE = {"url": "https://x/v.mp4", "language": "fr"}


@pytest.mark.parametrize("lang", LANGS)
def test_a_list_sent_for_an_object_is_a_bad_value(lang: str) -> None:
    body = {**TRANSLATE, "studio_voice": {"fixed_words": ["hi", "bad"]}}
    text = _render(lang, f"{V3}/content/video/createbytranslate", json.dumps(body))
    found = [(f.rule, f.found) for f in audit_text(text, NAMES[lang]) if f.severity == "error"]
    assert found == [("bad-value", "fixed_words")]


@pytest.mark.parametrize("lang", LANGS)
def test_an_object_or_an_empty_list_sent_for_an_object_stays_silent(lang: str) -> None:
    choices: list[object] = [{"hi": "hello"}, {}, []]
    for words in choices:
        body = {**TRANSLATE, "studio_voice": {"fixed_words": words}}
        text = _render(lang, f"{V3}/content/video/createbytranslate", json.dumps(body))
        assert [f for f in audit_text(text, NAMES[lang]) if f.severity == "error"] == []
