"""Session 25, recall25: answer reads and calls the audit missed (break21g #19 and its family,
heldout21m's misses), each with a correct twin that stays silent."""

from __future__ import annotations

from pathlib import Path

from akool_cli.audit.scan import Finding, audit, audit_text

B = "https://openapi.akool.com/api/open/v3"
ANSWER_RULES = ("response-field", "answer-field", "list-answer")


def answer_findings(text: str, name: str) -> list[Finding]:
    return [f for f in audit_text(text, name) if f.rule in ANSWER_RULES]


def lines_of(found: list[Finding]) -> list[int]:
    return sorted(f.line for f in found)


# -- #19: reads of what a function returns, right on its call ------------------------------------

HELPER_PY = (
    f'import requests\nBASE = "{B}"\n\n'
    "def _get(path, **params):\n"
    "    return requests.get(BASE + path, params=params).json()\n\n"
    "def image_info(iid):\n"
    '    return _get("/content/image/infobymodelid", image_model_id=iid)["data"]\n\n'
    "def done(iid):\n"
    "    info = image_info(iid)\n"
    '    return info["{field}"] == 3\n'
)
CHAIN_PY = (
    f'import requests\nBASE = "{B}"\n\n'
    "def image_info(iid):\n"
    '    return requests.get(f"{{BASE}}/content/image/infobymodelid", '
    'params={{"image_model_id": iid}}).json()["data"]\n\n'
    "def done(iid):\n"
    '    return image_info(iid)["{field}"] == 3 and image_info(iid).get("image")\n'
)
METHOD_PY = (
    f'import requests\nBASE = "{B}"\n\n'
    "class C:\n"
    "    def _get(self, path, **params):\n"
    "        return requests.get(BASE + path, params=params).json()\n\n"
    "    def image_info(self, iid):\n"
    '        return self._get("/content/image/infobymodelid", image_model_id=iid)["data"]\n\n'
    "    def done(self, iid):\n"
    '        return self.image_info(iid)["{field}"] == 3\n'
)
AWAIT_JS = (
    f'const BASE = "{B}";\n'
    "async function imageInfo(id) {{\n"
    "  const res = await fetch(`${{BASE}}/content/image/infobymodelid?image_model_id=${{id}}`);\n"
    "  const body = await res.json();\n"
    "  return body.data;\n"
    "}}\n"
    "async function done(id) {{\n"
    "  return (await imageInfo(id)).{field} === 3;\n"
    "}}\n"
)


def test_helper_returning_a_wrappers_data_field_is_read_as_data() -> None:
    """`return _get(...)["data"]`, _get returning r.json(): what image_info returns is the data."""
    assert lines_of(answer_findings(HELPER_PY.format(field="status"), "h.py")) == [12]
    assert answer_findings(HELPER_PY.format(field="image_status"), "h.py") == []


def test_read_right_on_the_call_of_a_data_returner() -> None:
    found = answer_findings(CHAIN_PY.format(field="status"), "c.py")
    assert lines_of(found) == [8] and found[0].documented.startswith("data.image_status")
    assert answer_findings(CHAIN_PY.format(field="image_status"), "c.py") == []


def test_read_right_on_a_method_call_and_an_awaited_call() -> None:
    assert lines_of(answer_findings(METHOD_PY.format(field="status"), "m.py")) == [12]
    assert answer_findings(METHOD_PY.format(field="image_status"), "m.py") == []
    assert lines_of(answer_findings(AWAIT_JS.format(field="status"), "a.js")) == [8]
    assert answer_findings(AWAIT_JS.format(field="image_status"), "a.js") == []


def test_object_made_after_an_annotated_def_line(tmp_path: Path) -> None:
    """`def f(...) -> str:` then `c = AkoolClient()` on the next line: `c` holds the client (the
    return annotation is not `str: c = ...`), so another file's `c.image_info(iid)` is read."""
    (tmp_path / "client.py").write_text(
        f'import requests\nBASE = "{B}"\n\nclass AkoolClient:\n'
        "    def _get(self, path, **params):\n"
        "        return requests.get(BASE + path, params=params).json()\n\n"
        "    def image_info(self, iid):\n"
        '        return self._get("/content/image/infobymodelid", image_model_id=iid)["data"]\n',
        encoding="utf-8",
    )
    (tmp_path / "jobs.py").write_text(
        "from client import AkoolClient\n\n"
        "def picture(iid: str) -> str:\n"
        "    c = AkoolClient()\n"
        "    info = c.image_info(iid)\n"
        '    return info["image"] if info["status"] == 3 else ""\n',
        encoding="utf-8",
    )
    found = [f for f in audit([tmp_path]).findings if f.rule in ANSWER_RULES]
    assert [(Path(f.file).name, f.line) for f in found] == [("jobs.py", 6)]


