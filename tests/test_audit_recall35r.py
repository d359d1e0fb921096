"""Session 35, recall35r: misses the blind testers found in real third-party code and new blind
files (/work/notes/break35/items, /work/notes/real35/items): a wrapper whose base another file
gives, an exported client object, ...: each shape in several languages, with a twin that stays
silent."""

from __future__ import annotations

from pathlib import Path

import pytest

from akool_cli.audit.scan import audit

B = "https://openapi.akool.com/api/open/v3"
SWAP = (
    '"/faceswap/highquality/specifyimage", {"sourceImage": [{"path": f, "opts": "1,2"}], '
    '"targetImage": [{"path": t, "opts": "1,2"}], "face_enhance": @V@, "modifyImage": i}'
)


def _scan(folder: Path, files: dict[str, str]) -> set[tuple[str, int, str]]:
    """The findings (file name, line, rule) of a folder holding `files` (name: text)."""
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text)
    return {(Path(f.file).name, f.line, f.rule) for f in audit([folder]).findings}


# -- miss-wrapper-across-files: the base in config, the wrapper in a second file, calls in a third -

JS_CONFIG = f'module.exports = {{\n  AKOOL_BASE: process.env.AKOOL_BASE || "{B}",\n}};\n'
JS_HELPER = (
    'const { AKOOL_BASE } = require("./config");\n'
    "async function akoolPost(path, body) {\n"
    "  const r = await fetch(AKOOL_BASE + path, {\n"
    '    method: "POST", headers: { "x-api-key": process.env.K }, body: JSON.stringify(body) });\n'
    "  return r.json();\n}\n"
    "module.exports = { akoolPost };\n"
)
TS_CONFIG = f'export const AKOOL_BASE = process.env.AKOOL_BASE ?? "{B}";\n'
TS_HELPER = (
    'import { AKOOL_BASE } from "../config";\n'
    "export async function akoolPost<T>(path: string, body: unknown): Promise<T> {\n"
    "  const r = await fetch(`${AKOOL_BASE}${path}`, {\n"
    '    method: "POST", headers: { "x-api-key": "k" }, body: JSON.stringify(body) });\n'
    "  return (await r.json()) as T;\n}\n"
)
PY_CONFIG = f'import os\n\nAKOOL_BASE = os.getenv("AKOOL_BASE", "{B}")\n'
PY_HELPER = (
    "import requests\nfrom config import AKOOL_BASE\n\n\n"
    "def akool_post(path, body):\n"
    '    return requests.post(f"{AKOOL_BASE}{path}", json=body, headers={"x-api-key": "k"}).json()\n'
)
PY_CLASS = (
    "import requests\nfrom config import AKOOL_BASE\n\n\n"
    "class Akool:\n"
    "    def __init__(self, base: str = AKOOL_BASE):\n"
    "        self.base = base\n\n"
    "    def post(self, path, body):\n"
    '        return requests.post(self.base + path, json=body, headers={"x-api-key": "k"}).json()\n'
)

ACROSS = {
    "js": {
        "config.js": JS_CONFIG,
        "akool.js": JS_HELPER,
        "routes.js": 'const { akoolPost } = require("./akool");\n'
        "async function swap(f, t, i) {\n  return akoolPost(" + SWAP + ");\n}\n",
    },
    "ts": {
        "config.ts": TS_CONFIG,
        "lib/akool.ts": TS_HELPER,
        "routes.ts": 'import { akoolPost } from "./lib/akool";\n'
        "export async function swap(f: string, t: string, i: string) {\n"
        "  return akoolPost(" + SWAP + ");\n}\n",
    },
    "py": {
        "config.py": PY_CONFIG,
        "akool.py": PY_HELPER,
        "jobs.py": "from akool import akool_post\n\n\ndef swap(f, t, i):\n    return akool_post("
        + SWAP
        + ")\n",
    },
    "py-class": {
        "config.py": PY_CONFIG,
        "client.py": PY_CLASS,
        "jobs.py": "from client import Akool\n\nak = Akool()\n\n\ndef swap(f, t, i):\n"
        "    return ak.post(" + SWAP + ")\n",
    },
}
CALLER = {"js": "routes.js", "ts": "routes.ts", "py": "jobs.py", "py-class": "jobs.py"}


