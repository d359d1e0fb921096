"""Python query parameters written in the shapes no dict literal of the call gives: a list or a
tuple of pairs (`params=[("k", v)]`, how requests and httpx repeat a key), `params=dict(k=v)`,
httpx's `params=httpx.QueryParams({...})` (or `QueryParams(k=v)`), urllib's `urlencode(...)`
joined to the URL (`URL + "?" + urlencode({...})`), and a name given as `params=` that is bound
to a list of pairs, `dict(...)` or `QueryParams(...)` before the call: each key with its value."""

from __future__ import annotations

import re
from collections.abc import Iterator

from akool_cli.audit import brackets, rx

# What a file holds when one of its calls may give a query in these shapes (a list of pairs opens
# `[(` or `[` then a line break; a tuple of them `((`): asked once a file.
FILE_WORDS = ("urlencode", "QueryParams", "dict(", "[(", "[ (", "[\n", "((", "( (")
# An encoder of a query given its pairs: `urlencode(`, `urllib.parse.urlencode(`,
# `httpx.QueryParams(` (its argument is read as one of the shapes below).
ENCODER = rx.compile(
    r"(?<![\w.])(?:(?:urllib\.parse|parse|httpx)\.)?(?:urlencode|QueryParams)\(\s*"
)
# Where an encoded query is a form body instead (`data=urlencode({...})`, httpx's `content=`).
FORM_ARGUMENT = rx.compile(r"(?<![\w.])(?:data|content|body)\s*=\s*$")
# A call's `params=` keyword argument, and the name it may be given.
PARAMS = rx.compile(r"(?<![\w.])params\s*=(?!=)\s*")
NAME = rx.compile(r"[A-Za-z_]\w*(?=\s*[,)])")
# A value: up to the next comma or bracket, a call's parentheses within it (`v.strip()`).
VALUE = r"(?P<v>[^,{}()\[\]]*?(?:\([^()]*\)[^,{}()\[\]]*?)?)"
# A pair of a list or a tuple: `("k", v)`, `["k", v]`.
PAIR = rx.compile(
    r"[(\[]\s*[\"'](?P<k>[A-Za-z_][\w.\[\]-]*)[\"']\s*,\s*" + VALUE + r"\s*,?\s*[)\]]"
)
# A dict literal's `"k": v` and a keyword argument's `k=v` (of `dict(...)`, `QueryParams(...)`).
DICT_PAIR = rx.compile(r"[\"'](?P<k>[A-Za-z_][\w.\[\]-]*)[\"']\s*:\s*" + VALUE + r"\s*(?=[,})]|$)")
KEYWORD = rx.compile(r"(?P<k>[A-Za-z_]\w*)\s*=(?!=)\s*" + VALUE + r"\s*(?=[,)]|$)")
# A quoted value: its text within the quotes is the value (a name's value is not in view).
QUOTED = rx.compile(r"[rbuRBU]?([\"'])(?P<s>[^\"'\\]*)\1\s*$")
LOOK_BACK = (
    2000  # (how far before the call a name given as params= may be bound: a function's body)
)

Found = tuple[str, int, int, int]  # (a key, where it is, its value's start and end)


def query_keys(text: str, start: int, end: int) -> list[Found]:
    """The query keys (name, where, value start, value end) the Python call text[start:end]
    (its parentheses) gives in the shapes above (asked of every call: words first, no slice)."""
    found: list[Found] = []
    if text.find("urlencode", start, end) >= 0 or text.find("QueryParams", start, end) >= 0:
        for m in ENCODER.finditer(text, start, end):
            if not FORM_ARGUMENT.search(text, max(start, m.start() - 12), m.start()):
                found += _shape_keys(text, m.end(), end, literal=True)
    at = text.find("params", start, end)
    while at >= 0:
        given = PARAMS.match(text, at, end)
        at = text.find("params", at + 6, end)
        if given is None or text.startswith("{", given.end()):
            continue  # (the call's own dict: read with the others)
        name = NAME.match(text, given.end(), end)
        if name is None:
            found += _shape_keys(text, given.end(), end, literal=False)
        else:
            found += _named_keys(text, start, name.group(0))
    return found


def _shape_keys(text: str, at: int, end: int, *, literal: bool) -> list[Found]:
    """The keys of the pairs written at `at`: a list or tuple of pairs, `dict(k=v)`, keyword
    arguments (an encoder's own, `QueryParams(k=v)`), or, when `literal`, a dict literal (a
    `params=` one is the call's own dict, read with the others)."""
    opener = text[at : at + 1]
    if opener in "[(" and opener and text[at + 1 : at + 80].lstrip()[:1] in ("(", "["):
        return list(_pairs(text, at + 1, brackets.walk(text, at + 1, end), PAIR, nested=True))
    if text.startswith("dict(", at):
        return list(_pairs(text, at + 5, brackets.walk(text, at + 5, end), KEYWORD))
    if opener == "{" and literal:
        return list(_pairs(text, at + 1, brackets.walk(text, at + 1, end), DICT_PAIR))
    if literal and KEYWORD.match(text, at, end):  # (`QueryParams(video_id=v)`)
        return list(_pairs(text, at, brackets.walk(text, at, end), KEYWORD))
    return []


def _named_keys(text: str, start: int, name: str) -> list[Found]:
    """The keys of the shape the name given as params= is last bound to before the call."""
    window = max(0, start - LOOK_BACK)
    bound = list(re.finditer(r"(?<![\w.])" + re.escape(name) + r"\s*=(?!=)\s*", text[window:start]))
    if not bound:
        return []
    at = window + bound[-1].end()
    encoder = ENCODER.match(text, at, start)
    if encoder is not None:  # (`q = httpx.QueryParams(...)`)
        return _shape_keys(text, encoder.end(), start, literal=True)
    return _shape_keys(text, at, start, literal=False)


def _pairs(
    text: str, start: int, end: int, pairs: re.Pattern[str], *, nested: bool = False
) -> Iterator[Found]:
    """The top-level pairs written in text[start:end] (a pair's own bracket when `nested`)."""
    k = start
    while k < end:
        m = pairs.match(text, k, end)
        if m is not None and (k == start or not (text[k - 1].isalnum() or text[k - 1] == "_")):
            yield m.group("k"), m.start("k"), *_value(m)
            k = m.end()
        elif text[k] in "([{" and not (nested and text[k] in "(["):
            close = brackets.matching(text, k, 1, end)
            k = close + 1 if close > 0 else end
        elif text[k] in "\"'":
            close = text.find(text[k], k + 1, end)
            k = close + 1 if close > 0 else end
        else:
            k += 1


def _value(m: re.Match[str]) -> tuple[int, int]:
    """A pair's value span: a quoted value's text within its quotes, else none (a name's value
    is not the name's text)."""
    quoted = QUOTED.match(m.group("v"))
    if quoted is None:
        return m.start("v"), m.start("v")
    return m.start("v") + quoted.start("s"), m.start("v") + quoted.end("s")
