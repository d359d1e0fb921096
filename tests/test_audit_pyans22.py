"""Issue 22, pyans22: answer reads in Python beyond a one-line `requests` call + `.json()`
(heldout21j M1, M8, M9): urllib's `with urlopen(req) as resp:` after the Request, aiohttp's
`async with session.get(\\n ...) as resp:` over lines, `.get("data").get("result")[0].get("x")`
chains, helpers returning a tuple, and what is no answer read at all (`python3 -m json.tool`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from akool_cli.audit.scan import Finding, audit, audit_text

V3 = "https://openapi.akool.com/api/open/v3"
DETECT = "https://openapi.akool.com/interface/detect-api/detect_faces"


def answer_places(findings: list[Finding]) -> list[tuple[int, str, str]]:
    rules = ("response-field", "answer-field", "list-answer")
    return sorted((f.line, f.rule, f.found) for f in findings if f.rule in rules)


# -- M1 (a): urllib's Request, then `with urlopen(req) as resp:` on a later line ---------------------

URLLIB = (
    "import json\n"
    "import urllib.request\n"
    f'API = "{V3}"\n'
    "def poll(video_id):\n"
    "    req = urllib.request.Request(\n"
    '        f"{API}/content/video/infobymodelid?video_model_id={video_id}",\n'
    '        headers={"Authorization": "Bearer x"},\n'
    "    )\n"
    "    with urllib.request.urlopen(req, timeout=30) as resp:\n"
    "        result = json.loads(PARSE)\n"
    "    if result['data']['video_status'] == 3:\n"
    "        return result['data']['result_url']\n"
)


@pytest.mark.parametrize("parse", ["resp.read()", 'resp.read().decode("utf-8")'])
def test_m1a_a_with_statement_given_the_request_holds_its_answer(parse: str) -> None:
    got = answer_places(audit_text(URLLIB.replace("PARSE", parse), "poll.py"))
    assert got == [(12, "response-field", "result_url")]


def test_m1a_a_with_statement_over_another_value_ends_the_tie() -> None:
    text = URLLIB.replace("urlopen(req, timeout=30)", "urlopen(other)").replace(
        "PARSE", "resp.read()"
    )
    assert answer_places(audit_text(text, "poll.py")) == []


# -- M1 (b): aiohttp's `async with session.get(` whose `as resp:` ends a later line ------------------

AIOHTTP = (
    "import aiohttp\n"
    "class Akool:\n"
    f'    BASE_URL = "{V3}"\n'
    "    async def status(self, video_id):\n"
    "        async with aiohttp.ClientSession() as session:\n"
    "            async with session.get(\n"
    '                f"{self.BASE_URL}/content/video/infobymodelid?video_model_id={video_id}",\n'
    '                headers={"Authorization": "Bearer x"},\n'
    "            ) as resp:\n"
    "                result = await resp.json()\n"
    '                d = result.get("data", {})\n'
    '                return d.get("video_status"), d.get("output_url")\n'
)


def test_m1b_an_async_with_over_several_lines_binds_its_answer() -> None:
    got = answer_places(audit_text(AIOHTTP, "akool.py"))
    assert got == [(12, "response-field", "output_url")]


# -- M1 (c): `.get("data").get("result")[0].get("x")` on what a class's helper returns ---------------

HELPER = (
    "import requests\n"
    "class AkoolClient:\n"
    f'    BASE = "{V3}"\n'
    "    def _get(self, path, **params):\n"
    "        resp = requests.get(self.BASE + path, params=params)\n"
    "        return resp.json()\n"
    "    def result(self, job_id):\n"
    '        ans = self._get("/faceswap/result/listbyids", _ids=job_id)\n'
    "        return READ\n"
)


@pytest.mark.parametrize(
    "read",
    [
        'ans.get("data").get("result")[0].get("result_link") or ans.get("url")',
        'ans.get("data", {}).get("result", [])[0]["result_link"]',
        'ans["data"]["result"][0].get("result_link")',
    ],
)
def test_m1c_an_item_read_through_get_calls_is_judged(read: str) -> None:
    got = answer_places(audit_text(HELPER.replace("READ", read), "client.py"))
    assert got == [(9, "answer-field", "result_link")]


def test_m1c_a_documented_item_read_through_get_calls_is_silent() -> None:
    read = 'ans.get("data").get("result")[0].get("url") or ans.get("url")'
    assert answer_places(audit_text(HELPER.replace("READ", read), "client.py")) == []


# -- 2: a helper returning a tuple, one element of it the parsed answer ------------------------------

TUPLE_PY = (
    "import requests\n"
    f'BASE = "{V3}"\n'
    "def get(path, params=None):\n"
    "    resp = requests.get(BASE + path, params=params)\n"
    "    RETURN\n"
    "def poll(vid):\n"
    '    UNPACK = get("/content/video/infobymodelid", {"video_model_id": vid})\n'
    '    if code == 200 and ans.get("success"):\n'
    '        return ans["data"]["video_status"], ans.get("message")\n'
)


@pytest.mark.parametrize(
    ("returned", "unpack"),
    [
        ("return resp.status_code, resp.json()", "code, ans"),
        ("return (resp.status_code, resp.json())", "code, ans"),
        ("return resp.json(), resp.status_code", "ans, code"),
        ("body = resp.json()\n    return body, resp.status_code", "ans, code"),
    ],
)
def test_2_the_element_of_a_returned_tuple_that_is_the_answer_is_read_as_it(
    returned: str, unpack: str
) -> None:
    text = TUPLE_PY.replace("RETURN", returned).replace("UNPACK", unpack)
    got = answer_places(audit_text(text, "poll.py"))
    line = 9 + returned.count("\n")
    assert got == [(line - 1, "response-field", "success"), (line, "answer-field", "message")]


def test_2_the_other_elements_of_the_tuple_hold_no_answer() -> None:
    text = TUPLE_PY.replace("RETURN", "return resp.json(), resp.headers")
    text = text.replace("UNPACK", "ans, code").replace(
        '    if code == 200 and ans.get("success"):\n',
        '    if code.get("x-request-id") or code["retry_after"]:\n',
    )
    assert answer_places(audit_text(text, "poll.py")) == [(9, "answer-field", "message")]


def test_2_a_tuple_returned_by_a_function_of_another_file(tmp_path: Path) -> None:
    (tmp_path / "client.py").write_text(
        "import requests\n"
        f'BASE = "{V3}"\n'
        "def video_status(vid):\n"
        '    r = requests.get(f"{BASE}/content/video/infobymodelid", params={"video_model_id": vid})\n'
        "    return r.status_code, r.json()\n"
    )
    (tmp_path / "main.py").write_text(
        "from client import video_status\n"
        "def wait(vid):\n"
        "    code, body = video_status(vid)\n"
        '    if code == 200 and body.get("success"):\n'
        '        return body["data"]["video_status"], code.get("x-request-id")\n'
    )
    got = answer_places(audit([tmp_path]).findings)
    assert got == [(4, "response-field", "success")]


TUPLE_JS = (
    f'const BASE = "{V3}";\n'
    "async function get(path) {\n"
    "  const res = await fetch(BASE + path);\n"
    "  return [res.status, await res.json()];\n"
    "}\n"
    "async function poll(id) {\n"
    "  const [status, json] = await get(`/content/video/infobymodelid?video_model_id=${id}`);\n"
    "  if (status === 200 && json.success) return json.data.video_url_hd;\n"
    "}\n"
)


def test_2_an_array_pattern_unpacking_such_a_helpers_answer_is_followed() -> None:
    got = answer_places(audit_text(TUPLE_JS, "poll.js"))
    assert got == [(8, "answer-field", "video_url_hd"), (8, "response-field", "success")]


# -- 2: Python's json module run as a tool after a pipe is no answer field ----------------------------


@pytest.mark.parametrize("tool", ["python3 -m json.tool", "python -mjson.tool --indent 2"])
def test_2_json_tool_after_a_pipe_is_no_answer_read(tool: str) -> None:
    text = (
        "#!/bin/sh\n"
        f'curl -s -H "Authorization: Bearer $T" "{V3}/faceswap/quota/info" | {tool}\n'
        f'RESP=$(curl -s "{V3}/content/video/infobymodelid?video_model_id=$ID")\n'
        f'echo "$RESP" | {tool}\n'
    )
    assert answer_places(audit_text(text, "quota.sh")) == []


# -- M8: a field the docs give deeper in the answer, read at its top --------------------------------

DETECT_TS = (
    'const BASE = "https://openapi.akool.com";\n'
    "async function postJson(path: string, body: unknown) {\n"
    "  const res = await fetch(`${BASE}${path}`, { method: 'POST', body: JSON.stringify(body) });\n"
    "  const data = await res.json();\n"
    "  return { ok: res.ok, data };\n"
    "}\n"
    "export async function detect(url: string) {\n"
    '  const { ok, data } = await postJson("/interface/detect-api/detect_faces", { url });\n'
    "  if (!ok || data.error_code !== 0) throw new Error(data.error_msg);\n"
    "  if (!Array.isArray(data.face_urls)) return [];\n"
    "  return data.faces_obj;\n"
    "}\n"
)
DETECT_PY = (
    "import requests\n"
    f'r = requests.post("{DETECT}", json={{"url": "u", "return_face_url": True}})\n'
    "ans = r.json()\n"
    'frames = ans["faces_obj"]\n'
    'urls = ans.get("face_urls") or []\n'
)


@pytest.mark.parametrize(
    ("text", "name", "line"), [(DETECT_TS, "d.ts", 10), (DETECT_PY, "d.py", 5)]
)
def test_m8_a_url_list_the_docs_give_per_frame_read_at_the_top_is_an_error(
    text: str, name: str, line: int
) -> None:
    got = answer_places(audit_text(text, name))
    assert got == [(line, "response-field", "face_urls")]


def test_m8_array_is_array_of_a_field_is_no_use_of_the_answer_as_a_list() -> None:
    text = DETECT_TS.replace("data.face_urls", "data.faces_obj")
    assert answer_places(audit_text(text, "d.ts")) == []


# -- M9: an item taken by its index, the first member of a fallback chain -------------------------------

ITEM_JS = (
    f'const BASE = "{V3}";\n'
    "async function result(id) {\n"
    "  const res = await fetch(`${BASE}/faceswap/result/listbyids?_ids=${id}`);\n"
    "  const ans = await res.json();\n"
    "  const item = PICK;\n"
    "  return [item.output_link, item.url];\n"
    "}\n"
)


@pytest.mark.parametrize(
    "pick",
    [
        "ans.data.result[0] || ans.data[0] || ans.result",
        "ans.data.result[0] ?? {}",
        "ans?.data?.result?.[0]",
        "ans.data.result.at(-1)",
    ],
)
def test_m9_fields_of_an_item_taken_by_its_index_are_the_lists_items(pick: str) -> None:
    got = answer_places(audit_text(ITEM_JS.replace("PICK", pick), "r.js"))
    assert [(line, found) for line, _, found in got] == [(6, "output_link")]


def test_m9_a_name_bound_again_holds_no_item() -> None:
    text = ITEM_JS.replace("PICK", "ans.data.result[0]").replace(
        "  return [item", "  item = other();\n  return [item"
    )
    assert answer_places(audit_text(text, "r.js")) == []


# -- M1 (c): a class's helper joining a path from a class-level table of endpoints ---------------------

TABLE = (
    "from urllib.parse import urljoin\n"
    "import requests\n"
    "class AkoolClient:\n"
    '    BASE = "https://openapi.akool.com"\n'
    "    ENDPOINTS = {\n"
    '        "swap": "/api/open/v3/faceswap/highquality/specifyimage",\n'
    '        "result": "/api/open/v3/faceswap/result/listbyids",\n'
    "    }\n"
    "    def _request(self, method, name, **kwargs):\n"
    "        url = urljoin(self.BASE, LOOKUP)\n"
    "        resp = requests.request(method, url, **kwargs)\n"
    "        resp.raise_for_status()\n"
    "        return resp.json()\n"
    "    def result(self, job_id):\n"
    '        ans = self._request("GET", GIVEN, params={"_ids": job_id})\n'
    '        return ans.get("data").get("result")[0].get("result_link") or ans.get("url")\n'
)


@pytest.mark.parametrize(
    ("lookup", "given"),
    [
        ("self.ENDPOINTS[name]", '"result"'),
        ("self.ENDPOINTS.get(name)", '"result"'),
        ("name", 'self.ENDPOINTS["result"]'),
    ],
)
def test_m1c_a_helper_given_an_entry_of_a_table_of_endpoints_gives_its_answer(
    lookup: str, given: str
) -> None:
    text = TABLE.replace("LOOKUP", lookup).replace("GIVEN", given)
    got = answer_places(audit_text(text, "client.py"))
    assert got == [(16, "answer-field", "result_link")]


def test_m1c_another_entrys_key_is_not_that_entrys_answer() -> None:
    text = TABLE.replace("LOOKUP", "self.ENDPOINTS[name]").replace("GIVEN", '"swap"')
    found = [f for f in audit_text(text, "client.py") if f.found == "result_link"]
    assert found == []  # (specifyimage's answer has no list of results: no item read)


# -- a helper sending its `**params` as the query: its caller's keywords are that query -----------------

KWARGS = (
    "import requests\n"
    f'BASE = "{V3}"\n'
    "def get(path, **params):\n"
    "    return requests.get(BASE + path, params=params).json()\n"
    "def poll(vid):\n"
    '    return get("/content/video/infobymodelid", video_model_id=vid)\n'
)


def test_a_helpers_keyword_query_is_no_missing_field() -> None:
    found = [f.rule for f in audit_text(KWARGS, "poll.py")]
    assert "missing-query-field" not in found and "missing-field" not in found


# -- names derived from the parsed answer: its data, a list in it, an item of that list ---------------

DERIVED = (
    "import requests\n"
    f'BASE = "{V3}"\n'
    "def check(ids):\n"
    '    r = requests.get(f"{BASE}/faceswap/result/listbyids", params={"_ids": ids})\n'
    "    result = r.json()\n"
    '    d = result.get("data", {})\n'
    '    items = d.get("result", [])\n'
    "    first = items[0] if items else {}\n"
    '    return first.get("output_a"), items[0].get("output_b"), first.get("url")\n'
)


def test_a_list_held_in_a_name_and_its_item_are_followed_without_a_loop() -> None:
    got = answer_places(audit_text(DERIVED, "check.py"))
    assert [(line, found) for line, _, found in got] == [(9, "output_a"), (9, "output_b")]


# -- break21e: fields the script writes into the answer, and answers whose keys it renames ------------

WRITES_JS = (
    f'const BASE = "{V3}";\n'
    "async function info(id) {\n"
    "  const j = await (await fetch(`${BASE}/content/video/infobymodelid?video_model_id=${id}`)).json();\n"
    "  j.data.status = j.data.video_status;\n"
    "  j.data.url ??= j.data.video;\n"
    "  return { status: j.data.status, url: j.data.url, bad: j.data.video_link };\n"
    "}\n"
)
WRITES_PY = (
    "import requests\n"
    f'BASE = "{V3}"\n'
    "def info(i):\n"
    '    j = requests.get(f"{BASE}/content/video/infobymodelid", params={"video_model_id": i}).json()\n'
    '    j["data"]["status"] = j["data"]["video_status"]\n'
    '    j["data"].setdefault("url", j["data"].get("video"))\n'
    '    return j["data"]["status"], j["data"]["url"], j["data"]["video_link"]\n'
)


@pytest.mark.parametrize(("text", "name", "line"), [(WRITES_JS, "n.js", 6), (WRITES_PY, "n.py", 7)])
def test_fields_the_script_writes_into_the_answer_are_no_reads(
    text: str, name: str, line: int
) -> None:
    got = answer_places(audit_text(text, name))
    assert got == [(line, "answer-field", "video_link")]  # (the one field it reads unset)


CAMEL_TS = (
    'import camelcaseKeys from "camelcase-keys";\n'
    f'const AK = "{V3}";\n'
    "export async function a(id: string) {\n"
    "  const res = await fetch(`${AK}/content/video/infobymodelid?video_model_id=${id}`);\n"
    "  const json = camelcaseKeys(await res.json(), { deep: true });\n"
    "  return json.data.videoStatus;\n"
    "}\n"
    "export async function b(id: string) {\n"
    "  const res = await fetch(`${AK}/content/video/infobymodelid?video_model_id=${id}`);\n"
    "  let json = await res.json();\n"
    "  json = camelcaseKeys(json, { deep: true });\n"
    "  return json.data.videoStatus;\n"
    "}\n"
)
CAMEL_PY = (
    "import humps, requests\n"
    f'AK = "{V3}"\n'
    "def a(i):\n"
    '    j = humps.camelize(requests.get(f"{AK}/content/video/infobymodelid", params={"video_model_id": i}).json())\n'
    '    return j["data"]["videoStatus"]\n'
    "def b(i):\n"
    '    j = requests.get(f"{AK}/content/video/infobymodelid", params={"video_model_id": i}).json()\n'
    "    j = humps.camelize(j)\n"
    '    return j["data"]["videoStatus"]\n'
)
CAMEL_AXIOS = (
    'import axios from "axios";\n'
    'import camelcaseKeys from "camelcase-keys";\n'
    f'const api = axios.create({{ baseURL: "{V3}" }});\n'
    "api.interceptors.response.use((r) => camelcaseKeys(r.data, { deep: true }));\n"
    "export async function a(id: string) {\n"
    "  const res: any = await api.get(`/content/video/infobymodelid?video_model_id=${id}`);\n"
    "  return res.data.videoStatus;\n"
    "}\n"
)


@pytest.mark.parametrize(
    ("text", "name"), [(CAMEL_TS, "cc.ts"), (CAMEL_PY, "hz.py"), (CAMEL_AXIOS, "ax.ts")]
)
def test_an_answer_whose_keys_a_converter_renamed_is_no_longer_akools(text: str, name: str) -> None:
    assert answer_places(audit_text(text, name)) == []


def test_aiohttps_json_with_keywords_is_a_parse() -> None:
    text = (
        f'BASE = "{V3}"\n'
        "async def status(session, vid):\n"
        '    async with session.get(f"{BASE}/content/video/infobymodelid", params={"video_model_id": vid}) as resp:\n'
        "        result = await resp.json(content_type=None)\n"
        '    if not result.get("success"):\n'
        '        raise RuntimeError(result.get("msg"))\n'
    )
    assert answer_places(audit_text(text, "s.py")) == [(5, "response-field", "success")]
