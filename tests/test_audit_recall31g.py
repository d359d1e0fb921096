"""Session 31, recall31g: the library matrix of Go, Rust, Swift, Dart, Python's and Node's less
common clients and shell (/work/notes/matrix19/recall31g): each shape the audit missed, with a
correct twin that stays silent."""

from __future__ import annotations

import pytest

from akool_cli.audit.scan import Finding, audit_text

B = "https://openapi.akool.com/api/open/v3"
INFO = f"{B}/content/video/infobymodelid"


def rules_at(text: str, name: str, rule: str) -> list[int]:
    return sorted(f.line for f in audit_text(text, name) if f.rule == rule)


def errors(text: str, name: str) -> list[Finding]:
    return [f for f in audit_text(text, name) if f.severity in ("error", "warning")]


# -- the envelope's code compared on an answer parsed the other languages' own ways ---------------

CODE_READS = {
    "urllib.py": (
        "import json\nimport urllib.request\n\n"
        f'req = urllib.request.Request("{INFO}?video_model_id=1")\n'
        "with urllib.request.urlopen(req) as resp:\n"
        "    out = json.load(resp)\n"
        'if out["code"] != {code}:\n'
        '    print("failed")\n'
    ),
    "main.dart": (
        "import 'dart:convert';\nimport 'package:http/http.dart' as http;\n\n"
        "Future<void> main() async {\n"
        f"  final r = await http.get(Uri.parse('{INFO}?video_model_id=1'));\n"
        "  final j = jsonDecode(r.body) as Map<String, dynamic>;\n"
        "  if (j['code'] != {code}) {\n"
        "    print('failed');\n  }\n}\n"
    ),
    "dio.dart": (
        "import 'package:dio/dio.dart';\n\nfinal dio = Dio();\n\n"
        "Future<void> main() async {\n"
        f"  final r = await dio.get('{INFO}', queryParameters: {{'video_model_id': 'a'}});\n"
        "  if (r.data['code'] != {code}) {\n"
        "    print('failed');\n  }\n}\n"
    ),
    "got.mjs": (
        'import got from "got";\n\n'
        'const api = got.extend({ prefixUrl: "' + B + '" });\n'
        'const out = await api.get("content/video/infobymodelid", '
        '{ searchParams: { video_model_id: "a" } }).json();\n'
        'if (out.code !== {code}) console.log("failed");\n'
    ),
}


@pytest.mark.parametrize("name", sorted(CODE_READS))
def test_envelope_code_on_parsed_answers_is_judged(name: str) -> None:
    shape = CODE_READS[name]
    assert rules_at(shape.replace("{code}", "200"), name, "status-value") == [
        shape.splitlines().index(next(x for x in shape.splitlines() if "{code}" in x)) + 1
    ]
    assert errors(shape.replace("{code}", "1000"), name) == []


# -- bodies sent by ofetch/$fetch (and its clients), needle and undici: all the call sends ------

TALK = f"{B}/content/video/createbytalkingphoto"
HELD_BODIES = {
    "ofetch.ts": (
        'import { ofetch } from "ofetch";\n\n'
        f'const api = ofetch.create({{ baseURL: "{B}" }});\n'
        'const body = {{ talking_photo_url: "x", resolution: "720"{more} }};\n'
        'await api("/content/video/createbytalkingphoto", { method: "POST", body });\n'
    ),
    "nuxt.ts": (
        "export async function talk() {{\n"
        '  const payload = {{ talking_photo_url: "x", resolution: "720"{more} }};\n'
        f'  return await $fetch("{TALK}", {{ method: "POST", body: payload }});\n}}\n'
    ),
    "needle.js": (
        'const needle = require("needle");\n\n'
        'const body = {{ talking_photo_url: "x", resolution: "720"{more} }};\n'
        f'needle("post", "{TALK}", body, {{ json: true }});\n'
    ),
    "undici.mjs": (
        'import { request } from "undici";\n\n'
        'const body = JSON.stringify({{ talking_photo_url: "x", resolution: "720"{more} }});\n'
        f'await request("{TALK}", {{ method: "POST", body }});\n'
    ),
}


def filled(shape: str, more: str) -> str:
    return shape.replace("{more}", more).replace("{{", "{").replace("}}", "}")


@pytest.mark.parametrize(("name", "shape"), HELD_BODIES.items())
def test_held_body_of_less_common_js_clients_lacks_required_field(name: str, shape: str) -> None:
    lacking = filled(shape, "")
    line = next(i for i, x in enumerate(lacking.splitlines(), 1) if "talking_photo_url" in x)
    assert rules_at(lacking, name, "missing-field") == [line]
    assert errors(filled(shape, ', audio_url: "y"'), name) == []


def test_own_request_function_is_no_library_call() -> None:
    """A script's own `request(url, opts)` may add fields before it sends (not undici's)."""
    own = "\n".join(
        [
            'import { request as send } from "undici";',
            "async function request(url, opts) {",
            "  const withAudio = { ...JSON.parse(opts.body), audio_url: process.env.AUDIO };",
            "  return send(url, { ...opts, body: JSON.stringify(withAudio) });",
            "}",
            'const body = JSON.stringify({ talking_photo_url: "x", resolution: "720" });',
            f'await request("{TALK}", {{ method: "POST", body }});',
        ]
    )
    assert rules_at(own, "own.mjs", "missing-field") == []


