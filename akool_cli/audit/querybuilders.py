"""Query fields a request's URL takes from a query builder held in a name the request names:
JavaScript's `url.searchParams.set("k", v)` (and `.append`) on the URL given to the call, Go's
`q := url.Values{}; q.Set("k", v)` encoded into it (`"...?" + q.Encode()`), PHP's `$qs =
http_build_query(['k' => v])` appended to it, Python's `urlencode({...})` inside the f-string of
its URL; each key with its value, as the request's query. Only keys set after the name's last
binding before the request count (another function's `url` is another URL)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from akool_cli.audit import brackets, rx

# The words a text holds when one of its requests may take a query from a builder.
BUILDER_WORDS = (
    "searchParams",
    "url.Values",
    "http_build_query",
    "{urlencode(",
    "URLSearchParams(",
)
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
# A JS URL's whole query given at once: `NAME.search = new URLSearchParams({ k: v }).toString()`
# (or `String(new URLSearchParams({...}))`, `` `?${new URLSearchParams({...})}` ``): its pairs.
JS_SEARCH = r"(?<![\w$.]){name}\s*\.\s*search\s*=(?!=)[^;\n]*?\bnew\s+URLSearchParams\(\s*\{{"
JS_PAIR = rx.compile(
    r"(?:(?<![\w$\"'])(?P<s>[A-Za-z_$][\w$]*)|[\"'](?P<q>[A-Za-z_][\w.-]*)[\"'])\s*:\s*"
    r"(?P<v>[^,{}()\n]*(?:\([^()\n]*\))?[^,{}()\n]*)"
)
NUMBER = rx.compile(r"-?\d+(?:\.\d+)?")
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
    after = before[bound[-1].end() :]
    for m in re.finditer(pattern, after):
        yield m.group("k"), at + m.start("k"), *_unquoted(after, at, m.start("v"), m.end("v"))
    if not encoded and "URLSearchParams(" in after:
        yield from _search_given(after, at, name)


def _search_given(after: str, at: int, name: str) -> Iterator[tuple[str, int, int, int]]:
    """The pairs of the object literal a JS URL's `search` is given (see JS_SEARCH)."""
    for m in re.finditer(JS_SEARCH.format(name=re.escape(name)), after):
        close = brackets.matching(after, m.end() - 1, 1, min(len(after), m.end() + 2000))
        if close < 0:
            continue
        inside = after[m.end() : close]
        for pair in JS_PAIR.finditer(inside):
            k = pair.group("s") or pair.group("q")
            base = m.end()
            value = _unquoted(after, at, base + pair.start("v"), base + pair.end("v"))
            yield k, at + base + pair.start(), *value


def _unquoted(text: str, at: int, start: int, end: int) -> tuple[int, int]:
    """A JS value's span (offset by `at`) as a raw query value: inside its quotes when it is one
    string literal (`"voice"`: the value `voice`), as written when it is a number, and empty
    when it is anything else (`kind`, `String(page)`: a name's value is not in view, and a raw
    value is read as written)."""
    value = text[start:end].rstrip()
    end = start + len(value)
    quoted = len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'`"
    if quoted and value.count(value[0]) == 2 and "${" not in value:
        return at + start + 1, at + end - 1
    if NUMBER.fullmatch(value):
        return at + start, at + end
    return at + start, at + start


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


# -- a query given as a call's argument (PHP, Ruby, Elixir read as Ruby) ---------------------------
# The clients whose GET takes the query as its second argument: Faraday's `conn.get(path, id: x)`,
# `conn.get(path, { k: v })`, `Faraday.get(url, { k: v }, headers)` (a name bound to `Faraday.new`,
# or Faraday itself), and Laravel's `Http::...->get(url, ['k' => v])` (the statement names `Http::`);
# RestClient's second argument is its headers, Guzzle's its options: neither is here.
FARADAY_GET = rx.compile(
    r"(?:(?<![\w@$.])(?P<n>@?[A-Za-z_]\w*)|\bFaraday)\s*\.\s*(?:get|head|delete)\s*$"
)
FARADAY_BOUND = r"(?<![\w@$.]){name}\s*(?:\|\|)?=\s*Faraday\.new\b"
LARAVEL_GET = rx.compile(r"(?:->|::)\s*(?:get|head)\s*$")
LARAVEL_FACADE = rx.compile(r"(?<![\w\\])Http::")
STATEMENT_BACK = 400  # (how far before a chained `->get(` its statement's `Http::` is looked for)
# WordPress's `add_query_arg(['k' => v], $url)` / `add_query_arg('k', v, $url)`, and an inline
# `http_build_query([...])` (PHP) or a keyword list given as Req's `params:` / Tesla's `query:`
# (Elixir's `[k: v]`, which the Ruby reading sees as a list).
ADD_QUERY_ARG = rx.compile(r"\badd_query_arg\s*$")
INLINE_BUILT = rx.compile(r"\bhttp_build_query\(\s*(?:\[|array\()")
KEYWORD_LIST = rx.compile(r"\b(?:params|query):\s*\[(?=\s*[a-z_]\w*:\s)")
# Ruby's `URI.encode_www_form(k: v)` / `URI.encode_www_form({ k: v })` and Elixir's
# `URI.encode_query(%{k: v})` (read as Ruby's hash) written into the URL.
RUBY_ENCODED = rx.compile(r"\bURI\.encode_(?:www_form|query)\(\s*\{?")
# A Ruby hash's or keyword arguments' key (`id: x`, `"id" => x`, `:id => x`) and a keyword list's.
RUBY_PAIR = rx.compile(
    r"(?:(?<![\w:])(?P<s>[A-Za-z_]\w*):(?!:)|[\"'](?P<q>[A-Za-z_][\w.-]*)[\"']\s*=>|(?<!\w):(?P<c>[A-Za-z_]\w*)\s*=>)"
    r"\s*(?P<v>[^,{}()\[\]\n]*(?:\([^()\n]*\)|\[[^\[\]\n]*\])?[^,{}()\[\]\n]*)"
)
# (the word a call's text holds when the pattern may match, the pattern, a pair's pattern: see RUBY_PAIR)
INLINE_QUERIES = (
    ("http_build_query", INLINE_BUILT, PHP_PAIR),
    (":", KEYWORD_LIST, RUBY_PAIR),
    ("URI.encode_", RUBY_ENCODED, RUBY_PAIR),
)
WP_PAIR_ARGS = rx.compile(
    r"\s*[\"'](?P<k>[A-Za-z_][\w.-]*)[\"']\s*,\s*(?P<v>[^,()]*(?:\([^()]*\))?[^,()]*?)\s*,"
)


