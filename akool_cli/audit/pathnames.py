"""Paths held in names: a constant (`TALK = "/content/video/createbytalkingphoto"`), an environment
fallback (`envOr("X_PATH", DEFAULT_PATH)`, `os.getenv("X", "/api/open/v3/...")`,
`process.env.X || DEFAULT`, `${X:-/api/open/...}`, a helper of the script's own that returns its
fallback when the variable is unset), joined to a base (`${base}${path}`, `BASE + path`) or given
to a wrapper or a client (`self._post(TALK, body)`): each such place is a call of the path the name
holds, with the request written there."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from akool_cli.audit import keyedpaths, rx
from akool_cli.audit.localpaths import BINDING
from akool_cli.audit.paths import resource_words
from akool_cli.audit.scopes import TOP_LEVEL, Homes, function_def, parameters
from akool_cli.audit.sites import (
    ASYNC_METHOD,
    CALL_HEAD,
    EXTENDED,
    HTTP_METHODS,
    HTTP_MODULES,
    RECEIVER,
    SHELL_HEAD,
    UNSEEN_PREFIX,
    Base,
    Bases,
    Site,
    literal_base,
    name_of,
)
from akool_cli.audit.wrappers import MID, join_patterns

# A name as a join or a call reads it: path, self.TALK, Endpoints.talk, $this->path
# (members nested in constants objects too, capitalized: `AKOOL.PATHS.TALK`, not `Ep.TALK.value`)
NAME = (
    r"(?P<p>(?:(?:self|this|cls|[A-Za-z_]\w*)(?:\.|::)(?:[A-Z]\w*\.(?![a-z])){0,3}|\$this->)?"
    r"\$?[A-Za-z_]\w*(?:\[[\"'][A-Za-z_]\w*[\"']\]){0,3})(?:\.value)?"
)  # (and a dict's entry, to two levels: `AKOOL["paths"]["talk"]`)
NAME_JOINS = (
    *join_patterns(NAME, r"(?P<p>[A-Za-z_]\w*)"),
    # a template's members of constants objects: `${A.BASE_URL}${A.PATH}`, Kotlin's
    # "${Api.BASE}${Api.TALK}" (the shell's form above reads no member after `${`)
    rx.compile(r"\$\{(?P<b>[A-Za-z_$][\w.$]*)\}" + MID + r"\$\{" + NAME + r"\}"),
    # PHP's class constants: `ApiConst::BASE . ApiConst::TALK`
    rx.compile(r"(?<![\w$])(?P<b>[A-Za-z_]\w*::[A-Za-z_]\w*)\s*\.\s*" + NAME + r"\b(?!\s*\()"),
)
# A literal AKOOL base joined to a path name: `https://openapi.akool.com${AVATAR_PATH}`,
# f"https://openapi.akool.com{PATH}", "https://openapi.akool.com" + PATH, '...' . $PATH, "...$PATH"
LITERAL_JOIN = rx.compile(
    r"(?P<url>https?://[\w.-]*akool\.[a-z]{2,}(?:/api/open(?:/v\d+)?)?)/?"
    r"(?:\$?\{\$?|[\"'`]\s*(?:\+|\.)\s*\$?|\$(?=[A-Za-z_]))" + NAME
)
# A call whose first argument (after a context or a method) is a name: self._post(TALK, body)
# (the name's leading slash cut off first, for a client that wants none: ky's and got's prefixUrl,
# `api.post(ENDPOINTS.image.slice(1), ...)`, `.substring(1)`, Python's `.lstrip("/")`)
SLASH_CUT = r"(?:\.(?:slice|substring|substr)\(\s*1\s*\)|\.lstrip\(\s*[\"']/[\"']\s*\))?"
NAME_ARGUMENT = rx.compile(CALL_HEAD + NAME + SLASH_CUT + r"\s*[,)]")
# A shell function given a name: akool_post "$TALK_PATH" "$BODY", post GET $P
SHELL_NAME_CALL = rx.compile(SHELL_HEAD + r"[\"']?\$\{?(?P<p>[A-Za-z_]\w*)\}?[\"'\s]")
PATH_LITERAL = rx.compile(
    r"(?P<q>[\"'`])(?P<lit>/?[A-Za-z_{][\w\-./{}$:%]*)(?P=q)|:-(?P<sh>/[^}\s\"']*)\}"
)
PLAIN = rx.compile(r"\s*[fr]?(?P<q>[\"'`])(?P<lit>[^\"'`\s]+)(?P=q)\s*[;,]?\s*(?:(?:#|//).*)?$")
ALIAS = rx.compile(r"\s*(?P<n>(?:[A-Za-z_]\w*\.)?[A-Za-z_]\w*)\s*;?\s*$")
# An object's or a dict's entry: talk: "/content/...", "talk": "/content/..."
PROPERTY = re.compile(r"^\s*[\"']?(?P<n>[A-Za-z_]\w*)[\"']?\s*(?::|=>)\s*(?P<rhs>.*?),?\s*$")
# Where a value comes from the environment.
ENV = rx.compile(
    r"process\.env|os\.environ|getenv|Getenv|LookupEnv|System\.getenv|\bENV\b|"
    r"GetEnvironmentVariable|\$\{\w+:-|\benv\(|import\.meta\.env|Deno\.env|dotenv|\$_ENV|\$_SERVER"
    r"|\.get(?:Property|OrDefault)?\(\s*[\"'][\w.-]+[\"']\s*,"  # a config's lookup with a default
)
# The usual names of a helper that reads a variable and falls back to its second argument.
ENV_HELPER = rx.compile(
    r"(?i)^(?:env_?or(?:_?default)?|get_?env(?:_?or(?:_?default)?)?|from_?env|env_?default"
    r"|read_?env|env_?var|env|config_?or|setting)$"
)
# A lookup given a variable's name in capitals, then its fallback, whatever the function's name
# or wherever it is defined (`envWithDefault("AKOOL_CREATE_PATH", DEFAULT_CREATE_PATH)` with
# the helper imported from another file; `cfg.get("AKOOL_STATUS_PATH", "/content/...")`).
VARIABLE_LOOKUP = rx.compile(
    r"(?<![\w$])[A-Za-z_$][\w$.]*\(\s*[\"'][A-Z][A-Z0-9]*_[A-Z0-9_]+[\"']\s*,"
)
CALLED = rx.compile(r"(?<![\w.$])(?P<fn>[A-Za-z_]\w*)\s*\(")
HELPER_BODY_LINES = 15
FILE_SUFFIX = rx.compile(r"\.[A-Za-z][A-Za-z0-9]{0,4}$")


@dataclass(frozen=True)
class Held:
    """The path a name holds, as written."""

    text: str
    line: int

    @property
    def absolute(self) -> bool:
        """A /api/open/vN/... path: judged where it is written (the name only carries it)."""
        return self.text.lstrip("/").startswith("api/open/")


@dataclass
class PathNames:
    """Every name bound to a path in one file, by line."""

    bindings: dict[str, list[tuple[int, Held]]] = field(default_factory=dict)
    tables: set[str] = field(default_factory=set)  # objects of paths: ENDPOINTS = {talk: "/x"}
    entries: dict[str, list[Held]] = field(default_factory=dict)  # each table's paths
    # Names bound to an entry the code picks (`path = STATUS_PATHS[kind]`): by name, the table.
    picks: dict[str, str] = field(default_factory=dict)
    # A loop's variable over a list of paths (`for path in ["/v3/...", "/v4/..."]:`), by name:
    # (its body's first and last lines, the list's table).
    loops: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)
    # The paths in the rows of maps of maps, by key (see keyedpaths.py).
    rows: keyedpaths.Rows[Held] = field(default_factory=keyedpaths.Rows)
    # The keys of those maps that other files read and give to a wrapper: (key, read, base).
    reached: tuple[tuple[str, str, Base], ...] = ()
    _helpers: set[str] | None = None
    openers: dict[int, int] = field(default_factory=dict)  # an entry's opening line (_opener)
    _homes: dict[str, Homes[Held]] = field(default_factory=dict)
    # The keys of rows written on one line, with the paths they hold (see _row_names).
    row_names: dict[str, list[tuple[int, Held]]] = field(default_factory=dict)
    relative: bool | None = None  # (a base that wants relative paths: see _wants_relative)

    def held(self, ref: str, line: int, bases: Bases) -> Held | None:
        """The path a name holds at a line: its binding in scope there (any binding of an
        attribute or a member: `self.TALK`, `Paths::STATUS`, `ENDPOINTS.list`)."""
        name = name_of(ref)
        spots = self.bindings.get(name)
        if not spots:
            return None
        member = "." in ref or "->" in ref or "::" in ref
        scopes = bases.scopes if bases.scopes is not None and not member else TOP_LEVEL
        if name not in self._homes or self._homes[name].scopes is not scopes:
            self._homes[name] = Homes(name, scopes)
            for at, held in spots:
                self._homes[name].add(at, held)
        return self._homes[name].at(line)[1]


def path_like(text: str) -> bool:
    """A literal that is an API path: /content/..., api/open/..., content/video/... (not a file,
    not a URL, not a MIME type)."""
    if "://" in text or "/" not in text or FILE_SUFFIX.search(text.split("?")[0]):
        return False
    if text.startswith("/"):
        return len(text) > 1 and (text[1].isalpha() or text[1] in "_{")
    first = text.split("/")[0].lower()
    return text.startswith("api/open/") or first in resource_words()


# A path literal without its leading slash (`"content/image/create"`), as clients whose base
# is a prefix that wants none take it (ky's and got's `prefixUrl`).
RELATIVE_LITERAL = rx.compile(r"[\"'`][A-Za-z_][\w-]*/[A-Za-z_][\w\-./]*[\"'`]")
RELATIVE_CLIENTS = ("prefixUrl",)


def _wants_relative(lines: list[str], found: PathNames) -> bool:
    """Whether the file gives a client a base that wants paths without a leading slash."""
    if found.relative is None:  # (once a file)
        found.relative = any(w in line for line in lines for w in RELATIVE_CLIENTS)
    return found.relative


def path_names(lines: list[str], imported: dict[str, Held] | None = None) -> PathNames:
    """The names a file binds to paths (and those it imports from the folder)."""
    found = PathNames(lines=lines)
    for name, given in (imported or {}).items():
        found.bindings[name] = [(-1, given)]
    enums = any("enum " in line for line in lines)
    for i, line in enumerate(lines):
        if enums and _enum_entry(line, i, found):
            continue  # TALK("/api/open/v3/..."): read as Ep.TALK
        if len(line) > 2000 or ("=" not in line and ":" not in line and "[" not in line):
            continue  # (a JavaScript Map's pair, `["credit", "/x"],`, has neither)
        hinted = '"/' in line or "'/" in line or "`/" in line or ":-/" in line or "api/open" in line
        if not hinted and "/" in line and _wants_relative(lines, found):
            hinted = RELATIVE_LITERAL.search(line) is not None  # (ky's `image: "content/x"`)
        opens = not hinted and "=" in line and line.rstrip().endswith(("[", "(", "{"))
        if opens and _path_list_at(lines, i, found):
            continue  # PATHS = [ ...paths on the lines below... ]
        if not hinted and not (found.bindings and _names_a_path(line, found)):
            continue
        m = BINDING.match(line) or PROPERTY.match(line)
        if m is None:
            _entry(lines, i, found)
            continue
        if m.re is BINDING and _inline_table(m.group("n"), m.group("rhs"), i, found):
            continue
        if m.re is PROPERTY and _inline_row(lines, m.group("n"), m.group("rhs"), i, found):
            continue
        if m.re is BINDING and _path_list(m.group("n"), lines, i, found):
            continue
        picked = PICK.match(m.group("rhs")) if found.tables or found.rows.maps else None
        if picked is not None and (
            picked.group("t") in found.tables or picked.group("t") in found.rows.maps
        ):
            found.picks[m.group("n")] = picked.group("t")
            continue
        held = _value(m.group("rhs"), i, found, lines)
        if held is not None and m.re is PROPERTY:
            found.rows.add(m.group("n"), keyedpaths.enclosing(lines, i), held)
            for table in _table(lines, i, found):
                found.tables.add(table)
                found.entries.setdefault(table, []).append(held)
        if held is not None:
            found.bindings.setdefault(m.group("n"), []).append((i, held))
            found.bindings[m.group("n")].sort(key=lambda s: s[0])
    _row_names(found)
    _loops(lines, found)
    return found


# A Java or Kotlin enum's constant given its path (after a method, perhaps):
# `TALK("/api/open/v3/content/video/createbytalkingphoto"),`, `INFO("GET", "/api/...")`.
ENUM_ENTRY = rx.compile(
    r"^\s*(?P<n>[A-Z][A-Z0-9_]*)\s*\(\s*(?:[\"'][A-Za-z]+[\"']\s*,\s*)?"
    r"[\"'](?P<lit>/?[A-Za-z_][\w\-./{}:%]*)[\"']\s*[,)]"
)


def _enum_entry(line: str, i: int, found: PathNames) -> bool:
    """An enum's constant that holds a path: a name bound to it."""
    m = ENUM_ENTRY.match(line)
    if m is None or not path_like(m.group("lit")):
        return False
    found.bindings.setdefault(m.group("n"), []).append((i, Held(m.group("lit"), i)))
    return True


