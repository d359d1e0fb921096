"""Issue 21, flow21: a path followed from where it is written to the request that sends it (a
held-out run's R1, R10, R11 and a break-it run's M2, M4, M16): the rows of a map of maps read by
key off a picked row and given to a helper (each row judged at its own line)."""

from __future__ import annotations

from pathlib import Path

import pytest

from akool_cli.audit.scan import Finding, audit, audit_text

JS_HELPERS = """const BASE = "https://openapi.akool.com/api/open";
async function akoolGet(path) {
  const res = await fetch(BASE + path, { headers: { "x-api-key": KEY } });
  return res.json();
}
async function akoolPost(path, body) {
  const res = await fetch(`${BASE}${path}`, { method: "POST", body: JSON.stringify(body) });
  return res.json();
}
"""
JS_MAP = """const STATUS_PATHS = {
  video: {
    getPath: "/v3/content/video/infobymodelid",
    postFallback: "/v3/content/video/status",
  },
  image: {
    getPath: "/v3/content/image/infobymodelid",
    postFallback: "/v3/content/image/result",
  },
  avatar: { getPath: "/v4/talkingAvatar/info", postFallback: "/v4/talkingAvatar/status" },
};
"""
JS_USE = """export async function poll(kind, id) {
  const config = STATUS_PATHS[kind];
  const got = await akoolGet(`${config.getPath}?video_model_id=${id}`);
  if (got.code === 1000) return got.data;
  return akoolPost(config.postFallback, { _id: id });
}
"""
# The wrong rows of JS_MAP, by line (the documented infobymodelid rows are silent).
JS_WRONG = ["/v3/content/video/status", "/v3/content/image/result", "/v4/talkingAvatar/info"]
JS_WRONG += ["/v4/talkingAvatar/status"]


def errors(findings: list[Finding]) -> list[tuple[str, int, str]]:
    return sorted((f.file, f.line, f.rule) for f in findings if f.severity == "error")


def paths_at(text: str, findings: list[Finding]) -> list[str]:
    """The path each error is at, as the line of the text shows it."""
    lines = text.splitlines()
    found = []
    for f in sorted(findings, key=lambda f: (f.line, f.column)):
        if f.severity == "error":
            start = f.column - 1
            found.append(lines[f.line - 1][start:].split('"')[0])
    return found


def test_each_row_of_a_map_of_maps_read_off_a_picked_row_is_judged_at_its_line() -> None:
    text = JS_HELPERS + JS_MAP + JS_USE
    found = audit_text(text, "status.js")
    assert paths_at(text, found) == JS_WRONG
    assert {f.rule for f in found if f.severity == "error"} == {"unknown-endpoint"}


def test_the_rows_are_judged_when_the_helper_is_another_files(tmp_path: Path) -> None:
    (tmp_path / "client.js").write_text(
        JS_HELPERS.replace("async function", "export async function")
    )
    (tmp_path / "status.js").write_text(
        'import { akoolGet, akoolPost } from "./client.js";\n' + JS_MAP + JS_USE
    )
    found = audit([tmp_path]).findings
    text = (tmp_path / "status.js").read_text()
    assert paths_at(text, [f for f in found if f.file.endswith("status.js")]) == JS_WRONG
    assert all(f.file.endswith("status.js") for f in found if f.severity == "error")


def test_a_read_that_names_its_row_is_that_rows_path_alone() -> None:
    use = "export const v = (id) => akoolPost(STATUS_PATHS.avatar.postFallback, { _id: id });\n"
    text = JS_HELPERS + JS_MAP + use
    assert paths_at(text, audit_text(text, "one.js")) == ["/v4/talkingAvatar/status"]


def test_a_map_of_maps_no_request_reads_stays_silent() -> None:
    use = "export const known = (p) => Object.values(STATUS_PATHS).some((r) => r.getPath === p);\n"
    assert errors(audit_text(JS_HELPERS + JS_MAP + use, "data.js")) == []


