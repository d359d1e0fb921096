"""A fifth break-it run of `akool audit` (issue 21, measured on real third-party code), each shape
pinned with scripts written here: string contents are never keys, a URL that paths are joined to is
a base, shell functions scope their responses, nested and array-typed request fields, every
documented answer field, answers read through a Promise wrapper, and array-typed answers."""

from __future__ import annotations

import pytest

from akool_cli.audit.scan import Finding, audit_text

V3 = "https://openapi.akool.com/api/open/v3"
V4 = "https://openapi.akool.com/api/open/v4"
TALKING = "/content/video/createbytalkingphoto"


def places(findings: list[Finding]) -> list[tuple[int, str, str]]:
    return [(f.line, f.rule, f.found) for f in findings]


# -- 1. the words of a string are never a body's keys ---------------------------------------------


@pytest.mark.parametrize(
    "prompt",
    [
        "`Answer with: short sentences.\nKeep the order: of the steps,\nformat: plain text`",
        "`You are helpful.\n  order: newest first\n  with: ${tone} and care`",
        '"Answer with: care, order: by date"',
        "'Reply in format: json, order: asc'",
    ],
)
def test_a_prompt_strings_words_are_not_body_keys(prompt: str) -> None:
    text = (
        f'const BASE = "{V4}";\n'
        "export async function kb(name) {\n"
        "  return axios.post(`${BASE}/knowledge/create`, {\n"
        "    name,\n"
        f"    prompt: {prompt},\n"
        "    colour: 'x',\n"
        "  });\n"
        "}\n"
    )
    found = [f for f in places(audit_text(text, "kb.ts")) if f[1] == "unknown-field"]
    assert [name for _, _, name in found] == ["colour"]


def test_a_template_literals_interpolated_code_still_has_keys() -> None:
    text = (
        f'const BASE = "{V3}";\n'
        f"fetch(`${{BASE}}{TALKING}`, {{ method: 'POST', body: JSON.stringify({{\n"
        "  talking_photo_url: p, audio_url: a,\n"
        "  note: `made at ${JSON.stringify({ resolution: r })}`,\n"
        "  webhook_url: w,\n"
        "}) });\n"
    )
    names = {f[2] for f in places(audit_text(text, "t.js")) if "field" in f[1]}
    assert {"note", "webhook_url"} <= names


# -- 2. a URL that paths are joined to is a base, not a call --------------------------------------


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "img.py",
            "import requests\n"
            "class ImageClient:\n"
            f'    BASE = "{V3}/content/image"\n'
            "    def create(self, prompt):\n"
            '        return requests.post(self.BASE + "/createbyprompt", json={"prompt": prompt})\n'
            "    def get(self, i):\n"
            '        return requests.get(f"{self.BASE}/infobymodelid", params={"image_model_id": i})\n',
        ),
        (
            "img.ts",
            "export class Images {\n"
            f'  private readonly base = "{V3}/content/image";\n'
            "  create(prompt: string) {\n"
            "    return fetch(`${this.base}/createbyprompt`, { method: 'POST', body: JSON.stringify({ prompt }) });\n"
            "  }\n"
            "}\n",
        ),
        (
            "swap.sh",
            f'FACESWAP="{V4}/faceswap"\n'
            'curl -s -X POST "$FACESWAP/faceswapByImage" -H "x-api-key: $K" -d "$BODY"\n',
        ),
        (
            "Swap.java",
            "class Swap {\n"
            f'  static final String BASE = "{V3}/faceswap/highquality";\n'
            '  String url() { return BASE + "/specifyimage"; }\n'
            "}\n",
        ),
    ],
)
def test_a_base_with_a_documented_prefix_is_not_a_call(name: str, text: str) -> None:
    assert places(audit_text(text, name)) == []


