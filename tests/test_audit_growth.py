"""The audit's work grows in proportion to its input on every shape the bench's audit-growth part
times (bench/run.py's AUDIT_GROWTH_SCRIPT): counted in calls (the audit's functions and its
regex searches, under cProfile), not in seconds, so that a rescan per function or per call shows
here as it does in `make bench` (a name bound in each of thousands of functions was looked for
again in every later line after each binding: 17x the regex calls for 10x the input)."""

from __future__ import annotations

import ast
import cProfile
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from akool_cli.audit import rx
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


# Shapes whose calls are not compared at these sizes: each call's answer is followed through the
# lines after it (ties.WINDOW), which a file of fewer calls cuts short, so a call costs about three
# times as much from some 50 calls on as in a file of 15; the characters read are still compared.
CALLS_NOT_COMPARED = {"an answer decoded into its own Go variable per call (g.go)"}


@pytest.mark.parametrize("label", [label for label in SHAPES if label not in CALLS_NOT_COMPARED])
def test_audit_work_grows_linearly(label: str) -> None:
    make, name, size = SHAPES[label]
    # a twentieth and half of the bench's smaller input: 10x apart, ~0.2 s each under cProfile
    small, big = _work(make(max(1, size // 20)), name), _work(make(size // 2), name)
    calls, regex = big[0] / small[0], big[1] / max(small[1], 1)
    assert calls <= GROWTH_LIMIT, f"{label}: {calls:.1f}x the calls for 10x the input"
    assert regex <= GROWTH_LIMIT, f"{label}: {regex:.1f}x the regex calls for 10x the input"


class _Counted:
    """A compiled pattern that adds up the characters each search reads: from where it starts to
    where its match ends (to where it gives up, for a search that finds nothing; one, for a match
    that fails where it starts). A call that reads to the end of a long line for every URL on it
    is one call, but this many characters."""

    def __init__(self, pattern: re.Pattern[str], tally: list[int]) -> None:
        self._pattern, self._tally = pattern, tally

    def __getattr__(self, name: str) -> object:
        return getattr(self._pattern, name)

    def _read(self, string: str, pos: int, endpos: int | None, found: re.Match[str] | None) -> None:
        end = len(string) if endpos is None else min(endpos, len(string))
        self._tally[0] += found.end() - pos if found is not None else max(end - pos, 0)

    def search(self, string: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        found = self._pattern.search(string, pos, len(string) if endpos is None else endpos)
        self._read(string, pos, endpos, found)
        return found

    def match(self, string: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        found = self._pattern.match(string, pos, len(string) if endpos is None else endpos)
        self._tally[0] += found.end() - pos if found is not None else 1
        return found

    def fullmatch(
        self, string: str, pos: int = 0, endpos: int | None = None
    ) -> re.Match[str] | None:
        found = self._pattern.fullmatch(string, pos, len(string) if endpos is None else endpos)
        self._tally[0] += found.end() - pos if found is not None else 1
        return found

    def finditer(
        self, string: str, pos: int = 0, endpos: int | None = None
    ) -> Iterator[re.Match[str]]:
        self._read(string, pos, endpos, None)
        return self._pattern.finditer(string, pos, len(string) if endpos is None else endpos)

    def findall(self, string: str, pos: int = 0, endpos: int | None = None) -> list[Any]:
        self._read(string, pos, endpos, None)
        return self._pattern.findall(string, pos, len(string) if endpos is None else endpos)

    def sub(self, repl: Any, string: str, count: int = 0) -> str:
        self._read(string, 0, None, None)
        return self._pattern.sub(repl, string, count)

    def split(self, string: str, maxsplit: int = 0) -> list[Any]:
        self._read(string, 0, None, None)
        return self._pattern.split(string, maxsplit)


def _read_by_patterns(text: str, name: str, monkeypatch: pytest.MonkeyPatch) -> int:
    """Characters the audit's patterns (every module-level one of akool_cli.audit) read."""
    tally = [0]
    with monkeypatch.context() as patched:
        for module in list(sys.modules.values()):
            if not getattr(module, "__name__", "").startswith("akool_cli.audit."):
                continue
            for attr, value in list(vars(module).items()):
                if isinstance(value, rx.Deferred):  # (compiled on first use: see rx)
                    value = re.compile(value.pattern, value.flags)
                if isinstance(value, re.Pattern):
                    patched.setattr(module, attr, _Counted(value, tally))
        audit_text(text, name)
    return tally[0]


@pytest.mark.parametrize("label", list(SHAPES))
def test_audit_reading_grows_linearly(label: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Not only the calls: the characters read grow with the input too (a path's own literal was
    read to the end of its line for every URL on a line: 10,000 URLs took 8.4 s, 80,000 never
    finished; one call per URL, each reading the rest of the line)."""
    make, name, size = SHAPES[label]
    small = _read_by_patterns(make(max(1, size // 20)), name, monkeypatch)
    big = _read_by_patterns(make(size // 2), name, monkeypatch)
    growth = big / max(small, 1)
    assert growth <= GROWTH_LIMIT, f"{label}: {growth:.1f}x the characters read for 10x the input"


@pytest.mark.parametrize("name", ["calls.sh", "requests.dat"])
def test_a_query_on_a_line_of_urls_is_its_own_urls(name: str) -> None:
    """A URL's own literal ends where the next path starts: reading it to the line's end (what
    made a line of URLs quadratic) gave a later URL's query to the first (`type`, `page` were
    judged as fields of infobymodelid)."""
    v3, v4 = "https://openapi.akool.com/api/open/v3", "https://openapi.akool.com/api/open/v4"
    text = (
        f"curl {v3}/content/video/infobymodelid?video_model_id=1&foo=2"
        f" && curl {v4}/voice/list?type=1&page=2\n"
    )
    found = [(f.rule, f.found) for f in audit_text(text, name) if f.rule == "unknown-field"]
    assert found == [("unknown-field", "foo")]
