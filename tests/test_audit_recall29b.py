"""`akool audit` on session seventeen's recall29b shapes: bases and helpers held in other places
(a base given up to a parent's constructor, a client held on an app's state, a URL joined in Go,
axios's defaults), and queries given the ways urllib3 and ASP.NET take them."""

from __future__ import annotations

from pathlib import Path

from akool_cli.audit.scan import audit, audit_text

V4_VOICES = "https://openapi.akool.com/api/open/v4/voice/list"
INFO = "https://openapi.akool.com/api/open/v3/content/video/infobymodelid"


def rules_at(text: str, name: str) -> list[tuple[int, str]]:
    return sorted((f.line, f.rule) for f in audit_text(text, name))


# -- query-kwargs-false-missing-query-field ------------------------------------------------------


def test_urllib3_get_fields_are_the_query() -> None:
    text = (
        "import json\nimport urllib3\nhttp = urllib3.PoolManager()\n\n"
        "def voices(key):\n"
        f'    r = http.request("GET", "{V4_VOICES}", fields={{"type": "2"}}, headers={{"x-api-key": key}})\n'
        "    return json.loads(r.data)\n\n"
        "def bad(key, vid):\n"
        f'    r = http.request("GET", "{INFO}", fields={{"videoModelId": vid}})\n'
        "    return json.loads(r.data)\n"
    )
    assert rules_at(text, "pool.py") == [(10, "misnamed-field")]


def test_urllib3_post_fields_stay_the_form_body() -> None:
    text = (
        "import urllib3\nhttp = urllib3.PoolManager()\n"
        'r = http.request("POST", "https://openapi.akool.com/api/open/v3/content/video/lipsync",'
        ' fields={"video_url": "v", "audio": "a"})\n'
    )
    assert (3, "misnamed-field") in rules_at(text, "form.py")


def test_a_name_bound_to_a_response_is_not_the_url_sent_alone() -> None:
    text = (
        "import json\nimport requests\n\n"
        "def voices(key):\n"
        f'    r = requests.get("{V4_VOICES}", params={{"type": "2"}})\n'
        "    return json.loads(r.text)\n"
    )
    assert rules_at(text, "resp.py") == []


def test_a_url_with_a_query_added_is_not_the_bare_url() -> None:
    text = (
        "public static class Q {\n"
        "    static readonly HttpClient Http = new();\n"
        "    public static Task<string> Voices() {\n"
        f'        var url = QueryHelpers.AddQueryString("{V4_VOICES}", new Dictionary<string, string?> {{ ["type"] = "2" }});\n'
        "        return Http.GetStringAsync(url);\n"
        "    }\n}\n"
    )
    assert rules_at(text, "Q.cs") == []


def test_a_url_held_in_a_name_and_sent_alone_still_lacks_its_query() -> None:
    text = (
        "import os\nimport requests\n"
        f'VOICES = os.getenv("AKOOL_VOICES", "{V4_VOICES}")\n'
        "def voices():\n"
        "    return requests.get(VOICES).json()\n"
    )
    assert (5, "missing-query-field") in rules_at(text, "held.py")


# -- base-given-to-super-constructor-missed ------------------------------------------------------

SUPER_PY = """import requests


class BaseClient:
    def __init__(self, key, base_url):
        self.base_url = base_url

    def _post(self, path, body):
        return requests.post(self.base_url + path, json=body).json()


class AkoolClient(BaseClient):
    def __init__(self, key):
        super().__init__(key, "https://openapi.akool.com/api/open/v3")

    def lipsync(self, video, audio):
        return self._post("/content/video/lipsync", {"video_url": video, "audio": audio})

    def bad_path(self, video, audio):
        return self._post("/content/video/lipsyncc", {"video_url": video, "audio_url": audio})
"""


def test_a_base_given_up_to_the_parent_joins_the_inherited_helpers_paths() -> None:
    assert rules_at(SUPER_PY, "client.py") == [(17, "misnamed-field"), (20, "unknown-endpoint")]


def test_a_parent_given_another_base_by_another_subclass_is_no_akool_base() -> None:
    other = SUPER_PY + (
        "\n\nclass Other(BaseClient):\n    def __init__(self, key):\n"
        '        super().__init__(key, "https://api.example.com/v1")\n'
    )
    assert rules_at(other, "client.py") == []
    direct = SUPER_PY + '\n\nplain = BaseClient("k", "https://api.example.com/v1")\n'
    assert rules_at(direct, "client.py") == []


