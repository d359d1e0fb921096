"""The values a file's own calls give a parameter of one of its functions (`talk(p, a, "1080p")`,
`talk(p, a, resolution="1080p")` for `def talk(p, a, resolution="720p")`): a parameter whose
default is judged as a field's value takes those too, each judged where the caller writes it."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from akool_cli.audit import arguments, brackets, hosttests, rx
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
    method = METHOD_DEF.match(lines[line]) is not None and function.lower() not in VERBS
    calls = _calls(text, function, method)
    for start, end in calls if len(calls) <= MOST_CALLS else ():
        if starts[line] <= start < starts[line] + len(lines[line]):
            continue  # (the definition itself)
        found += _argument(text, arguments.spans(text, end), k, name)
    return found


@lru_cache(maxsize=256)  # (a generated SDK's classes share their methods' names: searched once)
def _calls(text: str, function: str, method: bool) -> tuple[tuple[int, int], ...]:
    """Where the file's calls of a function (see _call_pattern) start and end."""
    return tuple(m.span() for m in _call_pattern(function, method).finditer(text))


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


# A method of a class: Python's `def name(self, ...)` (indented), or a JavaScript class's
# `name(...) {` (indented, no keyword before it). Its calls are made on an object of the class
# (`client.talking_photo(p, a, resolution="720p")`, `await client.talkingPhoto(p, a, "720p")`).
METHOD_DEF = rx.compile(
    r"[ \t]+(?:def[ \t]+\w+[ \t]*\([ \t]*(?:self|cls)\b"
    r"|(?:(?:async|static|public|private|protected)[ \t]+)*"
    r"(?!(?:if|for|while|switch|catch|return|function|with)\b)[A-Za-z_$][\w$]*[ \t]*\([^()]*\)[ \t]*\{)"
)


# (a client's own `get`/`post` method: any object's `requests.post(...)` is not a call of it)
VERBS = frozenset({"get", "post", "put", "patch", "delete", "head", "request", "send", "fetch"})


@lru_cache(maxsize=256)
def _call_pattern(name: str, method: bool = False) -> re.Pattern[str]:
    """A call of a function (`talk(`, `self.talk(`), or of a method on any object that holds one
    (`client.talk(`, `self.api.talk(`)."""
    if method:
        return re.compile(rf"(?<![\w$])(?:[A-Za-z_$][\w$]*\s*\.\s*)*{re.escape(name)}\s*\(")
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


# A method of a class that gives a parameter a literal default, its parameters on one line:
# Python's `    def talk(self, p, a, resolution="720"):`, a JavaScript class's `  talk(p, a,
# resolution = "720") {` (`js`: only in a JavaScript file, where a call is no such line).
DEFAULTED_PY_METHOD = rx.compile(
    r"^[ \t]+(?:async[ \t]+)?def[ \t]+(?P<m>\w+)[ \t]*\([ \t]*(?:self|cls)\b[^()\n]*=[ \t]*[\"'\d]",
    re.M,
)
DEFAULTED_JS_METHOD = rx.compile(
    r"^[ \t]+(?:(?:async|static|public|private|protected)[ \t]+)*"
    r"(?!(?:if|for|while|switch|catch|return|function|with)\b)(?P<m>[A-Za-z_$][\w$]*)"
    r"[ \t]*\([^()\n]*=[ \t]*[\"'\d][^()\n]*\)[ \t]*(?::[^{\n]*)?\{[ \t]*$",
    re.M,
)


def defaulted_methods(text: str, js: bool) -> frozenset[str]:
    """The methods of a file's classes that give a parameter a literal default: called on an
    object of the class by the files that import it (`client.talk(p, a, "1080p")`)."""
    if "=" not in text:
        return frozenset()
    pattern = DEFAULTED_JS_METHOD if js else DEFAULTED_PY_METHOD
    return frozenset(m["m"] for m in pattern.finditer(text) if m["m"].lower() not in VERBS)


def calls_in(
    text: str, names: frozenset[str], methods: frozenset[str] = frozenset()
) -> list[tuple[int, int]]:
    """The (first, last) lines of each call another file makes of one of `names` (imported from
    the defining file), or of one of `methods` on an object, that gives it a literal, when the
    call names no URL or path."""
    starts = _line_starts(text)
    found: list[tuple[int, int]] = []
    for name, method in sorted([*((n, False) for n in names), *((n, True) for n in methods)]):
        for m in _call_pattern(name, method).finditer(text):
            close = brackets.matching(text, m.end() - 1, 1, min(len(text), m.end() + 2000))
            # (a method's receiver may be named akool: `akool.image("a fox", scale="16:10")`)
            call = text[m.end() if method else m.start() : close]
            if close < 0 or NOT_A_PLAIN_CALL.search(call) or not re.search(r"[\"'\d]", call):
                continue
            first, last = bisect_right(starts, m.start()) - 1, bisect_right(starts, close) - 1
            if last - first >= MOST_CALL_LINES or _defines(text, starts[first], name):
                continue
            if not _meant_to_fail(text, starts, first, m.start()):
                found.append((first, last))
    return sorted(set(found))


def _meant_to_fail(text: str, starts: list[int], line: int, at: int) -> bool:
    """Whether a call is made where a test expects it to fail (`with pytest.raises(ValueError):`
    above it, `expect(talk(p, a, "4k")).rejects`, `assertThrows(X.class, () -> c.talk(...))`):
    the bad value it gives tests the function's own guard, and is not sent (see hosttests)."""
    head = starts[max(0, line - hosttests.RAISES_SCAN)]
    if not any(w in text[head:at] or w in _line(text, at) for w in hosttests.THROW_WORDS):
        return False  # (most calls: no test of a failure in sight)
    lines = _lines(text)
    return hosttests.expects_failure(lines, line, at - starts[line])


def _line(text: str, at: int) -> str:
    """The rest of the line a place of a text is on."""
    end = text.find("\n", at)
    return text[at : end if end >= 0 else len(text)]


def _defines(text: str, start: int, name: str) -> bool:
    line = text[start : text.find("\n", start) if "\n" in text[start:] else len(text)]
    return bool(DEFAULTED.match(line)) or bool(re.match(rf"\s*(?:def|function)\s+{name}\b", line))


@lru_cache(maxsize=64)
def _line_starts(text: str) -> list[int]:
    return [0, *(m.end() for m in re.finditer("\n", text))]
