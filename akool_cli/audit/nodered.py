"""Node-RED flow exports read as the calls their http request nodes make: a function node's code
(its `func`, a JSON string) is read as the JavaScript it is, with `msg.url`, `msg.payload`,
`msg.headers` and `msg.method` as plain names, and a node it wires into an http request node is
followed by the fetch that node makes (the node's own `url` and `method`, or the message's),
then by the code of the function nodes the answer is wired to (their `msg.payload` the answer,
parsed by the node or by their own `JSON.parse`); each line maps back to the file's text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from akool_cli.audit import rx
from akool_cli.audit.embedded import Code, Piece, rewrite
from akool_cli.audit.jsonspots import Placed, line_starts, load, spot
from akool_cli.audit.n8nflows import ESCAPE, UNESCAPED, string_code

NODE_TYPE = rx.compile(r'"type"\s*:\s*"(?:http request|function)"')
# The message's properties an http request node sends, as names of the same length.
SENT_NAMES = ("url", "payload", "headers", "method")
SENT = rx.compile(r"\bmsg\.(?=(?:url|payload|headers|method)\b)")
# The nodes that set what an http request node they are wired into sends: a function node's
# code, a change node's `set` rules (a string or JSON value).
FEEDING = frozenset({"function", "change"})
# The answer in a function node the http request node is wired to, as a name of the same length.
ANSWER = rx.compile(r"\bmsg\.payload\b")
ANSWER_NAME = "akool_reply"
# Nodes that pass the answer on parsed (a json node).
PARSING = frozenset({"json"})
# What an http request node's `ret` makes of the answer (binary: nothing a script reads).
RETURNS = {"obj": ".json()", "txt": ".text()"}


@dataclass(frozen=True)
class _Flow:
    nodes: dict[str, dict[str, Any]]  # id: node (its strings Placed)
    starts: list[int]  # (where the file's lines start)

    def spot(self, value: Any) -> tuple[int, int, str] | None:
        """Where the file writes a string value: (line, column, its raw text)."""
        if not isinstance(value, Placed):
            return None
        return (*spot(self.starts, value), value.raw)


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
    feeds: dict[str, list[str]] = {}  # an http request node's id: the nodes wired into it
    for key, node in flow.nodes.items():
        for target in _outputs(node) if node.get("type") in FEEDING else ():
            feeds.setdefault(target, []).append(key)
    read_with_a_call: set[str] = set()
    for key, node in flow.nodes.items():
        if node.get("type") == "http request":
            codes.extend(_calls(flow, key, feeds.get(key, []), read_with_a_call))
    for key, node in flow.nodes.items():  # (a function node no call's code holds: as it is)
        if node.get("type") == "function" and key not in read_with_a_call:
            codes.append(_code(flow, key, SENT, "msg_"))
    return codes


def _flow(text: str) -> _Flow | None:
    """The flow's nodes, each string where the file writes it (None: not a flow)."""
    data = load(text)
    if isinstance(data, dict):  # (the admin API's `{"rev": ..., "flows": [...]}`)
        data = data.get("flows")
    if not isinstance(data, list):
        return None
    nodes = [n for n in data if isinstance(n, dict) and isinstance(n.get("id"), str)]
    return _Flow({n["id"]: n for n in nodes}, line_starts(text))


def _code(flow: _Flow, key: str, names: Any, new: str) -> Code:
    """A function node's code, the message's properties `names` matches renamed to `new...`."""
    spot = flow.spot(flow.nodes[key].get("func"))
    if spot is None:
        return Code(".js", [], [])
    code = string_code(spot[0], spot[1], spot[2], ".js")
    code.lines = [names.sub(new, line) for line in code.lines]  # (lengths kept: places hold)
    return code


def _feeding_code(flow: _Flow, key: str) -> Code:
    """What a node wired into an http request node sets on the message, as code."""
    if flow.nodes[key].get("type") == "function":
        return _code(flow, key, SENT, "msg_")
    code = Code(".js", [], [])
    rules = flow.nodes[key].get("rules")
    for rule in rules if isinstance(rules, list) else []:
        if not isinstance(rule, dict) or (rule.get("t"), rule.get("pt")) != ("set", "msg"):
            continue
        name, kind, spot = rule.get("p"), rule.get("tot"), flow.spot(rule.get("to"))
        if name not in SENT_NAMES or spot is None or kind not in ("str", "json"):
            continue  # (a value from the message, the flow or JSONata: not known here)
        head = f"msg_{name} = " + ('"' if kind == "str" else "")
        line, column, raw = spot
        text, copied = rewrite(raw, line, column, ESCAPE, lambda m: UNESCAPED.get(m["c"], m["c"]))
        if kind == "str":
            text, copied = raw, (Piece(0, line, column, len(raw)),)
        moved = [Piece(p.at + len(head), p.line, p.column, p.length) for p in copied]
        code.add(head + text + ('";' if kind == "str" else ";"), *moved)
    return code


def _calls(flow: _Flow, key: str, feeding: list[str], held: set[str]) -> list[Code]:
    """An http request node's fetch, after each node of `feeding` (wired into it; alone when
    none is and the node names its URL), then the function nodes its answer is wired to (each
    added to `held`, the function nodes read with a call)."""
    node = flow.nodes[key]
    if not feeding and not node.get("url"):
        return []
    codes = [_feeding_code(flow, k) for k in feeding] or [Code(".js", [], [])]
    answered, parsed = _answered(flow, key)
    held.update(feeding, answered)
    for code in codes:
        sends_body = any("msg_payload" in line for line in code.lines)
        _fetch(code, flow.nodes[key], flow.spot(flow.nodes[key].get("url")), sends_body, parsed)
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