def test_typescript_and_java_super_calls_give_the_base() -> None:
    ts = (
        "class HttpBase {\n"
        "  constructor(private base: string, private key: string) {}\n"
        "  protected post(path: string, body: unknown) {\n"
        "    return fetch(this.base + path, { method: 'POST', body: JSON.stringify(body) });\n"
        "  }\n}\n"
        "class Akool extends HttpBase {\n"
        "  constructor(key: string) { super('https://openapi.akool.com/api/open/v3', key); }\n"
        "  talk() { return this.post('/content/video/lipsyncc', {}); }\n}\n"
    )
    assert rules_at(ts, "a.ts") == [(9, "unknown-endpoint")]
    java = (
        "abstract class Base {\n    private final String root;\n"
        "    Base(String root) {\n        this.root = root;\n    }\n"
        "    String post(String path) throws Exception {\n"
        "        return send(java.net.URI.create(root + path));\n    }\n}\n"
        "class Akool extends Base {\n"
        '    Akool() {\n        super("https://openapi.akool.com/api/open/v3");\n    }\n'
        '    String bad() throws Exception {\n        return post("/content/video/lipsyncc");\n    }\n}\n'
    )
    assert rules_at(java, "Akool.java") == [(15, "unknown-endpoint")]


# -- python-inherited-helper-from-other-module-missed --------------------------------------------

BASE_MODULE = """import requests


class BaseClient:
    base_url = ""

    def _post(self, path, body):
        return requests.post(self.base_url + path, json=body).json()
"""


def test_helpers_inherited_from_a_class_of_another_module_join_the_subclass_base(
    tmp_path: Path,
) -> None:
    (tmp_path / "base.py").write_text(BASE_MODULE)
    (tmp_path / "akool.py").write_text(
        "from .base import BaseClient\n\n\nclass AkoolClient(BaseClient):\n"
        '    base_url = "https://openapi.akool.com/api/open/v3"\n\n'
        "    def bad(self):\n"
        '        return self._post("/content/video/lipsyncc", {})\n'
    )
    found = {(Path(f.file).name, f.line, f.rule) for f in audit([tmp_path]).findings}
    assert found == {("akool.py", 8, "unknown-endpoint")}


def test_a_parent_of_another_module_given_two_bases_in_one_file_joins_neither(
    tmp_path: Path,
) -> None:
    (tmp_path / "base.py").write_text(BASE_MODULE)
    (tmp_path / "vendors.py").write_text(
        "from .base import BaseClient\n\n\nclass AkoolClient(BaseClient):\n"
        '    base_url = "https://openapi.akool.com/api/open/v3"\n\n\n'
        "class Other(BaseClient):\n"
        '    base_url = "https://api.example.com/v1"\n\n'
        "    def chat(self):\n"
        '        return self._post("/content/video/lipsyncc", {})\n'
    )
    assert audit([tmp_path]).findings == []


# -- axios-defaults-baseurl-missed -----------------------------------------------------------------


def test_axios_defaults_base_joins_the_modules_own_verbs() -> None:
    text = (
        'const axios = require("axios");\n'
        'axios.defaults.baseURL = "https://openapi.akool.com/api/open/v3";\n'
        'const st = async (id) => (await axios.get("/content/video/lipsyncc")).data;\n'
    )
    assert rules_at(text, "st.js") == [(3, "unknown-endpoint")]
    other = text.replace("https://openapi.akool.com/api/open/v3", "https://api.example.com/v1")
    assert rules_at(other, "st.js") == []


# -- go-url-joinpath-held-url-not-followed -------------------------------------------------------


def test_a_go_url_joined_with_joinpath_and_held_is_followed_to_its_call() -> None:
    text = (
        'package j\n\nimport (\n\t"net/http"\n\t"net/url"\n)\n\n'
        'const base = "https://openapi.akool.com/api/open/v3"\n\n'
        "func Info() (*http.Response, error) {\n"
        '\tu, err := url.JoinPath(base, "content/video/lipsync")\n'
        "\tif err != nil {\n\t\treturn nil, err\n\t}\n"
        "\treturn http.Get(u)\n}\n"
    )
    assert rules_at(text, "j.go") == [(15, "wrong-method")]


# -- fastapi-app-state-client-from-other-module-missed -------------------------------------------


def test_a_client_kept_on_the_app_state_is_called_off_it_in_another_module(
    tmp_path: Path,
) -> None:
    (tmp_path / "main.py").write_text(
        "import httpx\nfrom fastapi import FastAPI\n\n\nasync def lifespan(app):\n"
        '    app.state.akool = httpx.AsyncClient(base_url="https://openapi.akool.com/api/open/v3")\n'
        "    yield\n\napp = FastAPI(lifespan=lifespan)\n"
    )
    (tmp_path / "routes.py").write_text(
        "async def bad(request):\n"
        '    return await request.app.state.akool.post("/content/video/lipsyncc", json={})\n'
    )
    found = {(Path(f.file).name, f.line, f.rule) for f in audit([tmp_path]).findings}
    assert found == {("routes.py", 2, "unknown-endpoint")}
    (tmp_path / "other.py").write_text(
        "import httpx\n\n\ndef make(app):\n"
        '    app.state.akool = httpx.AsyncClient(base_url="https://api.example.com/v1")\n'
    )
    assert audit([tmp_path]).findings == []  # (two clients kept under the name: neither)