# A list of paths (`PATHS = ["/v3/voice/list?lang=en", "/v4/voice/list?type=1"]`, over lines too,
# Go's `[]string{...}`, `List.of(...)`): the candidates a script tries in turn, a table whose
# entries are judged where they are written. A path's own query is part of its literal.
LIST_OPENER = rx.compile(
    r"\s*(?:\[\]string\s*|(?:List|Arrays|Set)\.(?:of|asList)\s*|new\s+\w+\[\]\s*)?[\[({]"
)
LIST_ITEM = rx.compile(r"(?P<q>[\"'`])(?P<lit>/?[A-Za-z_][\w\-./:%?=&]*)(?P=q)")
LIST_LINES = 12


def _list_items(lines: list[str], line: int, at: int) -> tuple[list[Held], int] | None:
    """The path literals of a list opening at (line, at), and the line it closes on; None when
    the list holds anything but path literals (a path's own query is part of its literal)."""
    depth, found = 0, []
    for j in range(line, min(line + LIST_LINES, len(lines))):
        text = lines[j]
        spans = [
            (m.start(), m.end()) for m in STRING_LITERAL.finditer(text, at if j == line else 0)
        ]
        k = at if j == line else 0
        while k < len(text):
            inside = next((b for a, b in spans if a == k), None)
            if inside is not None:
                item = LIST_ITEM.fullmatch(text[k:inside])
                if item is None or not path_like(item.group("lit")):
                    return None
                found.append(Held(item.group("lit"), j))
                k = inside
                continue
            c = text[k]
            if c in "#" or text.startswith("//", k):
                break
            depth += (c in "[({") - (c in "])}")
            if depth == 0:
                return (found, j) if found else None
            k += 1
    return None


