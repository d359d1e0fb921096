"""Session 25, prec25: no false finding and no wrong patch on correct code (break21g's open H/M
items: two clients in one class, a read shared by branches' endpoints, a shared spread object,
a minified axios alias, a catch parameter named like the answer, and more)."""

from __future__ import annotations

from pathlib import Path

from akool_cli.audit.scan import Finding, audit_text

B = "https://openapi.akool.com/api/open"


def errors(text: str, name: str) -> list[Finding]:
    return [f for f in audit_text(text, name) if f.severity == "error"]


# -- break21g #30: two clients in one class, each call judged on its own client's base ------------

CS_PAIR = (
    "public class X {\n"
    f'  private readonly HttpClient _a = new() {{ BaseAddress = new Uri("{B}/v3/") }};\n'
    '  private readonly HttpClient _b = new() { BaseAddress = new Uri("https://openapi.akool.com") };\n'
    '  public Task<string> A(string id) => _a.GetStringAsync($"content/video/infobymodelid?video_model_id={id}");\n'
    "}\n"
)
CS_MULTILINE = (
    "public class Ml {\n"
    "  private readonly HttpClient _v3;\n  private readonly HttpClient _v4;\n"
    "  public Ml() {\n"
    "    _v3 = new HttpClient\n    {\n"
    f'        BaseAddress = new Uri("{B}/v3/")\n    }};\n'
    f'    _v4 = new HttpClient {{ BaseAddress = new Uri("{B}/v4/") }};\n'
    "  }\n"
    '  public Task<string> Info(string id) => _v3.GetStringAsync($"content/video/infobymodelid?video_model_id={id}");\n'
    "}\n"
)
CS_PROPERTY = (
    "public class Rcv {\n"
    "  private readonly HttpClient v3 = new HttpClient();\n"
    "  private readonly HttpClient v4 = new HttpClient();\n"
    "  public Rcv() {\n"
    f'    v3.BaseAddress = new Uri("{B}/v3/");\n'
    f'    v4.BaseAddress = new Uri("{B}/v4/");\n'
    "  }\n"
    '  public Task<string> Info(string id) => v3.GetStringAsync($"content/video/infobymodelid?video_model_id={id}");\n'
    "}\n"
)
JAVA_PAIR = (
    "public class Two {\n"
    f'  private final WebClient v3 = WebClient.builder().baseUrl("{B}/v3").build();\n'
    f'  private final WebClient v4 = WebClient.builder().baseUrl("{B}/v4").build();\n'
    '  public Object info(String id) { return v3.get().uri(u -> u.path("/content/video/infobymodelid")'
    '.queryParam("video_model_id", id).build()).retrieve().bodyToMono(String.class).block(); }\n'
    "}\n"
)
RUBY_PAIR = (
    'require "faraday"\n'
    "class Akool\n"
    "  def initialize(key)\n"
    f'    @v3 = Faraday.new(url: "{B}/v3/", headers: {{ "x-api-key" => key }})\n'
    f'    @v4 = Faraday.new(url: "{B}/v4/", headers: {{ "x-api-key" => key }})\n'
    '    @store = Faraday.new(url: "https://storage.example.com/")\n'
    "  end\n"
    '  def info(id) = @v3.get("content/video/infobymodelid", video_model_id: id)\n'
    '  def files = @store.get("files/list")\n'
    "end\n"
)
GO_PAIR = (
    "package akool\n"
    'import "github.com/go-resty/resty/v2"\n'
    "type C struct{ v3, v4 *resty.Client }\n"
    "func New() *C {\n"
    f'\treturn &C{{v3: resty.New().SetBaseURL("{B}/v3"), v4: resty.New().SetBaseURL("{B}/v4")}}\n'
    "}\n"
    "func (c *C) Info(id string) (*resty.Response, error) {\n"
    '\treturn c.v3.R().\n\t\tSetQueryParam("video_model_id", id).\n'
    '\t\tGet("/content/video/infobymodelid")\n'
    "}\n"
    'func (c *C) Voices() (*resty.Response, error) { return c.v4.R().SetQueryParam("type", "1").Get("/voice/list") }\n'
)