# -- a JSON body written as an interpolated string held in a name (repro21q) ----------------------

INTERPOLATED = {
    "main.go": (
        'package main\n\nimport (\n\t"fmt"\n\t"net/http"\n\t"strings"\n)\n\n'
        "func talk(p string) {\n"
        '\tbody := fmt.Sprintf(`{"talking_photo_url":"%s","resolution":"720"MORE}`, p)\n'
        f'\treq, _ := http.NewRequest("POST", "{TALK}", strings.NewReader(body))\n'
        "\thttp.DefaultClient.Do(req)\n}\n"
    ),
    "same.py": (
        "import requests\n\n\ndef talk(p):\n"
        '    body = f\'{{"talking_photo_url": "{p}", "resolution": "720"MORE}}\'\n'
        f'    return requests.post("{TALK}", data=body)\n'
    ),
    "talk.mjs": (
        "export async function talk(p) {\n"
        '  const body = `{"talking_photo_url": "${p}", "resolution": "720"MORE}`;\n'
        f'  return fetch("{TALK}", {{ method: "POST", body }});\n}}\n'
    ),
}


@pytest.mark.parametrize(("name", "shape"), INTERPOLATED.items())
def test_interpolated_json_held_in_a_name_lacks_required_field(name: str, shape: str) -> None:
    lacking = shape.replace("MORE", "")
    line = next(i for i, x in enumerate(lacking.splitlines(), 1) if "talking_photo_url" in x)
    assert rules_at(lacking, name, "missing-field") == [line]
    assert errors(shape.replace("MORE", ', "audio_url": "a"'), name) == []


@pytest.mark.parametrize(
    ("name", "entries"),
    [("same.py", ", {extra}"), ("talk.mjs", "${extra}"), ("main.go", "%s")],
)
def test_interpolation_where_entries_stand_may_add_fields(name: str, entries: str) -> None:
    """`"720"${extra}}` or `, {extra}}`: the interpolation may add audio_url: no finding."""
    shape = INTERPOLATED[name].replace("MORE", entries)
    assert rules_at(shape, name, "missing-field") == []


# -- the standard libraries' answers: http.client's getresponse, Node's https.request chunks ----

IMAGE = "/api/open/v3/content/image/createbyprompt"
HTTP_CLIENT = (
    "import http.client\nimport json\n\n"
    'conn = http.client.HTTPSConnection("openapi.akool.com")\n'
    f'conn.request("POST", "{IMAGE}", body=json.dumps({{"prompt": "a fox", "scale": "1:1"}}))\n'
    "out = json.loads(conn.getresponse().read())\n"
    'print(out["data"]["FIELD"])\n'
)
NODE_HTTPS = (
    'const https = require("https");\n'
    'const body = JSON.stringify({ prompt: "a fox", scale: "1:1" });\n'
    'const req = https.request({ hostname: "openapi.akool.com", path: "' + IMAGE + '", '
    'method: "POST" }, (res) => {\n'
    '  let raw = "";\n'
    '  res.on("data", (c) => (raw += c));\n'
    '  res.on("end", () => {\n'
    "    const out = JSON.parse(raw);\n"
    "    console.log(out.data.FIELD);\n"
    "  });\n"
    "});\n"
    "req.end(body);\n"
)


@pytest.mark.parametrize(("name", "shape"), [("conn.py", HTTP_CLIENT), ("https.js", NODE_HTTPS)])
def test_stdlib_answer_reads_are_judged(name: str, shape: str) -> None:
    line = next(i for i, x in enumerate(shape.splitlines(), 1) if "FIELD" in x)
    assert rules_at(shape.replace("FIELD", "task_id"), name, "response-field") == [line]
    assert errors(shape.replace("FIELD", "_id"), name) == []


def test_http_client_connection_asked_again_holds_the_next_answer() -> None:
    """The second request on one connection: what its getresponse gives is its answer, not the
    first's (infobymodelid's answer has data.video; createbyprompt's has no such field)."""
    text = HTTP_CLIENT.replace('print(out["data"]["FIELD"])\n', "") + (
        'conn.request("GET", "/api/open/v3/content/video/infobymodelid?video_model_id=v")\n'
        "video = json.loads(conn.getresponse().read())\n"
        'print(video["data"]["video"])\n'
    )
    assert errors(text, "conn.py") == []


# -- a Taskfile's `vars:` base, unquoted, joined by go-template's `{{.VAR}}` (break21r) -----------

TASKFILE = (
    'version: "3"\n\nvars:\n  AKOOL: https://openapi.akool.com/api/open/v3\n\n'
    "tasks:\n  sessions:\n    cmds:\n"
    '      - curl -s "{{.AKOOL}}/PATH" -H "x-api-key: $AKOOL_API_KEY" | jq .\n'
)