# -- heldout21m miss B: a poll loop that sleeps before it fetches --------------------------------

SLEEP_FIRST_TS = (
    f'const BASE = "{B}";\n'
    "export async function waitImage(id: string): Promise<string | undefined> {{\n"
    "  let x: any = null;\n"
    "  do {{\n"
    "    await new Promise((ok) => setTimeout(ok, 2000));\n"
    "    const resp = await fetch(`${{BASE}}/content/image/infobymodelid?image_model_id=${{id}}`, {{\n"
    "      headers: {{ Authorization: `Bearer ${{process.env.T}}` }},\n"
    "    }});\n"
    "    x = await resp.json();\n"
    "  }} while (x?.data?.image_status !== 3);\n"
    "  return {read};\n"
    "}}\n"
)


def test_one_line_arrow_before_a_call_is_no_function_around_it() -> None:
    """`(ok) => setTimeout(ok, 2000)` is a function of its own line: the `{` of the fetch's
    options on the next line is not its body, so `resp` and `x` stay the call's answer."""
    text = SLEEP_FIRST_TS.format(read="x?.data?.image_url || x?.data?.url")
    found = answer_findings(text, "w.ts")
    assert [(f.line, f.severity) for f in found] == [(11, "error"), (11, "warning")]
    assert found[1].fix is None  # (a fallback chain's later member: never patched)
    assert answer_findings(SLEEP_FIRST_TS.format(read="x?.data?.image"), "w.ts") == []


# -- #18: a version appended to an environment host; bases and classes re-exported ----------------

ENV_HOST_PY = (
    "import os\nimport requests\n"
    'HOST = os.environ["AKOOL_BASE_URL"]\n'
    'V = HOST + "/api/open/{v}"\n'
    "def k(name):\n"
    '    return requests.post(f"{{V}}/knowledge/create", json={{"name": name}}).json()\n'
)


def test_env_host_keeps_the_version_the_code_appends() -> None:
    found = [f for f in audit_text(ENV_HOST_PY.format(v="v3"), "k.py") if f.severity == "error"]
    assert [(f.line, f.rule) for f in found] == [(6, "unknown-endpoint")]
    assert audit_text(ENV_HOST_PY.format(v="v4"), "k.py") == []


def test_base_re_exported_by_a_barrel(tmp_path: Path) -> None:
    (tmp_path / "lib").mkdir()
    (tmp_path / "f").mkdir()
    (tmp_path / "lib" / "config.ts").write_text(
        "export const AKOOL = { base: process.env.AKOOL_BASE_URL ?? 'https://openapi.akool.com' };\n"
        "export const V3 = `${AKOOL.base}/api/open/v3`;\n",
        encoding="utf-8",
    )
    (tmp_path / "lib" / "index.ts").write_text('export * from "./config";\n', encoding="utf-8")
    (tmp_path / "f" / "via.ts").write_text(
        'import { V3 } from "../lib";\n'
        "export const k = (name: string) =>\n"
        "  fetch(`${V3}/knowledge/create`, { method: 'POST', body: JSON.stringify({ name }) });\n",
        encoding="utf-8",
    )
    found = audit([tmp_path]).findings
    assert [(Path(f.file).name, f.line, f.rule) for f in found] == [
        ("via.ts", 3, "unknown-endpoint")
    ]


def test_client_class_re_exported_by_its_package(tmp_path: Path) -> None:
    pkg = tmp_path / "app" / "akool"
    pkg.mkdir(parents=True)
    (tmp_path / "app" / "__init__.py").write_text("", encoding="utf-8")
    (pkg / "__init__.py").write_text("from .client import AkoolClient\n", encoding="utf-8")
    (pkg / "client.py").write_text(
        f'import requests\nBASE = "{B}"\n\nclass AkoolClient:\n'
        "    def _get(self, path, **params):\n"
        "        return requests.get(BASE + path, params=params).json()\n\n"
        "    def image_info(self, iid):\n"
        '        return self._get("/content/image/infobymodelid", image_model_id=iid)["data"]\n',
        encoding="utf-8",
    )
    (tmp_path / "app" / "jobs.py").write_text(
        "from app.akool import AkoolClient\n\n"
        "def picture(iid):\n"
        "    info = AkoolClient().image_info(iid)\n"
        '    return info["image"] if info["status"] == 3 else ""\n',
        encoding="utf-8",
    )
    found = [f for f in audit([tmp_path]).findings if f.rule in ANSWER_RULES]
    assert [(Path(f.file).name, f.line) for f in found] == [("jobs.py", 5)]


