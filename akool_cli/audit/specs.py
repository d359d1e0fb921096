"""OpenAPI (or Swagger) documents written for AKOOL's API (their servers are AKOOL's): each
operation read as the call it describes, `requests.post(BASE + "/path", json={field: enum
values...}, params={...})`, so its path, method, request fields and values are judged as a
script's would be, at the document's own lines (a client generated from it inherits them)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TypeAlias
from urllib.parse import urlsplit

from akool_cli.audit import embedded, rx, source, yamlscalars
from akool_cli.audit.embedded import Code, Piece
from akool_cli.audit.hosts import akool_domain
from akool_cli.audit.rules import Fix
from akool_cli.audit.walking import SPEC_SUFFIXES

SPEC_KEY = rx.compile(r"^[\s{]*[\"']?(?:openapi|swagger)[\"']?\s*:\s*[\"']?[23]", re.M)
METHODS = ("get", "post", "put", "patch", "delete")
# Rules that do not apply to a description of calls: it need not list every field it sends.
NOT_JUDGED = frozenset({"missing-field"})


@dataclass
class Calls(Code):
    """The document's operations as code, and the paths it describes."""

    paths: set[str] = field(default_factory=set)
    required: set[str] = field(default_factory=set)  # the names `required:` lists give
    reused: set[tuple[int, int, int]] | None = None  # see _reused


def map_fix(code: Code, fix: Fix) -> Fix | None:
    """A fix as an edit of the document; not a path moved onto one the document already
    describes (two keys of one name: the document would no longer be valid)."""
    edits = (fix, *fix.also)
    if isinstance(code, Calls) and any(e.new in code.paths for e in edits):
        return None
    if isinstance(code, Calls) and any(e.old in code.required for e in edits):
        return None  # a field renamed here and not in the `required` list would disagree
    mapped = embedded.map_fix(code, fix)
    if mapped is not None and isinstance(code, Calls) and _reused(code, mapped):
        return None  # (a component several operations `$ref`: the patch would be each one's)
    return mapped


def _reused(code: Calls, fix: Fix) -> bool:
    """Whether an edit of the document touches text that more than one operation copies (an
    enum of a shared `$ref` component, which each body referring to it sends)."""
    if code.reused is None:
        seen: dict[tuple[int, int, int], int] = {}
        for n, pieces in enumerate(code.places):
            for p in pieces:
                seen.setdefault((p.line, p.column, p.length), n)
        code.reused = {
            spot
            for n, pieces in enumerate(code.places)
            for p in pieces
            if seen[spot := (p.line, p.column, p.length)] != n
        }
    return any(
        e.line == line and column <= e.start < column + max(length, 1)
        for e in (fix, *fix.also)
        for line, column, length in code.reused
    )


@dataclass
class Scalar:
    value: str
    line: int
    column: int  # where its text starts (inside the quotes)
    verbatim: bool  # the text is the value as written (no escapes, no folding)
    quote: str = ""


@dataclass
class Mapping:
    items: list[tuple[Scalar, Node]] = field(default_factory=list)

    def get(self, key: str) -> Node | None:
        return next((v for k, v in self.items if k.value == key), None)


@dataclass
class Sequence:
    items: list[Node] = field(default_factory=list)


Node: TypeAlias = "Scalar | Mapping | Sequence"


def is_akool_spec(name: str, text: str) -> bool:
    if not name.lower().endswith(SPEC_SUFFIXES) or SPEC_KEY.search(text[:4000]) is None:
        return False
    return "akool." in text


