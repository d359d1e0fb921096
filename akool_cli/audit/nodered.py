"""Node-RED flow exports read as the calls their http request nodes make: a function node's code
(its `func`, a JSON string) is read as the JavaScript it is, with `msg.url`, `msg.payload`,
`msg.headers` and `msg.method` as plain names, and a node it wires into an http request node is
followed by the fetch that node makes (the node's own `url` and `method`, or the message's),
then by the code of the function nodes the answer is wired to (their `msg.payload` the answer,
parsed by the node or by their own `JSON.parse`); each line maps back to the file's text."""

from __future__ import annotations

import bisect
import json
from dataclasses import dataclass
from typing import Any

from akool_cli.audit import rx
from akool_cli.audit.embedded import Code, Piece
from akool_cli.audit.n8nflows import string_code

NODE_TYPE = rx.compile(r'"type"\s*:\s*"(?:http request|function)"')
# Where the file writes a node's code or URL: a JSON string (found in the order the nodes are).
WRITTEN = {
    "func": rx.compile(r'"func"\s*:\s*"(?P<v>[^"\\]*(?:\\.[^"\\]*)*)"'),
    "url": rx.compile(r'"url"\s*:\s*"(?P<v>[^"\\]*(?:\\.[^"\\]*)*)"'),
}
# The message's properties an http request node sends, as names of the same length.
SENT = rx.compile(r"\bmsg\.(?=(?:url|payload|headers|method)\b)")
# The answer in a function node the http request node is wired to, as a name of the same length.
ANSWER = rx.compile(r"\bmsg\.payload\b")
ANSWER_NAME = "akool_reply"
# Nodes that pass the answer on parsed (a json node).
PARSING = frozenset({"json"})
# What an http request node's `ret` makes of the answer (binary: nothing a script reads).
RETURNS = {"obj": ".json()", "txt": ".text()"}


@dataclass(frozen=True)
class _Flow:
    nodes: dict[str, dict[str, Any]]  # id: node
    spots: dict[tuple[str, str], tuple[int, int, str]]  # (id, key): (line, column, raw JSON)


def is_nodered(_name: str, text: str) -> bool:
    """A JSON file holding a Node-RED function or http request node and the nodes' wires."""
    return '"wires"' in text and NODE_TYPE.search(text) is not None


def read(text: str) -> list[Code] | None:
    """Each function node's code as JavaScript, and each function node wired into an http request
    node (or that node alone, when it names its URL) with the fetch it leads to."""
    flow = _flow(text)
    if flow is None:
        return None
    codes: list[Code] = []
    for key, node in flow.nodes.items():
        if node.get("type") == "function":
            codes.append(_code(flow, key, SENT, "msg_"))
        elif node.get("type") == "http request":
            codes.extend(_calls(flow, key))
    return codes


def _flow(text: str) -> _Flow | None:
    """The flow's nodes and where the file writes their code and URLs (None: not a flow)."""
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if isinstance(data, dict):  # (the admin API's `{"rev": ..., "flows": [...]}`)
        data = data.get("flows")
    if not isinstance(data, list):
        return None
    nodes = [n for n in data if isinstance(n, dict) and isinstance(n.get("id"), str)]
    starts = [0] + [k + 1 for k, c in enumerate(text) if c == "\n"]
    spots: dict[tuple[str, str], tuple[int, int, str]] = {}
    for key, pattern in WRITTEN.items():
        holders = [n for n in nodes if isinstance(n.get(key), str)]
        found = list(pattern.finditer(text))
        if len(found) != len(holders):
            return None  # (a key written elsewhere too: the nodes' own cannot be told apart)
        for node, m in zip(holders, found, strict=True):
            if json.loads('"' + m["v"] + '"') != node[key]:
                return None
            line = bisect.bisect_right(starts, m.start("v")) - 1
            spots[(node["id"], key)] = (line, m.start("v") - starts[line], m["v"])
    return _Flow({n["id"]: n for n in nodes}, spots)


def _code(flow: _Flow, key: str, names: Any, new: str) -> Code:
    """A function node's code, the message's properties `names` matches renamed to `new...`."""
    spot = flow.spots.get((key, "func"))
    if spot is None:
        return Code(".js", [], [])
    code = string_code(spot[0], spot[1], spot[2], ".js")
    code.lines = [names.sub(new, line) for line in code.lines]  # (lengths kept: places hold)
    return code


def _calls(flow: _Flow, key: str) -> list[Code]:
    """An http request node's fetch, after each function node wired into it (alone when none
    is and the node names its URL), then the function nodes its answer is wired to."""
    node = flow.nodes[key]
    feeding = [k for k, n in flow.nodes.items() if n.get("type") == "function" and _wired(n, key)]
    if not feeding and not node.get("url"):
        return []
    codes = [_code(flow, k, SENT, "msg_") for k in feeding] or [Code(".js", [], [])]
    answered, parsed = _answered(flow, key)
    for code in codes:
        sends_body = any("msg_payload" in line for line in code.lines)
        _fetch(code, flow.nodes[key], flow.spots.get((key, "url")), sends_body, parsed)
        for k in answered:
            reading = _code(flow, k, ANSWER, ANSWER_NAME)
            code.lines += reading.lines
            code.places += reading.places
    return codes


def _fetch(
    code: Code, node: dict[str, Any], spot: tuple[int, int, str] | None, body: bool, parsed: bool
) -> None:
    """The fetch the node makes: `const akool_reply = await (await fetch(URL, {...})).json();`
    (`.text()` for an answer no node parses, `.blob()` for a binary one)."""
    method = str(node.get("method") or "GET").upper()
    head = "const " + ANSWER_NAME + " = await (await fetch("
    pieces: tuple[Piece, ...] = ()
    if spot is not None and spot[2]:
        pieces = (Piece(len(head) + 1, spot[0], spot[1], len(spot[2])),)
        url = '"' + spot[2] + '"'
    else:
        url = "msg_url"
    shown = f"{head}{url}, {{ method: " + ("msg_method" if method == "USE" else f'"{method}"')
    shown += ", headers: msg_headers"
    if body and method != "GET":
        shown += ", body: JSON.stringify(msg_payload)"
    ret = str(node.get("ret") or "txt")
    answer = ".json()" if parsed or ret == "obj" else RETURNS.get(ret, ".blob()")
    code.add(shown + " }))" + answer + ";", *pieces)


def _answered(flow: _Flow, key: str) -> tuple[list[str], bool]:
    """The function nodes the answer of the node `key` is wired to (through json nodes), and
    whether a json node parses it on the way."""
    found: list[str] = []
    ahead, seen, parsed = [key], {key}, False
    while ahead:
        here = flow.nodes[ahead.pop(0)]
        for next_key in _outputs(here):
            node = flow.nodes.get(next_key)
            if node is None or next_key in seen:
                continue
            seen.add(next_key)
            if node.get("type") == "function":
                found.append(next_key)
            elif node.get("type") in PARSING:
                ahead.append(next_key)
                parsed = True
    return found, parsed


def _outputs(node: dict[str, Any]) -> list[str]:
    """The ids a node's outputs are wired to."""
    wires = node.get("wires")
    if not isinstance(wires, list):
        return []
    return [k for out in wires if isinstance(out, list) for k in out if isinstance(k, str)]


def _wired(node: dict[str, Any], key: str) -> bool:
    return key in _outputs(node)