def test_the_paths_joined_to_a_longer_base_are_judged() -> None:
    text = (
        "import requests\n"
        "class Images:\n"
        f'    BASE = "{V3}/content/imagez"\n'
        "    def create(self, p):\n"
        '        return requests.post(f"{self.BASE}/createbyprompt", json={"prompt": p})\n'
    )
    assert places(audit_text(text, "i.py")) == [(5, "unknown-endpoint", "/createbyprompt")]


def test_a_url_in_a_name_that_nothing_is_joined_to_is_still_a_call() -> None:
    text = f'NOPE = "{V3}/content/nothing"\nrequests.get(NOPE)\n'
    assert [f[1] for f in places(audit_text(text, "n.py"))] == ["unknown-endpoint"]


# -- 4. a shell function's response is its own -------------------------------------------------


def _shell(second: str) -> str:
    return (
        "#!/bin/bash\n"
        f'API="{V3}"\n'
        "create() {\n"
        "  local response\n"
        f'  response=$(curl -s -X POST "$API{TALKING}" -d \'{{"talking_photo_url":"a","audio_url":"b"}}\')\n'
        "  echo \"$response\" | jq -r '.data._id'\n"
        "}\n" + second
    )


@pytest.mark.parametrize(
    "second",
    [
        "status() {\n  local response\n  read -r response < own.json\n"
        "  echo \"$response\" | jq -r '.data.task_id'\n}\n",
        "function status {\n  local response\n  response=$(cat own.json)\n"
        "  echo \"$response\" | jq -r '.data.task_id'\n}\n",
        "function status() {\n  echo \"$response\" | jq -r '.data.task_id'\n}\n",
        "status()\n{\n  jq -r '.data.task_id' own.json\n}\n",
    ],
)
def test_a_read_in_another_shell_function_is_not_tied(second: str) -> None:
    assert places(audit_text(_shell(second), "s.sh")) == []


def test_a_read_in_the_calls_own_shell_function_is_still_tied() -> None:
    text = _shell("").replace(".data._id", ".data.task_id")
    assert places(audit_text(text, "s.sh")) == [(6, "response-field", "task_id")]


def test_top_level_code_after_shell_functions_reads_the_top_level_call() -> None:
    text = (
        f'API="{V3}"\n'
        f'R=$(curl -s -X POST "$API{TALKING}" -d "$B")\n'
        "helper() {\n  echo hi\n}\n"
        "echo \"$R\" | jq -r '.data.task_id'\n"
    )
    assert places(audit_text(text, "s.sh")) == [(6, "response-field", "task_id")]


# -- 3. every field a documented answer has is known ------------------------------------------


def _openapi_answer_paths() -> list[tuple[str, str, str]]:
    """(method, path, answer field) for every field of every success answer the OpenAPI files
    describe, through $ref'd result schemas, allOf, anyOf and oneOf."""
    import importlib.util
    from pathlib import Path

    from tests.test_audit import DOCS as docs

    root = Path(__file__).resolve().parent.parent
    if not (docs / "openapi").is_dir():
        pytest.skip("../shared/akool-docs is not beside this checkout")
    spec = importlib.util.spec_from_file_location("gen", root / "scripts" / "gen_catalogue.py")
    assert spec is not None and spec.loader is not None
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    found = []
    for e in gen.openapi_endpoints(docs, {}):
        for answer in e["response"]:
            found.append((e["method"], e["path"], answer))
    return found


def test_every_answer_field_of_the_openapi_files_is_in_the_catalogue() -> None:
    from akool_cli.core import catalogue

    docs = catalogue.load()
    missing = []
    for method, path, answer in _openapi_answer_paths():
        endpoint = docs.find(method, path)
        assert endpoint is not None, (method, path)
        known = set(endpoint.response) | {f"{a}[]" for a in endpoint.response_arrays}
        if answer not in known:
            missing.append((method, path, answer))
    assert missing == []
    swap = docs.find("POST", "/api/open/v4/faceswap/faceswapByImage")
    assert swap is not None and "data.job_id" in swap.response