def test_each_client_of_a_class_gives_its_own_calls_their_base() -> None:
    for text, name in (
        (CS_PAIR, "x.cs"),
        (CS_MULTILINE, "ml.cs"),
        (CS_PROPERTY, "rcv.cs"),
        (JAVA_PAIR, "Two.java"),
        (RUBY_PAIR, "two.rb"),
        (GO_PAIR, "two.go"),
    ):
        assert audit_text(text, name) == [], name


def test_a_call_on_the_other_client_of_a_class_is_still_reported() -> None:
    wrong = CS_MULTILINE.replace("=> _v3.GetStringAsync", "=> _v4.GetStringAsync")
    found = errors(wrong, "ml.cs")
    assert [f.rule for f in found] == ["unknown-endpoint"]
    assert "/api/open/v4/content/video/infobymodelid" in found[0].message
    wrong_rb = RUBY_PAIR.replace("@v3.get(", "@v4.get(")
    assert [f.rule for f in errors(wrong_rb, "two.rb")] == ["unknown-endpoint"]


def test_a_right_call_is_not_patched_onto_the_other_clients_base() -> None:
    # the C# pair: the call on _a (.../v3/) was judged on _b's base and patched into a 404
    assert all(f.fix is None for f in audit_text(CS_PAIR, "x.cs"))
    assert audit_text(CS_PAIR, "x.cs") == []


# -- break21g #16: a URL chosen by a branch; the read after the call judged for each endpoint -------

INFOS = (
    "import requests\n"
    f'BASE = "{B}/v3"\n'
    'VIDEO_INFO = f"{BASE}/content/video/infobymodelid"\n'
    'IMAGE_INFO = f"{BASE}/content/image/infobymodelid"\n'
)
IF_ELSE_PY = INFOS + (
    "def status(key, kind, i):\n"
    '    if kind == "video":\n'
    "        url = VIDEO_INFO\n"
    "    else:\n"
    "        url = IMAGE_INFO\n"
    '    j = requests.get(url, params={f"{kind}_model_id": i}, headers={"x-api-key": key}).json()\n'
    '    return j["data"]["status"]\n'
)
TERNARY_PY = INFOS + (
    "def status(key, kind, i):\n"
    '    url = VIDEO_INFO if kind == "video" else IMAGE_INFO\n'
    '    r = requests.get(url, params={f"{kind}_model_id": i}, headers={"x-api-key": key})\n'
    '    return r.json()["data"]["status"]\n'
)
IF_ELSE_JS = (
    f'const BASE = "{B}/v3";\n'
    "const VIDEO_INFO = `${BASE}/content/video/infobymodelid`;\n"
    "const IMAGE_INFO = `${BASE}/content/image/infobymodelid`;\n"
    "export async function status(key, kind, id) {\n"
    "  let url;\n"
    '  if (kind === "video") {\n    url = VIDEO_INFO;\n  } else {\n    url = IMAGE_INFO;\n  }\n'
    '  const res = await fetch(`${url}?${kind}_model_id=${id}`, { headers: { "x-api-key": key } });\n'
    "  const j = await res.json();\n"
    "  return j.data.status;\n"
    "}\n"
)
SWITCH_GO = (
    'package akool\nimport (\n\t"encoding/json"\n\t"net/http"\n)\n'
    f'const base = "{B}/v3"\n'
    'const videoInfo = base + "/content/video/infobymodelid"\n'
    'const imageInfo = base + "/content/image/infobymodelid"\n'
    "func Status(kind, id string) (string, error) {\n"
    "\tvar url string\n"
    "\tswitch kind {\n"
    '\tcase "video":\n\t\turl = videoInfo + "?video_model_id=" + id\n'
    '\tdefault:\n\t\turl = imageInfo + "?image_model_id=" + id\n'
    "\t}\n"
    "\tresp, err := http.Get(url)\n"
    '\tif err != nil {\n\t\treturn "", err\n\t}\n'
    "\tvar j map[string]map[string]any\n"
    "\tjson.NewDecoder(resp.Body).Decode(&j)\n"
    '\treturn j["data"]["status"].(string), nil\n'
    "}\n"
)


