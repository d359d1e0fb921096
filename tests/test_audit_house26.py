"""house26's tests: the audit's fixed costs (start-up, output, --diff's patch), each counted
(calls, comparisons, compiles), never timed."""

from __future__ import annotations

import random
from typing import Any, ClassVar

from akool_cli.audit import fixes
from akool_cli.audit.rules import Fix
from akool_cli.audit.source import line_starts


class Counted(int):
    """An int that counts the comparisons made with it (and keeps counting through sums)."""

    seen: ClassVar[list[int]] = [0]

    def __add__(self, other: Any) -> Counted:
        return Counted(int(self) + int(other))

    def __lt__(self, other: Any) -> bool:
        Counted.seen[0] += 1
        return int(self) < int(other)

    def __gt__(self, other: Any) -> bool:
        Counted.seen[0] += 1
        return int(self) > int(other)

    def __eq__(self, other: Any) -> bool:
        Counted.seen[0] += 1
        return int(self) == int(other)

    __hash__ = int.__hash__


def _comparisons(count: int) -> int:
    text = "".join(f'r{i} = get("https://api.akool.com/x")\n' for i in range(count))
    starts: list[int] = [Counted(s) for s in line_starts(text)]
    found = [
        Fix(
            i,
            len(f'r{i} = get("https://'),
            len(f'r{i} = get("https://api.akool.com'),
            "api.akool.com",
            "openapi.akool.com",
        )
        for i in range(count)
    ]
    Counted.seen[0] = 0
    new, made = fixes._apply(text, starts, found)
    assert len(made) == count and new.count("openapi.akool.com") == count
    return Counted.seen[0]


def test_a_patchs_fixes_are_checked_against_their_neighbours_not_all_taken() -> None:
    """break21h #20: each fix was checked against every span taken before it (and the text
    rebuilt once a fix): 40,000 fixes cost 144 s. Per fix, a few comparisons (a bisection)."""
    small, big = _comparisons(500), _comparisons(4000)
    assert big / 4000 < 100, (small, big)  # now ~41 a fix; main: ~2,000 at 4,000 fixes
    assert big / small < 12, (small, big)  # 8x the fixes


def _applied_as_before(text: str, starts: list[int], found: list[Fix]) -> tuple[str, set[Fix]]:
    """fixes._apply as it was (quadratic): the reference its order must keep."""
    spans: list[tuple[int, int, str]] = []
    made: set[Fix] = set()
    for fix in sorted(set(found), key=lambda f: (f.line, f.start)):
        if fix.line >= len(starts):
            continue
        start, end = starts[fix.line] + fix.start, starts[fix.line] + fix.end
        if text[start:end] != fix.old or any(start < e and s < end for s, e, _ in spans):
            continue
        spans.append((start, end, fix.new))
        made.add(fix)
    for start, end, new in sorted(spans, reverse=True):
        text = text[:start] + new + text[end:]
    return text, made


def test_a_patchs_text_is_what_fixing_right_to_left_made() -> None:
    """Guard (passes on main too): overlapping, touching, empty and repeated spans, fixes past
    the last line and stale ones give the text and the fixes taken that the old way gave."""
    chance = random.Random(26)
    for _ in range(3000):
        lines = [
            "".join(chance.choice("ab ") for _ in range(chance.randint(0, 6)))
            for _ in range(chance.randint(1, 4))
        ]
        text = "\n".join(lines) + chance.choice(["", "\n"])
        starts = line_starts(text)
        found = []
        for _ in range(chance.randint(0, 8)):
            line = chance.randint(0, len(lines))
            length = len(lines[line]) if line < len(lines) else 0
            start = chance.randint(0, length)
            end = chance.randint(start, length)
            old = lines[line][start:end] if line < len(lines) else ""
            if chance.random() < 0.1:
                old += "z"  # (the file changed since)
            found.append(Fix(line, start, end, old, chance.choice(["", "X", "YY", "Z"])))
        assert fixes._apply(text, starts, found) == _applied_as_before(text, starts, found)