@pytest.mark.parametrize(
    "reads",
    [
        "  const { data } = response.data;\n  return [data.job_id, data._id];\n",
        "  const body = response.data;\n  return body.data.job_id;\n",
        "  return response.data.data.job_id;\n",
    ],
)
def test_the_v4_face_swap_job_id_is_read_where_the_docs_put_it(reads: str) -> None:
    text = (
        f'const BASE = "{V4}";\n'
        "async function swap(s, t) {\n"
        "  const response = await axios.post(`${BASE}/faceswap/faceswapByImage`, "
        "{ sourceImage: [{ path: s }], targetImage: [{ path: t }] });\n" + reads + "}\n"
    )
    assert places(audit_text(text, "swap.js")) == []


def test_a_function_returning_the_parsed_answer_is_read_as_one() -> None:
    text = (
        f'const BASE = "{V4}";\n'
        "async function swap(s, t) {\n"
        "  const response = await axios.post(`${BASE}/faceswap/faceswapByImage`, "
        "{ sourceImage: [{ path: s }], targetImage: [{ path: t }] });\n"
        "  return response.data;\n"
        "}\n"
        "async function main() {\n"
        '  const r = await swap("a", "b");\n'
        "  console.log(r.data.job_id, r.data.task_id);\n"
        "}\n"
    )
    assert places(audit_text(text, "swap.js")) == [(8, "response-field", "task_id")]


# -- 5. the fields of nested objects and of array items ---------------------------------------

ELEMENTS = '{"type": "avatar", "url": "u", "layer_number": 1, "voice_clone": True, "scale_x": 1}'


@pytest.mark.parametrize(
    ("name", "text", "line"),
    [
        (
            "avatar.py",
            f'BASE = "{V3}"\n'
            f'body = {{"width": 3840, "height": 2160, "avatar_from": 3, "elements": [{ELEMENTS}]}}\n'
            'requests.post(f"{BASE}/talkingavatar/create", json=body)\n',
            2,
        ),
        (
            "avatar.ts",
            f'const BASE = "{V3}";\n'
            "const elements = [\n"
            "  { type: 'image', url: bg },\n"
            "  { type: 'avatar', url: a, layer_number: 2, voice_clone: true },\n"
            "];\n"
            "await axios.post(`${BASE}/talkingavatar/create`, { width: 3840, height: 2160, avatar_from: 3, elements });\n",
            4,
        ),
        (
            "avatar.sh",
            f'API="{V3}"\n'
            'curl -s -X POST "$API/talkingavatar/create" -H "x-api-key: $K" -d \'{"width": 3840, '
            '"elements": [{"type": "avatar", "layer_number": 1, "voice_clone": true}]}\'\n',
            2,
        ),
    ],
)
def test_unknown_fields_inside_array_items_are_found(name: str, text: str, line: int) -> None:
    found = {(n, rule, what) for n, rule, what in places(audit_text(text, name))}
    assert (line, "unknown-field", "layer_number") in found
    assert (line, "unknown-field", "voice_clone") in found
    assert not any(what in ("type", "url", "scale_x") for _, _, what in found)


def test_nested_fields_are_typed_and_misnamed_ones_named() -> None:
    text = (
        f'BASE = "{V3}"\n'
        'requests.post(f"{BASE}/talkingavatar/create", json={"width": 3840, "elements": [\n'
        '    {"type": "avatar", "scale_x": "1", "offsetX": 10},\n'
        "]})\n"
    )
    found = places(audit_text(text, "a.py"))
    assert (3, "bad-value", '"1"') in found
    assert (3, "misnamed-field", "offsetX") in found


def test_nested_object_fields_of_an_openapi_schema_are_checked() -> None:
    text = (
        f'const BASE = "{V4}";\n'
        "fetch(`${BASE}/liveAvatar/session/create`, { method: 'POST', body: JSON.stringify({\n"
        "  avatar_id: a,\n"
        "  voice_params: { voice_id: v, speed: 1, pitch: 2 },\n"
        "}) });\n"
    )
    assert places(audit_text(text, "live.js")) == [(4, "unknown-field", "pitch")]


