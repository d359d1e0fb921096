"""URLs a script writes that no request sends: the arguments of its own functions that send
nothing (a migration's `rewrite("https://.../status/123")`, its doctest), of a function called in
a test's assertion (`assert rewrite(url) == ...`, `with pytest.raises(...)`, `expect(f(url))`), a
test's parameter list (`@pytest.mark.parametrize`, `it.each`), a header's value (`Referer`,
`Origin`), and a URL held as a key (of a cache, a set, a lock, a hash's input): the spans of a
line the audit reads as no call."""

from __future__ import annotations

import functools
from collections.abc import Callable

from akool_cli.audit import datapaths, printed, rx
from akool_cli.audit.brackets import matching
from akool_cli.audit.ties import indent

# A function the file defines: Python's `def name(`, JavaScript's `function name(`, `const name =
# (...) =>` (a method of a class is the client's own business: not read).
DEFINED = rx.compile(
    r"^(?P<indent>\s*)(?:async\s+)?def\s+(?P<py>[A-Za-z_]\w*)\s*\("
    r"|^\s*(?:export\s+)?(?:async\s+)?function\s*\*?\s*(?P<js>[A-Za-z_$][\w$]*)\s*\("
    r"|^\s*(?:export\s+)?(?:const|let|var)\s+(?P<arrow>[A-Za-z_$][\w$]*)\s*=\s*(?:async\s*)?"
    r"(?:\([^()]*\)|[A-Za-z_$][\w$]*)\s*(?::\s*[^=]+)?=>"
)
# What a function that may send holds in its body or its name: an HTTP library, a client, a
# request's verb called, a subprocess, a socket (what is not plainly a string function).
SENDS = rx.compile(
    r"(?i)request|fetch|https?\.|urlopen|urllib|curl|wget|axios|ajax|session|client|socket"
    r"|subprocess|os\.system|popen|send|upload|download|invoke|\bapi\b|akool"
    r"|\.(?:get|post|put|patch|delete|head|options|call|exec)\s*\("
)
# A name a sending helper may have (`get_status`, `callApi`, `poll`): its calls are not data.
SENDER_NAME = rx.compile(
    r"(?i)get|post|put|patch|delete|fetch|request|send|call|api|poll|query|load|download"
    r"|upload|submit|create|invoke|http|client|akool|wait|check_status|status"
)
# A test's assertion around a call: `assert f(...)`, `expect(f(...))`, `self.assertEqual(f(...)`,
# `assert.equal(f(...)`, `assertThat(f(...))`.
ASSERTING = rx.compile(
    r"^\s*assert\s|\bexpect\(\s*|\bassert(?:Equal|Equals|That|True|False|In|Is\w*|Raises\w*)\(\s*"
    r"|\bassert\.\w+\(\s*"
)
RAISES = rx.compile(r"^(?P<indent>\s*)with\s+(?:pytest\.raises|self\.assertRaises\w*)\(")
# A test's parameter list: pytest's parametrize, Jest's and Vitest's `it.each` / `test.each`.
PARAMETERS = rx.compile(r"@pytest\.mark\.parametrize\(|\b(?:it|test|describe)\.each\s*\(")
# A header whose value names a page, never a request: `"Referer": "https://..."`, `Origin: ...`.
# (`"Referer", "https://..."` given to a header setter; `-H "Referer: https://..."` in curl)
HEADER_VALUE = rx.compile(
    r"(?i)[\"'](?:referr?er|origin)[\"']\s*[:,]\s*(?=[\"'`])|[\"'](?:referr?er|origin):\s*"
)
CALLED = rx.compile(r"(?<![\w$.])(?P<fn>[A-Za-z_$][\w$]*)\s*\(")
LONGEST = 2000  # a longer line (a minified bundle) is not read
BODY_LINES = 200  # how far a function's body is read


