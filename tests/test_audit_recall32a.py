"""Session 32, recall32a: JavaScript's and TypeScript's misses (blind testers' items in
/work/notes/repro21t and the program-structure matrix in /work/notes/matrix20/recall32a): each
shape the audit missed, with a correct twin that stays silent."""

from __future__ import annotations

import pytest

from akool_cli.audit.scan import Finding, audit_text

B = "https://openapi.akool.com/api/open/v3"


def rules_at(text: str, name: str, rule: str) -> list[int]:
    return sorted(f.line for f in audit_text(text, name) if f.rule == rule)


def errors(text: str, name: str) -> list[Finding]:
    return [f for f in audit_text(text, name) if f.severity in ("error", "warning")]


# -- fluent clients given their base first (wretch, mande) or made by up-fetch ---------------------

FACTORY_CLIENTS = {
    "wretch.ts": f'import wretch from "wretch";\nconst akool = wretch("{B}").headers({{ "x-api-key": "k" }});\n',
    "wretch_url.ts": f'import wretch from "wretch";\nconst akool = wretch().url("{B}").auth("Bearer k");\n',
    "wretch_named.ts": f'import wretch from "wretch";\nconst BASE = "{B}";\nconst akool = wretch(BASE);\n',
    "mande.ts": f'import {{ mande }} from "mande";\nconst akool = mande("{B}", {{ headers: {{ "x-api-key": "k" }} }});\n',
}
CALLS = {
    "get": 'export const a = () => akool.get("/content/video/infobymodelid{x}?video_model_id=1");\n',
    "url": 'export const a = () => akool.url("/content/video/infobymodelid{x}?video_model_id=1").get().json();\n',
    "body": 'export const b = () => akool.url("/content/image/createbyprompt").post({{ prompt: "x", {k}: "1:1" }}).json();\n',
    "post": 'export const b = () => akool.post("/content/image/createbyprompt", {{ prompt: "x", {k}: "1:1" }});\n',
    "answer": (
        "export async function c(id: string) {{\n"
        "  const j: any = await akool.get(`/content/video/infobymodelid?video_model_id=${{id}}`).json();\n"
        "  return j.data.{s};\n}}\n"
    ),
}
USES = {
    "wretch.ts": ("get", "url", "body", "answer"),
    "wretch_url.ts": ("url", "body"),
    "wretch_named.ts": ("get", "answer"),
    "mande.ts": ("get", "post"),
}
WRONG = {"get": ("x", "unknown-endpoint"), "url": ("x", "unknown-endpoint")}
WRONG |= {"body": ("size", "misnamed-field"), "post": ("size", "misnamed-field")}
WRONG |= {"answer": ("status", "response-field")}
RIGHT = {"get": "", "url": "", "body": "scale", "post": "scale", "answer": "video_status"}


def _client_file(name: str, use: str, value: str) -> str:
    return FACTORY_CLIENTS[name] + CALLS[use].format(x=value, k=value, s=value)


@pytest.mark.parametrize(("name", "use"), [(n, u) for n, us in USES.items() for u in us])
def test_a_factory_clients_base_joins_its_paths(name: str, use: str) -> None:
    value, rule = WRONG[use]
    text = _client_file(name, use, value)
    first = text.count("\n") - CALLS[use].count("\n") + 1
    wanted = first + (2 if use == "answer" else 0)  # (the read, two lines below the call)
    assert rules_at(text, name, rule) == [wanted], text
    assert errors(_client_file(name, use, RIGHT[use]), name) == []


def test_an_up_fetch_client_is_called_with_its_base() -> None:
    made = f'import {{ up }} from "up-fetch";\nconst akool = up(fetch, () => ({{ baseUrl: "{B}" }}));\n'
    call = 'export const a = () => akool("/content/image/createbyprompt", {{ method: "POST", body: {{ prompt: "x", {k}: "1:1" }} }});\n'
    assert rules_at(made + call.format(k="size"), "u.ts", "misnamed-field") == [3]
    assert errors(made + call.format(k="scale"), "u.ts") == []
    path = 'export const b = () => akool("/content/video/infobymodelidx?video_model_id=1");\n'
    assert rules_at(made + path, "u.ts", "unknown-endpoint") == [3]