STRING_LITERAL = rx.compile(
    r"[fr]?(?:\"[^\"\\\n]*(?:\\.[^\"\\\n]*)*\"|'[^'\\\n]*(?:\\.[^'\\\n]*)*'|`[^`\n]*`)"
)


def _path_list_at(lines: list[str], i: int, found: PathNames) -> bool:
    m = BINDING.match(lines[i])
    return m is not None and _path_list(m.group("n"), lines, i, found)


def _path_list(name: str, lines: list[str], i: int, found: PathNames) -> bool:
    """A name bound to a list of paths (see LIST_OPENER): a table of them."""
    m = BINDING.match(lines[i])
    rhs_at = m.start("rhs") if m is not None else -1
    opener = LIST_OPENER.match(lines[i], rhs_at) if rhs_at >= 0 else None
    if opener is None:
        return False
    listed = _list_items(lines, i, opener.end() - 1)
    if listed is None:
        return False
    found.tables.add(name)
    found.entries.setdefault(name, []).extend(listed[0])
    return True


# A loop over a list: `for path in [...]:`, `for (const path of [...])`, `for _, p := range
# []string{...} {`, `for path in PATHS:`, `for (const p of PATHS)`, `[BASE + p for p in PATHS]`,
# a shell's `for path in "/v3/..." "/v4/..."; do`; and a callback over one: `PATHS.map((p) =>`,
# `["/v3/...", "/v4/..."].forEach((p) =>`.
LOOP_HEAD = rx.compile(
    r"\bfor\s+(?P<a>[A-Za-z_]\w*)\s+in\s+"
    r"|\bfor\s*\(\s*(?:const|let|var)\s+(?P<b>[A-Za-z_$][\w$]*)\s+of\s+"
    r"|\bfor\s+_\s*,\s*(?P<c>[A-Za-z_]\w*)\s*:=\s*range\s+"
)
LOOP_NAMED = rx.compile(
    r"(?P<t>[A-Za-z_]\w*)\s*(?::|\)\s*\{?|\{|\]|\bif\b|;\s*do\b)\s*(?:(?:#|//).*)?"
)
# (words apart by spaces, or beside a quote: a bare word split in two is never tried, which made
# a long line of prose that is no loop take exponential time)
SHELL_WORD = r"(?:\"[^\"\n]*\"|'[^'\n]*'|[^\s;\"'$`]+)"
SHELL_WORDS = rx.compile(
    rf"(?P<words>\s*{SHELL_WORD}(?:(?:\s+|(?<=[\"'])|(?=[\"'])){SHELL_WORD})*)\s*(?:;\s*do\b|$)"
)
CALLBACK = rx.compile(
    r"(?:(?<![\w$.])(?P<t>[A-Za-z_$][\w$]*)|(?P<list>\[[^\[\]\n]*\]))\s*\.\s*(?:map|forEach|flatMap"
    r"|some|find)\(\s*(?:async\s*)?\(?\s*(?P<d>[A-Za-z_$][\w$]*)\s*[,):=]"
)


