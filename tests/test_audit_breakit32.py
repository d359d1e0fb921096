"""Costs a hostile scanned file must not make quadratic (breakit32's items)."""

from __future__ import annotations

import pytest

from akool_cli.audit import curlargs
from akool_cli.audit.scan import audit_text

CURL = 'curl -s -X POST "https://openapi.akool.com/api/open/v3/content/image/createbyprompt" -d \'{"prompt": "a"}\''


def _words_read(separator: str, count: int, monkeypatch: pytest.MonkeyPatch) -> int:
    calls = 0
    real = curlargs._word

    def counted(text: str, i: int, found: list[curlargs.Word]) -> int:
        nonlocal calls
        calls += 1
        return real(text, i, found)

    monkeypatch.setattr(curlargs, "_word", counted)
    audit_text("#!/bin/sh\n" + separator.join([CURL] * count) + "\n", "run.sh")
    return calls


@pytest.mark.parametrize("separator", ["\f", "\v", "\u2028", "\u2029", "\x85", "\x1c"])
def test_curls_joined_by_a_character_that_ends_no_line_are_read_once_each(
    separator: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # (each such character ends a command for the shell reader, though not a line: before, every
    # curl of the run read the words of all the curls after it, 4x the curls ~16x the words)
    small = _words_read(separator, 50, monkeypatch)
    large = _words_read(separator, 200, monkeypatch)
    assert large <= 5 * small