NOT_AKOOLS = {
    "another host": (
        'import wretch from "wretch";\nconst api = wretch("https://api.example.com/v3");\n'
        'export const a = () => api.get("/content/video/infobymodelidx").json();\n'
        'export const b = () => api.url("/content/image/createbyprompt").post({ size: 1 }).json();\n'
    ),
    "no client's link": (
        f'import wretch from "wretch";\nconst akool = wretch("{B}");\n'
        'export const a = () => page.url("/content/video/infobymodelidx");\n'
    ),
}


@pytest.mark.parametrize("case", sorted(NOT_AKOOLS))
def test_a_wretch_path_of_no_akool_client_is_silent(case: str) -> None:
    assert errors(NOT_AKOOLS[case], "o.ts") == []


# -- error-first callbacks of Node's request and needle given the answer ---------------------------

TOKEN = f"{B}/getToken"
QUOTA = f"{B}/faceswap/quota/info"
CALLBACK_CALLS = {
    "request.js": (
        "const request = require('request');\n"
        f"request.post({{ url: '{TOKEN}', json: {{ clientId: 'a', clientSecret: 'b' }} }}, (err, res, body) => {{\n"
        "  console.log(body.{read});\n});\n"
    ),
    "request_over_lines.js": (
        "const request = require('request');\nfunction token(cb) {\n  request.post(\n"
        f"    {{ url: '{TOKEN}', json: {{ clientId: 'a', clientSecret: 'b' }} }},\n"
        "    function (error, response, body) {\n      if (error) return cb(error);\n"
        "      cb(null, body.{read});\n    },\n  );\n}\n"
    ),
    "needle.js": (
        'const needle = require("needle");\n'
        f'needle.post("{TOKEN}", {{ clientId: "a", clientSecret: "b" }}, {{ json: true }}, (err, resp, body) => {{\n'
        "  console.log(body.{read});\n});\n"
    ),
    "request_parsed.js": (
        "const request = require('request');\n"
        f"request.get({{ url: '{QUOTA}' }}, (e, r, raw) => {{\n"
        "  const j = JSON.parse(raw);\n  console.log(j.{read});\n});\n"
    ),
}


@pytest.mark.parametrize("name", sorted(CALLBACK_CALLS))
def test_an_error_first_callbacks_body_is_the_answer(name: str) -> None:
    text = CALLBACK_CALLS[name]
    wanted = [n + 1 for n, t in enumerate(text.splitlines()) if "{read}" in t]
    wrong, right = ("data.credits", "data.credit") if QUOTA in text else ("data.token", "token")
    assert rules_at(text.replace("{read}", wrong), name, "response-field") == wanted
    assert errors(text.replace("{read}", right), name) == []


def test_a_callbacks_response_and_status_are_not_the_body() -> None:
    text = (
        "const request = require('request');\n"
        f"request.get({{ url: '{QUOTA}', json: true }}, (err, res, body) => {{\n"
        "  if (err || res.statusCode !== 200) throw err;\n"
        "  console.log(body.data.credit, body.code === 1000);\n});\n"
    )
    assert errors(text, "q.js") == []
    assert rules_at(text.replace("data.credit,", "data.credits,"), "q.js", "response-field") == [4]


# -- a braceless one-line for-of over an answer's list ---------------------------------------------

LANGS = (
    f'const r = await fetch("{B}/language/list", {{ headers: {{ "x-api-key": "k" }} }});\n'
    "const j: any = await r.json();\n"
)
LOOP_LINES = {
    "braceless": "for (const lang of j.data.lang_list) console.log(lang.{k});\n",
    "braceless fallback": "for (const lang of j?.data?.lang_list ?? []) console.log(lang.{k});\n",
    "braceless if": "for (const l of j.data.lang_list) if (l.{k}) console.log(l.lang_code);\n",
    "forEach": "j.data.lang_list.forEach(l => console.log(l.{k}));\n",
    "map": "const codes = j.data.lang_list.map((l: any) => l.{k});\n",
}


@pytest.mark.parametrize("shape", sorted(LOOP_LINES))
def test_an_item_read_on_a_one_line_loop_is_judged(shape: str) -> None:
    found = audit_text(LANGS + LOOP_LINES[shape].format(k="language"), "l.ts")
    assert [(f.line, f.rule) for f in found if f.severity != "info"] == [(3, "answer-field")]
    assert errors(LANGS + LOOP_LINES[shape].format(k="lang_code"), "l.ts") == []


