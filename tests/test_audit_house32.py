"""house32's tests: one judge per question in the audit's hubs (the class around a line, whose a
host is, the other-vendor question asked once per path, the names that hold a parsed answer) and
a base one file binds kept to the names that file's importers use."""

from __future__ import annotations

import inspect
import re
from pathlib import Path, PurePath

import pytest

from akool_cli.audit import calls, hosts, modules, otherhosts, scopes, sites, specs, statuses, ties
from akool_cli.audit.scan import audit, audit_text

B = "https://openapi.akool.com/api/open/v3"

# -- item 1: the class around a line is found by one scan ----------------------------------------

TWO_CLASSES = """\
class HeyGen(Client):
    base_url = "https://api.heygen.com"

    def talk(self):
        return self.post("/content/video/createbytalk", {})


class Akool(Client):
    base_url = "https://openapi.akool.com/api/open/v3"

    def talk(self):
        return self.post("/content/video/createbytalk", {})
"""


def test_the_class_header_is_the_nearest_less_indented_class_above() -> None:
    lines = TWO_CLASSES.splitlines()
    assert scopes.class_header(lines, 4) == 0
    assert scopes.class_header(lines, 11) == 7
    assert scopes.class_header(lines, 0) is None  # (a top-level line is in no class)
    assert scopes.enclosing_class(lines, 3) == "HeyGen"
    assert scopes.enclosing_class(lines, 10) == "Akool"
    assert scopes.enclosing_class(["func (c *Client) Talk() {"], 0) == "Client"


def test_otherhosts_and_enclosing_class_share_the_header_scan() -> None:
    for judge in (otherhosts._class_body, scopes.enclosing_class):
        source = inspect.getsource(judge)
        assert "class_header(" in source and "CLASS_LINES" not in source


def test_a_class_bound_to_another_vendor_keeps_its_paths_out() -> None:
    lines = TWO_CLASSES.splitlines()
    assert otherhosts._class_other(lines, 4) and not otherhosts._class_other(lines, 11)
    assert otherhosts.class_prefix(lines, 11) == "/api/open/v3"
    found = [f for f in audit_text(TWO_CLASSES, "c.py") if f.rule == "unknown-endpoint"]
    assert [f.line for f in found] == [12]


# -- item 2: whose a host is, judged in one module -----------------------------------------------


def test_one_function_says_whose_a_host_is() -> None:
    assert hosts.host_kind("openapi.akool.com") == "api"
    assert hosts.host_kind("SG3.akool.com") == "api"
    assert hosts.host_kind("content.akool.com") == "doubtful"
    assert hosts.host_kind("docs.akool.com") == "website"
    assert hosts.host_kind("api.akool.com") == "retired"
    assert hosts.host_kind("api.akool.example") == "placeholder"
    assert hosts.host_kind("akool-proxy.example.com") == "other"
    assert hosts.host_kind("api.heygen.com") == "other"
    assert hosts.akool_host("api.akool.com") and not hosts.akool_host("api.akool.example")
    assert hosts.akool_domain("api.akool.example") and not hosts.akool_domain("akool.io.evil.com")
    assert hosts.other_host('base = "https://api.heygen.com"')
    assert not hosts.other_host('"https://api.heygen.com" or "https://openapi.akool.com"')


# The host tests of AKOOL's domain, as the hubs held them apart before: none is held twice.
DOMAIN_TAIL = re.compile(
    r"akool\\?\.(?:\(\?[^)]*\)|\"\s*\+\s*RESERVED\s*\+\s*r\")?\[[A-Za-z-]+\]\{2,\}\$"
)


def test_no_hub_keeps_its_own_copy_of_the_akool_host_test() -> None:
    held = [id(v) for v in vars(hosts).values()]
    for module in (otherhosts, sites, calls, specs):
        own = [
            name
            for name, value in vars(module).items()
            if isinstance(value, re.Pattern) or type(value).__name__ == "_Deferred"
            if DOMAIN_TAIL.search(value.pattern) and id(value) not in held
        ]
        assert own == [], (module.__name__, own)
    assert sites.AKOOL_HOST is hosts.AKOOL_HOST and calls.AKOOL_HOST_IN_URL is hosts.AKOOL_DOMAIN


OTHER_VENDOR_CLASS = """\
class HeyGen(Client):
    base_url = "https://api.heygen.com"

    def talk(self):
        return self.post("/content/video/createbytalk", {})
"""


