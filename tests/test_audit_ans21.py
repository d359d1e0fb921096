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


# -- M6: a URL held in a name with a query piece or an id joined to it -------------------------------

INFO_Q = f"{V3}/content/video/infobymodelid?video_model_id="
INFO = f"{V3}/content/video/infobymodelid"


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "f.py",
            f'import requests\nU = "{INFO_Q}"\ndef f(i):\n    r = requests.get(U + i)\n'
            '    return r.json()["data"]["status"]\n',
        ),
        (
            "g.py",
            f'import requests\nU = "{INFO_Q}"\ndef f(i):\n    r = requests.get(f"{{U}}{{i}}")\n'
            '    return r.json()["data"]["status"]\n',
        ),
        (
            "h.py",
            f'import requests\nP = "{INFO}"\ndef f(i):\n'
            '    r = requests.get(P + "?video_model_id=" + i)\n    return r.json()["data"]["status"]\n',
        ),
        (
            "d.js",
            f'const U = "{INFO_Q}";\nexport async function f(id) {{\n  const r = await fetch(U + id);\n'
            "  const body = await r.json();\n  return body.data.status;\n}\n",
        ),
        (
            "e.js",
            f'const U = "{INFO_Q}";\nexport async function f(id) {{\n  const r = await fetch(`${{U}}${{id}}`);\n'
            "  const body = await r.json();\n  return body.data.status;\n}\n",
        ),
    ],
)
def test_m6_a_query_piece_joined_to_a_url_name_keeps_its_answer(name: str, text: str) -> None:
    assert answer_places(audit_text(text, name)) == [(5, "response-field", "status")]


def test_m6_a_path_joined_to_a_url_name_is_another_url() -> None:
    text = (
        f'import requests\nP = "{INFO}"\ndef f(i):\n    r = requests.get(P + "/extra")\n'
        '    return r.json()["data"]["status"]\n'
    )
    assert answer_places(audit_text(text, "p.py")) == []


# -- M7: `.then((r) => r.json())` on the call, bound to a name ---------------------------------------


@pytest.mark.parametrize(
    "then", ["(r) => r.json()", "r => r.json()", "(res) => { return res.json(); }"]
)
def test_m7_a_then_json_bound_to_a_name_is_the_parsed_answer(then: str) -> None:
    text = (
        f'const BASE = "{V3}";\n'
        "export async function d1(id) {\n"
        f"  const j = await fetch(`${{BASE}}/content/video/infobymodelid?video_model_id=${{id}}`).then({then});\n"
        "  return j.data.status;\n"
        "}\n"
    )
    assert answer_places(audit_text(text, "e.js")) == [(4, "response-field", "status")]


# -- R3: the legacy sg3 /detect answer has no {code, msg, data} envelope ------------------------------

DETECT_CLASS = """class FaceClient {
  constructor(key) {
    this.key = key;
    this.detectUrl = "https://sg3.akool.com/detect";
  }
  async detect(url) {
    const res = await fetch(this.detectUrl, { method: "POST", body: JSON.stringify({ single_face: true, image_url: url }) });
    const data = await res.json();
    READ
  }
}
"""


@pytest.mark.parametrize(
    ("read", "found"),
    [
        ("if (data.code === 1000 && data.data[0]) return data.data[0].landmarks_str;", "code"),
        ("return data.data.landmarks_str;", "landmarks_str"),
        ("return data.data[0];", "data"),
    ],
)
def test_r3_the_envelope_read_on_the_legacy_detect_answer_is_an_error(
    read: str, found: str
) -> None:
    got = answer_places(audit_text(DETECT_CLASS.replace("READ", read), "f.js"))
    assert (9, "response-field", found) in got


@pytest.mark.parametrize(
    "read",
    [
        "if (data.error_code === 0) return data.landmarks_str[0];",
        "return data.landmarks_str || data.data?.landmarks_str;",
    ],
)
def test_r3_the_legacy_detect_answers_own_fields_are_no_finding(read: str) -> None:
    assert answer_places(audit_text(DETECT_CLASS.replace("READ", read), "f.js")) == []


