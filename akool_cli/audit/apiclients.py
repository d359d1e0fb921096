"""API client collections read as the fetch calls their requests make: Thunder Client's
(`thunder-tests/*.json`, `"client": "Thunder Client"`: each request's `"url"`, `"method"` and
`"raw"` body, a JSON string) and Insomnia 5's YAML exports (`type: collection.insomnia.rest/5.0`:
each request's `url:`, `method:` and `body:`'s `text:` block), with `{{name}}` and `{{ _.name }}`
read as `${name}`, bound where the file gives that name a URL (an Insomnia environment's `data:`);
findings and fixes map back to the file's own text."""

from __future__ import annotations

import re

from akool_cli.audit import rx, source
from akool_cli.audit.embedded import Code, Piece, rewrite
from akool_cli.audit.n8nflows import string_code
from akool_cli.audit.walking import INSOMNIA_SUFFIXES, THUNDER_SUFFIX
from akool_cli.audit.workflows import BLOCK, KEY_LINE, block_end

THUNDER = rx.compile(r'"client"\s*:\s*"Thunder Client"')
INSOMNIA = rx.compile(r"^type:[ \t]*collection\.insomnia\.rest/5", re.M)
# A Thunder request's parameter, a JSON string on a line of its own.
THUNDER_KEY = rx.compile(r'^\s*"(?P<key>url|method|raw)"\s*:\s*"(?P<v>[^"\\]*(?:\\.[^"\\]*)*)"')
TEMPLATE = rx.compile(r"\{\{\s*(?:_\.)?(?P<n>[A-Za-z_][\w-]*)\s*\}\}")
URL_VALUE = rx.compile(r"^[\"']?https?://")


def is_collection(name: str, text: str) -> bool:
    lower = name.lower()
    if lower.endswith(THUNDER_SUFFIX):
        return THUNDER.search(text) is not None
    return lower.endswith(INSOMNIA_SUFFIXES) and INSOMNIA.search(text) is not None


Request = dict[str, tuple[int, int, str]]  # key: (line, column, text as written)


def read(text: str) -> list[Code]:
    """The file's requests as fetch calls, after its URL-holding names (Insomnia's)."""
    lines = source.split_lines(text)
    code = Code(".js", [], [])
    thunder = text.lstrip().startswith("{")
    requests = _thunder(lines) if thunder else _insomnia(lines, code)
    for request in requests:
        _call(code, request, lines)
    return [code]


def _thunder(lines: list[str]) -> list[Request]:
    found: list[Request] = []
    for n, line in enumerate(lines):
        m = THUNDER_KEY.match(line)
        if m is None:
            continue
        if m["key"] == "url":
            found.append({})
        if found:
            found[-1][m["key"]] = (n, m.start("v"), m["v"])
    return found


def _insomnia(lines: list[str], code: Code) -> list[Request]:
    """Each request's url, method and body text (a block: its first line's), and a
    `const name = "https://...";` for each other key the file gives a URL."""
    found: list[Request] = []
    for n, line in enumerate(lines):
        m = KEY_LINE.match(line)
        if m is None:
            continue
        key, rest = m["key"], m["rest"].strip()
        if key == "url":
            found.append({})
        if key in ("url", "method") and found:
            found[-1][key] = (n, m.start("rest"), rest)
        elif key == "text" and found and BLOCK.match(rest):
            last = block_end(lines, n, len(m["lead"]))
            found[-1]["raw"] = (n + 1, last, "")
        elif URL_VALUE.match(rest) and re.fullmatch(r"[A-Za-z_]\w*", key):
            inner, at = _unquoted(rest, m.start("rest"))
            head = f'const {key} = "'
            code.add(head + inner + '";', Piece(len(head), n, at, len(inner)))
    return found


def _unquoted(text: str, column: int) -> tuple[str, int]:
    if len(text) > 1 and text[0] in "\"'" and text[-1] == text[0]:
        return text[1:-1], column + 1
    return text, column


def _call(code: Code, request: Request, lines: list[str]) -> None:
    """`fetch(`URL`, { method: "M", body: JSON.stringify(BODY) });`, each piece from the file."""
    if "url" not in request:
        return
    line, column, written = request["url"]
    url, at = _unquoted(written, column)
    shown, pieces = rewrite(url, line, at, TEMPLATE, lambda m: "${" + m["n"] + "}")
    method = _unquoted(request["method"][2], 0)[0].upper() if "method" in request else "GET"
    head = "fetch(`"
    text = f'{head}{shown}`, {{ method: "{method}"'
    moved = [Piece(p.at + len(head), p.line, p.column, p.length) for p in pieces]
    if "raw" not in request:
        code.add(text + " });", *moved)
        return
    code.add(text + ", body: JSON.stringify(", *moved)
    first, second, raw = request["raw"]
    if raw:  # (Thunder's: a JSON string)
        body = string_code(first, second, raw, ".js")
        for shown_line, places in zip(body.lines, body.places, strict=True):
            code.add(shown_line, *places)
    else:  # (Insomnia's: a block's lines)
        for n in range(first, second + 1):
            code.add(lines[n], Piece(0, n, 0, len(lines[n])))
    code.add(") });")
