"""How AKOOL calls look in a script's text, and the places in one file that name an AKOOL
endpoint (documented, retired, unknown or a known wrong guess), for the audit's rules."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from akool_cli.core import catalogue, contract
from akool_cli.core.catalogue import DocEndpoint, Retired

# How far (in lines) a field may sit from the AKOOL call it belongs to.
NEARBY_LINES = 20
SAME_REQUEST_LINES = 10


AKOOL_URL = re.compile(
    r"https?://(?P<host>[A-Za-z0-9.-]*akool[A-Za-z0-9.-]*)(?P<path>/[^\s\"'`)<>\\]*)?"
)
OPEN_API_PATH = re.compile(
    r"/api/open/v\d+/(?:[A-Za-z0-9_./$-]|\{[^{}\s]*\})*(?:[A-Za-z0-9_]|\{[^{}\s]*\})"
)
# Something that joins a base URL and a path: a host, ${VAR}, $VAR, {var}, {{var}} or a quote.
PATH_PREFIX = r"(?:akool[A-Za-z0-9.-]*|\}|\$\w+|[\"'`])"


def _guess_pattern(guess: contract.WrongGuess) -> re.Pattern[str]:
    literal = re.escape(guess.pattern).replace(re.escape("{}"), r"[^\s\"'`?/]+")
    return re.compile(PATH_PREFIX + "(?P<path>" + literal + r")(?![A-Za-z0-9_-])")


GUESSES = [(guess, _guess_pattern(guess)) for guess in contract.UNDOCUMENTED_PATHS]


def _key_patterns(name: str) -> dict[str, re.Pattern[str]]:
    """Where `name` is a field sent to AKOOL, by kind of file.

    Everywhere: a quoted key ("name": / 'name': / \\"name\\": in a Postman body) or a query or
    form parameter (?name= / &name= / -F name=). In JavaScript also a bare object key (name:),
    which in Python would be a type annotation, so Python files do not get that form.
    """
    word = re.escape(name)
    common = (
        r"(?:\\?[\"'](?P<quoted>" + word + r")\\?[\"']\s*:(?!:))"
        r"|(?:[?&](?P<param>" + word + r")=)"
        r"|(?:(?:-F|--form|-d|--data|--data-urlencode)\s+[\"']?(?P<form>" + word + r")=)"
    )
    bare = r"|(?:(?:^\s*|[{,]\s*)(?P<bare>" + word + r")\s*:(?!:))"
    return {"python": re.compile(common), "other": re.compile(common + bare)}


MISNAMED = [
    (wrong, right, _key_patterns(wrong)) for wrong, right in contract.MISNAMED_FIELDS.items()
]
JS_SUFFIXES = (".js", ".mjs", ".cjs", ".ts", ".tsx", ".jsx")
ID_READ = re.compile(
    r"(?:\.|\[\s*[\"']|get\(\s*[\"'])(?P<name>" + re.escape(contract.GUESSED_ID_FIELD) + r")\b"
)
TOKEN_READ = re.compile(
    r"(?:\.|\[\s*[\"']|get\(\s*[\"'])(?P<name>"
    + "|".join(re.escape(n) for n in contract.GUESSED_TOKEN_FIELDS)
    + r")\b"
)
RESOLUTION_VALUE = re.compile(
    r"(?<![A-Za-z0-9_-])\\?[\"']?resolution\\?[\"']?\s*[:=]\s*(?P<value>\\?[\"'][^\"'\\\n]*\\?[\"']|[^\s,}\]\n]+)"
)
API_KEY_HEADER = re.compile(re.escape(contract.API_KEY_HEADER), re.IGNORECASE)
# A header being set ("Authorization: Bearer", 'Authorization': ..., addHeader("Authorization", ...)),
# not a table row or a sentence that names it.
BEARER_HEADER = re.compile(
    r"\b" + re.escape(contract.BEARER_HEADER) + r"(?:\s*:|\\?[\"']\s*[:,])", re.IGNORECASE
)
# A GET's fields are its query: a quoted key counts only on a line that builds query parameters.
QUERY_BUILDING = re.compile(r"params|query", re.IGNORECASE)


# -- one file: the places that name AKOOL endpoints -------------------------------------------------


@dataclass(frozen=True)
class Mention:
    """A place that names an AKOOL endpoint: a documented, retired, unknown or guessed path."""

    line: int
    column: int
    text: str
    kind: Literal["path", "url", "guess", "prefix"]
    endpoint: DocEndpoint | None = None
    retired: Retired | None = None
    guess: contract.WrongGuess | None = None


@dataclass
class FileContext:
    name: str
    lines: list[str]
    mentions: list[Mention] = field(default_factory=list)
    call_lines: list[int] = field(default_factory=list)
    # Indexes built once the mentions are known: documented endpoints and calls by line.
    _by_line: dict[int, list[DocEndpoint]] = field(default_factory=dict)
    _calls: frozenset[int] = frozenset()
    _seen: dict[tuple[int, int], list[DocEndpoint]] = field(default_factory=dict)

    @property
    def is_js(self) -> bool:
        return self.name.endswith(JS_SUFFIXES)

    def index(self) -> None:
        for m in self.mentions:
            if m.endpoint is not None:
                self._by_line.setdefault(m.line, []).append(m.endpoint)
        self._calls = frozenset(self.call_lines)

    def near_call(self, line: int, distance: int = NEARBY_LINES) -> bool:
        return any(n in self._calls for n in range(line - distance, line + distance + 1))

    def _endpoints(self, first: int, last: int) -> list[DocEndpoint]:
        key = (first, last)
        if key not in self._seen:
            found = {id(e): e for n in range(first, last + 1) for e in self._by_line.get(n, ())}
            self._seen[key] = list(found.values())
        return self._seen[key]

    def governing(self, line: int) -> list[DocEndpoint]:
        """The documented endpoints named within NEARBY_LINES of a line."""
        return self._endpoints(line - NEARBY_LINES, line + NEARBY_LINES)

    def answered_by(self, line: int) -> list[DocEndpoint]:
        """The documented endpoints called up to NEARBY_LINES before a line: a script reads an
        answer after it sends the request."""
        return self._endpoints(line - NEARBY_LINES, line)


@lru_cache(maxsize=4096)
def documented(method: str | None, path: str) -> DocEndpoint | None:
    return catalogue.load().find(method, path)


def _path_mentions(i: int, line: str, taken: list[tuple[int, int]]) -> Iterator[Mention]:
    for m in OPEN_API_PATH.finditer(line):
        if not any(a <= m.start() < b for a, b in taken):
            for path in _expand_braces(m.group(0)):
                yield _judge_path(i, m.start(), path, line[m.end() : m.end() + 1] == "/")


def _judge_path(i: int, column: int, path: str, continued: bool) -> Mention:
    """A path's mention; `continued`: the text goes on with "/" ("/voice/detail/" + id, or a
    prefix such as /api/open/v4/liveAvatar/session/...)."""
    docs = catalogue.load()
    endpoint = documented(None, path)
    if endpoint is None and continued:
        endpoint = documented(None, path + "/id")
        if endpoint is None and any(e.path.startswith(path + "/") for e in docs.endpoints):
            return Mention(i, column, path, "prefix")
    retired = docs.find_retired(path) if endpoint is None else None
    return Mention(i, column, path, "path", endpoint, retired)


def _expand_braces(path: str) -> list[str]:
    """/a/{create,close} (shell brace notation) names /a/create and /a/close."""
    m = re.search(r"\{([^{}]*,[^{}]*)\}", path)
    if m is None:
        return [path]
    return [path[: m.start()] + alt.strip() + path[m.end() :] for alt in m.group(1).split(",")]


def _url_mentions(i: int, line: str) -> Iterator[Mention]:
    """Documented endpoints outside /api/open/, such as the face-detection hosts' paths."""
    for m in AKOOL_URL.finditer(line):
        path = (m.group("path") or "").split("?")[0]
        if not path or OPEN_API_PATH.match(path):
            continue
        endpoint = documented(None, path)
        if endpoint is not None and endpoint.host == m.group("host"):
            yield Mention(i, m.start("path"), path, "url", endpoint)


def find_mentions(ctx: FileContext) -> None:
    for i, line in enumerate(ctx.lines):
        before = len(ctx.mentions)
        taken: list[tuple[int, int]] = []
        for guess, pattern in GUESSES:
            for m in pattern.finditer(line):
                taken.append((m.start("path"), m.end("path")))
                endpoint = documented(guess.endpoint.method, guess.endpoint.path)
                ctx.mentions.append(
                    Mention(i, m.start("path"), m.group("path"), "guess", endpoint, guess=guess)
                )
        ctx.mentions += _path_mentions(i, line, taken)
        ctx.mentions += _url_mentions(i, line)
        if AKOOL_URL.search(line) or len(ctx.mentions) > before:
            ctx.call_lines.append(i)
    ctx.index()
