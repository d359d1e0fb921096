"""Paths and the names that hold them (issue 21, a held-out measure: precision 92 %, recall 72 %):
a name is the one bound in its own function (a same-named parameter or local of another function
is not an AKOOL URL), a local file path joined to a folder is no call, a one-segment path on a base
of AKOOL's domain is judged, a path held in a name (a constant, an environment fallback) is
followed to the base it is joined to or the wrapper it is given to, and a verb-named method of a
client class imported from the folder is followed."""

from __future__ import annotations

from pathlib import Path

from akool_cli.audit.scan import Finding, audit, audit_text

V3 = "https://openapi.akool.com/api/open/v3"
TALKING = "/content/video/createbytalkingphoto"
INFO = "/content/video/infobymodelid"  # documented as a GET


def places(findings: list[Finding]) -> list[tuple[int, str]]:
    return sorted((f.line, f.rule) for f in findings if f.severity != "info")


# -- a. a name is bound in its own function --------------------------------------------------------

PY_SCOPE = f"""import requests
BASE = "https://openapi.akool.com"

def create(photo, audio):
    url = f"{{BASE}}/api/open/v3{TALKING}"
    return requests.post(url, json={{"talking_photo_url": photo, "audio_url": audio}})

def download(url, dest):
    r = requests.get(url, stream=True)
    return r.content

def info(vid):
    url = f"{{BASE}}/api/open/v3{INFO}"
    return requests.post(url, params={{"video_model_id": vid}})
"""

JS_SCOPE = f"""const API = "{V3}";
async function create(photo) {{
  const url = `${{API}}{TALKING}`;
  return axios.post(url, {{ talking_photo_url: photo, audio_url: "a" }});
}}
async function fetchResult(url) {{
  return axios.get(url, {{ responseType: "arraybuffer" }});
}}
const all = (urls) => Promise.all(urls.map((url) => axios.get(url)));
"""

GO_SCOPE = f"""package main
const akool = "{V3}"
func create() {{
	url := akool + "{TALKING}"
	http.Post(url, "application/json", nil)
}}
func download(url string) {{
	http.Get(url)
}}
"""

KOTLIN_SCOPE = f"""class Videos {{
    private val base = "{V3}"
    fun create(): String {{
        val url = "$base{TALKING}"
        return client.newCall(Request.Builder().url(url).post(body()).build()).execute()
    }}
    fun fetch(url: String): ByteArray {{
        return client.newCall(Request.Builder().url(url).get().build()).execute()
    }}
}}
"""


def test_a_url_bound_in_one_function_is_not_another_functions_parameter() -> None:
    assert places(audit_text(PY_SCOPE, "s.py")) == [(14, "wrong-method")]
    assert places(audit_text(JS_SCOPE, "s.js")) == []
    assert places(audit_text(GO_SCOPE, "s.go")) == []
    assert places(audit_text(KOTLIN_SCOPE, "s.kt")) == []


def test_a_parameter_named_like_a_base_is_not_that_base() -> None:
    text = f"""const AKOOL = "{V3}";
function voices() {{
  const base = AKOOL;
  return fetch(`${{base}}/voice/lists`);
}}
function health(base) {{
  return fetch(`${{base}}/status`);
}}
"""
    assert places(audit_text(text, "b.js")) == [(4, "unknown-endpoint")]


def test_a_constructor_default_reaches_its_attribute_only() -> None:
    text = """import requests
class A:
    def __init__(self, base_url="https://openapi.akool.com/api/open"):
        self.api = base_url
    def avatars(self):
        return requests.get(self.api + "/avatars")
class B:
    def __init__(self, base_url="https://files.example.com/v2"):
        self.base_url = base_url
    def videos(self):
        return requests.get(f"{self.base_url}/videos")
"""
    assert places(audit_text(text, "c.py")) == [(6, "unknown-endpoint")]


def test_a_local_of_the_same_name_hides_an_outer_base_and_shell_functions_share_globals() -> None:
    js = f"""const base = "{V3}";
function a() {{ return fetch(`${{base}}/avatars`); }}
function b(env) {{
  const base = env.url;
  return fetch(`${{base}}/status`);
}}
"""
    assert places(audit_text(js, "l.js")) == [(2, "unknown-endpoint")]
    shell = f"""#!/bin/bash
setup() {{
  API="{V3}"
}}
call() {{
  curl -s "$API/avatars"
}}
fetch() {{
  local API="$1"
  curl -s "$API/status"
}}
"""
    assert places(audit_text(shell, "g.sh")) == [(6, "unknown-endpoint")]


# -- b. local file paths ---------------------------------------------------------------------------