# -- 6. a single object where the docs give an array --------------------------------------------


@pytest.mark.parametrize(
    ("name", "text", "line"),
    [
        (
            "swap.py",
            f'BASE = "{V3}"\n'
            'requests.post(f"{BASE}/faceswap/highquality/specifyimage", json={\n'
            '    "sourceImage": {"path": s, "opts": o},\n'
            '    "targetImage": [{"path": t, "opts": p}],\n'
            '    "modifyImage": m,\n'
            "})\n",
            3,
        ),
        (
            "swap.js",
            f'const BASE = "{V3}";\n'
            "const sourceImage = { path: s, opts: o };\n"
            "await axios.post(`${BASE}/faceswap/highquality/specifyimage`, { sourceImage, targetImage: [{ path: t }], modifyImage: m });\n",
            2,
        ),
        (
            "Swap.kt",
            f'val BASE = "{V4}"\n'
            'val body = mapOf("sourceImage" to mapOf("path" to s), "targetImage" to listOf(mapOf("path" to t)))\n'
            'post("$BASE/faceswap/faceswapByImage", body)\n',
            2,
        ),
        (
            "swap.sh",
            f'API="{V4}"\n'
            'curl -X POST "$API/faceswap/faceswapByImage" -d \'{"sourceImage": "https://x/a.png", '
            '"targetImage": [{"path": "https://x/b.png"}]}\'\n',
            2,
        ),
    ],
)
def test_an_object_or_a_string_for_an_array_field_is_found(name: str, text: str, line: int) -> None:
    found = [(n, what) for n, rule, what in places(audit_text(text, name)) if rule == "bad-value"]
    assert found == [(line, "sourceImage")]


# -- 7. answers read through a Promise wrapper ------------------------------------------------


TOKEN_CALL = (
    '    const req = https.request({ hostname: "openapi.akool.com", path: "/api/open/v3/getToken", '
    'method: "POST" }, (res) => {\n'
    '      let body = "";\n'
    '      res.on("data", (c) => (body += c));\n'
)


@pytest.mark.parametrize(
    ("settle", "read", "line"),
    [
        ('      res.on("end", () => resolve(JSON.parse(body)));\n', "response.data.token", 15),
        ('      res.on("end", () => resolve(JSON.parse(body)));\n', "response.data.data.token", 15),
        (
            '      res.on("end", () => {\n        const parsed = JSON.parse(body);\n'
            "        resolve(JSON.parse(body));\n      });\n",
            "response.data.token",
            18,
        ),
    ],
)
def test_a_read_of_what_a_promise_wrapper_resolves_with(settle: str, read: str, line: int) -> None:
    text = (
        'const https = require("https");\n'
        "function getToken() {\n"
        "  return new Promise((resolve, reject) => {\n" + TOKEN_CALL + settle + "    });\n"
        '    req.write(JSON.stringify({ clientId: "a", clientSecret: "b" }));\n'
        "    req.end();\n"
        "  });\n"
        "}\n"
        "async function main() {\n"
        "  const response = await getToken();\n"
        f"  console.log({read});\n"
        "}\n"
    )
    found = [p for p in places(audit_text(text, "token.js")) if p[1] == "response-field"]
    assert found == [(line, "response-field", "token")]


def test_an_axios_wrapper_resolving_with_the_body_is_followed() -> None:
    text = (
        f'const BASE = "{V3}";\n'
        "function create(p, a) {\n"
        "  return new Promise((resolve, reject) => {\n"
        f"    axios.post(`${{BASE}}{TALKING}`, {{ talking_photo_url: p, audio_url: a }})\n"
        "      .then((res) => resolve(res.data))\n"
        "      .catch(reject);\n"
        "  });\n"
        "}\n"
        "async function main() {\n"
        "  const answer = await create(p, a);\n"
        "  console.log(answer.data.task_id, answer.data._id);\n"
        "}\n"
    )
    assert places(audit_text(text, "c.js")) == [(11, "response-field", "task_id")]


