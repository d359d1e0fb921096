"""n8n workflow exports read as the calls their HTTP Request nodes make: each node's `url` (an
`=` expression's too), `method` and JSON body (`jsonBody`, its `={...}` expression with `{{ }}`
placeholders, unescaped) become a `fetch(url, { method, body: JSON.stringify({...}) })` whose
findings and fixes map back to the file's own text; the file's other lines are comments. A query
(`queryParameters`' `{name, value}` pairs, or `jsonQuery`) is the URL's, a fields-mode body
(`bodyParameters`) the JSON body's; a node that sends a query or body not so read is skipped. A
Code or Function node's code (`jsCode`, `functionCode`, `pythonCode`: a JSON string) is read as
the JavaScript (Python) it is, each line's runs of unescaped text mapped back to the file's."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from akool_cli.audit import n8nreads, rx, source
from akool_cli.audit.embedded import Code, Piece, rewrite
from akool_cli.audit.walking import N8N_SUFFIXES

NODE_TYPE = '"n8n-nodes-base.httpRequest"'
CODE_NODE = rx.compile(r'"n8n-nodes-base\.(?:code|function|functionItem)"')
# A Code or Function node's code, a JSON string on a line of its own, and the language it is in.
CODE_PARAMETER = rx.compile(
    r'^\s*"(?P<key>jsCode|functionCode|pythonCode)"\s*:\s*"(?P<v>[^"\\]*(?:\\.[^"\\]*)*)"'
)
CODE_LANGUAGES = {"jsCode": ".js", "functionCode": ".js", "pythonCode": ".py"}
# A JSON string's text as runs: an escape (`\n` ends a line of the code) or unescaped text.
RUN = rx.compile(r"\\u[0-9a-fA-F]{4}|\\.|[^\\]+")
# A node's parameter written as a JSON string on a line of its own: `"url": "=https://..."`.
PARAMETER = rx.compile(
    r'^\s*"(?P<key>url|method|jsonBody|jsonQuery|bodyParametersJson|queryParametersJson)"\s*:\s*'
    r'"(?P<v>[^"\\]*(?:\\.[^"\\]*)*)"'
)
# The older nodes' (typeVersion 1-3) names of a JSON body or query.
ALIASES = {"bodyParametersJson": "jsonBody", "queryParametersJson": "jsonQuery"}
# A block of `{name, value}` pairs (4.x `queryParameters.parameters`, 1-3 `queryParametersUi.parameter`).
BLOCK = rx.compile(r'"(?P<k>query|body)Parameters(?:Ui)?"\s*:')
PAIR = rx.compile(r'"(?P<k>name|value)"\s*:\s*"(?P<v>[^"\\]*(?:\\.[^"\\]*)*)"')
STRING = rx.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
# What says a node sends a query or a body (which must then be read, or the node is skipped).
SENDS = rx.compile(r'"send(Query|Body)"\s*:\s*true')
PLACEHOLDER = rx.compile(r"\{\{.*?\}\}")
NODE_START = rx.compile(r'^\s*"parameters"\s*:\s*\{')
ESCAPE = rx.compile(r"\\(?P<c>[nrt\"\\/])")
UNESCAPED = {"n": " ", "r": " ", "t": " "}


def is_n8n(name: str, text: str) -> bool:
    """A JSON file holding an n8n HTTP Request node, or a Code or Function node."""
    if not name.lower().endswith(N8N_SUFFIXES) or '"nodes"' not in text:
        return False
    return NODE_TYPE in text or CODE_NODE.search(text) is not None


Spot = tuple[int, int, str]  # (line, column of the text, the text as written)


@dataclass
class _Node:
    values: dict[str, Spot]  # key: where its value is
    pairs: dict[str, list[tuple[Spot, Spot]]] = field(default_factory=dict)  # (name, value)s
    sends: set[str] = field(default_factory=set)  # ("query", "body": it says it sends one)
    broken: bool = False  # (a pair read out of order)


@dataclass
class _Block:
    kind: str = ""  # "query" or "body" while inside one
    depth: int = 0
    name: Spot | None = None  # (a name waiting for its value)


def read(text: str) -> list[Code]:
    """The file as JavaScript: each HTTP Request node a fetch call, on the lines of its
    parameters; every other line a comment."""
    lines = source.split_lines(text)
    code = Code(".js", [], [])
    nodes = [node for node in _nodes(lines) if _readable(node)]
    calls = {node.values["url"][0]: node for node in nodes if "url" in node.values}
    bodies = {n.values["jsonBody"][0] for n in calls.values() if "jsonBody" in n.values}
    codes = [code]
    answered = n8nreads.reads(text) if calls and "json.data." in text else {}
    for n, line in enumerate(lines):
        node = calls.get(n)
        held = CODE_PARAMETER.match(line) if '"' in line else None
        if node is not None:
            _call(code, node)
            for shown, pieces in answered.get(n, ()):  # (later nodes' reads of its answer)
                code.add(shown, *pieces)
        elif n in bodies:
            code.add("")  # (written with its node's call)
        elif held is not None:
            code.add("")  # (read as the code it is)
            codes.append(string_code(n, held.start("v"), held["v"], CODE_LANGUAGES[held["key"]]))
        else:
            code.add("// " + line, Piece(3, n, 0, len(line)))
    return codes


def string_code(line: int, column: int, raw: str, suffix: str) -> Code:
    """A code node's JSON string (at `column` of the file's `line`) as the code it holds: each
    run of unescaped text copied from the file, each escape decoded (a `\\n` ends a line)."""
    code = Code(suffix, [], [])
    text = ""
    pieces: list[Piece] = []
    for m in RUN.finditer(raw):
        run = m.group(0)
        if run == "\\n":
            code.add(text, *pieces)
            text, pieces = "", []
        elif run.startswith("\\"):
            text += _decoded(run)
        else:
            pieces.append(Piece(len(text), line, column + m.start(), len(run)))
            text += run
    code.add(text, *pieces)
    return code


def _decoded(escape: str) -> str:
    """A JSON escape's character (a tab, a quote, a backslash; a space for what is not one)."""
    try:
        value = json.loads(f'"{escape}"')
    except ValueError:
        return " "
    return value if isinstance(value, str) and value not in ("\r", "") else " "


