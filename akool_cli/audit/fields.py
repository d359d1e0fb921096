"""The request a call sends and the answer a script reads from it: the object literals of a file
(JSON, dicts, JS objects, PHP arrays, Go maps, Kotlin mapOf, JSON in strings), which of them is
the body or the query of which call, the literal values a field can take (fallbacks, defaults,
ternaries, TypeScript unions included), and the fields read from the answer afterwards."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from operator import attrgetter
from typing import Any

from akool_cli.audit import (
    apart,
    brackets,
    builders,
    callconfigs,
    callers,
    commandcalls,
    curlargs,
    declared,
    directcalls,
    dtos,
    fallbacks,
    flurl,
    goqueries,
    handles,
    holders,
    interpolated,
    jsclients,
    mocks,
    netqueries,
    passthrough,
    phpclients,
    pyqueries,
    querybuilders,
    quotings,
    rx,
    tostrings,
    urlbuilders,
)
from akool_cli.audit.scopes import Scopes
from akool_cli.audit.sites import Spans

# A key: "k": / 'k': / \"k\": / k: (not in Python) / 'k' => / "k" to (Kotlin) / put("k", / ("k",
KEY = rx.compile(  # (its first character looked at first: most places start none of its forms)
    r"(?=[\\\"'A-Za-z_])(?:"
    r"(?P<q>\\?[\"'])(?P<name>[A-Za-z_][\w-]*)(?P=q)\s*(?::(?!:)|=>|\bto\b)"
    r"|(?:^|(?<=[{,\s(]))(?P<bare>[A-Za-z_]\w*)\??\s*:(?![:=/])"
    r"|(?:put|set|add|append|field|addFormDataPart)\(\s*(?P<q2>[\"'])(?P<name2>[A-Za-z_][\w-]*)(?P=q2)\s*,"
    r")"
)
TUPLE_KEY = re.compile(r"\(\s*\"(?P<tk>[A-Za-z_][\w-]*)\"\s*,")
# C#'s anonymous object `new { url = u, face_enhance = 1 }`: its members are the JSON keys.
CS_ANON_KEY = re.compile(r"(?<=[{,])\s*(?P<ak>[A-Za-z_]\w*)\s*=(?![=>])")
PY_KWARG = re.compile(r"(?<=[(,])\s*(?P<pk>[A-Za-z_]\w*)\s*=(?!=)")
CS_KEY = re.compile(r"[{\[]\s*(?P<q>\")(?P<cs>[A-Za-z_][\w-]*)\"\s*(?:,|\]\s*=(?!=))")
# Perl's hash `{ prompt => $p, size => "1:1" }`: a bare word before `=>` is a quoted key.
PERL_KEY = re.compile(r"(?<=[{,\s(])(?P<pl>[A-Za-z_]\w*)\s*=>")
# PowerShell's hashtable `@{ k = v; "k2" = v2 }` (entries apart by `;` or a line's end).
PS_KEY = re.compile(
    r"(?:(?<=[{;])|(?<=^))[ \t]*(?P<psq>[\"']?)(?P<ps>[A-Za-z_][\w-]*)(?P=psq)[ \t]*=(?![=>])", re.M
)
# HCL's (Terraform's) object `{ k = v, "k2" = v2 }`, its entries apart by `,` or a line's end.
HCL_KEY = re.compile(
    r"(?:(?<=[{,])|(?<=^))[ \t]*(?P<hq>\"?)(?P<hk>[A-Za-z_][\w-]*)(?P=hq)[ \t]*=(?![=>])", re.M
)
SHORT_KEY = re.compile(r"(?<=[{,])[ \t\n]*(?P<short>[A-Za-z_$][\w$]*)[ \t\n]*(?=[,}])")
CONTAINER_OPENERS = rx.compile(
    # (Kotlin's type arguments: `mapOf<String, Any>(`)
    r"(?:mapOf|hashMapOf|mutableMapOf|Map\.of|dict|(?<!\w)array|JSONObject\(mapOf)"
    r"(?:<[^<>()\n]*(?:<[^<>()\n]*>[^<>()\n]*)?>)?\($"
)
# The last two letters of CONTAINER_OPENERS' names (mapOf, Map.of, dict, array), or a type
# argument's `>`: a parenthesis after none of them opens no map (tried first: most are calls).
OPENER_ENDINGS = frozenset({"Of", "of", "ct", "ay"})
R_LIST = rx.compile(r"(?<![\w.])list\($")  # R's named list, `list(prompt = p, size = "1:1")`
TRANSPORT_KEYS = frozenset(
    {
        "method",
        "headers",
        "body",
        "data",
        "json",
        "params",
        "url",
        "timeout",
        "baseURL",
        "query",
        "redirect",
        "responseType",
        "auth",
        "files",
        "signal",
        "form",
        "searchParams",
        "qs",
    }
)
BODY_KEYS = ("body", "data", "json", "form")
# Keys that make an object a request's options, its body (if any) under body/data/json (axios'
# own per-request `{ baseURL }`, given after the body, is no body).
OPTION_MARKS = ("method", "headers", "baseURL")
QUERY_KEYS = ("params", "query", "searchParams", "qs")
# The label of a container that sends no fields (headers=, auth: ...), matched on the label read
# backwards: searched forwards, `(?:headers|...)\s*[=:]\s*$` tries every start of the label.
SKIPPED_LABELS_BACKWARDS = rx.compile(
    r"\s*[=:]\s*(?:"
    + "|".join(
        w[::-1]
        for w in ("headers", "header", "auth", "files", "cookies", "proxies", "timeout", "options")
    )
    + ")",
    re.I,
)
QUERY_LABELS = rx.compile(
    r"(?:params|query|searchParams|qs|queryParameters)\s*[=:]\s*$|\.query\(\s*&?\s*$|URLSearchParams\(\s*$"
)
FORM_FIELD = rx.compile(r"(?:-F|--form|--data-urlencode)\s+[\"']?(?P<name>[A-Za-z_]\w*)=")
QUERY_FIELD = rx.compile(r"[?&](?P<name>[A-Za-z_]\w*)(?:\[\])?=(?P<value>[^&\"'`\s#]*)")


@dataclass(slots=True)  # (no __dict__: ~300 bytes a key, a million keys in a 4 MB data literal)
class Key:
    name: str
    offset: int  # where the name starts in the text
    value_start: int
    value_end: int
    raw: bool = False  # a query or form value: its text is the value, unquoted
    # Held by a name that more than one place uses (a body or a constant shared by several
    # calls): a fix there would change the others too.
    shared: bool = False


class Container:
    """A {...}, [...] or map constructor's (...) of a text: where it starts and ends, its
    enclosing container's index (-1 for none), the keys directly inside, its children's indexes,
    a Go struct literal's field names, and its label (what precedes it: `json=`, `headers:`,
    `const body =` ...), cut from the text when first read (slots, no copy of the text per
    bracket: a 4 MB data literal holds a million of them)."""

    __slots__ = ("_label", "_text", "children", "end", "go_fields", "keys", "parent", "start")

    def __init__(self, start: int, end: int, parent: int, text: str = "") -> None:
        self.start, self.end, self.parent = start, end, parent
        self.keys: list[Key] | tuple[()] = ()  # (a list from the first key: see _add)
        # (made on the first append: most containers of a data literal have neither)
        self.children: list[int] | tuple[()] = ()
        self.go_fields: list[Key] | tuple[()] = ()
        self._text, self._label = text, "" if not text else None

    @property
    def label(self) -> str:
        if self._label is None:
            self._label = _label(self._text, self.start)
        return self._label


@dataclass(frozen=True)
class StructField:
    """A field of a Go struct type with its JSON name (`WebhookURL string `json:"webhook_url"``)."""

    go: str
    json: str
    offset: int  # where the JSON name starts, in the tag


@dataclass
class Text:
    """A file's text with line offsets, its containers and parentheses, and where each name is
    assigned, for the field rules (built once per file: every lookup is a bisection)."""

    text: str
    starts: list[int]
    containers: list[Container]
    python: bool
    language: str = ""  # "shell", "csharp", "go" where the field rules read them apart
    parens: list[tuple[int, int, int]] = field(default_factory=list)  # (start, end, parent)
    assigned: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # name: (at, rhs)
    defaults: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # f(x="a"), f(x=1)
    _container_starts: list[int] = field(default_factory=list)
    _paren_starts: list[int] = field(default_factory=list)
    _by_start: dict[int, int] = field(default_factory=dict)
    _commands: dict[int, bool] = field(default_factory=dict)
    _uses: dict[str, list[int]] | None = None
    _words: Counter[str] | None = None
    _semicolons: list[int] | None = None  # where each `;` is, in order (see statement_start)
    _keywords: dict[str, bool] = field(default_factory=dict)
    _defined: dict[str, bool] = field(default_factory=dict)
    _holds: dict[tuple[str, ...], bool] = field(default_factory=dict)  # (see holds)
    # Each call's request, read once however many paths it holds; and the URL assignments
    # whose uses have been followed (see _call_extents).
    _requests: dict[tuple[int, int], Request] = field(default_factory=dict)
    _calls: dict[int, tuple[int, int] | None] = field(default_factory=dict)  # see enclosing_call
    _extents: dict[int, list[tuple[int, int]]] = field(default_factory=dict)  # see requests_of
    _key_index: dict[int, tuple[dict[int, Key], list[int] | None]] = field(default_factory=dict)
    _key_maps: dict[int, dict[str, Key]] = field(default_factory=dict)  # (see key_map)
    # id(request): the text of the call that sends it (its first extent)
    _sent_at: dict[int, tuple[int, int]] = field(default_factory=dict)
    _field_passes: dict[str, list[int]] = field(default_factory=dict)  # (see field_uses)
    structs: dict[str, list[StructField]] = field(default_factory=dict)  # Go: type name: fields
    # Go: each variable's declarations (offset, type) and each struct type's first `type X struct`
    # match, found once per file (break21b M4: a scan of the file per decoded answer).
    go_declared: dict[str, list[tuple[int, str]]] | None = None
    go_structs: dict[str, re.Match[str]] | None = None
    _followed: set[int] = field(default_factory=set)
    _heredocs: dict[tuple[int, int], list[tuple[int, int]]] = field(default_factory=dict)
    # The method each path's request says, by the path's offset (methods.sent_method).
    sent_methods: dict[int, Any] = field(default_factory=dict)
    containers_named: dict[str, bool] = field(default_factory=dict)  # (methods._is_container)
    # Swift: the file's Codable structs whose labels are their JSON keys (no CodingKeys): an
    # initializer's arguments, `TalkRequest(talking_photo_url: u, resolution: "720")`, are a body.
    codable: frozenset[str] = frozenset()
    jquery: bool | None = None  # whether the file may call jQuery (`$.`, `jQuery.`)
    scopes: Scopes | None = None  # the file's functions, where each name is in effect
    path_tables: frozenset[str] = frozenset()  # objects of paths (`ENDPOINTS = {talk: "/x"}`)
    handle_hints: bool | None = None  # whether a body may be set on a handle (handles.py)
    ts_types: dict[str, tuple[int, int]] | None = None  # TypeScript's declared types (tstypes.py)
    ts_members: dict[str, dict[str, int]] = field(default_factory=dict)  # each type's members
    ts_typed: bool | None = None  # whether it gives an answer a type (tstypes.typed_answers)
    # each object literal's type, by its container's index (tstypes.literal_type: asked per key)
    ts_literal_types: dict[int, Any] = field(default_factory=dict)
    mock_libraries: frozenset[str] | None = None  # the mock libraries it imports (mocks.py)
    mock_callee: re.Pattern[str] | None = None  # what is written before a mock's arguments
    read_spans: dict[str, list[tuple[int, int]]] | None = None  # its shell `read`s (apart.py)
    builders: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # (builders.py)
    jq: list[tuple[int, int]] = field(default_factory=list)  # a shell script's jq object filters
    models: dict[str, dtos.Dto] | None = None  # its types read as answer models (dtos.py)
    dtos: dict[str, dtos.Dto] | None = None  # the request types it declares (dtos.py)
    typed_names: dict[str, list[tuple[int, str]]] | None = None  # names given them (dtos.py)
    # Go: each pointer to a struct made (`new(T)`, `&T{}`, `var out env[T]`): where, type, argument;
    # and whether a function decodes into its last parameter (answermodels.py)
    go_made: dict[str, list[tuple[int, str, str]]] | None = None
    go_fills: dict[str, bool] = field(default_factory=dict)
    functions: frozenset[str] | None = None  # the names of the functions it defines (builders.py)
    merges: bool | None = None  # whether it may merge an object into another (builders.merged)
    # A documentation file's text that is not code (Markdown's prose and fence lines), in order:
    # each code block between them is a script of its own (see read).
    walls: list[tuple[int, int]] = field(default_factory=list)
    source: str = ""  # the file's own text where `text` rewrites its quotes (see quotings.py)

    def line_text(self, line: int) -> str:
        end = self.starts[line + 1] - 1 if line + 1 < len(self.starts) else len(self.text)
        return self.text[self.starts[line] : end]

    def is_command(self, line: int) -> bool:
        """Whether a line is a shell command (curl ..., or any command line of a shell script);
        worked out once per line: a minified line can hold thousands of calls."""
        if line not in self._commands:
            text = self.line_text(line)
            self._commands[line] = bool(
                (_command_word(text) and SHELL_COMMAND.match(text))
                or (self.language == "shell" and SHELL_LINE.match(text))
            )
        return self._commands[line]

    def takes_keywords(self, name: str) -> bool:
        """Whether the file defines a Python function `name` that gathers **keyword arguments."""
        if name not in self._keywords:
            pattern = r"\bdef\s+" + re.escape(name) + r"\s*\([^)]*\*\*\w"
            self._keywords[name] = bool(re.search(pattern, self.text))
        return self._keywords[name]

    def defines(self, name: str) -> bool:
        """Whether the file defines a function or method `name` (worked out once per name)."""
        if name not in self._defined:
            verb = re.escape(name)
            pattern = (
                rf"(?:def|function|func\s*\([^)]*\)|fun|async)\s+{verb}\s*[(<]"
                rf"|^\s*(?:async\s+)?{verb}\s*\([^)]*\)\s*(?::[^{{\n]*)?\{{"
            )
            self._defined[name] = bool(re.search(pattern, self.text, re.M))
        return self._defined[name]

    def holds(self, *words: str) -> bool:
        """Whether the text holds any of the words, looked for once per file (each call of a file
        asks; a cache keyed by the text itself compared the whole text at each ask, since the
        file's original text is an equal string, not this one: 5,000 calls cost 0.1 s a check)."""
        held = self._holds.get(words)
        if held is None:
            held = self._holds[words] = any(word in self.text for word in words)
        return held

    def shared(self, name: str) -> bool:
        """Whether more than one place reads a name (besides where it is bound)."""
        if self._words is None:
            self._words = Counter(WORD.findall(self.text))
        return self._words[name] > 1

    def uses(self) -> dict[str, list[int]]:
        """Where each name is passed to a call or interpolated, in text order (built once)."""
        if self._uses is None:
            self._uses = {}
            for m in NAME_USE.finditer(self.text):
                self._uses.setdefault(m.group("n"), []).append(m.start("n"))
        return self._uses

    def statement_start(self, line: int, offset: int) -> int:
        """Where the statement holding an offset starts: after the last `;` before it on its line,
        or the line's start (found by bisection: a minified line holds thousands of paths)."""
        if self._semicolons is None:
            self._semicolons = [m.start() for m in SEMICOLON.finditer(self.text)]
        before = bisect.bisect_left(self._semicolons, offset) - 1
        if before >= 0 and self._semicolons[before] >= self.starts[line]:
            return self._semicolons[before] + 1
        return self.starts[line]

    def line_of(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def offset(self, line: int, column: int) -> int:
        return self.starts[line] + column

    def column(self, offset: int) -> int:
        return offset - self.starts[self.line_of(offset)]

    def container_at(self, start: int) -> int | None:
        return self._by_start.get(start)

    def key_map(self, index: int) -> dict[str, Key]:
        """A container's keys by name (the last of a repeated name), made once per container:
        each URL of a data file asks about the object around it, which may hold thousands."""
        held = self._key_maps.get(index)
        if held is None:
            held = self._key_maps[index] = {k.name: k for k in self.containers[index].keys}
        return held

    def innermost(self, offset: int) -> int:
        """The innermost container around an offset (-1: none)."""
        k = bisect.bisect_left(self._container_starts, offset) - 1
        while k >= 0 and not self.containers[k].end > offset:
            k = self.containers[k].parent
        return k

    def paren_around(self, offset: int) -> tuple[int, int] | None:
        k = bisect.bisect_left(self._paren_starts, offset) - 1
        while k >= 0 and not self.parens[k][1] > offset:
            k = self.parens[k][2]
        return (self.parens[k][0], self.parens[k][1]) if k >= 0 else None

    def inside(self, start: int, end: int) -> range:
        """Indexes of the containers that start within [start, end)."""
        return range(
            bisect.bisect_left(self._container_starts, start),
            bisect.bisect_left(self._container_starts, end),
        )

    def last_assignment(
        self, name: str, before: int, defaults: bool = False
    ) -> tuple[int, int] | None:
        spots = self.assigned.get(name, [])
        if defaults:
            spots = sorted(spots + self.defaults.get(name, []))
        k = bisect.bisect_left(spots, (before, 0)) - 1
        if k < 0 or before - spots[k][0] >= 20000 or spots[k][0] < self.block_start(before):
            return None  # (a name bound in another code block of a document is not this one's)
        return spots[k]

    def block_start(self, offset: int) -> int:
        """Where the code block holding an offset starts (0 in a code file)."""
        k = bisect.bisect_right(self.walls, (offset, len(self.text))) - 1
        return self.walls[k][1] if k >= 0 else 0


def read(
    lines: list[str],
    python: bool,
    language: str = "",
    comments: tuple[tuple[str, ...], bool] | None = None,
    prose: frozenset[int] = frozenset(),
) -> Text:
    """The text of a file's lines for the field rules; `comments`: its comment markers and whether
    it has /* */ blocks (source.COMMENTS), so that a comment inside a body is no key; `prose`: a
    document's lines that are not code (Markdown's sentences and fences), which hold no brackets,
    keys nor bindings, and which no bracket spans: each code block is read as a script of its
    own (a call left open in one never holds the next block's literal)."""
    source = "\n".join(lines)
    text = quotings.recoded(source, language)  # (`""k""` in a C# verbatim string: `\"k\"`)
    starts, n = [], 0
    for line in lines:
        starts.append(n)
        n += len(line) + 1
    doc = Text(text, starts or [0], [], python, language)
    doc.source = source if text is not source else ""
    doc.walls = _walls(starts, lines, prose)
    templates = language in ("js", "go")  # `...` strings (Markdown's ``` fences are none)
    if language == "swift" and "codable" in text.lower():
        doc.codable = _codable(text)
    _structure(doc, _comment_spans(text, comments, templates) if comments else Spans())
    if language == "js" and "..." in text:
        _lift_spread_branches(doc)
    if python and "{{" in text:
        _lift_doubled_braces(doc)
    for c in doc.containers:
        if c.label.endswith("Map.of") and text[c.start] == "(":
            c.keys = [*c.keys, *_pair_keys(text, c)]
    doc._container_starts = [c.start for c in doc.containers]
    doc._paren_starts = [p[0] for p in doc.parens]
    doc._by_start = {c.start: k for k, c in enumerate(doc.containers)}
    if language == "go":
        doc.structs = _go_structs(doc)
    for m in ASSIGNED.finditer(text):
        if doc.walls and doc.block_start(m.start()) > m.start():
            continue  # (in prose)
        name = m.group("n") or m.group("n2")
        before = text[max(0, m.start() - 40) : m.start()].rstrip(" \t")
        # a keyword argument or a parameter default holds a value, not a request body
        table = doc.defaults if before.endswith(("(", ",")) else doc.assigned
        if m.group("n") and AFTER_DEFAULT.search(before):
            table = doc.defaults  # f(p, opts=None, ratio="21:9"): `None, ratio=` binds ratio
        if language == "js" and before.endswith("{") and PATTERN_OPENS.search(before):
            table = doc.defaults  # ({ res = "720p" }) =>, const { res = "720p" } = opts
        if table is doc.defaults and m.group("n"):  # f(a, b, years=-31): years's, not a's
            name = re.findall(r"[A-Za-z_]\w*", m.group(0))[-1]
        elif table is doc.defaults:  # f(p: str, ratio="21:9"): ratio's, not p's
            name = _last_parameter(m.group(0)) or name
        table.setdefault(name, []).append((m.start(), m.end()))
    if language == "js" and ": {" in text:
        _typed_object_assignments(doc)
    return doc


def _last_parameter(binding: str) -> str | None:
    """The parameter a default is bound to where ASSIGNED's type took in the parameters before it
    (`prompt: string, ratio = "21:9"`: ratio; the type's own commas, `Dict[str, int]`, are inside
    brackets): the first name of the last part; None when there is one part."""
    depth, cut = 0, -1
    for i, ch in enumerate(binding):
        if ch in "<[":
            depth += 1
        elif ch in ">]":
            depth = max(0, depth - 1)
        elif ch == "," and depth == 0:
            cut = i
    first = re.match(r"\s*([A-Za-z_]\w*)", binding[cut + 1 :]) if cut >= 0 else None
    return first.group(1) if first else None


# TypeScript's `const body: { webhook_url: string } = {...}`: a name given an inline object type
# (which ASSIGNED's type does not take: braces), bound to the value after its `=`.
TYPED_OBJECT = rx.compile(
    r"(?<![\w$.])(?:const|let|var)\s+(?P<n>[A-Za-z_$][\w$]*)\s*:\s*\{[^{}=\n]*\}\s*=(?![=>])[ \t]*"
)


def _typed_object_assignments(doc: Text) -> None:
    """The bindings of names given an inline object type (see TYPED_OBJECT), in offset order."""
    for m in TYPED_OBJECT.finditer(doc.text):
        spots = doc.assigned.setdefault(m.group("n"), [])
        if (m.start(), m.end()) not in spots:
            spots.append((m.start(), m.end()))
            spots.sort()


def _walls(starts: list[int], lines: list[str], prose: frozenset[int]) -> list[tuple[int, int]]:
    """The spans of consecutive prose lines, as offsets (see read)."""
    walls: list[tuple[int, int]] = []
    for i in sorted(prose):
        if i >= len(lines):
            continue
        start, end = starts[i], starts[i] + len(lines[i]) + 1
        if walls and walls[-1][1] == start:
            walls[-1] = (walls[-1][0], end)
        else:
            walls.append((start, end))
    return walls


# A name where it is read: not a key or a binding ("k": v, k: v, k = v, k: str = v), not in quotes.
# (a letter first, and what precedes it looked at after it: sre then passes other characters at
# once; the same words as `(?<![\w"'])[A-Za-z_]\w*\b...`)
WORD = rx.compile(r"[A-Za-z_](?<![\w\"'][A-Za-z_])\w*\b(?!\s*(?::=|:(?!:)|=(?![=>])))")
BRACKETS = rx.compile(r"[{}\[\]()]")
# (a Swift dictionary's type, `let body: [String: Any] = [...]`, is a type too)
# (`(?=(?P<sp>[ \t]*))(?P=sp)`: the blanks after a name taken whole, never given back to the
# `[ \t]*` after them: a run of 20,000 spaces after `(d as` was split every way, 1.7 s; and a
# type's blanks are taken whole, the type ending at a character that is not one (or only blanks
# with a space: the type's own character): `x:` and 2,000 spaces took 10 s; perf22; a name is
# taken whole too, `(?=(?P<nw>\w*))(?P=nw)`: what follows it is never a word character, and a
# name given back a letter at a time was tried again at each, half of read's time; perf26b)
# A destructuring pattern opening just before a name (`function f({`, `({`, `const {`): its
# `name = value` is the default the name takes when the object has no such key.
# What precedes `None, ratio=` when that is the end of a default and the next parameter's binding
# (an `=` that is no comparison), not a tuple's.
AFTER_DEFAULT = rx.compile(r"(?<![=!<>])=$")
PATTERN_OPENS = rx.compile(r"(?:[(,]|\b(?:const|let|var))\s*\{$")
ASSIGNED = rx.compile(  # (a letter, not after a word character, first: most places are neither)
    r"(?=[A-Za-z_])(?<!\w)(?:(?<![.$])|(?<=\$)|(?<=self\.)|(?<=this\.))"
    r"(?:(?P<n>[A-Za-z_](?=(?P<nw>\w*))(?P=nw))"  # a, b := ...
    r"(?:[ \t]*,[ \t]*[A-Za-z_]\w*){1,6}[ \t]*(?::=|=(?![=>]))"
    r"|(?P<n2>[A-Za-z_](?=(?P<nw2>\w*))(?P=nw2))(?=(?P<sp>[ \t]*))(?P=sp)"
    r"(?::(?:(?=(?P<tl>[ \t]*))(?P=tl)(?:\[\w+:[ \t]*\w+\]|[\w<>\[\], .|?\"'])*?"
    r"(?:\[\w+:[ \t]*\w+\]|[\w<>\[\],.|?\"'])|\t*[ ]))?[ \t]*"
    r"(?::=|\?\?=|=(?![=>])))[ \t]*"
)


# A conditional spread's opening, up to an object of one of its branches: `...(x ? ` or, past the
# first branch's object, `...(x ? {...} : `.
SPREAD = rx.compile(r"\.\.\.\s*\(")


def _lift_spread_branches(doc: Text) -> None:
    """The keys of the objects in a conditional spread (`{ a, ...(x ? { b: x } : {}) }`) read as
    the enclosing object's own too: either branch's keys are ones the body may send."""
    text = doc.text
    for c in doc.containers:
        if c.parent < 0 or not c.keys or text[c.start] != "{":
            continue
        parent = doc.containers[c.parent]
        if text[parent.start] != "{":
            continue
        before = text[max(parent.start, c.start - 300) : c.start]
        opened = [m.end() for m in SPREAD.finditer(before)]
        if not opened or not re.search(r"[?:]\s*$", before):
            continue
        between = before[opened[-1] :]
        parens = between.count("(") - between.count(")")
        if parens != 0 or between.count("{") != between.count("}") or "," in _flat(between):
            continue
        known = {id(k) for k in parent.keys}
        parent.keys = sorted(
            [*parent.keys, *(k for k in c.keys if id(k) not in known)], key=lambda k: k.offset
        )


def _lift_doubled_braces(doc: Text) -> None:
    """A JSON object in a Python f-string, its braces doubled (`f'{{"k": "{v}"}}'`): the keys of
    the inner pair of braces are the outer's, the object the string sends."""
    text = doc.text
    for c in doc.containers:
        if c.keys or text[c.start : c.start + 2] != "{{" or len(c.children) != 1:
            continue
        inner = doc.containers[c.children[0]]
        if (
            inner.start == c.start + 1
            and inner.end + 1 == c.end
            and text[c.end - 2 : c.end] == "}}"
        ):
            c.keys = list(inner.keys)
            c.children = list(inner.children)


def _flat(text: str) -> str:
    """The text outside its brackets (`a ? {b, c} : ` -> `a ?  : `)."""
    depth, out = 0, []
    for ch in text:
        depth += 1 if ch in "{[(" else 0
        if depth == 0:
            out.append(ch)
        depth -= 1 if ch in "}])" else 0
    return "".join(out)


def _structure(doc: Text, remarks: Spans) -> None:
    """Every {...}, [...] and map-constructor (...) of the text with the keys directly inside,
    and every other pair of parentheses, in one pass. A comment inside an object literal (`//
    Optional: seed`, `# style: x`, `/* model: y */`) holds no keys nor brackets; one outside
    any (a commented-out call) is read like code."""
    events, keys = _events(doc)
    if not doc.walls and not remarks.spans:
        _plain_structure(doc, events, keys)
        return
    # Each open bracket: (its index: containers >= 0, parens as -2 - k, -1 for neither; the
    # innermost container and the innermost paren at its depth), so no lookup walks the stack.
    stack: list[Frame] = []
    commented: list[bool] = []  # whether each open bracket was opened in a comment
    wall = 0
    for event in events:
        at, kind = event >> 1, event & 1
        if doc.walls:
            wall = _past_walls(doc, stack, commented, wall, at)
            if wall < len(doc.walls) and doc.walls[wall][0] <= at:
                continue  # (prose: no code)
        opened = _opened(remarks, at) if remarks.spans else -1
        if opened < 0 and commented and commented[-1]:
            _drop_commented(doc, stack, commented, remarks, at)
        elif opened >= 0 and not (commented and commented[-1]) and _in_literal(doc, stack, opened):
            continue
        if kind == 1:
            _add_key(doc, stack, _take(keys, at))
            continue
        if doc.text[at] not in "{[(":
            if stack:
                _close(doc, stack.pop()[0], at + 1)
                commented.pop()
            continue
        commented.append(opened >= 0)
        _open(doc, stack, at)


def _plain_structure(doc: Text, events: Events, keys: KeyMatches) -> None:
    """_structure's pass over a text with no comment and no prose: every bracket and key is
    code (the same steps, without looking for the comment or the prose around each)."""
    stack: list[Frame] = []
    text = doc.text
    for event in events:
        at = event >> 1
        if event & 1:
            _add_key(doc, stack, _take(keys, at))
        elif text[at] in "{[(":
            _open(doc, stack, at)
        elif stack:
            _close(doc, stack.pop()[0], at + 1)


# The brackets and keys of a text in order, each a plain int (offset * 2, + 1 for a key: a
# tuple and a re.Match kept per bracket of a 4 MB data literal cost ~50 bytes a byte), with
# the match of each key by offset (a list where one offset holds several, in the order found:
# a list or a deque per key made a 4 MB data literal peak near 500 MB, break27a).
Events = list[int]
KeyMatches = dict[int, "re.Match[str] | list[re.Match[str]]"]


def _take(keys: KeyMatches, at: int) -> re.Match[str]:
    """The first match of a key at `at` not yet taken (see KeyMatches), let go of once taken
    (each match held to the end of the pass doubled a data literal's peak)."""
    found = keys[at]
    if not isinstance(found, list):
        del keys[at]
        return found
    first = found.pop(0)
    if not found:
        del keys[at]
    return first


def _found(keys: KeyMatches, at: int, m: re.Match[str]) -> None:
    held = keys.get(at)
    if held is None:
        keys[at] = m
    elif isinstance(held, list):
        held.append(m)
    else:
        keys[at] = [held, m]


def _events(doc: Text) -> tuple[Events, KeyMatches]:
    """The brackets (even) and the keys (odd) of the text, in order (see _structure)."""
    text = doc.text
    brackets = [m.start() * 2 for m in BRACKETS.finditer(text)]
    if doc.language == "shell":  # jq's '{k: $v}': its bare keys are the JSON's, not prose
        doc.jq = builders.jq_filters(text)
    prose = _Prose(doc)
    found: KeyMatches = {}
    for m in KEY.finditer(text):
        if not _bare_in(prose, m, "bare") and not _computed(text, m.start()):
            if m.start() in found:
                _found(found, m.start(), m)
            else:  # (most offsets hold one key: no call for it, 45,000 in bench's file)
                found[m.start()] = m
    for pattern, group in _key_patterns(doc):
        for m in pattern.finditer(text):
            if group != "short" or not _bare_in(prose, m, "short"):
                _found(found, m.start(group), m)
    brackets += [
        at * 2 + 1 for at, held in found.items() for _ in (held if isinstance(held, list) else (0,))
    ]
    brackets.sort()
    return brackets, found


def _key_patterns(doc: Text) -> list[tuple[re.Pattern[str], str | int]]:
    """The patterns of a language's other keys than KEY's, each with the group of its key."""
    text, language = doc.text, doc.language
    patterns: list[tuple[re.Pattern[str], str | int]] = []
    if language == "csharp":  # { "k", v } and ["k"] = v in a dictionary's initializer
        patterns += [(CS_KEY, "q"), (CS_ANON_KEY, "ak")]
    if (doc.python and "dict(" in text) or (language == "r" and "list(" in text):
        patterns.append((PY_KWARG, "pk"))  # dict(prompt=p, size="1:1"), R's list(prompt = p)
    if language in ("js", "csharp"):  # { text, voice_id: voice }, C#'s new { text, voice_id }
        patterns.append((SHORT_KEY, "short"))
    if language == "perl":
        patterns.append((PERL_KEY, "pl"))
    if language == "powershell" and "@{" in text:
        patterns.append((PS_KEY, "ps"))
    if language == "hcl":
        patterns.append((HCL_KEY, "hk"))
    if language == "rust":  # &[("k", v), ...]: a tuple in a slice is a key and its value
        patterns.append((TUPLE_KEY, 0))
    return patterns


# What ends the text just before the last piece of a key built by an expression.
JOINED_BEFORE = rx.compile(r"(?:[%+]|[\"'] ?\.)[ \t]?$")


def _computed(text: str, at: int) -> bool:
    """Whether a quoted key is the last piece of a key built by an expression (`"%s_url" % "video":`,
    `"webhook" + "Url":`, PHP's `"webhook" . "Url" =>`): no literal key, judged by nothing."""
    tail = text[max(0, at - 2) : at]  # (JOINED_BEFORE's operator is one of its last two)
    if "%" not in tail and "+" not in tail and "." not in tail:
        return False  # (most keys: 45,000 in bench's file, each searched before)
    return JOINED_BEFORE.search(text, max(0, at - 5), at) is not None


def _open(doc: Text, stack: list[Frame], at: int) -> None:
    """An open bracket: a container ({...}, [...], a map constructor's (...)), an
    interpolation's brace, or another pair of parentheses, pushed on the stack."""
    text = doc.text
    c = text[at]
    container, paren = (stack[-1][1], stack[-1][2]) if stack else (-1, -1)
    if c == "{" and text[at - 1 : at] in ("$", "#"):
        stack.append((-1, container, paren))  # ${x}, #{x}: an interpolation, not an object
    elif (
        c != "("
        or (
            (text[at - 2 : at] in OPENER_ENDINGS or text[at - 1 : at] == ">")
            and CONTAINER_OPENERS.search(text[max(0, at - 40) : at + 1])
        )
        or (doc.codable and _initializes(doc, at))
        or (doc.language == "ruby" and _ruby_hash_call(text, at))
        or (doc.language == "r" and R_LIST.search(text, max(0, at - 8), at + 1))
    ):
        doc.containers.append(Container(at, len(text), container, text))
        index = len(doc.containers) - 1
        if container >= 0:
            _append_child(doc.containers[container], index)
        stack.append((index, index, paren))
    else:
        doc.parens.append((at, len(text), paren))
        stack.append((-2 - (len(doc.parens) - 1), container, len(doc.parens) - 1))


def _add(c: Container, key: Key) -> None:
    if isinstance(c.keys, list):
        c.keys.append(key)
    else:
        c.keys = [key]


def _append_child(c: Container, index: int) -> None:
    if isinstance(c.children, list):
        c.children.append(index)
    else:
        c.children = [index]


Frame = tuple[int, int, int]
# Ruby's hash given as a serializer's arguments without its braces: `JSON.generate(prompt: p,
# scale: "1:1")`, `JSON.dump("prompt" => p)` (the parentheses hold its keys).
RUBY_HASH_CALL = rx.compile(r"\bJSON\.(?:generate|dump|pretty_generate)\s*$")
RUBY_HASH_ARGS = rx.compile(r"\(\s*(?:[A-Za-z_]\w*:[\s,)]|[\"'][A-Za-z_]\w*[\"']\s*(?:=>|:\s))")


def _ruby_hash_call(text: str, paren: int) -> bool:
    return bool(RUBY_HASH_ARGS.match(text, paren)) and bool(
        RUBY_HASH_CALL.search(text, max(0, paren - 30), paren)
    )


def _outside(spans: list[tuple[int, int]], holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of the spans outside the holes (a shell string may run across a jq filter)."""
    found = []
    for a, b in spans if holes else ():
        for ha, hb in holes:
            if ha < b and a < hb:
                if a < ha:
                    found.append((a, ha))
                a = max(a, hb)
        if a < b:
            found.append((a, b))
    return found if holes else spans


CODABLE = rx.compile(r"\bstruct\s+(?P<n>[A-Z]\w*)\s*:[^{]*\b(?:Codable|Encodable)\b[^{]*\{")
CODING_KEYS = rx.compile(r"\benum\s+CodingKeys\b")
TYPE_BEFORE = rx.compile(r"(?<![\w.])(?P<n>[A-Z]\w*)\s*$")


def _codable(text: str) -> frozenset[str]:
    """The Codable structs of a Swift file that name no CodingKeys of their own (up to the next
    struct: their labels are their JSON keys)."""
    found = list(CODABLE.finditer(text))
    names = []
    for k, m in enumerate(found):
        end = found[k + 1].start() if k + 1 < len(found) else len(text)
        if not CODING_KEYS.search(text, m.end(), end):
            names.append(m.group("n"))
    return frozenset(names)


def _initializes(doc: Text, paren: int) -> bool:
    """Whether the `(` at `paren` opens the initializer of one of the file's Codable structs."""
    m = TYPE_BEFORE.search(doc.text, max(0, paren - 60), paren)
    return m is not None and m.group("n") in doc.codable


def codable_owner(doc: Text, offset: int) -> str | None:
    """The Codable struct whose initializer holds the key at `offset` (see _initializes)."""
    index = doc.innermost(offset)
    if index < 0 or doc.text[doc.containers[index].start] != "(":
        return None
    m = TYPE_BEFORE.search(
        doc.text, max(0, doc.containers[index].start - 60), doc.containers[index].start
    )
    return m.group("n") if m is not None and m.group("n") in doc.codable else None


def _past_walls(doc: Text, stack: list[Frame], commented: list[bool], wall: int, at: int) -> int:
    """The first wall that does not end before `at`; every bracket open when a wall starts is
    closed there (a code block's brackets end with it)."""
    while wall < len(doc.walls) and doc.walls[wall][0] <= at:
        while stack:
            _close(doc, stack.pop()[0], doc.walls[wall][0])
            commented.pop()
        if at < doc.walls[wall][1]:
            break
        wall += 1
    return wall


def _drop_commented(
    doc: Text, stack: list[Frame], commented: list[bool], remarks: Spans, at: int
) -> None:
    """Close the brackets a commented-out block opened and left open, at the end of the last
    comment before the code at `at`: each commented call is read on its own, as if uncommented,
    and none of it (a `method: "POST"`) runs on into the code or the next commented call."""
    k = bisect.bisect_right(remarks.starts, at) - 1
    end = remarks.spans[k][1] if k >= 0 else at
    while commented and commented[-1]:
        _close(doc, stack.pop()[0], end)
        commented.pop()


# Comments, found with the string literals around them so that a `#` or `//` in a string is none.
COMMENT_PARTS = {
    "#": r"(?<![^\s;,\[])#[^\n]*",
    "//": r"(?<!:)//[^\n]*",
    "/*": r"/\*[\s\S]*?(?:\*/|$)",
}


def _comment_spans(text: str, style: tuple[tuple[str, ...], bool], templates: bool) -> Spans:
    """Where the text's comments are (outside its string literals)."""
    markers, blocks = style
    parts = [COMMENT_PARTS[m] for m in (*markers, *(("/*",) if blocks else ())) if m in text]
    if not parts:
        return Spans()
    strings = f"{TEMPLATE.pattern}|{STRING.pattern}" if templates else STRING.pattern
    pattern = re.compile(rf"{strings}|(?P<c>{'|'.join(parts)})")
    found = pattern.finditer(_unopened(text, templates))
    return Spans(m.span("c") for m in found if m.group("c") is not None)


def _opened(remarks: Spans, at: int) -> int:
    """Where the comment around an offset starts (-1: the offset is in none)."""
    k = bisect.bisect_right(remarks.starts, at) - 1
    return remarks.starts[k] if k >= 0 and remarks.spans[k][1] > at else -1


def _in_literal(doc: Text, stack: list[Frame], comment: int) -> bool:
    """Whether a comment starting at `comment` lies inside an object or list literal opened
    before it (not a block of code; not a literal the comment itself opened)."""
    if comment < 0 or not stack or stack[-1][0] < 0:
        return False
    c = doc.containers[stack[-1][0]]
    return c.start < comment and (doc.text[c.start] != "{" or not BLOCK_OPENER.search(c.label))


# A string literal on one line ("...", '...'), or a template literal (`...`, JavaScript's, over any
# number of lines): words in it (a prompt's "Answer with: ...") are never a body's bare keys.
STRING = rx.compile(r"\"[^\"\\\n]*(?:\\.[^\"\\\n]*)*\"|'[^'\\\n]*(?:\\.[^'\\\n]*)*'")
TEMPLATE = rx.compile(r"`[^`\\]*(?:\\.[^`\\]*)*`")
# One kind of quote's literal, closed or not: an unclosed one runs to where its scan stops.
OPEN_LITERALS = {
    q: rx.compile(rf"{q}[^{q}\\{nl}]*(?:\\.[^{q}\\{nl}]*)*(?P<closed>{q})?")
    for q, nl in (('"', "\\n"), ("'", "\\n"), ("`", ""))
}


def _unopened(text: str, templates: bool) -> str:
    """The text with every quote that opens no literal (its scan meets the line's end, or the
    text's for a template, before a closing quote) blanked to NUL, offsets kept. Such a quote
    and every same quote its scan passes (escaped ones: each scan from them stops at the same
    place) open nothing, so the string searches above match the same literals without trying
    each of them again: an unclosed `"ab\\"c ab\\"c ...` line is read once, not once a quote."""
    for q, pattern in OPEN_LITERALS.items():
        if q in text and (q != "`" or templates):
            zones = [m.span() for m in pattern.finditer(text) if m.group("closed") is None]
            text = _blanked(text, q, zones) if zones else text
    return text


def _blanked(text: str, quote: str, zones: list[tuple[int, int]]) -> str:
    """The text with a quote blanked to NUL in each of the (ordered, disjoint) zones."""
    pieces, at = [], 0
    for start, end in zones:
        pieces += [text[at:start], text[start:end].replace(quote, "\0")]
        at = end
    return "".join([*pieces, text[at:]])


INTERPOLATED = rx.compile(r"\$\{[^{}`]*(?:\{[^{}`]*\}[^{}`]*)*\}")


def _string_spans(text: str, templates: bool) -> Spans:
    """The spans of the text's string literals, without the code of a template's ${...}."""
    if "'" not in text and '"' not in text and not templates:
        return Spans()
    if not templates:  # (no template literal, no ${...} holes: one span per literal)
        found = ((m.start() + 1, m.end() - 1) for m in STRING.finditer(_unopened(text, False)))
        return Spans(s for s in found if s[1] > s[0])
    spans: list[tuple[int, int]] = []
    pattern = re.compile(f"{TEMPLATE.pattern}|{STRING.pattern}")
    for m in pattern.finditer(_unopened(text, True)):
        start = m.start() + 1
        for hole in (
            INTERPOLATED.finditer(text, start, m.end() - 1) if text[m.start()] == "`" else ()
        ):
            spans.append((start, hole.start()))
            start = hole.end()
        spans.append((start, m.end() - 1))
    return Spans(s for s in spans if s[1] > s[0])


def _bare_in(prose: _Prose, m: re.Match[str], group: str) -> bool:
    """Whether a match's unquoted key lies inside a string literal."""
    return m.group(group) is not None and prose.holds(m.start(group))


class _Prose:
    """The spans of a text's string literals (_string_spans; a shell script's jq filters are
    code), read when a key without quotes is first met: most files' keys are quoted."""

    def __init__(self, doc: Text) -> None:
        self.doc = doc
        self.spans: Spans | None = None

    def holds(self, at: int) -> bool:
        if self.spans is None:
            found = _string_spans(self.doc.text, self.doc.language == "js")
            self.spans = Spans(_outside(found.spans, self.doc.jq)) if self.doc.jq else found
        return self.spans.holds(at)


def _close(doc: Text, index: int, end: int) -> None:
    if index >= 0:
        doc.containers[index].end = end
    elif index <= -2:
        k = -2 - index
        doc.parens[k] = (doc.parens[k][0], end, doc.parens[k][2])


def _anonymous(doc: Text, c: Container) -> bool:
    """Whether a C# container is an anonymous object, `new { ... }` (`new` may end the line
    before)."""
    return re.search(r"\bnew\s*$", doc.text[max(0, c.start - 40) : c.start]) is not None


def _add_key(doc: Text, stack: list[Frame], m: re.Match[str]) -> None:
    if m.re is TUPLE_KEY:  # the tuple's parenthesis is open: its slice is the frame below
        slice_ = stack[-2][0] if len(stack) > 1 and stack[-1][0] <= -2 else -1
        if slice_ >= 0 and doc.text[doc.containers[slice_].start] == "[":
            key = Key(m.group("tk"), m.start("tk"), m.end(), -1)
            _add(doc.containers[slice_], key)
        return
    owner = stack[-1][1] if stack else -1
    if owner < 0 or stack[-1][0] != owner:
        return  # not directly inside the container: in a call's parentheses within it
    if m.re is SHORT_KEY:  # (C#'s only in `new { ... }`: `new[] { a, b }` holds no keys)
        c = doc.containers[owner]
        if doc.text[c.start] == "{" and (doc.language != "csharp" or _anonymous(doc, c)):
            _add(c, Key(m.group("short"), m.start("short"), m.end(), -1))
        return
    if m.re is CS_ANON_KEY:  # only in `new { ... }`: `new T { X = x }` sets a C# property
        c = doc.containers[owner]
        if doc.text[c.start] == "{" and _anonymous(doc, c):
            _add(c, Key(m.group("ak"), m.start("ak"), m.end(), -1))
        return
    if m.re is PY_KWARG:  # only in dict(...): another call's keywords are its own
        c = doc.containers[owner]
        if doc.text[c.start] == "(" and re.search(
            r"(?<![\w.])(?:dict|list)\s*$", doc.text[max(0, c.start - 10) : c.start]
        ):
            _add(c, Key(m.group("pk"), m.start("pk"), m.end(), -1))
        return
    if m.re is PS_KEY:  # only in a hashtable, `@{ ... }`
        c = doc.containers[owner]
        if doc.text[c.start - 1 : c.start + 1] == "@{":
            _add(c, Key(m.group("ps"), m.start("ps"), m.end(), -1))
        return
    if m.re is PERL_KEY:
        _add(doc.containers[owner], Key(m.group("pl"), m.start("pl"), m.end(), -1))
        return
    if m.re is HCL_KEY:  # (an object's or a block's: both are `{ ... }`)
        if doc.text[doc.containers[owner].start] == "{":
            _add(doc.containers[owner], Key(m.group("hk"), m.start("hk"), m.end(), -1))
        return
    if m.re is CS_KEY:  # the key of the dictionary around the pair
        parent = doc.containers[owner].parent
        if parent >= 0:
            _add(doc.containers[parent], Key(m.group("cs"), m.start("cs"), m.end(), -1))
        return
    name = m.group("name") or m.group("bare") or m.group("name2")
    if m.group("bare") and doc.language == "go":  # a struct's field names, not JSON's
        key = Key(m.group("bare"), m.start("bare"), m.end(), -1)
        owner_ = doc.containers[owner]
        owner_.go_fields = [*owner_.go_fields, key]  # (a struct literal's few fields)
        return
    if m.group("bare") and doc.python:
        return  # Python has no bare keys
    start = (
        m.start("name")
        if m.group("name")
        else m.start("bare")
        if m.group("bare")
        else m.start("name2")
    )
    _add(doc.containers[owner], Key(name, start, m.end(), -1))


def _pair_keys(text: str, c: Container) -> list[Key]:
    """Java's Map.of("k1", v1, "k2", v2): every other argument is a key, the one after its value."""
    args = split_top(text, c.start + 1, c.end - 1)
    keys = []
    for (a, b), (va, vb) in zip(args[::2], args[1::2], strict=False):
        name = re.fullmatch(r"\s*\"([A-Za-z_][\w-]*)\"\s*", text[a:b])
        if name is not None:
            keys.append(Key(name.group(1), a + name.start(1), va, vb))
    return keys


def split_top(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of text[start:end] between its commas outside brackets and string literals (an
    escaped character, \\" in JSON held in a string, is no quote)."""
    parts, depth, quote, first, i = [], 0, "", start, start - 1
    while i + 1 < end:
        i += 1
        ch = text[i]
        if ch == "\\":
            i += 1
        elif quote:
            quote = "" if ch == quote else quote
        elif ch in "\"'`":
            quote = ch
        elif ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append((first, i))
            first = i + 1
    parts.append((first, end))
    return parts


def _label(text: str, start: int) -> str:
    """What precedes a container on its line, 60 characters at most (found without scanning back
    to the line's start: a minified line is one long line)."""
    line_start = text.rfind("\n", max(0, start - 60), start) + 1
    return text[max(line_start, start - 60) : start].rstrip()


def value_end(doc: Text, key: Key, owner: Container) -> int:
    """Where a key's value ends: the next comma or newline at the same depth, or the container end
    (a string's own commas and brackets skipped: `"language": "es,fr"` is one value)."""
    if key.value_end >= 0:
        return key.value_end
    text, depth, i, limit = doc.text, 0, key.value_start, owner.end
    while i < limit:
        c = text[i]
        if c in "\"'`":
            i = max(i, _string_close(text, i, limit))
        elif c in "{[(":
            depth += 1
        elif c in "}])":
            if depth == 0:
                break
            depth -= 1
        elif (c == "," or c == "\n" or c == ";") and depth == 0:
            break
        i += 1
    key.value_end = i
    return i


def _string_close(text: str, at: int, limit: int) -> int:
    """The quote that closes the string opened at `at` on its line (an escaped opening quote, JSON
    inside a string, closes at the next escaped one), or -1."""
    quote, line_end = text[at], text.find("\n", at, limit)
    stop = limit if line_end < 0 else line_end
    if at > 0 and text[at - 1] == "\\":
        close = text.find("\\" + quote, at + 1, stop)
        return close + 1 if close >= 0 else -1
    close = text.find(quote, at + 1, stop)
    while close > 0 and text[close - 1] == "\\":
        close = text.find(quote, close + 1, stop)
    return close


# -- which container a call sends -------------------------------------------------------------------


@dataclass(frozen=True)
class Request:
    body: tuple[Key, ...]
    query: tuple[Key, ...]


def requests_of(doc: Text, line: int, column: int) -> list[Request]:
    """The requests of the call naming a path at (line, column), each with the fields it sends:
    the containers in its argument list (or, for a URL assigned to a name, in every call that
    passes the name), followed through variables and option objects, plus -F form fields and
    ?query parameters."""
    offset = doc.offset(line, column)
    extents = doc._extents.get(offset)
    if extents is None:
        # (several rules ask of each path; a held URL's uses are followed once per assignment,
        # by its first path (see _call_extents), and that path's rules all ask again)
        extents = doc._extents[offset] = _request_extents(doc, offset)
    return [_request_in(doc, start, end) for start, end in extents]


def _request_extents(doc: Text, offset: int) -> list[tuple[int, int]]:
    """The text of each request the path at `offset` belongs to (see requests_of)."""
    call = enclosing_call(doc, offset)
    if call is not None and mocks.mocked(doc, call[0]):
        # a mock's arguments and the links after it (`.mock(...)`) are no request, but the body
        # it matches is what the code under test sends
        return mocks.matched_bodies(doc, call)
    extents = [e for e in _call_extents(doc, offset) if not mocks.mocked(doc, e[0])]
    if not extents:  # conn.post do |req| req.url "/api/..."; $opts = [CURLOPT_URL => ...]
        extents = apart.in_block(doc, offset) or apart.options_array(doc, offset)
        extents = extents or apart.splatted(doc, offset)  # (PowerShell's `Invoke-RestMethod @p`)
    if not extents:
        found = _request_object(doc, offset)
        extents = [found, *_handles_given(doc, found)] if found is not None else []
    return extents


def _request_in(doc: Text, start: int, end: int) -> Request:
    """The request sent by the text [start, end), read once per call (the same object for every
    path the call holds, so the field rules can tell it was seen)."""
    found = doc._requests.get((start, end))
    if found is None:
        found = doc._requests[(start, end)] = _read_request(doc, start, end)
        doc._sent_at.setdefault(id(found), (start, end))
    return found


def _read_request(doc: Text, start: int, end: int) -> Request:
    body, query = _request_keys(doc, start, end)
    segment = doc.text[start:end]
    if body and _data_is_query(
        doc, start, segment
    ):  # $.getJSON(url, { k: v }), AF.request(url, ...)
        query += body
        body = []
    query += _query_only_keys(doc, start, end)
    return Request(_unique(_body_as_sent(doc, start, body)), _unique(query))


def _request_keys(doc: Text, start: int, end: int) -> tuple[list[Key], list[Key]]:
    """The body's and the query's keys a request's own text (start to end) and what it names give."""
    body: list[Key] = []
    query: list[Key] = []
    headers = handles.headers_only(doc, start)  # (Net::HTTP::Post.new(uri, {...}): its headers)
    config = _config_argument(doc, start)  # (axios' `{ timeout }`: sends its data/params only)
    for c in () if headers else _top_containers(doc, start, end):
        if config is not None and config[0] <= doc.containers[c].start < config[1]:
            _config_keys(doc, c, body, query, start)
        else:
            _collect(doc, c, body, query, 0, start)
    segment = doc.text[start:end]
    if config is not None:  # (its names and calls, `cfg`, `makeConfig(t)`, give no field)
        held = PLAIN_NAME.fullmatch(doc.text, *config)
        found = _assigned_container(doc, held["n"], start) if held else None
        if found is not None:
            _config_keys(doc, found, body, query, start)
        a, b = config[0] - start, config[1] - start
        segment = segment[:a] + " " * (b - a) + segment[b:]
    for name, target in () if headers else _passed_names(doc, start, body, query, segment):
        if name not in doc.path_tables:  # ENDPOINTS in request(ENDPOINTS.talk, body): no body
            target += _variable_keys(doc, name, start)
    for name, target in () if headers else _called_builders(doc, start, segment, body, query):
        target += _built_keys(doc, name, 0)
    for made in () if headers or not dtos.dtos(doc) else dtos.MADE_IN.finditer(segment):
        label = _argument_label(segment[max(0, made.start() - 40) : made.start()])
        instance = dtos.made(doc, start + made.start())  # json=TalkReq(...).model_dump()
        if _nested(doc, start, start + made.start()) and not message_content(
            doc, start + made.start()
        ):
            continue  # {"elements": [Element(...)]}: an item's, not the body's
        if instance is not None and (label is None or label.lower() not in NOT_SENT):
            target = query if label in QUERY_KEYS else body
            target += _instance_keys(doc, instance, "", (start, start))
    if "JSONObject" in segment or "JsonObject" in segment:
        for m in NEW_JSON_OBJECT.finditer(doc.text, start, end):
            body += _chain_keys(doc, m.end())
    if (
        doc.language == "csharp" and "Content" in segment
    ):  # { Content = JsonContent.Create(new {..}) }
        for k in doc.inside(start, end):
            if CONTENT_OF.search(
                doc.text, max(0, doc.containers[k].start - 60), doc.containers[k].start
            ):
                _collect(doc, k, body, query, 0, start)
    if doc.python and not body and segment.startswith("("):
        body += _keyword_keys(doc, start, end)
    if doc.language == "ruby" and not body and segment.startswith("("):
        body += _ruby_hash_keys(doc, start, end)
    context = _stream_context(doc, start, segment) if doc.holds(STREAM_WORD) else None
    if context is not None:  # (PHP's stream context: its options array is no body)
        body = _content_keys(doc, context, start)
    got = _curl_keys(doc, start, end, body, query) if "curl" in segment else False
    # (FORM_FIELD's options and AKOOL_API_COMMAND's word looked for first: most requests have none)
    form = "-F" in segment or "--form" in segment or "--data-urlencode" in segment
    for m in FORM_FIELD.finditer(segment) if form and not got else ():
        body.append(Key(m.group("name"), start + m.start("name"), start + m.end(), start + m.end()))
    akool_api = "akool" in segment and AKOOL_API_COMMAND.match(segment)
    if HTTPIE_COMMAND.match(segment) or akool_api:
        # httpie's items (name==value a query, name=value a field), `akool api`'s -f/-F fields
        items = curlargs.httpie_items if HTTPIE_COMMAND.match(segment) else curlargs.akool_api_items
        for item in items(doc.text, start):
            key = Key(item.name, item.at, item.value_start, item.value_end, raw=True)
            (query if item.query else body).append(key)
    return body, query


def _query_only_keys(doc: Text, start: int, end: int) -> list[Key]:
    """The query keys a request takes from what only a query takes (a Feign method's
    @RequestParam, Refit's parameters, `?k=` in its URL, query builders, a block's params)."""
    query: list[Key] = []
    segment = doc.text[start:end]
    for m in (
        REQUEST_PARAM.finditer(segment) if "@RequestParam" in segment or "@Query" in segment else ()
    ):
        group = "n" if m.group("n") else "p"  # (a Feign method's query parameter)
        at = start + m.start(group)
        query.append(Key(m.group(group), at, at + len(m.group(group)), at, raw=True))
    if doc.language == "csharp" and doc.holds(*declared.REFIT_VERBS):  # Refit's parameters
        for name, at, value_start, value_end in declared.refit_query(doc.text, start, end):
            own = doc.text[at - 1 : at] != '"'  # (a parameter's own name: callers may name it)
            query.append(Key(name, at, value_start, value_end, raw=True, shared=own))
    for m in QUERY_FIELD.finditer(segment) if "?" in segment or "&" in segment else ():
        value = (start + m.start("value"), start + m.end("value"))
        query.append(Key(m.group("name"), start + m.start("name"), *value, raw=True))
    for name, at, value_start, value_end in querybuilders.builder_keys(doc.text, start, end):
        query.append(Key(name, at, value_start, value_end, raw=True))  # (url.searchParams.set)
    if doc.python:  # (pairs, dict(k=v), QueryParams, urlencode joined to the URL: see pyqueries)
        if doc.holds(*pyqueries.FILE_WORDS):
            query += [Key(*key, raw=True) for key in pyqueries.query_keys(doc.text, start, end)]
    elif doc.language in ("", "ruby"):  # (PHP's, Ruby's: see querybuilders)
        query += [Key(*key, raw=True) for key in querybuilders.argument_keys(doc.text, start, end)]
    if doc.holds(*urlbuilders.QUERY_WORDS):  # OkHttp's addQueryParameter, Spring's queryParam
        query += [Key(*key, raw=True) for key in urlbuilders.builder_query(doc.text, start, end)]
    if doc.language == "csharp" and doc.holds(netqueries.WORD):  # QueryHelpers.AddQueryString
        query += [Key(*key, raw=True) for key in netqueries.query_keys(doc.text, start, end)]
    if doc.language == "csharp" and doc.holds(flurl.QUERY_WORD):  # Flurl's .SetQueryParam("k", v)
        query += [Key(*key, raw=True) for key in flurl.query_keys(doc.text, start, end)]
    if doc.language == "go" and doc.holds(goqueries.WORD):  # go-resty's .SetQueryParam("k", v)
        query += [Key(*key, raw=True) for key in goqueries.query_keys(doc.text, start, end)]
    query += block_query(doc, end)
    return query


def _body_as_sent(doc: Text, start: int, body: list[Key]) -> list[Key]:
    """The body's keys with those an annotated parameter gives and under the names a serializer
    sends (C#'s PostAsJsonAsync camelCases)."""
    if not doc.python:  # Retrofit's @POST("...") fun f(@Body b: T)
        body += annotated_body_keys(doc, start)
        if not body and doc.holds(*BODY_MARKS):  # (`@Body body: Map<...>`: what callers give)
            body += _called_body_keys(doc, start)
    if doc.language == "csharp" and body and doc.holds("AsJsonAsync", "JsonContent.Create"):
        body = _web_named(doc, start, body)  # (PostAsJsonAsync(url, new { AudioUrl = a }))
    return body


# A C# call that serializes its value with System.Net.Http.Json's defaults (see dtos.web_policy).
WEB_SENT = rx.compile(r"(?:AsJsonAsync\s*(?:<[^<>()]*>)?|JsonContent\.Create\s*(?:<[^<>()]*>)?)$")


def _web_named(doc: Text, start: int, body: list[Key]) -> list[Key]:
    """The keys of a C# anonymous object a System.Net.Http.Json call sends, under the names its
    naming policy gives them (`AudioUrl` is sent as `audioUrl`); a dictionary's keys (quoted)
    are sent as written."""
    policy = (
        dtos.web_policy(doc.text) if WEB_SENT.search(doc.text, max(0, start - 60), start) else None
    )
    if policy is None:
        return body
    return [
        k if doc.text[k.offset - 1 : k.offset] in "\"'" else replace(k, name=policy(k.name))
        for k in body
    ]


# A block given to the call after its arguments, which may set the request up: Kotlin's trailing
# lambda (Ktor's `client.get(url) { parameter("k", v) }`), Ruby's `conn.get(url) do |req| ... end`,
# Swift's trailing closure.
TRAILING_BLOCK = rx.compile(r"[ \t]*(?:\{|do\b)")
# A query parameter a request builder sets: Ktor's `parameter("k", v)`, `parameters.append("k",
# v)`; Faraday's `req.params["k"] = v`.
BLOCK_PARAMETER = rx.compile(
    r"(?:\b(?:parameter|parameters\.append)\(\s*|\.params\[\s*)[\"'](?P<name>[A-Za-z_][\w-]*)[\"']"
    r"\s*(?:,|\]\s*=(?!=))\s*(?P<value>[^()\n]*?)\s*(?:\)|$)",
    re.M,
)


# PHP's stream context for file_get_contents/fopen: `stream_context_create(['http' => [...]])`,
# or of a name bound to the options array (`stream_context_create($opts)`).
STREAM_CONTEXT = rx.compile(r"\bstream_context_create\(\s*(?:(?P<open>\[|array\()|\$(?P<name>\w+))")
CONTEXT_NAME = rx.compile(r"\$(?P<name>\w+)\s*\)?\s*$")
# The options' `'content' => json_encode([...])` (or http_build_query): the body sent.
CONTENT_VALUE = rx.compile(
    r"[\"']content[\"']\s*=>\s*(?:json_encode|http_build_query)\(\s*(?P<open>\[|array\()"
)
CONTEXT_BEFORE = 4000  # characters before a call in which its stream context is looked for


STREAM_WORD = "stream_context_create"  # (STREAM_CONTEXT's word: a file without it makes none)


def _stream_context(doc: Text, start: int, segment: str) -> tuple[int, int] | None:
    """The span of the options array of the PHP stream context a call is given (inline,
    `stream_context_create($opts)`, or a name bound to one: `$ctx`), if any."""
    m = STREAM_CONTEXT.search(segment)
    if m is None:
        given = CONTEXT_NAME.search(segment.rstrip(" \t\n)").rsplit(",", 1)[-1] + ")")
        if given is None:
            return None
        spot = doc.last_assignment(given.group("name"), start)
        if spot is None:
            spot = doc.last_assignment("$" + given.group("name"), start)
        m = STREAM_CONTEXT.match(doc.text, spot[1]) if spot is not None else None
        at = 0  # (a match in the whole text: its offsets are the text's)
    else:
        at = start
    if m is None:
        return None
    if m.group("name"):
        bound = at + m.start()
        spot = doc.last_assignment(m.group("name"), bound)
        opened = doc.text.find("[", spot[1]) if spot is not None else -1
        k = doc.container_at(opened) if opened >= 0 else None
    else:
        k = doc.container_at(at + m.end() - 1 if m.group("open") == "[" else at + m.end())
    return (doc.containers[k].start, doc.containers[k].end) if k is not None else None


# The options' `'method' => 'POST'`: the method the stream context sends.
CONTEXT_METHOD = rx.compile(r"[\"']method[\"']\s*=>\s*[\"'](?P<m>[A-Za-z]+)[\"']")


def stream_context_method(doc: Text, start: int, end: int) -> re.Match[str] | None:
    """The `'method' => 'X'` of the PHP stream context the call at [start, end) is given."""
    if not doc.holds(STREAM_WORD):
        return None
    context = _stream_context(doc, start, doc.text[start:end])
    return CONTEXT_METHOD.search(doc.text, *context) if context is not None else None


def _content_keys(doc: Text, context: tuple[int, int], before: int) -> list[Key]:
    """The body keys of a stream context's options: those of its `'content'` array (none when it
    sends no content)."""
    m = CONTENT_VALUE.search(doc.text, *context)
    if m is None:
        return _content_name_keys(doc, context, before)
    k = doc.container_at(m.end() - 1 if m.group("open") == "[" else m.end())
    keys: list[Key] = []
    if k is not None:
        _collect(doc, k, keys, keys, 0, before)
    return keys


# The options' `'content' => $payload`: a name the body is held in (`$payload = json_encode([...])`),
# or encoded there (`'content' => json_encode($payload)` of `$payload = [...]`).
CONTENT_NAME = rx.compile(
    r"[\"']content[\"']\s*=>\s*(?:(?:json_encode|http_build_query)\(\s*)?\$(?P<n>\w+)\s*\)?\s*[,\]\)]"
)


def _content_name_keys(doc: Text, context: tuple[int, int], before: int) -> list[Key]:
    """The body keys of a stream context whose `'content'` is a name: those its value holds."""
    m = CONTENT_NAME.search(doc.text, *context)
    if m is None:
        return []
    return _variable_keys(doc, m.group("n"), before) or _variable_keys(
        doc, "$" + m.group("n"), before
    )


def trailing_block(doc: Text, end: int) -> tuple[int, int] | None:
    """The block given to a call whose arguments end at `end` (after its builder chain), if any."""
    end = _chain_end(doc, end)
    opened = TRAILING_BLOCK.match(doc.text, end)
    if opened is None:
        return None
    if not opened.group(0).endswith("{"):  # (Ruby's do ... end: up to its end, a few lines on)
        close = doc.text.find("\nend", opened.end(), opened.end() + 2000)
        return (opened.end(), close) if close >= 0 else None
    index = doc.container_at(opened.end() - 1)
    return (opened.end(), doc.containers[index].end) if index is not None else None


# BLOCK_PARAMETER's words: a file without them sets no query in a block (asked once per file,
# not once per call: the whole file searched for each of 5,000 calls doubled the bench's audit).
BLOCK_QUERY_WORDS = ("parameter", "params[")


def block_query(doc: Text, end: int) -> list[Key]:
    """The query parameters a block given to the call sets by name (see BLOCK_PARAMETER)."""
    if not doc.holds(*BLOCK_QUERY_WORDS):
        return []
    block = trailing_block(doc, end)
    if block is None:
        return []
    found = BLOCK_PARAMETER.finditer(doc.text, *block)
    return [Key(m["name"], m.start("name"), m.start("value"), m.end("value")) for m in found]


def _curl_keys(doc: Text, start: int, end: int, body: list[Key], query: list[Key]) -> bool:
    """What a curl command sends: `-d "$BODY"`, a jq filter piped into `-d @-`, `-G`'s data as
    the query (then True: its data is no form), a name its data is read from."""
    if doc.language == "shell":  # -d "$BODY", jq '{...}' | curl -d @-
        names, piped = builders.curl_data(doc, start, end)
        for name in names:
            body += _variable_keys(doc, name, start)
        for at in piped:
            _collect(doc, doc._by_start[at], body, query, 0, start)
    got = curlargs.get_query(doc.text, start, end)
    for name, at, value_start, value_end in got or ():  # curl -G: its data is the query
        query.append(Key(name, at, value_start, value_end, raw=True))
    for name in apart.data_names(doc, (start, end)) if got is None else ():
        body += _variable_keys(doc, name, start) or _read_keys(doc, name, start)
    return got is not None


def _read_keys(doc: Text, name: str, before: int) -> list[Key]:
    """The keys of the here-document a shell `read` gives a name (`read -r -d '' BODY <<EOF`)."""
    keys: list[Key] = []
    for start, end in apart.read_into(doc, name, before):
        for c in _top_containers(doc, start, end):
            _collect(doc, c, keys, keys, 0, before)
    return keys


# Keyword arguments that say how to send a request, not what: never a body's fields.
TRANSPORT_KWARGS = frozenset(
    {
        "json",
        "data",
        "params",
        "headers",
        "timeout",
        "files",
        "auth",
        "cookies",
        "verify",
        "cert",
        "allow_redirects",
        "follow_redirects",
        "proxies",
        "stream",
        "content",
        "method",
    }
)
KWARG = rx.compile(r"[(,]\s*(?P<k>[A-Za-z_]\w*)\s*=(?!=)")


WORD_BACKWARDS = rx.compile(r"\s*(\w+)")  # the word a text ends in, read backwards


def _keyword_keys(doc: Text, start: int, end: int) -> list[Key]:
    """A Python wrapper's keyword arguments, which its **payload sends as the body
    (self._post("/x", url=u, language="fr"), where the file has `def _post(self, path,
    **payload)`): those directly in the call's parentheses, when none of them says how to send
    (json=, data=, params=, ...)."""
    callee = WORD_BACKWARDS.match(doc.text[max(0, start - 60) : start][::-1])
    if callee is None or not doc.takes_keywords(callee.group(1)[::-1]):
        return []
    keys = []
    for m in KWARG.finditer(doc.text, start, end):
        if doc.paren_around(m.start("k")) != (start, end):
            continue  # inside a nested call
        if m.group("k") in TRANSPORT_KWARGS:
            return []
        key = Key(m.group("k"), m.start("k"), m.end(), -1)
        value_end(doc, key, Container(start, end - 1, -1))
        keys.append(key)
    return keys if len(keys) > 1 else []  # requests.post(url=u) alone sends no body


# A Ruby client's verb given its body as a hash without braces after the path (`conn.post("x",
# prompt: p, scale: "1:1")`, the form RuboCop prefers); HTTParty's and RestClient's options
# (`body:`, `headers:`) say how to send, not what.
RUBY_VERB_CALL = rx.compile(r"[\w)\]]\.(?:post|put|patch)\s*$")
RUBY_HASH_KEY = rx.compile(r"\s*(?:(?P<k>[A-Za-z_]\w*):\s|:?[\"']?(?P<r>[A-Za-z_]\w*)[\"']?\s*=>)")
RUBY_OPTIONS = frozenset({"body", "headers", "query", "timeout", "payload", "basic_auth", "format"})


def _ruby_hash_keys(doc: Text, start: int, end: int) -> list[Key]:
    """The keys of a hash given without braces after a Ruby verb's first argument (see
    RUBY_VERB_CALL), when none of them is a client's option."""
    if not RUBY_VERB_CALL.search(doc.text, max(0, start - 12), start):
        return []
    keys = []
    for a, b in split_top(doc.text, start + 1, end - 1)[1:]:
        m = RUBY_HASH_KEY.match(doc.text, a, b)
        if m is None:
            return []  # (a positional argument after the path: not a hash's key)
        name = m.group("k") or m.group("r")
        if name in RUBY_OPTIONS or name in TRANSPORT_KWARGS:
            return []
        keys.append(Key(name, m.start("k") if m.group("k") else m.start("r"), m.end(), b))
    return keys


# A body that is a serializer's text of another name (`$json = json_encode($body)` too): the keys
# are that name's.
SERIALIZED = rx.compile(
    r"[ \t]*(?:json\.Marshal(?:Indent)?|JSON\.stringify|json\.dumps|serde_json::to_(?:string|vec)"
    r"|json_encode|JsonSerializer\.Serialize|(?:(?:new\s+)?Gson\(\s*\)|\w+)\.toJson|\w+\.writeValueAsString"
    r"|\w+\.encodeToString|JsonConvert\.SerializeObject|(?:System\.Text\.)?Encoding\.\w+\.GetBytes)"
    r"\(\s*[&$]?(?P<n>[A-Za-z_]\w*)\s*[,)]"
    r"|[ \t]*\$(?P<ps>[A-Za-z_]\w*)[ \t]*\|[ \t]*ConvertTo-Json\b"  # PowerShell's `$body | ConvertTo-Json`
)


def _variable_keys(doc: Text, name: str, before: int, depth: int = 0) -> list[Key]:
    """The keys of a variable passed to a call: those of the container last assigned to it and
    those set on it afterwards (body["k"] = v, body.k = v, body.put("k", v))."""
    spot = doc.last_assignment(name, before)
    if spot is None:
        return _typed_keys(doc, name, before, depth)
    keys: list[Key] = []
    instance = dtos.made(doc, spot[1])
    if instance is not None:  # req = TalkReq(...), var req = new TalkRequest { ... }
        return _instance_keys(doc, instance, name, (spot[1], before))
    assigned = _assigned_container(doc, name, before)
    after = spot[1]
    if assigned is not None:
        _collect(doc, assigned, keys, keys, 0, before)
        keys += merged_defaults(doc, spot[1], assigned, keys, before)  # { ...DEFAULTS, k: v }
        keys += assigned_together(doc, assigned, keys, before)  # Object.assign({}, D, {...})
        after = doc.containers[assigned].end
    else:
        serialized = SERIALIZED.match(doc.text, spot[1]) or SHOWN.match(doc.text, spot[1])
        built = builders.built_by(doc, spot[1]) if depth < 2 else None
        given = serialized.groupdict().get("ps") or serialized.group("n") if serialized else None
        if serialized is not None and given != name and depth < 2:
            keys += _variable_keys(doc, given or "", before, depth + 1)
        elif built is not None and built != name:
            keys += _built_keys(doc, built, depth + 1)
        elif depth < 2:
            keys += _wrapped_keys(doc, name, spot[1], before, depth)
    keys += _added_keys(doc, name, after, before)
    for at in builders.merged(doc, name, after, before):  # Object.assign(body, {...})
        _collect(doc, doc._by_start[at], keys, keys, 0, before)
    keys = _not_removed(doc, name, keys, spot[0], before)
    if doc.shared(name):
        for key in keys:
            key.shared = True
    return keys


# A name whose object is merged into a literal held by another name: spread in it (JS's `...D`,
# Python's `**D`), its first argument (`dict(D, k=v)`) or or-ed with it (`D | {...}`).
MERGED_NAME = rx.compile(r"(?:\.\.\.|\*\*)\s*(?P<n>[A-Za-z_$][\w$]*)\s*(?=[,}\n])")
MERGED_FIRST = rx.compile(
    r"[ \t]*(?:dict\(\s*(?P<d>[A-Za-z_]\w*)\s*,|(?P<o>[A-Za-z_]\w*)\s*\|\s*(?=\{))"
)


def merged_defaults(doc: Text, rhs: int, assigned: int, own: list[Key], before: int) -> list[Key]:
    """The keys a held body takes from a defaults object merged into it (`payload = { ...DEFAULTS,
    talking_photo_url }`, `{**DEFAULTS, ...}`, `dict(DEFAULTS, ...)`, `DEFAULTS | {...}`), less
    those the body sets itself (its own value is sent). Patched only where the defaults object
    is used once."""
    c = doc.containers[assigned]
    text = doc.text
    if "..." not in text[c.start : c.end] and "**" not in text[c.start : c.end]:
        first = MERGED_FIRST.match(text, rhs)
        names = [first.group("d") or first.group("o")] if first else []
    else:
        names = [
            m.group("n")
            for m in MERGED_NAME.finditer(text, c.start + 1, c.end)
            if doc.innermost(m.start()) == assigned
        ]
    set_here = {k.name for k in own}
    found: list[Key] = []
    for ref in names:
        held_at = _assigned_container(doc, ref, before)
        if held_at is None or held_at == assigned:
            continue
        held: list[Key] = []
        _collect(doc, held_at, held, held, 1, before)
        for key in held:
            key.shared = key.shared or doc.shared(ref)
        found += [k for k in held if k.name not in set_here]
    return found


# The names given to `Object.assign(` beside its object literals: `Object.assign({}, DEFAULTS, {...})`.
ASSIGN_NAME = rx.compile(r"(?<=[(,])\s*(?P<n>[A-Za-z_$][\w$]*)\s*(?=[,)])")


def assigned_together(doc: Text, assigned: int, own: list[Key], before: int) -> list[Key]:
    """The keys a name's body takes from the other arguments of the `Object.assign(` whose
    first argument is its container (`body = Object.assign({}, common, { prompt, size })`):
    each object literal's, and those of the objects the names given hold, less the keys the
    literals set (theirs are sent)."""
    c = doc.containers[assigned]
    if doc.text.find("Object.assign(", max(0, c.start - 20), c.start) < 0:
        return []  # (most bodies: a literal of their own)
    around = doc.paren_around(c.start)
    if around is None:
        return []
    level = doc.innermost(c.start)
    given = [
        k
        for k in doc.inside(c.start + 1, around[1])
        if doc.innermost(doc.containers[k].start) == level
        and doc.paren_around(doc.containers[k].start) == around
    ]
    found: list[Key] = []
    for k in given:
        _collect(doc, k, found, found, 0, before)
    set_here = {key.name for key in [*own, *found]}
    for m in ASSIGN_NAME.finditer(doc.text, around[0], around[1]):
        held_at = _assigned_container(doc, m.group("n"), before)
        if held_at is None or held_at == assigned or held_at in given:
            continue
        held: list[Key] = []
        _collect(doc, held_at, held, held, 1, before)
        for key in held:
            key.shared = True  # (a defaults object merged into other bodies too)
        found += [key for key in held if key.name not in set_here]
    return found


def _typed_keys(doc: Text, name: str, before: int, depth: int) -> list[Key]:
    """The keys of a name given no value here but a request type of the file (a parameter `r:
    TalkReq`, `TalkReq r`), sent whole (`depth`: through a serializer's text): every member
    the type is serialized with, at its JSON name, none patched (the name is every instance's).
    (Go: a struct is sent as its json.Marshal text; a `&out` given to the call is filled.)"""
    type_name = dtos.declared_type(doc, name, before)
    if type_name is None or not (
        depth or (doc.language != "go" and dtos.sent_whole(doc, name, before))
    ):
        return []
    members = dtos.members_of(doc, type_name)
    if any(m.json.lower() in dtos.OPTION_MEMBERS for m in members):
        return []  # (an options type, `cfg: AxiosCfg` with headers and a timeout: no body)
    return [_typed_key(doc, m) for m in members]


# A member's default that gives no value of its own (`= ""`, `= null`, `= None`): not judged.
NO_DEFAULT = rx.compile(r"\s*(?:\"\"|''|null|None|nil|default|default!|null!|string\.Empty)\s*")


def _typed_key(doc: Text, member: dtos.Member) -> Key:
    """A request type's member sent whole: at its JSON name, with the default the type gives it
    (`public string Resolution { get; set; } = "4K";`, a dataclass's `resolution: str = "720p"`)
    as its value, which every instance not given another sends."""
    if member.default is None or NO_DEFAULT.fullmatch(doc.text, *member.default):
        return Key(member.json, member.offset, member.offset, member.offset, raw=True, shared=True)
    return Key(member.json, member.offset, member.default[0], member.default[1], shared=True)


# Retrofit's (and Feign's) verb annotations that carry a body: the method declared after one sends
# its `@Body` parameter, serialized whole (Gson, Moshi, Jackson): Kotlin's `@Body body: TalkReq`,
# Java's `@Body TalkReq body` (up to the next annotation's verb, so never another method's); Refit's
# `[Post("/x")]` its `[Body] TalkReq body`, Spring's and Feign's `@PostMapping("/x")` its
# `@RequestBody TalkReq body`.
BODY_VERBS = (
    *("@POST", "@PUT", "@PATCH", "[Post", "[Put", "[Patch"),
    *("@PostMapping", "@PutMapping", "@PatchMapping"),
)
BODY_MARKS = ("@Body", "[Body", "@RequestBody")  # (how each marks the parameter sent whole)
BODY_PARAMETER = rx.compile(
    r"@(?:GET|POST|PUT|PATCH|DELETE|HTTP|HEAD)\(|\[(?:Get|Post|Put|Patch|Delete)\("
    r"|@(?:Get|Post|Put|Patch|Delete|Request)Mapping\b"
    r"|(?:@(?:Body|RequestBody)|\[Body(?:\([^()]*\))?\])\s+(?:(?P<n>[A-Za-z_]\w*)\s*:\s*(?P<kt>[A-Z]\w*)"
    r"|(?:final\s+)?(?P<jt>[A-Z]\w*)\s+[A-Za-z_]\w*\s*[,)])"
)


def annotated_body_keys(doc: Text, start: int) -> list[Key]:
    """The keys of a Retrofit method's `@Body` parameter when the request at `start` is the
    path of a `@POST("...")` (a call's text from its `(`): every member of the parameter's type
    of the file at its JSON name, none patched (the type is every call's)."""
    if not doc.text.endswith(BODY_VERBS, max(0, start - 13), start):
        return []
    close = doc.text.find(")", start)
    for m in BODY_PARAMETER.finditer(doc.text, close + 1, close + 600 if close >= 0 else start):
        type_name = m.group("kt") or m.group("jt")
        if type_name is None:
            return []  # the next method's annotation: this one takes no body
        members = dtos.members_of(doc, type_name)
        if any(n.json.lower() in dtos.OPTION_MEMBERS for n in members):
            return []
        return [dtos.declared_key(Key, n) for n in members]  # (a default: its value, judged)
    return []


GENERIC_ARGUMENTS = rx.compile(r"<[^<>()]*>")
# A declared method's name and its parameters' opening, after its verb annotation's `)`.
DECLARED_NAME = rx.compile(
    r"\]?\s*(?:(?:@\w+|\[\w+)(?:\([^()]*\))?\]?\s*)*(?:suspend\s+)?(?:fun\s+|[\w<>\[\], ?]+\s+)"
    r"(?P<n>[A-Za-z]\w*)\s*\("  # (Refit's `[Post("/x")]` ends in `]`; C#'s methods are PascalCase)
)


def _called_body_keys(doc: Text, start: int) -> list[Key]:
    """The keys the file's calls of a Retrofit method give its `@Body` parameter when its type
    is no type of the file (`@Body body: Map<String, String>`, then `api.generate(mapOf("prompt"
    to p))`): each call's argument at the parameter's place, none patched."""
    if not doc.text.endswith(BODY_VERBS, max(0, start - 13), start):
        return []
    close = doc.text.find(")", start)
    declared = DECLARED_NAME.match(doc.text, close + 1) if close >= 0 else None
    params = doc.paren_around(declared.end()) if declared is not None else None
    if declared is None or params is None:
        return []
    # (the parameters split at their commas, a type's `<String, String>` blanked first)
    flat = GENERIC_ARGUMENTS.sub(lambda g: " " * len(g[0]), doc.text[params[0] : params[1]])
    parts = split_top(flat, 1, len(flat) - 1)
    place = next(
        (k for k, (a, b) in enumerate(parts) if any(w in flat[a:b] for w in BODY_MARKS)), None
    )
    if place is None:
        return []
    calls = []  # (the arguments of each call given as many as the method takes)
    for m in re.finditer(rf"(?<=\.){re.escape(declared['n'])}\s*\(", doc.text):
        around = doc.paren_around(m.end())
        given = _arguments(doc.text, *around) if around else []
        calls += [given] if len(given) == len(parts) else []
    keys: list[Key] = []
    for k in _top_containers(doc, *calls[0][place]) if len(calls) == 1 else ():
        _collect(doc, k, keys, keys, 0, calls[0][place][0])  # (one call only: two calls' keys
    held = PLAIN_NAME.fullmatch(doc.text, *calls[0][place]) if len(calls) == 1 else None
    if held is not None and not keys:  # (a map the caller builds first: `body.put("k", v)`)
        keys = _variable_keys(doc, held["n"], calls[0][place][0], 1)
    return [replace(k, shared=True) for k in keys]  # are no one request's)


PLAIN_NAME = rx.compile(r"\s*(?P<n>[A-Za-z_]\w*)\s*")  # (an argument that is a name alone)


def _arguments(text: str, opened: int, closed: int) -> list[tuple[int, int]]:
    """The spans of a call's arguments, a type's `<string, object>` (C#'s `new Dictionary<string,
    object> {...}`) no comma between two of them."""
    flat = GENERIC_ARGUMENTS.sub(lambda g: " " * len(g[0]), text[opened:closed])
    return [(a + opened, b + opened) for a, b in split_top(flat, 1, len(flat) - 1)]


# A body's text made by an HTTP library from another name: RequestBody.create(json.toString(), T),
# new StringContent(JsonSerializer.Serialize(body), ...), StringEntity(...), BodyPublishers.ofString(...),
# Spring's new HttpEntity<>(body, headers).
WRAPPED = rx.compile(
    r"[ \t]*(?:new\s+)?(?:RequestBody(?:\.Companion)?\.create|StringEntity|StringContent"
    r"|ByteArrayContent|(?:HttpRequest\.)?BodyPublishers\.ofString|Entity\.json|JsonContent\.Create"
    r"|HttpEntity\s*(?:<[^<>();]*>)?)\("
)
SHOWN = rx.compile(r"[ \t]*(?P<n>[A-Za-z_]\w*)\.toString\(\)")  # json.toString().toRequestBody(t)
# org.json's `new JSONObject()` or Gson's `new JsonObject()`, whose .put/.addProperty chain
# (`new JSONObject().put("url", u).put("face_enhance", 1)`) gives the keys.
NEW_JSON_OBJECT = rx.compile(r"(?:\bnew\s+)?\b(?:JSONObject|JsonObject)\(\s*\)")
NEW_JSON_OBJECT_AT = rx.compile(r"\s*" + NEW_JSON_OBJECT.pattern)
CHAIN_PUT = rx.compile(r"\s*\.\s*(?:put|addProperty)\(\s*\"(?P<k>[A-Za-z_][\w-]*)\"\s*,")


def _wrapped_keys(doc: Text, name: str, rhs: int, before: int, depth: int) -> list[Key]:
    """The keys of a body an HTTP library makes from other names (WRAPPED), or those of an
    org.json / Gson chain assigned to the name."""
    chain = NEW_JSON_OBJECT_AT.match(doc.text, rhs, rhs + 200)
    if chain is not None:
        return _chain_keys(doc, chain.end())
    wrapper = WRAPPED.match(doc.text, rhs)
    if wrapper is None:
        return []
    around = doc.paren_around(wrapper.end())
    if around is None or around[0] != wrapper.end() - 1:
        return []
    keys: list[Key] = []
    for m in PASSED_NAME.finditer(doc.text, around[0], around[1]):
        if m.group(1) != name:
            keys += _variable_keys(doc, m.group(1), before, depth + 1)
    return keys


def _chain_keys(doc: Text, at: int) -> list[Key]:
    """The keys of a .put("k", v) chain starting at `at` (right after `new JSONObject()`); a
    JSONObject that is itself a put's value (an item of a JSONArray) is another object's."""
    opener = doc.paren_around(at - 1)
    if opener is not None and re.search(
        r"\.(?:put|add|addProperty)\s*$", doc.text[max(0, opener[0] - 20) : opener[0]]
    ):
        return []
    keys = []
    while (link := CHAIN_PUT.match(doc.text, at)) is not None:
        around = doc.paren_around(link.end())
        if around is None:
            break
        keys.append(Key(link.group("k"), link.start("k"), link.end(), around[1] - 1))
        at = around[1]
    return keys


# (a name read with a literal key, `d["kind"]` in a path's interpolation, passes one value of it,
# nor does a name whose attribute is read, `cfg.base_url`, `${A.BASE_URL}`: a method called on it,
# `req.model_dump()` or Ruby's `body.to_json`, may give what it holds)
PASSED_NAME = rx.compile(
    r"(?<![\w.\"'/])\$?([A-Za-z_]\w*)(?![\w\"'(])(?!\s*[:=][^=])(?!\[\s*[\"'])"
    r"(?!\??\.(?!to_|to[A-Z])[A-Za-z_$][\w$]*(?![\w$(]))"  # (Ruby's body.to_json: a call)
)
# The arguments an OpenAPI-generated client's serializer takes that are no body (openapi-generator's
# Python `param_serialize(..., header_params=_header_params, path_params=..., body=_body_params)`).
GENERATED_NOT_SENT = frozenset(
    {"header_params", "path_params", "auth_settings", "collection_formats"}
)
NOT_SENT = GENERATED_NOT_SENT | frozenset(
    {"headers", "header", "auth", "files", "cookies", "timeout", "proxies", "method"}
)
# A getter given a literal key, right after a name (`store.get("apiBase")`, electron-store's).
GETTER_READ = rx.compile(r"\??\.get\(\s*[\"']")
# A comment that ends a line of a call's text (`# body`, `// the request`), after a blank.
TAIL_REMARK = rx.compile(r"(?<![^\s])(?:#|//)[^\n]*")


def _remarks(text: str) -> list[tuple[int, int]]:
    """The spans of the comments that end lines of a call's text (see TAIL_REMARK)."""
    return [r.span() for r in TAIL_REMARK.finditer(text)] if "#" in text or "//" in text else []


TYPE_PLACE = rx.compile(r"\b(?:satisfies|as)\s+\Z")
QUERY_PLACE = rx.compile(r"\?(?:\$?\{|[\"'`]\s*\+\s*)\Z")
# The label of an argument, `params=`, `query: ` or `json=dict(`, right before a name, read
# backwards (`(\w+)\s*[:=]\s*(?:[\w.]+\()?\s*$` searched forwards tries every start).
ARGUMENT_LABEL_BACKWARDS = rx.compile(r"\s*(?:\([\w.]+)?\s*[:=]\s*(\w+)")


def _passed_names(
    doc: Text, start: int, body: list[Key], query: list[Key], segment: str
) -> Iterator[tuple[str, list[Key]]]:
    """The variables a call (its text `segment`, at `start`) passes, each with where its keys go:
    a query for params=/query:, the body otherwise; names given as headers=, auth=, ..., keys
    themselves and values nested in a literal (`{"elements": [item]}`) are not followed."""
    remarks = _remarks(segment)
    # (TYPE_PLACE's and QUERY_PLACE's words, looked for once in the call's text)
    typed = "as" in segment or "satisfies" in segment
    queried = "?" in segment
    getter = ".get(" in segment  # (once, not once per name: a line of N calls is one segment)
    for m in PASSED_NAME.finditer(segment):
        if m.group(1).lower() in NOT_SENT:
            continue  # { headers } shorthand
        if getter and GETTER_READ.match(segment, m.end()):
            continue  # store.get("apiBase"): one value read from the name, not the name's keys
        at = m.start()
        if remarks and any(a <= at < b for a, b in remarks):
            continue  # (`json={  # body`: a word of a comment is no name passed)
        if typed and TYPE_PLACE.search(segment, max(0, at - 12), at):
            continue  # TypeScript's `{...} satisfies Img`, `as Img`: a type, not a value
        label = _argument_label(segment[max(0, at - 40) : at])
        if label is not None and label.lower() in NOT_SENT:
            continue
        if nested_value(doc, start + m.start(1), start):
            continue
        if (label is not None and label in QUERY_KEYS) or (
            queried and QUERY_PLACE.search(segment, max(0, at - 8), at)
        ):
            yield m.group(1), query  # (`?${qs}`, `"?" + qs`: a query's text)
        else:
            yield m.group(1), body


# What an options object's key may hold besides the fields: the body itself (`{ body: payload }`,
# C#'s `{ Content = JsonContent.Create(payload) }`), its query, or how it is sent.
OPTION_KEYS = frozenset(k.lower() for k in TRANSPORT_KEYS | TRANSPORT_KWARGS | {"payload"})


def nested_value(doc: Text, at: int, start: int) -> bool:
    """Whether the name at `at` is a value inside a literal written from `start` on: an item of a
    list (`[item]`) or the value of a key that is a field (`{"elements": [item]}`, `{ voice_options
    }`, `['items' => [$item]]`), so what it holds is sent nested in that field, never as the body.
    The value of an options object's `body:`/`json:`/`data:` (or a shorthand `{ body }`) is the
    body, and a name outside any literal, or spread into one (`{**base}`), is not nested."""
    last = bisect.bisect_left(doc._container_starts, at) - 1
    if last < 0 or doc._container_starts[last] < start:
        return False  # (no literal of the call's opens before the name)
    index = doc.innermost(at)
    while index >= 0 and doc.containers[index].start >= start:
        c = doc.containers[index]
        if c.keys:
            return _owned_by_field(doc, c, at)
        if doc.text[c.start] == "[" or LIST_LABEL.search(c.label):
            return True
        at, index = c.start, c.parent  # C#'s `new { elements = new[] { item } }`: its owner's
    return False


# A keyless container that is a list: PHP's array(...), Go's []T{...}, C#'s new[] { } / new List<T> { }
LIST_LABEL = rx.compile(
    r"(?<![\w$>])array$|\[\](?:[\w.*]|\[[^\]]*\]|\{\})+$|\bnew\s*(?:\[\]|List<[^>]*>(?:\(\))?)$"
)


def _owned_by_field(doc: Text, c: Container, at: int) -> bool:
    """Whether `at` is the value of one of c's keys that is a field, not an option."""
    if len(c.keys) > MANY_KEYS:
        owned = _owned_in_many(doc, c, at)
        if owned is not None:
            return owned
    owner = None
    for key in c.keys:
        if key.offset == at:
            return key.name.lower() not in OPTION_KEYS  # a shorthand `{ voice_options }`
        if key.offset < at <= value_end(doc, key, c):
            owner = key
    return owner is not None and owner.name.lower() not in OPTION_KEYS


# A container of more keys than this is looked up by bisection (a generated body of thousands:
# each name in it walked every key, break21f #3).
MANY_KEYS = 32


def _owned_in_many(doc: Text, c: Container, at: int) -> bool | None:
    """_owned_by_field of a container of many keys, found by bisection where its keys are in
    order and their values apart (None: they are not, walk them)."""
    index = doc._key_index.get(id(c))
    if index is None:
        index = doc._key_index[id(c)] = _key_index(doc, c)
    first, starts = index
    key = first.get(at)
    if key is None:
        if starts is None:
            return None
        k = bisect.bisect_left(starts, at) - 1
        key = c.keys[k] if k >= 0 and at <= value_end(doc, c.keys[k], c) else None
    return key is not None and key.name.lower() not in OPTION_KEYS


def _key_index(doc: Text, c: Container) -> tuple[dict[int, Key], list[int] | None]:
    """Each key of c by where it starts (the first at each place), and where each starts when
    they are in order and no value runs to the next key (else None)."""
    first: dict[int, Key] = {}
    for key in c.keys:
        first.setdefault(key.offset, key)
    starts = [key.offset for key in c.keys]
    apart = all(
        a.offset < b.offset and value_end(doc, a, c) < b.offset
        for a, b in zip(c.keys, c.keys[1:], strict=False)
    )
    return first, starts if apart else None


def _called_builders(
    doc: Text, start: int, segment: str, body: list[Key], query: list[Key]
) -> Iterator[tuple[str, list[Key]]]:
    """The functions of the file that build a body and that a call's text calls
    (`json=build_body(u)`, `makePayload(u)`), each with where its keys go (as _passed_names);
    not one called inside an object of the call (`{"elements": make_elements(x)}`: a value)."""
    for name, at in builders.called(doc, segment):
        if _nested(doc, start, start + at) or not builders.returned(doc, name):
            continue
        label = _argument_label(segment[max(0, at - 40) : at])
        if label is not None and label.lower() in NOT_SENT:
            continue
        yield name, query if label is not None and label in QUERY_KEYS else body


def _nested(doc: Text, start: int, at: int) -> bool:
    """Whether a place of a call's text (from `start`) is inside an object or list written there."""
    index = doc.innermost(at)
    if index < 0 or doc.containers[index].start < start:
        return False
    c = doc.containers[index]  # (asdict( is no dict(: its argument is the body)
    return doc.text[c.start] != "(" or not re.search(r"(?<![\w.])as\w*$", c.label.rstrip())


def _built_keys(doc: Text, name: str, depth: int) -> list[Key]:
    """The keys of what a function of the file returns (`return {...}`, `return body`)."""
    keys: list[Key] = []
    for at, held in builders.returned(doc, name) if depth < 2 else ():
        if held:
            keys += _variable_keys(doc, held, -1 - at, depth + 1)
            continue
        index = doc.container_at(at)
        if index is not None:
            _collect(doc, index, keys, keys, 0, at)
    if keys and builders.shared(doc, name):
        for key in keys:
            key.shared = True
    return keys


# A member given a value: `name=v` (Python's, Kotlin's keyword), `Name = v` (C#'s initializer).
MEMBER_GIVEN = rx.compile(r"\s*(?P<k>[A-Za-z_]\w*)\s*[=:](?![=:])\s*")
# A member set on a named instance: req.setResolution(v), req.resolution = v, req.Resolution = v.
MEMBER_SET = rx.compile(
    r"(?<![\w.$])\$?(?P<n>[A-Za-z_]\w*)\.(?:set)?(?P<k>[A-Za-z_]\w*)\s*(?:\(|=(?!=))"
)
BUILDER_LINK = rx.compile(r"\s*\.\s*(?P<k>[A-Za-z_]\w*)\s*\(")


def _instance_keys(
    doc: Text, instance: tuple[str, int], name: str, span: tuple[int, int]
) -> list[Key]:
    """The keys an instance of a request type sends (dtos.py): each member's serialized name,
    where it is written, with the value the instance gives it (its arguments, initializer,
    builder chain, or a setter called on `name` within `span`), else the member's default.
    Never patched: the name is every instance's."""
    dto = doc.dtos[instance[0]] if doc.dtos else None
    if dto is None:
        return []
    given = _given_values(doc, instance[1], dto)
    if name:
        for m in MEMBER_SET.finditer(doc.text, *span):
            if m.group("n") == name and doc.text[m.end() - 1] == "(":
                around = doc.paren_around(m.end())
                given.setdefault(
                    m.group("k").lower(), (m.end(), around[1] - 1) if around else (m.end(), m.end())
                )
            elif m.group("n") == name:
                given.setdefault(
                    m.group("k").lower(), (m.end(), fallbacks.value_end(doc.text, m.end()))
                )
    keys = []
    for member in dto.members:
        value = given.get(member.name.lower()) or member.default
        if value is None:
            keys.append(
                Key(member.json, member.offset, member.offset, member.offset, raw=True, shared=True)
            )
        else:
            keys.append(Key(member.json, member.offset, value[0], value[1], shared=True))
    return keys


def _given_values(doc: Text, how: int, dto: dtos.Dto) -> dict[str, tuple[int, int]]:
    """The values an instance's making gives its members, by member name in lower case."""
    given: dict[str, tuple[int, int]] = {}
    if doc.text[how] == ".":  # TalkReq.builder().url(u).resolution("720p").build()
        at = doc.text.index("(", how) + 2
        while (link := BUILDER_LINK.match(doc.text, at)) is not None:
            around = doc.paren_around(link.end())
            if around is None:
                break
            given[link.group("k").lower()] = (link.end(), around[1] - 1)
            at = around[1]
        return given
    index = doc.container_at(how)
    around = (
        (doc.containers[index].start, doc.containers[index].end)
        if index is not None
        else doc.paren_around(how + 1)
    )
    if around is None:
        return given
    for k, (a, b) in enumerate(split_top(doc.text, around[0] + 1, around[1] - 1)):
        named = MEMBER_GIVEN.match(doc.text, a, b)
        if named is not None:
            given[named.group("k").lower()] = (named.end(), b)
        elif dto.positional and k < len(dto.members) and doc.text[a:b].strip():
            given[dto.members[k].name.lower()] = (a, b)
    return given


def _argument_label(before: str) -> str | None:
    """The label of the argument that the text ends in (`params` in `get(u, params=`), if any."""
    if ":" not in before and "=" not in before:
        return None  # (a label ends in `:` or `=`)
    m = ARGUMENT_LABEL_BACKWARDS.match(before[::-1])
    return m.group(1)[::-1] if m else None


# A key set on a named object: `n["k"] = v`, `n.k = v`, `$n['k'] = v`, `n.put("k", v)` (one pattern
# for every name: a pattern per name costs more to compile than to run).
ADDED_KEY = rx.compile(
    r"(?<![\w.])\$?(?P<n>[A-Za-z_]\w*)"
    r"(?:\[\s*[\"'](?P<k>[A-Za-z_]\w*)[\"']\s*\]\s*=(?!=)|\.(?P<k2>[A-Za-z_]\w*)\s*=(?!=)"
    r"|\.(?:put|set|addProperty|append)\(\s*[\"'](?P<k3>[A-Za-z_]\w*)[\"']\s*,)"
)


def _added_keys(doc: Text, name: str, after: int, before: int) -> list[Key]:
    """Keys set on a body after it is built, before it is sent: body["k"] = v, body.k = v,
    $body['k'] = v, body.put("k", v) (Java's JSONObject, Kotlin, ...)."""
    found: list[Key] = []
    if (
        doc.text.find(name + "[", after, before) < 0
        and doc.text.find(name + ".", after, before) < 0
    ):
        return found  # (each key set is written name[ or name.: a URL constant's span is long)
    for m in ADDED_KEY.finditer(doc.text, after, before):
        if m.group("n") != name:
            continue
        group = "k" if m.group("k") else "k2" if m.group("k2") else "k3"
        if group == "k2" and doc.language == "go":
            continue  # req.WebhookURL = h: a Go field name, not a JSON key
        stop = doc.text.find(")" if group == "k3" else "\n", m.end())
        stop = stop if stop >= 0 else len(doc.text)
        found.append(Key(m.group(group), m.start(group), m.end(), stop))
    return found


# A key removed from a body before it is sent: `body.pop("k")`, `del body["k"]`, JS `delete
# body.k` / `delete body["k"]`, Go's `delete(body, "k")`, PHP's `unset($body['k'])`, a map's
# `body.remove("k")`, Ruby's `body.delete("k")` / `body.delete(:k)`.
REMOVED_KEY = rx.compile(
    r"(?<![\w.$])\$?(?P<n>[A-Za-z_$][\w$]*)\s*\.\s*(?:pop|remove|delete)\(\s*(?:[\"']|:)(?P<k>\w+)"
    r"|\bdel\s+(?P<n2>[A-Za-z_]\w*)\s*\[\s*[\"'](?P<k2>\w+)[\"']\s*\]"
    r"|\bdelete\s+(?P<n3>[A-Za-z_$][\w$]*)\s*(?:\.\s*(?P<k3>\w+)|\[\s*[\"'](?P<k4>\w+)[\"']\s*\])"
    r"|\b(?:delete|unset)\(\s*\$?(?P<n5>\w+)\s*(?:,\s*\"(?P<k5>\w+)\"|\[\s*[\"'](?P<k6>\w+)[\"']\s*\])\s*\)"
)
REMOVAL_WORDS = ("pop(", "del ", "delete", "unset(", "remove(")


def _not_removed(doc: Text, name: str, keys: list[Key], bound: int, before: int) -> list[Key]:
    """The keys still in a body when it is sent: a key removed after it is set and before the
    call, at the level of the body's own assignment (not inside a branch below it: that removal
    may not happen), is not sent; one set again after the removal is."""
    if not doc.holds(*REMOVAL_WORDS) or all(
        doc.text.find(w, bound, before) < 0 for w in REMOVAL_WORDS
    ):
        return keys  # (most files remove no key: asked once per file, then per span)
    level = _indent(doc, bound)
    removed: dict[str, int] = {}
    for m in REMOVED_KEY.finditer(doc.text, bound, before):
        owner = next(g for g in (m["n"], m["n2"], m["n3"], m["n5"]) if g)
        key = next(g for g in (m["k"], m["k2"], m["k3"], m["k4"], m["k5"], m["k6"]) if g)
        if owner == name.lstrip("$") and _indent(doc, m.start()) <= level:
            removed[key] = m.start()
    return [k for k in keys if k.name not in removed or k.offset > removed[k.name]]


def _indent(doc: Text, offset: int) -> int:
    """The indentation of the line holding an offset."""
    start = doc.starts[doc.line_of(offset)]
    return len(doc.text[start:offset]) - len(doc.text[start:offset].lstrip())


def _request_object(doc: Text, offset: int) -> tuple[int, int] | None:
    """For a URL inside a data file (a Postman collection, a config): the enclosing object that
    describes the request (it has a method, headers or body beside the URL)."""
    index = doc.innermost(offset)
    for _ in range(3):
        if index < 0:
            return None
        c = doc.containers[index]
        if not doc.key_map(index).keys().isdisjoint(("method", "body", "header", "headers")):
            return c.start, c.end
        index = c.parent
    return None


OBJECT_NAME = rx.compile(r"(?:^|[\s;])(?:const|let|var|val)?\s*(?P<n>[A-Za-z_$][\w$]*)\s*=\s*$")


def _handles_given(doc: Text, found: tuple[int, int]) -> list[tuple[int, int]]:
    """The bodies written to the handles that calls given a request object held in a name make
    (`const options = {hostname, path, method}`, then `const req = https.request(options, cb)`
    and `req.write(JSON.stringify(body))`), until the name is bound again."""
    index = doc.container_at(found[0])
    named = OBJECT_NAME.search(doc.containers[index].label) if index is not None else None
    if named is None:
        return []
    name, line = named.group("n"), doc.line_of(found[0])
    stop = next((at for at, _ in doc.assigned.get(name, []) if at > found[1]), len(doc.text))
    extents: list[tuple[int, int]] = []
    for use in doc.uses().get(name, []):
        call = enclosing_call(doc, use) if found[1] <= use < stop else None
        if call is not None and (
            doc.scopes is None or doc.scopes.visible(name, line, doc.line_of(use))
        ):
            extents += handles.body_extents(doc, call)
    return extents


def _unique(keys: list[Key]) -> tuple[Key, ...]:
    """The keys in offset order, the first of each offset (most requests send a key or none)."""
    if len(keys) < 2:
        return tuple(keys)
    seen: set[int] = set()
    found = []
    for k in sorted(keys, key=attrgetter("offset")):
        if k.offset not in seen:
            seen.add(k.offset)
            found.append(k)
    return tuple(found)


# The name of an HTTP header (no AKOOL field is spelt so): a container of nothing else is headers.
# RestClient and Faraday also take them as symbols with `_` (`content_type: :json`, `accept:`).
HEADER_NAME = rx.compile(
    r"(?i)(?:content[-_]type|accept|authorization|user[-_]agent|x[-_][\w-]+|accept[-_][\w-]+"
    r"|cache[-_]control)$"
)


# A Postman body's keys; an Insomnia body's and a HAR entry's postData (`{"mimeType", "text"}`).
POSTMAN_BODY = frozenset({"mode", "raw", "options", "urlencoded", "formdata"})
TEXT_BODY = frozenset({"mimeType", "text", "params", "comment"})


# A request described as data with a list of its fields (a schema registry's `{ endpoint: "/api/
# open/v3/...", method: "POST", fields: [{ key: "talking_photo_url", label: ... }] }`, a
# Hoppscotch request's `params: [{ key, value }]`): each entry's name is a field the request
# sends (a query's for a query list or a GET). Held as data: no fix renames it (`shared`).
DESCRIBED_AT = frozenset({"endpoint", "path", "url", "uri", "route"})
DESCRIPTOR_LISTS = {
    **dict.fromkeys(("fields", "inputs", "bodyFields", "body_fields", "formFields"), False),
    **dict.fromkeys(("form_fields", "args", "arguments"), False),
    **dict.fromkeys(("params", "parameters", "query", "queryParams", "query_params"), True),
}
DESCRIPTOR_NAMES = ("key", "field", "param", "name")  # (the first an entry has)
NAME_VALUE = rx.compile(r"\s*(?P<q>[\"'`])(?P<v>[A-Za-z_][\w-]*)(?P=q)\s*")


def _descriptor_keys(doc: Text, c: Container, body: list[Key], query: list[Key]) -> None:
    """The fields named by the entries of a request object's descriptor lists (see
    DESCRIPTOR_LISTS)."""
    method = next((k for k in c.keys if k.name == "method"), None)
    said = doc.text[method.value_start : value_end(doc, method, c)] if method else ""
    get = "get" in said.lower()
    for k in c.keys:
        if k.name not in DESCRIPTOR_LISTS:
            continue
        end = value_end(doc, k, c)
        for inner in c.children:
            listed = doc.containers[inner]
            if not k.value_start <= listed.start < end or doc.text[listed.start] != "[":
                continue
            target = query if get or DESCRIPTOR_LISTS[k.name] else body
            target += [key for e in listed.children if (key := _descriptor(doc, e))]


def _descriptor(doc: Text, index: int) -> Key | None:
    """The field an entry of a descriptor list names (`{ key: "audio_url", ... }`)."""
    entry = doc.containers[index]
    for wanted in DESCRIPTOR_NAMES:
        for k in entry.keys:
            m = NAME_VALUE.fullmatch(doc.text, k.value_start, value_end(doc, k, entry))
            if k.name == wanted and m is not None:
                at = m.start("v")
                return Key(m["v"], at, m.end(), m.end(), shared=True)
    return None


# The label of a mapping a string is formatted with (Python's `'...%(s)s...' % {`, Ruby's
# `"%{s}" % {`): its keys name the string's slots, never the request's fields.
FORMAT_MAPPING = rx.compile(r"[\"']\s*%\s*$")


def _collect(
    doc: Text, index: int, body: list[Key], query: list[Key], depth: int, before: int
) -> None:
    """The keys a container sends: its own, or, for an options object (method, headers, body...),
    those of its body/json/data and params/query values (literals or variables)."""
    c = doc.containers[index]
    if not c.keys and not doc.structs:
        return  # (no key of its own sends nothing: an interpolation's `{BASE}`; Go's struct fields)
    if c.label[-1:] == "%" and FORMAT_MAPPING.search(c.label):
        return  # '{"scale": "%(s)s"}' % {"s": scale}: the values spliced into a string, no body
    names = {k.name for k in c.keys}
    if depth > 3 or (SKIPPED_LABELS_BACKWARDS.match(c.label[::-1]) and not _fetch_init(names)):
        return
    if names and all(HEADER_NAME.match(n) for n in names):
        return  # { "Content-Type" => ..., "x-api-key" => ... } given unlabelled: headers
    if names & TRANSPORT_KEYS and (names & set(BODY_KEYS + QUERY_KEYS + OPTION_MARKS)):
        _option_keys(doc, index, names, (body, query), depth, before)
        return
    if (names & {"mode", "raw"} and names <= POSTMAN_BODY) or (
        "text" in names and names <= TEXT_BODY
    ):
        # A Postman body: the JSON text of its raw value; its `options` (`{"raw": {"language":
        # "json"}}`, how Postman shows the text) are not sent. So an Insomnia request's body and
        # a HAR entry's postData: `{"mimeType": "application/json", "text": "{...}"}`.
        options = [(k.value_start, value_end(doc, k, c)) for k in c.keys if k.name == "options"]
        for inner in c.children:
            if not any(a <= doc.containers[inner].start < b for a, b in options):
                _collect(doc, inner, body, query, depth + 1, before)
        return
    keys = _struct_keys(doc, c) if doc.structs and doc.text[c.start] == "{" else None
    if keys is None:
        keys = list(c.keys)
        for k in keys:
            value_end(doc, k, c)
    (query if QUERY_LABELS.search(c.label) else body).extend(keys)


NAMED_ARGUMENT = rx.compile(r"\s*[A-Za-z_]\w*\s*:(?!:)")  # (a named argument: no JavaScript's)


def _config_argument(doc: Text, start: int) -> tuple[int, int] | None:
    """The span of the config argument of the JavaScript HTTP client's call whose `(` is at
    `start` (callconfigs.py), or None when it has none."""
    if doc.language not in ("js", "") or doc.python or doc.text[start : start + 1] != "(":
        return None  # (and a Vue, Svelte, HTML or Markdown file's scripts: language "")
    place = callconfigs.config_place(doc.text, start)
    parens = doc.paren_around(start + 1) if place is not None else None
    if place is None or parens is None or parens[0] != start:
        return None
    given = _arguments(doc.text, *parens)
    if place >= len(given):
        return None
    a, b = given[place]
    if NAMED_ARGUMENT.match(doc.text, a, b):
        return None  # (Dart's `body: jsonEncode({...})`, Elixir's `json: %{...}`: no config)
    literal = doc._by_start.get(a + len(doc.text[a:b]) - len(doc.text[a:b].lstrip()))
    held = PLAIN_NAME.fullmatch(doc.text, a, b)
    if literal is None and held is not None:
        literal = _assigned_container(doc, held["n"], start)
    keys = {k.name for k in doc.containers[literal].keys} if literal is not None else None
    return (a, b) if callconfigs.holds_config(place, keys) else None


def _config_keys(doc: Text, index: int, body: list[Key], query: list[Key], before: int) -> None:
    """What a client's config object sends: only its data (the body) and params (the query),
    as an options object's (see _option_keys); its timeout, signal... are no field."""
    names = {k.name for k in doc.containers[index].keys}
    _option_keys(doc, index, names, (body, query), 0, before)


def _option_keys(
    doc: Text,
    index: int,
    names: set[str],
    targets: tuple[list[Key], list[Key]],
    depth: int,
    before: int,
) -> None:
    """The keys an options object sends (method, headers, body...): those of its body/json/data
    and params/query values, literals or variables (see _collect)."""
    body, query = targets
    c = doc.containers[index]
    # (Perl's HTTP::Tiny: `{ headers => {...}, content => encode_json({...}) }`; a `content`
    # without headers beside it may be an AKOOL field: the moderator's)
    sent = (*BODY_KEYS, "content") if "headers" in names else BODY_KEYS
    sent = (*sent, "postData") if "method" in names else sent  # a HAR entry's request
    sent = (*sent, "payload") if "method" in names else sent  # Apps Script's UrlFetchApp
    sent = (*sent, "request_body") if "method" in names else sent  # Terraform's data "http"
    if "method" in names and names & DESCRIBED_AT and names & DESCRIPTOR_LISTS.keys():
        _descriptor_keys(doc, c, body, query)
    for k in c.keys:
        target = body if k.name in sent else query if k.name in QUERY_KEYS else None
        if target is None:
            continue
        end = value_end(doc, k, c)
        for inner in c.children:
            if k.value_start <= doc.containers[inner].start < end:
                _collect(doc, inner, target, target, depth + 1, before)
        value = doc.text[k.value_start : end]
        called: set[str] | None = None  # (the names the value calls, found once)
        for ref, at in _value_names(value):
            if nested_value(doc, k.value_start + at, c.start):
                continue  # body: JSON.stringify({elements: [slide]}): slide is an item
            found = _assigned_container(doc, ref, before)
            if found is not None and found != index:
                held: list[Key] = []  # (less the keys removed before the call)
                _collect(doc, found, held, held, depth + 1, before)
                for key in held if doc.shared(ref) else ():
                    key.shared = True  # (`...defaults` spread into two bodies: theirs too)
                target += _not_removed(doc, ref, held, doc.containers[found].start, before)
            elif found is None:
                called = set(CALLED_NAME.findall(value)) if called is None else called
                if ref in called:  # body: JSON.stringify(makePayload(u))
                    target += _built_keys(doc, ref, 1)


# A name called in an option's value (`makePayload(u)`): each one, found in one pass over the
# value, not a pattern per name searched over it (break21f #3: quadratic in a big body's size).
CALLED_NAME = rx.compile(r"(?<![\w$])([A-Za-z_]\w*)\s*\(")


def _fetch_init(names: set[str]) -> bool:
    """Whether a container labelled as options (`const requestOptions = {...}`, AKOOL's own
    fetch samples) is a request's init: a body beside its method or headers."""
    sent = {"body", "data", "json", "payload"}  # (Apps Script's UrlFetchApp: `payload`)
    return bool(names & sent) and bool(names & {"method", "headers"})


def _value_names(value: str) -> Iterator[tuple[str, int]]:
    """The names an option's value uses (`JSON.stringify(body)`), each with where it is in the
    value, not the types it names (TypeScript's `{...} satisfies Img`, `x as Img`)."""
    remarks = _remarks(value)
    for m in re.finditer(r"\b([A-Za-z_]\w*)\b", value):
        if any(a <= m.start() < b for a, b in remarks):
            continue  # (`JSON.stringify({ // the body`: a comment's words)
        if not TYPE_PLACE.search(value, max(0, m.start() - 12), m.start()):
            yield m.group(1), m.start()


GO_STRUCT = rx.compile(r"\btype\s+(?P<name>[A-Za-z_]\w*)\s+struct\s*\{")
GO_TAGGED = rx.compile(
    r"^[ \t]*(?P<go>[A-Za-z_]\w*)[ \t]+[^`\n]*`[^`\n]*?\bjson:\"(?P<json>[A-Za-z_][\w-]*)", re.M
)
GO_LITERAL_TYPE = rx.compile(r"&?(?P<t>[A-Za-z_]\w*)\s*$")


def _go_structs(doc: Text) -> dict[str, list[StructField]]:
    """The struct types a Go file declares, each with its JSON-tagged fields (a field without a
    json tag, or tagged "-", is left out: its JSON name is not written where a fix could go)."""
    found: dict[str, list[StructField]] = {}
    for m in GO_STRUCT.finditer(doc.text):
        index = doc.container_at(m.end() - 1)
        if index is None:
            continue
        c = doc.containers[index]
        found[m.group("name")] = [
            StructField(t.group("go"), t.group("json"), t.start("json"))
            for t in GO_TAGGED.finditer(doc.text, c.start + 1, c.end - 1)
        ]
    return found


def _struct_keys(doc: Text, c: Container) -> list[Key] | None:
    """The JSON keys a Go struct literal (`TalkReq{WebhookURL: h}`) sends: every tagged field of
    its type, each at its tag (where the JSON name is written), with the literal's value for it
    when the literal sets one. Never patched: a tag is every literal's of that type."""
    kind = GO_LITERAL_TYPE.search(c.label)
    fields_ = doc.structs.get(kind.group("t")) if kind else None
    if fields_ is None:
        return None
    given = {k.name: k for k in c.go_fields}
    keys = []
    for f in fields_:
        value = given.get(f.go)
        if value is None:
            keys.append(Key(f.json, f.offset, f.offset, f.offset, raw=True, shared=True))
        else:
            end = value_end(doc, value, c)
            keys.append(Key(f.json, f.offset, value.value_start, end, shared=True))
    return keys


# The Go type a value or a declaration names as a file struct's, or a list of them: `[]mapping`,
# `*hsMapping`, `[]*mapping{{...}}`, `&mapping{...}` (the name is looked up in doc.structs).
GO_STRUCT_TYPE = rx.compile(r"&?(?:\[\d*\])?\*?(?P<t>[A-Za-z_]\w*)\b")
# A struct field's declaration before its tag: `Mappings []mapping `json:"mappings"``.
GO_FIELD_TYPE = rx.compile(r"^[ \t]*[A-Za-z_]\w*[ \t]+(?P<type>[^`\n]+?)[ \t]*`[^`\n]*$")
# A name's declared type: a parameter or a var (`maps []hsMapping`, `var maps []hsMapping`) or a
# literal bound to it (`maps := []hsMapping{`).
GO_DECLARED_AS = rx.compile(r"(?:[ \t]+|\s*:?=\s*)(?P<type>&?(?:\[\d*\])?\*?[A-Za-z_]\w*)")
GO_VALUE_NAME = rx.compile(r"\s*(?P<n>[A-Za-z_]\w*)\s*(?:[,}\n]|$)")


def go_item_struct(doc: Text, key: Key) -> list[StructField] | None:
    """The tagged fields of the file's Go struct that a key's value is, or holds the items of:
    a struct field's declared type (`Mappings []mapping` at its tag), a literal's type
    (`"mappings": []mapping{{...}}`) or a name's declared type (`"mappings": maps` with
    `maps []hsMapping`). None when the type is not one of the file's structs."""
    text = doc.text
    if text[max(0, key.offset - 6) : key.offset] == 'json:"':  # at a struct field's tag
        line_start = text.rfind("\n", 0, key.offset) + 1
        declared = GO_FIELD_TYPE.match(text[line_start : key.offset])
        spelled = declared.group("type") if declared else ""
    else:
        value = text[key.value_start : key.value_start + 120].lstrip()
        named = GO_VALUE_NAME.match(value)
        spelled = value
        if named is not None:  # a name: its declaration's type
            spelled = _go_declared_type(text, named.group("n"), key.offset)
    m = GO_STRUCT_TYPE.match(spelled)
    return doc.structs.get(m.group("t")) if m else None


def _go_declared_type(text: str, name: str, before: int) -> str:
    """The type a Go name is last declared with before an offset (a parameter or a var, `maps
    []hsMapping`, or a literal bound to it, `maps := []hsMapping{`), read back from each place the
    name is written (at most 20,000 characters back, as a binding is looked for)."""
    lo, at = max(0, before - 20000), before
    while (at := text.rfind(name, lo, at)) >= 0:
        if at and (text[at - 1].isalnum() or text[at - 1] in "_."):
            continue
        m = GO_DECLARED_AS.match(text, at + len(name))
        if m is not None and m.group("type") not in ("range", "append"):
            return m.group("type")
    return ""


def go_item_keys(doc: Text, key: Key) -> list[Key] | None:
    """The keys a Go field's struct-typed value sends, each at its tag (never patched: a tag is
    every value's of that type; the values are not read, as _struct_keys reads an unset field)."""
    fields_ = go_item_struct(doc, key) if doc.structs else None
    if not fields_:
        return None
    return [Key(f.json, f.offset, f.offset, f.offset, raw=True, shared=True) for f in fields_]


def _top_containers(doc: Text, start: int, end: int) -> list[int]:
    inside = doc.inside(start, end)
    return [k for k in inside if doc.containers[k].parent < inside.start]


def assigned_container(doc: Text, name: str, before: int) -> int | None:
    """The container last assigned to `name` before an offset (for methods.py)."""
    return _assigned_container(doc, name, before)


NEXT_LINE_OPENER = rx.compile(r"\n[ \t]*[{\[]")  # (a literal's brace on the line after)


def _assigned_container(doc: Text, name: str, before: int) -> int | None:
    """The container last assigned to `name` before an offset (x = {...}, x = JSON.stringify({...}),
    $x = [...], val x = JSONObject(mapOf(...)), x := map[string]any{...})."""
    spot = doc.last_assignment(name, before)
    if spot is None:
        return None
    jq = builders.substituted_jq(doc, spot[1]) if doc.jq else None
    if jq is not None:  # BODY=$(jq -n --arg u "$U" '{...}')
        return doc.container_at(jq)
    text = doc.text
    line_end = text.find("\n", spot[1])
    line_end = line_end if line_end >= 0 else len(text)
    stop = min(spot[1] + 80, line_end)
    if not text[spot[1] : line_end].rstrip().endswith((";", ",")):
        opener = NEXT_LINE_OPENER.match(text[line_end : line_end + 200])
        if opener is not None:  # C#'s new Dictionary<string, object>\n{ ... }
            stop = line_end + opener.end()
    for k in doc.inside(spot[1], stop):
        c = doc.containers[k]
        after = text[c.end : c.end + 1]
        if not c.keys and (after.isalnum() or after in "{*@"):
            continue  # a type: map[string]any{, []string{, map[string]interface{}{, [ordered]@{
        return k
    return None


# A callee right before a call's `(` (format!( is a Rust macro's call), matched on the text
# before it read backwards: `[A-Za-z_][\w.$>]*!?\s*$` searched forwards tries every start.
CALL_OPENER_BACKWARDS = rx.compile(r"\s*!?[\w.$>]*[A-Za-z_]")
TYPE_ARGUMENTS_MAX = (
    200  # characters of a call's type arguments: akoolFetch<Resp<{ _id: string }>>(
)


def opens_call(text: str, paren: int) -> bool:
    """Whether the `(` at `paren` opens a call's arguments: a callee right before it, perhaps
    with TypeScript's type arguments (`akoolFetch<{ data: { _id: string } }>(`, over lines
    too), which hold no parentheses, `=`, `&&` or `||` (that would be a comparison)."""
    before = text[max(0, paren - 60) : paren]
    if CALL_OPENER_BACKWARDS.match(before[::-1]):
        return True
    end = len(before.rstrip())
    if not before[:end].endswith(">") or before[:end].endswith("=>"):
        return False
    window = text[max(0, paren - TYPE_ARGUMENTS_MAX) : paren].rstrip()
    depth = 0
    for k in range(len(window) - 1, -1, -1):
        ch = window[k]
        depth += 1 if ch == ">" else -1 if ch == "<" else 0
        if ch in "()=" or window.startswith(("&&", "||"), k):
            return False
        if depth == 0:
            return re.search(r"[A-Za-z_][\w.$]*\s*$", window[:k]) is not None
    return False


# (httpie's `http POST url`, not a client named http: `http.post(...)` in Rust or Dart)
SHELL_COMMAND = rx.compile(
    r"\s*(?:curl|http|xhs?|wget|akool\s+api)(?:\s|$)|.*\$\(curl\b|.*\bcurl\s"
    r"|\s*(?:\$\w+\s*=\s*)?(?:Invoke-RestMethod|Invoke-WebRequest)\s"  # PowerShell's
)


def _command_word(text: str) -> bool:
    """Whether a line holds what SHELL_COMMAND needs: curl anywhere, a PowerShell cmdlet, or one
    of its other commands first (its `.*curl` alternatives ran over every line of a file)."""
    return (
        "curl" in text
        or "Invoke-" in text
        or text.lstrip().startswith(("http", "xh", "wget", "akool"))
    )


# A command line of a shell script that may pass a URL to a function: `post "$API/x" '{...}'`,
# `akool POST /content/... '{...}'` (a wrapper given the method first), `R=$(post /x '{...}')`
# (and as a one-line function's first command: `new_photo() { post /x '{...}'; }`)
ONE_LINE_FUNCTION = r"\s*(?:(?:function\s+)?[A-Za-z_][\w:.-]*\s*\(\s*\)\s*\{\s+|function\s+[A-Za-z_][\w:.-]*\s*\{\s+)"
FUNCTION_HEAD = rx.compile(ONE_LINE_FUNCTION)
SHELL_LINE = rx.compile(
    rf"(?:{ONE_LINE_FUNCTION})?"
    r"\s*(?:(?:local\s+|export\s+|readonly\s+)?[A-Za-z_]\w*=[\"']?(?:\$\(|`)\s*)?"
    r"[A-Za-z_][\w-]*\s+(?:[\"']?(?:GET|POST|PUT|DELETE|PATCH)[\"']?\s+)?[\"'$/]"
)


def _call_extents(doc: Text, offset: int) -> list[tuple[int, int]]:
    """The text of each request a path belongs to: the argument list around it, a shell command
    with its continuation lines, or, for a URL assigned to a name, every call after it that
    passes the name (until the name is assigned again)."""
    line = doc.line_of(offset)
    if doc.is_command(line) or doc.is_command(_continued_from(doc, line)):
        command = _shell_command(doc, line)
        head = FUNCTION_HEAD.match(doc.text, command[0]) if doc.language == "shell" else None
        command = (head.end(), command[1]) if head else command  # (the function's braces: no body)
        return [command, *_heredoc(doc, command)]
    parens = enclosing_call(doc, offset)
    if parens is None and doc.language in ("kotlin", "csharp"):
        parens = apart.receiver_call(doc, offset)  # (Fuel's `"$BASE/x".httpPost().body(...)`)
    if parens is None and doc.language == "ruby":  # (`RestClient.post url, body, headers`)
        parens = commandcalls.command_call(doc.text, doc.starts[doc.line_of(offset)], offset)
    if parens is not None:
        apart_ = apart.extents(doc, parens)
        return [
            _declared(doc, _initialized(doc, parens)),
            *handles.body_extents(doc, parens),
            *apart_,
            *_sent_links(doc, parens),
        ]
    held = url_uses(doc, offset) or field_uses(doc, offset)
    if held is None or held[0] in doc._followed:
        # (another path of the same assignment, u = a ? "/x" : "/y", was followed already: every
        # key its uses send is that path's by then, so following them again would add nothing)
        return []
    doc._followed.add(held[0])
    found: list[tuple[int, int]] = []
    for use in held[1]:
        use_line = doc.line_of(use)
        extent = (
            _shell_command(doc, use_line) if doc.is_command(use_line) else enclosing_call(doc, use)
        )
        if extent is not None and doc.language == "csharp":  # (an HttpRequestMessage's
            extent = _initialized(doc, extent)  # `{ Content = ... }` initializer after it)
        if extent is not None and extent not in found:
            found.append(extent)
            if doc.is_command(use_line):  # (`curl "$URL" -d @- <<EOF`: the document after it)
                found += _heredoc(doc, extent)
            else:
                found += (e for e in handles.body_extents(doc, extent) if e not in found)
                found += (e for e in apart.extents(doc, extent) if e not in found)
    return found


def _heredoc(doc: Text, command: tuple[int, int]) -> list[tuple[int, int]]:
    """apart.heredoc, once per shell command (each path of a command asks: a line of N curls
    joined by `;` is one command, copied and searched for `<<` once per curl on it)."""
    found = doc._heredocs.get(command)
    if found is None:
        found = doc._heredocs[command] = apart.heredoc(doc, command)
    return list(found)


# C#'s `new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(new {...}) }`:
# the object initializer after the constructor's arguments sets the request's content.
CONTENT_OF = rx.compile(
    r"\bContent\s*=\s*(?:JsonContent\.Create|new\s+StringContent\(\s*\w+\.Serialize(?:Object)?)\(\s*new\s*$"
)
REQUEST_MESSAGE = rx.compile(r"\bnew\s+HttpRequestMessage\s*$")
# The same content given a typed object (`{ Content = JsonContent.Create(new TtsRequest { ... }) }`).
MESSAGE_CONTENT = rx.compile(
    r"\bContent\s*=\s*(?:JsonContent\.Create|new\s+StringContent\(\s*\w+\.Serialize(?:Object)?)"
    r"\s*(?:<[^<>()]*>)?\(\s*$"
)


def message_content(doc: Text, at: int) -> bool:
    """Whether the instance made at `at` is what a C# request message's initializer sets as its
    content (and so the body, though written inside the initializer's braces)."""
    return doc.language == "csharp" and bool(MESSAGE_CONTENT.search(doc.text, max(0, at - 80), at))


INITIALIZER = rx.compile(r"\s*\{")


def _initialized(doc: Text, parens: tuple[int, int]) -> tuple[int, int]:
    """A call's extent, with the object initializer of a C# HttpRequestMessage it constructs."""
    if doc.language != "csharp" or not REQUEST_MESSAGE.search(
        doc.text, max(0, parens[0] - 40), parens[0]
    ):
        return parens
    opened = INITIALIZER.match(doc.text, parens[1])
    index = doc.container_at(opened.end() - 1) if opened else None
    return (parens[0], doc.containers[index].end) if index is not None else parens


# A Feign client's method: Spring's `@PostMapping("/x")` or Feign's `@RequestLine("POST /x")` on the
# method declaration that follows, whose parameters say the query (`@RequestParam("k") String k`).
DECLARING = rx.compile(
    r"@(?:(?:Get|Post|Put|Delete|Patch|Request)Mapping|RequestLine|GET|POST|PUT|DELETE|PATCH)\s*$"
    r"|@(?:Get|Post|Put|Delete|Patch)(?:Exchange)?\s*$"  # (Spring 6's, Micronaut's clients)
    r"|@(?:GET|POST|PUT|DELETE|PATCH)\s+@Path\s*$"  # (a JAX-RS client's method path)
    r"|\[(?:Get|Post|Put|Delete|Patch)\s*$"  # (Refit's `[Post("/x")]`)
)  # (Retrofit's and Ktorfit's `@GET("content/...")` too, whose `@Query("k")` parameters say the query)
DECLARATION = rx.compile(r"\]?\s*(?:@\w+(?:\([^()]*\))?\s*)*[\w<>\[\], ?]+\s+\w+\s*\(")
REQUEST_PARAM = rx.compile(
    r"@(?:RequestParam|Query|QueryValue|QueryParam)\s*\(\s*(?:(?:value|name)\s*=\s*)?"
    r"\"(?P<n>[A-Za-z_]\w*)\""  # (Micronaut's @QueryValue, JAX-RS' @QueryParam too)
    r"|@RequestParam\s+(?:final\s+)?[\w<>\[\]?]+\s+(?P<p>[A-Za-z_]\w*)"
)


# jQuery's GETs, whose data is the query: `$.get(url, {...})`, `$.getJSON(url, {...})`, and
# `$.ajax({ url, data: {...} })` of no other method (`type`/`method`, GET by default).
JQUERY_GET = rx.compile(r"(?<![\w$])(?:\$|jQuery)\.(?:get|getJSON)\s*$")
JQUERY_AJAX = rx.compile(r"(?<![\w$])(?:\$|jQuery)\.ajax\s*$")
NOT_GET = rx.compile(r"\b(?:type|method)\s*:\s*[\"'](?i:post|put|patch|delete)[\"']")


def _data_is_query(doc: Text, start: int, segment: str) -> bool:
    """Whether the call opened at `start` is a jQuery GET (see JQUERY_GET), or Alamofire's
    `AF.request(url, parameters: [...])` of no other method (its parameters URL-encoded)."""
    if (
        doc.language == "powershell"
    ):  # (`Invoke-RestMethod -Uri $u -Body @{ k = v }`: a GET's query)
        return apart.ps_get_body(segment)
    if doc.language == "swift":
        callee = doc.text[max(0, start - 30) : start]
        return bool(ALAMOFIRE.search(callee)) and not SWIFT_NOT_GET.search(segment)
    if doc.python:
        return _fields_query(segment)
    if doc.jquery is None:  # (looked for once a file)
        doc.jquery = "$." in doc.text or "jQuery." in doc.text
    if not doc.jquery:
        return False
    callee = doc.text[max(0, start - 20) : start]
    if JQUERY_GET.search(callee):
        return True
    return bool(JQUERY_AJAX.search(callee)) and not NOT_GET.search(segment)


# urllib3's `request("GET", url, fields={...})`: for GET, HEAD and DELETE it encodes the fields into
# the URL's query (for the other methods they are the form body).
URLLIB3_QUERY_METHOD = rx.compile(r"\(\s*(?:method\s*=\s*)?[\"'](?:GET|HEAD|DELETE)[\"']\s*,")
URLLIB3_FIELDS = rx.compile(r"[(,]\s*fields\s*=(?!=)")


def _fields_query(segment: str) -> bool:
    """Whether a Python call's arguments (`segment`) are urllib3's GET with its query as `fields=`."""
    return "fields" in segment and (
        URLLIB3_QUERY_METHOD.match(segment) is not None
        and URLLIB3_FIELDS.search(segment) is not None
    )


ALAMOFIRE = rx.compile(r"(?<![\w.])(?:AF|Alamofire|Session\.default)\.request\s*$")
SWIFT_NOT_GET = rx.compile(r"\bmethod\s*:\s*\.(?!get\b)\w+|JSONEncoding|JSONParameterEncoder")


def _declared(doc: Text, parens: tuple[int, int]) -> tuple[int, int]:
    """A Feign annotation's extent, to the end of the method declaration it annotates."""
    before = max(0, parens[0] - 40)  # (DECLARING's `@` or `[` first: most calls have neither)
    marked = (
        doc.text.find("@", before, parens[0]) >= 0 or doc.text.find("[", before, parens[0]) >= 0
    )
    if (
        doc.text[parens[0] : parens[0] + 1] != "("
        or not marked
        or not DECLARING.search(doc.text, before, parens[0])
    ):
        return parens
    declared = DECLARATION.match(doc.text, parens[1])
    around = doc.paren_around(declared.end()) if declared is not None else None
    return (parens[0], around[1]) if around is not None else parens


def url_uses(doc: Text, offset: int) -> tuple[int, list[int]] | None:
    """For a path in a URL assigned to a name (`TALK = f"{BASE}/..."`): where its statement
    starts and every place after it that passes the name, until the name is bound again."""
    line = doc.line_of(offset)
    end = doc.starts[line + 1] - 1 if line + 1 < len(doc.starts) else len(doc.text)
    # the statement the path is in: from the last `;` before it on its line (const A = "..";
    # const B = ".." are two assignments)
    statement = doc.statement_start(line, offset)
    assigned = ASSIGNED_URL.match(doc.text, statement, end)
    if assigned is None:
        return None
    name = assigned.group("v")
    # (the name's next binding after the statement: a bisection, as a name bound in each of
    # 5,000 functions, `j = requests.post(f"{BASE}/...").json()`, is asked 5,000 times)
    spots = doc.assigned.get(name, [])
    k = bisect.bisect_right(spots, end, key=lambda spot: spot[0])
    stop = spots[k][0] if k < len(spots) else len(doc.text)
    uses = doc.uses().get(name, [])
    found = uses[bisect.bisect_left(uses, end) : bisect.bisect_left(uses, stop)]
    if OBJECT_VALUE.match(doc.text, assigned.end()):  # an object of URLs: the entry's uses only
        key = ENTRY_KEY.search(doc.text, max(assigned.end(), offset - 300), offset)
        found = [u for u in found if _member(doc.text, u + len(name)) in ("", key and key["k"])]
        if key is not None:  # (each entry followed on its own: its start, not the statement's)
            return key.start("k"), found
    if doc.scopes is not None:  # not a parameter or a local of the same name in another function
        found = [u for u in found if doc.scopes.visible(name, line, doc.line_of(u))]
    return statement, found


# A URL literal held in an object's field: a struct literal's or a constructor's key
# (`&Client{detectURL: "https://..."}`), a field assigned on `this`/`self`
# (`this.detectUrl = "..."`, `self.detect_url = f"..."`).
FIELD_URL = rx.compile(
    r"(?:(?:\bthis|\bself|@)\s*\.?\s*|[{,(]\s*|^\s*)[\"']?(?P<v>[A-Za-z_]\w*)[\"']?\s*(?::|=(?!=))\s*"
    r"[fFrR$@]?[\"'`][^\"'`]*$"
)


def field_uses(doc: Text, offset: int) -> tuple[int, list[int]] | None:
    """For a path in a URL held in an object's field (FIELD_URL): where its line starts and
    every place that passes the field read on an object (`http.Post(c.detectURL, ...)`,
    `fetch(this.detectUrl, ...)`) as a call's argument."""
    line = doc.line_of(offset)
    start = max(doc.starts[line], offset - 200)  # (a minified line: only the text before the URL)
    found = FIELD_URL.search(doc.text, start, offset)
    if found is None:
        return None
    name = found["v"]
    uses = doc._field_passes.get(name)
    if uses is None:
        passed = re.compile(
            r"[(,]\s*(?:&?[A-Za-z_$@][\w$]*\s*(?:\.|->)\s*)+" + re.escape(name) + r"\s*[,)]"
        )
        uses = doc._field_passes[name] = [m.start() + 1 for m in passed.finditer(doc.text)]
    return (doc.starts[line], uses) if uses else None


# A name bound to an object (or a Go struct) whose entries hold URLs (`const Paths = { TALK:
# "/api/...", INFO: "/api/..." }`): a use of it reads one entry, by its key.
OBJECT_VALUE = rx.compile(r"\s*(?:&?[A-Za-z_][\w.]*\s*)?\{")
ENTRY_KEY = rx.compile(r"[\"']?(?P<k>[A-Za-z_$][\w$]*)[\"']?\s*(?::|=>|=)\s*[fr]?[\"'`][^\"'`]*$")
MEMBER = rx.compile(
    r"\s*(?:\?\.|\.|->|::)\s*(?P<k>[A-Za-z_$][\w$]*)|\[\s*[\"'](?P<q>[^\"']+)[\"']\s*\]"
)


def _member(text: str, at: int) -> str:
    """The member a use of a name reads (`Paths.TALK`, `paths["talk"]`; "" for the name alone or
    a method of it: `paths.get("talk")`)."""
    m = MEMBER.match(text, at)
    if m is None or text[m.end() : m.end() + 1] == "(":
        return ""
    return m["k"] or m["q"]


SEMICOLON = rx.compile(";")
ASSIGNED_URL = rx.compile(  # (C#'s `const string X =`, Kotlin's and TypeScript's `val X: String =`)
    r"\s*(?:const|let|var|val|local|final|static|private|public|protected|internal|readonly"
    r"|String|string|\s"
    r"|[A-Z][\w.]*(?=\s+[A-Za-z_]\w*\s*=[^=]))*"  # (a JVM/.NET type: `HttpUrl url = `)
    r"\$?(?P<v>[A-Za-z_]\w*)(?:\s*,\s*(?:err|_)\b)?\s*(?::\s*[\w.?]+\s*)?(?::=|=)"
)  # (Go's `u, err := url.JoinPath(...)`: the URL and the error)
# Where a name is passed: f(NAME, g(x, NAME), url=NAME, url: NAME, "$NAME", ${NAME}
NAME_USE = rx.compile(r"(?:[(,]\s*(?:url\s*[=:]\s*)?|\burl\s*[=:]\s*|\$\{?)\$?(?P<n>[A-Za-z_]\w*)")


# Calls that build a URL rather than send it: the request is the call around them.
URL_BUILDERS = (
    *("urljoin", "join", "Sprintf", "sprintf", "format", "URI.create", "URI", "URL", "resolve"),
    *("parse", "str", "String", "encodeURI", "url_for", "Uri", "concat", "url"),
    *("paste0", "paste", "glue", "file.path"),  # (R's)
    *("appendingPathComponent", "appending"),  # (Swift's `URLRequest(url: base.appending...(...))`)
    *("JoinPath", "ResolveReference"),  # (Go's `u, err := url.JoinPath(base, "content/x")`)
)
# One of them right before a `(` (perhaps a Rust macro's `!`), matched on the text before it read
# backwards (as CALL_OPENER_BACKWARDS).
URL_BUILDER_BACKWARDS = rx.compile(
    r"\s*!?(?:" + "|".join(re.escape(word[::-1]) for word in URL_BUILDERS) + ")"
)


CHAINED_URL = rx.compile(r"\.(?:uri|url|newBuilder)\s*$")  # (Java's HttpRequest.newBuilder(uri))
CHAINED_URL_ENDINGS = (".uri", ".url", ".newBuilder")  # (what CHAINED_URL's text ends with)


def chained_url(opener: str) -> bool:
    """CHAINED_URL.search(opener), its endings looked at first (most openers end otherwise)."""
    return opener.rstrip().endswith(CHAINED_URL_ENDINGS) and CHAINED_URL.search(opener) is not None


CHAIN_GOES_ON = rx.compile(r"\s*\.\w")


def _enclosing_call(doc: Text, offset: int) -> tuple[int, int] | None:
    around = doc.paren_around(offset)
    for _ in range(3):
        if around is None:
            return None
        opener = doc.text[max(0, around[0] - 60) : around[0]]
        if chained_url(opener) and CHAIN_GOES_ON.match(doc.text, around[1]):
            # a builder chain (WebClient .uri(...).bodyValue(...), OkHttp .url(...).post(...)):
            # the request is the rest of the statement
            return around[0], _chain_end(doc, around[1])
        if not opens_call(doc.text, around[0]) or _in_block(doc, offset, around[0]):
            return None  # not a call's arguments: a module wrapped in define(function(){...})
        if doc.holds(ENUM_WORD) and enum_constant(doc.text, around[0]):
            return None  # an enum's constant, `INFO("/api/open/v3/...")`: a table's entry
        if not URL_BUILDER_BACKWARDS.match(opener[::-1]):
            if doc.language == "rust" and CHAIN_GOES_ON.match(doc.text, around[1]):
                return around[0], _chain_end(doc, around[1])  # .post(url).query(..).json(&b)
            return around
        around = doc.paren_around(around[0])
    return around


CHAIN_LINK = rx.compile(r"\)?\s*\.\s*\w+\s*\(")
# A Java or Kotlin enum's constant with its arguments, alone at the start of its line.
ENUM_CONSTANT = rx.compile(r"(?:^|\n)[ \t]*[A-Z][A-Z0-9_]*[ \t]*$")


def enum_constant(text: str, paren: int) -> bool:
    """Whether the `(` at `paren` follows an enum constant's name (`TALK("POST", "/...")`, in a
    file that declares an enum), not a function's."""
    return _declares_enum(text) and bool(ENUM_CONSTANT.search(text, max(0, paren - 60), paren))


ENUM_WORD = "enum "  # (a file without it declares no enum)


@lru_cache(maxsize=8)
def _declares_enum(text: str) -> bool:
    """Whether a text declares an enum (once per text: each call of a file asks)."""
    return ENUM_WORD in text


SENT_LINK = rx.compile(r"\s*\.\s*(?P<name>\w+)\s*\(")
# The links of a chain on a call that give its request's body or query: superagent's
# `request.post(url).set(...).send({...})` and `.query({...})`.
SENDING_LINKS = frozenset({"send", "query"})
# The JVM's: Apache's fluent `Request.post(url).bodyString(json, type)`, Vert.x's
# `client.postAbs(url).sendJsonObject(obj)` (`sendJson`, `sendBuffer`).
JVM_BODY_LINKS = frozenset({"bodyString", "sendJsonObject", "sendJson", "sendBuffer"})


def _sent_links(doc: Text, call: tuple[int, int]) -> list[tuple[int, int]]:
    """The arguments of each `.send(...)` or `.query(...)` link chained on the call."""
    found = []
    end = call[1]
    while (link := SENT_LINK.match(doc.text, end)) is not None:
        around = doc.paren_around(link.end())
        if around is None or around[0] != link.end() - 1:
            break
        if link.group("name") in SENDING_LINKS or link.group("name") in JVM_BODY_LINKS:
            found.append((link.start("name") - 1, around[1]))
        end = around[1]
    return found


def _chain_end(doc: Text, end: int) -> int:
    """Where a builder chain ends (Java's `.url(...).post(...).build();`, Kotlin's
    `.url(...)\n.post(...)\n.build()`): after the last `.name(...)` that follows on."""
    while True:
        link = CHAIN_LINK.match(doc.text, end)
        if link is None:
            return end
        around = doc.paren_around(link.end())
        if around is None or around[0] != link.end() - 1:
            return end
        end = around[1]


# What opens a block of code rather than an object literal: `) {`, `=> {`, `-> {`, `else {`.
BLOCK_OPENER = rx.compile(r"(?:\)|=>|->|\b(?:else|do|try|finally))\s*$")


def _in_block(doc: Text, offset: int, paren: int) -> bool:
    """Whether a place inside parentheses opened at `paren` sits in a block of code within them
    (a function's body: `define(function () { var u = "..."; ... })`), so that the parentheses
    are a wrapper around statements, not the arguments of the call that sends the path."""
    k = doc.innermost(offset)
    while k >= 0 and doc.containers[k].start > paren:
        c = doc.containers[k]
        if doc.text[c.start] == "{" and BLOCK_OPENER.search(c.label):
            return True
        k = c.parent
    return False


def _continued_from(doc: Text, line: int) -> int:
    """The first line of the command a line continues (`curl -X POST \\` then the URL on the
    next line); the line itself when the one before it does not end with a backslash."""
    first = line
    while first > 0 and _continues(doc, doc.starts[first] - 1):
        first -= 1
    return first


def _continues(doc: Text, end: int) -> bool:
    """Whether the line ending at `end` goes on onto the next: a trailing backslash (PowerShell's
    backtick)."""
    last = doc.text[end - 1 : end]
    return last == "\\" or (last == "`" and doc.language == "powershell")


def _shell_command(doc: Text, line: int) -> tuple[int, int]:
    """A shell command: its line and the lines its trailing backslashes continue onto."""
    first = _continued_from(doc, line)
    last = line
    while last + 1 < len(doc.starts):
        end = doc.starts[last + 1] - 1
        if not _continues(doc, end):
            break
        last += 1
    end = doc.starts[last + 1] - 1 if last + 1 < len(doc.starts) else len(doc.text)
    return doc.starts[first], end


# -- the literal values a field can take --------------------------------------------------------------


@dataclass(frozen=True)
class Literal:
    text: str  # as written, quotes included
    value: str  # without quotes
    quoted: bool
    offset: int
    shared: bool = False  # reached through a name that other places use too
    written: str = ""  # the source's own characters when they differ (`\"720p\"` in escaped JSON)

    @property
    def source(self) -> str:
        """The literal's characters in the file, escapes included."""
        return self.written or self.text


def _own(doc: Text, at: int, written: str) -> str:
    """A literal's characters as the file writes them (`""1080p""` in a C# verbatim string,
    which the field rules read as `\"1080p\"`)."""
    return doc.source[at : at + len(written)] if doc.source and written else written


# A number as the languages write one (`1_000`, `1e999`, `.5`), and one that is not finite (`NaN`,
# `Infinity`, `float("nan")`, `math.inf`, `double.NaN`, Go's `math.Inf(1)`), which no JSON holds.
NUMBER = r"-?(?:\d[\d_]*(?:\.\d[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d+)?"
NON_FINITE = (
    r"-?(?:NaN|Infinity|math\.(?:inf|nan)|(?:double|Double|float|Float)\.(?:NaN|PositiveInfinity"
    r"|NegativeInfinity|POSITIVE_INFINITY|NEGATIVE_INFINITY)|math\.Inf\(\s*-?1\s*\)|math\.NaN\(\))"
    r"|float\(\s*[\"'][+-]?(?:nan|inf|infinity)[\"']\s*\)"
)
LITERAL = rx.compile(
    r"\\?(?P<q>[\"'`])(?P<v>[^\"'`\\\n]*)\\?(?P=q)"
    rf"|(?<![\w.$])(?:(?P<n>{NUMBER})|(?P<nf>{NON_FINITE}))(?![\w.(])"
)
# A Python string's prefix (`u"720p"`, `f"720p"`), and a triple-quoted string that is a whole value.
PY_PREFIX = rx.compile(r"(?<![\w.])(?:[uU]|[fF][rR]?|[rR][fF]?)$")
PY_TRIPLE = rx.compile(
    r"\s*(?:[uUrR]|[fF](?=[^{]*$))?((?P<t>\"\"\"|''')(?P<v>[^\"'\n{]*)(?P=t))\s*"
)
# After a string: a concatenation or a format that puts more text into it (`"\"" + res`).
SPLICED = rx.compile(r"\s*(?:\+(?![+=])|\.(?![\w.])|%(?!=))")
# (prec32) A key's value that closes its JSON string to splice a value in unquoted
# (`"{\"n\":" + years + ",...}"`, PHP's `'...:' . $n . ',...'`, a C# verbatim `" + n + @"`, or
# cut at an inner quote: `" + (on ? "1" : "0") + "`): what is sent is no string literal (an
# escaped quote, `\"" + res + "\"`, opens a string value instead: see SPLICED).
SPLICED_OPENING = rx.compile(
    r"\s*[\"'`]\s*(?:\+|\.\.?|<>|&)\s*(?=[^\s\"'`])(?:[^\"'`\n]*(?:\+|\.\.?|<>|&)\s*[@$]*|[^\"'`\n]*[(\[?:,=]\s*)[\"'`]"
)
SPLICE_SECOND = frozenset(" +.<&")  # (the character after the quote SPLICED_OPENING needs)
FALLBACK = rx.compile(r"(?:\?\?|\|\||\bor\b|\?:|\belse\b|:-|\?|:|\|)\s*$|^\s*$")


def number_value(written: str) -> str:
    """A number literal's value as Python's float() reads it: `1_000` 1000, `NaN` nan, `-Infinity`
    -inf (any form NON_FINITE names)."""
    if re.fullmatch(NUMBER, written):
        return written.replace("_", "")
    low = written.lower()
    negative = "negative" in low or re.search(r"(?:^|[\"'(])\s*-", low) is not None
    return ("-" if negative else "") + ("nan" if "nan" in low else "inf")


# A value that is a name alone (`$x`, `self.x`, `cfg.x`, `x`, Go's `*x` of a flag), and a value
# that is blank.
HELD_NAME = rx.compile(r"\s*(?:\$|\*|self\.|this\.|(?P<o>[A-Za-z_]\w*)\.)?(?P<n>[A-Za-z_]\w*)\s*")
BLANK = rx.compile(r"\s*")


def literals(doc: Text, key: Key, depth: int = 0) -> list[Literal]:
    """The literal values a key's value can take: the literal itself, the fallbacks and branches
    of `x ?? "a"`, `x || "a"`, `x or "a"`, `"a" if c else "b"`, `c ? "a" : "b"`, `"a" | "b"`,
    `${X:-a}`, a lookup's default (`os.getenv("X", "a")`); a name is followed to its assignment
    or parameter default, `args.x` to its command-line option's default and choices."""
    value = doc.text[key.value_start : max(key.value_start, key.value_end)]
    if key.raw:
        plain = re.fullmatch(r"[\w.:-]+", value)
        return [Literal(value, value, True, key.value_start)] if plain else []
    bare = _bare_expansion(doc, key, value, depth) if value[:2] == "${" else None
    if bare is not None:  # RES=${RES:-1080} unquoted: the shell's expansion, its fallback a string
        return bare
    triple = PY_TRIPLE.fullmatch(value) if doc.python else None
    if triple is not None:  # resolution="""720p""": one string, not three
        at = key.value_start + triple.start(1)
        return [Literal(triple.group(1), triple.group("v"), True, at)]
    found = []
    for m in LITERAL.finditer(value):
        before = value[: m.start()]
        if doc.python and PY_PREFIX.search(before) and not (m.group("q") and "{" in m.group("v")):
            before = PY_PREFIX.sub("", before)  # u"720p", f"720p" (no placeholder): the string
        if m.group("q") is None and re.search(r"[\w\]\)]\s*$", before):
            continue  # an index or an operand, not a value
        if m.group("q") is None and SLICE_BOUND.search(before):
            continue  # a slice's bound (`quality[:-1]`, `q[0:4]`): no value (recall26a)
        if _transformed(before, value, m.end()):
            continue  # `"".join(...)`, `str_replace('p', '', $q)`: the call's result is sent
        if (
            not (FALLBACK.search(before) or fallbacks.default_argument(before))
            and not re.fullmatch(r"\s*(?:\(|\w+\()?\s*", before)
            and (m.group("q") is not None or not tostrings.converter_only(before))
        ):
            continue  # (a number in `String.valueOf(10)`, `strconv.Itoa(10)` is the value sent)
        if fallbacks.lookup_key(before):
            continue  # getenv("RESOLUTION"): the name of what is read
        if m.group("q") is not None and fallbacks.interpolated(m.group("v")):
            found += _interpolation(doc, key, m, depth)  # "$RES", `${res}`: a name's value
            continue
        if m.group("q") is not None and fallbacks.placeholder(m.group("v")):
            continue  # "<720|1080>", "...", "YOUR_RESOLUTION": a README's stand-in
        if m.group("q") is not None and SPLICED.match(value, m.end()):
            continue  # "\"" + res + "\"": the opening of a value spliced into a JSON string
        if m.group("q") and _spliced(value):
            continue  # "{\"n\":" + years + ",...}": the text of a value spliced in unquoted (prec32)
        text = m.group("v") if m.group("q") else m.group(0)
        rest = doc.text[key.value_end : key.value_end + 200] if key.value_end > 0 else ""
        if _operand(value, m.start(), m.end(), text, m.group("q") is not None, rest):
            continue  # `MAP[getenv("R", "720p")]`, `(env ?? "no") === "yes"`: no value sent
        quoted = m.group("q") is not None or _to_string(before, value, m.end())
        text = m.group(0).replace("\\", "")
        value_of = m.group("v") if m.group("q") else number_value(m.group("n") or m.group("nf"))
        written = m.group(0) if text != m.group(0) else ""
        written = _own(doc, key.value_start + m.start(), written)
        found.append(Literal(text, value_of, quoted, key.value_start + m.start(), written=written))
    name = HELD_NAME.fullmatch(value)
    if not found and depth < 2:
        held = name.group("n") if name else key.name if BLANK.fullmatch(value) else ""
        found += _name_values(doc, held, key, depth, name is not None and bool(name.group("o")))
    if name is None and depth < 2 and ("[" in value or ".get(" in value):
        found += _table_values(doc, key, value, depth)  # RES[quality]: the table's values
    return found


# (recall26a) A number's place in a slice (`q[:-1]`, `str(h)[:4]`: the `:` is no ternary's), and a
# number converted to a string (`str(1080)`, `String(1080)`, `(1080).toString()`, `1080 + ""`:
# the string "1080" is sent).
# (prec32) A value that opens with a string joined to what follows (`"" + (hd ? 1080 : 720)`,
# `\"" + n + "\"` in JSON held in a string): every number in it is sent as text.
STRING_JOINED = rx.compile(r"\s*\\?[\"'`][^\"'`\\\n]*\\?[\"'`]\s*(?:\+(?![+=])|\.(?![\w.])|<>|&)")
SLICE_BOUND = rx.compile(r"[\w\]\)\"'$]\s*\[[^\[\]\n]*:\s*$")
TO_STRING_CALL = rx.compile(r"(?<![\w.])(?:str|String|string|strval|CStr|ToString)\(\s*$")
TO_STRING_AFTER = rx.compile(r"\s*\)?\s*\.\s*(?:toString|to_s|ToString)\s*\(|\s*\+\s*(?:\"\"|'')")


# A string's method whose result is sent (`"{}".format(h)`, `"".join(...)`), and a string function
# whose argument is no value sent (`str_replace('p', '', $q)`, Swift's `replacingOccurrences(of:`).
RECEIVER_CALL = rx.compile(r"\s*\.\s*[A-Za-z_]\w*\s*\(")
CALLEE = rx.compile(r"(?P<f>[A-Za-z_]\w*)\s*\((?:[^()]|\([^()]*\))*$")
STRING_FUNCTIONS = frozenset(
    {"str_replace", "str_ireplace", "preg_replace", "explode", "implode", "replace", "replaceAll"}
    | {"replacingOccurrences", "trimmingCharacters", "components", "CharacterSet", "split"}
    | {"rsplit", "partition", "rpartition", "strip", "rstrip", "lstrip", "removesuffix", "join"}
    | {"removeprefix", "trim", "rtrim", "ltrim", "substr", "substring", "sub", "gsub", "format"}
    | {"TrimEnd", "TrimStart", "Trim", "Replace", "Split", "TrimSuffix", "TrimPrefix", "TrimRight"}
    | {"ReplaceAll", "removeSuffix", "removePrefix", "trimEnd", "dropLast", "chomp", "delete"}
)


def _spliced(value: str) -> bool:
    """Whether a key's value closes its JSON string to splice a value in (see SPLICED_OPENING)."""
    return value.lstrip()[1:2] in SPLICE_SECOND and SPLICED_OPENING.match(value) is not None


def _transformed(before: str, value: str, end: int) -> bool:
    """Whether a literal is a string function's argument or a string method's receiver (the
    function's result is what is sent: see STRING_FUNCTIONS, RECEIVER_CALL)."""
    if value[end - 1 : end] in ('"', "'", "`") and RECEIVER_CALL.match(value, end):
        return True
    callee = CALLEE.search(before[-200:]) if "(" in before else None
    return callee is not None and callee.group("f") in STRING_FUNCTIONS


def _to_string(before: str, value: str, end: int) -> bool:
    """Whether a number is converted to a string before it is sent (see TO_STRING_CALL, and the
    JVM's, .NET's and Go's converters: tostrings.py), itself or the choice it is one branch of
    (`String(hd ? 1080 : 720)`, `(hd ? 1080 : 720).toString()`), or joined to a string that opens
    the value (`"" + (hd ? 1080 : 720)`, `\\"" + n + "\\"`)."""
    if TO_STRING_CALL.search(before) or TO_STRING_AFTER.match(value, end):
        return True
    if "(" in before and tostrings.converter_only(before):
        return True
    if STRING_JOINED.match(value):  # (prec32)
        return True
    opener = before.rfind("(")
    close = brackets.matching(value, opener, 1, len(value)) if opener >= 0 else -1
    if close < end:
        return False  # no parentheses around the number
    return bool(TO_STRING_CALL.search(before, 0, opener + 1) or TO_STRING_AFTER.match(value, close))


# (fix34c) A literal that is only an operand of a larger expression is not what is sent: compared
# (`os.getenv("LIPSYNC", "0") in ("1", "true")`, `(env ?? "false") === "true"`), a subscript's key
# (`MAP[os.getenv("RES", "720p")]`), a ternary's condition, or the receiver or argument of a call
# or a slice that changes it (`(env || "720p").slice(0, -1)`, `json.loads(os.getenv(k, "false"))`,
# `strings.TrimSuffix(getenv("RES", "720p"), "p")`). Only identity steps keep it the value sent:
# parentheses, the lookup it is the default of, a conversion to a string (or to a number, of a
# number's text), a method that gives it back unchanged (`"720p".strip()`).
OPERAND_AFTER = rx.compile(
    r"\s*(?:\?\.|\?(?![?:])|[\[(]|\.\s*(?P<m>[A-Za-z_]\w*)(?P<c>\s*\(\s*\))?"
    r"|[=!]==?|<(?![<=]?>)|(?<!=)>|\bin\b|\bnot\b|\bis\b|%(?!>)|\*|/(?![/*])|\+(?!\+)|-(?![->]))"
)
OPERAND_BEFORE = rx.compile(
    r"(?:[=!]==?|(?<![=<-])[<>]=?|\bin|\bnot|\bis|(?<![!=])!|\bif|\bwhile|\btypeof)\s*$"
)
# A value that ends at its line's end (a `\\` joining the next one), and the next line going on
# with it: a method, a comparison (`(env ?? "false")\n  === "true"`), a ternary's `?`.
VALUE_DONE = rx.compile(r"[ \t]*\\?[ \t]*$")
CONTINUED = rx.compile(
    r"[ \t]*\r?\n\s*(?:\?\.|\.\s*[A-Za-z_]|[=!]==?|\bin\b|\bis\b|\bnot\s+in\b|\?(?![?:.]))"
)
CALLEE_BEFORE = rx.compile(r"(?P<f>[A-Za-z_$][\w$]*)\s*[!?]?\s*$")
OPENER_BEFORE = rx.compile(r"[\w$\])}\"'`]\s*(?:\?\.)?\s*$")
TO_TEXT = frozenset({"str", "String", "string", "strval", "CStr", "ToString", "await", "return"})
TO_NUMBER = frozenset(
    {"int", "float", "Number", "parseInt", "parseFloat", "valueOf", "parseLong", "parseDouble"}
    | {"Atoi", "Parse", "ToInt32", "intval", "floatval", "Integer", "Float"}
)
TO_TEXT_METHODS = frozenset({"toString", "to_s", "ToString", "to_str", "freeze", "String"})
TO_NUMBER_METHODS = frozenset({"toInt", "toLong", "toDouble", "toFloat", "to_i", "to_f"})
# (methods without arguments: what they give of the literal is computed, kept when unchanged)
SAME_METHODS: dict[str, Callable[[str], str]] = {
    "strip": str.strip,
    "trim": str.strip,
    "Trim": str.strip,
    "TrimSpace": str.strip,
    "lower": str.lower,
    "toLowerCase": str.lower,
    "ToLower": str.lower,
    "downcase": str.lower,
    "upper": str.upper,
    "toUpperCase": str.upper,
    "ToUpper": str.upper,
    "upcase": str.upper,
}


def _open_brackets(value: str, end: int) -> list[int]:
    """The offsets of the brackets still open at `end` (innermost last), strings skipped."""
    return _scan(value, end)[0]


def _scan(value: str, end: int) -> tuple[list[int], int]:
    """The brackets still open at `end` (see _open_brackets), and the offset of the quote of the
    string `end` is inside (an interpolation's: `` `${x ?? "720p"}` ``), -1 for none."""
    stack: list[int] = []
    opened = -1
    quote, i = "", 0
    while i < end:
        c = value[i]
        if quote:
            if c == "\\":
                i += 1
            elif c == quote:
                quote = ""
        elif c in "\"'`":
            quote, opened = c, i
        elif c in "([{":
            stack.append(i)
        elif c in ")]}" and stack:
            stack.pop()
        i += 1
    return stack, opened if quote else -1


def _unchanged(method: str, called: bool, text: str) -> bool:
    """Whether `.method` (`called`: with empty parentheses) gives the literal `text` back."""
    if method in TO_TEXT_METHODS:
        return True
    if method in TO_NUMBER_METHODS:
        return re.fullmatch(NUMBER, text.strip()) is not None
    same = SAME_METHODS.get(method)
    return called and same is not None and same(text) == text


def _after_ok(value: str, at: int, text: str, rest: str = "") -> bool:
    """Whether what follows an expression at `at` leaves its value sent (see OPERAND_AFTER;
    `rest`, the text after a value that ends at a line's end: a line that goes on with
    `.rstrip("p")` or `== "true"`, see CONTINUED)."""
    after = OPERAND_AFTER.match(value, at)
    if after is None:
        if rest and VALUE_DONE.match(value, at):
            return _after_ok(rest, 0, text) if CONTINUED.match(rest) else True
        return True
    if after.group("m") is None:
        return False
    if not _unchanged(after.group("m"), after.group("c") is not None, text):
        return False
    return _after_ok(value, after.end(), text, rest)


def _operand(
    value: str, start: int, end: int, text: str, quoted: bool = True, rest: str = ""
) -> bool:
    """Whether the literal at `start`-`end` of a value (its text `text`; `quoted`: a string) is
    only an operand of a larger expression there, not the value sent (see OPERAND_AFTER)."""
    openers, quote = _scan(value, start)
    if quote >= 0:
        return _interpolated(value, start, end, text, quoted, rest, quote)
    if not _after_ok(value, end, text, rest):
        return True
    lo = start
    for opener in reversed(openers):
        if OPERAND_BEFORE.search(value, 0, lo):
            return True
        char = value[opener]
        if char == "{":
            return False  # (an entry of an object or a table: its own value)
        close = brackets.matching(value, opener, 1, len(value))
        if close < 0:
            return False
        head = value[:opener]
        if char == "[":
            if OPENER_BEFORE.search(head):
                return True  # MAP[os.getenv("RES", "720p")]: a subscript's key
        elif OPENER_BEFORE.search(head):
            callee = CALLEE_BEFORE.search(head)
            name = callee.group("f") if callee else ""
            inside = value[opener + 1 : lo]
            if fallbacks.default_argument(value[:lo]) or (
                fallbacks.lookup_key(value[: opener + 1]) and _top_comma(inside)
            ):
                pass  # the lookup it is the default of
            elif name in TO_TEXT:
                pass
            elif f"{name}(" in fallbacks.UI_CHOICES and fallbacks.default_argument(value[:start]):
                pass  # st.selectbox("Aspect", ["1:1", "16:9"]): the choices it gives
            elif name in TO_NUMBER and re.fullmatch(NUMBER, text.strip()):
                pass
            elif quoted:
                return True  # json.loads(...), re.sub(..., ...), parseInt("720p"): changed
            # (a number given to a function, `Math.max(hd ? 1080 : 720, 1)`: a number still)
            head = head[: callee.start()] if callee else head
            head = re.sub(r"(?:[A-Za-z_$][\w$]*\s*(?:\?\.|::|\.|->)\s*)*$", "", head)
        elif re.search(r"\bnot\s*$|!\s*$", head):
            return True
        lo = len(head)
        if not _after_ok(value, close + 1, text, rest):
            return True
    return OPERAND_BEFORE.search(value, 0, lo) is not None


def _interpolated(
    value: str, start: int, end: int, text: str, quoted: bool, rest: str, quote: int
) -> bool:
    """Whether a literal inside a string's interpolation (`quote`: the string's opening) is only an
    operand: where the string holds more than that one interpolation (`f"{h}p"`), or where the
    interpolation or the string is one (see _operand): the string is then judged as a group."""
    opener = quote + 2 if value.startswith("${", quote + 1) else quote + 1
    if value[opener : opener + 1] != "{":
        return True
    close = brackets.matching(value, opener, 1, len(value))
    if close < end or value[close + 1 : close + 2] != value[quote]:
        return True  # (text around the interpolation: a larger string)
    inner = value[opener + 1 : close]
    if _operand(inner, start - opener - 1, end - opener - 1, text, quoted):
        return True
    head = quote - 1 if quote > 0 and value[quote - 1] in "fF$" else quote
    group = value[:head] + "(" + " " * (close - head) + ")" + value[close + 2 :]
    return _operand(group, start, end, text, quoted, rest)


def _top_comma(inside: str) -> bool:
    """Whether a call's arguments before a literal hold a comma outside their own brackets."""
    return "," in inside and any(
        value_at == "," and not _open_brackets(inside, i) for i, value_at in enumerate(inside)
    )


def _interpolation(doc: Text, key: Key, m: re.Match[str], depth: int) -> list[Literal]:
    """The values of a string that is one interpolation (`"$RES"`: RES's; `${RES:-720p}`: its
    fallback); none for a string that mixes text and interpolations."""
    whole = fallbacks.whole_interpolation(m.group("v"))
    if whole is None:
        return []
    if whole.group("f"):
        at = key.value_start + m.start("v") + whole.start("f")
        return [Literal(whole.group("f"), whole.group("f"), True, at)]
    held = whole.group("n") or whole.group("b") or whole.group("p")
    found = _name_values(doc, held, key, depth) if depth < 2 else []
    return [replace(lit, quoted=True) for lit in found]  # (spliced into a string: text)


def _bare_expansion(doc: Text, key: Key, value: str, depth: int) -> list[Literal] | None:
    """The values of a value that is one shell expansion written without quotes
    (`RES=${RES:-1080}`, `SCALE=${SCALE:-16:9}`): what `"${RES:-1080}"` gives, the fallback after
    `:-` as a string (never `-1080`, nor `16` and `9`); None when the value is more than that."""
    whole = fallbacks.whole_interpolation(value.rstrip())
    if whole is None:
        return None
    if whole.group("f"):
        at = key.value_start + whole.start("f")
        return [Literal(whole.group("f"), whole.group("f"), True, at)]
    held = whole.group("n") or whole.group("b") or whole.group("p")
    found = _name_values(doc, held, key, depth) if depth < 2 else []
    return [replace(lit, quoted=True) for lit in found]


def _name_values(doc: Text, name: str, key: Key, depth: int, member: bool = False) -> list[Literal]:
    """The values a name holds where a key reads it (`member`: read as `args.name`, an object's
    attribute: only a command-line option of that name is followed)."""
    if not name or name in ("true", "false", "null", "None", "True", "False", "nil", "undefined"):
        return []
    spot = None if member else doc.last_assignment(name, key.offset, defaults=True)
    if spot is not None and doc.scopes is not None:  # (bound in another function: not this one)
        used, bound = doc.line_of(key.offset), doc.line_of(spot[0])
        spot = spot if doc.scopes.visible(name, bound, used) else None
    if spot is None and member:  # Res.FHD of `enum Res { FHD = "1080p" }`, a class, an object
        held = _held_member(doc, key, depth)
        if held:
            return held
    if spot is None:  # args.resolution: argparse's --resolution, its default and choices
        spans = fallbacks.option_values(doc, name)
        inners = [Key(name, a, a, b, shared=True) for a, b in spans]
        return [replace(lit, shared=True) for k in inners for lit in literals(doc, k, depth + 1)]
    inner = Key(name, spot[0], spot[1], fallbacks.value_end(doc.text, spot[1]))
    shared = doc.shared(name)
    found = [replace(lit, shared=lit.shared or shared) for lit in literals(doc, inner, depth + 1)]
    return found + _given_by_callers(doc, name, spot, depth)


def _table_values(doc: Text, key: Key, value: str, depth: int) -> list[Literal]:
    """The literals a value read from a lookup table of the file's own may be (`RES[quality]`
    of `RES = {"sd": "720p", "hd": "1080p"}`, see holders.table_values): judged where written,
    never patched (other reads of the table share them)."""
    read = holders.table_read(value)
    if read is None:  # `res or DEFAULTS["res"]`: the table's entry is the last fallback
        last = LAST_FALLBACK.search(value)
        read = holders.table_read(last.group("t")) if last else None
    if read is None:
        return []
    spot = doc.last_assignment(read.group("n"), key.offset)
    if spot is None:
        return []
    if doc.scopes is not None and not doc.scopes.visible(
        read.group("n"), doc.line_of(spot[0]), doc.line_of(key.offset)
    ):
        return []
    entry = read.group("k") or read.group("g") or ""
    spans = holders.table_values(doc.text, spot[1], entry) or _entry_value(doc, spot[1], entry)
    inners = [Key(key.name, a, a, b, shared=True) for a, b in spans]
    return [replace(lit, shared=True) for k in inners for lit in literals(doc, k, depth + 1)]


# The last of a value's fallbacks, after `or`, `??` or `||` (`res or DEFAULTS["res"]`).
LAST_FALLBACK = rx.compile(r"(?:\bor\b|\?\?|\|\|)(?P<t>(?:(?!\bor\b)[^|?])+)$")
QUOTED_KEY = rx.compile(r"[\"'](?P<k>[A-Za-z_]\w*)[\"']")


def _entry_value(doc: Text, rhs: int, entry: str) -> list[tuple[int, int]]:
    """The span of the value a table's entry named by a string key holds where the table is no
    flat one of literals (`DEFAULTS = {"res": os.getenv("RES") or "720p", ...}`: the entry's
    own fallbacks are read from it as any value's are); none for a key that is no literal."""
    named = QUOTED_KEY.fullmatch(entry.strip())
    opened = re.compile(r"\s*").match(doc.text, rhs)
    index = doc.container_at(opened.end()) if named and opened else None
    if index is None or named is None or doc.text[doc.containers[index].start] != "{":
        return []
    held = doc.key_map(index).get(named.group("k"))
    if held is None or doc.text[held.value_start : held.value_start + 80].lstrip()[:1] in "{[":
        return []  # (an entry that is a table itself: its own keys are no value of the field)
    return [(held.value_start, value_end(doc, held, doc.containers[index]))]


def _held_member(doc: Text, key: Key, depth: int) -> list[Literal]:
    """The literal a key's `Holder.MEMBER` value holds, written in the file's enum, class or
    constants object (see holders.py): judged where it is written, never patched (other uses of
    the member share it)."""
    value = doc.text[key.value_start : max(key.value_start, key.value_end)]
    m = re.fullmatch(r"\s*(?P<o>[A-Za-z_$][\w$]*)\.(?P<n>[A-Za-z_$][\w$]*)\s*", value)
    span = holders.member_value(doc.text, m.group("o"), m.group("n")) if m else None
    if span is None:
        return []
    inner = Key(m.group("n") if m else "", span[0], span[0], span[1], shared=True)
    return [replace(lit, shared=True) for lit in literals(doc, inner, depth + 1)]


def _given_by_callers(doc: Text, name: str, spot: tuple[int, int], depth: int) -> list[Literal]:
    """For a parameter's default (`resolution="720p"`), the literals the file's calls of its
    function give it (`talk(p, a, "1080p")`): reported where written, never patched (its type and
    its default may name the same values: see callers.py)."""
    if spot not in doc.defaults.get(name, ()) or depth > 1:
        return []
    spans = callers.given(doc.text, doc.starts, doc.line_of(spot[0]), name)
    keys = [Key(name, a, a, b, shared=True) for a, b in spans]
    return [replace(lit, shared=True) for k in keys for lit in literals(doc, k, depth + 2)]


UNION = rx.compile(
    r"(?<!\w)(?P<name>[A-Za-z_]\w*)\??\s*[:=]\s*(?P<u>(?:\"[^\"]*\"\s*\|\s*)+\"[^\"]*\")"
)


def unions(doc: Text) -> Iterator[tuple[str, list[Literal]]]:
    """TypeScript unions of string literals, by the key or type alias that declares them:
    `resolution?: "720p" | "1080p"`, `type Resolution = "720p" | "1080p"`."""
    if '" |' not in doc.text and '"|' not in doc.text:
        return
    for m in UNION.finditer(doc.text):
        found = [
            Literal(v.group(0), v.group(1), True, m.start("u") + v.start())
            for v in re.finditer(r"\"([^\"]*)\"", m.group("u"))
        ]
        yield m.group("name"), found
        for use in re.finditer(
            r"(?P<k>[A-Za-z_]\w*)\??\s*:\s*" + re.escape(m.group("name")) + r"\b", doc.text
        ):
            yield use.group("k"), found


def enclosing_call(doc: Text, offset: int) -> tuple[int, int] | None:
    """_enclosing_call, once per offset (the field, method and answer rules each ask)."""
    if offset not in doc._calls:
        doc._calls[offset] = _enclosing_call(doc, offset)
    return doc._calls[offset]


# What the method rule reads of a call (methods.py): the same extents the field rules use.
request_object = _request_object
shell_command = _shell_command


# -- whether a body is certainly all a request sends ---------------------------------------------------

# What makes a body more than its literal: a spread (`...x`, `**x`), or a name merged into it.
SPREAD = rx.compile(r"\.\.\.\s*[\w$({\[]|\*\*\s*[\w({]")
# A function or method starting between two assignments of a name: they are two scopes' names.
SCOPE_START = rx.compile(
    r"\bdef\s|\bfunction\b|\bfunc\s|=>|\bfun\s|\bsub\s|^\s*(?:public|private|protected)\s", re.M
)

# The same in PHP and Ruby, whose `=>` pairs a hash's or an array's key with its value.
SCRIPT_SCOPE_START = rx.compile(r"\bdef\s|\bfunction\b|^\s*(?:public|private|protected)\s", re.M)


def _scope_start(doc: Text, start: int, end: int) -> re.Match[str] | None:
    """Where a function or method starts in doc.text[start:end] (see SCOPE_START)."""
    script = doc.language == "ruby" or (not doc.python and doc.holds("<?php"))
    return (SCRIPT_SCOPE_START if script else SCOPE_START).search(doc.text, start, end)


def sole_literal(doc: Text, request: Request, direct: bool = True) -> int | None:
    """The object literal that is certainly the whole body of a request, or None: every key the
    request sends is one of its keys and it has no other entry (a spread, an interpolated
    `$EXTRA`, a computed key), and, when a name holds it, the name is bound once in its scope
    and not touched between the literal and the call (no `body["k"] = v`, `body.update(x)`,
    `Object.assign(body, x)`, loop). `direct`: only when an HTTP library sends it (not when
    the script's own function does, which might add a field)."""
    if not request.body or any(k.raw for k in request.body):
        return None
    index = doc.innermost(request.body[0].offset)
    if index < 0:
        return _assembled(doc, request)
    c = doc.containers[index]
    if {k.offset for k in c.keys} != {k.offset for k in request.body}:
        return _assembled(doc, request)
    if not _only_keys(doc, c):
        return None
    extent = doc._sent_at.get(id(request))
    if extent is None or (direct and not _direct(doc, extent[0]) and not _passes(doc, extent, c)):
        return None
    call = extent[0]
    if MULTIPART.search(doc.text, *extent):
        return None  # files or form parts go with it: the body is not all it sends
    if c.start >= call:
        return index  # written in the call itself
    held = LIST_NAME_BEFORE.search(doc.text, max(0, c.start - 80), c.start)
    held = held or interpolated.holder_before(doc.text, c.start, c.end)
    if held is None:
        return None
    name = held.group("n")
    if _scope_start(doc, c.end, call):
        return None  # a function starts in between: the call may send another scope's name
    if held.group(0).startswith("$") and _php_touched(doc, name, c.end, call):
        return None  # ($body += [...], array_push($body, ...): more than the literal)
    if MERGED_AFTER.match(doc.text, c.end):
        return None  # (`$b = [...] + $defaults;`, Ruby's `{...}.merge(DEFAULTS)`: more keys)
    if doc.language == "powershell" and ps_touched(doc.text, name, c.end, call):
        return None  # (`$payload.Add("k", v)`, `$payload += @{...}`: PowerShell's `$` names)
    if re.search(rf"(?<![\w$]){re.escape(name)}(?![\w$])", doc.text[c.end : call]) and not (
        _only_passed(doc, name, c.end, call)
    ):
        return _assembled(doc, request)
    earlier = doc.last_assignment(name, held.start())
    if earlier is not None and not _scope_start(doc, earlier[1], c.start):
        return None  # bound twice in one scope (branches): which one is sent is not certain
    return index


# The name a key set after the literal is set on: `body.k = `, `body["k"] = `, `$body['k'] = `,
# `body.put("k", ` (read backwards from the key).
SET_ON_BACKWARDS = rx.compile(
    r"(?:\.|[\"']\s*\[|[\"']\(\s*(?:tup|tes|ytreporPdda)\.)(\w+)\$?(?![\w.$])"
)


def _assembled(doc: Text, request: Request) -> int | None:
    """The object literal (`{}` too) a body is made from when the body is that literal plus keys
    set on its name afterwards (`body["k"] = v`, `body.k = v`), the name being used for nothing
    else before a library call sends it: the keys it sends are then certainly those."""
    extent = doc._sent_at.get(id(request))
    if extent is None or not _direct(doc, extent[0]) or MULTIPART.search(doc.text, *extent):
        return None
    call, first = extent[0], request.body[0].offset
    index = doc.innermost(first)
    holder = (
        LIST_NAME_BEFORE.search(
            doc.text, max(0, doc.containers[index].start - 80), doc.containers[index].start
        )
        if index >= 0 and any(k.offset == first for k in doc.containers[index].keys)
        else None
    )
    named = SET_ON_BACKWARDS.match(doc.text[max(0, first - 60) : first][::-1])
    name = holder.group("n") if holder else named.group(1)[::-1] if named else None
    literal = _assigned_container(doc, name, call) if name else None
    if name is None or literal is None or doc.containers[literal].start >= call:
        return None
    c = doc.containers[literal]
    added = _added_keys(doc, name, c.end, call)
    if {k.offset for k in request.body} != {k.offset for k in (*c.keys, *added)}:
        return None
    if not _only_keys(doc, c) or _scope_start(doc, c.end, call):
        return None
    for m in re.finditer(rf"(?<![\w$.]){re.escape(name)}(?![\w$])", doc.text[c.end : call]):
        at = c.end + m.start()
        if not ADDED_KEY.match(doc.text, at - (doc.text[at - 1 : at] == "$")) and not (
            _only_passed(doc, name, at, at + len(name))
        ):
            return None  # body.update(x), Object.assign(body, x), body[k] = v, f(body)
    bound = doc.last_assignment(name, call)
    spot = doc.last_assignment(name, bound[0]) if bound is not None else None
    if spot is not None and not _scope_start(doc, spot[1], c.start):
        return None  # bound twice in one scope
    return literal


# What may add to a GET's query beyond what is in view: a params/query object or a name holding
# one, a query builder, a spread. (Not a member read off one: a route's `params.id`, Express's
# `req.query.id` is one value; `params.toString()`, `url.searchParams.set(...)` add to the query.)
QUERY_CARRIER = rx.compile(
    # (PHP's `urlencode($id)` encodes one value, where Python's `urlencode({...})` makes a query)
    r"\b(?:params|query|searchParams|qs|URLSearchParams|urlencode(?!\(\s*\$)|http_build_query|QueryParam"
    r"|queryParam|AddQueryParameter|addQueryParameter|setQuery|query_string)\b"
    r"(?!\.[A-Za-z_$][\w$]*(?![\w$]|\s*[(.]))|\*\*|\.\.\."
)
# Options given after a helper's path that only say how to send it: `, { method: "GET" }`.
HOW_ONLY = rx.compile(
    r"\s*,\s*\{\s*(?:(?:method|cache|credentials|mode|signal|timeout|redirect)\s*:\s*"
    r"(?:[\"'][\w-]*[\"']|\w+)\s*,?\s*)+\}\s*\)?\s*"
)
# A query part that is not one `name=value` pair: `?${qs}`, `?" + query`, `&{extra}`, `?%s`.
OPEN_QUERY = rx.compile(r"[?&](?![A-Za-z_][\w\[\]]*=)")


def whole_query(doc: Text, request: Request, at: int) -> bool:
    """Whether a GET request's query is certainly all in view: the URL is written in the call
    (at `at`), which an HTTP library makes itself (or a client made on the spot: see
    fresh_client_get), each of the URL's query parts is one `name=value`, and nothing else can
    add to the query (no params object but a literal of keys only, no query builder, no spread)."""
    extent = doc._sent_at.get(id(request))
    if extent is None or not extent[0] < at < extent[1]:
        return False
    callee = doc.text[max(0, extent[0] - 40) : extent[0]]
    if (
        not GET_CALLEE.search(callee)
        and not (callee.endswith(GO_REQUESTS) and _go_get(doc, extent[0]))
        and not HTTP_COMMAND.match(doc.line_text(doc.line_of(extent[0])))
        and not fresh_client_get(doc, extent[0])
        and not jsclients.playwright_get(doc.text, callee)
        and not ("->" in callee and phpclients.sends_given_query(doc.text, extent[0]))
    ):
        return False  # (a client object of unknown kind may add a query)
    if trailing_block(doc, extent[1]) is not None:
        return False  # (Ktor's `client.get(url) { parameter("k", v) }`: the block may add to it)
    segment = doc.text[extent[0] : _chain_end(doc, extent[1])]  # (a URI builder's links after
    # its path may add to the query: `u.path("/x").queryParam("id", v)`)
    string = STRING_AT.match(doc.text, at, at + LONG_URL + 1)  # (no further: longer is too long)
    url = string.group(0) if string else ""
    if OPEN_QUERY.search(url) or len(url) > LONG_URL:
        return False
    inline = [k for k in request.query if not k.raw]
    if QUERY_CARRIER.search(segment):
        index = doc.innermost(inline[0].offset) if inline else -1
        if index < 0 or not _only_keys(doc, doc.containers[index]):
            return False
        carriers = QUERY_CARRIER.findall(segment)
        return set(carriers) <= {"params", "query", "searchParams"} and len(carriers) == 1
    return True


# What comes before a helper's path: its opening, and a method first (`request("GET", "/x")`).
HELPER_PATH_FIRST = rx.compile(r"\(\s*(?:[\"'](?i:get)[\"']\s*,\s*)?[fFrRuU$@]{0,2}[\"'`]")


HELPER_PATH_BEFORE = rx.compile(r"\(\s*(?:[\"'](?i:get)[\"']\s*,\s*)?[fFrRuU$@]{0,2}[\"'`]$")


def path_first(doc: Text, at: int) -> bool:
    """Whether the path literal at `at` opens a call's arguments (`get("/x`, `request("GET", "/x`):
    a cheap look before the call is read (see helper_query)."""
    return HELPER_PATH_BEFORE.search(doc.text, max(0, at - 24), at) is not None


def helper_query(doc: Text, request: Request, at: int) -> list[str] | None:
    """The query names a GET through a client or a helper certainly sends, when the path literal
    (at `at`) says it all: a query written in it and no params object, query builder or spread
    beside it, or no query and no argument but the path; None when anything else may add one."""
    extent = doc._sent_at.get(id(request))
    if extent is None or not extent[0] < at < extent[1] or request.body:
        return None
    string = STRING_AT.match(doc.text, at, at + LONG_URL + 1)  # (no further: longer is too long)
    url = string.group(0) if string else ""
    if not HELPER_PATH_FIRST.fullmatch(doc.text, extent[0], at):
        return None  # the path is not what the call is given first (`envOr("X", "/path")`)
    if not url.startswith(("/", "http")) or OPEN_QUERY.search(url) or len(url) > LONG_URL:
        return None  # (a path held in a name, `${BASE}${path}`: its literal is elsewhere)
    if any(not k.raw for k in request.query) or chained_query(doc, extent[0]):
        return None
    if trailing_block(doc, extent[1]) is not None:
        return None  # (a block given to the call may add to the query)
    rest = doc.text[at + len(url) + 1 : extent[1]]
    if QUERY_CARRIER.search(doc.text, extent[0], _chain_end(doc, extent[1])) or (
        "?" not in url and rest.strip(" \t\n)") != "" and not HOW_ONLY.fullmatch(rest)
    ):
        return None
    return [m.group("name") for m in QUERY_FIELD.finditer(url)]


def chained_query(doc: Text, start: int) -> bool:
    """Whether the request chain a call at `start` ends sets a query before its verb (Go resty's
    `c.R().SetQueryParam("k", v).Get("/x")`, over lines too)."""
    window = doc.text[max(0, start - 400) : start]
    chain = window.rfind(".R()")
    return chain >= 0 and "SetQuery" in window[chain:]


# A GET sent by an HTTP library itself (not a client object of unknown kind, which may add a query).
GET_CALLEE = rx.compile(
    # (C#'s HttpClient's other GETs; Go's http.NewRequest given "GET" first: see GO_GET)
    r"(?:\b(?:requests|httpx|axios|session|http)\s*\.\s*(?:get|Get)|\bfetch|\bGetAsync"
    r"|\bGet(?:String|FromJson|Stream|ByteArray)Async(?:<[^<>()]*>)?"
    r"|Net::HTTP\.get(?:_response)?|\bHTTParty\s*\.\s*get|\burlopen|\bHttpGet|\bfile_get_contents"
    r"|\$http->get|\bcurl_init|\bwp_remote_get"
    # (the JVM's request builders, which take the URL as it is: java.net.http's
    # `HttpRequest.newBuilder(URI.create(url))` and `.uri(URI.create(url))`, OkHttp's
    # `Request.Builder().url(url)`, Spring's `getForObject(url, T.class)`)
    r"|\bHttpRequest\s*\.\s*newBuilder(?:\(\s*\)\s*\.\s*uri)?|(?:\bnewBuilder|\.uri)\(\s*(?:java\.net\.)?URI\s*\.\s*create"
    r"|\bBuilder\(\)\s*\.\s*url"
    r"|\.getFor(?:Object|Entity))\s*$"
)
# Go's `http.NewRequest("GET", url, nil)` (`http.MethodGet` too, after a context with
# NewRequestWithContext): the request is the URL's own, unless the file sets a request's query
# apart (`q := req.URL.Query(); q.Set(...); req.URL.RawQuery = q.Encode()`).
GO_REQUESTS = ("NewRequest", "NewRequestWithContext")
GO_GET = rx.compile(r"\(?\s*(?:[A-Za-z_]\w*\s*,\s*)?(?:\"GET\"|http\.MethodGet)\s*,")


def _go_get(doc: Text, opened: int) -> bool:
    """Whether the Go request whose arguments open at `opened` is a GET whose query is its URL's."""
    return GO_GET.match(doc.text, opened) is not None and not doc.holds("RawQuery", "URL.Query()")


# A GET on a client object (`c.get(`, `await s.get(`), and a client a library makes on the spot with
# no default query (`async with httpx.AsyncClient() as c:`, `s = requests.Session()`, `const c =
# axios.create({ baseURL })`): its calls send the query they are given, no more.
CLIENT_GET = rx.compile(r"(?<![\w$.])(?P<o>[A-Za-z_$][\w$]*)\s*\.\s*get\s*$")
FRESH_CLIENT = (
    r"(?:httpx\s*\.\s*(?:Async)?Client|requests\s*\.\s*[Ss]ession|axios\s*\.\s*create)"
    r"\s*\([^()]*\)"
)
CLIENT_BINDING_LINES = 40  # (the client is made in the function that calls it, just above)


# Where a name is bound in a Python or JavaScript function: to a fresh client (group `fresh`, the
# name in `w` or `a`), or to anything else (`as x`, `x = ...`: the name in `o` or `e`).
FRESH_BOUND = (
    rf"(?:\bwith\s+|,\s*)(?:await\s+)?{FRESH_CLIENT}\s+as\s+(?P<w>[A-Za-z_$][\w$]*)\b"
    rf"|(?<![\w$.])(?P<a>[A-Za-z_$][\w$]*)\s*(?::[^=\n]*)?=\s*(?:await\s+)?{FRESH_CLIENT}\s*;?\s*$"
)
BINDING = rx.compile(
    rf"(?P<fresh>{FRESH_BOUND})"
    r"|\bas\s+(?P<o>[A-Za-z_$][\w$]*)\b|(?<![\w$.])(?P<e>[A-Za-z_$][\w$]*)\s*(?::[^=\n]*)?=(?![=>])",
    re.M,
)


def fresh_client_get(doc: Text, call: int) -> bool:
    """Whether a GET at `call` is made on a client the function made just above with no default
    query (see FRESH_CLIENT), its name not bound again since, nor given a query later
    (`s.params = {...}`, an axios request interceptor)."""
    got = CLIENT_GET.search(doc.text, max(0, call - 40), call)
    if got is None:
        return False
    name = got.group("o")
    start = doc.starts[max(0, doc.line_of(call) - CLIENT_BINDING_LINES)]
    if not any(start <= at < got.start() and made == name for at, made in _fresh(doc.text)):
        return False  # (no such client made above: most calls, and no scan of their lines)
    bound = [
        b
        for b in BINDING.finditer(doc.text, start, got.start())
        if name in (b.group("w"), b.group("a"), b.group("o"), b.group("e"))
    ]
    last = bound[-1] if bound else None
    if last is None or last.group("fresh") is None or QUERY_CARRIER.search(last.group(0)):
        return False
    later = doc.text[last.end() : got.start()]
    return f"{name}.params" not in later and "interceptors.request" not in doc.text


FRESH_BINDING = rx.compile(FRESH_BOUND, re.M)  # (BINDING's `fresh` alone)


@lru_cache(maxsize=8)
def _fresh(text: str) -> tuple[tuple[int, str], ...]:
    """Where a file binds a name to a fresh client (see BINDING's `fresh`), once per file."""
    if "Client(" not in text and "ession(" not in text and ".create(" not in text:
        return ()
    return tuple((m.start(), m.group("w") or m.group("a")) for m in FRESH_BINDING.finditer(text))


# The rest of the string a URL's path is in (up to its closing quote).
STRING_AT = rx.compile(r"[^\"'`\n]*")
LONG_URL = 400  # characters: a URL longer than this is not taken for one whose query is all in view


MULTIPART = rx.compile(
    r"\bfiles\s*[=:]|\s-F\s|--form\b|FormData|multipart|MultipartBody|addFormDataPart|"
    r"MultipartFormDataContent|\battach\(|\bfile\s*=>|multipart\s*=>"
)


# The callee of a call that sends a request itself (an HTTP library's verb, fetch, a builder's url),
# not a helper of the script's own that may add fields before sending.
HTTP_CALLEE = rx.compile(
    r"(?:(?:\.|->|::)\s*(?:get|post|put|patch|delete|request|send|exchange|url|uri|"
    r"postForEntity|postForObject|PostAsync|PutAsync|PatchAsync|PostAsJsonAsync|PutAsJsonAsync|"
    r"SendAsync|Post|Put|Patch|Delete|NewRequest|NewRequestWithContext|Request"
    r"|PostJsonAsync|PutJsonAsync|PatchJsonAsync|AppendPathSegments?)"  # (Flurl's chain)
    r"|\bfetch|\baxios|\bRequest|\bHttpRequest\.newBuilder)\s*(?:<[^>()]*>)?\s*$"
)
HTTP_COMMAND = rx.compile(r"\s*(?:curl|http|xhs?|wget)\s")
# PowerShell's own HTTP cmdlets (and their aliases), perhaps bound: `$res = Invoke-RestMethod ...`
PS_HTTP_COMMAND = rx.compile(
    r"\s*(?:\$[\w:]+\s*=\s*)?(?:Invoke-RestMethod|Invoke-WebRequest|irm|iwr)\s", re.I
)
HTTPIE_COMMAND = rx.compile(r"\s*(?:[A-Za-z_]\w*=\$\(\s*)?(?:https?|xhs?)\s")
AKOOL_API_COMMAND = rx.compile(r"\s*akool\s+api\s")  # (see curlargs.AKOOL_API)
METHOD_OWNER = rx.compile(
    r"(?P<owner>[A-Za-z_]\w*)\s*(?:\.|->)\s*(?P<verb>\w+)\s*(?:<[^>()]*>)?\s*$"
)


def _passes(doc: Text, extent: tuple[int, int], c: Container) -> bool:
    """Whether the script's own function the request at `extent` calls sends the literal `c`
    (written in the call) as its body unchanged (see passthrough)."""
    if not extent[0] < c.start < extent[1]:
        return False
    shell = doc.text[extent[0] : extent[0] + 1] != "("
    at = doc.starts[doc.line_of(extent[0])] if shell else extent[0]
    return passthrough.sends_unchanged(doc.text, at, c.start, shell)


def _direct(doc: Text, call: int) -> bool:
    """Whether the request at `call` is sent by an HTTP library itself (curl, requests.post,
    axios.post, fetch, OkHttp's .url(...), http.NewRequest, $client->post...), not by a function
    of the script's own (`akoolPost(path, body)`, `self._post(...)`, a shell `post` function)."""
    if not doc.python and _script_direct(doc, call):
        return True
    if doc.language == "csharp" and handles.rest_body(doc.text, call):
        return True  # (RestSharp's `request.AddJsonBody(...)`, the request given nothing else)
    if doc.text[call : call + 1] != "(":
        line = doc.line_text(doc.line_of(call))
        return bool(HTTP_COMMAND.match(line) or PS_HTTP_COMMAND.match(line))
    before = doc.text[max(0, call - 80) : call]
    if not HTTP_CALLEE.search(before):
        return directcalls.library_call(doc.text, call, doc.defines)
    owner = METHOD_OWNER.search(before)
    if owner is not None and owner.group("owner") in ("self", "this"):
        return False  # the script's own method (`self._post`, `this.post`)
    if owner is not None and doc.language == "go" and owner.group("verb")[:1].islower():
        return False  # Go's c.post(...): an unexported method, the script's own
    return owner is None or not doc.defines(owner.group("verb"))  # (not the script's own)


# What PHP's, Ruby's and Elixir's HTTP libraries send that HTTP_CALLEE does not name: WordPress's
# `wp_remote_post(...)`, `file_get_contents` (with a stream context), Typhoeus'
# `Typhoeus::Request.new(url, method: :post, body: ...)`, Finch's `Finch.build(:post, url, headers,
# body)`, Elixir's bang verbs (`Req.post!(...)`, `HTTPoison.post!(...)`), and a body set on a
# request's handle (handles.py: curl's `CURLOPT_POSTFIELDS, ...`, Net::HTTP's `req.body = ...`).
SCRIPT_CALLEE = rx.compile(
    r"(?:\bwp_(?:safe_)?remote_(?:post|get|request|head)|\bfile_get_contents"
    r"|\bTyphoeus::Request\.new|\bFinch\.build|(?:\.|::)\s*(?:get|post|put|patch|delete|request)!)\s*$"
    r"|(?:\bCURLOPT_POSTFIELDS\s*(?:=>|,)|(?<![\w$])[a-z_]\w*\.body\s*=)\s*$"
)

# Tesla's verb functions, imported by `use Tesla` (`post("/x", body)`): the library's, unless the
# file defines one of its own of that name.
TESLA_VERB = rx.compile(r"(?<![\w.:$@])(?P<v>get|post|put|patch|delete)!?\s*$")


def _script_direct(doc: Text, call: int) -> bool:
    """Whether a PHP, Ruby or Elixir request at `call` is sent by an HTTP library itself (see
    SCRIPT_CALLEE): its body is all it sends."""
    if SCRIPT_CALLEE.search(doc.text, max(0, call - 40), call) is not None:
        return True
    if doc.text[call : call + 1] in (" ", "\t"):  # (Ruby's `RestClient.post url, ...`)
        return commandcalls.command_at(doc.text, doc.starts[doc.line_of(call)], call)
    verb = TESLA_VERB.search(doc.text, max(0, call - 40), call)
    return verb is not None and doc.holds("Tesla") and not doc.defines(verb.group("v"))


LIST_NAME_BEFORE = rx.compile(
    r"(?:\$|self\.|this\.)?(?P<n>[A-Za-z_]\w*)(?:\s*,\s*(?:_|err))?\s*(?::[^=\n]+)?(?::=|=)\s*"
    r"(?:(?:new\s+)?[\w.<>\[\]{}, \t\n]*?|JSON\.stringify\(\s*|json\.dumps\(\s*|json_encode\(\s*|[\"']"
    # C#'s serializers of a literal in their parentheses (`var json = JsonSerializer.Serialize(new
    # { ... })`) and PowerShell's hashtable (`$body = @{ ... } | ConvertTo-Json`)
    r"|(?:JsonSerializer\.Serialize|JsonConvert\.SerializeObject)\(\s*new\s*|@"
    # Go's `b, _ := json.Marshal(map[string]any{...})`, Jackson's, Gson's and kotlinx's serializers
    # of a map literal (`mapper.writeValueAsString(Map.of(...))`, `Json.encodeToString(mapOf(...))`)
    r"|json\.Marshal(?:Indent)?\(\s*(?:map\[[^\]\n]*\][\w.{}]+)?"
    r"|(?:new\s+)?[\w.()]*\.(?:writeValueAsString|writeValueAsBytes|toJson|encodeToString)\(\s*"
    r"(?:Map\.of|mapOf|ImmutableMap\.of)?)?\Z"
)


def _only_passed(doc: Text, name: str, start: int, call: int) -> bool:
    """Whether a name appears between its literal and the call only as what a serializer
    makes text of (`b, _ := json.Marshal(payload)`, `data = JSON.stringify(body)`)."""
    for m in re.finditer(rf"(?<![\w$]){re.escape(name)}(?![\w$])", doc.text[start:call]):
        before = doc.text[start + m.start() - 40 : start + m.start()]
        if not re.search(
            r"(?:json\.Marshal(?:Indent)?|JSON\.stringify|json\.dumps|json_encode|"
            r"JsonSerializer\.Serialize|serde_json::to_(?:string|vec))\(\s*&?$",
            before,
        ):
            return False
    return True


# What serializes a name given to it (see _only_passed), read before the name.
SERIALIZED_BEFORE = rx.compile(
    r"(?:json\.Marshal(?:Indent)?|JSON\.stringify|json\.dumps|json_encode|wp_json_encode|"
    r"JsonSerializer\.Serialize|serde_json::to_(?:string|vec))\(\s*&?$"
    r"|[\"']content[\"']\s*=>\s*$"  # (a PHP stream context's content: what it sends)
)

# What merges more keys into a literal right after it: PHP's array union (`[...] + $defaults`),
# Python's dict union (`{...} | DEFAULTS`), Ruby's and Rails' merges (`{...}.merge(extra)`); not
# PowerShell's pipe into a cmdlet (`@{...} | ConvertTo-Json`), which sends the literal as it is.
MERGED_AFTER = rx.compile(
    r"[ \t]*(?:\+(?!\+)|\|(?!\|)(?![ \t]*[A-Z][A-Za-z]+-[A-Z])"  # (PowerShell's `| ConvertTo-Json`: a pipe)
    r"|\.\s*(?:merge|deep_merge|reverse_merge|update|with_defaults)\b)"
)


def _php_touched(doc: Text, name: str, start: int, call: int) -> bool:
    """Whether a PHP variable (`$body`, held as `body`) is used between its literal and the call
    otherwise than serialized: `$body += [...]`, `$body['k'] = v`, `array_push($body, ...)`."""
    for m in re.finditer(rf"\${re.escape(name)}(?![\w$])", doc.text[start:call]):
        if not SERIALIZED_BEFORE.search(
            doc.text, max(0, start + m.start() - 40), start + m.start()
        ):
            return True
    return False


# Java's map factories, whose arguments are keys and values in turn (`Map.of("k", v, "k2", v2)`).
PAIRED_MAP = rx.compile(r"(?<![\w$])(?:Map|ImmutableMap)\.of\s*\Z")


def _only_keys(doc: Text, c: Container) -> bool:
    """Whether every entry of a literal is one of its keys with its value (no spread, no
    interpolated entry such as `, $EXTRA}`, no computed `[k]: v`), comments aside."""
    if SPREAD.search(doc.text, c.start + 1, c.end - 1):
        return False
    if doc.text[c.start - 1 : c.start] == "@" and doc.language == "powershell":
        return len(hashtable_entries(doc.text[c.start + 1 : c.end - 1])) == len(c.keys)
    parts = (doc.text[a:b] for a, b in split_top(doc.text, c.start + 1, c.end - 1))
    entries = [e for e in (COMMENT_LINE.sub("", part).strip() for part in parts) if e]
    paired = 2 if PAIRED_MAP.search(doc.text, max(0, c.start - 20), c.start) else 1
    return len(entries) == paired * len(c.keys)


only_keys = _only_keys  # (the rules' nested items are judged the same way)


# A PowerShell name's use that only serializes it (`$payload | ConvertTo-Json -Depth 5`).
PS_SERIALIZED = rx.compile(r"\s*\|\s*ConvertTo-Json\b")


def ps_touched(text: str, name: str, start: int, end: int) -> bool:
    """Whether a PowerShell name (`$name`) is used in text[start:end] other than serialized: a
    hashtable added to, merged or given to a function may send more than its literal."""
    for m in re.finditer(rf"\$(?:\{{)?{re.escape(name)}(?![\w:])", text[start:end]):
        if not PS_SERIALIZED.match(text, start + m.end()):
            return True
    return False


def hashtable_entries(inner: str) -> list[str]:
    """The entries of a PowerShell hashtable's text (inside `@{ }`), which a `;` or a line's end
    parts, not a comma (a comma makes a value an array), comments and blank lines aside."""
    parted = inner.replace(";", ",").replace("\n", ",")  # (split_top skips those in strings)
    parts = (parted[a:b] for a, b in split_top(parted, 0, len(parted)))
    return [e for e in (COMMENT_LINE.sub("", part).strip() for part in parts) if e]


COMMENT_LINE = rx.compile(r"(?://|(?<![^\s])#)[^\n]*|/\*[\s\S]*?\*/")