def file_spans(lines: list[str], helpers: frozenset[str]) -> dict[int, list[tuple[int, int]]]:
    """The spans of each line that hold URLs no request sends (see the module's sentence);
    `helpers`: the functions known to join a path to a base (never pure)."""
    found: dict[int, list[tuple[int, int]]] = {}
    if not any("://" in t or "/api/" in t for t in lines):
        return found
    pure = _pure_functions(lines) - helpers
    raising = -1  # the indent of a `with pytest.raises(...)` block the line is in
    for i, text in enumerate(lines):
        if len(text) > LONGEST:
            continue
        if raising >= 0 and text.strip() and indent(text) <= raising:
            raising = -1
        spans = [*_given_to(text, pure, raising >= 0), *_headers(text)]
        if ("parametrize" in text or ".each" in text) and PARAMETERS.search(text):
            spans += _parameters(lines, i, found)
        m = RAISES.match(text) if "with" in text else None
        if m is not None:
            raising = len(m.group("indent"))
        if spans:
            found.setdefault(i, []).extend(spans)
    return found


def add_spans(
    skip: dict[int, list[tuple[int, int]]],
    lines: list[str],
    helpers: frozenset[str],
    name: str = "",
    shell: bool = False,
) -> None:
    """Adds file_spans' spans to the spans of each line the audit skips, and those of the
    strings the file `name` only shows as text (printed.py)."""
    for i, spans in file_spans(lines, helpers).items():
        skip.setdefault(i, []).extend(spans)
    for i, spans in printed.spans(name, lines, shell).items():
        skip.setdefault(i, []).extend(spans)
    for i, span in key_spans(lines):
        skip.setdefault(i, []).append(span)


# A name bound to a URL or an API path on its line: `ck = f"{BASE}/content/video/status/{vid}"`.
BOUND_URL = rx.compile(
    r"^\s*(?:(?:const|let|var|final|val|String|string)\s+)*(?P<n>[A-Za-z_$][\w$]*)\s*"
    r"(?::\s*\w+\s*)?:?=\s*(?P<lit>[fF]?(?P<q>[\"'`])[^\\\"'`]*(?:(?:\\.|(?!(?P=q))[\"'`])[^\\\"'`]*)*(?P=q))\s*;?\s*$"
)
# Calls whose first argument is a container's key, never a URL to call: `cache.has(k)`,
# `redis.set(lock, 1, nx=True)`, `seen.add(k)`, `memo.setdefault(k, ...)`.
KEY_CALLS = frozenset(
    {"has", "set", "add", "setex", "setnx", "psetex", "getset", "hget", "hset", "hdel"}
    | {"hexists", "exists", "expire", "incr", "decr", "lock", "pop", "setdefault", "discard"}
    | {"containsKey", "putIfAbsent", "computeIfAbsent", "__contains__", "invalidate"}
)
# Calls an HTTP client has too (`requests.get(url)`): a key only on a container of the file's
# (`cache = new Map()`, `_cache = {}`) or a name that says it is one (`cache`, `memo`, `redis`).
SHARED_CALLS = frozenset({"get", "delete", "put", "remove"})
CACHE_NAME = rx.compile(r"(?i)cache|memo|store|redis|seen|lru|locks?$|kv$|map$|dict$")
CONTAINER = rx.compile(
    r"^\s*(?:(?:const|let|var|final|private|readonly)\s+)*(?:self\.|this\.)?(?P<n>[\w$]+)\s*"
    r"(?::[^=]+)?=\s*(?:\{\s*\}|dict\(|set\(\)|new\s+(?:Map|Set|WeakMap)\b|"
    r"(?:collections\.)?(?:defaultdict|OrderedDict)\(|\w*(?:Cache|LRU|Redis)\w*\()"
)
MEMBER_CALL = rx.compile(r"(?P<r>[\w$]+)\s*(?:\?\.|\.)\s*(?P<f>\w+)\s*\(\s*$")
MEMBERSHIP = rx.compile(r"\s*(?:not\s+)?in\b|\s*\.encode\(")
SUBSCRIPT = rx.compile(r"[\w$\])]\s*\[\s*$")
# A literal hashed where it is written: `f"{BASE}/video/{vid}".encode()`, `sha1("...")`.
HASHED_AFTER = rx.compile(r"\s*\.encode\(")
HASHED_BEFORE = rx.compile(r"(?:sha\d+|md5|blake2[bs]|hashlib\.new|\.update)\s*\(\s*$")
VARIES = rx.compile(r"/[^\"'`]*(?:\{|\$|%[sd])")
PAST_BASE = datapaths.HELD_PATH
HASH_HINTS = ("encode(", "sha", "md5", "blake2", ".update(")
URL_LIKE = rx.compile(r"/[\w{$%]")


