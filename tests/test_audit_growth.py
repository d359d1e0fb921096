"""The audit's work grows in proportion to its input on every shape the bench's audit-growth part
times (bench/run.py's AUDIT_GROWTH_SCRIPT): counted in calls (the audit's functions and its
regex searches, under cProfile), not in seconds, so that a rescan per function or per call shows
here as it does in `make bench` (a name bound in each of thousands of functions was looked for
again in every later line after each binding: 17x the regex calls for 10x the input)."""

from __future__ import annotations

import ast
import cProfile
from collections.abc import Callable
from pathlib import Path

import pytest

from akool_cli.audit.scan import audit_text

BENCH = Path(__file__).resolve().parent.parent / "bench" / "run.py"

GROWTH_LIMIT = 12.0  # work for 10x the input, at most (linear: 10x; a rescan per unit: ~20-100x)


def _shapes() -> dict[str, tuple[Callable[[int], str], str, int]]:
    """The bench's inputs: its script's definitions, up to the timing code."""
    script = next(
        ast.literal_eval(node.value)
        for node in ast.parse(BENCH.read_text(encoding="utf-8")).body
        if isinstance(node, ast.Assign)
        and [getattr(t, "id", "") for t in node.targets] == ["AUDIT_GROWTH_SCRIPT"]
    )
    definitions, timing, _ = script.partition("\ndef cost(")
    assert timing, "bench/run.py's AUDIT_GROWTH_SCRIPT no longer defines cost(): update this test"
    namespace: dict[str, object] = {}
    exec(definitions, namespace)
    shapes = namespace["SHAPES"]
    assert isinstance(shapes, dict) and shapes
    return shapes


SHAPES = _shapes()


def _work(text: str, name: str) -> tuple[int, int]:
    """Calls made while auditing a text: of every function, and of compiled patterns' methods."""
    profile = cProfile.Profile()
    profile.enable()
    audit_text(text, name)
    profile.disable()
    stats = profile.getstats()
    regex = [s for s in stats if isinstance(s.code, str) and "re.Pattern" in s.code]
    return sum(s.callcount for s in stats), sum(s.callcount for s in regex)


@pytest.mark.parametrize("label", list(SHAPES))
def test_audit_work_grows_linearly(label: str) -> None:
    make, name, size = SHAPES[label]
    # a twentieth and half of the bench's smaller input: 10x apart, ~0.2 s each under cProfile
    small, big = _work(make(max(1, size // 20)), name), _work(make(size // 2), name)
    calls, regex = big[0] / small[0], big[1] / max(small[1], 1)
    assert calls <= GROWTH_LIMIT, f"{label}: {calls:.1f}x the calls for 10x the input"
    assert regex <= GROWTH_LIMIT, f"{label}: {regex:.1f}x the regex calls for 10x the input"