PY = """import requests

BASE = "https://openapi.akool.com/api/open"


def akool_get(path, params=None):
    return requests.get(BASE + path, params=params).json()


def akool_post(path, body):
    return requests.post(f"{BASE}{path}", json=body).json()


JOB_PATHS = {
    "video": {
        "get_path": "/v3/content/video/infobymodelid",
        "fallback": "/v3/content/video/getresult",
    },
    "swap": {"get_path": "/v3/faceswap/result/listbyids", "fallback": "/v3/faceswap/result/get"},
}


def poll(kind, task_id):
    config = JOB_PATHS[kind]
    got = akool_get(config["get_path"], params={"_ids": task_id})
    return got or akool_post(config["fallback"], {"_id": task_id})
"""


def test_python_dict_of_dicts_rows_read_by_subscript() -> None:
    assert paths_at(PY, audit_text(PY, "poll.py")) == [
        "/v3/content/video/getresult",
        "/v3/faceswap/result/get",
    ]


@pytest.mark.parametrize("key", ["get_path", "fallback"])
def test_python_a_read_naming_its_row(key: str) -> None:
    head = PY.split("\n\ndef poll")[0]
    call = "akool_get" if key == "get_path" else "akool_post"
    text = (
        head + f'\n\n\ndef swap(i):\n    return {call}(JOB_PATHS["swap"]["{key}"], {{"_id": i}})\n'
    )
    want = ["/v3/faceswap/result/get"] if key == "fallback" else []
    assert paths_at(text, audit_text(text, "v.py")) == want


TS_JOB = """const BASE = "https://openapi.akool.com/api/open";
const AD = "/v3/product-ad/create";
const AD_FALLBACK = "/v3/content/productAd/create";

async function akoolPost(path: string, body: unknown): Promise<any> {
  const res = await fetch(`${BASE}${path}`, { method: "POST", body: JSON.stringify(body) });
  return res.json();
}

async function createAkoolJob(primary: string, body: unknown, fallbackPath?: string) {
  const first = await akoolPost(primary, body);
  if (first.code === 1000 || !fallbackPath) return first;
  return akoolPost(fallbackPath, body);
}
"""
TS_CALLS = {
    "literals": 'createAkoolJob("/v3/product-ad/create", { url }, "/v3/content/productAd/create");',
    "names": "createAkoolJob(AD, { url }, AD_FALLBACK);",
}


@pytest.mark.parametrize("kind", list(TS_CALLS))
def test_a_path_given_as_a_wrappers_later_argument_is_a_call(kind: str) -> None:
    text = TS_JOB + f"export const ad = (url: string) => {TS_CALLS[kind]}\n"
    found = errors(audit_text(text, "jobs.ts"))
    assert found == [("jobs.ts", 15, "unknown-endpoint")] * 2


def test_a_wrapper_passing_both_paths_on_takes_both(tmp_path: Path) -> None:
    outer = (
        "async function makeJob(primary: string, body: unknown, fallback: string) {\n"
        "  return createAkoolJob(primary, body, fallback);\n}\n"
        'makeJob("/v3/content/video/createbytalkingphoto", {}, "/v3/content/video/talk");\n'
    )
    found = audit_text(TS_JOB + outer, "outer.ts")
    assert paths_at(TS_JOB + outer, found) == ["/v3/content/video/talk"]


PY_JOB = """import requests

BASE = "https://openapi.akool.com/api/open/v3"


def _post(path, body):
    return requests.post(BASE + path, json=body, timeout=30).json()


def create_job(body, primary, fallback=None):
    got = _post(primary, body)
    if got.get("code") != 1000 and fallback:
        got = _post(fallback, body)
    return got


create_job({"prompt": "a cat", "scale": "1:1"}, "/content/image/createbyprompt", "/content/image/create")
"""


def test_python_a_later_path_parameter_after_a_body() -> None:
    assert paths_at(PY_JOB, audit_text(PY_JOB, "jobs.py")) == ["/content/image/create"]


