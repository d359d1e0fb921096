"""The audit on one long line of many calls (break21d H1: a minified bundle, a one-line JSON):
what a line returns is worked out once per line, not once per call on it (bench/run.py's t.js
shape times it, and its s.py shape a path of thousands of variable segments, cut once now)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from akool_cli.audit import ties
from akool_cli.audit.scan import audit_text


class _CountedMatch:
    """A compiled pattern that counts its match calls."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern, self.calls = pattern, 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self.pattern, name)

    def match(self, string: str, *args: Any) -> re.Match[str] | None:
        self.calls += 1
        return self.pattern.match(string, *args)


def test_what_a_minified_line_returns_is_asked_once_not_once_per_call(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    counted = _CountedMatch(ties.RETURN)
    monkeypatch.setattr(ties, "RETURN", counted)
    for cached in ("returned_expression", "return_statement"):
        getattr(getattr(ties, cached, None), "cache_clear", lambda: None)()
    calls = "".join("fetch(`${BASE}/photo/talking`);return 1;" for _ in range(300))
    text = 'const BASE="https://openapi.akool.com/api/open/v3";' + calls + "\n"
    found = audit_text(text, "bundle.js")
    assert [f.rule for f in found] == ["undocumented-path"]  # (one finding per line and path)
    assert counted.calls <= 3, f"RETURN matched {counted.calls} times on one line"
