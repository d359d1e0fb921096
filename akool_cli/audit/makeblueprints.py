"""Make (Integromat) scenario blueprints read as the calls their HTTP modules make: each
`http:ActionSendData` (or `MakeRequest`) module's `url`, `method`, `qs` pairs and raw JSON `data`
become `const mN = await (await fetch(...)).json();`, and each `{{N.data.x}}` placeholder of the
blueprint (a later module's value, a filter's operand, compared with its other one) a read of
`mN.x` from that module's parsed answer; each piece maps back to where the file writes it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from akool_cli.audit import rx
from akool_cli.audit.embedded import Code, Piece, rewrite
from akool_cli.audit.jsonspots import Placed, line_starts, load, spot
from akool_cli.audit.n8nflows import ESCAPE, UNESCAPED

HTTP_MODULE = rx.compile(r'"module"\s*:\s*"http:')
# The HTTP app's modules that send a request of their own URL (v3's and v4's names).
SENDING = frozenset(
    {
        "http:ActionSendData",
        "http:ActionSendDataBasicAuth",
        "http:ActionSendDataAPIKeyAuth",
        "http:ActionGetFile",
        "http:MakeRequest",
    }
)
# A parsed answer's field in a placeholder: `{{2.data.data._id}}` (the module's `data`, the body).
ANSWER_READ = rx.compile(r"\{\{\s*(?P<module>\d+)\.data\.(?P<path>[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)")
# A filter's comparisons that read as `===` or `!==`.
EQUALITIES = {"number:equal": "===", "text:equal": "===", "number:notequal": "!=="}
NUMBER = rx.compile(r"-?\d+(?:\.\d+)?")


def is_blueprint(_name: str, text: str) -> bool:
    """A JSON file holding a Make scenario's flow with an HTTP module."""
    return '"flow"' in text and HTTP_MODULE.search(text) is not None


def read(text: str) -> list[Code] | None:
    """The blueprint as JavaScript: each HTTP module's call, then each read of their answers."""
    data = load(text)
    if not isinstance(data, dict) or not isinstance(data.get("flow"), list):
        return None
    starts = line_starts(text)
    code = Code(".js", [], [])
    modules = [m for m in _modules(data["flow"]) if m.get("module") in SENDING]
    called = {str(m.get("id")) for m in modules if _call(code, m, starts)}
    for value, other in _values(data):
        _answer_read(code, value, other, called, starts)
    return [code]


def _modules(flow: list[Any]) -> Iterator[dict[str, Any]]:
    """The flow's modules, a router's routes' too, in order."""
    for module in flow:
        if not isinstance(module, dict):
            continue
        yield module
        for route in module.get("routes") or []:
            if isinstance(route, dict) and isinstance(route.get("flow"), list):
                yield from _modules(route["flow"])


def _call(code: Code, module: dict[str, Any], starts: list[int]) -> bool:
    """The module's call as a line of the code (False: a request not so read, skipped)."""
    mapper = module.get("mapper")
    if not isinstance(mapper, dict) or not isinstance(mapper.get("url"), Placed):
        return False
    url, data, pairs = mapper["url"], mapper.get("data"), mapper.get("qs") or []
    body_type = mapper.get("bodyType") or "raw"
    if body_type != "raw" or (data and not isinstance(data, Placed)) or not isinstance(pairs, list):
        return False  # (a form body, a body from a file: not read, so not judged as none)
    shown = f'const m{module.get("id")} = await (await fetch("'
    pieces = [Piece(len(shown), *spot(starts, url), len(url.raw))]
    shown += url.raw
    for k, pair in enumerate(pairs):
        name, value = (
            pair.get(key) if isinstance(pair, dict) else None for key in ("name", "value")
        )
        if not isinstance(name, Placed) or not isinstance(value, Placed):
            return False
        shown += "&" if k or "?" in url else "?"
        pieces.append(Piece(len(shown), *spot(starts, name), len(name.raw)))
        shown += name.raw + "="
        pieces.append(Piece(len(shown), *spot(starts, value), len(value.raw)))
        shown += value.raw
    method = str(mapper.get("method") or "get").upper()
    shown += f'", {{ method: "{method}"'
    if isinstance(data, Placed) and data:
        line, column = spot(starts, data)
        body, copied = rewrite(
            data.raw, line, column, ESCAPE, lambda m: UNESCAPED.get(m["c"], m["c"])
        )
        shown += ", body: JSON.stringify("
        pieces += [Piece(p.at + len(shown), p.line, p.column, p.length) for p in copied]
        shown += body + ")"
    code.add(shown + " })).json();", *pieces)
    return True


def _values(data: Any, other: Any = None) -> Iterator[tuple[Placed, Any]]:
    """Each string value of the blueprint, with the other operand when it is a filter's `a`."""
    if isinstance(data, Placed):
        yield data, other
    elif isinstance(data, dict):
        compared = data.get("b") if data.get("o") in EQUALITIES else None
        operator = EQUALITIES.get(str(data.get("o")), "")
        for key, value in data.items():
            yield from _values(value, (operator, compared) if key == "a" and compared else None)
    elif isinstance(data, list):
        for value in data:
            yield from _values(value)


def _answer_read(
    code: Code, value: Placed, other: Any, called: set[str], starts: list[int]
) -> None:
    """Each `{{N.data.x}}` of a value, N a call of the code: `console.log(mN.x);`, or the filter's
    comparison `if (mN.x === 5) {}`."""
    for m in ANSWER_READ.finditer(value):
        if m["module"] not in called or value.raw != str(value):
            continue  # (a placeholder in escaped text: its columns are not the file's)
        head = f"m{m['module']}."
        pieces = [Piece(len(head), *spot(starts, value, m.start("path")), len(m["path"]))]
        shown = head + m["path"]
        if other is not None and isinstance(other[1], Placed) and other[1].raw == str(other[1]):
            compared = other[1]
            literal = compared if NUMBER.fullmatch(compared) else json.dumps(str(compared))
            shown += f" {other[0]} "
            at = len(shown) + (literal != compared)  # (after a quote the code adds)
            pieces.append(Piece(at, *spot(starts, compared), len(compared.raw)))
            code.add(f"if ({shown}{literal}) {{}}", *_moved(pieces, len("if (")))
            continue
        code.add(f"console.log({shown});", *_moved(pieces, len("console.log(")))


def _moved(pieces: list[Piece], by: int) -> list[Piece]:
    return [Piece(p.at + by, p.line, p.column, p.length) for p in pieces]
