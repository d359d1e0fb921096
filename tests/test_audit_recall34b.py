"""Session 34, recall34b: misses of the blind tester's third measurement (/work/notes/break34a/items):
values reached through indirection (a typed parameter's default, a table's entry that falls back,
a type or rate the docs give in prose), paths held in nested config, a Node https.request helper,
a Postman call of a retired endpoint, a Markdown runbook: each shape, with a correct twin that
stays silent."""

from __future__ import annotations

import importlib.util
from typing import Any

import pytest

from akool_cli.audit.scan import Finding, audit_text
from tests.conftest import ROOT

B = "https://openapi.akool.com/api/open/v3"


def errors(text: str, name: str) -> list[Finding]:
    return [f for f in audit_text(text, name) if f.severity in ("error", "warning")]


def bad_values(text: str, name: str) -> list[tuple[int, str]]:
    found = [f for f in audit_text(text, name) if f.rule == "bad-value"]
    return sorted((f.line, f.message.split(" ")[0]) for f in found)


# -- a parameter's default: the parameters and defaults before it are no part of its binding -----

TYPED_DEFAULT = {
    "img.ts": (
        f'const BASE = "{B}/content/image";\n'
        'export async function imagine(prompt: string, ratio = "{v}") {{\n'
        '  const r = await fetch(`${{BASE}}/createbyprompt`, {{ method: "POST",\n'
        "    body: JSON.stringify({{ prompt, scale: ratio }}) }});\n"
        "  return (await r.json()).data._id;\n}}\n"
    ),
    "img.py": (
        "import requests\n"
        'def imagine(prompt: str, opts: dict[str, int] = None, ratio="{v}"):\n'
        f'    r = requests.post("{B}/content/image/createbyprompt",\n'
        '        json={{"prompt": prompt, "scale": ratio}})\n'
        '    return r.json()["data"]["_id"]\n'
    ),
    "after.py": (
        "import requests\n"
        'def imagine(prompt, opts=None, ratio="{v}"):\n'
        f'    r = requests.post("{B}/content/image/createbyprompt",\n'
        '        json={{"prompt": prompt, "scale": ratio}})\n'
        '    return r.json()["data"]["_id"]\n'
    ),
}


@pytest.mark.parametrize("name", sorted(TYPED_DEFAULT))
def test_a_typed_parameters_default_is_the_value_sent(name: str) -> None:
    assert bad_values(TYPED_DEFAULT[name].format(v="21:9"), name) == [(2, "scale")]
    assert errors(TYPED_DEFAULT[name].format(v="16:9"), name) == []


# -- a table's entry read as a fallback, the entry itself a fallback -----------------------------

TABLE_FALLBACK = (
    "import os, requests\n"
    'DEFAULTS = {{"resolution": os.getenv("TP_RES") or "{v}", "n": len("x")}}\n'
    "def create(img, audio, resolution=None):\n"
    f'    r = requests.post("{B}/content/video/createbytalkingphoto",\n'
    '        json={{"talking_photo_url": img, "audio_url": audio,\n'
    '              "resolution": resolution or DEFAULTS["resolution"]}})\n'
    '    return r.json()["data"]["_id"]\n'
)


def test_a_tables_entry_that_falls_back_is_a_value_sent() -> None:
    assert bad_values(TABLE_FALLBACK.format(v="720p"), "tp.py") == [(2, "resolution")]
    assert errors(TABLE_FALLBACK.format(v="720"), "tp.py") == []


def test_a_tables_entry_that_is_a_table_is_no_value() -> None:
    text = (
        "import requests\n"
        'PRESETS = {"hd": {"resolution": "1080p"}, "sd": {"resolution": "720"}}\n'
        f'requests.post("{B}/content/video/createbytalkingphoto",\n'
        '    json={"talking_photo_url": "u", "audio_url": "a", "resolution": PRESETS["hd"]})\n'
    )
    assert bad_values(text, "p.py") == []