# -- helper-kwargs-query-missed ------------------------------------------------------------------


def test_a_helpers_gathered_keyword_arguments_are_its_query() -> None:
    text = (
        'import requests\n\nBASE = "https://openapi.akool.com"\n\n\n'
        "def get(path, **params):\n"
        "    return requests.get(BASE + path, params=params).json()\n\n\n"
        'a = get("/api/open/v4/voice/list", page=1, size=100)\n'
        'b = get("/api/open/v4/voice/list", type=1, page=1)\n'
        'c = get("/api/open/v4/voice/list", page=1, **more)\n'
    )
    assert rules_at(text, "kw.py") == [(10, "missing-query-field")]
    adds = text.replace(
        "    return requests", '    params.setdefault("type", 1)\n    return requests'
    )
    assert rules_at(adds, "kw.py") == []


# -- go-constructor-struct-literal-base-field-missed ---------------------------------------------


def test_a_go_struct_field_given_the_base_in_a_literal_over_lines_is_joined() -> None:
    text = (
        'package a\n\nimport "net/http"\n\ntype Client struct {\n\tbaseURL string\n}\n\n'
        "func New() *Client {\n\treturn &Client{\n"
        '\t\tbaseURL: "https://openapi.akool.com/api/open/v3",\n\t}\n}\n\n'
        "func (c *Client) Bad() (*http.Response, error) {\n"
        '\treturn http.Post(c.baseURL+"/content/video/lipsyncc", "application/json", nil)\n}\n'
    )
    assert rules_at(text, "a.go") == [(16, "unknown-endpoint")]
    other = text.replace("https://openapi.akool.com/api/open/v3", "https://api.example.com/v1")
    assert rules_at(other, "a.go") == []


# -- config-loaded-from-file-path-taken-for-local-file -------------------------------------------


def test_settings_read_from_a_file_beside_the_script_are_no_local_path() -> None:
    text = (
        "import json, os\nimport requests\n\n"
        'cfg = json.load(open(os.path.join(os.path.dirname(__file__), "config.json")))\n'
        'HOST = cfg["host"]\n'
        'r = requests.post(HOST + "/api/open/v3/content/video/lipsync", json={"audio": "a"})\n'
    )
    assert (6, "misnamed-field") in rules_at(text, "cfg.py")
    folder = text.replace("json.load(open(", "((")
    assert rules_at(folder, "cfg.py") == []  # (a path beside the script: a file, no call)


# -- pipedream-platform-axios-returns-body-false-response-field ----------------------------------


def test_pipedreams_platform_axios_gives_the_body() -> None:
    text = (
        'import { axios } from "@pipedream/platform";\n\n'
        "export default defineComponent({\n  async run({ $ }) {\n"
        '    const res = await axios($, { method: "POST", url: '
        '"https://openapi.akool.com/api/open/v4/voice/clone", data: { source_voice_file: "x", name: "y" } });\n'
        "    return res.data._id;\n  },\n});\n"
    )
    assert rules_at(text, "pd.mjs") == []
    npm = text.replace('import { axios } from "@pipedream/platform"', 'import axios from "axios"')
    npm = npm.replace("axios($, {", "axios({")
    assert rules_at(npm, "pd.mjs") == [(6, "response-field")]


# -- nested-constants-object-path-member-missed --------------------------------------------------


def test_a_path_in_a_nested_constants_object_is_joined_to_the_base() -> None:
    text = (
        "const AKOOL = {\n"
        '  BASE: "https://openapi.akool.com/api/open/v3",\n'
        '  PATHS: {\n    TALK: "/content/video/lipsyncc",\n  },\n} as const;\n\n'
        "export const talk = () => fetch(`${AKOOL.BASE}${AKOOL.PATHS.TALK}`, { method: 'POST' });\n"
    )
    assert rules_at(text, "c.ts") == [(8, "unknown-endpoint")]


# -- js-exported-axios-instance-default-or-cjs-not-followed --------------------------------------


def test_an_axios_instance_exported_as_the_module_is_the_importers_client(tmp_path: Path) -> None:
    (tmp_path / "akool.js").write_text(
        'const axios = require("axios");\n'
        'module.exports = axios.create({ baseURL: "https://openapi.akool.com/api/open/v3" });\n'
    )
    (tmp_path / "use.js").write_text(
        'const akool = require("./akool");\nakool.post("/content/video/lipsyncc", {});\n'
    )
    found = {(Path(f.file).name, f.line, f.rule) for f in audit([tmp_path]).findings}
    assert found == {("use.js", 2, "unknown-endpoint")}
