"""Endpoints whose host the file does not show (issue 21, round 9a): versioned AKOOL-shaped paths
given to request helpers imported from a module the scan does not hold, judged only in a file that
names AKOOL throughout; a one-segment /api/vN path beside open-API-shaped siblings on a wrong AKOOL
host; a GET whose URL is a constant joined to an id, tied to its documented endpoint so its answer
reads are judged. The corpus scripts of these shapes are in tests/audit_corpus/paths9/."""

from __future__ import annotations

from pathlib import Path

import pytest

from akool_cli.audit.scan import Finding, audit, audit_text

CORPUS = Path(__file__).parent / "audit_corpus" / "paths9"


def places(findings: list[Finding]) -> list[tuple[int, str]]:
    return sorted((f.line, f.rule) for f in findings if f.severity != "info")


# -- 1. paths given to helpers imported from a module not scanned -----------------------------------

PY_JOBS = """\"\"\"AKOOL jobs: create and poll.\"\"\"
import os
from app.net.request_utils import get, post

AKOOL_HEADERS = {"x-api-key": os.environ["AKOOL_API_KEY"]}


def akool_lipsync_status(job_id):
    return get("/v4/lipsync/info", params={"id": job_id}, headers=AKOOL_HEADERS)


def akool_image(prompt):
    return post("/v3/content/image/createbyprompt", json={"prompt": prompt, "size": "1:1"})
"""

TS_JOBS = """// AKOOL studio jobs (AKOOL_API_KEY is read by the shared fetcher).
import api from "@/lib/fetcher";
import { akoolGet } from "../lib/fetcher";

export const akoolHeadswap = (id: string) => api.get("/v4/headswap/task/info", { params: { id } });
export const akoolAvatars = () => akoolGet<unknown>("/v3/avatar/lists");
"""


def test_a_versioned_path_given_to_an_imported_helper_is_an_akool_call() -> None:
    found = audit_text(PY_JOBS, "jobs.py")
    assert places(found) == [(9, "unknown-endpoint"), (13, "misnamed-field")]
    assert "/v4/lipsync/info is not in AKOOL's documentation" in found[0].message
    found = audit_text(TS_JOBS, "jobs.ts")
    assert places(found) == [(5, "unknown-endpoint"), (6, "unknown-endpoint")]
    assert found[1].documented.startswith("GET /api/open/v3/avatar/list ")


def test_without_evidence_that_the_file_talks_to_akool_nothing_is_judged() -> None:
    # the same calls in a file that names AKOOL once, or only in a sentence, are someone else's
    once = PY_JOBS.replace("AKOOL jobs", "Media jobs").replace("akool_", "media_")
    assert places(audit_text(once, "jobs.py")) == []
    prose = "\n".join(
        line if "AKOOL" not in line or line.startswith("#") else line.replace("AKOOL", "MEDIA")
        for line in [
            "# We moved off AKOOL last year; AKOOL's paths are kept for history.",
            *PY_JOBS.splitlines(),
        ]
    ).replace("akool_", "media_")
    assert places(audit_text(prose, "jobs.py")) == []
    # a file name that says AKOOL and one line of code that does are enough
    named = once.replace('"x-api-key"', '"x-akool-key"')
    assert places(audit_text(named, "akool_jobs.py")) == [
        (5, "wrong-auth-header"),  # (AKOOL reads x-api-key: session 34's rule)
        (9, "unknown-endpoint"),
        (13, "misnamed-field"),
    ]


def test_comments_count_as_evidence_beside_code_never_alone() -> None:
    bare = PY_JOBS.replace("AKOOL jobs", "Media jobs").replace("akool_", "media_")
    bare = bare.replace("AKOOL_HEADERS", "HEADERS").replace("AKOOL_API_KEY", "API_KEY")
    assert places(audit_text(bare, "jobs.py")) == []
    comments = "# AKOOL's job API, polled for the media pipeline.\n# See AKOOL's docs.\n" + bare
    assert places(audit_text(comments, "jobs.py")) == []  # (no AKOOL in the code)
    code = comments.replace("API_KEY", "AKOOL_KEY")  # one line of code names AKOOL
    assert places(audit_text(code, "jobs.py")) == [(11, "unknown-endpoint"), (15, "misnamed-field")]
    assert places(audit_text(bare.replace("API_KEY", "AKOOL_KEY"), "akool_jobs.py")) == [
        (9, "unknown-endpoint"),
        (13, "misnamed-field"),
    ]