def key_spans(lines: list[str]) -> list[tuple[int, tuple[int, int]]]:
    """The URLs and paths a file holds as keys, never requests: a name bound to one whose every
    use is a container's key (`ck in _cache`, `_cache[ck]`, `cache.has(ck)`, `redis.set(lock,
    1)`, `ck.encode()` for a hash) or a print's; a literal hashed where it is written."""
    found: list[tuple[int, tuple[int, int]]] = []
    words = printed.words_of(lines)
    whole = "\n".join(lines)
    hashing = any(h in whole for h in HASH_HINTS)
    containers = functools.cache(
        lambda: frozenset(c.group("n") for t in lines if (c := CONTAINER.match(t)))
    )
    for i, line in enumerate(lines):
        if "/" not in line or len(line) > LONGEST:
            continue
        hints = hashing and any(h in line for h in HASH_HINTS)
        for lit in printed.LITERALS.finditer(line) if hints else ():
            hashed = HASHED_AFTER.match(line, lit.end()) or HASHED_BEFORE.search(
                line, 0, lit.start()
            )
            if hashed and URL_LIKE.search(line, lit.start(), lit.end()):
                found.append((i, (lit.start(), lit.end())))
        m = BOUND_URL.match(line) if "=" in line else None
        if m is None or not (VARIES.search(m.group("lit")) or PAST_BASE.search(m.group("lit"))):
            continue  # (a key names one thing: `{vid}`, `${id}`, a path past the base)
        name = m.group("n")
        uses = ((k, at) for k, at in words.uses(name, False) if k != i)
        if printed.every(uses, functools.partial(_keyed, lines, name=name, containers=containers)):
            found.append((i, (m.start("lit"), m.end("lit"))))
    return found


def _keyed(
    lines: list[str], i: int, at: int, *, name: str, containers: Callable[[], frozenset[str]]
) -> bool:
    """Whether the name used at column `at` of line i is a container's key there (or shown)."""
    line = lines[i]
    after, before = at + len(name), line[:at]
    if MEMBERSHIP.match(line, after):
        return True
    if SUBSCRIPT.search(before) and line[after:].lstrip().startswith("]"):
        return True
    call = MEMBER_CALL.search(before)
    if call is not None:
        receiver, function = call.group("r"), call.group("f")
        if function in KEY_CALLS:
            return True
        if function in SHARED_CALLS and (CACHE_NAME.search(receiver) or receiver in containers()):
            return True
    return printed.shown_at(lines, i, at)


def _pure_functions(lines: list[str]) -> frozenset[str]:
    """The file's functions whose body and name show nothing that sends (see SENDS), of those
    called on a line that holds a whole URL (the others' arguments are never read here)."""
    called = {
        m.group("fn") for t in lines if "://" in t and len(t) <= LONGEST for m in CALLED.finditer(t)
    }
    pure = set()
    for i, text in enumerate(lines if called else ()):
        hinted = "def" in text or "function" in text or "=>" in text
        m = DEFINED.match(text) if hinted and len(text) <= LONGEST else None
        if m is None:
            continue
        name = m.group("py") or m.group("js") or m.group("arrow")
        if name not in called or SENDER_NAME.search(name) or SENDS.search(text[m.end() :]):
            continue
        if not any(SENDS.search(t) for t in _body(lines, i, m.group("py") is not None)):
            pure.add(name)
    return frozenset(pure)