@pytest.mark.parametrize("kind", sorted(ACROSS))
def test_a_wrapper_whose_base_another_file_gives_is_followed(tmp_path: Path, kind: str) -> None:
    caller = CALLER[kind]
    bad = {n: (t.replace("@V@", "3") if n == caller else t) for n, t in ACROSS[kind].items()}
    good = {n: (t.replace("@V@", "1") if n == caller else t) for n, t in ACROSS[kind].items()}
    found = _scan(tmp_path / "bad", bad)
    assert {(n, r) for n, _, r in found} == {(caller, "bad-value")}
    assert _scan(tmp_path / "good", good) == set()


# -- a client object another file makes and exports ---------------------------------------------

TS_CLASS = (
    'import { AKOOL_BASE } from "./config";\n'
    "class AkoolClient {\n"
    "  async post(path: string, body: unknown) {\n"
    "    const r = await fetch(AKOOL_BASE + path, {\n"
    '      method: "POST", headers: { "x-api-key": "k" }, body: JSON.stringify(body) });\n'
    "    return r.json();\n  }\n}\n"
)
PY_OBJECT = (
    "import requests\nfrom config import AKOOL_BASE\n\n\n"
    "class AkoolClient:\n"
    "    def post(self, path, body):\n"
    '        return requests.post(AKOOL_BASE + path, json=body, headers={"x-api-key": "k"}).json()\n'
    "\n\nakool = AkoolClient()\n"
)
TS_CALL = (
    "export async function swap(f: string, t: string, i: string) {\n  return akool.post("
    + SWAP
    + ");\n}\n"
)
EXPORTED = {
    "ts-named": {
        "config.ts": TS_CONFIG,
        "client.ts": TS_CLASS + "export const akool = new AkoolClient();\n",
        "routes.ts": 'import { akool } from "./client";\n' + TS_CALL,
    },
    "ts-default": {
        "config.ts": TS_CONFIG,
        "client.ts": TS_CLASS + "export default new AkoolClient();\n",
        "routes.ts": 'import akool from "./client";\n' + TS_CALL,
    },
    "js-default": {
        "config.ts": TS_CONFIG,
        "client.ts": TS_CLASS + "module.exports = new AkoolClient();\n",
        "routes.ts": 'const akool = require("./client");\n' + TS_CALL,
    },
    "py": {
        "config.py": PY_CONFIG,
        "client.py": PY_OBJECT,
        "tasks.py": "from client import akool\n\n\ndef swap(f, t, i):\n    return akool.post("
        + SWAP
        + ")\n",
    },
}


@pytest.mark.parametrize("kind", sorted(EXPORTED))
def test_a_client_object_another_file_exports_is_called(tmp_path: Path, kind: str) -> None:
    caller = next(n for n in EXPORTED[kind] if n.startswith(("routes", "tasks")))
    bad = {n: (t.replace("@V@", "3") if n == caller else t) for n, t in EXPORTED[kind].items()}
    good = {n: (t.replace("@V@", "1") if n == caller else t) for n, t in EXPORTED[kind].items()}
    assert {(n, r) for n, _, r in _scan(tmp_path / "bad", bad)} == {(caller, "bad-value")}
    assert _scan(tmp_path / "good", good) == set()


def test_an_object_of_the_same_name_from_another_module_is_not_akools(tmp_path: Path) -> None:
    files = dict(EXPORTED["ts-named"])
    files["other.ts"] = "export const akool = { post: async (p: string, b: unknown) => b };\n"
    files["routes.ts"] = 'import { akool } from "./other";\n' + TS_CALL
    files = {n: (t.replace("@V@", "3") if n == "routes.ts" else t) for n, t in files.items()}
    assert _scan(tmp_path, files) == set()


# -- miss-v3-clone-fields-on-v4-clone: a body all of whose keys are another version's -----------