# -- a default given in a destructuring pattern (a parameter's or a binding's) ---------------------

TALK = f"{B}/content/video/createbytalkingphoto"
SEND = (
    f'  const res = await fetch(`{TALK}`, {{ method: "POST", body: JSON.stringify({{'
    " talking_photo_url: photo, audio_url: audio, resolution }) });\n  return res.json();\n}\n"
)
PATTERN_DEFAULTS = {
    "parameter.js": 'async function talk({{ photo, audio, resolution = "{v}" }}) {{\n',
    "arrow.ts": 'export const talk = async ({{ photo, audio, resolution = "{v}" }}: Opts) => {{\n',
    "binding.js": 'async function talk(opts) {{\n  const {{ photo, audio, resolution = "{v}" }} = opts;\n',
}


@pytest.mark.parametrize("name", sorted(PATTERN_DEFAULTS))
def test_a_destructured_default_is_a_value_the_field_takes(name: str) -> None:
    head = PATTERN_DEFAULTS[name]
    wanted = [head.count("\n")]
    assert rules_at(head.format(v="720p") + SEND, name, "bad-value") == wanted
    assert errors(head.format(v="1080") + SEND, name) == []


def test_a_block_assignment_is_no_pattern_default() -> None:
    text = (
        'let resolution = "1080";\nif (hd) { resolution = "720p" }\n'
        f'fetch(`{TALK}`, {{ method: "POST", body: JSON.stringify({{ talking_photo_url: p, audio_url: a, resolution }}) }});\n'
    )
    assert rules_at(text, "blk.js", "bad-value") == [2]


# -- a body made by Object.assign from a defaults object and literals ------------------------------

IMAGE = f"{B}/content/image/createbyprompt"
ASSIGNED_BODY = (
    'const DEFAULTS = {{ {d}, webhookUrl: "https://x/hook" }};\n'
    "async function image(prompt, extra) {{\n"
    "  const body = Object.assign({{}}, DEFAULTS, {{ prompt, {k} }}, extra);\n"
    f'  const r = await fetch("{IMAGE}", {{{{ method: "POST", body: JSON.stringify(body) }}}});\n'
    "  return r.json();\n}}\n"
)


@pytest.mark.parametrize(
    ("d", "k", "line", "rule"),
    [
        ('size: "1:1"', 'prompt2: "x"', 1, "misnamed-field"),
        ('scale: "1:1"', 'size: "16:9"', 3, "unknown-field"),  # (scale sent too)
        ('scale: "1:1"', 'scale: "21:9"', 3, "bad-value"),
    ],
)
def test_every_object_given_to_object_assign_is_sent(d: str, k: str, line: int, rule: str) -> None:
    assert rules_at(ASSIGNED_BODY.format(d=d, k=k), "a.js", rule) == [line]
    right = ASSIGNED_BODY.format(d='scale: "1:1"', k='source_image: "u"')
    assert errors(right, "a.js") == []


# -- an axios interceptor that gives each request the base -----------------------------------------

INTERCEPTED = (
    'import axios from "axios";\n'
    "export const akool = axios.create();\n"
    "akool.interceptors.request.use((config) => {{\n"
    '  config.baseURL = "{base}";\n'
    '  config.headers["x-api-key"] = process.env.AKOOL_KEY!;\n'
    "  return config;\n}});\n"
    'export const voices = () => akool.get("/voice/list{x}", {{ params: {{ from: 3 }} }});\n'
)


def test_an_interceptors_base_is_its_clients() -> None:
    assert rules_at(INTERCEPTED.format(base=B, x="s"), "i.ts", "unknown-endpoint") == [8]
    assert errors(INTERCEPTED.format(base=B, x=""), "i.ts") == []
    other = INTERCEPTED.format(base="https://api.example.com/v1", x="s")
    assert errors(other, "i.ts") == []


# -- Workers' and Bun's typed parse, `r.json<T>()`: status values judged, right reads silent -------

INFO = f"{B}/content/video/infobymodelid?video_model_id=1"
TYPED_PARSE = {
    "inline.ts": "  if ((await r.json<any>()).data.video_status === {v}) return 1;\n",
    "bound.ts": "  const s = (await r.json<any>()).data.video_status;\n  if (s === {v}) return 1;\n",
    "typed.ts": "  const j = await r.json<{{ data: {{ video_status: number }} }}>();\n  if (j.data.video_status === {v}) return 1;\n",
}