SHELL_LOCAL = f"""#!/bin/bash
ROOT="$(cd "$(dirname "$0")" && pwd)"
DIR="$ROOT/content/images"
OUT="$DIR/faceswap/out"
TMP=$(mktemp -d)
API="{V3}"
ls "$DIR/content/video" "$OUT/voice/list" "$HOME/content/cache" "$TMP/faceswap/result"
curl -s "$API/content/video/status?id=1"
"""

JS_LOCAL = f"""const path = require("path");
const BASE = "{V3}";
const data = path.join(__dirname, "data");
fs.readFileSync(`${{data}}/content/image/prompts`);
fs.writeFileSync(`${{__dirname}}/content/video/result`, "");
fetch(`${{BASE}}/content/image/createbyprompts`);
"""

PY_LOCAL = f"""import os, requests
API = "{V3}"
HERE = os.path.dirname(os.path.abspath(__file__))
open(f"{{HERE}}/faceswap/answers", "w")
def save(out_dir):
    open(f"{{out_dir}}/content/video/frames", "w")
    open(f"{{out_dir}}/content/video/last.mp4", "wb")
requests.get(f"{{API}}/faceswap/result/x")
"""


def test_a_local_folder_joined_to_a_path_is_no_akool_call() -> None:
    assert places(audit_text(SHELL_LOCAL, "r.sh")) == [(8, "unknown-endpoint")]
    assert places(audit_text(JS_LOCAL, "r.js")) == [(6, "unknown-endpoint")]
    assert places(audit_text(PY_LOCAL, "r.py")) == [(8, "unknown-endpoint")]


# -- c. one-segment paths on a base of AKOOL's domain ---------------------------------------------


def test_a_one_segment_path_on_an_akool_host_is_judged() -> None:
    text = """import requests
HOST = "https://api.akool.com"
class C:
    def __init__(self):
        self.host = "https://sg3.akool.com"
    def status(self):
        return requests.get(f"{self.host}/status")
def avatars():
    return requests.get(HOST + "/avatars")
def website():
    return requests.get(SITE + "/pricing")
SITE = "https://akool.com"
OTHER = "https://files.example.com"
requests.get(f"{OTHER}/videos")
"""
    assert places(audit_text(text, "o.py")) == [
        (2, "wrong-host"),
        (7, "unknown-endpoint"),
        (9, "unknown-endpoint"),
    ]


# -- d. a path default passed through an environment fallback ---------------------------------------

JS_ENV_OR = f"""const BASE = "https://openapi.akool.com";
const DEFAULT_PATH = "/api/open/v3{TALKING}";
function envOr(name, fallback) {{
  const v = process.env[name];
  return v ? v : fallback;
}}
const path = envOr("X_PATH", DEFAULT_PATH);
const info = envOr("INFO_PATH", "/api/open/v3{INFO}");
const guess = process.env.GUESS || "/api/open/v3/photo/talking";
fetch(`${{BASE}}${{path}}`, {{ method: "POST", body: JSON.stringify({{ talking_photo_url: "a", audio_url: "b", resolution: "720p" }}) }});
fetch(`${{BASE}}${{info}}`, {{ method: "POST" }});
fetch(BASE + guess, {{ method: "POST" }});
"""

PY_ENV_OR = f"""import os, requests
API = "{V3}"
def env_or(name, default):
    return os.environ.get(name) or default
def setting(key, otherwise):
    found = os.getenv(key)
    if found is None:
        return otherwise
    return found
image = env_or("IMG", "/content/image/createbyprompt")
status = os.getenv("STATUS", "/content/video/status")
info = setting("INFO", "{INFO}")
requests.post(f"{{API}}{{image}}", json={{"prompt": "p", "size": "1:1"}})
requests.get(API + status)
requests.post(f"{{API}}{{info}}", params={{"video_model_id": "x"}})
"""

SHELL_ENV = f"""#!/bin/bash
API="{V3}"
TALK="${{TALK:-{TALKING}}}"
LIST="${{LIST:-/language/lists}}"
curl -s -X POST "$API$TALK" -d '{{"talking_photo_url": "a", "audio_url": "b", "resolution": "720p"}}'
curl -s "${{API}}${{LIST}}"
"""


def test_a_path_default_through_an_environment_fallback_is_the_call() -> None:
    assert places(audit_text(JS_ENV_OR, "e.js")) == [
        (9, "undocumented-path"),
        (10, "bad-value"),
        (11, "wrong-method"),
    ]
    assert places(audit_text(PY_ENV_OR, "e.py")) == [
        (13, "misnamed-field"),
        (14, "unknown-endpoint"),
        (15, "wrong-method"),
    ]
    assert places(audit_text(SHELL_ENV, "e.sh")) == [(5, "bad-value"), (6, "unknown-endpoint")]


# -- e. a path constant given to a wrapper ---------------------------------------------------------

