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
