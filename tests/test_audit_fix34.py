"""fix34's tests: a JavaScript HTTP client's per-request config argument (axios'
`axios.post(url, body, { timeout })`, `axios.get(url, { timeout })`) is no body: only its `data`
is sent as the body and its `params` as the query."""

from __future__ import annotations

import pytest

from akool_cli.audit.scan import audit_text

BASE = "https://openapi.akool.com/api/open/v3"
MAKE = f"{BASE}/content/image/createbyprompt"
POLL = f"{BASE}/content/video/infobymodelid"
HEAD = 'const axios = require("axios");\nconst api = axios.create({ baseURL: "BASE" });\n'


def _fields(js: str, name: str = "t.js") -> list[tuple[int, str, str]]:
    text = (HEAD + js).replace("BASE", BASE).replace("MAKE", MAKE).replace("POLL", POLL)
    return [
        (f.line - 2, f.rule, f.message.split(" ")[0])
        for f in audit_text(text, name)
        if f.rule in ("unknown-field", "misnamed-field", "unknown-query-field")
    ]


@pytest.mark.parametrize(
    "call",
    [
        'axios.post("MAKE", { prompt: "a cat", scale: "1:1" }, { timeout: 5000 })',
        'axios.post("MAKE", { prompt: "a cat" }, { timeout: 5000, maxBodyLength: Infinity })',
        'axios.post<{ data: { _id: string } }>("MAKE", { prompt: "a cat" }, { timeout: 5000 })',
        'axios.patch("MAKE", { prompt: "a cat" }, { signal: ctl.signal, responseType: "json" })',
        'axios.put("MAKE", { prompt: "a cat" }, { timeout: 5000, withCredentials: true })',
        'api.post("/content/image/createbyprompt", { prompt: "a cat" }, { timeout: 5000 })',
        'api.post("/content/image/createbyprompt", { prompt: "a cat" }, { timeout: 9, headers: h })',
        'axios.post("MAKE", { prompt: "a cat" }, cfg)',
        'axios.post("MAKE", { prompt: "a cat" }, makeConfig(5000))',
        'axios.get("POLL?video_model_id=1", { timeout: 5 })',
        'axios("POLL?video_model_id=1", { timeout: 5000, validateStatus: () => true })',
        'axios.request({ url: "MAKE", method: "post", data: { prompt: "a cat" }, timeout: 5 })',
    ],
)
def test_an_axios_config_argument_sends_no_field(call: str) -> None:
    js = (
        "const cfg = { timeout: 5000, maxRedirects: 0 };\n"
        "function makeConfig(t) { return { timeout: t, proxy: false }; }\n"
        f"async function go(ctl, h) {{\n  const r = await {call};\n  return r.data;\n}}\n"
    )
    assert [f for f in _fields(js) if f[2] != "PUT" and f[2] != "PATCH"] == []


@pytest.mark.parametrize(
    "call",
    [
        'axios.post("MAKE", { prompt: "a cat", size: "1:1" }, { timeout: 5000 })',
        'api.post("/content/image/createbyprompt", { prompt: "a cat", size: "1:1" }, { timeout: 5 })',
        'axios.post("MAKE", { prompt: "a cat", size: "1:1" }, cfg)',
    ],
)
def test_a_wrong_field_of_the_body_beside_a_config_argument_is_still_found(call: str) -> None:
    js = (
        "const cfg = { timeout: 5000 };\n"
        f"async function go() {{\n  const r = await {call};\n  return r.data;\n}}\n"
    )
    assert [(f[0], f[2]) for f in _fields(js)] == [(3, "size")]


def test_a_config_arguments_data_and_params_are_still_read() -> None:
    js = (
        "async function go() {\n"
        '  await axios.delete("MAKE", { timeout: 5, data: { prompt: "x", size: "1:1" } });\n'
        '  await axios.get("POLL", { timeout: 5, params: { video_id: 1 } });\n'
        "}\n"
    )
    assert [f[2] for f in _fields(js)] == ["size", "video_id"]


def test_got_and_ky_options_send_only_their_json() -> None:
    js = (
        'import got from "got";\nimport ky from "ky";\n'
        "async function go() {\n"
        '  await got.post("MAKE", { json: { prompt: "a" }, timeout: { request: 1 }, retry: { limit: 2 } });\n'
        '  await ky.post("MAKE", { json: { prompt: "a" }, timeout: 10000, retry: 2 });\n'
        '  await got("POLL?video_model_id=1", { timeout: { request: 5000 } });\n'
        "}\n"
    )
    assert _fields(js, "t.mjs") == []


# -- a Worker's or Bun.serve's `fetch` handler is no function the file's `fetch(...)` calls ---

WORKER = """const BASE = "https://openapi.akool.com/api/open/v3";

HEAD {
  async fetch(request, env) {
    const url = new URL(request.url);
    if (url.pathname === "/create") {
      const r = await fetch(`${BASE}/content/image/createbyprompt`, {
        method: "POST",
        headers: { "x-api-key": env.AKOOL_KEY, "Content-Type": "application/json" },
        body: JSON.stringify({ prompt: "x", scale: "1:1" }),
      });
      RETURN
    }
    if (url.pathname === "/weather") {
      const r = await fetch(env.WEATHER + "/now");
      const j = await r.json();
      return Response.json({ t: j.temperature, w: j.wind });
    }
    return new Response("not found", { status: 404 });
  },
}TAIL
"""