def test_paths_that_are_not_akool_shaped_or_are_the_projects_own_routes_stay_silent() -> None:
    own = TS_JOBS.replace("/v4/headswap/task/info", "/api/akool/headswap/info").replace(
        "/v3/avatar/lists", "/v3/users/info"
    )
    assert places(audit_text(own, "jobs.ts")) == []
    server = (
        'const express = require("express");\n'
        'const api = require("./akool/apiRouter");\n'
        "// AKOOL routes of our server (AKOOL_API_KEY stays here)\n"
        'api.get("/v4/headswap/task/info", handlers.akoolHeadswap);\n'
    )
    assert places(audit_text(server, "akool_routes.js")) == []
    library = PY_JOBS.replace("from app.net.request_utils import", "from requests import")
    assert places(audit_text(library, "jobs.py")) == []
    mock = 'import { http } from "msw";\n' + TS_JOBS.split("\n", 1)[1].replace(
        "api.get", "http.get"
    )
    assert places(audit_text(mock, "jobs.mocks.ts")) == [(6, "unknown-endpoint")]  # (akoolGet's)
    local = TS_JOBS.replace(
        '"/v4/headswap/task/info"', '"http://localhost:3000/v4/headswap/task/info"'
    )
    assert places(audit_text(local, "jobs.ts")) == [(6, "unknown-endpoint")]


def test_a_helper_that_names_akool_itself_is_evidence_for_its_own_calls() -> None:
    text = (
        'import { akoolPost } from "@/lib/akool";\n'
        'import { get } from "@/lib/http";\n'
        "export async function POST(req: Request) {\n"
        '  await akoolPost("/v3/avatar/lists", {});\n'
        '  return get("/v4/headswap/task/info");\n'
        "}\n"
    )
    assert places(audit_text(text, "route.ts")) == [(4, "unknown-endpoint")]


def test_a_method_of_another_object_is_not_the_imported_helper() -> None:
    text = PY_JOBS + '\n\ndef cached(cache):\n    return cache.get("/v4/lipsync/info")\n'
    assert (17, "unknown-endpoint") not in places(audit_text(text, "jobs.py"))


def test_a_wrapper_of_the_files_own_around_an_imported_helper_is_followed() -> None:
    text = PY_JOBS + (
        "\n\ndef akool_get(path, **params):\n    return get(path, params=params)\n\n\n"
        'def akool_voices():\n    return akool_get("/v4/voice/lists", type=1)\n'
    )
    found = audit_text(text, "jobs.py")
    assert (21, "unknown-endpoint") in places(found)


def test_a_table_of_status_paths_keyed_by_job_kind() -> None:
    text = (
        "# AKOOL status paths by job kind\n"
        'import { akoolGet } from "@/lib/fetcher";\n'
        "const AKOOL_STATUS_PATHS = {\n"
        '  talkingPhoto: "/v3/content/video/infobymodelid",\n'
        '  lipsync: "/v4/lipsync/status",\n'
        "};\n"
        "export function akoolStatus(kind, id) {\n"
        "  const path = AKOOL_STATUS_PATHS[kind];\n"
        "  return akoolGet(path, { id });\n"
        "}\n"
    )
    assert places(audit_text(text, "akool.js")) == [(5, "unknown-endpoint")]
    direct = text.replace("  const path = AKOOL_STATUS_PATHS[kind];\n", "").replace(
        "akoolGet(path,", "akoolGet(AKOOL_STATUS_PATHS[kind],"
    )
    assert places(audit_text(direct, "akool.js")) == [(5, "unknown-endpoint")]
    nested = text.replace("const AKOOL_STATUS_PATHS = {", "const AKOOL = { status: {").replace(
        "};\nexport", "} };\nexport"
    )
    nested = nested.replace("AKOOL_STATUS_PATHS[kind]", "AKOOL.status[kind]")
    assert places(audit_text(nested, "akool.js")) == [(5, "unknown-endpoint")]
    formatted = text.replace(
        "AKOOL_STATUS_PATHS[kind];", "AKOOL_STATUS_PATHS[kind].replace(':id', id);"
    )
    assert places(audit_text(formatted, "akool.js")) == [(5, "unknown-endpoint")]
    unused = text.replace("  return akoolGet(path, { id });\n", "  return path;\n")
    assert places(audit_text(unused, "akool.js")) == []