def read(text: str, suffix: str) -> list[Code]:
    """The calls the document describes as one Python text, and the document itself as it is
    read otherwise; nothing when it cannot be read or its servers are not AKOOL's."""
    try:
        root = parse(text)
    except (ValueError, IndexError, RecursionError):  # a shape this reader does not follow
        return []
    if not isinstance(root, Mapping):
        return []
    base = _base(root)
    if base is None:
        return []
    code = Calls(".py", ["import requests"], [()])
    head = 'BASE = "'
    code.add(head + base.value + '"', *_piece(len(head), base))
    paths = root.get("paths")
    lines = source.split_lines(text)
    for key, item in paths.items if isinstance(paths, Mapping) else []:
        code.paths.add(key.value)
        if isinstance(item, Mapping):
            for method, operation in item.items:
                if method.value.lower() in METHODS and isinstance(operation, Mapping):
                    _call(code, root, key, method, operation, item.get("parameters"))
        if key.verbatim:  # judged as the call's path, not again as a path in a data file
            line = lines[key.line]
            lines[key.line] = (
                line[: key.column] + " " * len(key.value) + line[key.column + len(key.value) :]
            )
    code.required = set(_required(root))
    rest = Code(suffix, lines, [(Piece(0, n, 0, len(t)),) for n, t in enumerate(lines)])
    return [code, rest]


def _required(node: Node) -> Iterator[str]:
    """Every name that a `required:` list of the document gives."""
    if isinstance(node, Sequence):
        for item in node.items:
            yield from _required(item)
    elif isinstance(node, Mapping):
        for key, value in node.items:
            if key.value == "required" and isinstance(value, Sequence):
                yield from (v.value for v in value.items if isinstance(v, Scalar))
            yield from _required(value)


def _base(root: Mapping) -> Scalar | None:
    """The first of the servers that is AKOOL's (`servers: [{url: https://openapi.akool.com/...}]`)."""
    servers = root.get("servers")
    for server in servers.items if isinstance(servers, Sequence) else []:
        url = server.get("url") if isinstance(server, Mapping) else None
        if not isinstance(url, Scalar) or not url.verbatim or "//" not in url.value:
            continue
        if akool_domain(urlsplit(url.value).hostname or ""):
            return url
    return None


def _piece(at: int, scalar: Scalar) -> tuple[Piece, ...]:
    if not scalar.verbatim:
        return ()
    return (Piece(at, scalar.line, scalar.column, len(scalar.value)),)


def _call(
    code: Code, root: Mapping, path: Scalar, method: Scalar, op: Mapping, shared: Node | None
) -> None:
    """One operation as a line of Python: `requests.post(BASE + "/path", json=..., params=...)`."""
    text, pieces = "requests.", [*_piece(len("requests."), method)]
    text += method.value.lower() + '(BASE + "'
    pieces += _piece(len(text), path)
    text += path.value + '"'
    body = _schema(root, _body_schema(root, op))
    if body is not None:
        text += ", json="
        text = _object(root, body, text, pieces, 0)
    query = _query(root, op.get("parameters"), shared)
    if query:
        text += ", params={"
        for n, name in enumerate(query):
            text += ", " * (n > 0) + '"'
            pieces += _piece(len(text), name)
            text += name.value + '": value'
        text += "}"
    code.add(text + ")", *pieces)


def _object(root: Mapping, schema: Mapping, text: str, pieces: list[Piece], depth: int) -> str:
    """A schema's properties as a dict literal, each with its enum values as a fallback chain
    (`"resolution": "720p" or "1080p"`), or its own properties when it is an object."""
    props = schema.get("properties")
    text += "{"
    for n, (name, prop) in enumerate(props.items if isinstance(props, Mapping) else []):
        text += ", " * (n > 0) + '"'
        pieces += _piece(len(text), name)
        text += name.value + '": '
        spec = _schema(root, prop)
        if spec is not None and isinstance(spec.get("properties"), Mapping) and depth < 3:
            text = _object(root, spec, text, pieces, depth + 1)
            continue
        values = spec.get("enum") if spec is not None else None
        items = values.items if isinstance(values, Sequence) else []
        literals = [v for v in items if isinstance(v, Scalar)]
        if not literals:
            text += "value"  # (a name: its value is not the document's to judge)
            continue
        for k, value in enumerate(literals):
            text += " or " * (k > 0)
            text = _literal(value, text, pieces)
    return text + "}"


