"""house31's tests: the shared hubs held once (a pattern's text, a message's wording), the answer
rules' knowledge shared with the status rule, and getter chains followed into an answer's lists."""

from __future__ import annotations

import inspect
import re
from typing import Any

import pytest

from akool_cli.audit import calls, fields, rules
from akool_cli.audit.scan import audit_text


def test_a_fresh_client_binding_is_written_once_for_both_patterns() -> None:
    # BINDING's `fresh` alternative and FRESH_BINDING are the same text, held once
    assert fields.FRESH_BINDING.pattern == fields.FRESH_BOUND
    assert f"(?P<fresh>{fields.FRESH_BOUND})" in fields.BINDING.pattern


def test_both_list_hits_word_their_message_through_one_helper() -> None:
    for hit in (rules._list_hit, rules._inner_list_hit):
        source = inspect.getsource(hit)
        assert "_as_list_message(" in source and "as a list, so" not in source


LIST_READ = """\
import requests
r = requests.get("https://openapi.akool.com/api/open/v3/avatar/list", headers={"x-api-key": "k"})
print(r.json()["data"]["result"])
"""


def test_a_field_read_on_a_list_says_the_list_as_before() -> None:
    found = [f for f in audit_text(LIST_READ, "l.py") if f.rule == "list-answer"]
    assert found and "has data as a list, so data.result is not there" in found[0].message


# -- item 2: the status rule asks the answer rules' ties which names hold a parsed answer -------

B = "https://openapi.akool.com/api/open/v3"
HELPER_PARSES = f"""\
async function getJson(u) {{
  const r = await fetch(u, {{ headers: {{ "x-api-key": "k" }} }});
  return r.json();
}}
async function poll(id) {{
  const ans = await getJson("{B}/content/video/infobymodelid?video_model_id=" + id);
  if (ans.code !== 0) throw new Error("render failed");
}}
"""
OVER_LINES = f"""\
import requests
j = requests.post(
    "{B}/content/video/lipsync",
    json={{"video_url": "v", "audio_url": "a"}}).json()
if j["code"] != 0:
    raise SystemExit(j.get("msg"))
"""


def _status(text: str, name: str) -> list[int]:
    return [f.line for f in audit_text(text, name) if f.rule == "status-value"]


def test_a_code_read_on_what_a_helper_returning_the_parse_gives_is_judged() -> None:
    # ties hold `ans` as the parsed answer (the helper returns r.json()); the regex copy did not
    assert _status(HELPER_PARSES, "poll.js") == [7]
    assert _status(HELPER_PARSES.replace("!== 0", "!== 1000"), "poll.js") == []


def test_a_call_over_lines_parsed_at_its_close_has_its_code_judged() -> None:
    # (the URL on a line of its own: the old pattern wanted an argument on the call's first line)
    assert _status(OVER_LINES, "lipsync.py") == [5]
    assert _status(OVER_LINES.replace("!= 0", "!= 1000"), "lipsync.py") == []
    first_line = OVER_LINES.replace('post(\n    "', 'post("')
    assert _status(first_line, "lipsync.py") == [4]


def test_the_status_rule_keeps_no_pattern_of_its_own_for_parsed_answers() -> None:
    from akool_cli.audit import statuses

    assert not hasattr(statuses, "ANSWER_BOUND") and not hasattr(statuses, "_parsed_over_lines")


# -- item 3: getter chains followed into an answer's list, so its items' reads are judged --------

ORG_JSON = f"""\
public class Languages {{
    public static void main(String[] args) throws Exception {{
        Request request = new Request.Builder().url("{B}/language/list").get().build();
        try (Response response = client.newCall(request).execute()) {{
            JSONObject json = new JSONObject(response.body().string());
            JSONArray langs = json.getJSONObject("data").getJSONArray("lang_list");
            for (int i = 0; i < langs.length(); i++) {{
                JSONObject l = langs.getJSONObject(i);
                System.out.println(l.getString("lang_code"));
            }}
        }}
    }}
}}
"""
JACKSON = f"""\
public class Languages {{
  void list() throws Exception {{
    HttpResponse<String> resp = client.send(HttpRequest.newBuilder(URI.create("{B}/language/list")).build(), BodyHandlers.ofString());
    JsonNode json = mapper.readTree(resp.body());
    JsonNode langs = json.path("data").path("lang_list");
    for (JsonNode l : langs) {{
      System.out.println(l.path("lang_code").asText());
    }}
  }}
}}
"""
SYSTEM_TEXT_JSON = f"""\
class Languages {{
  async Task List() {{
    var resp = await http.GetAsync("{B}/language/list");
    using var doc = JsonDocument.Parse(await resp.Content.ReadAsStringAsync());
    var langs = doc.RootElement.GetProperty("data").GetProperty("lang_list");
    for (var i = 0; i < langs.GetArrayLength(); i++) {{
      var l = langs[i];
      Console.WriteLine(l.GetProperty("lang_code").GetString());
    }}
  }}
}}
"""
CSHARP_FOREACH = SYSTEM_TEXT_JSON.replace(
    "for (var i = 0; i < langs.GetArrayLength(); i++) {\n      var l = langs[i];",
    "foreach (var l in langs.EnumerateArray()) {",
)