# Hidden clients in every shape, one row each: (file name, text, findings expected).
HIDDEN = [
    (  # an object of an imported class, a table of paths under any key
        "svc.py",
        '"""AKOOL client wrapper."""\n'
        "from platform_sdk.client import ApiClient\n"
        "AKOOL_STATUS = {\n"
        '    JobKind.HEADSWAP: "/v4/headswap/task/info",\n'
        '    "talking-photo": "/v3/content/video/infobymodelid",\n'
        "}\n"
        "class AkoolService:\n"
        "    def __init__(self):\n"
        "        self.client = ApiClient()\n"
        "    def akool_status(self, kind):\n"
        "        return self.client.get(AKOOL_STATUS.get(kind))\n",
        [(4, "unknown-endpoint")],
    ),
    (  # an options object given to an imported request()
        "akool.ts",
        "// AKOOL endpoints (umi request)\n"
        'import request from "@/utils/request";\n'
        "export const akoolInfo = (id: string) =>\n"
        "  request({\n"
        '    url: "/v4/headswap/task/info",\n'
        '    method: "get",\n'
        "  });\n"
        'export const akoolTalk = () => request({ url: "/v3/content/video/talk", method: "post" });\n',
        [(5, "unknown-endpoint"), (8, "unknown-endpoint")],
    ),
    (  # any request method of an imported module or object (capitalize is none)
        "akool_media.py",
        '"""AKOOL media jobs."""\n'
        "from common import api\n"
        "from common.clients import HttpClient\n"
        'akool_client = HttpClient(base_url_env="AKOOL_BASE")\n'
        'def akool_info(i):\n    return api.get_json("/v4/headswap/task/info", params={"id": i})\n'
        'def akool_avatars():\n    return akool_client.akool_get("/v3/avatar/lists")\n'
        'def akool_label():\n    return api.capitalize("/v3/avatar/lists")\n',
        [(6, "unknown-endpoint"), (8, "unknown-endpoint")],
    ),
    (  # a Go package imported from outside (net/http is the standard library's)
        "akool.go",
        "// Package akool polls AKOOL jobs (AKOOL_API_KEY).\n"
        "package akool\n"
        'import (\n\t"net/http"\n\thx "github.com/acme/platform/pkg/httpx"\n)\n'
        'func AkoolInfo(id string) { hx.Get(ctx, "/v4/headswap/task/info") }\n'
        'func AkoolStd(id string) { http.Get("/v4/headswap/task/info") }\n',
        [(7, "unknown-endpoint")],
    ),
    (  # a Java class imported from outside (OkHttp's is a library's)
        "AkoolJobs.java",
        "import com.acme.http.HttpUtil;\nimport okhttp3.OkHttpClient;\n"
        "/** AKOOL jobs (AKOOL_API_KEY). */\nclass AkoolJobs {\n"
        '  String akoolInfo() { return HttpUtil.get("/v4/headswap/task/info"); }\n'
        '  String akoolOk(OkHttpClient ok) { return OkHttpClient.get("/v4/headswap/task/info"); }\n}\n',
        [(5, "unknown-endpoint")],
    ),
    (  # a base held in the environment of a file that names AKOOL (a parameter's is its own)
        "jobs.js",
        "const AKOOL_BASE = process.env.AKOOL_BASE_URL;\n"
        'const headers = { "x-api-key": process.env.AKOOL_API_KEY };\n'
        "export const info = (id) => fetch(`${AKOOL_BASE}/v4/headswap/task/info?id=${id}`, { headers });\n"
        "export const own = (origin) => fetch(`${origin}/api/faceswap/metrics`);\n",
        [(3, "unknown-endpoint")],
    ),
    (  # the same for a service of its own: its paths are its own
        "jobs2.js",
        "const RENDER_BASE = process.env.RENDER_BASE_URL;\n"
        'const headers = { "x-api-key": process.env.RENDER_API_KEY };\n'
        "export const info = (id) => fetch(`${RENDER_BASE}/v4/headswap/task/info?id=${id}`, { headers });\n"
        "export const own = (origin) => fetch(`${origin}/api/faceswap/metrics`);\n",
        [],
    ),
]


