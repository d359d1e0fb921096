"""Late fixes (fix26a): a Hurl request's query section and an n8n node's query and fields-mode
body are read as what the call sends."""

from __future__ import annotations

from pathlib import Path

import pytest

from akool_cli.audit.scan import audit, audit_text


def rules(text: str, name: str) -> list[tuple[int, str]]:
    return sorted((f.line, f.rule) for f in audit_text(text, name))


HURL_QUERY = """GET https://openapi.akool.com/api/open/v3/content/video/infobymodelid
x-api-key: {{akool_key}}
[SECTION]
NAME: {{video_id}}
HTTP 200
[Captures]
status: jsonpath "$.data.video_status"
"""


@pytest.mark.parametrize("section", ["QueryStringParams", "Query"])
def test_a_hurl_query_section_is_what_the_request_sends(section: str) -> None:
    text = HURL_QUERY.replace("SECTION", section)
    assert rules(text.replace("NAME", "video_model_id"), "get.hurl") == []
    found = audit_text(text.replace("NAME", "videoModelId"), "get.hurl")
    assert [(f.line, f.rule) for f in found] == [(4, "misnamed-field")]
    assert found[0].fix is not None and found[0].fix.new == "video_model_id"


N8N_GET = """{
  "nodes": [
    {
      "parameters": {
        "url": "=https://openapi.akool.com/api/open/v3/content/video/infobymodelid",
        "sendQuery": true,
QUERY
        "options": {}
      },
      "name": "Get video",
      "type": "n8n-nodes-base.httpRequest",
      "typeVersion": 4.2
    }
  ]
}
"""
N8N_QUERIES = {
    "fields": '        "queryParameters": { "parameters": [ { "name": "NAME", "value": "={{ $json.id }}" } ] },',
    "pretty": """        "queryParameters": {
          "parameters": [
            {
              "name": "NAME",
              "value": "={{ $json.data._id }}"
            }
          ]
        },""",
    "json": '        "specifyQuery": "json",\n        "jsonQuery": "={\\"NAME\\": \\"{{ $json.id }}\\"}",',
    "v3": '        "queryParametersUi": { "parameter": [ { "name": "NAME", "value": "={{$json[\\"id\\"]}}" } ] },',
}


@pytest.mark.parametrize("shape", sorted(N8N_QUERIES))
def test_an_n8n_nodes_query_is_what_the_request_sends(shape: str) -> None:
    text = N8N_GET.replace("QUERY", N8N_QUERIES[shape])
    assert rules(text.replace("NAME", "video_model_id"), "flow.json") == []
    found = audit_text(text.replace("NAME", "videoModelId"), "flow.json")
    assert [f.rule for f in found] == ["misnamed-field"]
    assert found[0].fix is not None and found[0].fix.new == "video_model_id"


N8N_POST = """{
  "nodes": [
    {
      "parameters": {
        "method": "POST",
        "url": "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto",
        "sendBody": true,
BODY
        "options": {}
      },
      "name": "Create video",
      "type": "n8n-nodes-base.httpRequest",
      "typeVersion": 4.2
    }
  ]
}
"""
FIELDS = """        "bodyParameters": {
          "parameters": [
            { "name": "talking_photo_url", "value": "={{ $json.photo }}" },
            { "name": "audio_url", "value": "={{ $json.audio }}" },
            { "name": "resolution", "value": "RES" }
          ]
        },"""


def test_an_n8n_nodes_fields_body_is_judged_and_patched() -> None:
    text = N8N_POST.replace("BODY", FIELDS)
    assert rules(text.replace("RES", "1080"), "flow.json") == []
    assert rules(text.replace("RES", "1080p"), "flow.json") == [(12, "bad-value")]
    misnamed = audit_text(text.replace("RES", "1080").replace("audio_url", "audioUrl"), "flow.json")
    assert [(f.line, f.rule) for f in misnamed] == [(11, "misnamed-field")]