# -- a number sent where the docs give a percentage as text ---------------------------------------

RATE = (
    "import os, requests\n"
    f'r = requests.post("{B}/audio/create", headers={{{{"x-api-key": os.environ["K"]}}}},\n'
    '                  json={{"input_text": "hi", "voice_id": "v1", "rate": {rate}}})\n'
)


@pytest.mark.parametrize("rate", ["1.1", "50", "1.1 if fast else 0.9"])
def test_a_number_sent_for_a_percentage_is_a_bad_value(rate: str) -> None:
    found = [f for f in audit_text(RATE.format(rate=rate), "tts.py") if f.rule == "bad-value"]
    assert found and all("is a number" in f.message and f.fix is None for f in found)


@pytest.mark.parametrize("rate", ['"50%"', '"100%"', 'f"{speed}%"', "speed"])
def test_a_percentage_as_text_stays_silent(rate: str) -> None:
    assert errors(RATE.format(rate=rate), "tts.py") == []


# -- choices a description counts and quotes ("three modes: 'auto', 'on', and 'off'") -------------


def _generator() -> Any:
    spec = importlib.util.spec_from_file_location("gen", ROOT / "scripts" / "gen_catalogue.py")
    assert spec is not None and spec.loader is not None
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    return gen


def test_the_generator_reads_counted_quoted_choices() -> None:
    gen = _generator()
    text = (
        "This parameter controls text normalization with three modes: ‘auto’, ‘on’, and ‘off’. When"
    )
    assert gen._counted_choices(text) == ["auto", "on", "off"]
    assert gen._counted_choices('Two modes: "fast" or "slow"') == ["fast", "slow"]
    # (a count that is not the list's, a list with other words, examples: no choices)
    assert gen._counted_choices("three modes: ‘auto’ and ‘on’.") is None
    assert gen._counted_choices("two modes: ‘auto’, or any other word") is None
    assert gen._counted_choices("e.g. two values: 'a' or 'b'") is None


TTS = (
    "import os, requests\n"
    f'r = requests.post("{B.replace("v3", "v4")}/voice/tts", headers={{{{"x-api-key": os.environ["K"]}}}},\n'
    '    json={{"input_text": "hi", "voice_id": "v1", "extra_options": {{"apply_text_normalization": {v}}}}})\n'
)


def test_a_mode_outside_the_counted_choices_is_a_bad_value() -> None:
    assert bad_values(TTS.format(v="'maybe'"), "tts.py") == [(3, "apply_text_normalization")]
    for ok in ("'auto'", "'on'", "'off'", "mode"):
        assert errors(TTS.format(v=ok), "tts.py") == []


# -- a pretty-printed Postman variable is the base its {{name}} joins ---------------------------


def _collection(raw: str, variable: str) -> str:
    request = (
        '  "item": [\n   {\n    "name": "hook",\n    "request": {\n     "method": "POST",\n'
        f'     "url": {{\n      "raw": "{raw}"\n     }}\n    }}\n   }}\n  ]'
    )
    head = '{\n  "info": {"name": "x", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},\n'
    return head + (variable + ",\n" + request if variable else request) + "\n}\n"


PRETTY_VARIABLE = (
    '  "variable": [\n   {\n    "key": "base",\n    "type": "string",\n'
    '    "value": "https://openapi.akool.com/api/open"\n   }\n  ]'
)


@pytest.mark.parametrize("where", ["before", "after"])
def test_a_pretty_postman_variable_is_the_base_of_its_requests(where: str) -> None:
    text = _collection("{{base}}/v3/test/webhook", PRETTY_VARIABLE)
    if where == "after":
        text = text.replace(PRETTY_VARIABLE + ",\n", "").replace(
            "\n  ]\n}", "\n  ],\n" + PRETTY_VARIABLE + "\n}"
        )
    found = [f.rule for f in audit_text(text, "c.postman_collection.json")]
    assert found == ["retired-endpoint"]