def _loops(lines: list[str], found: PathNames) -> None:
    """The variables of loops over a list of paths, written in the loop or held in a name: in
    the loop's body, each is any of the list's paths (see PathNames.loops)."""
    for i, line in enumerate(lines):
        if len(line) > 2000 or not ("for" in line or "(" in line):
            continue
        for name, table, close in _loop_lists(lines, i, found):
            level = len(line) - len(line.lstrip())
            last = close
            while last + 1 < len(lines) and (
                not lines[last + 1].strip()
                or len(lines[last + 1]) - len(lines[last + 1].lstrip()) > level
            ):
                last += 1
            found.loops.setdefault(name, []).append((i, last, table))


def _loop_lists(lines: list[str], i: int, found: PathNames) -> Iterator[tuple[str, str, int]]:
    """(the loop's variable, the table of its list, the line the list closes on) of each loop or
    callback over a list of paths that starts on line i."""
    line = lines[i]
    head = LOOP_HEAD.search(line) if "for" in line else None
    if head is not None:
        name = head.group("a") or head.group("b") or head.group("c")
        opener = LIST_OPENER.match(line, head.end())
        named = LOOP_NAMED.match(line, head.end())
        words = SHELL_WORDS.match(line, head.end()) if head.group("a") else None
        if opener is not None:
            listed = _list_items(lines, i, opener.end() - 1)
            if listed is not None:
                yield name, _new_table(found, i, head.end(), listed[0]), listed[1]
        elif named is not None and named.group("t") in found.entries:
            yield name, named.group("t"), i
        elif words is not None:
            literals = [Held(w.strip("\"'"), i) for w in words.group("words").split()]
            if literals and all(path_like(h.text) for h in literals):
                yield name, _new_table(found, i, head.end(), literals), i
    walks = any(w in line for w in ("map(", "forEach(", "some(", "find("))
    for m in CALLBACK.finditer(line) if walks else ():
        if m.group("t") and m.group("t") in found.entries:
            yield m.group("d"), m.group("t"), i
        elif m.group("list"):
            listed = _list_items(lines, i, m.start("list"))
            if listed is not None:
                yield m.group("d"), _new_table(found, i, m.start("list"), listed[0]), i


def _new_table(found: PathNames, line: int, at: int, entries: list[Held]) -> str:
    table = f"[{line}:{at}]"  # (a list written in the loop: no name holds it)
    found.tables.add(table)
    found.entries[table] = entries
    return table


def looped(found: PathNames, name: str, line: int) -> str:
    """The table a loop's variable picks its path from at a line ("" for none)."""
    return next((t for a, b, t in found.loops.get(name, ()) if a <= line <= b), "")


# A table written on one line: {"photo": "/content/...", "swap": "/faceswap/..."} (its entries),
# a map's (`Map.of(`, `dict(`) or a Go struct's (`endpoints{Talk: "/...", Info: "/..."}`).
INLINE_OPENER = rx.compile(
    r"\s*(?:(?:new\s+)?[\w.<>\[\], ]*?(?:Map|map|dict)\b[^({]*|&?[A-Za-z_]\w*(?=\{))?[({]"
)
INLINE_ENTRY = rx.compile(
    r"(?:^|[{,(])\s*(?:\[[^\]]+\]|[\"'](?P<qk>[^\"']+)[\"']|(?P<k>[A-Za-z_][\w.]*))\s*(?::|=>|,)\s*"
    r"(?P<q>[\"'`])(?P<lit>/?[A-Za-z_{][\w\-./{}$:%]*)(?P=q)\s*(?=[,})])"
)


def _inline_table(name: str, rhs: str, line: int, found: PathNames) -> bool:
    """A table of paths written on one line (`STATUS = {"photo": "/x", "swap": "/y"}`, Java's
    `Map.of("photo", "/x", ...)`): its paths are entries of the table (none held by a name)."""
    if not INLINE_OPENER.match(rhs):
        return False
    entries = [e for e in INLINE_ENTRY.finditer(rhs) if path_like(e.group("lit"))]
    paths = [Held(e.group("lit"), line) for e in entries]
    for e, held in zip(entries, paths, strict=True):
        if e.group("k") and "." not in e.group("k"):
            found.rows.add(e.group("k"), (name,), held)
        if e.group("k") and "." not in e.group("k"):  # `{ INFO: "/..." }`: read as Paths.INFO
            found.bindings.setdefault(e.group("k"), []).append((line, held))
            found.bindings[e.group("k")].sort(key=lambda s: s[0])
    if len(paths) < 2:
        return False
    found.tables.add(name)
    found.entries.setdefault(name, []).extend(paths)
    return True


