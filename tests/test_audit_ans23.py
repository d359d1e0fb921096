"""Session 23, ans23: what an answer read and a request's fields are judged against (held-out
21k F3: no second-order verdicts on a call whose endpoint is itself a guess; misses (a) `message`
where the docs give `msg`, (b) fallback chains on items, (c) a field documented only deeper)."""

from __future__ import annotations

import pytest

from akool_cli.audit.scan import Finding, audit_text

BASE = "https://openapi.akool.com"
ANSWER_RULES = ("response-field", "answer-field", "list-answer")
FIELD_RULES = ("misnamed-field", "unknown-field", "missing-field", "bad-value")


def places(findings: list[Finding], rules: tuple[str, ...]) -> list[tuple[int, str]]:
    return sorted((f.line, f.found) for f in findings if f.rule in rules)


# -- F3: a path of another API's shape is named once; what it sends is judged against no page ------

CLONE_PY = (
    "import requests\n"
    'BASE = "https://api.akool.com"\n'
    "def clone(name, path):\n"
    '    r = requests.post(f"{BASE}PATH", json={"name": name, "audio_file": path, "language": "en"})\n'
    '    return r.json()["data"]["voice_id"]\n'
)
CLONE_TS = (
    'const AKOOL_BASE = "https://api.akool.com";\n'
    "export async function cloneVoice(name: string, url: string) {\n"
    "  const res = await fetch(`${AKOOL_BASE}PATH`, {\n"
    '    method: "POST",\n'
    '    headers: { "x-api-key": process.env.AKOOL_API_KEY! },\n'
    "    body: JSON.stringify({ voice_name: name, audio_file: url }),\n"
    "  });\n"
    "  const json = await res.json();\n"
    "  return json.data.voice_id;\n"
    "}\n"
)
CLONE_SH = (
    'curl -X POST https://api.akool.comPATH -H "x-api-key: $KEY" '
    '-H "Content-Type: application/json" -d \'{"name": "me", "audio_file": "https://x/y.mp3"}\'\n'
)
CLONE_GO = (
    "package main\n\n"
    'import (\n\t"bytes"\n\t"encoding/json"\n\t"net/http"\n)\n\n'
    "func clone() {\n"
    '\tbody, _ := json.Marshal(map[string]interface{}{"name": "me", "audio_file": "https://x/y.mp3"})\n'
    '\thttp.Post("https://api.akool.comPATH", "application/json", bytes.NewReader(body))\n'
    "}\n"
)
SHAPES = [(CLONE_PY, "c.py"), (CLONE_TS, "c.ts"), (CLONE_SH, "c.sh"), (CLONE_GO, "c.go")]


@pytest.mark.parametrize(("text", "name"), SHAPES)
@pytest.mark.parametrize("path", ["/api/v1/voice/clone", "/v1/voice/clone", "/api/v2/voice/clone"])
def test_f3_a_path_of_another_apis_shape_has_no_field_verdicts(
    text: str, name: str, path: str
) -> None:
    findings = audit_text(text.replace("PATH", path), name)
    unknown = [f for f in findings if f.rule == "unknown-endpoint"]
    assert len(unknown) == 1 and "POST /api/open/v4/voice/clone" in unknown[0].documented
    assert unknown[0].fix is None  # (the likely replacement is advice: no patch)
    assert places(findings, FIELD_RULES) == []


@pytest.mark.parametrize(("text", "name"), SHAPES)
@pytest.mark.parametrize("path", ["/api/open/v3/voice/clone", "/v4/voice/clone"])
def test_f3_a_path_that_is_akools_but_for_its_version_or_prefix_keeps_them(
    text: str, name: str, path: str
) -> None:
    findings = audit_text(text.replace("PATH", path), name)
    assert "audio_file" in {found for _, found in places(findings, FIELD_RULES)}


# -- (a) `message` where the docs give `msg`: Go's gjson reads ----------------------------------------

