"""`akool audit` on session eighteen's recall30c shapes (repro21n, repro21m, repro21l): bases
whose version is joined from another base or held in a name of its own, and the answer of a
call whose version is not in view, judged under every version that documents its path."""

from __future__ import annotations

from pathlib import Path

from akool_cli.audit.scan import audit, audit_text

ROOT = "https://openapi.akool.com/api/open"


def source(*lines: str) -> str:
    return "\n".join(lines)


def places(text: str, name: str) -> set[tuple[int, str]]:
    return {(f.line, f.rule) for f in audit_text(text, name)}


def folder_places(root: Path, files: dict[str, str]) -> set[tuple[str, int, str]]:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    found = audit([root]).findings
    return {(Path(f.file).relative_to(root).as_posix(), f.line, f.rule) for f in found}


# -- composed-version-base-v4-voice-list-taken-as-v3-false-warning (repro21n) ----------------------

V4_VOICES = 'requests.get(f"{V4}/voice/list", params={"type": 1}).json()["data"]["result"]'


def test_a_version_joined_to_a_base_is_that_versions_base() -> None:
    text = "\n".join(
        (
            "import requests",
            f'API_ROOT = "{ROOT}"',
            'V3 = API_ROOT + "/v3"',
            'V4 = f"{API_ROOT}/v4"',
            f"print({V4_VOICES})",  # v4's answer: data.result, right
            'requests.get(V3 + "/content/video/detail")',
            'requests.get(V4 + "/voice/lists")',
        )
    )
    assert places(text, "same.py") == {(6, "unknown-endpoint"), (7, "unknown-endpoint")}
    assert "/api/open/v4/voice/lists" in audit_text(text, "same.py")[-1].message


def test_a_version_joined_base_is_followed_into_the_files_importing_it(tmp_path: Path) -> None:
    files = {
        "pkg/__init__.py": "",
        "pkg/constants.py": f'API_ROOT = "{ROOT}"\nV4 = API_ROOT + "/v4"\n',
        "pkg/c.py": "\n".join(
            (
                "import requests",
                "from .constants import V4",
                "def voices():",
                f"    return {V4_VOICES}",
                "def bad():",
                '    return requests.get(V4 + "/voice/lists")',
            )
        ),
    }
    assert folder_places(tmp_path, files) == {("pkg/c.py", 6, "unknown-endpoint")}


def test_version_joins_in_other_languages() -> None:
    js = "\n".join(
        (
            f'const API_ROOT = "{ROOT}";',
            "const V4 = `${API_ROOT}/v4`;",
            "const r = await fetch(`${V4}/voice/list?type=1`);",
            "const j = await r.json();",
            "console.log(j.data.result);",
            "await fetch(`${V4}/voice/lists`);",
        )
    )
    assert places(js, "v.ts") == {(6, "unknown-endpoint")}
    go = "\n".join(
        (
            "package main",
            f'const apiRoot = "{ROOT}"',
            'var v4 = apiRoot + "/v4"',
            'var v3 = fmt.Sprintf("%s/v3", apiRoot)',
            "func main() {",
            '\thttp.Get(v4 + "/voice/lists")',
            '\thttp.Get(v3 + "/voice/lists")',
            "}",
        )
    )
    found = audit_text(go, "v.go")
    assert [(f.line, f.rule) for f in found] == [(6, "unknown-endpoint"), (7, "unknown-endpoint")]
    assert "v4/voice/lists" in found[0].message and "v3/voice/lists" in found[1].message
    php = f'<?php\n$root = "{ROOT}";\n$v4 = $root . \'/v4\';\nfile_get_contents($v4 . "/voice/lists");\n'
    assert "v4/voice/lists" in audit_text(php, "v.php")[0].message
    ruby = f'ROOT = "{ROOT}"\nV4 = "#{{ROOT}}/v4"\nNet::HTTP.get(URI("#{{V4}}/voice/lists"))\n'
    assert "v4/voice/lists" in audit_text(ruby, "v.rb")[0].message


def test_a_version_joined_to_a_host_or_an_unknown_base_is_not_guessed() -> None:
    text = "\n".join(
        (
            "import os, requests",
            'ROOT = os.environ["SOME_ROOT"]',
            'V4 = ROOT + "/v4"',
            f"print({V4_VOICES})",
        )
    )
    assert places(text, "env.py") == set()


def test_an_answer_of_a_call_of_unknown_version_is_judged_under_every_version() -> None:
    text = "\n".join(
        (
            "import requests",
            "def voices(base):",
            '    a = requests.get(f"{base}/voice/list", params={"type": 1}).json()',
            '    print(a["data"]["result"])',  # v4's: right there
            '    print(a["data"]["voices"])',  # neither version's
        )
    )
    found = audit_text(text, "unknown.py")
    assert [(f.line, f.rule) for f in found] == [(5, "list-answer")]
    assert found[0].fix is None  # (which version's fix: not in view)