@pytest.mark.parametrize("name", sorted(TYPED_PARSE))
def test_a_typed_parse_has_its_status_values_judged(name: str) -> None:
    head = f"export async function a() {{\n  const r = await fetch(`{INFO}`);\n"
    body = TYPED_PARSE[name]
    wanted = [2 + body.count("\n")]
    assert rules_at(head + body.format(v=5) + "  return 0;\n}\n", name, "status-value") == wanted
    assert errors(head + body.format(v=3) + "  return 0;\n}\n", name) == []


# -- Playwright's request fixture: its GET sends the query it is given, no more --------------------

VOICES = "https://openapi.akool.com/api/open/v4/voice/list"
PLAYWRIGHT = (
    'import {{ test }} from "@playwright/test";\n'
    'test("voices", async ({{ request }}) => {{\n'
    f'  await request.get("{VOICES}", {{{{ params: {{{{ {{q}} }}}} }}}});\n'
    f'  await request.get("{VOICES}?{{u}}");\n'
    "}});\n"
)


def test_a_playwright_get_without_a_required_query_field_is_found() -> None:
    text = PLAYWRIGHT.format(q="page: 1, size: 10", u="page=1&size=10")
    assert rules_at(text, "v.spec.ts", "missing-field") == [3, 4]
    right = PLAYWRIGHT.format(q="type: 1, page: 1", u="type=1&page=1")
    assert errors(right, "v.spec.ts") == []
    runner = text.replace("@playwright/test", "./fixtures")  # (another `request`: may add a query)
    assert rules_at(runner, "v.spec.ts", "missing-field") == []


# -- a URL object's query given by URLSearchParams or searchParams.set -----------------------------

URL_QUERY = {
    "search.ts": '  u.search = new URLSearchParams({{ type: {t}, page: String(page), size: "50" }}).toString();\n',
    "set.ts": '  u.searchParams.set("type", {t});\n  u.searchParams.set("page", String(page));\n',
}


@pytest.mark.parametrize("name", sorted(URL_QUERY))
def test_a_url_objects_query_values_are_judged(name: str) -> None:
    head = f'export async function voices(page: number) {{\n  const u = new URL("{VOICES}");\n'
    tail = '  const r = await fetch(u, { headers: { "x-api-key": "k" } });\n  return (await r.json()).data.result;\n}\n'
    text = head + URL_QUERY[name].replace("{{", "{").replace("}}", "}") + tail
    assert rules_at(text.replace("{t}", '"voice"'), name, "bad-value") == [3]
    assert errors(text.replace("{t}", '"1"'), name) == []
    assert errors(text.replace("{t}", "kind"), name) == []  # (a name: its value is not in view)


def test_a_minified_line_is_not_searched_for_a_callback_client_per_call(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from akool_cli.audit import nodecallbacks

    searched: list[str] = []

    class Counting:
        def search(self, text: str) -> None:
            searched.append(text)

    monkeypatch.setattr(nodecallbacks, "CALLBACK_CLIENT", Counting())
    call = (
        f"request.post({{url:'{TOKEN}',json:{{clientId:'a',clientSecret:'b'}}}},"
        "(err,res,body)=>{console.log(body.token)});"
    )
    audit_text(call * 40 + "\n", "bundle.min.js")
    assert searched == []


# -- a nested destructuring's renamed status, its branch returning the result it binds -------------

NESTED = (
    "async function a(id) {{\n"
    f"  const res = await fetch(`{B}/content/image/infobymodelid?image_model_id=${{{{id}}}}`);\n"
    "  const {{ data: {{ image_status: status, {k} }} }} = await res.json();\n"
    "  if (status === {v}) return {r};\n}}\n"
)


@pytest.mark.parametrize(("k", "r"), [("image", "image"), ("image: img", "img")])
def test_a_branch_returning_a_destructured_result_takes_its_number_for_completed(
    k: str, r: str
) -> None:
    assert rules_at(NESTED.format(k=k, v=2, r=r), "n.js", "status-value") == [4]
    assert errors(NESTED.format(k=k, v=3, r=r), "n.js") == []
    assert errors(NESTED.format(k="type", v=2, r="type"), "n.js") == []  # (no result bound)
