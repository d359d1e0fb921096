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