# -- #9: more path getters ------------------------------------------------------------------------

VIDEO = f"{B}/content/video/infobymodelid?video_model_id="
GET_JS = (
    "export async function f(id) {\n"
    f"  const r = await fetch(`{VIDEO}${{id}}`);\n"
    "  const j = await r.json();\n"
    "  return READ;\n"
    "}\n"
)
GET_PY = f'import requests\ndef f(vid):\n    j = requests.get(f"{VIDEO}{{vid}}").json()\n    return READ\n'
GETTERS = [
    ("a.js", GET_JS, 'R.path(["data", "FIELD"], j)'),
    ("a.js", GET_JS, 'jsonpointer.get(j, "/data/FIELD")'),
    ("a.js", GET_JS, 'dotProp.getProperty(j, "data.FIELD")'),
    ("a.js", GET_JS, '_.result(j, "data.FIELD")'),
    ("a.js", GET_JS, '_.at(j, ["data.FIELD"])[0]'),
    ("a.py", GET_PY, 'dpath.get(j, "data/FIELD")'),
    ("a.py", GET_PY, 'benedict(j)["data.FIELD"]'),
    ("a.py", GET_PY, "Box(j).data.FIELD"),
    ("a.py", GET_PY, "munch.munchify(j).data.FIELD"),
]
JAVA = (
    "class J { static String f(String id) throws Exception {\n"
    f'  HttpRequest req = HttpRequest.newBuilder(URI.create("{VIDEO}" + id)).GET().build();\n'
    "  String body = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString()).body();\n"
    "  JsonNode n = new ObjectMapper().readTree(body);\n"
    '  return n.at("/data/FIELD").asText();\n'
    "} }\n"
)
GO = (
    'package a\nimport ("io"; "net/http"; "github.com/buger/jsonparser")\n'
    "func F(id string) (string, error) {\n"
    f'\tres, _ := http.Get("{VIDEO}" + id)\n'
    "\tb, _ := io.ReadAll(res.Body)\n"
    '\treturn jsonparser.GetString(b, "data", "FIELD")\n'
    "}\n"
)
PHP = (
    "<?php\nuse Illuminate\\Support\\Facades\\Http;\nfunction f($id) {\n"
    f"    $j = Http::get('{VIDEO}' . $id)->json();\n"
    "    return data_get($j, 'data.FIELD');\n"
    "}\n"
)


def test_more_path_getters_are_reads() -> None:
    for name, text, read in GETTERS:
        wrong = text.replace("READ", read.replace("FIELD", "status"))
        found = answer_findings(wrong, name)
        assert [f.documented.split(" ")[0] for f in found] == ["data.video_status"], read
        right = text.replace("READ", read.replace("FIELD", "video_status"))
        assert answer_findings(right, name) == [], read


def test_jackson_pointer_jsonparser_and_laravel_getters() -> None:
    for name, text in (("J.java", JAVA), ("g.go", GO), ("l.php", PHP)):
        assert len(answer_findings(text.replace("FIELD", "status"), name)) == 1, name
        assert answer_findings(text.replace("FIELD", "video_status"), name) == [], name


# -- #26: C# casts and Gson -----------------------------------------------------------------------

CAST_CS = (
    "using Newtonsoft.Json.Linq;\npublic class C {\n"
    "  static readonly HttpClient http = new HttpClient();\n"
    "  public static async Task<int> Info(string id) {\n"
    f'    var j = JObject.Parse(await http.GetStringAsync($"{VIDEO}{{id}}"));\n'
    '    return (int)j["data"]["FIELD"];\n'
    "  }\n}\n"
)
GSON_KT = (
    "import com.google.gson.JsonParser\n"
    "fun status(client: OkHttpClient, id: String): Int {\n"
    f'    val req = Request.Builder().url("{VIDEO}$id").build()\n'
    "    val body = client.newCall(req).execute().body!!.string()\n"
    '    return JsonParser.parseString(body).asJsonObject.getAsJsonObject("data").get("FIELD").asInt\n'
    "}\n"
)


def test_cast_before_a_read_and_gson_root_object() -> None:
    for name, text in (("C.cs", CAST_CS), ("g.kt", GSON_KT)):
        found = answer_findings(text.replace("FIELD", "status"), name)
        assert [(f.line, f.documented.split(" ")[0]) for f in found] == [
            (text.count("\n", 0, text.index("FIELD")) + 1, "data.video_status")
        ], name
        assert answer_findings(text.replace("FIELD", "video_status"), name) == [], name


