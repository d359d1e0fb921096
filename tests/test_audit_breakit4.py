"""A fourth break-it run of `akool audit` on third-party-shaped code, each shape pinned: answer
reads tied to the call whose response they read, bases imported by module, shell wrappers,
Kotlin OkHttp builders, Postman url arrays, --diff on the wrong method, Markdown prose, big and
UTF-16 files, and ignore markers in strings."""

from __future__ import annotations

import json
from pathlib import Path

from akool_cli.audit.fixes import patch
from akool_cli.audit.scan import Finding, audit, audit_text

TALKING = "/content/video/createbytalkingphoto"


def places(findings: list[Finding]) -> list[tuple[int, str, str]]:
    # (these fixtures send partial bodies on purpose to judge other rules; missing-field, added
    # later, has its own tests in test_audit_fields6.py)
    return [(f.line, f.rule, f.found) for f in findings if f.rule != "missing-field"]


# -- answer reads belong to the call whose response they read ---------------------------------


def test_a_flask_webhook_event_is_not_an_akool_answer() -> None:
    text = (
        "import requests\n"
        "from flask import Flask, request\n"
        'BASE = "https://openapi.akool.com/api/open/v3"\n'
        "def start(p, a):\n"
        f'    r = requests.post(f"{{BASE}}{TALKING}", json={{"talking_photo_url": p, "audio_url": a}})\n'
        '    return r.json()["data"]["_id"]\n'
        '@app.post("/hook")\n'
        "def hook():\n"
        "    event = request.get_json()\n"
        '    return {"url": event["data"]["video_url"]}\n'
    )
    assert places(audit_text(text, "hook.py")) == []


def test_an_express_webhook_body_is_not_an_akool_answer() -> None:
    text = (
        'const BASE = "https://openapi.akool.com/api/open/v3";\n'
        "async function start(p, a) {\n"
        f"  const r = await fetch(`${{BASE}}{TALKING}`, {{ method: 'POST', body: JSON.stringify({{ talking_photo_url: p, audio_url: a }}) }});\n"
        "  const j = await r.json();\n"
        "  return j.data.task_id;\n"
        "}\n"
        "app.post('/hook', (req, res) => {\n"
        "  const t = req.body.data.task_id;\n"
        "  res.json({ t });\n"
        "});\n"
    )
    assert places(audit_text(text, "hook.js")) == [(5, "response-field", "task_id")]


def test_another_hosts_response_is_not_an_akool_answer() -> None:
    text = (
        "import requests\n"
        'BASE = "https://openapi.akool.com/api/open/v3"\n'
        "def start(p, a):\n"
        f'    r = requests.post(f"{{BASE}}{TALKING}", json={{"talking_photo_url": p, "audio_url": a}})\n'
        '    job = r.json()["data"]["_id"]\n'
        '    own = requests.post("https://jobs.example.com/jobs", json={"akool_id": job})\n'
        '    return own.json()["data"]["task_id"]\n'
    )
    assert places(audit_text(text, "relay.py")) == []


def test_each_read_is_charged_to_its_own_call() -> None:
    text = (
        "import requests\n"
        'BASE = "https://openapi.akool.com/api/open/v3"\n'
        "def run(p, a):\n"
        f'    created = requests.post(f"{{BASE}}{TALKING}", json={{"talking_photo_url": p, "audio_url": a}})\n'
        '    info = requests.get(f"{BASE}/content/video/infobymodelid", params={"video_model_id": "x"})\n'
        '    first = created.json()["data"]["task_id"]\n'
        '    return first, info.json()["data"]["video_status"]\n'
    )
    found = audit_text(text, "two.py")
    assert places(found) == [(6, "response-field", "task_id")]
    assert "createbytalkingphoto" in found[0].message


def test_a_read_through_a_function_that_returns_the_response() -> None:
    text = (
        "import requests\n"
        'BASE = "https://openapi.akool.com/api/open/v3"\n'
        "def create(p, a):\n"
        f'    return requests.post(f"{{BASE}}{TALKING}", json={{"talking_photo_url": p, "audio_url": a}}).json()\n'
        "def main():\n"
        '    res = create("p", "a")\n'
        '    print(res["data"]["task_id"])\n'
    )
    assert places(audit_text(text, "fn.py")) == [(7, "response-field", "task_id")]