def _answer_reads(text: str, name: str) -> list[tuple[int, str]]:
    return [(f.line, f.found) for f in audit_text(text, name) if f.rule == "answer-field"]


@pytest.mark.parametrize(
    ("text", "name", "read", "line"),
    [
        (ORG_JSON, "Languages.java", 'l.getString("lang_code")', 9),
        (JACKSON, "Languages.java", 'l.path("lang_code")', 7),
        (SYSTEM_TEXT_JSON, "Languages.cs", 'l.GetProperty("lang_code")', 8),
        (CSHARP_FOREACH, "Languages.cs", 'l.GetProperty("lang_code")', 7),
    ],
)
def test_an_items_reads_under_a_getter_chain_are_judged(
    text: str, name: str, read: str, line: int
) -> None:
    assert read in text.splitlines()[line - 1]
    assert _answer_reads(text, name) == []  # (the documented field: silent)
    wrong = text.replace(read, read.replace("lang_code", "language_code"))
    assert _answer_reads(wrong, name) == [(line, "language_code")]


def test_a_wrong_key_inside_the_chain_is_found_once() -> None:
    wrong = ORG_JSON.replace('getJSONArray("lang_list")', 'getJSONArray("languages")')
    assert [f.line for f in audit_text(wrong, "Languages.java")] == [6]


def test_the_ties_keep_no_special_case_for_unfollowed_getter_chains() -> None:
    from akool_cli.audit import ties

    assert not hasattr(ties, "_unfollowed_part") and not hasattr(ties, "DEEP_GETTERS")


# -- item 5: the bench's shape searched less ----------------------------------------------------


class _Counting:
    """A pattern's stand-in that counts its searches."""

    def __init__(self, pattern: Any) -> None:
        self.pattern = pattern
        self.searched = 0

    def search(self, *args: Any) -> Any:
        self.searched += 1
        return self.pattern.search(*args)


BENCH_LINES = "".join(
    f'body{k} = {{"talking_photo_url": "u", "audio_url": "a", "resolution": "720p"}}\n'
    f'r{k} = requests.post(f"{{BASE}}/content/video/createbytalkingphoto", json=body{k})\n'
    for k in range(20)
)
BENCH = f'import requests\nBASE = "{B}"\n' + BENCH_LINES


def _searches(monkeypatch: pytest.MonkeyPatch, module: Any, name: str, text: str) -> int:
    """How many times auditing a text searches with a module's pattern."""
    counted = _Counting(getattr(calls if name == "BEARER_HEADER" else module, name))
    monkeypatch.setattr(module, name, counted)
    audit_text(text, "bench.py")
    return counted.searched


BOTH_HEADERS = 'requests.get(f"{BASE}/faceswap/quota/info", headers={"x-api-key": "k", "authorization": "Bearer t"})\n'
JOINED_KEY = 'requests.post(f"{BASE}/content/image/createbyprompt", json={"prompt": "p", "sc" + "ale": "1:1"})\n'


def test_a_file_that_never_names_the_authorization_header_is_not_searched_for_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert _searches(monkeypatch, rules, "BEARER_HEADER", BENCH) == 0
    assert _searches(monkeypatch, rules, "BEARER_HEADER", BENCH + BOTH_HEADERS) > 0
    found = [f.rule for f in audit_text(BENCH + BOTH_HEADERS, "bench.py")]
    assert "both-auth-headers" in found


def test_a_key_with_no_operator_before_it_is_not_searched_for_a_join(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert _searches(monkeypatch, fields, "JOINED_BEFORE", BENCH) == 0
    assert _searches(monkeypatch, fields, "JOINED_BEFORE", BENCH + JOINED_KEY) == 1


# -- item 4: long functions of the hubs split by what they decide -------------------------------


@pytest.mark.parametrize(
    "function",
    [
        "scan._audit_text",
        "rules._field_read_hit",
        "rules._unknown_read_hit",
        "fields._collect",
        "fields._option_keys",
    ],
)
def test_the_hubs_long_functions_are_split(function: str) -> None:
    from akool_cli.audit import scan

    module, name = function.split(".")
    holder = {"scan": scan, "rules": rules, "fields": fields}[module]
    source = inspect.getsource(getattr(holder, name))
    assert len(source.splitlines()) <= 60


def test_the_steps_before_the_calls_are_tables_run_in_order() -> None:
    from akool_cli.audit import scan

    source = inspect.getsource(scan._audit_text)
    assert "for step in BASE_STEPS" in source and "for step in SITE_STEPS" in source
    assert "sites.definitions(" not in source and "appconfig." not in source
    # (8: recall33a's PHP `$cfg = require '.../cfg.php'` step joined the table)
    assert len(scan.BASE_STEPS) == 8 and len(scan.SITE_STEPS) == 6


def test_a_getter_is_read_by_one_alternative_of_a_chain_only() -> None:
    # (`.get("x")` taken by two alternatives backtracked twice per link of a chain that fails)
    from akool_cli.audit import items

    assert re.fullmatch(items.GETTERS, "get") is None
    failing = " json" + '.get("data")' * 25 + ".x("
    assert items.chain_parts(failing) is None
    assert items.chain_parts(" json" + '.get("data")' * 25) == (
        "json",
        False,
        False,
        ("data",) * 25,
    )