def test_a_read_after_a_branch_chosen_url_is_reported_without_a_one_branch_fix() -> None:
    for text, name in (
        (IF_ELSE_PY, "g.py"),
        (TERNARY_PY, "t.py"),
        (IF_ELSE_JS, "b.js"),
        (SWITCH_GO, "c.go"),
    ):
        found = errors(text, name)
        assert [f.rule for f in found] == ["response-field"], name
        assert found[0].fix is None, name  # (video_status breaks images, image_status videos)
        assert "data.video_status" in found[0].documented, name
        assert "data.image_status" in found[0].documented, name


def test_a_read_right_for_one_branch_endpoint_is_not_reported() -> None:
    right = IF_ELSE_JS.replace(
        "return j.data.status;",
        'return kind === "video" ? j.data.video_status : j.data.image_status;',
    )
    assert audit_text(right, "r.js") == []
    right_py = IF_ELSE_PY.replace('j["data"]["status"]', 'j["data"]["video_status"]')
    assert audit_text(right_py, "g.py") == []


def test_a_url_bound_once_keeps_its_fix() -> None:
    one = INFOS + (
        "def status(key, i):\n"
        "    url = IMAGE_INFO\n"
        '    j = requests.get(url, params={"image_model_id": i}, headers={"x-api-key": key}).json()\n'
        '    return j["data"]["status"]\n'
    )
    (found,) = errors(one, "one.py")
    assert found.fix is not None and found.fix.new == "image_status"


# -- break21g #17: a value two endpoints' bodies share is reported, never patched for one ----------

SPREAD_JS = (
    f'const BASE = "{B}/v3";\nconst V4 = "{B}/v4";\n'
    'const defaults = { resolution: "720p" };\n'
    "export const talk = (p, a) => fetch(`${BASE}/content/video/createbytalkingphoto`, "
    '{ method: "POST", body: JSON.stringify({ ...defaults, talking_photo_url: p, audio_url: a }) });\n'
    'export const head = (v, img) => fetch(`${V4}/headswap/task/create`, { method: "POST", '
    'body: JSON.stringify({ ...defaults, video_url: v, model_name: "akool-premium", mappings: [{ obj_id: 1, img_url: img }] }) });\n'
)
COMMON_JS = (
    f'const AKOOL = "{B}/v3";\n'
    'const common = { prompt: "a cat in space", size: "1:1" };\n'
    "export const akoolImage = (key) => fetch(`${AKOOL}/content/image/createbyprompt`, "
    '{ method: "POST", headers: { "x-api-key": key }, body: JSON.stringify({ ...common }) });\n'
    'export const openaiImage = (key) => fetch("https://api.openai.com/v1/images/generations", '
    '{ method: "POST", body: JSON.stringify({ ...common, size: "1024x1024", model: "dall-e-3" }) });\n'
)
SPEC = (
    "openapi: 3.0.3\ninfo: { title: AKOOL client spec, version: 1.0.0 }\n"
    "servers:\n  - url: https://openapi.akool.com/api/open\n"
    "paths:\n"
    "  /v3/content/video/createbytalkingphoto:\n    post:\n      requestBody:\n"
    "        content:\n          application/json:\n            schema:\n"
    "              type: object\n              properties:\n"
    "                talking_photo_url: { type: string }\n                audio_url: { type: string }\n"
    '                resolution: { $ref: "#/components/schemas/Resolution" }\n'
    '      responses: { "200": { description: ok } }\n'
    "  /v4/headswap/task/create:\n    post:\n      requestBody:\n"
    "        content:\n          application/json:\n            schema:\n"
    "              type: object\n              properties:\n"
    "                video_url: { type: string }\n                model_name: { type: string }\n"
    '                resolution: { $ref: "#/components/schemas/Resolution" }\n'
    '      responses: { "200": { description: ok } }\n'
    "components:\n  schemas:\n    Resolution:\n      type: string\n"
    '      enum: ["720p", "1080p"]\n'
)