def _inline_row(lines: list[str], name: str, rhs: str, line: int, found: PathNames) -> bool:
    """A row of a map of maps written on one line (`video: { getPath: "/x", postFallback: "/y"
    },`): its paths are rows under their keys (see keyedpaths.py)."""
    if not rhs.startswith("{") or not INLINE_OPENER.match(rhs):
        return False
    chain = (name, *keyedpaths.enclosing(lines, line))
    entries = [e for e in INLINE_ENTRY.finditer(rhs) if path_like(e.group("lit"))]
    for e in entries:
        key = e.group("k") or e.group("qk")
        if key and "." not in key:
            found.rows.add(key, chain, Held(e.group("lit"), line))
            found.row_names.setdefault(key, []).append((line, Held(e.group("lit"), line)))
    return bool(entries)


def _row_names(found: PathNames) -> None:
    """The keys of rows written on one line that hold one path in the whole file, bound as names
    (read as `AKOOL["paths"]["talk"]`, `AKOOL.PATHS.TALK`: see NAME); a key several rows give
    different paths (`getPath` of each kind of job) names none of them."""
    for key, spots in found.row_names.items():
        if key not in found.bindings and len({held.text for _, held in spots}) == 1:
            found.bindings[key] = list(spots)


# An entry whose key is no plain name: "talking-photo": "/v3/...", JobKind.HEAD: "/v4/...",
# [JobKind.Head]: "/v4/..."; a JavaScript Map's pair, ["credit", "/faceswap/quota/info"],
ENTRY = rx.compile(
    r"^\s*(?:(?:\[[^\]]+\]|[\"'][^\"']+[\"']|[A-Za-z_][\w.]*)\s*:\s*(?P<rhs>.*?)"
    r"|\[\s*[\"'][^\"']+[\"']\s*,\s*(?P<pair>[\"'`][^\"'`]*[\"'`])\s*\]),?\s*$"
)


def _entry(lines: list[str], i: int, found: PathNames) -> None:
    """A table's entry under a key that is no plain name: one more path of the table (no name
    holds it alone)."""
    m = ENTRY.match(lines[i])
    held = _value(m.group("rhs") or m.group("pair"), i, found, lines) if m is not None else None
    if held is None:
        return
    for table in _table(lines, i, found):
        found.tables.add(table)
        found.entries.setdefault(table, []).append(held)


# An entry of a table of paths that the code picks: STATUS_PATHS[kind], PATHS.get(kind), P?.[k]
PICK = rx.compile(
    r"\s*(?:[A-Za-z_]\w*\.)*(?P<t>[A-Za-z_]\w*)\s*(?:\[|\?\.\[|\.get\()[^\n]*?[\])]"
    r"(?:\.(?:format|replace)\([^()]*\))?\s*[;,]?\s*(?:(?:#|//).*)?$"
)
TABLE = rx.compile(
    r"(?P<n>[A-Za-z_]\w*)\s*(?::[^=]*)?(?:=|:)\s*(?:(?:new\s+)?\w+\(|map\[[^\]]*\][\w.*]+)?[{\[(]\s*"
    r"(?:(?:#|//).*)?$"  # (a comment after the bracket: `STATUS_PATHS = {  # kind -> path`)
)
TABLE_LINES = (
    2000  # how far up an entry's opening bracket is looked for (a table of every endpoint)
)


def _table(lines: list[str], line: int, found: PathNames) -> Iterator[str]:
    """The name of the object an entry at a line is in (`ENDPOINTS = {`, `const paths = {`):
    the line that opens the brackets around it, counted up from the entry."""
    opener = _opener(lines, line, found.openers)
    m = TABLE.search(lines[opener]) if opener >= 0 else None
    if m is not None:
        yield m.group("n")


def _opener(lines: list[str], line: int, openers: dict[int, int]) -> int:
    """The line that opens the brackets around a line (-1: none in view); an entry above it in
    the same brackets gives its own (`openers`, filled as entries are read), so a long table is
    read once."""
    pending = 0
    for j in range(line - 1, max(line - TABLE_LINES, -1), -1):
        if pending == 0 and j in openers:
            openers[line] = openers[j]
            return openers[j]
        text = lines[j]
        pending += sum(text.count(c) for c in "{[(") - sum(text.count(c) for c in "}])")
        if pending > 0:
            openers[line] = j
            return j
    openers[line] = -1
    return -1


WORD = rx.compile(r"[A-Za-z_]\w*")


def _names_a_path(line: str, found: PathNames) -> bool:
    """Whether a line names one of the path names (a set lookup per word: a file may bind
    thousands of them)."""
    return any(
        w in found.bindings
        or w in found.entries
        or w in found.picks
        or w in found.loops
        or w in found.rows.by_key
        for w in WORD.findall(line)
    )


def _value(rhs: str, line: int, found: PathNames, lines: list[str]) -> Held | None:
    """The path a right-hand side holds: a literal, another path name, or an environment
    variable's literal (or named) fallback."""
    if "://" in rhs:
        return None  # a whole URL (a host and a path), not a path to join
    plain = PLAIN.match(rhs)
    if plain is not None and path_like(plain.group("lit")):
        return Held(plain.group("lit"), line)
    alias = ALIAS.match(rhs)
    if alias is not None:
        return _bound(found, alias.group("n"))
    if (
        not ENV.search(rhs)
        and not VARIABLE_LOOKUP.search(rhs)
        and not any(
            ENV_HELPER.match(c.group("fn")) or c.group("fn") in _env_helpers(found, lines)
            for c in CALLED.finditer(rhs)
        )
    ):
        return None
    last: Held | None = None  # the fallback is the last path (or path name) written
    for m in re.finditer(PATH_LITERAL.pattern + r"|(?P<n>\b[A-Za-z_]\w*\b)", rhs):
        text = m.group("lit") or m.group("sh")
        if text and path_like(text):
            last = Held(text, line)
        elif m.group("n"):
            last = _bound(found, m.group("n")) or last
    return last


