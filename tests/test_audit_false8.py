"""Two false findings of a held-out measure on real code (issue 21, round 8): a wrapper whose
method is a parameter with a POST default and whose body branches on it (calls that pass no
method send a POST, not the first branch's GET), and a URL constant holding a documented path
minus its final id segment, only ever joined to an id (judged as the joined form)."""

from __future__ import annotations

from pathlib import Path

from akool_cli.audit.scan import Finding, audit, audit_text

CORPUS = Path(__file__).parent / "audit_corpus" / "false8"
HOST = "https://openapi.akool.com"
TALKING = "/api/open/v3/content/video/createbytalkingphoto"  # a POST
INFO = "/api/open/v3/content/video/infobymodelid"  # a GET
DETAIL = "/api/open/v4/voice/detail"  # documented as .../detail/{_id}


def places(findings: list[Finding]) -> list[tuple[int, str]]:
    return sorted((f.line, f.rule) for f in findings if f.severity != "info")


# -- 1. a method parameter with a POST default -----------------------------------------------------

JS_DEFAULT = f"""const BASE = "{HOST}";
async function req(path, body, method = "POST") {{
  if (method === "GET") {{
    return fetch(BASE + path, {{ method: "GET" }});
  }}
  return fetch(BASE + path, {{ method, body: JSON.stringify(body) }});
}}
req("{TALKING}", {{ talking_photo_url: "p", audio_url: "a" }});
req("{INFO}?video_model_id=1", null, "GET");
"""

PY_DEFAULT = f"""import requests
BASE = "{HOST}"

def req(path, body=None, method="POST"):
    if method == "GET":
        return requests.get(BASE + path)
    return requests.post(BASE + path, json=body)

req("{TALKING}", {{"talking_photo_url": "p", "audio_url": "a"}})
req("{INFO}?video_model_id=1", method="GET")
req("{INFO}?video_model_id=2")
"""


def test_a_call_passing_no_method_sends_the_default() -> None:
    assert places(audit_text(JS_DEFAULT, "r.js")) == []
    assert places(audit_text(PY_DEFAULT, "r.py")) == [(11, "wrong-method")]


def test_a_method_passed_to_a_defaulted_parameter_is_the_callers() -> None:
    text = JS_DEFAULT + f'req("{TALKING}", {{}}, "GET");\n'
    assert places(audit_text(text, "r.js")) == []  # a method the audit cannot pin: not judged


# -- 2. a constant only ever joined to an id -------------------------------------------------------

PY_ID = f"""import requests
BASE = "{HOST}"
STATUS_URL = BASE + "{DETAIL}"
DETAIL_PATH = "{DETAIL}"

def voice(voice_id):
    return requests.get(STATUS_URL + "/" + voice_id).json()

def again(voice_id):
    return requests.get(f"{{BASE}}{{DETAIL_PATH}}/{{voice_id}}").json()
"""

JS_ID = f"""const BASE = "{HOST}";
const STATUS_URL = `${{BASE}}{DETAIL}`;
const ALONE = BASE + "{DETAIL}";
const one = (id) => fetch(`${{STATUS_URL}}/${{id}}`);
const two = (id) => fetch(ALONE + "/" + id);
const bare = () => fetch(ALONE);
"""


def test_a_constant_joined_to_an_id_is_judged_joined() -> None:
    assert places(audit_text(PY_ID, "v.py")) == []
    # used bare once as well: judged on its own
    assert places(audit_text(JS_ID, "v.js")) == [(3, "unknown-endpoint")]


def test_the_corpus_folder_gives_its_expected_findings() -> None:
    found = {
        path.name: places(audit([path]).findings)
        for path in sorted(CORPUS.iterdir())
        if path.suffix in (".js", ".py")
    }
    assert found == {
        "id_constant.js": [(5, "unknown-endpoint")],
        "id_constant.py": [(11, "unknown-endpoint")],
        "method_default.js": [(22, "wrong-method")],
        "method_default.py": [(23, "wrong-method")],
    }


def test_a_method_held_in_a_name_is_not_the_default() -> None:
    text = (
        PY_DEFAULT + f'for method in ("GET",):\n    req("{INFO}?video_model_id=3", None, method)\n'
    )
    assert places(audit_text(text, "r.py")) == [(11, "wrong-method")]