# -- relay R2b: a wrapper's path after another parameter; wrappers of imported wrappers ----------

KIND_FIRST_TS = (
    'const OPEN_BASE = "https://openapi.akool.com/api/open";\n'
    "async function apiPost<T>(path: string, body: unknown): Promise<T> {\n"
    "  const res = await fetch(`${OPEN_BASE}${path}`, { method: 'POST', body: JSON.stringify(body) });\n"
    "  return (await res.json()) as T;\n"
    "}\n"
    "const createJob = async (kind: string, postPath: string, body: Record<string, unknown>) => {\n"
    "  const out = await apiPost<{ code: number; data: { _id: string } }>(postPath, body);\n"
    "  return out.data._id;\n"
    "};\n"
    'export const go = () => createJob("x", "PATH", {});\n'
)


def test_path_given_after_another_parameter_through_type_arguments() -> None:
    found = audit_text(KIND_FIRST_TS.replace("PATH", "/v3/product-ad/create"), "k.ts")
    assert [(f.line, f.rule) for f in found] == [(10, "unknown-endpoint")]
    assert audit_text(KIND_FIRST_TS.replace("PATH", "/v3/content/video/lipsync"), "k.ts") == []


def test_wrapper_of_an_imported_wrapper_across_files(tmp_path: Path) -> None:
    lib = tmp_path / "src" / "lib"
    lib.mkdir(parents=True)
    head, _, rest = KIND_FIRST_TS.partition("const createJob")
    (lib / "akool.ts").write_text(head.replace("async function", "export async function"), "utf-8")
    (lib / "status.ts").write_text(
        'import { apiPost } from "@/lib/akool";\nexport const createJob' + rest.split("export")[0],
        "utf-8",
    )
    (tmp_path / "src" / "route.ts").write_text(
        'import { createJob } from "@/lib/status";\n'
        'export const go = () => createJob("x", "/v3/product-ad/create", {});\n',
        "utf-8",
    )
    found = audit([tmp_path]).findings
    assert [(Path(f.file).name, f.line, f.rule) for f in found] == [
        ("route.ts", 2, "unknown-endpoint")
    ]


# -- #20 PHP stream contexts; #12's rest: a comment on a call's line ------------------------------

PHP_CONTEXT = (
    "<?php\nconst BASE = 'https://openapi.akool.com/api/open/v3';\n"
    "function talk(string $p, string $a): array {\n"
    "    $opts = ['http' => [\n"
    "        'method'  => 'POST',\n"
    "        'header'  => \"Content-Type: application/json\",\n"
    "        'content' => json_encode(['talking_photo_url' => $p, 'audio_url' => $a, 'resolution' => 'RES']),\n"
    "    ]];\n"
    "    return json_decode(file_get_contents(BASE . '/content/video/createbytalkingphoto', false, "
    "stream_context_create($opts)), true);\n"
    "}\n"
    "function info(string $id): array {\n"
    "    $ctx = stream_context_create(['http' => ['method' => 'VERB']]);\n"
    "    return json_decode(file_get_contents(BASE . '/content/video/infobymodelid?video_model_id=' "
    ". $id, false, $ctx), true);\n"
    "}\n"
)


def test_php_stream_context_body_and_method() -> None:
    wrong = audit_text(PHP_CONTEXT.replace("RES", "720p").replace("VERB", "POST"), "c.php")
    assert [(f.line, f.rule) for f in wrong] == [(7, "bad-value"), (13, "wrong-method")]
    assert audit_text(PHP_CONTEXT.replace("RES", "720").replace("VERB", "GET"), "c.php") == []


COMMENTED_CALL_PY = (
    f'import requests\nBASE = "{B}"\n'
    "def talk(p, a):\n"
    '    body = {"talking_photo_url": p, "audio_url": a}\n'
    '    return requests.post(f"{BASE}/content/video/createbytalkingphoto", json=body)\n'
    "def talk2(p, a):\n"
    "    return requests.post(\n"
    '        f"{BASE}/content/video/createbytalkingphoto",\n'
    "        json={  # body\n"
    '            "talking_photo_url": p,FIELD\n'
    "        },\n"
    "    )\n"
)


def test_a_comment_on_the_calls_line_names_no_body() -> None:
    found = audit_text(COMMENTED_CALL_PY.replace("FIELD", ""), "t.py")
    assert [(f.line, f.rule) for f in found] == [(9, "missing-field")]
    assert audit_text(COMMENTED_CALL_PY.replace("FIELD", ' "audio_url": a,'), "t.py") == []


