"""The value a member of a holder of the file's own names (`Res.FHD` of `enum Res { FHD =
"1080p" }`, of Python's `class Res(str, Enum): FHD = "1080p"` or a plain class's attribute, of
`const RES = Object.freeze({ FHD: "1080p" })`): where the member's value is written, so a field
sent as `resolution: Res.FHD` is judged by it."""

from __future__ import annotations

import re
from functools import lru_cache

from akool_cli.audit import brackets

HOLDER_LINES = 60  # how far a Python class's body is looked in


@lru_cache(maxsize=1024)
def _holder(name: str) -> re.Pattern[str]:
    word = re.escape(name)
    return re.compile(
        rf"^[ \t]*(?:export\s+)?(?:const\s+)?enum\s+{word}\s*\{{"
        rf"|^[ \t]*(?:export\s+)?(?:const|let|var)\s+{word}\s*(?::[^=\n]*)?=\s*(?:Object\.freeze\(\s*)?\{{"
        rf"|^(?P<indent>[ \t]*)class\s+{word}\b[^\n:]*:[ \t]*$",
        re.M,
    )


@lru_cache(maxsize=1024)
def _member(name: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w$.])[\"']?{re.escape(name)}[\"']?\s*[=:](?![=:])\s*")


def member_value(text: str, holder: str, member: str) -> tuple[int, int] | None:
    """The span of the value written for `holder.member` in the file (up to the end of its
    line or entry), when the file defines `holder` once as an enum, a class or an object."""
    if holder not in text or member not in text:
        return None
    found = list(_holder(holder).finditer(text))
    if len(found) != 1:
        return None
    m = found[0]
    if m.group("indent") is not None:  # a Python class: its indented body
        start, end = m.end(), _class_end(text, m.end(), len(m.group("indent")))
    else:
        start, end = m.end(), brackets.matching(text, m.end() - 1, 1, len(text))
    if end < 0:
        return None
    value = _member(member).search(text, start, end)
    if value is None:
        return None
    stop = re.compile(r"[,}\n]").search(text, value.end(), end)
    return value.end(), (stop.start() if stop else end)


def _class_end(text: str, start: int, indent: int) -> int:
    """Where a Python class's body ends: the first line (of HOLDER_LINES) indented no deeper
    than its `class` line."""
    at = start
    for _ in range(HOLDER_LINES):
        nxt = text.find("\n", at + 1)
        if nxt < 0:
            return len(text)
        line = text[
            nxt + 1 : text.find("\n", nxt + 1) if text.find("\n", nxt + 1) >= 0 else len(text)
        ]
        if line.strip() and len(line) - len(line.lstrip()) <= indent:
            return nxt
        at = nxt
    return at