def test_taskfile_go_template_var_joins_its_unquoted_base() -> None:
    retired = TASKFILE.replace("PATH", "liveAvatar/session/list?page=1&size=50")
    assert rules_at(retired, "Taskfile.yml", "retired-endpoint") == [9]
    wrong = TASKFILE.replace("PATH", "content/video/infobymodelid?id=1")
    assert rules_at(wrong, "Taskfile.yml", "misnamed-field") == [9]
    right = TASKFILE.replace("PATH", "content/video/infobymodelid?video_model_id=1")
    assert errors(right, "Taskfile.yml") == []


def test_taskfile_cmd_entries_and_quoted_env_are_read() -> None:
    text = TASKFILE.replace("vars:\n  AKOOL: https", 'env:\n  AKOOL: "https').replace(
        "/api/open/v3\n", '/api/open/v3"\n', 1
    )
    text = text.replace("      - curl", "      - task: other\n      - cmd: curl").replace(
        "PATH", "content/video/infobymodelid?id=1"
    )
    assert rules_at(text, "Taskfile.yaml", "misnamed-field") == [10]


# -- electron-store's defaults: `store.get("apiBase") + "/x"` joins the key's base (break21r) -----

ELECTRON = "\n".join(
    [
        'const Store = require("electron-store");',
        "const store = new Store({",
        '  defaults: { apiBase: "https://openapi.akool.com/api/open/v3", apiKey: "" },',
        "});",
        "async function talk(photo, audio) {",
        '  const res = await fetch(store.get("apiBase") + "/content/video/createbytalkingphoto", {',
        '    method: "POST",',
        '    headers: { "x-api-key": store.get("apiKey") },',
        '    body: JSON.stringify({ talking_photo_url: photo, audio_url: audio, resolution: "RES" }),',
        "  });",
        "  return res.json();",
        "}",
    ]
)


def test_store_getter_of_a_default_base_is_joined() -> None:
    assert rules_at(ELECTRON.replace("RES", "480"), "main.js", "bad-value") == [9]
    assert errors(ELECTRON.replace("RES", "720"), "main.js") == []
    unknown = ELECTRON.replace("https://openapi.akool.com/api/open/v3", "https://api.example.com")
    assert errors(unknown.replace("RES", "480"), "main.js") == []


# -- a table of paths without a leading slash sent through ky's or got's prefixUrl (repro21p) ----

KY_TABLE = (
    'import ky from "ky";\nexport const ENDPOINTS = {\n  image: "content/image/PATH",\n} as const;\n'
    'const api = ky.create({ prefixUrl: "https://openapi.akool.com/api/open/v3" });\n'
    "export async function makeImage(prompt: string) {\n"
    '  return api.post(ENDPOINTS.image, { json: { prompt, scale: "1:1" } }).json();\n}\n'
)


def test_relative_table_entry_sent_through_a_prefix_url_client_is_judged() -> None:
    assert rules_at(KY_TABLE.replace("PATH", "create"), "ky.ts", "unknown-endpoint") == [3]
    assert errors(KY_TABLE.replace("PATH", "createbyprompt"), "ky.ts") == []
    got = KY_TABLE.replace('import ky from "ky"', 'import got from "got"')
    got = got.replace("ky.create(", "got.extend(")
    assert rules_at(got.replace("PATH", "create"), "got.ts", "unknown-endpoint") == [3]


# -- Dart's query given as queryParameters (http's Uri.replace, dio's option) --------------------


@pytest.mark.parametrize(
    ("name", "call"),
    [
        ("http.dart", "http.get(Uri.parse('{INFO}').replace(queryParameters: {{'KEY': 'abc'}}))"),
        ("dio.dart", "Dio().get('{INFO}', queryParameters: {{'KEY': 'abc'}})"),
    ],
)
def test_dart_query_parameters_are_the_query(name: str, call: str) -> None:
    text = "Future<void> main() async {\n  final r = await " + call.format(INFO=INFO) + ";\n}\n"
    assert rules_at(text.replace("KEY", "id"), name, "misnamed-field") == [2]
    assert errors(text.replace("KEY", "video_model_id"), name) == []


# -- Go resty: the body SetBody gives a request chain before its verb -----------------------------

RESTY = (
    'package main\n\nimport "github.com/go-resty/resty/v2"\n\nfunc main() {\n'
    f'\tclient := resty.New().SetBaseURL("{B}")\n'
    '\tbody := map[string]string{"talking_photo_url": "x", "resolution": "720"MORE}\n'
    '\tclient.R().SetHeader("x-api-key", "k").SetBody(body)LINK.Post("/content/video/createbytalkingphoto")\n'
    "}\n"
)


def test_resty_set_body_before_the_verb_is_the_body() -> None:
    lacking = RESTY.replace("MORE", "").replace("LINK", "")
    assert rules_at(lacking, "main.go", "missing-field") == [7]
    assert errors(RESTY.replace("MORE", ', "audio_url": "a"').replace("LINK", ""), "main.go") == []
    beside = RESTY.replace("MORE", "").replace("LINK", '.SetFile("audio_url", "a.mp3")')
    assert rules_at(beside, "main.go", "missing-field") == []
