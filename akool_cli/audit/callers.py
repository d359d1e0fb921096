"""The values a file's own calls give a parameter of one of its functions (`talk(p, a, "1080p")`,
`talk(p, a, resolution="1080p")` for `def talk(p, a, resolution="720p")`): a parameter whose
default is judged as a field's value takes those too, each judged where the caller writes it."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from akool_cli.audit import arguments, brackets, rx
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


# -- the calls other files of the folder make (fixD28 typed-param-default across files) ----------
# A function of the file with a parameter given a literal default, its parameters on one line
# (`def talk(p, a, resolution: str = "720")`, `export async function talk(p, a, resolution =
# "720")`, `const talk = async (p, a, resolution = "720") =>`).
DEFAULTED = rx.compile(
    r"^[ \t]*(?:export[ \t]+)?(?:(?:async[ \t]+)?(?:def|function)[ \t]+(?P<f>[A-Za-z_$][\w$]*)"
    r"|(?:const|let|var)[ \t]+(?P<a>[A-Za-z_$][\w$]*)[ \t]*=[ \t]*(?:async[ \t]*)?)"
    r"[ \t]*\([^()\n]*=[ \t]*[\"'\d]",
    re.M,
)
CALLER_FAMILIES = ("py", "js")  # (modules.family: the files whose imports name a function)
# A call that names AKOOL or an API path is left out: added to the defining file's text, it would
# be judged there again (only the literals given the parameter are wanted; an image's URL is
# no AKOOL path).
NOT_A_PLAIN_CALL = rx.compile(r"akool|/api/|/v\d+/", re.I)
MOST_CALL_LINES = 8


def defaulted_functions(text: str) -> frozenset[str]:
    """The functions of a file that give a parameter a literal default (see DEFAULTED)."""
    if "=" not in text:
        return frozenset()
    return frozenset(m.group("f") or m.group("a") for m in DEFAULTED.finditer(text))


def calls_in(text: str, names: frozenset[str]) -> list[tuple[int, int]]:
    """The (first, last) lines of each call another file makes of one of `names` (imported from
    the defining file) that gives it a literal, when the call names no URL or path."""
    starts = _line_starts(text)
    found: list[tuple[int, int]] = []
    for name in sorted(names):
        for m in _call_pattern(name).finditer(text):
            close = brackets.matching(text, m.end() - 1, 1, min(len(text), m.end() + 2000))
            call = text[m.start() : close]
            if close < 0 or NOT_A_PLAIN_CALL.search(call) or not re.search(r"[\"'\d]", call):
                continue
            first, last = bisect_right(starts, m.start()) - 1, bisect_right(starts, close) - 1
            if last - first < MOST_CALL_LINES and not _defines(text, starts[first], name):
                found.append((first, last))
    return sorted(set(found))


def _defines(text: str, start: int, name: str) -> bool:
    line = text[start : text.find("\n", start) if "\n" in text[start:] else len(text)]
    return bool(DEFAULTED.match(line)) or bool(re.match(rf"\s*(?:def|function)\s+{name}\b", line))


@lru_cache(maxsize=64)
def _line_starts(text: str) -> list[int]:
    return [0, *(m.end() for m in re.finditer("\n", text))]
