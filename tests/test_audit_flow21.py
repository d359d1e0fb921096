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