TS_CLONE = (
    'const AKOOL = "https://openapi.akool.com/api/open";\n'
    "export async function akoolPost<T>(path: string, body: unknown): Promise<T> {\n"
    "  const r = await fetch(`${AKOOL}${path}`, {\n"
    '    method: "POST", headers: { "x-api-key": "k" }, body: JSON.stringify(body) });\n'
    "  return (await r.json()) as T;\n}\n"
    "export async function clone(text: string, voiceUrl: string) {\n"
    '  return akoolPost("/v4/voice/clone", {\n@BODY@  });\n}\n'
)
GO_CLONE = (
    'package akool\n\nimport (\n\t"bytes"\n\t"encoding/json"\n\t"net/http"\n)\n\n'
    'const base = "https://openapi.akool.com/api/open"\n\n'
    "func post(path string, body map[string]any) (*http.Response, error) {\n"
    "\tb, _ := json.Marshal(body)\n"
    '\treturn http.Post(base+path, "application/json", bytes.NewReader(b))\n}\n\n'
    "func Clone(text, voiceURL string) (*http.Response, error) {\n"
    '\treturn post("/v4/voice/clone", map[string]any{\n@BODY@\t})\n}\n'
)
CLONE_BODIES = {
    "clone.ts": (
        "    input_text: text,\n    voice_url: voiceUrl,\n    rate: 1,\n",
        '    source_voice_file: voiceUrl,\n    name: "mine",\n',
    ),
    "clone.go": (
        '\t\t"input_text": text,\n\t\t"voice_url":  voiceURL,\n\t\t"rate": "100%",\n',
        '\t\t"source_voice_file": voiceURL,\n\t\t"name": "mine",\n',
    ),
}


@pytest.mark.parametrize("name", sorted(CLONE_BODIES))
def test_a_v3_body_sent_to_the_v4_endpoint_is_judged(tmp_path: Path, name: str) -> None:
    template = TS_CLONE if name.endswith(".ts") else GO_CLONE
    wrong, right = CLONE_BODIES[name]
    found = _scan(tmp_path / "bad", {name: template.replace("@BODY@", wrong)})
    assert {(line, rule) for _, line, rule in found if rule == "unknown-field"} == {
        (9, "unknown-field") if name.endswith(".ts") else (18, "unknown-field"),
        (10, "unknown-field") if name.endswith(".ts") else (19, "unknown-field"),
        (11, "unknown-field") if name.endswith(".ts") else (20, "unknown-field"),
    }
    assert _scan(tmp_path / "good", {name: template.replace("@BODY@", right)}) == set()


# -- miss-second-read-same-object: getToken's answer has no data, whatever is read under it ------

TOKEN_PY = (
    "import requests\n\n\ndef login(cid, secret):\n"
    '    data = requests.post("https://openapi.akool.com/api/open/v3/getToken",\n'
    '                         json={"clientId": cid, "clientSecret": secret}).json()\n'
    "    return @READ@\n"
)
TOKEN_JS = (
    "async function login(clientId, clientSecret) {\n"
    '  const r = await fetch("https://openapi.akool.com/api/open/v3/getToken", {\n'
    '    method: "POST", body: JSON.stringify({ clientId, clientSecret }) });\n'
    "  const data = await r.json();\n  return @READ@;\n}\n"
)


@pytest.mark.parametrize(
    ("name", "template", "read", "line"),
    [
        ("a.py", TOKEN_PY, 'data["data"].get("expire")', 7),
        ("b.py", TOKEN_PY, 'data["data"]["expire"]', 7),
        ("c.js", TOKEN_JS, "data.data.expire", 5),
    ],
)
def test_a_read_under_getTokens_missing_data_is_reported(
    tmp_path: Path, name: str, template: str, read: str, line: int
) -> None:
    found = _scan(tmp_path, {name: template.replace("@READ@", read)})
    assert (name, line, "response-field") in found


@pytest.mark.parametrize("read", ['data["token"]', 'data.get("token")'])
def test_getTokens_top_level_token_stays_silent(tmp_path: Path, read: str) -> None:
    found = _scan(tmp_path, {"a.py": TOKEN_PY.replace("@READ@", read)})
    assert {r for _, _, r in found} <= {"legacy-token-flow"}


# -- miss-string-compare-of-enum-answer: a results item taken by index, compared with a word -----

