"""Paths held in the rows of a map of maps (`STATUS_PATHS = { video: { getPath: "/v3/...",
postFallback: "/v3/..." }, image: {...} }`) and read by key off a row the code picks
(`config = STATUS_PATHS[kind]`, then `akoolGet(config.getPath)`, `post(cfg["fallback"], body)`, a
parameter's `opts.getPath`): each row's path under that key may be the one sent, so each is a call
judged where it is written; a read that names its row (`STATUS_PATHS.video.getPath`) is that
row's path alone."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from akool_cli.audit import arguments, datapaths, rx
from akool_cli.audit.generics import flat_generics
from akool_cli.audit.scopes import function_def, parameters

T = TypeVar("T")

# The line that opens a map, as an assignment or an entry: `STATUS_PATHS = {`, `video: {`,
# `"video": {`, `'video' => [`, Go's `"video": {`.
OPENER = rx.compile(
    r"(?:^|[\s{(,])[\"']?(?P<n>[A-Za-z_$][\w$-]*)[\"']?\s*(?::[^=\n]*)?(?:=|:|=>)\s*"
    r"(?:\w+\(|map\[[^\]]*\][\w.*]+|array\()?[{\[(]\s*$"
)
ENCLOSING_LINES = 80  # how far up the maps around an entry are looked for
# A read of a row's key: `config.getPath`, `cfg?.get_path`, `row["fallback"]`, `$row['path']`,
# `STATUS_PATHS.video.getPath`, `STATUS_PATHS[kind].getPath`, `self.paths[kind]["get"]`.
STEP = (  # (a TypeScript cast in the brackets: `STATUS_PATHS[kind as Kind]`)
    r"(?:(?:\?\.|\.|->)[A-Za-z_$][\w$]*"
    r"|\?*\.?\[\s*(?:[\"'][\w-]+[\"']|[A-Za-z_$][\w$.]*(?:\s+as\s+[A-Za-z_$][\w$.]*)?)\s*\])"
)
KEY = r"(?:(?:\?\.|\.|->)(?P<key>[A-Za-z_$][\w$]*)|\?*\.?\[\s*[\"'](?P<qkey>[\w-]+)[\"']\s*\])"
REF = rf"(?P<ref>\$?[A-Za-z_$][\w$]*(?:{STEP})*?{KEY})(?![\w$\[(]|\??\.\s*[A-Za-z_$]|->)(?!\s*\()"
# A call given the read as its first argument (after a context or a method), alone or with a
# query or an id after it: `get(cfg.path)`, `get(`${cfg.path}?id=${id}`)`, `get(cfg.path + "/" +
# id)`, `get(f"{cfg['path']}?id={i}")`, PHP's `get($row['path'] . '?id=' . $id)`.
HEAD = (
    r"(?<![\w$])(?P<fn>[A-Za-z_$][\w$]*)(?:<[^<>()]{0,80}>)?\(\s*"
    r"(?:(?:ctx|context\.\w+\(\))\s*,\s*)?(?:[\"'](?i:get|post|put|delete|patch)[\"']\s*,\s*)?"
)
ARGUMENT = re.compile(HEAD + r"(?:`\$\{|[fF][\"']\{|\"\$?\{)?" + REF + r"\s*\}?\s*(?=[,)?/+.`\"'])")
# A key's name alone, given to a call: a name destructured from a row (`const { getPath } =
# STATUS_PATHS[kind]`, then `akoolGet(getPath)`).
BARE = re.compile(
    HEAD + r"(?:`\$\{|[fF][\"']\{|\"\$?\{)?(?P<ref>\$?(?P<key>[A-Za-z_$][\w$]*))"
    r"(?![\w$\[(.]|->)\s*\}?\s*(?=[,)?/+`\"'])"
)
# A base joined to the read: `${BASE}${cfg.path}`, f"{BASE}{cfg['path']}", `BASE + cfg.path`,
# `$this->base . $row['path']`.
JOIN = re.compile(
    r"(?:\$?\{(?P<b>[A-Za-z_$][\w.$>-]*)\}/?\$?\{|(?<![\w$.>])(?P<c>(?:\$this->|\$)?[A-Za-z_]"
    r"[\w.]*)\s*(?:\+|\.(?=\s*\$))\s*)" + REF
)


@dataclass(frozen=True)
class Row(Generic[T]):
    """A path under a key in a map of maps: the names of the maps around it, innermost first."""

    chain: tuple[str, ...]
    value: T


@dataclass
class Rows(Generic[T]):
    """The rows of the maps of one file, by key."""

    by_key: dict[str, list[Row[T]]] = field(default_factory=dict)
    maps: set[str] = field(default_factory=set)  # the names of the maps that hold rows

    def add(self, key: str, chain: tuple[str, ...], value: T) -> None:
        self.by_key.setdefault(key, []).append(Row(chain, value))
        self.maps.update(chain)

    def several(self, key: str) -> bool:
        """Whether a key is that of more than one map's row (a table of rows)."""
        return len({r.chain for r in self.by_key.get(key, ())}) > 1

    def named_whole(self, ref: str, key: str) -> bool:
        """Whether a read names every map around a key's one row (`cfg.paths.status` of `cfg =
        { paths: { status: "/x" } }`): that row's path, whatever the maps' names look like."""
        rows = self.by_key.get(key, ())
        words = set(WORDS.findall(ref)) - {key}
        return len(rows) == 1 and bool(rows[0].chain) and set(rows[0].chain) <= words

    def read(self, ref: str, key: str, picks: dict[str, str]) -> list[T]:
        """The paths a read of a key may stand for: those of the rows its reference names
        (`STATUS_PATHS.video.getPath`; a name bound to a picked row names its map), or of every
        row under that key when it names none (a parameter's `config.getPath`)."""
        rows = self.by_key.get(key, [])
        names = {picks.get(w, w) for w in WORDS.findall(ref)} - {key}
        scored = [(len(names & set(r.chain)), r) for r in rows]
        best = max((s for s, _ in scored), default=0)
        return [r.value for s, r in scored if s == best]


