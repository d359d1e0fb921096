"""Issue 21, ans21: answer reads tied to the call they come from and judged against its own
endpoint (held-out P2-P4, R2-R4, R12; break21c M6, M7): the members of a fallback chain beside
its documented read, a query piece joined to a URL held in a name, `.then((r) => r.json())`
bound to a name, and more."""

from __future__ import annotations

import pytest

from akool_cli.audit.scan import Finding, audit_text

DETECT = "https://openapi.akool.com/interface/detect-api/detect_faces"
V3 = "https://openapi.akool.com/api/open/v3"


def answer_places(findings: list[Finding]) -> list[tuple[int, str, str]]:
    rules = ("response-field", "answer-field", "list-answer")
    return sorted((f.line, f.rule, f.found) for f in findings if f.rule in rules)


# -- P2: a fallback chain whose member is the documented read ----------------------------------------

CHAIN_JS = (
    f'const EP = "{DETECT}";\n'
    "async function detect(url) {\n"
    "  const r = await fetch(EP, { method: 'POST', body: JSON.stringify({ url }) });\n"
    "  const d = await r.json();\n"
    "  return READ;\n"
    "}\n"
)
CHAIN_PY = (
    "import requests\n"
    f'EP = "{DETECT}"\n'
    "def detect(url):\n"
    '    d = requests.post(EP, json={"url": url}).json()\n'
    "    return READ\n"
)


@pytest.mark.parametrize(
    ("text", "read"),
    [
        (CHAIN_JS, "d.faces_obj || d.data?.faces_obj || d.data?.[0] || d.result?.[0]"),
        (CHAIN_JS, "d.faces_obj ?? d.data?.faces_obj ?? d.result?.[0]"),
        (
            CHAIN_JS,
            'd?.faces_obj?.["0"]?.landmarks_str ?? d?.data?.faces_obj?.["0"]?.landmarks_str',
        ),
        (
            CHAIN_PY,
            'd.get("faces_obj") or (d.get("data") or {}).get("faces_obj") or d.get("result")',
        ),
        (CHAIN_PY, 'd["faces_obj"] if "faces_obj" in d else d["data"]["faces_obj"]'),
    ],
)
def test_p2_the_other_members_of_a_chain_holding_the_documented_read_are_defensive(
    text: str, read: str
) -> None:
    name = "a.js" if "const" in text else "a.py"
    got = [p for p in answer_places(audit_text(text.replace("READ", read), name))]
    assert [p for p in got if p[1] == "response-field"] == []
    assert got == []


@pytest.mark.parametrize(
    ("text", "read", "found"),
    [
        (CHAIN_JS, "d.data?.faces_obj || d.data?.[0]", "faces_obj"),
        (CHAIN_JS, "d.code === 0 && d.data.faces_obj", "faces_obj"),
        (CHAIN_PY, 'f(d.get("x") or 1, d["data"]["faces_obj"])', "faces_obj"),
    ],
)
def test_p2_a_chain_without_the_documented_read_is_still_judged(
    text: str, read: str, found: str
) -> None:
    name = "a.js" if "const" in text else "a.py"
    got = answer_places(audit_text(text.replace("READ", read), name))
    assert (5, "response-field", found) in got