def test_a_class_on_another_vendor_s_host_is_not_judged_and_one_on_akool_s_is() -> None:
    assert audit_text(OTHER_VENDOR_CLASS, "h.py") == []
    akool = OTHER_VENDOR_CLASS.replace("api.heygen.com", "openapi.akool.com/api/open/v3")
    assert [f.line for f in audit_text(akool, "h.py")] == [5]


# -- item 3: a path argument's receiver is asked once whether it is another vendor's -------------

CLIENTS = """\
import httpx

akool = httpx.Client(base_url="https://openapi.akool.com/api/open/v3")
heygen = httpx.Client(base_url="https://api.heygen.com")

akool.post("/content/video/createbytalk", json={})
heygen.post("/content/video/createbytalk", json={})
"""
HELPERS = """\
import requests

BASE = "https://openapi.akool.com/api/open/v3"


def post(path, body):
    return requests.post(BASE + path, json=body)


class HeyGen:
    base_url = "https://api.heygen.com"

    def run(self):
        return self.post("/content/video/createbytalk", {})


class Akool:
    def run(self):
        return post("/content/video/createbytalk", {})
"""
GO_CLIENTS = """\
package main

func main() {
\takool := resty.New().SetBaseURL("https://openapi.akool.com/api/open/v3")
\theygen := &Client{Base: "https://api.heygen.com"}
\takool.R().Post("/content/video/createbytalk")
\theygen.Post("/content/video/createbytalk")
}
"""


def test_the_other_vendor_question_is_asked_at_one_place() -> None:
    assert inspect.getsource(sites._path_arguments).count("other_vendor(") == 1
    assert "other_vendor(" not in inspect.getsource(sites._argument_base)


@pytest.mark.parametrize(
    ("text", "name", "akool_line", "asked"),
    [(CLIENTS, "a.py", 6, 1), (HELPERS, "b.py", 19, 2), (GO_CLIENTS, "c.go", 6, 2)],
)
def test_another_vendor_s_receiver_keeps_its_path_out_asked_once_a_path(
    monkeypatch: pytest.MonkeyPatch, text: str, name: str, akool_line: int, asked: int
) -> None:
    places: list[tuple[int, int]] = []

    def counted(lines: list[str], i: int, line: str, at: int) -> bool:
        places.append((i, at))
        return otherhosts.other_vendor(lines, i, line, at)

    monkeypatch.setattr(sites, "other_vendor", counted)
    found = [f.line for f in audit_text(text, name) if f.rule == "unknown-endpoint"]
    assert found == [akool_line]
    assert len(places) == len(set(places)) == asked


# -- break21u's status items: an inline membership's branch, a call over lines held as data ------

INFO = f"{B}/content/video/infobymodelid"
INLINE_PY = f"""\
import requests
d = requests.get("{INFO}", params={{"video_model_id": "v"}}).json()["data"]
if d["video_status"] in (2, 3):
    print(d["video"])
"""
INLINE_JS = f"""\
export async function once(id) {{
  const r = await fetch(`{INFO}?video_model_id=${{id}}`);
  const {{ data }} = await r.json();
  if ([2, 3].includes(data.video_status)) return data.video;
  return null;
}}
"""
INLINE_RB = f"""\
d = JSON.parse(Net::HTTP.get(URI("{INFO}?video_model_id=v")))["data"]
if [2, 3].include?(d["video_status"])
  puts d["video"]
end
"""
INLINE_KT = f"""\
fun once(client: OkHttpClient): String? {{
    val req = Request.Builder().url("{INFO}?video_model_id=v").build()
    val data = JSONObject(client.newCall(req).execute().body!!.string()).getJSONObject("data")
    if (data.getInt("video_status") in listOf(2, 3)) return data.getString("video")
    return null
}}
"""


@pytest.mark.parametrize(
    ("text", "name", "line"),
    [
        (INLINE_PY, "d.py", 3),
        (INLINE_JS, "d.js", 4),
        (INLINE_RB, "d.rb", 2),
        (INLINE_KT, "D.kt", 4),
    ],
)
def test_an_inline_done_list_holding_processing_is_judged_by_its_branch(
    text: str, name: str, line: int
) -> None:
    assert _status(text, name) == [line]
    # a done list may hold failed too (a named set's rule): (3, 4) is right
    assert _status(text.replace("2, 3", "3, 4"), name) == []


def test_an_inline_list_whose_branch_reads_no_result_says_no_state() -> None:
    assert _status(INLINE_PY.replace('print(d["video"])', 'print("wait")'), "d.py") == []


def _status(text: str, name: str) -> list[int]:
    return [f.line for f in audit_text(text, name) if f.rule == "status-value"]