WORDS = rx.compile(r"[A-Za-z_$][\w$]*")


def enclosing(lines: list[str], line: int) -> tuple[str, ...]:
    """The names of the maps an entry at a line is in, innermost first (brackets counted up from
    the line: a map opened and closed above it encloses nothing)."""
    names: list[str] = []
    pending = 0
    for j in range(line - 1, max(line - ENCLOSING_LINES, -1), -1):
        text = lines[j]
        pending += sum(text.count(c) for c in "{[(") - sum(text.count(c) for c in "}])")
        if pending > 0:
            m = OPENER.search(text)
            if m is None:
                break
            names.append(m.group("n"))
            pending = 0
    return tuple(names)


def reads(line: str) -> Iterator[tuple[re.Match[str], str]]:
    """The reads of a key on a line, given to a call or joined to a base, with the key; not the
    path of a route the script declares (`app.get(ROUTES.video.status, async (req, res) =>`).
    A call's type arguments may nest (see flat_generics)."""
    line = flat_generics(line)
    for pattern in (ARGUMENT, JOIN, BARE):
        for m in pattern.finditer(line):
            if pattern is JOIN or not _declares_route(line, m):
                yield m, m.group("key") or m.group("qkey")


ROUTE_VERBS = frozenset({"get", "post", "put", "patch", "delete", "all", "use", "route", "head"})
ROUTE_VERBS |= {"options", "any", "Handle", "HandleFunc", "GET", "POST", "PUT", "DELETE"}


def _declares_route(line: str, m: re.Match[str]) -> bool:
    """Whether a verb-named call given the read declares a route: a handler follows the path
    (a function, a lambda of `req`, Ktor's block) on a receiver that is no client."""
    if m.group("fn") not in ROUTE_VERBS:
        return False
    receiver = datapaths.RECEIVER.search(line[: m.start("fn")])
    owner = receiver.group("r").split(".")[-1].lower() if receiver is not None else ""
    if any(w in owner for w in datapaths.CLIENT_WORDS):
        return False
    return bool(datapaths.ROUTE_REST.match(line, m.end("ref"))) or m.group("fn") in (
        "Handle",
        "HandleFunc",
    )