def test_an_object_spread_into_two_bodies_is_reported_without_a_fix() -> None:
    (found,) = errors(SPREAD_JS, "b.js")
    assert found.rule == "bad-value" and found.line == 3 and found.fix is None
    (common,) = errors(COMMON_JS, "d.js")
    assert common.rule == "misnamed-field" and common.fix is None  # (OpenAI would get `scale`)


def test_an_object_spread_into_one_body_keeps_its_fix() -> None:
    one = SPREAD_JS.rsplit("export const head", 1)[0]
    (found,) = errors(one, "b.js")
    assert found.fix is not None and found.fix.new == '"720"'


def test_an_openapi_component_two_operations_refer_to_is_not_patched() -> None:
    found = errors(SPEC, "openapi.yaml")
    assert found and all(f.fix is None for f in found)
    alone = SPEC.replace(
        '                resolution: { $ref: "#/components/schemas/Resolution" }\n'
        '      responses: { "200": { description: ok } }\n'
        "components:",
        '      responses: { "200": { description: ok } }\ncomponents:',
    )
    assert alone.count("$ref") == 1
    fixed = errors(alone, "openapi.yaml")
    assert fixed and all(f.fix is not None for f in fixed)


# -- heldout21m's false shape: a reformatted webpack chunk, axios loaded by module id --------------

CHUNK = (
    '"use strict";\n'
    "(self.webpackChunk_N_E = self.webpackChunk_N_E || []).push([\n"
    "  [405],\n  {\n    5557: function (e, t, a) {\n"
    "      var i = a(87066);\n"
    "      function s(e) {\n"
    '        return i.Z.post("https://sg3.akool.com/detect", { single_face: !0, image_url: e }, '
    '{ headers: { "x-api-key": "" } }).then((a) => a.data.landmarks_str);\n'
    "      }\n"
    "      async function l(e) {\n"
    '        let t = await i.Z.post("https://sg3.akool.com/detect", { single_face: !0, image_url: e });\n'
    "        return t.data.landmarks_str;\n"
    "      }\n    },\n  },\n]);\n"
)


def test_a_reformatted_bundles_renamed_client_data_is_not_taken_for_akools() -> None:
    assert audit_text(CHUNK, "chunk.js") == []
    # without the module table's marks, a client module loaded by its number is one too
    table = CHUNK.replace("self.webpackChunk_N_E", "self.chunks")
    assert audit_text(table, "chunk.js") == []


def test_a_plain_scripts_data_read_is_still_judged() -> None:
    plain = CHUNK.replace("self.webpackChunk_N_E", "self.chunks").replace("var i = a(87066);", "")
    plain = plain.replace("i.Z.post", "fetchJson")
    assert [f.rule for f in errors(plain, "app.js")] == ["response-field", "response-field"]


# -- break21g #29: a handler's exception named like the answer is no answer in its block ---------

