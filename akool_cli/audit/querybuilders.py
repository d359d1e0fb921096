"""Query fields a request's URL takes from a query builder held in a name the request names:
JavaScript's `url.searchParams.set("k", v)` (and `.append`) on the URL given to the call, Go's
`q := url.Values{}; q.Set("k", v)` encoded into it (`"...?" + q.Encode()`), PHP's `$qs =
http_build_query(['k' => v])` appended to it, Python's `urlencode({...})` inside the f-string of
its URL; each key with its value, as the request's query. Only keys set after the name's last
binding before the request count (another function's `url` is another URL)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from akool_cli.audit import rx

# The words a text holds when one of its requests may take a query from a builder.
BUILDER_WORDS = ("searchParams", "url.Values", "http_build_query", "{urlencode(")
# Names a request's text gives: the JS URL (`fetch(url`), Go's `q.Encode()`, PHP's `$qs`.
GIVEN = rx.compile(r"(?<![\w$.])(?P<n>\$?[A-Za-z_]\w*)(?P<enc>\.Encode\(\))?")
# A key set on a builder: `NAME.searchParams.set("k", v)` (JS), `NAME.Set("k", v)` (Go); `{name}`
# is the builder's name.
SET_ARGS = (
    r"\(\s*[\"'](?P<k>[A-Za-z_][\w.\[\]-]*)[\"']\s*,\s*"
    r"(?P<v>[^,()]*(?:\([^()]*\))?[^,()]*?)\s*\)"
)
JS_SET_KEY = r"(?<![\w$.]){name}\s*\.\s*searchParams\s*\.\s*(?:set|append)" + SET_ARGS
GO_SET_KEY = r"(?<![\w$.]){name}\s*\.\s*(?:Set|Add)" + SET_ARGS
# The builder's binding: `const url = new URL(...)`, `url: URL = ...`, Go's `q := url.Values{}`.
BINDING = r"(?<![\w$.]){name}\s*(?::\s*[\w.<>\[\]]+\s*)?(?::=|=(?![=>]))"
# PHP's `$qs = http_build_query([...])` (or `array(...)`): its `'k' => v` pairs.
PHP_BUILT = r"(?<![\w$]){name}\s*=\s*http_build_query\(\s*(?:\[|array\()"
PHP_PAIR = rx.compile(
    r"[\"'](?P<k>[A-Za-z_][\w.\[\]-]*)[\"']\s*=>\s*(?P<v>[\"'][^\"']*[\"']|[\w.$-]+)"
)
# Python's `urlencode({...})` inside an f-string's braces (`f"{BASE}/x?{urlencode({'k': v})}"`):
# a dict no bracket reading sees (it is inside a string), its `'k': v` pairs.
FSTRING_URLENCODE = rx.compile(r"\{(?:urllib\.parse\.)?urlencode\(\s*\{(?P<pairs>[^{}]*)\}\s*\)\}")
DICT_PAIR = rx.compile(
    r"[\"'](?P<k>[A-Za-z_][\w.\[\]-]*)[\"']\s*:\s*(?P<v>[\"'][^\"']*[\"']|[\w.]+)"
)
LOOK_BACK = 2000  # (how far before the request a builder's keys may be set: a function's body)


def builder_keys(text: str, start: int, end: int) -> list[tuple[str, int, int, int]]:
    """The query keys (name, where, value start, value end) the request in text[start:end]
    takes from builders it names (none in a text with no builder: asked of every request)."""
    if text is not _SEEN.text:
        _SEEN.text, _SEEN.builders = text, any(word in text for word in BUILDER_WORDS)
    return list(_builder_keys(text, start, end)) if _SEEN.builders else []


class _Seen:
    """The last text asked about, and whether it holds a builder's word."""

    text: str | None = None
    builders = False


_SEEN = _Seen()


def _builder_keys(text: str, start: int, end: int) -> Iterator[tuple[str, int, int, int]]:
    segment = text[start:end]
    for m in FSTRING_URLENCODE.finditer(segment):
        at = start + m.start("pairs")
        for pair in DICT_PAIR.finditer(m.group("pairs")):
            yield pair.group("k"), at + pair.start("k"), at + pair.start("v"), at + pair.end("v")
    window = max(0, start - LOOK_BACK)
    before = text[window:start]
    given = dict.fromkeys((m.group("n"), bool(m.group("enc"))) for m in GIVEN.finditer(segment))
    for name, encoded in given:
        if name.startswith("$"):
            yield from _php_keys(before, window, name)
        else:
            yield from _keys_set(before, window, name, encoded)


def _keys_set(
    before: str, window: int, name: str, encoded: bool
) -> Iterator[tuple[str, int, int, int]]:
    """The keys set on the builder `name` (Go's `Set`/`Add` only on a name the request encodes)."""
    bound = list(re.finditer(BINDING.format(name=re.escape(name)), before))
    if not bound:
        return  # (a URL the text does not make here: whose keys these are is not in view)
    pattern = (GO_SET_KEY if encoded else JS_SET_KEY).format(name=re.escape(name))
    at = window + bound[-1].end()
    for m in re.finditer(pattern, before[bound[-1].end() :]):
        yield m.group("k"), at + m.start("k"), at + m.start("v"), at + m.end("v")


def _php_keys(before: str, window: int, name: str) -> Iterator[tuple[str, int, int, int]]:
    bindings = list(re.finditer(PHP_BUILT.format(name=re.escape(name)), before))
    if not bindings:
        return
    built = bindings[-1]  # (the last binding before the request)
    close = before.find(")", built.end())
    array = before[built.end() : close if close >= 0 else len(before)]
    for m in PHP_PAIR.finditer(array):
        at = window + built.end()
        yield m.group("k"), at + m.start("k"), at + m.start("v"), at + m.end("v")