# -- api-version-segment-held-in-variable-not-joined (repro21m) -------------------------------------


def test_a_version_held_in_a_constant_is_the_paths_version() -> None:
    text = "\n".join(
        (
            "import requests",
            'BASE = "https://openapi.akool.com"',
            'VERSION = "v3"',
            'requests.post(f"{BASE}/api/open/{VERSION}/content/video/createbytalkingphoto",',
            '              json={"talking_photo_url": "a", "audio_url": "b", "resolution": "1080P"})',
            'requests.get(f"{BASE}/api/open/{VERSION}/content/video/detail")',
        )
    )
    assert places(text, "one.py") == {(5, "bad-value"), (6, "unknown-endpoint")}
    js = "\n".join(
        (
            'const API = "https://openapi.akool.com/api/open";',
            'const cfg = { apiVersion: "v4" };',
            "const r = await fetch(`${API}/${cfg.apiVersion}/voice/list?type=1`);",
            "const j = await r.json();",
            "console.log(j.data.result);",
            "await fetch(`${API}/${cfg.apiVersion}/voice/lists`);",
        )
    )
    found = audit_text(js, "v.ts")
    assert [(f.line, f.rule) for f in found] == [(6, "unknown-endpoint")]
    assert "v4/voice/lists" in found[0].message


def test_a_version_name_bound_to_two_versions_stays_unknown() -> None:
    text = "\n".join(
        (
            "import requests",
            'API = "https://openapi.akool.com/api/open"',
            'VERSION = "v3"',
            "def use_v4():",
            "    global VERSION",
            '    VERSION = "v4"',
            'a = requests.get(f"{API}/{VERSION}/voice/list", params={"type": 1}).json()',
            'print(a["data"]["result"])',
        )
    )
    assert places(text, "two.py") == set()


# -- python-from-dot-import-package-init-constant-not-followed (repro21m) ---------------------------


def test_a_base_a_package_init_holds_is_taken_by_from_dot_import(tmp_path: Path) -> None:
    files = {
        "a/__init__.py": f'DEFAULT_BASE_URL = "{ROOT}/v3"\n',
        "a/client.py": "\n".join(
            (
                "import requests",
                "from . import DEFAULT_BASE_URL",
                "def video(i):",
                '    return requests.get(DEFAULT_BASE_URL + "/content/video/result")',
            )
        ),
        "a/sub/deep.py": "\n".join(
            (
                "import requests",
                "from .. import DEFAULT_BASE_URL",
                'requests.get(DEFAULT_BASE_URL + "/content/video/status")',
            )
        ),
        # another package's module: its `from . import` names its own __init__, not a's
        "b/__init__.py": "",
        "b/client.py": "\n".join(
            (
                "import requests",
                "from . import DEFAULT_BASE_URL",
                'requests.get(DEFAULT_BASE_URL + "/content/video/result")',
            )
        ),
    }
    assert folder_places(tmp_path, files) == {
        ("a/client.py", 4, "unknown-endpoint"),
        ("a/sub/deep.py", 3, "unknown-endpoint"),
    }


# -- dict-env-fallback-base-retired-path-reported-unjoined-as-error (repro21o) ---------------------
# -- python-imported-config-dict-base-not-joined (repro21o) -----------------------------------------

ENV_BASE = f'os.environ.get("AKOOL_BASE", "{ROOT}/v3")'


def test_a_dict_entry_read_from_the_environment_with_a_default_is_a_base() -> None:
    text = "\n".join(
        (
            "import os, requests",
            f'AKOOL = {{"base": {ENV_BASE}, "key": os.environ.get("AKOOL_API_KEY", "")}}',
            'requests.post(AKOOL["base"] + "/content/image/createbyimagine", json={"prompt": "a"})',
            'requests.post(AKOOL["base"] + "/content/video/createbytalkingphotos", json={})',
        )
    )
    found = audit_text(text, "render.py")
    assert [(f.line, f.rule) for f in found] == [(3, "retired-endpoint"), (4, "unknown-endpoint")]
    assert found[0].severity == "warning"


def test_a_settings_dict_of_another_module_is_joined(tmp_path: Path) -> None:
    files = {
        "settings.py": "\n".join(
            (
                "import os",
                "AKOOL = {",
                f'    "base": {ENV_BASE},',
                "    'key': os.getenv('AKOOL_API_KEY', ''),",
                "}",
            )
        ),
        "mockups.py": "\n".join(
            (
                "import requests",
                "from settings import AKOOL",
                'requests.post(AKOOL["base"] + "/content/image/createbyimagine", json={})',
                'requests.post(AKOOL["base"] + "/liveAvatar/session/create", json={})',
                'requests.post(AKOOL["base"] + "/content/video/createbytalkingphotos", json={})',
            )
        ),
    }
    assert folder_places(tmp_path, files) == {
        ("mockups.py", 3, "retired-endpoint"),
        ("mockups.py", 4, "retired-endpoint"),
        ("mockups.py", 5, "unknown-endpoint"),
    }