def argument_keys(text: str, start: int, end: int) -> list[tuple[str, int, int, int]]:
    """The query keys (name, where, value start, value end) a PHP or Ruby request at
    text[start:end] (its parentheses) is given as an argument (see FARADAY_GET, LARAVEL_GET,
    ADD_QUERY_ARG, INLINE_BUILT, KEYWORD_LIST)."""
    callee = text[max(0, start - 80) : start]
    found = list(_inline_keys(text, start, end))
    faraday = FARADAY_GET.search(callee)
    if faraday is not None and _faraday(text, start, faraday.group("n")):
        found += _second_argument_keys(text, start, end, RUBY_PAIR)
    elif LARAVEL_GET.search(callee) and LARAVEL_FACADE.search(
        text, max(0, start - STATEMENT_BACK), start
    ):
        if ";" not in text[max(0, start - STATEMENT_BACK) : start].rsplit("Http::", 1)[-1]:
            found += _second_argument_keys(text, start, end, PHP_PAIR)
    elif ADD_QUERY_ARG.search(callee):
        pair = WP_PAIR_ARGS.match(text, start + 1, end)
        if pair is not None:
            found.append((pair.group("k"), pair.start("k"), pair.start("v"), pair.end("v")))
        else:
            found += _literal_keys(text, start + 1, end, PHP_PAIR)
    return found


def _faraday(text: str, start: int, name: str | None) -> bool:
    """Whether the receiver of a `NAME.get(` at `start` is Faraday's (bound to Faraday.new before)."""
    if name is None or name == "Faraday":
        return True
    bound = _faraday_bindings(text, name)
    return bool(bound) and bound[0] <= start


@lru_cache(maxsize=4)
def _faraday_bindings(text: str, name: str) -> list[int]:
    """Where each `NAME = Faraday.new` of a text ends, found once per name (a search of the text
    before each call cost a copy of it per call: a file of many `x.get(` calls went quadratic)."""
    pattern = FARADAY_BOUND.format(name=re.escape(name))
    return [m.end() for m in re.finditer(pattern, text)]


def _inline_keys(text: str, start: int, end: int) -> Iterator[tuple[str, int, int, int]]:
    segment = text[start:end]
    for word, pattern, pairs in INLINE_QUERIES:
        for m in pattern.finditer(segment) if word in segment else ():
            opened = start + m.end()
            yield from _pairs(text, opened, brackets.walk(text, opened, end), pairs)


def _second_argument_keys(
    text: str, start: int, end: int, pairs: re.Pattern[str]
) -> list[tuple[str, int, int, int]]:
    """The keys of a call's second argument: a hash or array literal, or (Ruby) the bare keyword
    arguments that run to the call's end."""
    first = brackets.walk(text, start + 1, end, ",")
    if first >= end - 1 or text[first] != ",":
        return []
    second = first + 1
    while second < end and text[second] in " \t\n":
        second += 1
    literal = _literal_keys(text, second, end, pairs)
    if literal:
        return literal
    if pairs is RUBY_PAIR and RUBY_PAIR.match(text, second):
        return [k for k in _pairs(text, second, end - 1, pairs) if k[0] not in RUBY_OPTIONS]
    return []


def _literal_keys(
    text: str, at: int, end: int, pairs: re.Pattern[str]
) -> list[tuple[str, int, int, int]]:
    """The keys of the hash or array literal at `at` (blanks before it skipped), if one is there."""
    while at < end and text[at] in " \t\n":
        at += 1
    if not (text.startswith(("{", "["), at) or text.startswith("array(", at)):
        return []
    opened = at + (6 if text[at] == "a" else 1)
    return list(_pairs(text, opened, brackets.walk(text, opened, end), pairs))


# Faraday's keyword options that are no query (a request's own settings).
RUBY_OPTIONS = frozenset({"headers", "request", "proxy", "ssl"})


def _pairs(
    text: str, start: int, end: int, pairs: re.Pattern[str]
) -> Iterator[tuple[str, int, int, int]]:
    """The top-level keys of the pairs written in text[start:end] (nested brackets skipped)."""
    k = start
    while k < end:
        if text[k] in "([{":
            close = brackets.matching(text, k, 1, end)
            k = close + 1 if close > 0 else end
            continue
        m = pairs.match(text, k, end) if k == start or not _word(text[k - 1]) else None
        if m is None:
            k += 1
            continue
        group = next(g for g in ("k", "s", "q", "c") if g in m.groupdict() and m.group(g))
        yield m.group(group), m.start(group), m.start("v"), m.end("v")
        k = m.end()


def _word(c: str) -> bool:
    return c.isalnum() or c == "_"