def _bound(found: PathNames, ref: str) -> Held | None:
    spots = found.bindings.get(name_of(ref))
    return spots[-1][1] if spots else None


RETURNS = rx.compile(r"\breturn\b(?P<rest>.*)$|(?:\?\?|\|\||\bor\b|\?:)\s*(?P<alt>\w+)")


def _env_helpers(found: PathNames, lines: list[str]) -> set[str]:
    """Functions of the file that read an environment variable and return a parameter (its
    fallback) when it is unset, whatever their name: `def setting(name, default): ...`."""
    if found._helpers is None:
        found._helpers = set()
        for i, line in enumerate(lines):
            fn = function_def(line) if len(line) <= 2000 else None
            if fn is None:
                continue
            name = next((g for g in fn.groups() if g), "")
            params = parameters(lines, i, fn.end()) - {str(n) for n in range(1, 10)}
            body = lines[i : i + HELPER_BODY_LINES]
            if name and params and any(ENV.search(b) for b in body) and _returns(body, params):
                found._helpers.add(name)
    return found._helpers


def _returns(body: list[str], params: set[str]) -> bool:
    """Whether a function returns one of its parameters (`return fallback`, `?? d`, `or default`),
    on its definition's line (`(k, d) => process.env[k] || d`) or in its body."""
    head = body[0].split("=>", 1)[1] if "=>" in body[0] else body[0].split(":", 1)[-1]
    for n, text in enumerate([head, *body[1:]]):
        if n and function_def(text) is not None:
            return False
        for m in RETURNS.finditer(text):
            words = set(re.findall(r"\w+", m.group("rest") or m.group("alt") or ""))
            if words & params:
                return True
    return False


def named_sites(lines: list[str], bases: Bases, found: PathNames) -> None:
    """The places where a path name is joined to a base or given to a wrapper or a client, as
    sites of the path it holds (`bases.named`, by line)."""
    if found.reached:
        _reached_sites(bases, found)
    if not found.bindings and not found.entries and not found.loops and not found.rows.by_key:
        return
    for i, line in enumerate(lines):
        if len(line) > 2000 or not _names_a_path(line, found):
            continue
        for site in _sites_on(i, line, bases, found):
            bases.named.setdefault(site.line, []).append(site)
            # an object of paths read as one (`request(ENDPOINTS.talk, body)`) is no body
            owner = re.split(r"\.|::|->|\[|\?", site.text)[0].lstrip("$")
            if owner in found.tables:
                bases.path_tables.add(owner)


def _sites_on(i: int, line: str, bases: Bases, found: PathNames) -> Iterator[Site]:
    keyed: list[tuple[int, int]] = []
    if found.rows.by_key:
        yield from _keyed_sites(i, line, bases, found, keyed)
    for pattern in NAME_JOINS:
        for m in pattern.finditer(line):
            if any(a <= m.start("p") < b for a, b in keyed):
                continue  # (a row's key read: see _keyed_sites)
            held = found.held(m.group("p"), i, bases)
            bound, base = bases.lookup(m.group("b"), i)
            if (bound and base is None) or bases.local(m.group("b")):
                continue
            table = _picked_table(line, m, found, i) if held is None else ""
            if table and base is not None:  # BASE + STATUS_PATHS[kind], `${BASE}${path}`
                bases.path_tables.add(table)
                yield from _entries(found, table, base)
            if held is None:
                continue
            mid = (m.groupdict().get("mid") or "").strip("/")
            if base is not None and mid:
                base = Base(base.host, base.prefix.rstrip("/") + "/" + mid, base.file, base.line)
            yield from _used(found, i, line, m, held, base)
    for m in LITERAL_JOIN.finditer(line) if "akool." in line else ():
        held = found.held(m.group("p"), i, bases)
        base = literal_base(m.group("url"), bases)
        if held is not None and base is not None:
            yield from _used(found, i, line, m, held, base)
    for m in NAME_ARGUMENT.finditer(line):
        if any(a <= m.start("p") < b for a, b in keyed):
            continue
        base = _argument_base(line, m, i, bases)
        held = found.held(m.group("p"), i, bases) if base is not None else None
        if held is not None:
            yield from _used(found, i, line, m, held, base)
        elif base is not None and (m.group("p") in found.picks or m.group("p") in found.loops):
            table = found.picks.get(m.group("p")) or looped(found, m.group("p"), i)
            if table:
                bases.path_tables.add(table)  # (no request body of the call)
                yield from _entries(found, table, base)
    if found.entries and ("[" in line or "${" in line or "{" in line):
        yield from _table_member_arguments(i, line, bases, found, keyed)
    for m in TABLE_ARGUMENT.finditer(line) if found.entries else ():
        if any(a <= m.start("t") < b for a, b in keyed):
            continue
        base = _argument_base(line, m, i, bases) if m.group("t") in found.entries else None
        if base is not None:
            bases.path_tables.add(m.group("t"))
            yield from _entries(found, m.group("t"), base)
    if bases.helpers and "(" in line and bases.later_helpers():
        yield from _later_names(i, line, bases, found)
    shell = SHELL_NAME_CALL.match(line) if bases.helpers else None
    if shell is not None and shell.group("fn") in bases.helpers:
        held = found.held(shell.group("p"), i, bases)
        base = bases.helpers[shell.group("fn")]
        if held is not None and base is not None:
            yield _site(i, line, shell.start("p"), shell.group("p"), held, base)


