"""Session 34, recall34b: misses of the blind tester's third measurement (/work/notes/break34a/items):
values reached through indirection (a typed parameter's default, a table's entry that falls back,
a type or rate the docs give in prose), paths held in nested config, a Node https.request helper,
a Postman call of a retired endpoint, a Markdown runbook: each shape, with a correct twin that
stays silent."""

from __future__ import annotations

import pytest

from akool_cli.audit.scan import Finding, audit_text

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
