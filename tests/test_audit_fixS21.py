"""`akool audit` on request bodies written away from their call (break-it report's M22, M23,
M17, L7): bodies built by a function of the script, step by step or by jq; typed objects whose
serialized names are the fields; values read from the environment or the command line with a
literal fallback; calls written in one-line function bodies. Wrong fields and values are found
there, and correct code gives nothing. The corpus scripts are in tests/audit_corpus/builders21/."""

from __future__ import annotations

import pytest

from akool_cli.audit.scan import audit_text

PY = 'import requests\nBASE = "https://openapi.akool.com/api/open/v3"\n'
JS = 'const axios = require("axios");\nconst BASE = "https://openapi.akool.com/api/open/v3";\n'
SH = '#!/bin/sh\nAPI="https://openapi.akool.com/api/open/v3"\n'
TALK = "/content/video/createbytalkingphoto"


def found(text: str, name: str) -> list[tuple[int, str, str]]:
    return sorted((f.line, f.rule, f.found) for f in audit_text(text, name) if f.severity != "info")


def rules(text: str, name: str) -> list[tuple[int, str]]:
    return [(line, rule) for line, rule, _ in found(text, name)]


# -- M22: body builders ------------------------------------------------------------------------------

BUILDERS = {
    "python function": (
        PY + "def build_body(url, audio):\n"
        '    return {"talking_photo_url": url, "audio_url": audio, "resolution": "RES"}\n'
        f'requests.post(BASE + "{TALK}", json=build_body(u, a))\n',
        "a.py",
        4,
    ),
    "python function bound first": (
        PY + "def build_body(url, audio):\n"
        '    body = {"talking_photo_url": url, "audio_url": audio}\n'
        '    body["resolution"] = "RES"\n'
        "    return body\n"
        "payload = build_body(u, a)\n"
        f'requests.post(BASE + "{TALK}", json=payload)\n',
        "a.py",
        5,
    ),
    "js arrow function": (
        JS + "const makePayload = (u, a) => ({ talking_photo_url: u, audio_url: a, resolution: "
        '"RES" });\n'
        f"axios.post(`${{BASE}}{TALK}`, makePayload(u, a));\n",
        "a.js",
        3,
    ),
    "js function in fetch options": (
        JS
        + 'function body(u, a) {\n  return { talking_photo_url: u, audio_url: a, resolution: "RES" };\n}\n'
        f'fetch(`${{BASE}}{TALK}`, {{ method: "POST", body: JSON.stringify(body(u, a)) }});\n',
        "a.js",
        4,
    ),
    "js Object.assign": (
        JS + "const body = { talking_photo_url: u, audio_url: a };\n"
        'Object.assign(body, { resolution: "RES" });\n'
        f"axios.post(`${{BASE}}{TALK}`, body);\n",
        "a.js",
        4,
    ),
    "jq piped into curl -d @-": (
        SH + 'jq -n --arg u "$U" --arg a "$A" \'{talking_photo_url: $u, audio_url: $a, '
        'resolution: "RES"}\' \\\n'
        f'  | curl -s -X POST "$API{TALK}" -H "x-api-key: $K" -d @-\n',
        "a.sh",
        3,
    ),
    "jq over lines piped into curl": (
        SH + 'jq -n --arg u "$U" \'{\n  talking_photo_url: $u,\n  audio_url: "a",\n'
        f'  resolution: "RES"\n}}\' | curl -s -X POST "$API{TALK}" -d @-\n',
        "a.sh",
        6,
    ),
    "jq substituted into -d": (
        SH + f'curl -s -X POST "$API{TALK}" -d "$(jq -n --arg u "$U" '
        '\'{talking_photo_url: $u, audio_url: "a", resolution: "RES"}\')"\n',
        "a.sh",
        3,
    ),
    "jq bound to a name": (
        SH + 'BODY=$(jq -n --arg u "$U" --arg a "$A" --arg h "$SOME_LONG_HOOK_VARIABLE" '
        "'{talking_photo_url: $u, audio_url: $a, resolution: \"RES\"}')\n"
        f'curl -s -X POST "$API{TALK}" -H "x-api-key: $K" -d "$BODY"\n',
        "a.sh",
        3,
    ),
    "a JSON literal bound to a name": (
        SH + 'BODY=\'{"talking_photo_url": "x", "audio_url": "y", "resolution": "RES"}\'\n'
        f'curl -s -X POST "$API{TALK}" --data-raw "${{BODY}}"\n',
        "a.sh",
        3,
    ),
}


@pytest.mark.parametrize("shape", sorted(BUILDERS))
def test_m22_a_built_body_is_judged_where_it_is_written(shape: str) -> None:
    text, name, line = BUILDERS[shape]
    assert rules(text.replace("RES", "720p"), name) == [(line, "bad-value")]
    assert found(text.replace("RES", "720"), name) == []


def test_m22_a_builder_sent_by_two_calls_is_reported_once_without_a_fix() -> None:
    text = (
        PY + "def body(u):\n"
        '    return {"talking_photo_url": u, "audio_url": "a", "resolution": "720p"}\n'
        f'requests.post(BASE + "{TALK}", json=body(u))\n'
        f'requests.post(BASE + "{TALK}", json=body(v))\n'
    )
    hits = [f for f in audit_text(text, "a.py") if f.severity != "info"]
    assert [(f.line, f.rule) for f in hits] == [(4, "bad-value")]
    assert all(f.fix is None for f in hits)


def test_m22_functions_that_build_no_body_add_no_field() -> None:
    text = (
        PY + "def headers():\n"
        '    return {"x-api-key": "k", "Content-Type": "application/json"}\n'
        "def url(path):\n"
        "    return BASE + path\n"
        f'requests.post(url("{TALK}"), headers=headers(), '
        'json={"talking_photo_url": u, "audio_url": a})\n'
    )
    assert found(text, "a.py") == []


def test_a_misnamed_key_whose_value_the_right_field_refuses_gets_no_rename() -> None:
    text = JS + "axios.post(`${BASE}/content/image/createbyprompt`, { prompt: p, size: 2 });\n"
    hits = [f for f in audit_text(text, "a.js") if f.severity != "info"]
    assert [(f.line, f.rule) for f in hits] == [(3, "misnamed-field")]
    assert hits[0].fix is None
    good = text.replace("size: 2", 'size: "1:1"')
    assert [f.fix is not None for f in audit_text(good, "a.js") if f.severity != "info"] == [True]