ITEM_PY = (
    'import requests\n\nH = {"x-api-key": "k"}\n\n\ndef state(vid):\n'
    '    u = "https://openapi.akool.com/api/open/v3/faceswap/result/listbyids"\n'
    '    item = requests.get(u, params={"_ids": vid}, headers=H).json()["data"]["result"][0]\n'
    '    return item["url"] if item["faceswap_status"] == @V@ else None\n'
)
ITEM_RB = (
    'require "net/http"\nrequire "json"\n\ndef state(key, id)\n'
    '  uri = URI("https://openapi.akool.com/api/open/v3/faceswap/result/listbyids?_ids=#{id}")\n'
    '  res = Net::HTTP.get_response(uri, "x-api-key" => key)\n'
    '  item = JSON.parse(res.body)["data"]["result"].first\n'
    '  item["faceswap_status"] == @V@ ? item["url"] : nil\nend\n'
)


@pytest.mark.parametrize(("name", "template", "line"), [("s.py", ITEM_PY, 9), ("s.rb", ITEM_RB, 8)])
def test_a_word_compared_with_an_items_numeric_status_is_judged(
    tmp_path: Path, name: str, template: str, line: int
) -> None:
    found = _scan(tmp_path / "bad", {name: template.replace("@V@", '"Success"')})
    assert (name, line, "status-value") in found
    assert _scan(tmp_path / "good", {name: template.replace("@V@", "3")}) == set()


# -- miss-body-var-through-fetch-wrapper: the script's own fetch(url, init) wrapper -------------

FETCH_WRAPPED = (
    'const API_BASE = "https://openapi.akool.com/api/open/v3";\n'
    "async function @NAME@(\n  url: string,\n  init: RequestInit\n): Promise<Response> {\n"
    "  let last: Error | null = null;\n"
    "  for (let attempt = 0; attempt < 3; attempt++) {\n"
    "    try {\n      return await fetch(url, init);\n    } catch (err) {\n"
    "      last = err as Error;\n    }\n  }\n  throw last;\n}\n"
    "export async function swap(src: string, target?: string) {\n"
    "  const body: Record<string, unknown> = {\n@FIELDS@  };\n"
    "  if (target) {\n    body.@EXTRA@ = target;\n  }\n"
    "  const res = await @NAME@(`${API_BASE}/faceswap/highquality/specifyvideo`, {\n"
    '    method: "POST",\n    headers: { "x-api-key": "k" },\n    body: JSON.stringify(body),\n  });\n'
    "  return (await res.json()).data?._id;\n}\n"
)


@pytest.mark.parametrize("name", ["fetchWithRetry", "safeFetch"])
def test_a_body_through_the_scripts_fetch_wrapper_is_judged(tmp_path: Path, name: str) -> None:
    bad = FETCH_WRAPPED.replace("@NAME@", name).replace("@EXTRA@", "targetUrl")
    bad = bad.replace("@FIELDS@", '    sourceUrl: src,\n    clientId: "x",\n')
    found = _scan(tmp_path / "bad", {"p.ts": bad})
    assert {(line, rule) for _, line, rule in found if rule == "unknown-field"} == {
        (18, "unknown-field"),
        (19, "unknown-field"),
        (22, "unknown-field"),
    }
    good = FETCH_WRAPPED.replace("@NAME@", name).replace("@EXTRA@", "webhookUrl")
    good = good.replace(
        "@FIELDS@",
        '    sourceImage: [{ path: src, opts: "1,2" }],\n'
        '    targetImage: [{ path: src, opts: "1,2" }],\n    modifyVideo: src,\n',
    )
    assert _scan(tmp_path / "good", {"p.ts": good}) == set()


def test_a_wrapper_that_sets_the_inits_body_is_not_fetch(tmp_path: Path) -> None:
    text = FETCH_WRAPPED.replace("@NAME@", "signed").replace("@EXTRA@", "targetUrl")
    text = text.replace("@FIELDS@", '    sourceUrl: src,\n    clientId: "x",\n')
    text = text.replace(
        "      return await fetch(url, init);",
        "      init.body = sign(init.body);\n      return await fetch(url, init);",
    )
    assert _scan(tmp_path, {"p.ts": text}) == set()


# -- miss-fallback-path-argument: a wrapper's later path argument on a line of its own ----------