def test_r3_python_reads_of_the_envelope_on_detect() -> None:
    text = (
        'import requests\nDETECT = "https://sg3.akool.com/detect"\n'
        "def detect(url):\n"
        '    data = requests.post(DETECT, json={"single_face": True, "image_url": url}).json()\n'
        '    if data["code"] == 1000:\n        return data["data"][0]["landmarks_str"]\n'
        '    return data["landmarks_str"][0]\n'
    )
    got = answer_places(audit_text(text, "d.py"))
    assert [(line, rule) for line, rule, _ in got] == [(5, "response-field"), (6, "response-field")]


# -- R4: a Promise wrapper resolving `{ statusCode, data: JSON.parse(body) }` -----------------------

HTTPS_WRAPPER = """const https = require("https");
const API_BASE = "/api/open/v3";
function akoolRequest(method, endpoint, body = null) {
  return new Promise((resolve, reject) => {
    const options = { hostname: "openapi.akool.com", path: `${API_BASE}${endpoint}`, method };
    const req = https.request(options, (res) => {
      let raw = "";
      res.on("data", (chunk) => { raw += chunk; });
      res.on("end", () => {
        resolve({ statusCode: res.statusCode, data: JSON.parse(raw) });
      });
    });
    req.on("error", reject);
    req.end();
  });
}
async function checkStatus(jobId) {
  const response = await akoolRequest("GET", `/faceswap/result/listbyids?_ids=${jobId}`);
  if (response.data.code !== 1000) throw new Error(response.data.msg);
  return READ;
}
"""


@pytest.mark.parametrize(
    ("read", "expected"),
    [
        (
            "response.data.data.result[0].status",
            [(20, "response-field", "status")],
        ),  # (body22: guessed)
        ("response.data.data.result[0].faceswap_status", []),
        ("response.data.data.status", [(20, "response-field", "status")]),
    ],
)
def test_r4_a_wrapper_resolving_data_parsed_is_read_as_axios_response(
    read: str, expected: list[tuple[int, str, str]]
) -> None:
    got = answer_places(audit_text(HTTPS_WRAPPER.replace("READ", read), "w.js"))
    assert got == expected  # (and no warning on response.data.code: the answer's own code)


def test_r4_the_same_wrapper_called_with_a_whole_path() -> None:
    text = HTTPS_WRAPPER.replace("`${API_BASE}${endpoint}`", "endpoint").replace(
        "`/faceswap", "`/api/open/v3/faceswap"
    )
    got = answer_places(audit_text(text.replace("READ", "response.data.data.status"), "w.js"))
    assert got == [(20, "response-field", "status")]


# -- P3: one helper for several calls, URLs in an object: each caller's own endpoint -----------------

JPOST_JS = """const EP = {
  detect: "https://openapi.akool.com/interface/detect-api/detect_faces",
  swap: "https://openapi.akool.com/api/open/v3/faceswap/highquality/specifyimage",
};
async function jpost(url, body) {
  const r = await fetch(url, { method: "POST", body: JSON.stringify(body) });
  const d = await r.json();
  return { status: r.status, d };
}
export async function run(img, face) {
  const det = await jpost(EP.detect, { url: img });
  const lm = DETECT_READ;
  const sw = await jpost(EP.swap, { targetImage: [{ path: img, opts: lm }], sourceImage: [{ path: face, opts: lm }], face_enhance: 0, modifyImage: img });
  if (sw.d.code !== 1000) throw new Error(sw.d.msg);
  return SWAP_READ;
}
"""


@pytest.mark.parametrize(
    ("detect", "swap", "expected"),
    [
        ('det.d.faces_obj["0"].landmarks_str[0]', "sw.d.data._id", []),
        (
            'det.d.data.faces_obj["0"]',
            "sw.d.data.task_id",
            [(12, "response-field", "faces_obj"), (15, "response-field", "task_id")],
        ),
    ],
)
def test_p3_each_callers_reads_are_judged_against_its_own_endpoint(
    detect: str, swap: str, expected: list[tuple[int, str, str]]
) -> None:
    text = JPOST_JS.replace("DETECT_READ", detect).replace("SWAP_READ", swap)
    assert answer_places(audit_text(text, "j.js")) == expected


