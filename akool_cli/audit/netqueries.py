"""Query fields a C# request's URL takes from ASP.NET's `QueryHelpers.AddQueryString(url, "k", v)`
and `AddQueryString(url, dict)` (a `new Dictionary<string, string?> { ["k"] = v }` or `{ { "k", v } }`
initializer, inline or held in a name), written in the request's own arguments or in the
statement that binds a name the request gives (`var url = QueryHelpers.AddQueryString(...)`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from akool_cli.audit import brackets, rx

WORD = "AddQueryString("  # (a file without it takes no query so: asked once per file)
ADD_QUERY = rx.compile(r"(?<![\w.])(?:QueryHelpers\s*\.\s*)?AddQueryString\(")
# A name the request gives (`GetStringAsync(url)`), and its binding before the request.
GIVEN = rx.compile(r"(?<![\w.\"$])(?P<n>[A-Za-z_]\w*)(?![\w(\"])")
ASSIGNED = rx.compile(r"\s*=(?![=>])\s*")  # (after the name)
# The `"k", v` overload: the second argument a string literal key.
KEY_VALUE = rx.compile(r"\s*\"(?P<k>[A-Za-z_][\w.\[\]-]*)\"\s*,\s*(?P<v>[^,]+?)\s*$", re.S)
# A dictionary initializer's entries: `["k"] = v` and `{ "k", v }`.
ENTRY = rx.compile(
    r"\[\s*\"(?P<k>[A-Za-z_][\w.\[\]-]*)\"\s*\]\s*=(?!=)\s*(?P<v>[^,}\n]+?)\s*(?=[,}\n])"
    r"|\{\s*\"(?P<k2>[A-Za-z_][\w.\[\]-]*)\"\s*,\s*(?P<v2>[^{}\n]+?)\s*\}"
)
INITIALIZER = rx.compile(r"\s*new\s+(?:Dictionary\s*<[^{;]*?>\s*(?:\(\s*\))?\s*)?\{")
LOOK_BACK = 3000  # (how far before the request a binding is looked for: a method's body)
ARGUMENTS_MAX = 2000  # (how far an AddQueryString call's arguments may run)

Keys = Iterator[tuple[str, int, int, int]]  # (name, where, value start, value end)


def query_keys(
    text: str, start: int, end: int, keys_in: Callable[[str, int, int], Keys] | None = None
) -> list[tuple[str, int, int, int]]:
    """The query keys the request in text[start:end] takes from query builders (`keys_in`, by
    default C#'s AddQueryString calls): its own, and those of the statements binding the names it
    gives (up to the statement's `;` or the builder's end, `.build()`)."""
    keys_in = keys_in or _calls_keys
    found = list(keys_in(text, start, end))
    window = max(0, start - LOOK_BACK)
    for name in dict.fromkeys(m.group("n") for m in GIVEN.finditer(text, start, end)):
        bound = _last_binding(text, name, window, start)
        if bound is not None:
            ends = [k for k in (text.find(w, bound, start) for w in STATEMENT_ENDS) if k >= 0]
            found += keys_in(text, bound, min(ends, default=start))
    return found


STATEMENT_ENDS = (";", ".build()", ".toUriString()", ".toUri()")


def _last_binding(text: str, name: str, window: int, before: int) -> int | None:
    """Where the value of the last `name = ...` between window and before starts (found from the
    end with str.rfind: a regex tried at each of the window's characters cost 0.5 ms a request)."""
    k = text.rfind(name, window, before)
    while k >= 0:
        if k == 0 or not (text[k - 1].isalnum() or text[k - 1] in "_."):
            bound = ASSIGNED.match(text, k + len(name), before)
            if bound is not None:
                return bound.end()
        k = text.rfind(name, window, k)
    return None


def _calls_keys(text: str, start: int, end: int) -> Keys:
    """The keys of the AddQueryString calls that open within text[start:end]."""
    for m in ADD_QUERY.finditer(text, start, end):
        close = brackets.matching(text, m.end() - 1, 1, min(len(text), m.end() + ARGUMENTS_MAX))
        if close < 0:
            continue
        comma = brackets.walk(text, m.end(), close, ",")
        if comma >= close:
            continue
        yield from _given_keys(text, comma + 1, close)


def _given_keys(text: str, start: int, end: int) -> Keys:
    """The keys of the arguments after the URL: `"k", v`, a dictionary, or a name bound to one."""
    given = text[start:end]
    pair = KEY_VALUE.match(given)
    if pair is not None:
        yield pair["k"], start + pair.start("k"), start + pair.start("v"), start + pair.end("v")
        return
    opened = INITIALIZER.match(text, start, end)
    name = given.strip()
    if opened is None and re.fullmatch(r"[A-Za-z_]\w*", name):
        at = _last_binding(text, name, max(0, start - LOOK_BACK), start)
        opened = INITIALIZER.match(text, at) if at is not None else None
    if opened is None:
        return
    close = brackets.matching(text, opened.end() - 1, 1, min(len(text), opened.end() + 2000))
    for m in ENTRY.finditer(text, opened.end(), close + 1 if close >= 0 else opened.end()):
        group = "k" if m["k"] is not None else "k2"
        value = "v" if group == "k" else "v2"
        yield m[group], m.start(group), m.start(value), m.end(value)


def adds_query(text: str, paren: int) -> bool:
    """Whether the `(` at `paren` opens an AddQueryString call's arguments (its URL, then the query
    it adds)."""
    return text[max(0, paren - 20) : paren].rstrip().endswith(WORD[:-1])