NUMBER = rx.compile(r"-?\d+(?:\.\d+)?$")
# YAML's and JSON's other typed scalars as the Python the operation is written in (`true` as
# True; a number YAML spells otherwise, `0x1f`, as its decimal 31).
PYTHON_SPELLING = {"true": "True", "false": "False", "null": "None"}


def _literal(value: Scalar, text: str, pieces: list[Piece]) -> str:
    """An enum value as the document writes it: quoted as written, a bare number bare."""
    if value.quote in ('"', "'") and value.verbatim and value.quote not in value.value:
        pieces.append(Piece(len(text), value.line, value.column - 1, len(value.value) + 2))
        return text + value.quote + value.value + value.quote
    if not value.quote and NUMBER.match(value.value):
        pieces += _piece(len(text), value)
        return text + value.value
    typed = None if value.quote else yamlscalars.json_text(value.value)
    if typed is not None:  # (`enum: [true, false]`: booleans, not the strings "true", "false")
        number = typed if typed[-1:].isdigit() else "value"  # (NaN, Infinity: not judged)
        return text + PYTHON_SPELLING.get(typed, number)
    pieces += _piece(len(text) + 1, value)
    return text + '"' + value.value.replace("\\", "").replace('"', "") + '"'


def _body_schema(root: Mapping, op: Mapping) -> Node | None:
    body = _resolve(root, op.get("requestBody"))
    content = body.get("content") if isinstance(body, Mapping) else None
    if isinstance(content, Mapping):
        for _, media in content.items:
            if isinstance(media, Mapping) and media.get("schema") is not None:
                return media.get("schema")
    for param in _params(root, op.get("parameters")):  # Swagger 2: `in: body`
        where = param.get("in")
        if isinstance(where, Scalar) and where.value == "body":
            return param.get("schema")
    return None


def _query(root: Mapping, *lists: Node | None) -> list[Scalar]:
    names = []
    for given in lists:
        for param in _params(root, given):
            name, where = param.get("name"), param.get("in")
            if isinstance(name, Scalar) and isinstance(where, Scalar) and where.value == "query":
                names.append(name)
    return names


def _params(root: Mapping, given: Node | None) -> list[Mapping]:
    items = given.items if isinstance(given, Sequence) else []
    resolved = [_resolve(root, p) for p in items]
    return [p for p in resolved if isinstance(p, Mapping)]


def _schema(root: Mapping, node: Node | None, depth: int = 0) -> Mapping | None:
    """A schema with its $ref followed, and `allOf` parts' properties merged (8 levels of
    `allOf` at most: A allOf B, B allOf A is a cycle, not an endless schema)."""
    found = _resolve(root, node)
    if not isinstance(found, Mapping):
        return None
    parts = found.get("allOf")
    if not isinstance(parts, Sequence) or depth > 8:
        return found
    merged = Mapping(list(found.items))
    props = Mapping()
    for part in parts.items:
        inner = _schema(root, part, depth + 1)
        own = inner.get("properties") if inner is not None else None
        props.items += own.items if isinstance(own, Mapping) else []
    merged.items.append((Scalar("properties", 0, 0, False), props))
    return merged


def _resolve(root: Mapping, node: Node | None, depth: int = 0) -> Node | None:
    """A `$ref: '#/components/schemas/X'` followed within the document."""
    ref = node.get("$ref") if isinstance(node, Mapping) else None
    if not isinstance(ref, Scalar) or not ref.value.startswith("#/") or depth > 8:
        return node
    target: Node | None = root
    for part in ref.value[2:].split("/"):
        target = (
            target.get(part.replace("~1", "/").replace("~0", "~"))
            if isinstance(target, Mapping)
            else None
        )
    return _resolve(root, target, depth + 1)