HIDDEN = """import { createAkoolJob } from "@/lib/akool-jobs";
export const talk = (p, a) => createAkoolJob("/v3/content/video/createbytalkingphoto", {
  talking_photo_url: p, audio_url: a });
export const ad = (u) => createAkoolJob("/v3/product-ad/create", { url: u });
export const me = () => createAkoolJob("/v1/users/me", {});
"""
ENV = """const BASE = process.env.AKOOL_BASE_URL;
async function akoolPost(path, body) {
  const res = await fetch(`${BASE}${path}`, { method: "POST", body: JSON.stringify(body) });
  return res.json();
}
export const img = (p) => akoolPost("/v3/content/image/createbyprompt", { prompt: p, scale: "1:1" });
export const ad = (u) => akoolPost("/v3/product-ad/create", { url: u });
export const me = () => akoolPost("/v1/users/me", {});
"""


@pytest.mark.parametrize("text", [HIDDEN, ENV], ids=["hidden-helper", "env-base"])
def test_a_hyphenated_path_through_a_helper_a_documented_path_goes_through(text: str) -> None:
    found = audit_text(text, "jobs.ts")
    assert paths_at(text, found) == ["/v3/product-ad/create"]


@pytest.mark.parametrize("text", [HIDDEN, ENV], ids=["hidden-helper", "env-base"])
def test_without_a_documented_sibling_such_a_path_stays_unjudged(text: str) -> None:
    alone = "\n".join(
        line
        for line in text.splitlines()
        if "createbytalk" not in line and "createbyprompt" not in line
    )
    alone = alone.replace("  talking_photo_url: p, audio_url: a });\n", "")
    assert errors(audit_text(alone + "\n", "jobs.ts")) == []


URLJOIN = {
    "a.py": (
        "from urllib.parse import urljoin\nimport requests\n"
        'BASE = "https://openapi.akool.com/api/open/v3"\n'
        'SLASHED = "https://openapi.akool.com/api/open/v3/"\n'
        'requests.get(urljoin(BASE, "content/video/infobymodelid"), params={"video_model_id": "x"})\n'
        'requests.get(urljoin(SLASHED, "/content/video/infobymodelid"), params={"video_model_id": "x"})\n'
        'requests.get(urljoin(SLASHED, "content/video/infobymodelid"), params={"video_model_id": "x"})\n'
        'requests.get(urljoin(BASE + "/", "content/video/infobymodelid"), params={"video_model_id": 1})\n'
    ),
    "b.js": (
        'const BASE = "https://openapi.akool.com/api/open/v3";\n'
        'const SLASHED = "https://openapi.akool.com/api/open/v3/";\n'
        'fetch(new URL("content/video/infobymodelid?video_model_id=1", BASE));\n'
        'fetch(new URL("/content/video/infobymodelid?video_model_id=1", BASE + "/"));\n'
        'fetch(new URL("content/video/infobymodelid?video_model_id=1", SLASHED));\n'
        'fetch(new URL("content/video/infobymodelid?video_model_id=1", BASE + "/"));\n'
    ),
}


@pytest.mark.parametrize("name", list(URLJOIN))
def test_urljoin_and_new_url_resolve_the_path_against_the_base(name: str) -> None:
    found = [f for f in audit_text(URLJOIN[name], name) if f.severity == "error"]
    first = 5 if name == "a.py" else 3
    assert [(f.line, f.rule) for f in found] == [
        (first, "unknown-endpoint"),
        (first + 1, "unknown-endpoint"),
    ]
    assert "has no trailing slash, so URL resolution replaces v3" in found[0].message
    assert "/api/open/content/video/infobymodelid" in found[0].message
    assert "a leading slash replaces the base's whole path" in found[1].message
    assert all(f.fix is None for f in found)


def test_a_base_made_from_another_with_a_slash_is_no_slashless_base() -> None:
    text = [
        *URLJOIN["a.py"].splitlines()[:4],
        'V = f"{BASE}/"',
        'requests.get(urljoin(V, "content/video/infobymodelid"), params={"video_model_id": "x"})',
    ]
    assert errors(audit_text("\n".join(text) + "\n", "c.py")) == []


