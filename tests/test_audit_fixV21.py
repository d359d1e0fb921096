"""Robustness of the audit against hostile inputs: unclosed strings full of escaped quotes, alias
chains, and files that cannot be read (each must cost time in proportion to its size, and none
may stop the audit of the others)."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from akool_cli.audit import fields

GROWTH_LIMIT = 25.0  # time for 10x the input, at most (linear: ~10x; a rescan per quote: ~100x)


def _seconds(work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return max(best, 1e-4)


def _growth(make: Callable[[int], str], work: Callable[[str], object]) -> float:
    small, large = make(400), make(4_000)
    return _seconds(lambda: work(large)) / _seconds(lambda: work(small))


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
    assert _growth(make, lambda t: fields._string_spans(t, templates)) < GROWTH_LIMIT
    assert _growth(make, lambda t: fields._comment_spans(t, style, templates)) < GROWTH_LIMIT


def test_unclosed_quote_leaves_the_other_literals_as_they_were() -> None:
    text = 'x = "ab\\"c ab\\"c\ny = \'k\'  # a \'note\'\nz = "a\\"b"\n'
    spans = fields._string_spans(text, False)
    assert [text[a:b] for a, b in spans.spans] == ["k", "note", 'a\\"b']
    comments = fields._comment_spans(text, (("#",), False), False)
    assert [text[a:b] for a, b in comments.spans] == ["# a 'note'"]
