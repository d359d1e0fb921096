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