CATCH_JS = (
    f'const BASE = "{B}/v3";\n'
    "export async function info2(id) {\n"
    "  let result;\n"
    "  try {\n"
    "    result = await (await fetch(`${BASE}/content/video/infobymodelid?video_model_id=${id}`)).json();\n"
    "    return result.data.video;\n"
    "  } catch (result) {\n"
    "    return result.message;\n"
    "  }\n"
    "}\n"
)
EXCEPT_PY = (
    f'import requests\nBASE = "{B}/v3"\n'
    "def info(vid):\n"
    '    j = requests.get(f"{BASE}/content/video/infobymodelid", params={"video_model_id": vid}).json()\n'
    "    try:\n"
    '        save(j["data"]["video"])\n'
    "    except Exception as j:\n"
    "        print(j.args)\n"
    '    return j["data"]["video_status"]\n'
)
RESCUE_RB = (
    'require "net/http"\nrequire "json"\n'
    f'BASE = "{B}/v3"\n'
    "def info(id)\n"
    '  j = JSON.parse(Net::HTTP.get(URI("#{BASE}/content/video/infobymodelid?video_model_id=#{id}")))\n'
    "  begin\n"
    '    save(j["data"]["video"])\n'
    "  rescue StandardError => j\n"
    '    puts j["message"]\n'
    "  end\n"
    '  j["data"]["video_status"]\n'
    "end\n"
)


def test_a_handlers_exception_named_like_the_answer_is_not_the_answer() -> None:
    for text, name in ((CATCH_JS, "c.js"), (EXCEPT_PY, "b.py"), (RESCUE_RB, "g.rb")):
        assert audit_text(text, name) == [], name


def test_the_answer_read_after_a_handler_is_still_judged() -> None:
    wrong = EXCEPT_PY.replace('["video_status"]', '["status"]')
    found = errors(wrong, "b.py")
    assert [(f.rule, f.line) for f in found] == [("response-field", 9)]


# -- relay P1 #1 (break21h #1): a state compared with the code's own "no status yet" -----------------

SENTINELS = Path(__file__).parent / "audit_corpus" / "prec25" / "sentinel"


def test_a_state_compared_with_zero_as_no_status_yet_is_not_reported() -> None:
    for name in ("zero.go", "destructure.ts", "dataclass.py", "table.py", "orzero.py"):
        text = (SENTINELS / name).read_text(encoding="utf-8")
        assert [f for f in audit_text(text, name) if f.rule == "status-value"] == [], name


def test_zero_named_a_jobs_end_is_still_reported() -> None:
    text = (SENTINELS / "done_zero.py").read_text(encoding="utf-8")
    assert [f.rule for f in audit_text(text, "done_zero.py")] == ["status-value"]


# -- relay P1 #2 (break21h #6): the retired host as data compared, tested or replaced ---------------

MIGRATE = Path(__file__).parent / "audit_corpus" / "prec25" / "migrate"


def test_a_retired_host_only_compared_tested_or_replaced_is_no_call() -> None:
    for name in (
        "migrate.py",
        "migrate.js",
        "test_hosts.py",
        "nginx.conf",
        "migrate.go",
        "migrate.rb",
        "migrate_length.ts",
    ):
        text = (MIGRATE / name).read_text(encoding="utf-8")
        assert audit_text(text, name) == [], name


def test_a_retired_host_a_call_uses_is_still_a_wrong_host() -> None:
    text = (MIGRATE / "still_calls_old.py").read_text(encoding="utf-8")
    (found,) = audit_text(text, "still_calls_old.py")
    assert found.rule == "wrong-host" and found.fix is not None
    inline = 'import requests\nrequests.get("https://api.akool.com/api/open/v3/content/video/infobymodelid".replace("x", "y"))\n'
    assert "wrong-host" in [f.rule for f in audit_text(inline, "i.py")]


# -- relay P1 #3 (break21h #2): the app's own record field named like the answer's -------------------

OWN = Path(__file__).parent / "audit_corpus" / "prec25" / "ownrecord"


def test_the_apps_own_record_field_is_not_judged_as_an_answers() -> None:
    for name in ("own.py", "jobs.ts"):
        text = (OWN / name).read_text(encoding="utf-8")
        assert [f for f in audit_text(text, name) if f.rule == "status-value"] == [], name


def test_an_answer_read_beside_the_apps_own_record_is_still_judged() -> None:
    text = (OWN / "own_reads_answer.py").read_text(encoding="utf-8")
    found = [f for f in audit_text(text, "own_reads_answer.py") if f.rule == "status-value"]
    assert [f.line for f in found] == [28]