@pytest.mark.parametrize(("name", "text", "want"), HIDDEN, ids=[row[0] for row in HIDDEN])
def test_hidden_clients_in_every_shape(name: str, text: str, want: list[tuple[int, str]]) -> None:
    assert places(audit_text(text, name)) == want


def test_a_state_path_names_the_documented_reader_of_its_products_jobs() -> None:
    found = audit_text(PY_JOBS, "jobs.py")
    assert found[0].documented.startswith("GET /api/open/v3/content/video/infobymodelid ")
    found = audit_text(TS_JOBS, "jobs.ts")
    assert found[0].documented.startswith("GET /api/open/v4/headswap/task/detail ")
    assert found[0].fix is None  # a likely replacement, not a mechanical one
    voice = audit_text(TS_JOBS.replace("/v4/headswap/task/info", "/v4/voice/task/info"), "jobs.ts")
    assert voice[0].documented.startswith("an endpoint in AKOOL's documentation")  # two readers
    status = audit_text(
        TS_JOBS.replace("/v4/headswap/task/info", "/v3/content/video/status"), "j.ts"
    )
    assert status[0].documented.startswith("GET /api/open/v3/content/video/infobymodelid ")


def test_a_word_any_api_uses_needs_more_than_a_version_and_one_segment() -> None:
    own = PY_JOBS.replace("/v4/lipsync/info", "/v1/auth/login")  # (AKOOL's guessed /auth)
    assert places(audit_text(own, "jobs.py")) == [(13, "misnamed-field")]
    own = PY_JOBS.replace("/v4/lipsync/info", "/v1/content/list")
    assert places(audit_text(own, "jobs.py")) == [(13, "misnamed-field")]
    akool = PY_JOBS.replace("/v4/lipsync/info", "/v4/voice/lists")  # AKOOL's voice/list
    assert places(audit_text(akool, "jobs.py")) == [(9, "unknown-endpoint"), (13, "misnamed-field")]


def test_a_helper_module_that_is_scanned_is_no_hidden_client(tmp_path: Path) -> None:
    (tmp_path / "own_http.py").write_text(
        'import requests\n\ndef get(path, **kw):\n    return requests.get("http://localhost:8000" + path, **kw)\n'
    )
    (tmp_path / "akool_mirror.py").write_text(PY_JOBS.replace("app.net.request_utils", "own_http"))
    assert places(audit([tmp_path]).findings) == []
    (tmp_path / "akool_mirror.py").write_text(PY_JOBS)  # the helper's module is not scanned
    assert places(audit([tmp_path]).findings) == [(9, "unknown-endpoint"), (13, "misnamed-field")]


def test_a_scanned_akool_module_whose_base_is_not_in_view_is_a_hidden_client(
    tmp_path: Path,
) -> None:
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "akool.ts").write_text(
        "// AKOOL client: base and key from the environment (AKOOL_BASE_URL, AKOOL_API_KEY).\n"
        "const AKOOL_BASE_URL = process.env.AKOOL_BASE_URL!;\n"
        "export async function akoolPost(path: string, body: unknown) {\n"
        "  return fetch(`${AKOOL_BASE_URL}${path}`, { method: 'POST', body: JSON.stringify(body) });\n"
        "}\n"
    )
    route = 'import { akoolPost } from "@/lib/akool";\nexport const go = () => akoolPost("/v4/lipsync/info", {});\n'
    (tmp_path / "route.ts").write_text(route)
    assert places(audit([tmp_path]).findings) == [(2, "unknown-endpoint")]
    shown = (
        (tmp_path / "lib" / "akool.ts")
        .read_text()
        .replace("process.env.AKOOL_BASE_URL!", '"https://openapi.akool.com/api/open/v3"')
    )
    (tmp_path / "lib" / "akool.ts").write_text(shown)  # its base in view: the folder's helper
    found = audit([tmp_path]).findings
    assert [(f.line, f.rule, f.message.split(" is ")[0]) for f in found] == [
        (2, "unknown-endpoint", "/v4/lipsync/info (as /api/open/v3/v4/lipsync/info)")
    ]


# -- 2. a one-segment path beside open-API-shaped siblings on a wrong AKOOL host ------------------

UPLOAD = """import requests

def upload(fh):
    return requests.post("https://api.akool.com/api/v1/upload", files={"file": fh})

def swap(src, dst):
    return requests.post("https://api.akool.com/api/v1/faceswap/create", json={"source": src})
"""