GJSON_GO = (
    "package main\n\n"
    'import (\n\t"errors"\n\t"io"\n\t"net/http"\n\n\t"github.com/tidwall/gjson"\n)\n\n'
    "func info(id string) (string, error) {\n"
    f'\tresp, err := http.Get("{BASE}/api/open/v3/content/video/infobymodelid?video_model_id=" + id)\n'
    '\tif err != nil {\n\t\treturn "", err\n\t}\n'
    "\tdefer resp.Body.Close()\n"
    "\traw, _ := io.ReadAll(resp.Body)\n"
    "\tREAD\n"
    '\treturn "", nil\n'
    "}\n"
)
GJSON_WRAPPER_GO = (
    "package akool\n\n"
    'import (\n\t"errors"\n\t"io"\n\t"net/http"\n\n\t"github.com/tidwall/gjson"\n)\n\n'
    "type Client struct{ Key string }\n\n"
    "func (c *Client) do(method, path string) (gjson.Result, error) {\n"
    f'\treq, _ := http.NewRequest(method, "{BASE}"+path, nil)\n'
    "\tresp, err := http.DefaultClient.Do(req)\n"
    "\tif err != nil {\n\t\treturn gjson.Result{}, err\n\t}\n"
    "\tdefer resp.Body.Close()\n"
    "\traw, _ := io.ReadAll(resp.Body)\n"
    "\treturn gjson.ParseBytes(raw), nil\n"
    "}\n\n"
    "func (c *Client) Video(id string) (string, error) {\n"
    '\tres, err := c.do("GET", "/api/open/v3/content/video/infobymodelid?video_model_id="+id)\n'
    '\tif err != nil {\n\t\treturn "", err\n\t}\n'
    "\tREAD\n"
    '\treturn "", nil\n'
    "}\n"
)


@pytest.mark.parametrize(
    ("text", "read", "found"),
    [
        (GJSON_GO, 'errors.New(gjson.GetBytes(raw, "message").String())', "message"),
        (GJSON_GO, 'errors.New(gjson.Get(string(raw), "message").String())', "message"),
        (GJSON_GO, 'println(gjson.GetBytes(raw, "data.video_url").String())', "video_url"),
        (GJSON_WRAPPER_GO, 'return "", errors.New(res.Get("message").String())', "message"),
        (GJSON_WRAPPER_GO, 'return res.Get("data.video_url").String(), nil', "video_url"),
    ],
)
def test_a_gjson_reads_of_an_akool_answer_are_judged(text: str, read: str, found: str) -> None:
    findings = audit_text(text.replace("READ", read), "c.go")
    assert [name for _, name in places(findings, ANSWER_RULES)] == [found]


@pytest.mark.parametrize(
    "read",
    [
        'errors.New(gjson.GetBytes(raw, "msg").String())',
        'println(gjson.GetBytes(raw, "data.video").String(), resp.Header.Get("x-request-id"))',
        'h := resp.Header; println(h.Get("x-request-id"))',
    ],
)
def test_a_gjson_reads_of_documented_fields_and_headers_are_silent(read: str) -> None:
    assert places(audit_text(GJSON_GO.replace("READ", read), "c.go"), ANSWER_RULES) == []


# -- (b) fallback chains on a list's items: the first member is read, those after a documented one not

LIST_PY = (
    "import requests\n"
    f'BASE = "{BASE}"\n'
    "def results(ids):\n"
    '    r = requests.get(f"{BASE}/api/open/v3/faceswap/result/listbyids", params={"_ids": ids})\n'
    "    j = r.json()\n"
    "    READ\n"
)
LIST_JS = (
    f'const BASE = "{BASE}";\n'
    "async function results(ids) {\n"
    "  const r = await fetch(`${BASE}/api/open/v3/faceswap/result/listbyids?_ids=${ids}`);\n"
    "  const j = await r.json();\n"
    "  READ\n"
    "}\n"
)


@pytest.mark.parametrize(
    ("text", "name", "read", "found"),
    [
        (
            LIST_PY,
            "l.py",
            'for item in j["data"]["result"]:\n        print(item.get("alg_msg") or item.get("url"))',
            "alg_msg",
        ),
        (
            LIST_PY,
            "l.py",
            'first = j["data"]["result"][0]\n    print(first.get("image_url") or first.get("url"))',
            "image_url",
        ),
        (
            LIST_JS,
            "l.js",
            "for (const d of j.data.result) {\n    console.log(d.image_url || d.url);\n  }",
            "image_url",
        ),
        (
            LIST_JS,
            "l.ts",
            "const row = j.data.result[0];\n  return row.output ?? row.url;",
            "output",
        ),
    ],
)
def test_b_a_chains_first_member_on_an_item_is_judged(
    text: str, name: str, read: str, found: str
) -> None:
    findings = audit_text(text.replace("READ", read), name)
    assert [n for _, n in places(findings, ANSWER_RULES)] == [found]


@pytest.mark.parametrize(
    ("text", "name", "read"),
    [
        (
            LIST_PY,
            "l.py",
            'for item in j["data"]["result"]:\n        print(item.get("url") or item.get("output_url"))',
        ),
        (
            LIST_PY,
            "l.py",
            'print(j["data"]["result"][0].get("url") or j["data"]["result"][0].get("result_url"))',
        ),
        (LIST_JS, "l.js", "return j.data.result[0].url || j.data.result[0].result_url;"),
        (LIST_JS, "l.js", "return j.data.result[0]?.url ?? j.data.result[0]?.output;"),
    ],
)
def test_b_members_after_a_documented_one_on_an_item_are_defensive(
    text: str, name: str, read: str
) -> None:
    assert places(audit_text(text.replace("READ", read), name), ANSWER_RULES) == []