# -- relay P1 #4 (break21h #5): a call's `as`, Python's `with ... as` and `-> str:` type no literal --

TYPED_AS = Path(__file__).parent / "audit_corpus" / "prec25" / "typedas"


def test_a_call_result_cast_or_python_syntax_does_not_type_the_body_literal() -> None:
    for name in ("aio.py", "annotated.py", "ax2.ts", "trybody.py"):
        text = (TYPED_AS / name).read_text(encoding="utf-8")
        renames = [f for f in audit_text(text, name) if f.rule == "misnamed-field"]
        assert renames, name
        for f in renames:
            assert f.fix is not None and "typed" not in f.message, (name, f.message)


def test_a_literal_cast_in_its_own_parentheses_is_still_typed() -> None:
    text = (TYPED_AS / "cast_typed.ts").read_text(encoding="utf-8")
    at_call = [f for f in audit_text(text, "cast_typed.ts") if f.line == 5]
    assert [f.fix for f in at_call] == [None] and "typed ImageReq" in at_call[0].message


# -- break21g #24: request keys a converter snake_cases before sending are judged as sent -----------

KEYCASE = Path(__file__).parent / "audit_corpus" / "prec25" / "keycase"


def test_camel_case_keys_a_converter_snake_cases_are_right() -> None:
    for name in ("a.ts", "b.py", "naming_policy.cs"):
        text = (KEYCASE / name).read_text(encoding="utf-8")
        assert audit_text(text, name) == [], name


def test_without_a_converter_camel_case_keys_are_still_misnamed() -> None:
    text = (KEYCASE / "b.py").read_text(encoding="utf-8").replace("humps.decamelize(", "(")
    assert [f.rule for f in errors(text, "b.py")] == ["misnamed-field", "misnamed-field"]
    wrong = (KEYCASE / "still_wrong.py").read_text(encoding="utf-8")
    assert [f.rule for f in audit_text(wrong, "still_wrong.py")] == ["unknown-field"]


# -- relay P2 (break21h #15): a TS union judges only where a value sent comes from it ----------------

UNIONS = Path(__file__).parent / "audit_corpus" / "prec25" / "unions"


def test_a_union_no_sent_value_comes_from_is_not_judged() -> None:
    for name in ("form.ts", "form2.ts", "jobs.ts", "q.ts"):
        text = (UNIONS / name).read_text(encoding="utf-8")
        assert audit_text(text, name) == [], name


def test_a_union_typing_a_value_sent_unchanged_is_judged() -> None:
    text = (UNIONS / "sent.ts").read_text(encoding="utf-8")
    found = audit_text(text, "sent.ts")
    assert [(f.rule, f.line, f.fix) for f in found] == [("bad-value", 4, None)] * 2


# -- relay P2 (break21h #16): no quoting patch inside a map typed with number values ----------------

NUMBER_MAPS = Path(__file__).parent / "audit_corpus" / "prec25" / "numbermaps"


def test_a_number_in_a_number_typed_map_is_reported_without_a_quoting_fix() -> None:
    for name in ("talk.py", "talk.swift"):
        text = (NUMBER_MAPS / name).read_text(encoding="utf-8")
        (found,) = errors(text, name)
        assert found.rule == "bad-value" and found.fix is None, name
        assert "typed as one of numbers" in found.message


def test_a_number_in_an_untyped_map_keeps_its_quoting_fix() -> None:
    text = (NUMBER_MAPS / "talk.py").read_text(encoding="utf-8").replace(": dict[str, int] =", " =")
    (found,) = errors(text, "talk.py")
    assert found.fix is not None and found.fix.new == '"1080"'


# -- break21g #21: Rails routes mirroring AKOOL's paths are the app's own ---------------------------

RAILS = Path(__file__).parent / "audit_corpus" / "prec25" / "rails"


def test_rails_routes_are_no_calls() -> None:
    for name in ("routes.rb", "routes2.rb"):
        text = (RAILS / name).read_text(encoding="utf-8")
        assert audit_text(text, name) == [], name