def test_a_one_segment_path_beside_shaped_siblings_on_a_wrong_host_is_reported_like_them() -> None:
    assert places(audit_text(UPLOAD, "up.py")) == [
        (4, "unknown-endpoint"),
        (4, "wrong-host"),
        (7, "unknown-endpoint"),
        (7, "wrong-host"),
    ]


def test_without_shaped_siblings_a_one_segment_path_is_the_websites_own() -> None:
    alone = UPLOAD.replace("/api/v1/faceswap/create", "/api/v1/public/login")
    assert places(audit_text(alone, "up.py")) == []
    other_version = UPLOAD.replace("/api/v1/faceswap/create", "/api/v2/faceswap/create")
    assert places(audit_text(other_version, "up.py")) == [
        (7, "unknown-endpoint"),
        (7, "wrong-host"),
    ]
    prose = UPLOAD.replace(
        '    return requests.post("https://api.akool.com/api/v1/faceswap/create", json={"source": src})',
        "    # We used to call https://api.akool.com/api/v1/faceswap/create here, before AKOOL's open API.\n"
        "    return None",
    )
    assert places(audit_text(prose, "up.py")) == []


# -- 3. a GET whose URL is a constant joined to an id ---------------------------------------------

PY_DETAIL = """import requests
AKOOL = "https://openapi.akool.com"
DETAIL_URL = AKOOL + "/api/open/v4/voice/detail"

def task(voice_id):
    r = requests.get(f"{DETAIL_URL}/{voice_id}")
    return r.json()["data"]["task_id"]

def preview(voice_id):
    r = requests.get(DETAIL_URL + "/" + voice_id)
    return r.json()["data"]["preview"]
"""

JS_DETAIL = """const AKOOL = "https://openapi.akool.com";
const DETAIL_URL = `${AKOOL}/api/open/v4/voice/detail`;
async function url(id) {
  const res = await fetch(`${DETAIL_URL}/${id}`);
  const json = await res.json();
  return json.data.video_url;
}
async function name(id) {
  const res = await fetch(DETAIL_URL + "/" + id);
  return (await res.json()).data.name;
}
"""


def test_a_get_joined_to_an_id_is_tied_to_its_documented_endpoint() -> None:
    found = audit_text(PY_DETAIL, "d.py")
    assert places(found) == [(7, "response-field")]
    assert "GET /api/open/v4/voice/detail/{_id}" in found[0].message
    found = audit_text(JS_DETAIL, "d.js")
    assert places(found) == [(6, "response-field")]
    assert "GET /api/open/v4/voice/detail/{_id}" in found[0].message


def test_a_path_constant_joined_to_a_base_and_an_id() -> None:
    text = (
        "import requests\n"
        'V4 = "https://openapi.akool.com/api/open/v4"\n'
        'DETAIL = "/voice/detail"\n'
        "def one(i):\n"
        '    r = requests.get(f"{V4}{DETAIL}/{i}")\n'
        '    return r.json()["data"]["task_id"]\n'
        "def two(i):\n"
        '    r = requests.get(V4 + DETAIL + "/" + i)\n'
        '    return r.json()["data"]["preview"]\n'
    )
    found = audit_text(text, "d.py")  # (not `DETAIL (as .../voice/detail) is not documented`)
    assert places(found) == [(6, "response-field")]


def test_the_constant_itself_is_still_not_a_finding_and_a_bare_use_still_is() -> None:
    assert all(f.line != 3 for f in audit_text(PY_DETAIL, "d.py"))
    bare = PY_DETAIL + "\ndef all_voices():\n    return requests.get(DETAIL_URL).json()\n"
    assert (3, "unknown-endpoint") in places(audit_text(bare, "d.py"))


def test_the_corpus_folder_of_these_shapes() -> None:
    found = audit([CORPUS], exclude=["expected.json"])
    assert found.files_scanned == 28
    silent = {"users_client.py", "usersClient.ts", "AkoolStudio.tsx", "akool_routes.js"}
    silent |= {"akool_notes.py", "akool_localhost.js", "website_clone.js", "akool_mirror.py"}
    silent |= {"own_http.py", "renderBase.js", "akool_account.py", "render_jobs.go"}
    assert not [f for f in found.findings if Path(f.file).name in silent]
