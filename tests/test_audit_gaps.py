"""Gaps left open in `akool audit` (issue 21's follow-up), each pinned by a shape of its own:
calls to a deprecated endpoint, calls past the audit's old silent caps, Go struct tags, Rust
tuple queries and forms, and a call's HTTP method against the documented one."""

from __future__ import annotations

from akool_cli.audit.scan import Finding, audit_text

BG = "/content/image/bg/replace"


def places(findings: list[Finding]) -> list[tuple[int, str, str]]:
    return [(f.line, f.rule, f.found) for f in findings]


# -- a deprecated endpoint is one finding, not a list of its fields -------------------------------


def test_fields_sent_to_a_deprecated_endpoint_are_not_unknown_fields() -> None:
    """The docs do not document `prompt` for background change, and the page says the API is
    no longer available: the call gets the endpoint's finding, not field findings."""
    text = (
        "import requests\n"
        'BASE = "https://openapi.akool.com/api/open/v3"\n'
        f'r = requests.post(f"{{BASE}}{BG}", json={{"prompt": "a beach", "origin_img": u,\n'
        '    "overlay_origin_x": "5"})\n'
        'job = r.json()["data"]["task_id"]\n'
    )
    found = audit_text(text, "bg.py")
    assert places(found) == [(3, "deprecated-endpoint", BG)]
    assert "no replacement" in found[0].message and "fields are not checked" in found[0].message


def test_a_quoted_number_says_an_integer() -> None:
    text = (
        'fetch("https://openapi.akool.com/api/open/v3/content/video/createbytranslate",'
        ' { method: "POST", body: JSON.stringify({ url: u, language: "fr", speaker_num: "2" }) });\n'
    )
    found = [f for f in audit_text(text, "a.js") if f.rule == "bad-value"]
    assert [(f.found, f.documented) for f in found] == [('"2"', "an integer")]
    assert "documents an integer" in found[0].message


# -- no silent caps: every call through a name, requests of any length ---------------------------

TALKING = "/content/video/createbytalkingphoto"
PY_BASE = 'import requests\nBASE = "https://openapi.akool.com/api/open/v3"\n'


def test_every_call_through_a_url_constant_is_checked_however_many() -> None:
    """A URL constant used by 200 calls: the last call's wrong value is found (the audit used
    to follow 64 uses and drop the rest without a word)."""
    calls = "".join(
        f"def send{i}(p, a):\n"
        f'    return requests.post(TALKING, json={{"talking_photo_url": p, "audio_url": a}})\n'
        for i in range(199)
    )
    last = (
        "def send_hd(p, a):\n"
        '    return requests.post(TALKING, json={"talking_photo_url": p, "resolution": "720p"})\n'
    )
    text = PY_BASE + f'TALKING = f"{{BASE}}{TALKING}"\n' + calls + last
    found = audit_text(text, "many.py")
    assert places(found) == [(text.count("\n"), "bad-value", '"720p"')]


def test_a_request_longer_than_a_page_is_read() -> None:
    """A body with a long inline value (a data: URL) is still the call's body."""
    blob = "data:image/png;base64," + "A" * 20_000
    text = PY_BASE + (
        f'r = requests.post(f"{{BASE}}{TALKING}", json={{"talking_photo_url": "{blob}",\n'
        '    "audio_url": a, "webhook_url": h})\n'
    )
    assert places(audit_text(text, "long.py")) == [(4, "misnamed-field", "webhook_url")]


def test_a_builder_chain_with_a_long_link_is_read() -> None:
    """An OkHttp chain whose links before the body are long (a big header value) still sends
    the body of its .post(...), with and without a semicolon at its end."""
    for end in ("", ";"):
        text = (
            'val base = "https://openapi.akool.com/api/open/v3"\n'
            "val req = Request.Builder()\n"
            '    .url("$base/content/image/createbyprompt")\n'
            f'    .header("x-note", "{"n" * 5000}")\n'
            '    .post(JSONObject(mapOf("prompt" to p, "size" to "1:1")).toString().toRequestBody(J))\n'
            f"    .build(){end}\n"
        )
        assert places(audit_text(text, "Gen.kt")) == [(5, "misnamed-field", "size")], end


def _wrapped(padding: int) -> str:
    """A module wrapped in one call (AMD's define, as bundlers write it), with its own objects
    beside the request's body."""
    return (
        "define(['axios'], function (axios) {\n"
        '  var B = "https://openapi.akool.com/api/open/v3";\n'
        f"  var U = B + '{TALKING}';\n"
        "  var layout = { width: 3, height: 4, margin: 2 };\n"
        f"  var notes = '{'n' * padding}';\n"
        "  function talk(p, a) {\n"
        "    return axios.post(U, { talking_photo_url: p, audio_url: a, resolution: '720p' });\n"
        "  }\n"
        "  return { talk: talk, layout: layout };\n"
        "});\n"
    )


def test_a_module_wrapped_in_one_call_is_not_one_request() -> None:
    """The wrapper's parentheses are not the arguments of the call that sends the path: its
    other objects are not the body (short wrapper), nor is a long one skipped."""
    for padding in (10, 10_000):
        assert places(audit_text(_wrapped(padding), "bundle.js")) == [(7, "bad-value", "'720p'")], (
            padding
        )


def test_two_url_assignments_on_one_line_are_two_names() -> None:
    text = (
        'const B = "https://openapi.akool.com/api/open/v3";\n'
        f"const Q = `${{B}}/faceswap/quota/info`; const T = `${{B}}{TALKING}`;\n"
        "async function go(p, a) {\n"
        "  await fetch(T, { method: 'POST', body: JSON.stringify({ talking_photo_url: p,"
        " audio_url: a, resolution: '720p' }) });\n"
        "}\n"
    )
    assert places(audit_text(text, "two.js")) == [(4, "bad-value", "'720p'")]