FALLBACK_PY = (
    'import requests\n\nAKOOL = "https://openapi.akool.com/api/open"\n\n\n'
    "def akool_post(path, body):\n"
    '    return requests.post(AKOOL + path, json=body, headers={"x-api-key": "k"}).json()\n\n\n'
    "def create_job(path, body, fallback_path=None):\n"
    "    try:\n        return akool_post(path, body)\n    except Exception:\n"
    "        return akool_post(fallback_path, body)\n\n\n"
    "def t2v(prompt):\n    return create_job(\n"
    '        "/v4/text2Video/createByPrompt/batch",\n        {"prompt": prompt},\n'
    '        "@FALLBACK@",\n    )\n'
)
FALLBACK_TS = {
    "lib/akool.ts": (
        'const AKOOL = "https://openapi.akool.com/api/open";\n'
        "export async function akoolPost<T>(path: string, body: unknown): Promise<T> {\n"
        "  const r = await fetch(`${AKOOL}${path}`, {\n"
        '    method: "POST", headers: { "x-api-key": "k" }, body: JSON.stringify(body) });\n'
        "  return (await r.json()) as T;\n}\n"
        "export async function createAkoolJob(path: string, body: unknown, fallbackPath?: string) {\n"
        "  try {\n    return await akoolPost<{ data: { _id: string } }>(path, body);\n"
        "  } catch (e) {\n    if (!fallbackPath) throw e;\n"
        "    return await akoolPost<{ data: { _id: string } }>(fallbackPath, body);\n  }\n}\n"
    ),
    "app/route.ts": (
        'import { createAkoolJob } from "../lib/akool";\n'
        "export async function POST(prompt: string) {\n  return createAkoolJob(\n"
        '    "/v4/text2Video/createByPrompt/batch",\n    { prompt },\n    "@FALLBACK@"\n  );\n}\n'
    ),
}


def test_a_later_path_argument_on_its_own_line_is_judged(tmp_path: Path) -> None:
    bad = "/v4/text2Video/createBySourcePrompt"
    good = "/v4/text2Video/createByPrompt/batch"
    found = _scan(tmp_path / "py", {"j.py": FALLBACK_PY.replace("@FALLBACK@", bad)})
    assert found == {("j.py", 21, "unknown-endpoint")}
    assert _scan(tmp_path / "py2", {"j.py": FALLBACK_PY.replace("@FALLBACK@", good)}) == set()
    files = {n: t.replace("@FALLBACK@", bad) for n, t in FALLBACK_TS.items()}
    assert _scan(tmp_path / "ts", files) == {("route.ts", 6, "unknown-endpoint")}
    files = {n: t.replace("@FALLBACK@", good) for n, t in FALLBACK_TS.items()}
    assert _scan(tmp_path / "ts2", files) == set()


# -- miss-endpoints-dict-session-request: a status read on a chain of locals from the answer -----

CHAIN_PY = (
    "import time\nfrom urllib.parse import urljoin\n\nimport requests\n\n\n"
    "class AkoolClient:\n"
    '    BASE_URL = "https://openapi.akool.com"\n'
    "    ENDPOINTS = {\n"
    '        "image_faceswap": "/api/open/v3/faceswap/highquality/specifyimage",\n'
    '        "get_result": "/api/open/v3/faceswap/result/listbyids",\n'
    "    }\n"
    "    STATUS_SUCCESS = @OK@\n\n"
    "    def __init__(self, key):\n"
    "        self.session = requests.Session()\n"
    '        self.session.headers.update({"x-api-key": key})\n\n'
    "    def _request(self, method, endpoint, **kwargs):\n"
    "        url = urljoin(self.BASE_URL, endpoint)\n"
    "        return self.session.request(method, url, **kwargs).json()\n\n"
    "    def get_result(self, job_id):\n"
    '        return self._request("GET", self.ENDPOINTS["get_result"], params={"_ids": job_id})\n\n'
    "    def wait(self, job_id):\n"
    "        while True:\n"
    "            result = @SOURCE@\n"
    '            result_data = result.get("data", {})\n'
    "            if isinstance(result_data, dict):\n"
    '                result_list = result_data.get("result", [])\n'
    "            else:\n"
    "                result_list = result_data if isinstance(result_data, list) else []\n"
    "            item = result_list[0] if isinstance(result_list, list) else result_list\n"
    '            status = item.get("faceswap_status", 1)\n'
    "            if status == self.STATUS_SUCCESS:\n"
    '                return item.get("url")\n'
    "            time.sleep(5)\n"
)