# -- #8: a Go format string with the scheme, the host and the root apart -------------------------

SCHEME_GO = (
    'package akool\nimport ("fmt"; "net/http")\n'
    'const (\n\tscheme = "https"\n\thost = "openapi.akool.com"\n\tapiRoot = "/api/open/v3"\n)\n'
    "func Info(id string) (*http.Response, error) {\n"
    '\tu := fmt.Sprintf("%s://%s%sPATH?video_model_id=%s", scheme, host, apiRoot, id)\n'
    "\treturn http.Get(u)\n}\n"
)


def test_go_sprintf_with_scheme_host_and_root() -> None:
    found = audit_text(SCHEME_GO.replace("PATH", "/content/video/info"), "a.go")
    assert [(f.line, f.rule) for f in found] == [(9, "unknown-endpoint")]
    assert audit_text(SCHEME_GO.replace("PATH", "/content/video/infobymodelid"), "a.go") == []


# -- #4's rest: literals the file's callers give a parameter whose default is a field's value ----

CALLERS_PY = (
    f'import requests\nBASE = "{B}"\n'
    'def talk(p, a, resolution="720"):\n'
    '    return requests.post(f"{BASE}/content/video/createbytalkingphoto", '
    'json={"talking_photo_url": p, "audio_url": a, "resolution": resolution})\n'
    'def hd(p, a):\n    return talk(p, a, "RES")\n'
    'def hd2(p, a):\n    return talk(p, a, resolution="RES")\n'
)


def test_callers_literals_for_a_defaulted_parameter() -> None:
    found = audit_text(CALLERS_PY.replace("RES", "1080p"), "c.py")
    assert [(f.line, f.rule, f.fix) for f in found] == [
        (6, "bad-value", None),
        (8, "bad-value", None),
    ]
    assert audit_text(CALLERS_PY.replace("RES", "1080"), "c.py") == []


# -- relay R4 (break21h #14): an item's field read off a list answer ----------------------------

LIST_PY = (
    f'import requests\nBASE = "{B}"\n'
    "def first_avatar():\n"
    '    j = requests.get(f"{BASE}/avatar/list", params={"page": 1, "size": 50}).json()\n'
    '    return j["data"]READ\n'
)


def test_an_items_field_read_off_a_list_answer() -> None:
    found = answer_findings(LIST_PY.replace("READ", '["avatar_id"]'), "l.py")
    assert [(f.line, f.rule, f.documented) for f in found] == [
        (5, "list-answer", "data[i].avatar_id")
    ]
    assert answer_findings(LIST_PY.replace("READ", '[0]["avatar_id"]'), "l.py") == []


def test_a_name_called_data_holding_an_item_is_no_list_read() -> None:
    text = LIST_PY.replace(
        '    return j["data"]READ\n', '    data = j["data"][0]\n    return data["avatar_id"]\n'
    )
    assert answer_findings(text, "l.py") == []


# -- relay R4 (break21h #17): a value held in an enum, an Enum class or a constants object -------

ENUM_PY = (
    "from enum import Enum\nimport requests\n"
    'class Res(str, Enum):\n    HD = "720"\n    FHD = "VALUE"\n'
    "def talk(photo, audio):\n"
    f'    return requests.post("{B}/content/video/createbytalkingphoto", '
    'json={"talking_photo_url": photo, "audio_url": audio, "resolution": Res.FHD}).json()\n'
)


def test_a_value_held_in_an_enum_member() -> None:
    found = audit_text(ENUM_PY.replace("VALUE", "1080p"), "e.py")
    assert [(f.line, f.rule, f.fix) for f in found] == [(5, "bad-value", None)]
    assert audit_text(ENUM_PY.replace("VALUE", "1080"), "e.py") == []


def test_an_items_field_is_judged_on_list_endpoints_only() -> None:
    """avatar/create's page gives its data as a list, its OpenAPI file as one object with _id
    (relay R5): `(await r.json()).data._id` there stays silent; avatar/list's is a list."""
    text = (
        f'const BASE = "{B}";\n'
        "export async function make(body: unknown) {\n"
        "  const r = await fetch(`${BASE}/avatar/create`, { method: 'POST', body: JSON.stringify(body) });\n"
        "  return (await r.json()).data._id as string;\n"
        "}\n"
    )
    assert [f for f in answer_findings(text, "c.ts") if f.rule == "list-answer"] == []