# -- 8. a field read on an answer's data that the docs give as a list ----------------------------


@pytest.mark.parametrize(
    ("name", "text", "line"),
    [
        (
            "avatars.py",
            'r = requests.get("https://openapi.akool.com/api/open/v3/avatar/list", headers=h)\n'
            'for a in r.json()["data"]["result"]:\n'
            "    print(a)\n",
            2,
        ),
        (
            "avatars.js",
            "const res = await axios.get('https://openapi.akool.com/api/open/v3/avatar/list?from=2');\n"
            "const list = res.data.data.result;\n",
            2,
        ),
        (
            "voices.sh",
            'R=$(curl -s "https://openapi.akool.com/api/open/v3/voice/list" -H "x-api-key: $K")\n'
            "echo \"$R\" | jq -r '.data.list[]'\n",
            2,
        ),
    ],
)
def test_a_named_field_on_a_list_answer_is_found(name: str, text: str, line: int) -> None:
    found = places(audit_text(text, name))
    assert [(n, rule) for n, rule, _ in found] == [(line, "list-answer")]


def test_items_and_the_length_of_a_list_answer_are_fine() -> None:
    text = (
        "const res = await axios.get('https://openapi.akool.com/api/open/v3/avatar/list');\n"
        "console.log(res.data.data.length, res.data.data[0].avatar_id);\n"
        "const v4 = await axios.get('https://openapi.akool.com/api/open/v4/liveAvatar/avatar/list');\n"
        "console.log(v4.data.data.result);\n"
    )
    assert places(audit_text(text, "l.js")) == []


# -- the shapes a second pass of this run found: items appended later, a request helper ---------


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "append.py",
            f'BASE = "{V3}"\n'
            "elements = []\n"
            'elements.append({"type": "avatar", "url": u, "layer_number": 2})\n'
            'payload = {"width": 3840, "height": 2160, "avatar_from": 3, "elements": elements}\n'
            'requests.post(f"{BASE}/talkingavatar/create", json=payload)\n',
        ),
        (
            "push.js",
            f'const BASE = "{V3}";\n'
            "const elements = [];\n"
            "elements.push({ type: 'avatar', url: u, layer_number: 2 });\n"
            "await fetch(`${BASE}/talkingavatar/create`, { method: 'POST', "
            "body: JSON.stringify({ width: 3840, height: 2160, elements }) });\n",
        ),
    ],
)
def test_items_appended_to_a_list_after_it_is_made_are_checked(name: str, text: str) -> None:
    assert places(audit_text(text, name)) == [(3, "unknown-field", "layer_number")]


def test_a_request_helper_that_resolves_with_the_parsed_answer() -> None:
    text = (
        "const https = require('https');\n"
        "function akoolRequest(path, payload) {\n"
        "  return new Promise((resolve, reject) => {\n"
        "    const req = https.request({ hostname: 'openapi.akool.com', path, method: 'POST' }, (res) => {\n"
        "      let raw = '';\n"
        "      res.on('data', (c) => { raw += c; });\n"
        "      res.on('end', () => {\n"
        "        try { resolve(JSON.parse(raw)); } catch (e) { reject(e); }\n"
        "      });\n"
        "    });\n"
        "    req.end(JSON.stringify(payload));\n"
        "  });\n"
        "}\n"
        "async function login() {\n"
        "  const response = await akoolRequest('/api/open/v3/getToken', { clientId: i, clientSecret: s });\n"
        "  return response.data.token;\n"
        "}\n"
    )
    found = [p for p in places(audit_text(text, "t.js")) if p[1] == "response-field"]
    assert found == [(16, "response-field", "token")]