def test_an_n8n_node_whose_body_is_not_read_is_left_alone() -> None:
    raw = '        "contentType": "raw",\n        "body": "={{ JSON.stringify($json) }}",'
    assert rules(N8N_POST.replace("BODY", raw), "flow.json") == []
    get = N8N_GET.replace(
        "QUERY", '        "specifyQuery": "json",\n        "jsonQuery": "={{ $json.q }}",'
    )
    assert rules(get, "flow.json") == []


# A redirect table of saved URLs (old host -> new): its key is looked up, never requested.
REDIRECT_TABLES = [
    (
        "r.py",
        'REDIRECTS = {"https://api.akool.com": "https://openapi.akool.com"}\n'
        "def fix(u):\n    for old, new in REDIRECTS.items():\n"
        "        if u.startswith(old):\n            return new + u[len(old):]\n    return u\n",
    ),
    ("r.js", 'const REDIRECTS = { "https://api.akool.com": "https://openapi.akool.com" };\n'),
    ("r.rb", 'REDIRECTS = {\n  "https://api.akool.com" => "https://openapi.akool.com",\n}\n'),
    (
        "r.go",
        'package m\nvar redirects = map[string]string{"https://api.akool.com": "https://openapi.akool.com"}\n',
    ),
    ("r.php", "<?php\n$redirects = ['https://api.akool.com' => 'https://openapi.akool.com'];\n"),
]


@pytest.mark.parametrize(("name", "text"), REDIRECT_TABLES, ids=[r[0] for r in REDIRECT_TABLES])
def test_a_redirect_tables_retired_host_is_no_call(name: str, text: str) -> None:
    assert rules(text, name) == []


def test_a_retired_host_chosen_or_held_as_a_value_is_still_reported() -> None:
    text = (
        "import requests\n"
        'BASE = "https://api.akool.com" if LEGACY else "https://openapi.akool.com"\n'
        'CFG = {"base": "https://api.akool.com"}\n'
        'requests.post(BASE + "/api/open/v3/content/image/createbyprompt", json={"prompt": "x"})\n'
        'requests.post(CFG["base"] + "/api/open/v3/content/image/createbyprompt", json={"prompt": "x"})\n'
    )
    assert rules(text, "b.py") == [(2, "wrong-host"), (3, "wrong-host")]
    js = 'const b = legacy ? "https://api.akool.com" : "https://openapi.akool.com";\n'
    js += 'fetch(b + "/api/open/v3/content/image/createbyprompt", { method: "POST" });\n'
    assert rules(js, "b.js") == [(1, "wrong-host")]


SANDBOX = """from akool_cli.sandbox import sandbox

FILES_PREFIX = "/_sandbox/files/"


class Sandbox:
    @property
    def base_url(self) -> str:
        return "http://127.0.0.1:8765"

    def file_url(self, job_id: str) -> str:
        return f"{self.base_url}{FILES_PREFIX}{job_id}.mp4"


def show() -> str:
    return sandbox.base_url
"""
KEYWORD = 'client = Client(base_url="https://openapi.akool.com")\n'


def test_a_name_read_off_a_module_from_elsewhere_is_no_scanned_files(tmp_path: Path) -> None:
    (tmp_path / "server.py").write_text(SANDBOX)
    (tmp_path / "notes.py").write_text(KEYWORD)
    assert [f.rule for f in audit([tmp_path]).findings] == []


def test_a_name_read_off_an_imported_scanned_module_is_its(tmp_path: Path) -> None:
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "config.py").write_text(
        'base_url = "https://openapi.akool.com/api/open/v3"\n'
    )
    use = "import requests\nfrom app import config\n\nrequests.post(config.base_url + "
    use += '"/content/image/createbyprompt", json={"prompt": "x", "size": "1:1"})\n'
    (tmp_path / "app" / "use.py").write_text(use)
    assert [(f.line, f.rule) for f in audit([tmp_path]).findings] == [(4, "misnamed-field")]