OVER_LINES_PY = f"""\
import requests
def f(video_id, key):
    d = requests.get("{INFO}",
                     params={{"video_model_id": video_id}},
                     headers={{"x-api-key": key}}).json()["data"]
    if d["video_status"] == "3":
        print(d["video"])
"""
OVER_LINES_RB = f"""\
d = HTTParty.get("{INFO}",
                 query: {{ video_model_id: "v" }}, headers: {{ "x-api-key" => "k" }}).parsed_response["data"]
puts d["video"] if d["video_status"] == "3"
"""
OBJECT_OVER_LINES_JS = f"""\
export async function once(id) {{
  const j = await (await fetch(`{INFO}?video_model_id=${{id}}`)).json();
  const payload = {{
    id: 1,
    body: j["data"]
  }};
  if (payload.video_status === "3") return payload;
}}
"""


def test_data_held_from_a_call_written_over_lines_is_the_answer_s() -> None:
    assert _status(OVER_LINES_PY, "f.py") == [6]
    assert _status(OVER_LINES_PY.replace('"3"', "3"), "f.py") == []
    assert _status(OVER_LINES_RB, "f.rb") == [3]  # (a hash rocket in the call's headers)


def test_an_object_written_over_lines_that_holds_the_data_is_not_the_data() -> None:
    assert _status(OBJECT_OVER_LINES_JS, "o.js") == []


# -- item 5: a base one file binds reaches only the files of its own language family ------------

LEAK = Path(__file__).parent / "audit_corpus" / "house32" / "leak"


@pytest.mark.parametrize(
    ("names"), [("AkoolService.php", "ErpClient.java"), ("Akool.cs", "config.go")]
)
def test_a_base_of_another_language_s_file_reaches_no_compiled_file(
    tmp_path: Path, names: tuple[str, ...]
) -> None:
    # (a PHP method `create` that sets a Laravel base beside Java's `URI.create(baseUrl + ...)`;
    # a C# class's `Root` constant beside a Go struct's `c.Root + "/api/open/v3/..."`)
    for name in names:
        (tmp_path / name).write_text((LEAK / name).read_text(encoding="utf-8"), encoding="utf-8")
    assert [f.render() for f in audit([tmp_path]).findings] == []


def test_a_compiled_file_still_takes_its_own_family_s_and_a_data_file_s_names() -> None:
    java, kotlin = PurePath("a/Erp.java"), PurePath("a/Base.kt")
    assert modules.may_import(java, kotlin) and modules.may_import(java, PurePath("a/.env"))
    assert modules.may_import(PurePath("a/x.go"), PurePath("a/run.sh"))
    assert not modules.may_import(java, PurePath("a/AkoolService.php"))
    assert not modules.may_import(PurePath("a/x.go"), PurePath("a/Akool.cs"))
    # (the listed families keep their rule: a Go file's names may still reach a TypeScript file)
    assert modules.may_import(PurePath("a/shop.ts"), PurePath("a/x.go"))


# -- item 4: ties answer "this name holds AKOOL's parsed answer" for the status rule, tables too --


def test_the_status_rule_asks_ties_alone_which_names_hold_a_parsed_answer() -> None:
    source = inspect.getsource(statuses._through_answer)
    assert "parsed_names(" in source and "parsedanswers." not in source
    assert "jvmanswers.answer_names" not in source
    dart = "final j = jsonDecode(r.body);\nif (j['code'] != 200) {}\n"
    go = "var m map[string]any\njson.Unmarshal(raw, &m)\n"
    gson = "JsonObject root = JsonParser.parseString(body).getAsJsonObject();\n"
    assert "j" in ties.Lines(dart.splitlines(), False).parsed_names()
    assert "m" in ties.Lines(go.splitlines(), False).parsed_names()
    assert "root" in ties.Lines(gson.splitlines(), False).parsed_names()
    assert "root" not in ties.Lines(gson.splitlines(), False).parsed_names(jvm=False)


def test_a_binding_over_lines_is_read_over_a_bounded_number_of_lines() -> None:
    # (a long literal of `k=v,` lines is not scanned again from each of its `=`: a call's
    # arguments take a few lines, and the pattern takes at most CALL_LINES line breaks)
    assert f"{{1,{statuses.CALL_LINES}}}" in statuses.DATA_BOUND_OVER.pattern
    far = OVER_LINES_PY.replace(
        '                     params={"video_model_id": video_id},\n',
        '                     params={"video_model_id": video_id},\n' * statuses.CALL_LINES,
    )
    assert _status(far, "f.py") == []