# -- reading the document: JSON, or the YAML that OpenAPI documents are written in -----------------


def parse(text: str) -> Node:
    """The document's tree, each scalar with where it is written; ValueError when the text is
    not a document this reader follows."""
    starts = source.line_starts(text)
    if text.lstrip().startswith("{"):
        node, _ = Flow(text, starts).value(len(text) - len(text.lstrip()))
        return node
    return Block(text, starts).document()


FLOW_TOKEN = rx.compile(
    r"\s*(?:(?P<p>[{}\[\],:])|\"(?P<d>[^\"\\]*(?:\\.[^\"\\]*)*)\"|'(?P<s>[^']*(?:''[^']*)*)'"
    r"|(?P<plain>(?:[^\s,\[\]{}:\"'#]|:(?=[^\s,\]}]))(?:[^,\[\]{}:\n]|:(?=[^\s,\]}]))*))",
    re.S,
)


class Flow:
    """JSON, and YAML's flow style (`{type: string, enum: ["720p", "1080p"]}`)."""

    def __init__(self, text: str, starts: list[int]) -> None:
        self.text, self.starts = text, starts

    def _token(self, at: int) -> tuple[re.Match[str], int]:
        m = FLOW_TOKEN.match(self.text, at)
        if m is None or m.end() == at:
            raise ValueError(f"unreadable at {at}")
        return m, m.end()

    def scalar(self, m: re.Match[str]) -> Scalar:
        group = next(g for g in ("d", "s", "plain") if m.group(g) is not None)
        raw = m.group(group)
        value = raw.rstrip() if group == "plain" else raw
        start = m.start(group)
        line = bisect.bisect_right(self.starts, start) - 1
        quote = {"d": '"', "s": "'"}.get(group, "")
        verbatim = "\\" not in value and "''" not in value
        return Scalar(value, line, start - self.starts[line], verbatim, quote)

    def value(self, at: int) -> tuple[Node, int]:
        m, at = self._token(at)
        if m.group("p") == "{":
            return self._mapping(at)
        if m.group("p") == "[":
            return self._sequence(at)
        if m.group("p") is not None:
            raise ValueError(f"unexpected {m.group('p')}")
        return self.scalar(m), at

    def _mapping(self, at: int) -> tuple[Node, int]:
        node = Mapping()
        while True:
            m, after = self._token(at)
            if m.group("p") == "}":
                return node, after
            if m.group("p") == ",":
                at = after
                continue
            if m.group("p") is not None:
                raise ValueError("a key was expected")
            key = self.scalar(m)
            colon, at = self._token(after)
            if colon.group("p") != ":":
                raise ValueError("':' was expected")
            value, at = self.value(at)
            node.items.append((key, value))

    def _sequence(self, at: int) -> tuple[Node, int]:
        node = Sequence()
        while True:
            m, after = self._token(at)
            if m.group("p") == "]":
                return node, after
            if m.group("p") == ",":
                at = after
                continue
            value, at = self.value(at)
            node.items.append(value)


KEY = rx.compile(
    r"(?P<k>\"(?P<d>[^\"\\]*)\"|'(?P<s>[^']*)'|(?P<plain>[^\s\"'#\-?:][^:#]*?|-[^\s:#][^:#]*?))"
    r"[ \t]*:(?:[ \t]+|$)"
)