def test_a_shell_variable_holding_the_answer() -> None:
    text = (
        "#!/bin/sh\n"
        'BASE="https://openapi.akool.com/api/open/v3"\n'
        f'RESP=$(curl -s -X POST "$BASE{TALKING}" -d "$BODY")\n'
        'OTHER=$(curl -s "https://example.com/jobs")\n'
        "echo \"$OTHER\" | jq -r '.data.task_id'\n"
        "echo \"$RESP\" | jq -r '.data.task_id'\n"
    )
    assert places(audit_text(text, "run.sh")) == [(6, "response-field", "task_id")]


# -- a base imported from another file is found by module, not by name ------------------------


def test_a_base_is_taken_from_the_module_imported(tmp_path: Path) -> None:
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "settings.py").write_text(
        'AKOOL_BASE = os.environ.get("AKOOL_BASE", "https://openapi.akool.com/api/open/v3")\n'
    )
    (tmp_path / "pkg" / "images.py").write_text(
        "from settings import AKOOL_BASE\n"
        'requests.post(AKOOL_BASE + "/content/image/createbyimagine", json={"prompt": p})\n'
    )
    (tmp_path / "other.py").write_text('AKOOL_BASE = "https://openapi.akool.com"\n')
    found = audit([tmp_path]).findings
    assert [(Path(f.file).name, f.line, f.rule) for f in found] == [
        ("images.py", 2, "retired-endpoint")
    ]


# -- shell wrappers: every way a function joins its path argument -----------------------------


def _wrapper(function: str, call: str, base: str = "https://openapi.akool.com") -> str:
    return f"#!/bin/sh\nAKOOL={base}\n{function}\n{call}\n"


def test_a_shell_wrapper_with_the_version_inside_it() -> None:
    text = _wrapper(
        'akool_post() {\n  curl -sS -X POST "$AKOOL/api/open/v4$1" -d "$2"\n}',
        'akool_post "/voice/tts" \'{"input_text":"hi","voice_id":"a","speed":1.0}\'',
    )
    assert places(audit_text(text, "w.sh")) == [(6, "unknown-field", "speed")]


def test_a_one_line_shell_wrapper_unbraced_and_an_unquoted_path() -> None:
    text = _wrapper(
        'post() { curl -s -X POST "$AKOOL$1" -d "$2"; }',
        'post /api/open/v3/content/video/createbytalkingphoto \'{"resolution":"720p"}\'',
    )
    assert places(audit_text(text, "w.sh")) == [(4, "bad-value", '"720p"')]


# -- Markdown: prose names paths, code blocks call them ----------------------------------------


def test_markdown_prose_is_a_mention_and_its_code_blocks_are_calls() -> None:
    text = (
        "# Migration notes\n"
        "We used to call `/api/open/v3/content/video/status` but it never existed.\n"
        "The `/api/open/v4/voice/videoTranslation` endpoint was replaced.\n"
        "\n"
        "```sh\n"
        "curl -X POST https://openapi.akool.com/api/open/v3/content/video/status\n"
        "```\n"
        "\n"
        "    curl https://openapi.akool.com/api/open/v4/voice/videoTranslation\n"
    )
    assert [(line, rule) for line, rule, _ in places(audit_text(text, "NOTES.md"))] == [
        (6, "unknown-endpoint"),
        (9, "retired-endpoint"),
    ]


# -- --diff: a path is moved only to a documented call of the same method ----------------------


def test_a_bodiless_get_is_not_patched_into_a_post_endpoint() -> None:
    text = (
        "#!/bin/sh\n"
        'BASE="https://openapi.akool.com/api/open/v3"\n'
        'curl -s "${BASE}/photo/talking" -H "x-api-key: $KEY"\n'
        "curl -s -X POST \"${BASE}/photo/talking\" -d '{}'\n"
    )
    found = audit_text(text, "old.sh")
    assert [(f.line, f.rule, f.fix is not None) for f in found] == [
        (3, "undocumented-path", False),
        (4, "undocumented-path", True),
    ]
    assert "not fixed: this call is a GET and the documented call a POST" in found[0].message


# -- Kotlin OkHttp: a Request.Builder chain with no semicolons ---------------------------------

