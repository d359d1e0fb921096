"""The values a file's own calls give a parameter of one of its functions (`talk(p, a, "1080p")`,
`talk(p, a, resolution="1080p")` for `def talk(p, a, resolution="720p")`): a parameter whose
default is judged as a field's value takes those too, each judged where the caller writes it."""

from __future__ import annotations

import re
from functools import lru_cache

from akool_cli.audit import arguments, rx
from akool_cli.audit.scopes import function_def, ordered_parameters

MOST_CALLS = 50  # (a function called more often than this in one file is not followed)


def given(text: str, starts: list[int], line: int, name: str) -> list[tuple[int, int]]:
    """The spans of the arguments the file's calls give parameter `name` of the function defined
    on line `line` (by its position, or by keyword), when that line defines one."""
    lines = _lines(text)
    fn = function_def(lines[line]) if line < len(lines) else None
    function = next((g for g in fn.groups() if g), "") if fn is not None else ""
    if fn is None or not function:
        return []
    order = ordered_parameters(lines, line, fn.end())
    if name not in order:
        return []
    k = order.index(name)
    found: list[tuple[int, int]] = []
    calls = list(_call_pattern(function).finditer(text))
    for m in calls if len(calls) <= MOST_CALLS else ():
        if starts[line] <= m.start() < starts[line] + len(lines[line]):
            continue  # (the definition itself)
        found += _argument(text, arguments.spans(text, m.end()), k, name)
    return found


def _argument(text: str, spans: list[tuple[int, int]], k: int, name: str) -> list[tuple[int, int]]:
    """The span of the value given at position k, or by keyword `name=`/`name:` (none when a
    spread or a keyword before it makes the position unknown)."""
    for j, (a, b) in enumerate(spans):
        keyword = KEYWORD.match(text, a, b)
        if keyword is not None:
            if keyword.group("k") == name:
                return [(keyword.end(), b)]
            continue
        if text.startswith(("*", "..."), a):
            return []
        if j == k:
            return [(a, b)]
    return []


KEYWORD = rx.compile(r"(?P<k>[A-Za-z_]\w*)\s*=(?!=)\s*")


@lru_cache(maxsize=256)
def _call_pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w$.])(?:(?:self|this)\s*\.\s*)?{re.escape(name)}\s*\(")


@lru_cache(maxsize=4)
def _lines(text: str) -> list[str]:
    return text.split("\n")