JPOST_PY = """import requests
EP = {
    "detect": "https://openapi.akool.com/interface/detect-api/detect_faces",
    "swap": "https://openapi.akool.com/api/open/v3/faceswap/highquality/specifyimage",
}
def jpost(url, body):
    r = requests.post(url, json=body)
    return {"status": r.status_code, "d": r.json()}
def run(img, face):
    det = jpost(EP["detect"], {"url": img})
    lm = det["d"]["faces_obj"]["0"]["landmarks_str"][0]
    sw = jpost(EP["swap"], {"targetImage": [{"path": img, "opts": lm}], "sourceImage": [{"path": face, "opts": lm}], "face_enhance": 0, "modifyImage": img})
    if sw["d"]["code"] != 1000:
        raise RuntimeError(sw["d"]["msg"])
    return sw["d"]["data"]["_id"], sw["d"]["data"]["task_id"]
"""


def test_p3_python_dict_of_urls_and_a_helper_returning_a_dict() -> None:
    assert answer_places(audit_text(JPOST_PY, "j.py")) == [(15, "response-field", "task_id")]


# -- R12: shell functions each binding `local response`, one with an if/else -----------------------

SHELL_FUNCTIONS = """#!/usr/bin/env bash
BASE="https://openapi.akool.com/api/open/v3"
get_token() {
  local response=$(curl -s -X POST "$BASE/getToken" \\
    -d "{\\"clientId\\":\\"$CLIENT_ID\\",\\"clientSecret\\":\\"$CLIENT_SECRET\\"}")
  if [ -z "$response" ]; then
    exit 1
  else
    echo "$response" | jq -r '.token'
  fi
}
create_video() {
  local response=$(curl -s -X POST "$BASE/content/video/createbytalkingphoto" \\
    -H "Authorization: Bearer $1" \\
    -d "{\\"talking_photo_url\\":\\"$2\\",\\"audio_url\\":\\"$3\\"}")
  echo "$response" | jq -r '.data.task_id'
}
"""


def test_r12_another_shell_functions_branches_do_not_end_the_answers_name() -> None:
    got = answer_places(audit_text(SHELL_FUNCTIONS, "s.sh"))
    assert got == [(16, "response-field", "task_id")]


# -- R2: answers decoded into Go structs: a list's item structs ------------------------------------

GO_LIST = """package main

import (
	"encoding/json"
	"net/http"
)

const base = "https://openapi.akool.com/api/open/v3"

TYPES

func poll(ids string) (int, error) {
	r, err := http.Get(base + "/faceswap/result/listbyids?_ids=" + ids)
	if err != nil {
		return 0, err
	}
	defer r.Body.Close()
	var out listResp
	json.NewDecoder(r.Body).Decode(&out)
	return len(out.Data.Result), nil
}
"""
NAMED_ITEM = """type item struct {
	ID     string `json:"_id"`
	Status int    `json:"STATUS"`
}

type listResp struct {
	Code int `json:"code"`
	Data struct {
		Result []item `json:"result"`
	} `json:"data"`
}"""
INLINE_ITEM = """type listResp struct {
	Code int `json:"code"`
	Data struct {
		Result []struct {
			ID     string `json:"_id"`
			Status int    `json:"STATUS"`
		} `json:"result"`
	} `json:"data"`
}"""


@pytest.mark.parametrize("types", [NAMED_ITEM, INLINE_ITEM])
@pytest.mark.parametrize(("status", "expected"), [("status", ["status"]), ("faceswap_status", [])])
def test_r2_the_tags_of_a_lists_item_struct_are_judged_as_its_items(
    types: str, status: str, expected: list[str]
) -> None:
    text = GO_LIST.replace("TYPES", types.replace("STATUS", status))
    got = answer_places(audit_text(text, "p.go"))
    assert [found for _, _, found in got] == expected