KOTLIN_BASE = (
    'val base: String = System.getenv("AKOOL_BASE") ?: "https://openapi.akool.com/api/open/v3"\n'
)


def test_an_okhttp_builder_chain_sends_a_map_held_in_a_variable() -> None:
    text = KOTLIN_BASE + (
        "fun generate(client: OkHttpClient, prompt: String): String {\n"
        '    val body = mapOf("prompt" to prompt, "size" to "1:1")\n'
        "    val req = Request.Builder()\n"
        '        .url("$base/content/image/createbyprompt")\n'
        "        .post(JSONObject(body).toString().toRequestBody(JSON))\n"
        "        .build()\n"
        "    return client.newCall(req).execute().use { it.body!!.string() }\n"
        "}\n"
    )
    assert places(audit_text(text, "Gen.kt")) == [(3, "misnamed-field", "size")]


def test_an_okhttp_builder_chain_sends_an_inline_map() -> None:
    text = KOTLIN_BASE + (
        "fun generate(client: OkHttpClient, prompt: String) =\n"
        '    Request.Builder().url("$base/content/image/createbyprompt")'
        '.post(JSONObject(mapOf("prompt" to prompt, "size" to "1:1")).toString().toRequestBody(JSON)).build()\n'
    )
    assert places(audit_text(text, "Gen.kt")) == [(3, "misnamed-field", "size")]


# -- Postman: url.raw and url.path are one URL ---------------------------------------------------


def _postman(raw: str, path: list[str]) -> str:
    url = {"raw": "{{baseUrl}}" + raw, "host": ["{{baseUrl}}"], "path": path}
    request = {"method": "POST", "body": {"mode": "raw", "raw": "{}"}, "url": url}
    return json.dumps({"item": [{"name": "Lip sync", "request": request}]}, indent=2) + "\n"


def test_diff_patches_a_postman_url_raw_and_its_path_array_together(tmp_path: Path) -> None:
    wrong = "/api/open/v3/content/video/lipSync"
    collection = tmp_path / "akool.postman_collection.json"
    collection.write_text(_postman(wrong, wrong.strip("/").split("/")))
    result = audit([collection])
    diff = patch(result.findings).diff.decode()
    removed = [line for line in diff.splitlines() if line.startswith("-  ")]
    added = [line for line in diff.splitlines() if line.startswith("+  ")]
    assert [line.strip("-+ ") for line in removed] == [
        '"raw": "{{baseUrl}}/api/open/v3/content/video/lipSync",',
        '"lipSync"',
    ]
    assert [line.strip("-+ ") for line in added] == [
        '"raw": "{{baseUrl}}/api/open/v3/content/video/lipsync",',
        '"lipsync"',
    ]


def test_a_postman_path_array_that_disagrees_with_its_raw_url_is_found() -> None:
    right = "/api/open/v3/content/video/lipsync"
    text = _postman(right, [*right.strip("/").split("/")[:-1], "lipSync"])
    found = audit_text(text, "akool.postman_collection.json")
    assert [(f.rule, f.found) for f in found] == [
        ("unknown-endpoint", "api/open/v3/content/video/lipSync")
    ]
    assert found[0].fix is not None and found[0].fix.new == "lipsync"


# -- files: UTF-16, and ignore markers that are not comments -------------------------------------


def test_a_utf16_file_with_a_bom_is_read(tmp_path: Path) -> None:
    script = tmp_path / "win.py"
    script.write_bytes(
        'requests.post("https://openapi.akool.com/api/open/v3/photo/talking")\r\n'.encode("utf-16")
    )
    result = audit([script])
    assert (result.files_scanned, [f.rule for f in result.findings]) == (1, ["undocumented-path"])


def test_an_ignore_marker_in_a_string_silences_nothing() -> None:
    call = (
        'requests.post("https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"'
    )
    text = (
        f'{call}, json={{"resolution": "720p", "note": "akool-audit: ignore"}})\n'
        f'{call}, json={{"resolution": "720p"}})  # akool-audit: ignore[bad-value]\n'
    )
    assert [(line, rule) for line, rule, _ in places(audit_text(text, "t.py"))] == [
        (1, "bad-value"),
        (1, "unknown-field"),
    ]