class Block:
    """YAML's block style: mappings and sequences by indentation, flow values inside."""

    def __init__(self, text: str, starts: list[int]) -> None:
        self.text, self.starts = text, starts
        self.lines = [_uncommented(line) for line in source.split_lines(text)]

    def _next(self, n: int) -> int:
        while n < len(self.lines) and not self.lines[n].strip():
            n += 1
        return n

    def document(self) -> Node:
        n = self._next(0)
        while n < len(self.lines) and self.lines[n].startswith(("---", "%")):
            n = self._next(n + 1)
        node, _ = self.block(n, _indent(self.lines[n]) if n < len(self.lines) else 0)
        return node

    def block(self, n: int, indent: int) -> tuple[Node, int]:
        line = self.lines[n]
        if line[indent:].startswith("- ") or line[indent:].rstrip() == "-":
            return self._sequence(n, indent)
        return self._mapping(n, indent)

    def _sequence(self, n: int, indent: int) -> tuple[Node, int]:
        node = Sequence()
        while n < len(self.lines) and _indent(self.lines[n]) == indent:
            line = self.lines[n]
            if not (line[indent:].startswith("- ") or line[indent:].rstrip() == "-"):
                break
            self.lines[n] = line[:indent] + " " + line[indent + 1 :]  # the item, in place
            inner = _indent(self.lines[n])
            if inner >= len(self.lines[n].rstrip()):  # `-` alone: the item is below
                child = self._next(n + 1)
                item, n = self.block(child, _indent(self.lines[child]))
            else:
                item, n = self._item(n, inner)
            node.items.append(item)
            n = self._next(n)
        return node, n

    def _item(self, n: int, column: int) -> tuple[Node, int]:
        if KEY.match(self.lines[n], column):
            return self._mapping(n, column)
        return self._value(n, column, column)

    def _mapping(self, n: int, indent: int) -> tuple[Node, int]:
        node = Mapping()
        while n < len(self.lines) and _indent(self.lines[n]) == indent:
            m = KEY.match(self.lines[n], indent)
            if m is None:
                raise ValueError(f"line {n + 1}: a key was expected")
            group = next(g for g in ("d", "s", "plain") if m.group(g) is not None)
            key = Scalar(
                m.group(group).rstrip(),
                n,
                m.start(group),
                True,
                m.group("k")[0] * (group != "plain"),
            )
            value, n = self._value(n, m.end(), indent)
            node.items.append((key, value))
            n = self._next(n)
        return node, n

    def _value(self, n: int, column: int, indent: int) -> tuple[Node, int]:
        """The value that starts at `column` of line n (of a key at `indent`), and the line after."""
        rest = self.lines[n][column:].strip()
        below = self._next(n + 1)
        if not rest:
            deeper = below < len(self.lines) and (
                _indent(self.lines[below]) > indent or self.lines[below][indent:].startswith("- ")
            )
            if deeper:
                return self.block(below, _indent(self.lines[below]))
            return Scalar("", n, column, False), n + 1
        at = (
            self.starts[n]
            + column
            + (len(self.lines[n][column:]) - len(self.lines[n][column:].lstrip()))
        )
        if rest[0] in "{[":
            value, end = Flow(self.text, self.starts).value(at)
            return value, bisect.bisect_right(self.starts, end - 1)
        if rest[0] in "|>":
            while below < len(self.lines) and _indent(self.lines[below]) > indent:
                below = self._next(below + 1)
            return Scalar("", n, column, False), below
        scalar = Flow(self.text, self.starts).scalar(_whole(rest, self.text, at))
        return scalar, n + 1


def _whole(rest: str, text: str, at: int) -> re.Match[str]:
    """A block value on one line as a scalar token (a plain one may hold `,` `[` `:`)."""
    pattern = r"\"(?P<d>[^\"\\]*(?:\\.[^\"\\]*)*)\"|'(?P<s>[^']*(?:''[^']*)*)'|(?P<plain>[^\n]*)"
    m = re.compile(pattern).match(text, at)
    assert m is not None  # the last branch matches anything
    return m


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _uncommented(line: str) -> str:
    """The line without its comment (a `#` at its start or after a space, outside quotes)."""
    quote = ""
    for i, ch in enumerate(line):
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "\"'" and (i == 0 or line[i - 1] in " \t:[{,-"):
            quote = ch
        elif ch == "#" and (i == 0 or line[i - 1] in " \t"):
            return line[:i].rstrip()
    return line.rstrip()