def test_r2_the_legacy_detect_answer_decoded_under_data() -> None:
    text = (
        'package main\n\nimport (\n\t"bytes"\n\t"encoding/json"\n\t"net/http"\n)\n\n'
        'type detectResp struct {\n\tData struct {\n\t\tLandmarks []string `json:"landmarks_str"`\n'
        '\t} `json:"data"`\n}\n\nfunc detect(b []byte) []string {\n'
        '\tr, _ := http.Post("https://sg3.akool.com/detect", "application/json", bytes.NewReader(b))\n'
        "\tvar out detectResp\n\tjson.NewDecoder(r.Body).Decode(&out)\n\treturn out.Data.Landmarks\n}\n"
    )
    assert answer_places(audit_text(text, "d.go")) == [(11, "response-field", "landmarks_str")]


# -- P4: a guessed status path: one error for the path, its query and reads are notes ---------------

GUESSED = {
    "a.py": (
        "import requests\n"
        f'BASE = "{V3}"\n'
        "def status(task_id):\n"
        '    r = requests.get(f"{BASE}/content/video/getvideostatus?task_id={task_id}")\n'
        "    body = r.json()\n"
        '    if body["data"]["status"] == "done":\n'
        '        return body["data"]["video_url"]\n'
    ),
    "b.js": (
        f'const BASE = "{V3}";\n'
        "export async function status(taskId) {\n"
        "  const r = await fetch(`${BASE}/content/video/getvideostatus?task_id=${taskId}`);\n"
        "  const j = await r.json();\n"
        "  return j.data.status === 3 ? j.data.video_url : null;\n"
        "}\n"
    ),
}


@pytest.mark.parametrize("name", list(GUESSED))
def test_p4_a_guessed_status_path_is_one_error_and_its_query_and_reads_are_notes(name: str) -> None:
    findings = audit_text(GUESSED[name], name)
    errors = [f.rule for f in findings if f.severity == "error"]
    assert errors == ["undocumented-path"]
    notes = sorted(f.rule for f in findings if f.severity == "info")
    assert notes == ["misnamed-field", "response-field", "response-field"]
    assert all(f.fix is None for f in findings if f.severity == "info")
    assert all(
        "is moved to GET /api/open/v3/content/video/infobymodelid" in f.message
        for f in findings
        if f.severity == "info"
    )


def test_p4_a_guessed_post_path_keeps_its_body_findings() -> None:
    text = (
        "import requests\n"
        'requests.post("https://openapi.akool.com/api/open/v3/photo/talking", '
        'json={"image_url": "a", "audio_url": "b"})\n'
    )
    got = sorted((f.rule, f.severity) for f in audit_text(text, "c.py"))
    assert ("misnamed-field", "error") in got


# -- L3: an id's name read on a create answer is the guessed job id ----------------------------------


@pytest.mark.parametrize("name", ["videoId", "video_id", "imageID"])
def test_l3_an_id_name_on_a_create_answer_is_the_guessed_job_id(name: str) -> None:
    text = (
        f'const BASE = "{V3}";\n'
        "export async function create(p, a) {\n"
        "  const r = await fetch(`${BASE}/content/video/createbytalkingphoto`, { method: 'POST', "
        "body: JSON.stringify({ talking_photo_url: p, audio_url: a }) });\n"
        "  const j = await r.json();\n"
        f"  return j.data.{name};\n"
        "}\n"
    )
    got = [(f.line, f.rule, f.documented) for f in audit_text(text, "c.js") if f.severity != "info"]
    assert got == [(5, "response-field", "data._id")]


@pytest.mark.parametrize(
    ("read", "expected"),
    [
        ("(d as any).faces_obj ?? (d as any).data?.faces_obj", []),
        ("(d as any).result", [(5, "answer-field", "result")]),
    ],
)
def test_p2_a_typescript_cast_of_the_answers_name_is_read_through(
    read: str, expected: list[tuple[int, str, str]]
) -> None:
    assert answer_places(audit_text(CHAIN_JS.replace("READ", read), "a.ts")) == expected