def test_a_postman_value_of_another_object_is_no_variables() -> None:
    other = PRETTY_VARIABLE.replace('"type": "string",\n', '"type": "string"\n   },\n   {\n')
    text = _collection("{{base}}/v3/test/webhook", other)
    assert audit_text(text, "c.postman_collection.json") == []


# -- a key of a config's nested map of paths, read through every map around it -------------------

NESTED_PATHS = (
    "const cfg = {{\n"
    f'  base: process.env.AKOOL_BASE || "{B}",\n'
    '  paths: {{ lipsync: "/content/video/lipsync", status: "{status}" }},\n'
    "}};\n"
    "async function call(path, init) {{\n"
    '  const r = await fetch(cfg.base + path, {{ ...init, headers: {{ "x-api-key": process.env.K }} }});\n'
    "  return r.json();\n}}\n"
    'async function status(id) {{ return (await call({read}, {{ method: "GET" }})).data; }}\n'
)


@pytest.mark.parametrize("read", ["`${{cfg.paths.status}}?id=${{id}}`", "cfg.paths.status"])
def test_a_nested_configs_path_read_through_its_maps_is_a_call(read: str) -> None:
    wrong = NESTED_PATHS.format(status="/content/video/getstatus", read=read.format())
    assert [(f.line, f.rule) for f in errors(wrong, "cfg.js")] == [(3, "unknown-endpoint")]
    right = NESTED_PATHS.format(status="/content/video/infobymodelid", read=read.format())
    assert errors(right.replace("?id=", "?video_model_id="), "cfg.js") == []


# -- a Node https.request helper whose options join its parameter to AKOOL's prefix ---------------

HTTPS_HELPER = (
    'const https = require("https");\n'
    "function post(path, body) {{\n"
    "  return new Promise((resolve) => {{\n"
    "    const req = https.request({{\n"
    '      hostname: "openapi.akool.com",\n'
    "      path: {path},\n"
    '      method: "POST",\n'
    '      headers: {{ "x-api-key": process.env.K, "Content-Type": "application/json" }},\n'
    '    }}, (res) => {{ let s = ""; res.on("data", (c) => (s += c)); res.on("end", () => resolve(JSON.parse(s))); }});\n'
    "    req.write(JSON.stringify(body)); req.end();\n"
    "  }});\n}}\n"
    'async function image(prompt) {{ return (await post("/content/image/createbyprompt", {{ prompt, {field}: "1:1" }})).data._id; }}\n'
)


@pytest.mark.parametrize("path", ['"/api/open/v3" + path', "`/api/open/v3${{path}}`"])
def test_a_https_options_helper_is_a_wrapper_of_akools_base(path: str) -> None:
    wrong = HTTPS_HELPER.format(path=path.format(), field="size")
    assert [(f.line, f.rule) for f in errors(wrong, "img.js")] == [(13, "misnamed-field")]
    assert errors(HTTPS_HELPER.format(path=path.format(), field="scale"), "img.js") == []


def test_a_https_options_helper_of_another_host_is_none() -> None:
    other = HTTPS_HELPER.format(path='"/api/open/v3" + path', field="size")
    assert audit_text(other.replace("openapi.akool.com", "api.example.com"), "img.js") == []


# -- a Value cell of choices joined by "or"; a fenced curl whose -d goes on the next line ----------


def test_the_generator_reads_a_value_cell_of_choices_joined_by_or() -> None:
    gen = _generator()
    assert gen._enum_of("2 or 3") == ["2", "3"]
    assert gen._enum_of("720p, 1080p or 4k") == ["720p", "1080p", "4k"]
    assert gen._enum_of("a photo or a video") is None  # (words, not values)


