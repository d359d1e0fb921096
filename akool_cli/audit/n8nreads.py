"""What an n8n workflow's later nodes read from an HTTP Request node's parsed answer: a node it
is connected to reads it as `{{ $json.data.x }}`, and any node as `{{ $('Name').item.json.data.x }}`
or `{{ $node["Name"].json.data.x }}`; an If node's condition (`value1`/`leftValue` a read,
`equal`/`equals` its other value) compares it. Each becomes a line after the node's call
(`console.log($.data.x);`, `if ($.data.x === 5) {}`), mapped to where the file writes it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from akool_cli.audit import rx
from akool_cli.audit.embedded import Piece
from akool_cli.audit.jsonspots import Placed, line_starts, load, place, spot

HTTP_NODE = "n8n-nodes-base.httpRequest"
# The nodes that pass the items they are given on unchanged.
PASSING = frozenset(
    f"n8n-nodes-base.{kind}" for kind in ("if", "switch", "filter", "wait", "noOp", "limit")
)
# A read of the answer's data in an expression: of the input (`$json.data.x`), or of a node named
# (`$('Create').item.json.data.x`, `$node["Create"].json.data.x`; in the file's raw text, whose
# quotes may be escaped).
INPUT_READ = rx.compile(r"\$json\.(?P<read>data(?:\.[A-Za-z_]\w*)+)")
NAMED_READ = rx.compile(
    r"\$(?:\(\s*(?P<q>\\?['\"])(?P<name>[^'\"\\]+)(?P=q)\s*\)\.(?:item|first\(\)|last\(\))"
    r"|node\[\s*(?P<q2>\\?['\"])(?P<name2>[^'\"\\]+)(?P=q2)\s*\])"
    r"\.json\.(?P<read>data(?:\.[A-Za-z_]\w*)+)"
)
# An If node's comparisons that read as `===` or `!==` (v1's `operation`, v2's `operator`).
EQUALITIES = {"equal": "===", "equals": "===", "notEqual": "!==", "notEquals": "!=="}
NUMBER = rx.compile(r"-?\d+(?:\.\d+)?")
OTHER_VALUE = rx.compile(r'"(?:value2|rightValue)"\s*:\s*(?P<v>-?\d+(?:\.\d+)?|"[^"\\]*")')

Line = tuple[str, tuple[Piece, ...]]


def reads(text: str) -> dict[int, list[Line]]:
    """The lines to add after each HTTP Request node's call, by the file's line of its `url`."""
    data = load(text) if "json.data." in text else None
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list):
        return {}
    nodes = {n["name"]: n for n in data["nodes"] if isinstance(n, dict) and "name" in n}
    starts = line_starts(text)
    found: dict[int, list[Line]] = {}
    for name, node in nodes.items():
        url = (node.get("parameters") or {}).get("url")
        if node.get("type") != HTTP_NODE or not isinstance(url, Placed):
            continue
        after = found.setdefault(spot(starts, url)[0], [])
        fed = _fed(data.get("connections"), nodes, name)
        for other, reader in nodes.items():
            after.extend(_lines(reader, name, other in fed, (text, starts)))
    return found


def _fed(connections: Any, nodes: dict[str, Any], name: str) -> set[str]:
    """The nodes whose input is the answer of the node `name`: those connected to it, and on
    through the nodes that pass their input on unchanged (If, Switch, Filter, Wait)."""
    found: set[str] = set()
    ahead = [name]
    while ahead:
        for other in _connected(connections, ahead.pop()):
            if other not in found:
                found.add(other)
                if (nodes.get(other) or {}).get("type") in PASSING:
                    ahead.append(other)
    return found


def _connected(connections: Any, name: str) -> set[str]:
    """The names of the nodes the node `name`'s outputs are connected to."""
    outputs = connections.get(name) if isinstance(connections, dict) else None
    main = outputs.get("main") if isinstance(outputs, dict) else None
    return {
        link["node"]
        for output in (main if isinstance(main, list) else [])
        for link in (output if isinstance(output, list) else [])
        if isinstance(link, dict) and isinstance(link.get("node"), str)
    }


def _lines(
    node: dict[str, Any], source: str, fed: bool, file: tuple[str, list[int]]
) -> Iterator[Line]:
    """The reads of the answer of the node `source` in the node's parameters."""
    text, starts = file
    for value, compared in _values(node.get("parameters")):
        for m in _reads(value.raw, source, fed):
            piece = Piece(2, *spot(starts, value, m.start("read")), len(m["read"]))
            shown = "$." + m["read"]
            if compared is None:
                yield f"console.log({shown});", (_moved(piece, len("console.log(")),)
                continue
            operator, other = compared
            literal = other if NUMBER.fullmatch(other) else '"' + other.replace('"', "") + '"'
            head = f"if ({shown} {operator} "
            pieces = [_moved(piece, len("if ("))]
            at = _other_value(text, value.start, other)
            if at is not None:  # (the finding on a compared value is at that value)
                line, column = place(starts, at)
                pieces.append(Piece(len(head) + (literal != other), line, column, len(other)))
            yield head + literal + ") {}", tuple(pieces)


def _other_value(text: str, start: int, other: str) -> int | None:
    """Where the file writes the value a condition compares its read with: the next `value2` or
    `rightValue` after the read (None: not found near it, or another value)."""
    m = OTHER_VALUE.search(text, start, start + 400)
    if m is None or m["v"].strip('"') != other:
        return None
    return m.start("v") + (1 if m["v"].startswith('"') else 0)


def _reads(raw: str, source: str, fed: bool) -> Iterator[Any]:
    if fed:
        yield from INPUT_READ.finditer(raw)
    for m in NAMED_READ.finditer(raw):
        if (m["name"] or m["name2"]) == source:
            yield m


def _values(data: Any) -> Iterator[tuple[Placed, tuple[str, str] | None]]:
    """Each string of the parameters, with what an If condition compares it with."""
    if isinstance(data, Placed):
        yield data, None
    elif isinstance(data, dict):
        right = data.get("value2", data.get("rightValue"))
        operation = data.get("operation")
        if isinstance(data.get("operator"), dict):
            operation = data["operator"].get("operation")
        operator = EQUALITIES.get(str(operation))
        given = isinstance(right, (str, int)) and not isinstance(right, bool)
        compared = (operator, str(right)) if operator and given else None
        for key, value in data.items():
            if compared and key in ("value1", "leftValue") and isinstance(value, Placed):
                yield value, compared
            else:
                yield from _values(value)
    elif isinstance(data, list):
        for value in data:
            yield from _values(value)


def _moved(piece: Piece, by: int) -> Piece:
    return Piece(piece.at + by, piece.line, piece.column, piece.length)