GO = """package akool

import (
\t"bytes"
\t"encoding/json"
\t"net/http"
\t"os"
)

const defaultBase = "https://openapi.akool.com/api/open/v3"

type Client struct {
\tbase string
}

type envelope struct {
\tCode int             `json:"code"`
\tData json.RawMessage `json:"data"`
}

func New() *Client {
\treturn &Client{base: defaultBase}
}

func FromEnv() *Client {
\tbase := os.Getenv("AKOOL_BASE_URL")
\tif base == "" { base = defaultBase }
\treturn &Client{base: base}
}

func (c *Client) do(method, path string, in any) (*envelope, error) {
\tb, _ := json.Marshal(in)
\treq, _ := http.NewRequest(method, c.base+path, bytes.NewReader(b))
\tresp, err := http.DefaultClient.Do(req)
\tif err != nil {
\t\treturn nil, err
\t}
\tvar out envelope
\treturn &out, json.NewDecoder(resp.Body).Decode(&out)
}

func (c *Client) Image(prompt string) (string, error) {
\tout, err := c.do(http.MethodPost, "/content/image/createbyprompt", map[string]any{"prompt": prompt})
\tif err != nil {
\t\treturn "", err
\t}
\tvar v struct {
\t\tID string `json:"_id"`
\t}
\treturn v.ID, json.Unmarshal(out.Data, &v)
}

func (c *Client) Status(id string) error {
\t_, err := c.do(http.MethodGet, "/content/video/status/"+id, nil)
\treturn err
}
"""


def test_go_a_base_held_in_a_struct_field_set_from_a_constant() -> None:
    found = errors(audit_text(GO, "akool.go"))
    assert found == [("akool.go", 54, "undocumented-path")]


def test_go_a_base_defaulted_in_a_one_line_if() -> None:
    text = GO.replace("return &Client{base: defaultBase}", "return FromEnv()")
    assert errors(audit_text(text, "akool.go")) == [("akool.go", 54, "undocumented-path")]


def test_go_a_struct_decoded_from_the_answers_data_field_reads_under_data() -> None:
    text = GO.replace('`json:"_id"`', '`json:"video_id"`')
    found = [
        f for f in audit_text(text, "akool.go") if f.rule in ("response-field", "answer-field")
    ]
    # (read under data: a guessed job id on a create answer, data.video_id for data._id; ans21)
    assert [(f.line, f.rule, f.severity) for f in found] == [(48, "response-field", "error")]
    assert found[0].documented == "data._id"
    assert errors(audit_text(GO, "akool.go")) == [("akool.go", 54, "undocumented-path")]


PHP = """<?php
final class Akool
{
    public function __construct(private string $apiKey, private string $base = 'https://openapi.akool.com/api/open/v3')
    {
    }

    public function knowledge(string $name): array
    {
        $res = $this->http->post($this->base . '/knowledge/create', ['json' => ['name' => $name]]);
        return json_decode($res->getBody(), true);
    }
}
"""


def test_php_a_promoted_constructor_parameters_default_is_a_base() -> None:
    assert errors(audit_text(PHP, "Akool.php")) == [("Akool.php", 10, "unknown-endpoint")]


def test_a_key_destructured_from_a_picked_row_is_any_rows_path() -> None:
    use = (
        "export async function poll(kind, id) {\n"
        "  const { getPath, postFallback } = STATUS_PATHS[kind];\n"
        "  const got = await akoolGet(`${getPath}?video_model_id=${id}`);\n"
        "  return got || akoolPost(postFallback, { _id: id });\n}\n"
    )
    text = JS_HELPERS + JS_MAP + use
    assert paths_at(text, audit_text(text, "d.js")) == JS_WRONG


def test_a_parameter_named_like_a_rows_key_is_no_read_of_the_rows() -> None:
    use = "export const get = (getPath) => akoolPost(getPath, {});\n"
    assert errors(audit_text(JS_HELPERS + JS_MAP + use, "p.js")) == []


def test_a_map_of_maps_of_another_file_is_judged_in_its_own_file(tmp_path: Path) -> None:
    (tmp_path / "paths.js").write_text("export " + JS_MAP)
    (tmp_path / "client.js").write_text(
        JS_HELPERS.replace("async function", "export async function")
    )
    reader = 'import { akoolGet, akoolPost } from "./client.js";\n'
    reader += 'import { STATUS_PATHS } from "./paths.js";\n' + JS_USE
    (tmp_path / "status.js").write_text(reader)
    found = [f for f in audit([tmp_path]).findings if f.severity == "error"]
    assert {f.file.rsplit("/", 1)[-1] for f in found} == {"paths.js"}
    assert paths_at("export " + JS_MAP, found) == JS_WRONG