# -- a field only a product that makes no more jobs shows (background change's error_reasons) ------

IMAGE_PY = (
    "import requests\n"
    f'BASE = "{BASE}"\n'
    "def image(i):\n"
    '    r = requests.get(f"{BASE}/api/open/v3/content/image/infobymodelid", params={"image_model_id": i})\n'
    '    d = r.json()["data"]\n'
    "    READ\n"
)
IMAGE_JS = (
    f'const BASE = "{BASE}";\n'
    "async function image(i) {\n"
    "  const resp = await fetch(`${BASE}/api/open/v3/content/image/infobymodelid?image_model_id=${i}`);\n"
    "  const j = await resp.json();\n"
    "  READ\n"
    "}\n"
)


@pytest.mark.parametrize(
    ("text", "name", "read"),
    [
        (IMAGE_PY, "i.py", 'print(d.get("error_reasons"))'),
        (IMAGE_JS, "i.js", "console.log(j.data.error_reasons);"),
    ],
)
def test_a_field_only_a_deprecated_products_page_shows_is_judged(
    text: str, name: str, read: str
) -> None:
    findings = audit_text(text.replace("READ", read), name)
    assert places(findings, ANSWER_RULES) == [(6 if name.endswith(".py") else 5, "error_reasons")]


def test_a_script_calling_that_product_reads_its_field() -> None:
    text = IMAGE_JS.replace("READ", "console.log(j.data.error_reasons, j.data.image_status);") + (
        "async function bg(src) {\n"
        "  await fetch(`${BASE}/api/open/v3/content/image/bg/replace`, { method: 'POST',"
        " body: JSON.stringify({ color_code: '#fff', template_url: src, origin_img: src,"
        " modify_template_size: '1', modify_origin_img_size: '1' }) });\n"
        "}\n"
    )
    assert places(audit_text(text, "i.js"), ANSWER_RULES) == []


# -- renamed answers: a multi-line interceptor converting keys (kept: rules._renamed_read) ------------

CAMEL_JS = (
    'const axios = require("axios");\n'
    'const { camelizeKeys } = require("humps");\n'
    f'const api = axios.create({{ baseURL: "{BASE}/api/open/v3" }});\n'
    "api.interceptors.response.use((response) => {\n"
    "  response.data = camelizeKeys(response.data);\n"
    "  return response;\n"
    "});\n"
    "async function info(id) {\n"
    "  const res = await api.get(`/content/video/infobymodelid?video_model_id=${id}`);\n"
    "  return res.data.data.videoStatus;\n"
    "}\n"
)


def test_reads_after_an_interceptor_that_converts_keys_over_lines_are_not_judged() -> None:
    """ties.CONVERTING sees a converter on the interceptor's own line only: the file-level
    camelCase rule (answers.converts_keys) keeps this correct code silent (the session-23
    cleanup left it for that reason)."""
    assert places(audit_text(CAMEL_JS, "k.js"), ANSWER_RULES) == []


# -- a body name bound and read on the call's own statement ------------------------------------------

ONE_LINE_JS = (
    f'const BASE = "{BASE}";\n'
    "export function info(id) {\n"
    "  return fetch(`${BASE}/api/open/v3/content/video/infobymodelid?video_model_id=${id}`)"
    ".then((r) => r.json()).then((ans) => READ);\n"
    "}\n"
)


@pytest.mark.parametrize(("read", "found"), [("ans.message", ["message"]), ("ans.msg", [])])
def test_members_of_an_answer_bound_on_the_calls_own_line_are_judged(
    read: str, found: list[str]
) -> None:
    findings = audit_text(ONE_LINE_JS.replace("READ", read), "o.js")
    assert [n for _, n in places(findings, ANSWER_RULES)] == found


# -- relay (heldout21l): a chain of getters given empty defaults is one chain -------------------------

IMAGE_DEFAULTS_PY = IMAGE_PY.replace('d = r.json()["data"]', 'd = r.json().get("data", {})')


@pytest.mark.parametrize(
    ("read", "found"),
    [
        ('return d.get("upscaled_urls", []) or d.get("images", [])', []),
        ('return d.get("image", None) or d.get("image_url", None)', []),
        ('return d.get("images", []) or d.get("upscaled_urls", [])', ["images"]),
    ],
)
def test_getters_given_empty_defaults_make_one_fallback_chain(read: str, found: list[str]) -> None:
    findings = audit_text(IMAGE_DEFAULTS_PY.replace("READ", read), "i.py")
    assert [n for _, n in places(findings, ANSWER_RULES)] == found
