"""`akool audit` after fixP21's break-it items: an object built under its own name and held nested
by the body (M24) is never judged as the body's top level; near-miss suggestions only when really
near (L11); hosts and empty bodies (L8); Markdown's fenced blocks read as separate scripts. The
corpus scripts of these shapes are in tests/audit_corpus/nested21p/."""

from __future__ import annotations

import pytest

from akool_cli.audit.scan import audit_text

V3 = "https://openapi.akool.com/api/open/v3"


def found(text: str, name: str) -> list[tuple[int, str, str]]:
    return sorted((f.line, f.rule, f.found) for f in audit_text(text, name) if f.severity != "info")


# -- M24: an item built under its own name is the nested field's, not the body's -----------------

ITEM_PY = 'item = {"type": 2, "avatar_id": a, "voice_id": v, "input_text": t}\n'
NESTED = {
    "py inline json=": (
        "a.py",
        ITEM_PY
        + f'requests.post("{V3}/talkingavatar/create", json={{"width": 1, "elements": [item]}})\n',
    ),
    "py helper positional": (
        "a.py",
        f'BASE = "{V3}"\n'
        "def post(path, body):\n"
        "    return requests.post(BASE + path, json=body)\n"
        + ITEM_PY
        + 'post("/talkingavatar/create", {"width": 1, "elements": [item]})\n',
    ),
    "js axios": (
        "a.js",
        "const slide = { type: 2, avatar_id: a, input_text: t };\n"
        f'axios.post("{V3}/talkingavatar/create", {{ width: 1, elements: [slide] }});\n',
    ),
    "js fetch options body": (
        "a.js",
        "const slide = { type: 2, avatar_id: a, input_text: t };\n"
        f'fetch("{V3}/talkingavatar/create", {{ method: "POST",\n'
        "  body: JSON.stringify({ width: 1, elements: [slide] }) });\n",
    ),
    "js options object by name": (
        "a.js",
        "const slide = { type: 2, avatar_id: a, input_text: t };\n"
        'const opts = { method: "POST", body: JSON.stringify({ width: 1, elements: [slide] }) };\n'
        f'fetch("{V3}/talkingavatar/create", opts);\n',
    ),
    "php json_encode": (
        "a.php",
        "<?php\n$item = ['type' => 2, 'avatar_id' => $a, 'input_text' => $t];\n"
        f'$ch = curl_init("{V3}/talkingavatar/create");\n'
        "curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode(['width' => 1, 'elements' => [$item]]));\n",
    ),
    "php guzzle array()": (
        "a.php",
        "<?php\n$item = array('type' => 2, 'avatar_id' => $a);\n"
        f"$client->post(\"{V3}/talkingavatar/create\", ['json' => array('width' => 1, "
        "'elements' => array($item))]);\n",
    ),
    "csharp new[]": (
        "A.cs",
        "var item = new { type = 2, avatar_id = a, input_text = t };\n"
        f'await http.PostAsJsonAsync("{V3}/talkingavatar/create", '
        "new { width = 1, elements = new[] { item } });\n",
    ),
    "kotlin listOf": (
        "A.kt",
        'val item = mapOf("type" to 2, "avatar_id" to a, "input_text" to t)\n'
        f'khttp.post("{V3}/talkingavatar/create", json = mapOf("width" to 1, '
        '"elements" to listOf(item)))\n',
    ),
}


@pytest.mark.parametrize("shape", sorted(NESTED))
def test_m24_an_item_held_by_the_body_is_not_its_top_level(shape: str) -> None:
    name, text = NESTED[shape]
    assert found(text, name) == []


def test_m24_the_key_that_holds_the_item_is_still_judged() -> None:
    text = (
        ITEM_PY
        + f'requests.post("{V3}/talkingavatar/create", json={{"width": 1, "scenes": [item]}})\n'
    )
    assert found(text, "a.py") == [(2, "unknown-field", "scenes")]


def test_m24_an_options_body_by_name_is_still_the_body() -> None:
    text = (
        "const payload = { width: 1, elemnts: [] };\n"
        f'fetch("{V3}/talkingavatar/create", {{ method: "POST", body: JSON.stringify(payload) }});\n'
        "const body = { width: 1, elemnts: [] };\n"
        f'fetch("{V3}/talkingavatar/create", {{ method: "POST", body }});\n'
    )
    assert [(line, what) for line, _, what in found(text, "a.js")] == [
        (1, "elemnts"),
        (3, "elemnts"),
    ]
