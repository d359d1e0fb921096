"""n8n workflow exports read as the calls their HTTP Request nodes make: each node's `url` (an
`=` expression's too), `method` and JSON body (`jsonBody`, its `={...}` expression with `{{ }}`
placeholders, unescaped) become a `fetch(url, { method, body: JSON.stringify({...}) })` whose
findings and fixes map back to the file's own text; the file's other lines are comments."""

from __future__ import annotations

from dataclasses import dataclass

from akool_cli.audit import rx, source
from akool_cli.audit.embedded import Code, Piece, rewrite

NODE_TYPE = '"n8n-nodes-base.httpRequest"'
# A node's parameter written as a JSON string on a line of its own: `"url": "=https://..."`.
PARAMETER = rx.compile(r'^\s*"(?P<key>url|method|jsonBody)"\s*:\s*"(?P<v>[^"\\]*(?:\\.[^"\\]*)*)"')
NODE_START = rx.compile(r'^\s*"parameters"\s*:\s*\{')
ESCAPE = rx.compile(r"\\(?P<c>[nrt\"\\/])")
UNESCAPED = {"n": " ", "r": " ", "t": " "}


def is_n8n(name: str, text: str) -> bool:
    """A JSON file holding an n8n HTTP Request node."""
    return name.lower().endswith(".json") and NODE_TYPE in text and '"nodes"' in text


@dataclass
class _Node:
    values: dict[
        str, tuple[int, int, str]
    ]  # key: (line, column of the value, the value as written)


def read(text: str) -> list[Code]:
    """The file as JavaScript: each HTTP Request node a fetch call, on the lines of its
    parameters; every other line a comment."""
    lines = source.split_lines(text)
    code = Code(".js", [], [])
    nodes = _nodes(lines)
    calls = {node.values["url"][0]: node for node in nodes if "url" in node.values}
    bodies = {n.values["jsonBody"][0] for n in calls.values() if "jsonBody" in n.values}
    for n, line in enumerate(lines):
        node = calls.get(n)
        if node is not None:
            _call(code, node)
        elif n in bodies:
            code.add("")  # (written with its node's call)
        else:
            code.add("// " + line, Piece(3, n, 0, len(line)))
    return [code]


def _nodes(lines: list[str]) -> list[_Node]:
    """The HTTP Request nodes' parameters (a node's parameters come before its type)."""
    found: list[_Node] = []
    current = _Node({})
    for n, line in enumerate(lines):
        if NODE_START.match(line):
            current = _Node({})
        m = PARAMETER.match(line)
        if m is not None:
            current.values[m.group("key")] = (n, m.start("v"), m.group("v"))
        elif NODE_TYPE in line and '"type"' in line:
            found.append(current)
            current = _Node({})
    return found


def _call(code: Code, node: _Node) -> None:
    """A node's call: `fetch("URL", { method: "M", body: JSON.stringify(...) });`, its URL and
    body copied (unescaped) from where the file writes them."""
    line, column, url = node.values["url"]
    if url.startswith("="):  # (an expression: `=https://.../{{ $json.id }}`)
        url, column = url[1:], column + 1
    head = 'fetch("'
    method = node.values.get("method", (0, 0, "GET"))[2].upper()
    shown = f'{head}{url}", {{ method: "{method}"'
    pieces = [Piece(len(head), line, column, len(url))]
    body = node.values.get("jsonBody")
    if body is None:
        code.add(shown + " });", *pieces)
        return
    at, start, value = body
    if value.startswith("="):
        value, start = value[1:], start + 1
    text, copied = rewrite(value, at, start, ESCAPE, lambda m: UNESCAPED.get(m["c"], m["c"]))
    shown += ", body: JSON.stringify("
    moved = tuple(Piece(p.at + len(shown), p.line, p.column, p.length) for p in copied)
    code.add(shown + text + ") });", *pieces, *moved)