@pytest.mark.parametrize(
    ("head", "tail"),
    [("export default", ";"), ("Bun.serve(", ");"), ("const handler =", ";")],
)
@pytest.mark.parametrize(
    "returned",
    ["return r;", "const j = await r.json();\n      return Response.json(j);", "return r.json();"],
)
def test_a_fetch_handler_returning_the_answer_is_not_the_global_fetch(
    head: str, tail: str, returned: str
) -> None:
    text = WORKER.replace("HEAD", head).replace("TAIL", tail).replace("RETURN", returned)
    if head.startswith("Bun"):
        text = text.replace("{\n  async fetch", "{\n  port: 3000,\n  async fetch")
    found = [(f.line, f.rule) for f in audit_text(text, "worker.ts")]
    assert found == []


def test_an_objects_method_returning_the_answer_is_still_followed_on_the_object() -> None:
    text = """const BASE = "https://openapi.akool.com/api/open/v3";
export const akool = {
  async info(id) {
    const r = await fetch(`${BASE}/content/video/infobymodelid?video_model_id=${id}`);
    return r.json();
  },
};
export async function show(id) {
  const j = await akool.info(id);
  return j.data.video_status + j.data.nope;
}
"""
    found = [
        (f.line, f.rule, f.message.split(" has no ")[-1].split(" ")[0])
        for f in audit_text(text, "a.js")
    ]
    assert found == [(10, "answer-field", "data.nope")]


def test_a_global_fetch_far_below_a_fetch_handler_is_not_its_call() -> None:
    far = "\n".join(f"// {k}" for k in range(80))
    text = WORKER.replace("HEAD", "export default").replace("TAIL", ";")
    text = (
        text.replace("RETURN", "return r;")
        + far
        + """
export async function weather(env) {
  const r = await fetch(env.WEATHER + "/now");
  const j = await r.json();
  return j.temperature;
}
"""
    )
    assert [(f.line, f.rule) for f in audit_text(text, "worker.js")] == []


def test_a_class_method_returning_the_answer_is_still_followed_on_this() -> None:
    text = """const BASE = "https://openapi.akool.com/api/open/v3";
class Akool {
  async info(id) {
    const r = await fetch(`${BASE}/content/video/infobymodelid?video_model_id=${id}`);
    return r.json();
  }
  async show(id) {
    const j = await this.info(id);
    return j.data.video_status + j.data.nope;
  }
}
"""
    found = [(f.line, f.rule) for f in audit_text(text, "a.js")]
    assert found == [(9, "answer-field")]


def test_a_bare_call_far_below_an_objects_method_is_not_the_methods() -> None:
    far = "\n".join(f"// {k}" for k in range(80))
    text = f"""const BASE = "https://openapi.akool.com/api/open/v3";
import {{ info }} from "./db.js";
export const akool = {{
  async info(id) {{
    const r = await fetch(`${{BASE}}/content/video/infobymodelid?video_model_id=${{id}}`);
    return r.json();
  }},
}};
{far}
export async function row(id) {{
  const j = await info(id);
  return j.owner + j.size;
}}
"""
    assert [(f.line, f.rule) for f in audit_text(text, "a.js")] == []


def test_a_wrappers_get_given_the_query_second_keeps_it() -> None:
    js = (
        "class Akool {\n"
        "  async get(path, query) {\n"
        "    const r = await fetch(`BASE${path}?${new URLSearchParams(query)}`);\n"
        "    return r.json();\n"
        "  }\n"
        "}\n"
        "const akool = new Akool();\n"
        "async function go(id) {\n"
        "  const q = { video_id: id };\n"
        '  const j = await akool.get("/content/video/infobymodelid", q);\n'
        "  return j.data.video_status;\n"
        "}\n"
    )
    text = js.replace("BASE", BASE)
    found = [(f.line, f.rule) for f in audit_text(text, "w.js") if "video_id" in f.message]
    assert found == [(9, "misnamed-field")]


@pytest.mark.parametrize(
    ("name", "opened", "closed"),
    [
        ("c.vue", "<script setup>\n", "</script>\n"),
        ("n.md", "```js\n", "```\n"),
        ("p.html", "<script>\n", "</script>\n"),
    ],
)
def test_an_axios_config_in_a_vue_markdown_or_html_file_sends_no_field(
    name: str, opened: str, closed: str
) -> None:
    js = f'{opened}const r = await axios.post("MAKE", {{ prompt: "a cat", size: "1:1" }}, {{ timeout: 5000 }});\n{closed}'
    assert [(f[0], f[2]) for f in _fields(js, name)] == [(2, "size")]


def test_a_dart_named_body_argument_in_markdown_is_still_the_body() -> None:
    text = (
        "```dart\n"
        "final r = await http.post(Uri.parse('MAKE'), headers: {'x-api-key': k},"
        " body: jsonEncode({'prompt': 'a cat', 'size': '1:1'}));\n"
        "```\n"
    ).replace("MAKE", MAKE)
    found = [f.message.split(" ")[0] for f in audit_text(text, "n.md") if "field" in f.rule]
    assert found == ["size"]


def test_a_class_workers_fetch_method_is_not_the_global_fetch() -> None:
    assert [(f.line, f.rule) for f in audit_text(CLASS_WORKER, "worker.ts")] == []


CLASS_WORKER = """import { WorkerEntrypoint } from "cloudflare:workers";
const BASE = "https://openapi.akool.com/api/open/v3";

export default class extends WorkerEntrypoint<Env> {
  async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === "/create") {
      const r = await fetch(`${BASE}/content/image/createbyprompt`, {
        method: "POST",
        headers: { "x-api-key": this.env.AKOOL_KEY, "Content-Type": "application/json" },
        body: JSON.stringify({ prompt: "x", scale: "1:1" }),
      });
      return r;
    }
    const r = await fetch(this.env.WEATHER + "/now");
    const j: any = await r.json();
    return Response.json({ t: j.temperature, w: j.wind });
  }
}
"""