def test_a_dict_entry_defaulting_to_another_host_is_not_akools() -> None:
    text = "\n".join(
        (
            "import os, requests",
            "STORE = {",
            '    "base": os.environ.get("STORE_BASE", "https://api.example.org/v3"),',
            "}",
            'requests.post(STORE["base"] + "/content/video/createbytalkingphotos", json={})',
        )
    )
    assert places(text, "store.py") == set()


# -- repro21m waves/w9/express: a client a module exports as itself, imported below line 1 ----------


def test_a_default_exported_client_imported_on_any_line_is_followed(tmp_path: Path) -> None:
    client = "\n".join(
        (
            'const axios = require("axios");',
            "module.exports = axios.create({",
            '  baseURL: `${process.env.AKOOL_HOST || "https://openapi.akool.com"}/api/open/v3`,',
            "});",
        )
    )
    esm = client.replace('const axios = require("axios");', 'import axios from "axios";')
    esm = esm.replace("module.exports =", "export default")
    files = {
        "lib/akoolClient.js": client,
        "lib/akool.ts": esm,
        "routes/video.js": "\n".join(
            (
                'const router = require("express").Router();',
                'const akool = require("../lib/akoolClient");',
                'router.get("/:id", async (req, res) => {',
                '  res.json(await akool.get("/content/video/detail"));',
                "});",
            )
        ),
        "routes/image.ts": "\n".join(
            (
                'import express from "express";',
                'import api from "../lib/akool";',
                'export const get = () => api.get("/content/image/detail");',
            )
        ),
    }
    assert folder_places(tmp_path, files) == {
        ("routes/video.js", 4, "unknown-endpoint"),
        ("routes/image.ts", 3, "unknown-endpoint"),
    }


# -- path-join-helpers-not-followed-low (repro21m) ----------------------------------------------------


def test_file_path_joins_of_an_akool_base_are_calls() -> None:
    py = source(
        "import os, requests",
        f'BASE = "{ROOT}/v3"',
        "HERE = os.path.dirname(os.path.abspath(__file__))",
        'requests.get(os.path.join(BASE, "content/video/status"))',
        'open(os.path.join(HERE, "content/video/status"))',  # a file of its own
    )
    assert places(py, "j.py") == {(4, "unknown-endpoint")}
    js = source(
        'const path = require("path");',
        f'const BASE = "{ROOT}/v3";',
        'fetch(path.join(BASE, "content/video/status"));',
        'fetch(path.posix.join(BASE, "content/video/detail"));',
        'fs.readFileSync(path.join(__dirname, "content/video/status"));',
    )
    assert places(js, "j.js") == {(3, "unknown-endpoint"), (4, "unknown-endpoint")}
    ruby = f'BASE = "{ROOT}/v3/"\nNet::HTTP.get(URI(File.join(BASE, "content/video/status")))\n'
    assert places(ruby, "j.rb") == {(2, "unknown-endpoint")}
    go = source(
        "package main",
        f'const base = "{ROOT}/v3"',
        "func main() {",
        '\thttp.Get(strings.Join([]string{base, "content", "video", "status"}, "/"))',
        '\tlog.Print(strings.Join([]string{base, "content", "video", "status"}, ", "))',
        "}",
    )
    assert places(go, "j.go") == {(4, "unknown-endpoint")}


# -- java-this-constructor-delegation-base-missed (repro21o) -----------------------------------------


def test_a_base_a_convenience_constructor_gives_this_is_the_fields() -> None:
    java = source(
        "public class AkoolClient {",
        "    private final String baseUrl;",
        "    public AkoolClient(String apiKey) {",
        f'        this(apiKey, "{ROOT}/v3");',
        "    }",
        "    public AkoolClient(String apiKey, String baseUrl) {",
        "        this.baseUrl = baseUrl;",
        "    }",
        "    private String get(String path) throws Exception {",
        "        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).build());",
        "    }",
        "    public String avatars() throws Exception {",
        '        return get("/avatar/lists?from=2");',
        "    }",
        "}",
    )
    assert places(java, "AkoolClient.java") == {(13, "unknown-endpoint")}
    other = java.replace(f'"{ROOT}/v3"', '"https://storage.example.org/v3"')
    assert places(other, "AkoolClient.java") == set()


# -- shell-wrapper-base-written-inside-function-not-joined (repro21o) --------------------------------

SCALE = '{"prompt":"x","scale":"16:10"}'


