"""Bruno's request files (`.bru`) read as the fetch calls they amount to: a `vars { name: value }`
block binds names (`{{name}}` in a URL), a method block (`post { url: ... }`) gives the method
and the URL, a `params:query { name: value }` block adds to its query, and a `body:json { ... }`
block is that request's body; a `script:post-response` or `tests` block is the JavaScript it is,
its `res.body` (`res.getBody()`) the request's answer."""

from __future__ import annotations

import re

from akool_cli.audit import rx, source
from akool_cli.audit.embedded import Code, Piece, rewrite
from akool_cli.audit.walking import BRUNO_SUFFIX as SUFFIX

BLOCK_OPEN = rx.compile(r"^(?P<name>[A-Za-z][\w:-]*)[ \t]*\{[ \t]*$")
BLOCK_CLOSE = rx.compile(r"^\}[ \t]*$")
METHODS = frozenset({"get", "post", "put", "delete", "patch", "head", "options"})
ENTRY = rx.compile(r"^[ \t]+(?P<k>~?[A-Za-z_][\w.-]*)[ \t]*:[ \t]*(?P<v>.*?)[ \t]*$")
# The blocks of JavaScript run on the answer, and their reads of it (`res.body`, `res.getBody()`):
# read as `$`, the answer of the file's request.
ANSWER_BLOCKS = frozenset({"script:post-response", "tests"})
ANSWER = rx.compile(r"\bres\.(?:body\b|getBody\(\))")


def is_bruno(name: str) -> bool:
    return name.lower().endswith(SUFFIX)


def read(text: str) -> list[Code]:
    """The file as JavaScript: each variable a `const`, the request a `fetch(URL, { method,
    body: JSON.stringify(...) })` over its URL line and its body's lines, the rest blank."""
    lines = source.split_lines(text)
    blocks = _blocks(lines)
    body = next((b for b in blocks if b[0] == "body:json"), None)
    code = Code(".js", [], [])
    kinds = {n: name for name, start, end in blocks for n in range(start + 1, end)}
    last = body[2] - 1 if body is not None and body[2] - 1 > body[1] else -1
    query = _query(lines, blocks)
    for n, line in enumerate(lines):
        kind = kinds.get(n, "")
        entry = ENTRY.match(line)
        if kind in METHODS and entry is not None and entry.group("k") == "url":
            _url_line(code, n, entry, kind.upper(), body is not None and last > 0, query)
        elif kind.startswith("vars") and entry is not None and not entry.group("k").startswith("~"):
            head = f'const {entry.group("k").replace("-", "_").replace(".", "_")} = "'
            value = _js_string(entry.group("v"))
            code.add(head + value + '";', Piece(len(head), n, entry.start("v"), len(value)))
        elif kind == "body:json" and last > 0:
            close = ") });" if n == last else ""
            code.add(line + close, Piece(0, n, 0, len(line)))
        elif kind in ANSWER_BLOCKS:
            shown, pieces = rewrite(line, n, 0, ANSWER, lambda _: "$")
            code.add(shown, *pieces)
        else:  # (no comment: a block's braces in one would be read as the body's)
            code.add("", Piece(0, n, 0, 0))
    return [code]


def _js_string(value: str) -> str:
    """A value as the inside of a JS string of the same length, so that columns map back one to
    one: a `"` would close it, and a `\\` escape the next letter (`dir: C:\\temp\\` made
    `"C:\\temp\\";`, a string that never closed); a `/` stands for a `\\` (a path's parts)."""
    return value.replace('"', "'").replace("\\", "/")


def _blocks(lines: list[str]) -> list[tuple[str, int, int]]:
    """Each top-level block: its name, the line that opens it and the line that closes it."""
    found: list[tuple[str, int, int]] = []
    opened: tuple[str, int] | None = None
    for n, line in enumerate(lines):
        if opened is None:
            m = BLOCK_OPEN.match(line)
            opened = (m.group("name"), n) if m is not None else None
        elif BLOCK_CLOSE.match(line):
            found.append((opened[0], opened[1], n))
            opened = None
    return found


def _query(lines: list[str], blocks: list[tuple[str, int, int]]) -> list[tuple[int, re.Match[str]]]:
    """The entries of the `params:query` block that are on (`~name: value` is one turned off)."""
    found = []
    for name, start, end in blocks:
        for n in range(start + 1, end) if name == "params:query" else ():
            entry = ENTRY.match(lines[n])
            if entry is not None and not entry.group("k").startswith("~"):
                found.append((n, entry))
    return found


def _url_line(
    code: Code,
    n: int,
    entry: re.Match[str],
    method: str,
    body: bool,
    query: list[tuple[int, re.Match[str]]],
) -> None:
    """The request's `fetch(URL, { method, ...`, the URL given the `params:query` block's entries
    it does not already carry (Bruno writes them in both; an entry named in one only is sent)."""
    head = 'fetch("'
    url = _js_string(entry.group("v"))
    pieces = [Piece(len(head), n, entry.start("v"), len(url))]
    shown = head + url
    carried = set(re.findall(r"[?&]([^=&#]+)=", url))
    for k, param in query:
        if param.group("k") in carried:
            continue
        shown += "&" if "?" in shown else "?"
        pieces.append(Piece(len(shown), k, param.start("k"), len(param.group("k"))))
        shown += param.group("k") + "=" + _js_string(param.group("v")).replace(" ", "%20")
    shown += f'", {{ method: "{method}"'
    code.add(shown + (", body: JSON.stringify(" if body else " });"), *pieces)