# A table's entry read by a literal key as a call's first argument (`client.post(ENDPOINTS[
# "talk"], ...)`), or a template or an f-string of a table's member going on with a segment
# (`api.get(`${endpoints.status}/${id}`)`, f"{ENDPOINTS['status']}/{i}").
KEYED_ARGUMENT = rx.compile(
    CALL_HEAD + r"(?P<p>(?P<t>[A-Za-z_]\w*)\[\s*[\"'](?P<k>[A-Za-z_][\w-]*)[\"']\s*\])\s*[,)]"
)
MEMBER_TEMPLATE = rx.compile(
    CALL_HEAD + r"(?:`\$\{|[fF][\"']\{)(?P<p>(?P<t>[A-Za-z_]\w*)(?:\.(?P<m>[A-Za-z_]\w*)"
    r"|\[\s*[\"'](?P<k>[A-Za-z_][\w-]*)[\"']\s*\]))\}(?=/)"
)


def _table_member_arguments(
    i: int, line: str, bases: Bases, found: PathNames, keyed: list[tuple[int, int]]
) -> Iterator[Site]:
    """The entries of a table of paths a call's first argument reads by a literal key or member
    (KEYED_ARGUMENT, MEMBER_TEMPLATE), given to a client or a wrapper: the entry's path at its
    line (the fix goes there), the call carrying the request. `keyed`: the spans taken."""
    for pattern in (KEYED_ARGUMENT, MEMBER_TEMPLATE):
        for m in pattern.finditer(line):
            entries = found.entries.get(m.group("t"), ())
            key = m.group("k") or m.groupdict().get("m") or ""
            held = found.held(key, i, bases) if entries else None
            if held is None or held not in entries:
                continue
            base = _argument_base(line, m, i, bases)
            if base is None:
                continue
            keyed.append(m.span("p"))
            yield from _used(found, i, line, m, held, base)


def _reached_sites(bases: Bases, found: PathNames) -> None:
    """The rows of this file's maps that another file reads by key and gives to a wrapper (see
    PathNames.reached), each a place of a call where it is written."""
    for key, ref, base in found.reached:
        if not found.rows.several(key):
            continue
        for held in found.rows.read(ref, key, {}):
            start = found.lines[held.line].find(held.text) if not held.absolute else -1
            if start >= 0:
                site = _site(held.line, found.lines[held.line], start, held.text, held, base)
                bases.named.setdefault(held.line, []).append(replace(site, named=False))


def _later_names(i: int, line: str, bases: Bases, found: PathNames) -> Iterator[Site]:
    """Path names given to a wrapper after its first path argument, at the positions it sends
    as a path (`createJob(PRIMARY, body, FALLBACK)`: see Base.positions)."""
    for helper, span in bases.later_arguments(line):
        name = LATER_NAME.fullmatch(line, *span)
        held = found.held(name.group("p"), i, bases) if name is not None else None
        if name is not None and held is not None:
            yield from _used(found, i, line, name, held, helper)


LATER_NAME = rx.compile(NAME)


def _keyed_sites(
    i: int, line: str, bases: Bases, found: PathNames, keyed: list[tuple[int, int]]
) -> Iterator[Site]:
    """The rows a read of a key may stand for (`akoolGet(config.getPath)` with `config =
    STATUS_PATHS[kind]`), given to a wrapper or a client or joined to a base: each a place where
    its path is written (the fix edits it there); a read that names one row is also a place of
    that row's call (its request is read there). `keyed`: the spans of the reads handled."""
    for m, key in keyedpaths.reads(line):
        if any(a <= m.start("ref") < b for a, b in keyed):
            continue
        if not found.rows.several(key) and not _whole_chain(found, m.group("ref"), key):
            continue
        if m.re is keyedpaths.BARE and not _bare_row(found, bases, key, i):
            continue  # (a name of its own, bound to one path, or a parameter given no row)
        if m.re is not keyedpaths.JOIN:
            base = _argument_base(line, m, i, bases)
        else:
            _, base = bases.lookup(m.group("b") or m.group("c"), i)
            base = None if bases.local(m.group("b") or m.group("c")) else base
        if base is None:
            continue
        keyed.append(m.span("ref"))
        rows = found.rows.read(m.group("ref"), key, found.picks)
        for held in rows:
            start = found.lines[held.line].find(held.text) if not held.absolute else -1
            if start >= 0:
                site = _site(held.line, found.lines[held.line], start, held.text, held, base)
                yield replace(site, named=False)
        if len(rows) == 1:
            yield replace(_site(i, line, m.start("ref"), m.group("ref"), rows[0], base), echo=True)
        else:
            bases.path_tables.add(re.split(r"\W", m.group("ref").lstrip("$"))[0])


def _whole_chain(found: PathNames, ref: str, key: str) -> bool:
    """Whether a read of a key only one row has names every map around it and is no name the
    path names are followed by as such (`cfg.paths.status`; `AKOOL.PATHS.TALK` is NAME's, read
    where it is used)."""
    return found.rows.named_whole(ref, key) and LATER_NAME.fullmatch(ref) is None


def _bare_row(found: PathNames, bases: Bases, key: str, i: int) -> bool:
    """Whether a key's name given alone to a call (`akoolGet(getPath)`) stands for its rows: a
    name bound to nothing but them, not a parameter or a local of its function unless that
    one is fed a row (see keyedpaths.fed)."""
    if not _only_rows(found, key):
        return False
    if bases.scopes is None or not bases.scopes.parameter_at(key, i):
        return True
    maps = found.rows.maps | set(found.picks)
    return keyedpaths.fed(found.lines, key, i, maps)


