"""Issue 21, fixN21: false findings of a break-it run on correct code. A doc comment's reference
tag (`@see URL`, `{@link URL}`, `@deprecated ... URL`) is a pointer, not a commented-out call, and
`--diff` never patches it (M21); RestClient's headers (`content_type: :json`, `accept:`,
`x_api_key:`) are no body (M19); a path joined to the app's own webhook (`AKOOL_WEBHOOK_URL`)
is no AKOOL call (L10). The corpus scripts of these shapes are in
tests/audit_corpus/refs21/."""

from __future__ import annotations

from pathlib import Path

from akool_cli.audit.scan import Finding, audit, audit_text
from tests.test_audit_patches import run_diff


def places(findings: list[Finding]) -> list[tuple[int, str]]:
    return sorted((f.line, f.rule) for f in findings if f.severity != "info")


# -- M21: reference tags in doc comments are no calls ---------------------------------------------

JSDOC = """/**
 * Polls a job. AKOOL removed GET https://openapi.akool.com/api/open/v3/content/video/status in 2024,
 * so we use infobymodelid instead.
 * @see https://api.akool.com/api/open/v3/photo/talking (the old, undocumented endpoint)
 * @deprecated since 2024: https://openapi.akool.com/api/open/v3/content/video/status (gone)
 * Replaces {@link https://api.akool.com/api/open/v3/photo/talking}
 */
// @see https://api.akool.com/api/open/v3/photo/talking (the old endpoint)
export async function poll(id) {
  return fetch(`https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=${id}`);
}
"""


def test_a_see_link_or_deprecated_tag_in_a_doc_comment_is_no_call() -> None:
    assert places(audit_text(JSDOC, "a.js")) == []
    java = JSDOC.replace("export async function poll(id)", "static String poll(String id)")
    assert places(audit_text(java, "A.java")) == []


def test_csharp_see_and_sphinx_seealso_tags_are_no_calls() -> None:
    csharp = """class K {
    /// <see href="https://api.akool.com/api/open/v3/photo/talking"/>
    /// <seealso href="https://api.akool.com/api/open/v3/content/video/status">old</seealso>
    string S() => Get("https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=1");
}
"""
    python = '''import requests
def poll(job_id):
    """Poll a job.

    .. seealso:: https://api.akool.com/api/open/v3/content/video/status (the old endpoint)
    :see: https://api.akool.com/api/open/v3/photo/talking (removed)
    """
    return requests.get("https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=1")
'''
    assert places(audit_text(csharp, "K.cs")) == []
    assert places(audit_text(python, "k.py")) == []


def test_a_commented_out_call_beside_a_reference_tag_is_still_read() -> None:
    old = ' * fetch("https://api.akool.com/api/open/v3/photo/talking", { method: "POST" });\n'
    text = JSDOC.replace(" */\n", old + " */\n", 1)
    assert places(audit_text(text, "a.js")) == [(7, "undocumented-path"), (7, "wrong-host")]


def test_diff_leaves_a_reference_tag_as_written(tmp_path: Path) -> None:
    script = tmp_path / "a.js"
    script.write_text(JSDOC)
    assert audit([tmp_path]).findings == []
    done = run_diff(tmp_path)
    assert (done.returncode, done.stdout) == (0, b""), done.stderr
    assert script.read_text() == JSDOC


# -- M19: RestClient's headers argument, its symbols written with `_` -----------------------------

RESTCLIENT = """require "rest-client"
BASE = "https://openapi.akool.com/api/open/v3"
res = RestClient.post("#{{BASE}}/content/image/createbyprompt", {{ prompt: "x", {field}: "1:1" }}.to_json, {headers})
puts JSON.parse(res.body)["data"]["_id"]
"""


def test_restclient_header_symbols_are_headers_not_body_fields() -> None:
    for headers in (
        '{ content_type: :json, "x-api-key" => ENV["K"] }',
        "{ content_type: :json, accept: :json, x_api_key: ENV['K'] }",
        'content_type: :json, user_agent: "me", authorization: "Bearer #{ENV[\'K\']}"',
    ):
        text = RESTCLIENT.format(field="scale", headers=headers)
        assert places(audit_text(text, "rc.rb")) == [], headers
    # the body beside them is still judged
    wrong = RESTCLIENT.format(field="size", headers='{ content_type: :json, "x-api-key" => "k" }')
    assert places(audit_text(wrong, "rc.rb")) == [(3, "misnamed-field")]


# -- L10: a name that says it holds another server (the app's own webhook) ------------------------

WEBHOOK = """fetch("https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=1");
const hook = process.env.AKOOL_WEBHOOK_URL;
fetch(`${hook}/content/video/status`, { method: "POST" });
const cb = process.env.CALLBACK_URL;
fetch(`${cb}/content/video/status`, { method: "POST" });
fetch(`${process.env.AKOOL_WEBHOOK_URL}/content/video/status`, { method: "POST" });
const api = process.env.AKOOL_API_URL;
fetch(`${api}/content/video/status`);
"""


def test_a_path_joined_to_the_apps_own_webhook_is_no_akool_call() -> None:
    assert places(audit_text(WEBHOOK, "a.js")) == [(8, "unknown-endpoint")]
    python = """import os, requests
requests.get("https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=1")
hook = os.environ["AKOOL_WEBHOOK_URL"]
requests.post(f"{hook}/content/video/status")
requests.post(os.getenv("AKOOL_WEBHOOK_URL") + "/content/video/status")
"""
    assert places(audit_text(python, "a.py")) == []
    shell = 'curl -s "https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id=1"\n'
    shell += 'curl -s -X POST "$AKOOL_WEBHOOK_URL/content/video/status" -d "{}"\n'
    shell += 'curl -s "$AKOOL_API_URL/content/video/status"\n'
    assert places(audit_text(shell, "a.sh")) == [(3, "unknown-endpoint")]