RUNBOOK = (
    "# Runbook\n\n```bash\n"
    f"curl -X POST {B}/talkingavatar/create -H \"x-api-key: $KEY\" -H 'Content-Type: application/json' \\\n"
    '  -d \'{{"width": 3840, "height": 2160, "avatar_from": {n}, "elements": []}}\'\n'
    "```\n"
)


def test_a_fenced_curls_continued_body_is_judged_against_the_value_cell() -> None:
    assert bad_values(RUNBOOK.format(n=4), "RUNBOOK.md") == [(5, "avatar_from")]
    assert errors(RUNBOOK.format(n=3), "RUNBOOK.md") == []


# -- a sentence's inline code that is a GET of AKOOL's API is the request it asks for ------------

PROSE_GET = "# Notes\n\nCheck with `GET {B}/content/video/{path}`.\n"


def test_a_sentences_get_of_akools_api_is_judged() -> None:
    wrong = PROSE_GET.format(B=B, path="getinfo?id=<id>")
    assert [(f.line, f.rule) for f in errors(wrong, "RUNBOOK.md")] == [(3, "unknown-endpoint")]
    right = PROSE_GET.format(B=B, path="infobymodelid?video_model_id=<id>")
    assert errors(right, "RUNBOOK.md") == []


@pytest.mark.parametrize(
    "sentence",
    [
        f"Send `POST {B}/content/video/getinfo` with the photo.",  # (no body in view)
        f"We replaced `GET {B}/content/video/status` with `infobymodelid`.",  # (more code)
        f"Old: GET {B}/content/video/status, see the changelog.",  # (no code span)
        f"Compare `GET {B}/content/video/status` and {B}/x.",  # (two URLs)
    ],
)
def test_other_sentences_naming_a_call_stay_mentions(sentence: str) -> None:
    assert audit_text(f"# Notes\n\n{sentence}\n", "NOTES.md") == []


# -- the reads of a decrypted AKOOL webhook, tied to AKOOL by its route or its dataEncrypt --------

FLASK_HOOK = (
    "from flask import Flask, request\n"
    "from .crypto import verify_and_decrypt\n"
    "app = Flask(__name__)\n\n"
    '@app.post("{route}")\n'
    "def hook():\n"
    "    event = verify_and_decrypt(request.get_json())\n"
    '    if event["status"] == {status}:\n'
    '        print(event["_id"], event[{field}])\n'
    '    return "", 200\n'
)


def test_a_decrypted_akool_webhooks_reads_are_judged() -> None:
    wrong = FLASK_HOOK.format(route="/akool/webhook", status='"success"', field='"result_url"')
    found = [(f.line, f.rule) for f in errors(wrong, "hook.py")]
    assert found == [(8, "status-value"), (9, "response-field")]
    right = FLASK_HOOK.format(route="/akool/webhook", status="3", field='"url"')
    assert errors(right, "hook.py") == []


def test_a_decrypted_webhook_of_another_service_is_not_judged() -> None:
    other = FLASK_HOOK.format(route="/stripe/webhook", status='"success"', field='"result_url"')
    assert audit_text(other, "hook.py") == []


EXPRESS_HOOK = (
    'const { aesDecrypt } = require("./crypto");\n'
    'app.post("/hooks", express.json(), (req, res) => {\n'
    "  const plain = aesDecrypt(req.body.dataEncrypt, id, key);\n"
    "  console.log(plain.length);\n"
    "  const evt = JSON.parse(aesDecrypt(req.body.dataEncrypt, id, key));\n"
    "  if (evt.status === 3) save(evt._id, evt.FIELD);\n"
    "  res.sendStatus(200);\n});\n"
)


def test_a_parsed_payload_of_data_encrypt_has_its_members_judged() -> None:
    found = [(f.line, f.rule) for f in errors(EXPRESS_HOOK.replace("FIELD", "video_url"), "h.js")]
    assert found == [(6, "response-field")]  # (plain.length: the text's own member)
    assert errors(EXPRESS_HOOK.replace("FIELD", "url"), "h.js") == []