def test_a_status_read_through_a_chain_of_locals_is_judged(tmp_path: Path) -> None:
    bad = CHAIN_PY.replace("@OK@", "2").replace("@SOURCE@", "self.get_result(job_id)")
    assert ("c.py", 36, "status-value") in _scan(tmp_path / "bad", {"c.py": bad})
    good = CHAIN_PY.replace("@OK@", "3").replace("@SOURCE@", "self.get_result(job_id)")
    assert _scan(tmp_path / "good", {"c.py": good}) == set()


def test_a_chain_from_the_apps_own_store_stays_silent(tmp_path: Path) -> None:
    own = CHAIN_PY.replace("@OK@", "2").replace("@SOURCE@", "self.cache.load(job_id)")
    assert _scan(tmp_path, {"c.py": own}) == set()


CHAIN_JS = (
    'const BASE = "https://openapi.akool.com/api/open/v3";\n'
    "async function getResult(id) {\n"
    "  const r = await fetch(`${BASE}/faceswap/result/listbyids?_ids=${id}`, {\n"
    '    headers: { "x-api-key": process.env.K } });\n  return r.json();\n}\n'
    "async function wait(id) {\n  for (;;) {\n"
    "    const result = await getResult(id);\n"
    "    const resultData = result.data || {};\n"
    "    const list = resultData.result;\n"
    "    const item = Array.isArray(list) ? list[0] : list;\n"
    "    const status = item.faceswap_status;\n"
    "    if (status === @OK@) return item.url;\n  }\n}\n"
)


def test_a_status_read_through_a_chain_of_js_locals_is_judged(tmp_path: Path) -> None:
    found = _scan(tmp_path / "bad", {"w.js": CHAIN_JS.replace("@OK@", "2")})
    assert ("w.js", 14, "status-value") in found
    assert _scan(tmp_path / "good", {"w.js": CHAIN_JS.replace("@OK@", "3")}) == set()


# -- miss-string-compare-of-enum-answer: a worded answer field compared with another word -------

INFO = "https://openapi.akool.com/api/open/v3/content/analysis/infobyid"
WORDED = {
    "m.py": (
        "import requests\n\n\ndef verdict(aid):\n"
        f'    d = requests.get("{INFO}", params={{"_id": aid}}, headers={{"x-api-key": "k"}}).json()["data"]\n'
        '    return d["final_conclusion"] == "@W@"\n'
    ),
    "m.js": (
        "async function verdict(id) {\n"
        f"  const r = await fetch(`{INFO}?_id=${{id}}`, {{ headers: {{ 'x-api-key': 'k' }} }});\n"
        "  const d = (await r.json()).data;\n  return d.final_conclusion === '@W@';\n}\n"
    ),
    "m.rb": (
        'require "net/http"\nrequire "json"\n\ndef verdict(key, id)\n'
        f'  res = Net::HTTP.get_response(URI("{INFO}?_id=#{{id}}"), "x-api-key" => key)\n'
        '  JSON.parse(res.body).dig("data", "final_conclusion") == "@W@"\nend\n'
    ),
}
WORDED_LINE = {"m.py": 6, "m.js": 4, "m.rb": 6}


@pytest.mark.parametrize("name", sorted(WORDED))
def test_a_worded_answer_field_compared_with_another_word_is_judged(
    tmp_path: Path, name: str
) -> None:
    found = _scan(tmp_path / "bad", {name: WORDED[name].replace("@W@", "Rejected")})
    assert found == {(name, WORDED_LINE[name], "status-value")}
    good = WORDED[name].replace("@W@", "Non-Compliant")
    assert _scan(tmp_path / "good", {name: good}) == set()


def test_a_worded_field_of_a_file_that_calls_no_moderation_stays_silent(tmp_path: Path) -> None:
    own = 'def verdict(row):\n    return row["final_conclusion"] == "Rejected"\n'
    assert _scan(tmp_path, {"own.py": own}) == set()