PY_CONSTANTS = f'''import requests
TALK = "{TALKING}"
INFO_PATH = "{INFO}"
GUESS = "/photo/talking"
class Akool:
    BASE = "{V3}"
    def _post(self, path, payload):
        return requests.post(self.BASE + path, json=payload).json()
    def talk(self):
        return self._post(TALK, {{"talking_photo_url": "a", "audio_url": "b", "resolution": "4k"}})
    def info(self, vid):
        return self._post(INFO_PATH, {{"video_model_id": vid}})
    def guess(self):
        return self._post(GUESS, {{"image_url": "a"}})
'''

TS_TABLE = """const BASE_URL = "https://openapi.akool.com/api/open/v4";
const ENDPOINTS = {
  clone: "/voice/clone",
  list: "/voice/lists",
};
async function request(path: string, body: object) {
  return fetch(`${BASE_URL}${path}`, { method: "POST", body: JSON.stringify(body) });
}
request(ENDPOINTS.clone, { source_voice_file: "u", voice_options: { style: 1 } });
request(ENDPOINTS.list, {});
"""


def test_a_path_constant_given_to_a_wrapper_is_the_call() -> None:
    assert places(audit_text(PY_CONSTANTS, "k.py")) == [
        (10, "bad-value"),
        (12, "wrong-method"),
        (14, "misnamed-field"),
        (14, "undocumented-path"),
    ]
    # the object that holds the paths is not the request's body; a wrong entry is reported
    # where it is written (the fix goes there), not where the table is read
    assert places(audit_text(TS_TABLE, "k.ts")) == [(4, "unknown-endpoint")]


# -- f. verb-named methods of a client class imported from the folder -----------------------------

CLIENT_PY = f'''import requests
class AkoolApi:
    def __init__(self, key, base="{V3}"):
        self.base = base
        self.s = requests.Session()
    def post(self, path, body):
        return self.s.post(self.base + path, json=body).json()
    def get(self, path, params=None):
        return self.s.get(f"{{self.base}}{{path}}", params=params).json()
'''

USER_PY = f"""import requests
from akool_api import AkoolApi
api = AkoolApi("k")
api.post("{TALKING}", {{"talking_photo_url": "a", "audio_url": "b", "resolution": "4k"}})
api.post("{INFO}", {{"video_model_id": "x"}})
api.get("/avatars")
requests.post("/content/video/whatever", json={{}})
"""

CLIENT_JS = f"""class AkoolClient {{
  constructor(key) {{ this.base = "{V3}"; this.key = key; }}
  async post(path, body) {{
    return axios.post(`${{this.base}}${{path}}`, body, {{ headers: {{ "x-api-key": this.key }} }});
  }}
}}
module.exports = {{ AkoolClient }};
"""

USER_JS = """const { AkoolClient } = require("./akool");
const axios = require("axios");
const client = new AkoolClient(process.env.KEY);
client.post("/content/video/status", {});
axios.post("/content/video/status", {});
"""


def test_a_verb_named_method_of_an_imported_client_class_is_followed(tmp_path: Path) -> None:
    (tmp_path / "akool_api.py").write_text(CLIENT_PY)
    (tmp_path / "batch.py").write_text(USER_PY)
    (tmp_path / "akool.js").write_text(CLIENT_JS)
    (tmp_path / "main.js").write_text(USER_JS)
    found = audit([tmp_path]).findings
    assert sorted((Path(f.file).name, f.line, f.rule) for f in found) == [
        ("batch.py", 4, "bad-value"),
        ("batch.py", 5, "wrong-method"),
        ("batch.py", 6, "unknown-endpoint"),
        ("main.js", 4, "unknown-endpoint"),
    ]
    # a file that does not import the class makes no object of it: its client.post is its own
    (tmp_path / "other.py").write_text('api = AkoolApi("k")\napi.post("/content/video/x", {})\n')
    assert [f for f in audit([tmp_path]).findings if f.file.endswith("other.py")] == []


def test_a_path_constant_imported_from_the_folder_is_followed(tmp_path: Path) -> None:
    (tmp_path / "endpoints.py").write_text(f'TALK = "{TALKING}"\nINFO = "{INFO}"\n')
    (tmp_path / "other.py").write_text('TALK = "/photo/talking"\n')  # not the module imported
    (tmp_path / "worker.py").write_text(
        f"""import requests
from endpoints import TALK, INFO
BASE = "{V3}"
def post(path, body):
    return requests.post(f"{{BASE}}{{path}}", json=body)
post(TALK, {{"talking_photo_url": "a", "audio_url": "b", "resolution": "720p"}})
post(INFO, {{"video_model_id": "x"}})
"""
    )
    found = audit([tmp_path]).findings
    assert sorted((Path(f.file).name, f.line, f.rule) for f in found) == [
        ("worker.py", 6, "bad-value"),
        ("worker.py", 7, "wrong-method"),
    ]
