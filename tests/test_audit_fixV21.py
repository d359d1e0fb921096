"""Robustness of the audit against hostile inputs: unclosed strings full of escaped quotes, alias
chains, and files that cannot be read (each must cost time in proportion to its size, and none
may stop the audit of the others)."""

from __future__ import annotations

import cProfile
from pathlib import Path
from typing import Any

import pytest

from akool_cli.audit import fields, scan
from akool_cli.audit.scan import Finding, audit_text
from tests.support.growth import growth

GROWTH_LIMIT = 25.0  # time for 10x the input, at most (linear: ~10x; a rescan per quote: ~100x)


UNCLOSED = {
    "js double": lambda n: 'const x = "' + 'ab\\"c ' * n + "\nconst y = 'k';\n",
    "py single": lambda n: "x = '" + "ab\\'c " * n + '\ny = "k"  # note\n',
    "js template": lambda n: "const t = `" + "ab\\`c ${x} " * n + "\n",
}


@pytest.mark.parametrize("shape", sorted(UNCLOSED))
def test_unclosed_string_with_escaped_quotes_is_read_in_linear_time(shape: str) -> None:
    make = UNCLOSED[shape]
    templates = "template" in shape or "js" in shape
    style = (("//",), True) if "js" in shape else (("#",), False)
    assert growth(make, lambda t: fields._string_spans(t, templates)) < GROWTH_LIMIT
    assert growth(make, lambda t: fields._comment_spans(t, style, templates)) < GROWTH_LIMIT


def test_unclosed_quote_leaves_the_other_literals_as_they_were() -> None:
    text = 'x = "ab\\"c ab\\"c\ny = \'k\'  # a \'note\'\nz = "a\\"b"\n'
    spans = fields._string_spans(text, False)
    assert [text[a:b] for a, b in spans.spans] == ["k", "note", 'a\\"b']
    comments = fields._comment_spans(text, (("#",), False), False)
    assert [text[a:b] for a, b in comments.spans] == ["# a 'note'"]


CYCLE = """openapi: 3.0.0
info: {title: x, version: "1"}
servers:
  - url: https://openapi.akool.com/api/open/v3
paths:
  /content/video/createbytalkingphoto:
    post:
      requestBody:
        content:
          application/json:
            schema:
              $ref: "#/components/schemas/A"
components:
  schemas:
    A:
      allOf:
        - $ref: "#/components/schemas/B"
      properties:
        child: { $ref: "#/components/schemas/A" }
    B:
      allOf:
        - $ref: "#/components/schemas/A"
"""


def test_openapi_allof_cycle_is_read_not_recursed_forever() -> None:
    found = audit_text(CYCLE, "loop.yaml")
    assert [(f.rule, f.found) for f in found] == [("unknown-field", "child")]


def test_notebook_nested_thousands_deep_is_no_crash() -> None:
    assert audit_text('{"cells": ' + "[" * 5_000 + "]" * 5_000 + "}", "deep.ipynb") == []


def test_a_file_whose_reading_raises_is_not_scanned_and_the_others_are(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = tmp_path / "a.py"
    good.write_text(
        'import requests\nrequests.get("https://openapi.akool.com/api/open/v3/nowhere/at/all")\n'
    )
    (tmp_path / "b.py").write_text("import requests\n")
    real = scan.audit_text

    def hostile(text: str, name: str, *args: Any, **kwargs: Any) -> list[Finding]:
        if name.endswith("b.py"):
            raise RecursionError("maximum recursion depth exceeded")
        return real(text, name, *args, **kwargs)

    monkeypatch.setattr(scan, "audit_text", hostile)
    result = scan.audit([tmp_path])
    assert [f.file.endswith("a.py") for f in result.findings] == [True]
    assert [(n.endswith("b.py"), why) for n, why in result.skipped] == [
        (True, "could not be read: RecursionError")
    ]
    assert result.files_scanned == 1 and not result.passed


def _alias_chain(n: int) -> str:
    lines = ["import requests", "a0 = 'https://openapi.akool.com/api/open/v3'"]
    lines += [f"a{i} = a{i - 1}" for i in range(1, n + 1)]
    return "\n".join([*lines, f"requests.get(a{n} + '/content/video/status')", ""])


def _calls(text: str, name: str) -> int:
    profile = cProfile.Profile()
    profile.enable()
    audit_text(text, name)
    profile.disable()
    return sum(s.callcount for s in profile.getstats())


def test_alias_chain_is_followed_in_linear_work() -> None:
    found = audit_text(_alias_chain(50), "c.py")
    assert [f.found for f in found if f.rule == "unknown-endpoint"] == ["/content/video/status"]
    growth = _calls(_alias_chain(2_000), "c.py") / _calls(_alias_chain(200), "c.py")
    assert growth < 12.0  # (one pattern of every name, rebuilt at each: ~60x)