def _body(lines: list[str], i: int, python: bool) -> list[str]:
    """The lines of the body of the function defined on line i (its indented block in Python,
    up to its braces' close elsewhere), BODY_LINES at most."""
    if python:
        level, body = indent(lines[i]), []
        for text in lines[i + 1 : i + BODY_LINES]:
            if text.strip() and indent(text) <= level:
                break
            body.append(text)
        return body
    depth, body = 0, []
    for text in lines[i : i + BODY_LINES]:
        body.append(text)
        depth += text.count("{") - text.count("}")
        if depth <= 0 and "{" in "".join(body):
            break
    return body[1:]


def _given_to(text: str, pure: frozenset[str], raising: bool) -> list[tuple[int, int]]:
    """The spans of the arguments of calls on a line that send nothing: of the file's pure
    functions, and of a function called in a test's assertion (or a `pytest.raises` block)
    whose name is no sender's."""
    spans: list[tuple[int, int]] = []
    hinted = "assert" in text or "expect(" in text
    asserting = raising or (hinted and ASSERTING.search(text) is not None)
    if not (pure or asserting) or "(" not in text:
        return spans
    for m in CALLED.finditer(text):
        name = m.group("fn")
        tested = asserting and not SENDER_NAME.search(name) and name not in NOT_CALLS
        if not (name in pure or tested):
            continue
        close = matching(text, m.end() - 1, 1, len(text))
        span = (m.end(), close if close > 0 else len(text))
        # (a pure function given a whole URL, its result kept by nothing that may send it: a
        # statement of its own, a doctest's, a print's; not `requests.get(normalize("https://
        # ..."))`, nor `u = normalize("https://...")`)
        alone = STATEMENT_START.fullmatch(text, 0, m.start()) is not None
        printed = "=" not in text[: m.start()] and not _nested(text, m.start())
        if tested or ("://" in text[span[0] : span[1]] and (alone or printed)):
            spans.append(span)
    return spans


def _nested(text: str, at: int) -> bool:
    """Whether a call at `at` is inside another call's parentheses on its line (but a test's
    assertion's, or a print's)."""
    opened = matching(text, at, -1, -1)
    while opened >= 0:
        if text[opened] == "(":
            callee = OUTER.search(text, 0, opened)
            name = callee.group("n").split(".")[-1] if callee is not None else ""
            if name and not (name in NOT_CALLS or name.startswith("assert") or name == "log"):
                return True
        opened = matching(text, opened, -1, -1)
    return False


STATEMENT_START = rx.compile(r"\s*(?:>>>|\.\.\.)?\s*(?:await\s+)?")
OUTER = rx.compile(r"(?P<n>[A-Za-z_$][\w$.]*)\s*$")


# Names before `(` that are no function's call a test makes of the code under test.
NOT_CALLS = frozenset({"assert", "expect", "print", "len", "str", "repr", "isinstance", "type"})


def _headers(text: str) -> list[tuple[int, int]]:
    """The span of a Referer's or an Origin header's value on a line."""
    m = HEADER_VALUE.search(text) if ("eferer" in text or "rigin" in text) else None
    if m is None:
        return []
    end = next((k for k, c in enumerate(text[m.end() + 1 :], m.end() + 1) if c in "\"'`,;"), -1)
    return [(m.end(), end + 1 if end > 0 else len(text))]


def _parameters(
    lines: list[str], i: int, found: dict[int, list[tuple[int, int]]]
) -> list[tuple[int, int]]:
    """A test's parameter list starting on line i: its arguments there, and the lines it goes
    on over (added to `found` as whole lines)."""
    text = lines[i]
    m = PARAMETERS.search(text)
    if m is None:
        return []
    close = matching(text, m.end() - 1, 1, len(text))
    if close > 0:
        return [(m.end(), close)]
    depth = text[m.end() - 1 :].count("(") - text[m.end() - 1 :].count(")")
    for k in range(i + 1, min(i + BODY_LINES, len(lines))):
        found.setdefault(k, []).append((0, len(lines[k])))
        depth += lines[k].count("(") - lines[k].count(")")
        if depth <= 0:
            break
    return [(m.end(), len(text))]