def _nodes(lines: list[str]) -> list[_Node]:
    """The HTTP Request nodes' parameters (a node's parameters come before its type)."""
    found: list[_Node] = []
    current, block = _Node({}), _Block()
    for n, line in enumerate(lines):
        if NODE_START.match(line):
            current, block = _Node({}), _Block()
        m = PARAMETER.match(line)
        current.sends.update(k.lower() for k in SENDS.findall(line))
        if m is not None:
            current.values[ALIASES.get(m["key"], m["key"])] = (n, m.start("v"), m.group("v"))
        elif NODE_TYPE in line and '"type"' in line:
            found.append(current)
            current = _Node({})
        else:
            block = _pairs(current, block, n, line)
    return found


def _pairs(node: _Node, block: _Block, n: int, line: str) -> _Block:
    """The `{name, value}` pairs this line adds to the node's query or body block."""
    start = 0
    if not block.kind:
        m = BLOCK.search(line)
        if m is None:
            return block
        block, start = _Block(m["k"]), m.end()
    rest = line[start:]
    for m in PAIR.finditer(rest):
        spot = (n, start + m.start("v"), m["v"])
        if m["k"] == "name":
            block.name = spot
        elif block.name is None:
            node.broken = True
        else:
            node.pairs.setdefault(block.kind, []).append((block.name, spot))
            block.name = None
    bare = STRING.sub("", rest)
    block.depth += sum(bare.count(c) for c in "{[") - sum(bare.count(c) for c in "}]")
    return _Block() if block.depth <= 0 and any(c in bare for c in "{[}]") else block


def _readable(node: _Node) -> bool:
    """A node whose query and body are read (or that says it sends none)."""
    if node.broken:
        return False
    if "jsonQuery" in node.values and _json_query(node) is None:
        return False
    read = set(node.pairs) | {k[4:].lower() for k in ("jsonBody", "jsonQuery") if k in node.values}
    return node.sends <= read


def _call(code: Code, node: _Node) -> None:
    """A node's call: `fetch("URL?QUERY", { method: "M", body: JSON.stringify(...) });`, its URL,
    query and body copied (unescaped) from where the file writes them."""
    line, column, url = _expression(node.values["url"])  # (`=https://.../{{ $json.id }}`)
    head = 'fetch("'
    method = node.values.get("method", (0, 0, "GET"))[2].upper()
    query, spots = _query(node)
    pieces = [Piece(len(head), line, column, len(url))]
    pieces += [Piece(len(head + url) + at, *spot[:2], len(spot[2])) for at, spot in spots]
    shown = f'{head}{url}{query}", {{ method: "{method}"'
    body = node.values.get("jsonBody")
    if body is None and node.pairs.get("body"):
        shown += ", body: JSON.stringify({"
        for k, (name, value) in enumerate(node.pairs["body"]):
            value = _expression(value)
            shown += ", " if k else ""
            pieces.append(Piece(len(shown) + 1, name[0], name[1], len(name[2])))
            shown += f'"{name[2]}": "'
            pieces.append(Piece(len(shown), value[0], value[1], len(value[2])))
            shown += value[2] + '"'
        code.add(shown + "}) });", *pieces)
        return
    if body is None:
        code.add(shown + " });", *pieces)
        return
    at, start, raw = _expression(body)
    text, copied = rewrite(raw, at, start, ESCAPE, lambda m: UNESCAPED.get(m["c"], m["c"]))
    shown += ", body: JSON.stringify("
    moved = tuple(Piece(p.at + len(shown), p.line, p.column, p.length) for p in copied)
    code.add(shown + text + ") });", *pieces, *moved)


def _json_query(node: _Node) -> list[Spot] | None:
    """A `jsonQuery`'s top-level names (where each is written), or None when it is not a flat
    JSON object whose names are all found in the file's text."""
    line, column, raw = node.values["jsonQuery"]
    try:
        text = json.loads('"' + raw + '"').removeprefix("=")
        value = json.loads(PLACEHOLDER.sub("0", text))
    except ValueError:
        return None
    if not isinstance(value, dict) or any(isinstance(v, (dict, list)) for v in value.values()):
        return None
    found: list[Spot] = []
    for name in value:
        at = raw.find('\\"' + name + '\\"')
        if at < 0:
            return None
        found.append((line, column + at + 2, name))
    return found


def _query(node: _Node) -> tuple[str, list[tuple[int, Spot]]]:
    """The URL's query (`?name=value&...`) and where its names and values are in it and in the
    file (a `jsonQuery`'s values are not copied: `{{value}}`)."""
    pairs: list[tuple[Spot, Spot | None]] = list(node.pairs.get("query", []))
    if not pairs and "jsonQuery" in node.values:
        pairs = [(spot, None) for spot in _json_query(node) or []]
    shown, spots = "", []
    for name, value in pairs:
        shown += "&" if shown else "?"
        spots.append((len(shown), name))
        shown += name[2] + "="
        if value is not None:
            value = _expression(value)
            spots.append((len(shown), value))
        shown += "{{value}}" if value is None else value[2]
    return shown, spots


def _expression(spot: Spot) -> Spot:
    """A value without its leading `=` (n8n's mark of an expression)."""
    line, column, text = spot
    return (line, column + 1, text[1:]) if text.startswith("=") else spot