FED_LINES = 60  # how far up from a read its function's head is looked for
FED_DEPTH = 2  # how many callers up a parameter is followed
ROW_READ = r"(?:\?\.|\.|->)(?P=k)\b(?!\s*\()|\[\s*[\"'](?P=k)[\"']\s*\]"


def fed(lines: list[str], key: str, line: int, maps: set[str], depth: int = 0) -> bool:
    """Whether a name a function binds or takes, read as a key's name (`akoolGet(getPath)`), holds
    that key's row: bound above in its function from a read of the key or from a row it
    destructures (`const getPath = STATUS_PATHS[kind].getPath`, `const { getPath } = cfg`), or a
    parameter some caller gives such a read or such a name (`pollStatus(cfg.getPath, id)`).
    `maps`: the names of the maps of rows and of the names bound to a picked row."""
    bound = re.compile(
        rf"(?:(?<![\w$.])(?P<k>{re.escape(key)})\b|\{{[^{{}}=]*\b(?P<d>{re.escape(key)})\b[^{{}}=]*\}})"
        r"\s*(?::[^=\n]*)?=(?![=>])(?P<rhs>.*)$"
    )
    for j in range(line, max(line - FED_LINES, -1), -1):
        text = lines[j]
        m = bound.search(text) if key in text and j < line else None
        if m is not None and _from_row(key, m, maps):
            return True
        head = function_def(text) if len(text) <= 2000 and (j < line or _opens(text)) else None
        if head is None or key not in parameters(lines, j, head.end()):
            continue
        name = next((g for g in head.groups() if g), "")
        return bool(name) and depth < FED_DEPTH and _given(lines, name, j, key, maps, depth)
    return False


OPENS_FUNCTION = rx.compile(r"=>|^\s*(?:export\s+)?(?:async\s+)?(?:def|function|func|fn|fun)\b")


def _opens(text: str) -> bool:
    """Whether a read's own line opens its function (`const f = (getPath) => get(getPath)`),
    not only calls one (`return akool_get(get_path, {...})`, which FUNCTION_DEF may take for a
    method's head)."""
    return OPENS_FUNCTION.search(text) is not None


def _from_row(key: str, m: re.Match[str], maps: set[str]) -> bool:
    rhs = m.group("rhs")
    if m.group("k") is not None:
        return re.search(ROW_READ.replace("(?P=k)", re.escape(key)), rhs) is not None
    return any(w in maps for w in WORDS.findall(rhs))


def _given(lines: list[str], fn: str, head: int, key: str, maps: set[str], depth: int) -> bool:
    """Whether some call of a function gives it a read of a key (or a name fed one)."""
    call = re.compile(rf"(?<![\w$])(?:this\.|self\.)?{re.escape(fn)}\s*(?:<[^<>()]*>)?\(")
    read = re.compile(rf"[\w$\])\"']\s*(?:{ROW_READ.replace('(?P=k)', re.escape(key))})\s*$")
    for j, text in enumerate(lines):
        if j == head or fn not in text or len(text) > 2000:
            continue
        for m in call.finditer(flat_generics(text)):
            for a, b in arguments.spans(text, m.end()):
                given = text[a:b]
                if read.search(given) or (given == key and fed(lines, key, j, maps, depth + 1)):
                    return True
    return False


def given_reads(
    text: str, keys: set[str], helpers: set[str], maps: set[str]
) -> Iterator[tuple[str, str, str]]:
    """(key, read, the function given it) of each read of one of the keys given to one of the
    helpers in a file's text: `akoolGet(cfg.getPath)`, or a name of the key's fed a row
    (`const { getPath } = STATUS_PATHS[kind]`, then `akoolGet(getPath)`: see fed)."""
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if len(line) > 2000 or not any(k in line for k in keys):
            continue
        for m, key in reads(line):
            if m.re is JOIN or key not in keys or m.group("fn") not in helpers:
                continue
            if m.re is ARGUMENT or fed(lines, key, i, maps):
                yield key, m.group("ref"), m.group("fn")