def test_a_wrapper_writing_akools_base_in_its_own_url_is_one() -> None:
    shell = source(
        "akool() {",
        "  local method=$1 path=$2",
        "  shift 2",
        f'  curl -sS -X "$method" "${{AKOOL_API:-{ROOT}/v3}}$path" "$@"',
        "}",
        f"akool POST /content/image/createbyprompt -d '{SCALE}'",
    )
    assert places(shell, "ak.sh") == {(6, "bad-value")}
    literal = shell.replace("${AKOOL_API:-" + ROOT + "/v3}", ROOT + "/v3")
    assert places(literal, "ak.sh") == {(6, "bad-value")}
    py = source(
        "import requests",
        "def akool(path, body):",
        f'    return requests.post(f"{ROOT}/v3{{path}}", json=body)',
        f"akool('/content/image/createbyprompt', {SCALE})",
    )
    assert places(py, "ak.py") == {(4, "bad-value")}
    js = source(
        "export const akool = (path, body) =>",
        f"  fetch(`{ROOT}/v3${{path}}`, {{ method: 'POST', body: JSON.stringify(body) }});",
        f"akool('/content/image/createbyprompt', {SCALE});",
    )
    assert places(js, "ak.js") == {(3, "bad-value")}


def test_a_docs_link_joined_to_a_parameter_makes_no_wrapper() -> None:
    py = source(
        "def doc(page):",
        '    return f"https://docs.akool.com{page}"',
        'print(doc("/ai-tools-suite/talking-photo/create-video"))',
    )
    assert places(py, "docs.py") == set()


# -- nested-constants-object-path-member-missed (repro21l, the Python half) ------------------------


def test_paths_in_a_dict_of_constants_are_joined_by_subscript() -> None:
    py = source(
        "import requests",
        "AKOOL = {",
        f'    "base": "{ROOT}/v3",',
        '    "paths": {"talk": "/content/video/createbytalkingphoto", "info": "/x/y"},',
        "}",
        'requests.post(AKOOL["base"] + AKOOL["paths"]["talk"], json={"talking_photo_url": "p", "audio": "a"})',
    )
    assert places(py, "nested.py") == {(6, "misnamed-field")}


def test_a_key_rows_give_different_paths_names_none_of_them() -> None:
    py = source(
        "import requests",
        f'BASE = "{ROOT}/v3"',
        "JOBS = {",
        '    "talk": {"create": "/content/video/createbytalkingphoto"},',
        '    "lipsync": {"create": "/content/video/lipsync"},',
        "}",
        "def make(kind, body):",
        '    return requests.post(BASE + JOBS[kind]["create"], json=body)',
        'requests.post(BASE + JOBS["talk"]["create"], json={"audio": "a"})',
    )
    assert all(f.line != 8 for f in audit_text(py, "jobs.py"))


# -- js-workspace-package-import-not-resolved (repro21l) ----------------------------------------------

FACTORY = source(
    "export function createAkool({ apiKey, baseUrl = " + f'"{ROOT}/v3"' + " }) {",
    "  async function post(path, body) {",
    "    const res = await fetch(`${baseUrl}${path}`, { method: 'POST', body: JSON.stringify(body) });",
    "    return res.json();",
    "  }",
    "  return { post };",
    "}",
)


def test_a_workspace_package_imported_by_its_name_is_its_entry_file(tmp_path: Path) -> None:
    banner = source(
        'import { createAkool } from "@acme/akool-client";',
        "const akool = createAkool({ apiKey: process.env.AKOOL_API_KEY! });",
        "export const make = (prompt: string) =>",
        '  akool.post("/content/image/createbyprompt", { prompt, scale: "16:10" });',
    )
    files = {
        "package.json": '{ "name": "acme", "private": true, "workspaces": ["packages/*", "apps/*"] }',
        "packages/akool-client/package.json": '{ "name": "@acme/akool-client", "main": "src/index.ts" }',
        "packages/akool-client/src/index.ts": FACTORY,
        "apps/web/src/banner.ts": banner,
        # another package of the same last segment is not the one imported
        "apps/other/src/banner.ts": banner.replace("@acme/akool-client", "@other/akool-client"),
    }
    assert folder_places(tmp_path, files) == {("apps/web/src/banner.ts", 4, "bad-value")}


# -- ky-prefixurl-endpoint-table-member-missed (repro21p) ---------------------------------------------


def test_a_table_member_cut_of_its_slash_for_a_prefix_client_is_joined() -> None:
    ts = source(
        'import ky from "ky";',
        'export const ENDPOINTS = { talk: "/content/video/createbytalkingphoto", image: "/x/y" };',
        f'const api = ky.create({{ prefixUrl: "{ROOT}/v3" }});',
        "export const talk = (photo: string) =>",
        '  api.post(ENDPOINTS.talk.slice(1), { json: { talking_photo_url: photo, audio: "a" } });',
    )
    assert places(ts, "akool.ts") == {(5, "misnamed-field")}