def _only_rows(found: PathNames, name: str) -> bool:
    """Whether a name is bound to no path but the rows under that key (it is one destructured
    from a row: `const { getPath } = STATUS_PATHS[kind]`)."""
    rows = {id(r.value) for r in found.rows.by_key.get(name, ())}
    return all(id(held) in rows for _, held in found.bindings.get(name, ()))


def _used(
    found: PathNames, i: int, line: str, m: re.Match[str], held: Held, base: Base | None
) -> Iterator[Site]:
    """The place of a path name used in a call: there, or for an entry of a table read by its
    key (`STATUS_PATHS.swap`), at the entry's line (where the fix goes), the call then carrying
    only its request."""
    site = _site(i, line, m.start("p"), m.group("p"), held, base)
    owner = re.split(r"\.|::|->|\?|\[", m.group("p"))[0].lstrip("$")
    entries = found.entries.get(owner, ()) if owner != m.group("p") else ()
    if held in entries and base is not None and not held.absolute:
        start = found.lines[held.line].find(held.text)
        if start >= 0:
            yield replace(
                _site(held.line, found.lines[held.line], start, held.text, held, base), named=False
            )
            site = replace(site, echo=True)
    yield site


def _picked_table(line: str, m: re.Match[str], found: PathNames, i: int) -> str:
    """The table of paths whose entry a join reads: a name bound to a picked entry (`path =
    STATUS_PATHS[kind]`), a loop's variable over one (`for path in PATHS:`), or the table read
    right there (`STATUS_PATHS[kind]`, `.get(kind)`)."""
    ref = m.group("p")
    if ref in found.picks:
        return found.picks[ref]
    if ref in found.loops and looped(found, ref, i):
        return looped(found, ref, i)
    owner = ref.split(".")[0]
    after = line[m.end("p") : m.end("p") + 5]
    picked = (
        ref == owner and after.lstrip().startswith(("[", "?.[", ".get("))
    ) or ref == owner + ".get"
    return owner if owner in found.entries and picked else ""


# A call whose first argument is an entry of a table of paths: get(STATUS_PATHS[kind], ...)
TABLE_ARGUMENT = rx.compile(
    CALL_HEAD
    + r"(?:`\$\{|[fF][\"']\{)?(?:[A-Za-z_]\w*\.)*(?P<t>[A-Za-z_]\w*)\s*(?:\[|\?\.\[|\.get\()"
)


def _argument_base(line: str, m: re.Match[str], i: int, bases: Bases) -> Base | None:
    """The base of the wrapper, client or method a call's first argument is given to."""
    receiver = RECEIVER.search(line, max(0, m.start("fn") - 80), m.start("fn"))
    owner = name_of(receiver.group("r")) if receiver is not None else ""
    base = bases.method_of(line, m.start("fn"), m.group("fn"))
    return base or _callee_base(m.group("fn"), owner, i, bases)


def _entries(found: PathNames, table: str, base: Base) -> Iterator[Site]:
    """Each path of a table whose entry the code picks and gives to a call (`get(STATUS_PATHS[
    kind])`), as a place where it is written: any of them may be the one sent."""
    lines = found.lines
    for held in found.entries.get(table, ()):
        start = lines[held.line].find(held.text) if held.line >= 0 and not held.absolute else -1
        if start >= 0:  # (a /api/open/vN/... entry is judged where it is written anyway)
            site = _site(held.line, lines[held.line], start, held.text, held, base)
            yield replace(site, named=False)  # (the literal is here: the fix edits it)


def _callee_base(fn: str, receiver: str, line: int, bases: Bases) -> Base | None:
    """The base of the wrapper or the client a name is given to (an HTTP module's own verb,
    `requests.post(PATH)`, has none)."""
    if receiver in HTTP_MODULES:
        return None
    if fn in bases.helpers:
        base = bases.helpers[fn]
        unseen = base is not None and base.prefix == UNSEEN_PREFIX
        return None if unseen and receiver else base  # (cache.get(P) is no imported get)
    if (fn.lower() in HTTP_METHODS or ASYNC_METHOD.fullmatch(fn)) and bases.clients:
        return bases.client_at(line)
    return None


def _site(i: int, line: str, start: int, text: str, held: Held, base: Base | None) -> Site:
    unseen = base is not None and base.prefix == UNSEEN_PREFIX
    akool = unseen and base is not None and base.akool  # (the helper's name says AKOOL)
    via = base.via if unseen and base is not None else ""
    if unseen:  # a helper imported from a module not scanned: its base is not in view
        base = None
    end = start + len(text)
    # (f"{BASE}{DETAIL}/{id}", BASE + DETAIL + "/" + id: the name goes on with an id segment)
    continued = bool(EXTENDED.match(line, end)) or held.text.endswith("/")
    relative = held.text.split("?")[0].rstrip("/") or "/"
    if held.absolute or base is None:
        path = "/" + relative.lstrip("/") if held.absolute else relative
    else:
        path = base.prefix.rstrip("/") + "/" + relative.lstrip("/")
    host = base.host if base is not None else None
    joined = base is not None and not held.absolute
    if unseen and not held.absolute:
        path = "/" + relative.lstrip("/")
    return Site(
        i,
        start,
        end,
        text,
        path,
        host,
        base,
        joined,
        continued,
        named=True,
        echo=held.absolute,
        unseen=unseen,
        akool_helper=akool and not held.absolute,
        via=via,
    )
