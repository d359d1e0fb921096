"""Gaps left open in `akool audit` (issue 21's follow-up), each pinned by a shape of its own:
calls to a deprecated endpoint, calls past the audit's old silent caps, Go struct tags, Rust
tuple queries and forms, and a call's HTTP method against the documented one."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from akool_cli.audit.fixes import patch
from akool_cli.audit.scan import Finding, audit, audit_text

BG = "/content/image/bg/replace"


def places(findings: list[Finding]) -> list[tuple[int, str, str]]:
    # (these fixtures send partial bodies on purpose to judge other rules; missing-field, added
    # later, has its own tests in test_audit_fields6.py)
    return [(f.line, f.rule, f.found) for f in findings if f.rule != "missing-field"]


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


# -- the HTTP method a call sends against the documented one -------------------------------------

KB_DELETE = "/knowledge/delete"  # documented as DELETE /api/open/v4/knowledge/delete
INFO = "/content/video/infobymodelid"  # documented as GET /api/open/v3/content/video/infobymodelid
V4 = 'BASE = "https://openapi.akool.com/api/open/v4"\n'
V3 = 'BASE = "https://openapi.akool.com/api/open/v3"\n'


def methods_of(text: str, name: str) -> list[tuple[int, str, str, str | None]]:
    return [
        (f.line, f.found, f.documented.split()[0], f.fix.new if f.fix else None)
        for f in audit_text(text, name)
        if f.rule == "wrong-method"
    ]


def test_a_python_client_verb_against_the_documented_method() -> None:
    text = (
        "import requests\n"
        + V4
        + (
            f'requests.post(f"{{BASE}}{KB_DELETE}", json={{"_id": i}})\n'
            f'requests.delete(f"{{BASE}}{KB_DELETE}", json={{"_id": i}})\n'
            f'requests.request("POST", f"{{BASE}}{KB_DELETE}", json={{"_id": i}})\n'
            f'session.request(method, f"{{BASE}}{KB_DELETE}", json={{"_id": i}})\n'
            f'requests.request("put", "https://openapi.akool.com/api/open/v3{TALKING}", json=b)\n'
        )
    )
    # a verb callee is not rewritten (httpx.delete takes no json=); a method string is, when
    # both methods carry the fields as a body (knowledge/delete takes its id in the query)
    assert methods_of(text, "kb.py") == [
        (3, "POST", "DELETE", None),
        (5, "POST", "DELETE", None),
        (7, "PUT", "POST", "post"),
    ]


def test_a_post_to_a_get_endpoint_in_js() -> None:
    text = V3.replace("BASE =", "const BASE =") + (
        f"axios.post(`${{BASE}}{INFO}`, {{ video_model_id: id }});\n"
        f"axios.get(`${{BASE}}{INFO}`, {{ params: {{ video_model_id: id }} }});\n"
        f'fetch(`${{BASE}}{INFO}?video_model_id=${{id}}`, {{ method: "POST" }});\n'
        f"fetch(`${{BASE}}{INFO}?video_model_id=${{id}}`);\n"
        f"fetch(`${{BASE}}{INFO}?video_model_id=${{id}}`, {{ headers }});\n"
    )
    # a GET and a POST carry fields apart (query, body): no mechanical fix
    assert methods_of(text, "info.js") == [(2, "POST", "GET", None), (4, "POST", "GET", None)]


def test_fetch_says_get_only_when_its_options_say_nothing_else() -> None:
    text = V3.replace("BASE =", "const BASE =") + (
        f"fetch(`${{BASE}}{TALKING}`);\n"  # a GET
        f"fetch(`${{BASE}}{TALKING}`, {{ headers: h }});\n"  # a GET
        f"fetch(`${{BASE}}{TALKING}`, options);\n"  # options held elsewhere: not said
        f"fetch(`${{BASE}}{TALKING}`, {{ ...options, headers: h }});\n"  # spread: not said
        f"fetch(`${{BASE}}{TALKING}`, {{ body: JSON.stringify(b) }});\n"  # a body: not said
        f'fetch(`${{BASE}}{TALKING}`, {{ method: "post", body: JSON.stringify(b) }});\n'
    )
    assert methods_of(text, "talk.js") == [(2, "GET", "POST", None), (3, "GET", "POST", None)]


def test_curl_methods() -> None:
    text = (
        "#!/bin/sh\n"
        'B="https://openapi.akool.com/api/open/v4"\n'
        f'curl -s -X POST "$B{KB_DELETE}" -H "x-api-key: $K" -d \'{{"_id": "1"}}\'\n'
        f'curl -s --request PUT \\\n  "$B{KB_DELETE}" -d \'{{"_id": "1"}}\'\n'
        f'curl -s -X DELETE "$B{KB_DELETE}" -d \'{{"_id": "1"}}\'\n'
        f'curl -s -X "$METHOD" "$B{KB_DELETE}"\n'
        f'curl -s "$B{KB_DELETE}" -d \'{{"_id": "1"}}\'\n'
        f'curl -s "https://openapi.akool.com/api/open/v3{INFO}" -d \'{{"a": 1}}\'\n'
        f'curl -s -G "https://openapi.akool.com/api/open/v3{INFO}" -d a=1\n'
        f'curl -s -X PUT "https://openapi.akool.com/api/open/v3{TALKING}" -d "$BODY"\n'
    )
    assert methods_of(text, "kb.sh") == [
        (3, "POST", "DELETE", None),
        (5, "PUT", "DELETE", None),  # -X on the line before the URL's
        (8, "POST", "DELETE", None),  # -d says POST
        (9, "POST", "GET", None),
        (11, "PUT", "POST", "POST"),
    ]


def test_go_java_kotlin_csharp_ruby_methods() -> None:
    go = (
        'const base = "https://openapi.akool.com/api/open/v4"\n'
        f'req, _ := http.NewRequest("POST", base+"{KB_DELETE}", bytes.NewReader(b))\n'
        f'req, _ = http.NewRequestWithContext(ctx, http.MethodPost, base+"{KB_DELETE}", r)\n'
        f'req, _ = http.NewRequest(http.MethodDelete, base+"{KB_DELETE}", r)\n'
        f'resp, _ := http.Get(base + "{KB_DELETE}")\n'
    )
    assert methods_of(go, "kb.go") == [
        (2, "POST", "DELETE", None),
        (3, "POST", "DELETE", None),
        (5, "GET", "DELETE", None),
    ]
    kotlin = (
        'val base = "https://openapi.akool.com/api/open/v4"\n'
        f'val a = Request.Builder().url("$base{KB_DELETE}").header("k", m.get("v")).post(b).build()\n'
        f'val d = Request.Builder().url("$base{KB_DELETE}").delete(b).build()\n'
        f'val c = Request.Builder().url("$base{KB_DELETE}").method("POST", b).build()\n'
    )
    assert methods_of(kotlin, "Kb.kt") == [(2, "POST", "DELETE", None), (4, "POST", "DELETE", None)]
    csharp = (
        'const string Base = "https://openapi.akool.com/api/open/v3";\n'
        f'var r = await http.PostAsync($"{{Base}}{INFO}?video_model_id={{id}}", content);\n'
        f'var q = new HttpRequestMessage(HttpMethod.Get, $"{{Base}}{INFO}?video_model_id={{id}}");\n'
    )
    assert methods_of(csharp, "Info.cs") == [(2, "POST", "GET", None)]
    ruby = (
        'BASE = "https://openapi.akool.com/api/open/v3"\n'
        f'req = Net::HTTP::Post.new(URI("#{{BASE}}{INFO}?video_model_id=#{{id}}"))\n'
    )
    assert methods_of(ruby, "info.rb") == [(2, "POST", "GET", None)]


def test_no_method_finding_where_the_code_does_not_say() -> None:
    text = (
        "import requests\n"
        + V4
        + (
            f'KB = f"{{BASE}}{KB_DELETE}"\n'
            "def call(method, url, **kw):\n"
            "    return requests.request(method, url, **kw)\n"
            'call("DELETE", KB, json={"_id": i})\n'
            f'self._send(f"{{BASE}}{KB_DELETE}", {{"_id": i}})\n'
        )
    )
    assert methods_of(text, "kb.py") == []


def test_a_method_fix_applies_and_audits_clean(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    subprocess.run(["git", "init", "-q"], check=True)
    script = Path("talk.js")
    script.write_text(
        'const BASE = "https://openapi.akool.com/api/open/v3";\n'
        f"await fetch(`${{BASE}}{TALKING}`, {{ method: 'PUT', body: JSON.stringify(b) }});\n"
    )
    findings = audit([script]).findings
    assert [(f.rule, f.found) for f in findings] == [("wrong-method", "PUT")]
    fixed = patch(findings)
    assert fixed.fixed == 1
    subprocess.run(["git", "apply", "-"], input=fixed.diff, check=True)
    assert "method: 'POST'" in script.read_text()
    assert audit([script]).findings == []


# -- Go struct tags: a tagged field of a struct sent as a body is a JSON key ----------------------

GO_TALK = (
    "package akool\n"
    'const base = "https://openapi.akool.com/api/open/v3"\n'
    "type TalkReq struct {\n"
    '\tTalkingPhotoURL string `json:"talking_photo_url"`\n'
    '\tAudioURL        string `json:"audio_url"`\n'
    '\tWebhookURL      string `json:"webhook_url,omitempty"`\n'
    '\tResolution      string `json:"resolution"`\n'
    '\tNote            string `json:"-"`\n'
    "}\n"
)


def test_a_go_struct_marshalled_inline_is_checked_by_its_tags() -> None:
    text = GO_TALK + (
        "func Talk(p, a, h string) error {\n"
        '\tb, _ := json.Marshal(TalkReq{TalkingPhotoURL: p, AudioURL: a, WebhookURL: h, Resolution: "720p"})\n'
        f'\treq, _ := http.NewRequest("POST", base+"{TALKING}", bytes.NewReader(b))\n'
        "\t_, err := http.DefaultClient.Do(req)\n"
        "\treturn err\n"
        "}\n"
    )
    found = audit_text(text, "talk.go")
    assert places(found) == [(6, "misnamed-field", "webhook_url"), (11, "bad-value", '"720p"')]
    misnamed = found[0]
    assert misnamed.documented == "webhookUrl" and misnamed.fix is None  # a tag is never patched
    assert found[1].fix is None


def test_a_go_struct_held_in_a_variable_and_marshalled_later() -> None:
    text = GO_TALK + (
        "func Talk(p, a, h string) error {\n"
        "\tpayload := &TalkReq{\n"
        "\t\tTalkingPhotoURL: p,\n"
        "\t\tAudioURL:        a,\n"
        '\t\tResolution:      "1080",\n'
        "\t}\n"
        "\tpayload.WebhookURL = h\n"
        "\tbody, err := json.Marshal(payload)\n"
        "\tif err != nil {\n\t\treturn err\n\t}\n"
        f'\tresp, err := http.Post(base+"{TALKING}", "application/json", bytes.NewBuffer(body))\n'
        "\t_ = resp\n"
        "\treturn err\n"
        "}\n"
    )
    # webhook_url is reported at its tag; the Go field names (WebhookURL) are never keys
    assert places(audit_text(text, "talk.go")) == [(6, "misnamed-field", "webhook_url")]


def test_a_go_struct_that_is_not_sent_is_not_checked() -> None:
    text = GO_TALK + (
        "func Save(p string) ([]byte, error) {\n"
        "\treturn json.Marshal(TalkReq{TalkingPhotoURL: p})\n"
        "}\n"
        "func Quota() (*http.Response, error) {\n"
        '\treturn http.Get(base + "/faceswap/quota/info")\n'
        "}\n"
    )
    assert places(audit_text(text, "save.go")) == []


# -- Rust: tuples in a slice (.query(&[..]), .form(&[..])) and json! bodies ------------------------

RUST_BASE = 'const BASE: &str = "https://openapi.akool.com/api/open/v3";\n'


def test_a_rust_query_given_as_tuples() -> None:
    text = RUST_BASE + (
        "async fn status(c: &reqwest::Client, id: &str) -> reqwest::Result<String> {\n"
        '    c.get(format!("{}/content/video/infobymodelid", BASE))\n'
        '        .query(&[("video_model_id", id), ("task_id", id)])\n'
        "        .send().await?.text().await\n"
        "}\n"
        "async fn list(c: &reqwest::Client, id: &str) -> reqwest::Result<String> {\n"
        '    c.get(format!("{BASE}/faceswap/result/listbyids")).query(&[("_id", id)]).send().await?.text().await\n'
        "}\n"
    )
    assert places(audit_text(text, "status.rs")) == [
        (4, "unknown-field", "task_id"),  # (body22: sent beside video_model_id, an extra field)
        (8, "unknown-field", "_id"),
    ]


def test_a_rust_form_and_json_bodies() -> None:
    text = RUST_BASE + (
        "use serde_json::json;\n"
        "async fn talk(c: &reqwest::Client, p: &str, a: &str) -> reqwest::Result<String> {\n"
        "    let body = serde_json::json!({\n"
        '        "talking_photo_url": p,\n'
        '        "audio_url": a,\n'
        '        "resolution": "720p",\n'
        "    });\n"
        f'    c.post(format!("{{BASE}}{TALKING}")).json(&body).send().await?.text().await\n'
        "}\n"
        "async fn talk2(c: &reqwest::Client, p: &str) -> reqwest::Result<String> {\n"
        f'    c.post(format!("{{BASE}}{TALKING}"))\n'
        '        .json(&json!{"talking_photo_url": p, "webhook_url": "https://me/hook"})\n'
        "        .send().await?.text().await\n"
        "}\n"
        "async fn talk3(c: &reqwest::Client, p: &str) -> reqwest::Result<String> {\n"
        f'    c.post(format!("{{BASE}}{TALKING}"))\n'
        '        .form(&[("talking_photo_url", p), ("photo_url", p)])\n'
        "        .send().await?.text().await\n"
        "}\n"
    )
    assert places(audit_text(text, "talk.rs")) == [
        (7, "bad-value", '"720p"'),
        (13, "misnamed-field", "webhook_url"),
        (18, "unknown-field", "photo_url"),  # (body22: beside talking_photo_url, an extra field)
    ]


def test_a_method_said_where_a_url_constant_is_used() -> None:
    text = "import requests\n" + (
        'INFO = "https://openapi.akool.com/api/open/v3/content/video/infobymodelid"\n'
        "def a(i):\n"
        '    return requests.post(INFO, json={"video_model_id": i})\n'
        "def b(i):\n"
        '    return requests.get(INFO, params={"video_model_id": i})\n'
        "def c(i):\n"
        "    print(INFO)\n"
    )
    assert methods_of(text, "info.py") == [(4, "POST", "GET", None)]


def test_a_rust_client_named_http_is_not_a_shell_command() -> None:
    text = RUST_BASE + (
        "async fn talk(http: &reqwest::Client, p: &str) -> reqwest::Result<String> {\n"
        f'    http.post(format!("{{BASE}}{TALKING}"))\n'
        '        .json(&json!({"talking_photo_url": p, "resolution": "720p"})).send().await?.text().await\n'
        "}\n"
    )
    assert places(audit_text(text, "talk.rs")) == [(4, "bad-value", '"720p"')]
