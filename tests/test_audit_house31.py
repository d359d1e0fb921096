"""house31's tests: the shared hubs held once (a pattern's text, a message's wording), the answer
rules' knowledge shared with the status rule, and getter chains followed into an answer's lists."""

from __future__ import annotations

import inspect

from akool_cli.audit import fields, rules
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