def test_a_map_of_another_file_no_file_gives_a_wrapper_stays_silent(tmp_path: Path) -> None:
    (tmp_path / "paths.js").write_text("export " + JS_MAP)
    use = "export const known = (c) => c.getPath === STATUS_PATHS.video.getPath;\n"
    (tmp_path / "status.js").write_text('import { STATUS_PATHS } from "./paths.js";\n' + use)
    assert audit([tmp_path]).findings == []


GO_JOIN = """package main

import (
\t"bytes"
\t"encoding/json"
\t"net/http"
\t"net/url"
)

const apiBase = "https://openapi.akool.com/api/open/v3"

func post(endpoint string, payload any) (*http.Response, error) {
\tu, err := url.JoinPath(apiBase, endpoint)
\tif err != nil {
\t\treturn nil, err
\t}
\tbuf, _ := json.Marshal(payload)
\treturn http.Post(u, "application/json", bytes.NewReader(buf))
}

func main(id string) {
\tpost("faceswap/result/delete", map[string]any{"_ids": "a,b"})
\tpost("faceswap/result/delbyids", map[string]any{"_ids": "a,b"})
\tu, _ := url.JoinPath(apiBase, "content", "video", "status", id)
\thttp.Get(u)
\tv, _ := url.JoinPath(apiBase, "content", "video", "infobymodelid")
\thttp.Get(v + "?video_model_id=" + id)
}
"""
PHP_RTRIM = """<?php
function akool_request(string $path, ?array $body = null): array {
    $base = 'https://openapi.akool.com/api/open/v3';
    $ch = curl_init();
    curl_setopt($ch, CURLOPT_URL, rtrim($base, '/') . $path);
    curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode($body));
    return json_decode(curl_exec($ch), true);
}
akool_request('/content/video/status/' . $id);
akool_request('/content/video/createbytalkingphoto', ['talking_photo_url' => 'a', 'audio_url' => 'b']);
"""
PY_RSTRIP = """import requests
BASE = "https://openapi.akool.com/api/open/v3/"
def call(path, body):
    return requests.post(BASE.rstrip("/") + path, json=body).json()
call("/content/video/status", {})
call("/content/image/createbyprompt", {"prompt": "x", "scale": "1:1"})
"""


@pytest.mark.parametrize(
    ("name", "text", "want"),
    [
        ("a.go", GO_JOIN, [(22, "unknown-endpoint"), (24, "undocumented-path")]),
        ("c.php", PHP_RTRIM, [(9, "undocumented-path")]),
        ("d.py", PY_RSTRIP, [(5, "unknown-endpoint")]),
    ],
)
def test_a_join_by_url_joinpath_or_a_trimmed_base(
    name: str, text: str, want: list[tuple[int, str]]
) -> None:
    assert [(line, rule) for _, line, rule in errors(audit_text(text, name))] == want


def test_a_route_table_of_maps_a_server_declares_stays_silent() -> None:
    text = (
        'const express = require("express");\nconst axios = require("axios");\n'
        'const akool = axios.create({ baseURL: "https://openapi.akool.com/api/open/v3" });\n'
        "const ROUTES = {\n"
        '  video: { status: "/v3/content/video/status", create: "/v3/content/video/create" },\n'
        '  image: { status: "/v3/content/image/status", create: "/v3/content/image/create" },\n'
        "};\nconst app = express();\n"
        "app.get(ROUTES.video.status, async (req, res) => {\n"
        '  const r = await akool.get("/content/video/infobymodelid", { params: { video_model_id: 1 } });\n'
        "  res.json(r.data);\n});\n"
        "for (const kind of Object.keys(ROUTES)) {\n  const cfg = ROUTES[kind];\n"
        "  app.post(cfg.create, (req, res) => res.json({}));\n}\n"
    )
    assert errors(audit_text(text, "server.js")) == []