def test_a_ruby_clients_call_of_the_same_path_is_still_reported() -> None:
    text = (RAILS / "client.rb").read_text(encoding="utf-8")
    assert [f.rule for f in audit_text(text, "client.rb")] == ["unknown-endpoint"]


# -- break21g #25, #22: examples in comments send nothing; a JSX link is no call ---------------------

EXAMPLES = Path(__file__).parent / "audit_corpus" / "prec25" / "examples"


def test_an_example_in_a_comment_or_docstring_misses_no_field() -> None:
    for name in ("b.js", "d.py", "e.go"):
        text = (EXAMPLES / name).read_text(encoding="utf-8")
        assert [f for f in audit_text(text, name) if f.rule == "missing-field"] == [], name


def test_a_jsx_link_is_no_call() -> None:
    text = (EXAMPLES / "Footer.tsx").read_text(encoding="utf-8")
    assert audit_text(text, "Footer.tsx") == []


def test_real_calls_beside_them_are_still_judged() -> None:
    text = (EXAMPLES / "missing_real.py").read_text(encoding="utf-8")
    assert [f.rule for f in audit_text(text, "missing_real.py")] == ["missing-field"]
    text = (EXAMPLES / "Fetch.tsx").read_text(encoding="utf-8")
    assert "wrong-host" in [f.rule for f in audit_text(text, "Fetch.tsx")]


# -- break21g #23: with axios imported, a fetch answer read on the call's line is AKOOL's -----------

AXIOS_LINE = Path(__file__).parent / "audit_corpus" / "prec25" / "axiosline"


def test_a_fetch_answer_read_on_its_line_is_no_axios_response() -> None:
    for name in ("ax_e2.ts", "ax_e3.ts", "c12.ts"):
        text = (AXIOS_LINE / name).read_text(encoding="utf-8")
        assert audit_text(text, name) == [], name


def test_an_axios_responses_data_read_is_still_the_body() -> None:
    text = (AXIOS_LINE / "wrong.ts").read_text(encoding="utf-8")
    assert [(f.rule, f.line) for f in audit_text(text, "wrong.ts")] == [("response-field", 6)]


# -- relay P1 #5 (break21h #3): code compared on an answer bound on the call's line ------------------

CODE_ONELINE = Path(__file__).parent / "audit_corpus" / "prec25" / "codeoneline"


def test_code_compared_on_an_answer_parsed_on_the_calls_line_is_judged() -> None:
    text = (CODE_ONELINE / "oneline.py").read_text(encoding="utf-8")
    assert [f.line for f in audit_text(text, "oneline.py") if f.rule == "status-value"] == [7, 14]
    text = (CODE_ONELINE / "oneline.js").read_text(encoding="utf-8")
    found = [f.line for f in audit_text(text, "oneline.js") if f.rule == "status-value"]
    assert found == [6, 11, 16]


def test_another_apis_code_beside_it_is_not_judged() -> None:
    for name in ("mixed.py", "mixed.js"):
        text = (CODE_ONELINE / name).read_text(encoding="utf-8")
        assert [f for f in audit_text(text, name) if f.rule == "status-value"] == [], name


# -- relay P2 #18 (break21h #18): 2 taken as completed in a ternary or a postfix if ------------------

TERNARY = Path(__file__).parent / "audit_corpus" / "prec25" / "ternary"


def test_processing_taken_as_done_in_an_expression_is_reported() -> None:
    counts = {"t1.py": 1, "t2.js": 1, "t3.rb": 2, "t4.py": 2}
    for name, n in counts.items():
        text = (TERNARY / name).read_text(encoding="utf-8")
        assert len([f for f in audit_text(text, name) if f.rule == "status-value"]) == n, name
        good = (TERNARY / f"good_{name}").read_text(encoding="utf-8")
        assert [f for f in audit_text(good, name) if f.rule == "status-value"] == [], name
