"""HTTP requests sketched in a Markdown file's code blocks, whatever the block's language
(`POST https://openapi.akool.com/api/open/v3/...` on a line of its own, then `Headers:` and
header lines, then `Body:` and a JSON text), read as the fetch calls they amount to: the file is
audited as itself but for those lines, its request line made `fetch("URL", { method, body:
JSON.stringify(` with the JSON after it, labels and headers as comments."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePath

from akool_cli.audit import rx, source
from akool_cli.audit.embedded import Code, Piece

# A request line: a whole URL, or AKOOL's own /api/open/vN path (a design doc's shorthand).
SKETCH_HINT = rx.compile(
    r"^[ \t]*(?:GET|POST|PUT|DELETE|PATCH)[ \t]+(?:https?://|/api/open/)", re.M
)
REQUEST = rx.compile(
    r"^[ \t]*(?P<m>GET|POST|PUT|DELETE|PATCH)[ \t]+(?P<url>(?:https?://|/api/open/v\d+/)[^\s\"'`]+)"
    r"(?:[ \t]+HTTP/[\d.]+)?[ \t]*$"
)
# A label line (`Headers:`, `Body:`, `Request Body (JSON):`, `请求体：`), with what follows it.
LABEL = rx.compile(
    r"^[ \t]*(?:(?P<body>(?:Request[ \t]+)?(?:Body|Payload|JSON|Data)|请求体|请求参数|参数)"
    r"|(?:Request[ \t]+)?Headers?|请求头)(?:[ \t]*\([^)]*\))?[ \t]*[:：][ \t]*(?P<rest>.*)$",
    re.I,
)
HEADER = rx.compile(r"^[ \t]*[A-Za-z][\w-]*[ \t]*:[ \t]*\S")
OPENS_JSON = rx.compile(r"^[ \t]*[{\[]")
STRING = rx.compile(r"\"[^\"\\]*(?:\\.[^\"\\]*)*\"")


@dataclass
class _Sketch:
    line: int
    method: str
    url_at: int
    url: str
    notes: list[int] = field(default_factory=list)  # labels and headers: comments
    body: list[int] = field(default_factory=list)
    body_at: int = 0  # the column the body opens at on its first line


def has_sketches(name: str, text: str) -> bool:
    """Whether a Markdown file holds a request line of its own in a code block."""
    return PurePath(name).suffix.lower() in source.MARKDOWN and bool(SKETCH_HINT.search(text))


def read(text: str, name: str) -> list[Code]:
    """The file as itself, each sketch's lines rewritten (see the module's docstring)."""
    lines = source.split_lines(text)
    suffix = PurePath(name).suffix
    sketches = {s.line: s for s in _sketches(lines)}
    parts = {n: s for s in sketches.values() for n in (*s.notes, *s.body)}
    code = Code(suffix, [], [])
    for n, line in enumerate(lines):
        sketch = sketches.get(n) or parts.get(n)
        if sketch is None:
            code.add(line, Piece(0, n, 0, len(line)))
        elif n == sketch.line:
            _request_line(code, sketch)
        elif n in sketch.notes:
            code.add("// " + line, Piece(3, n, 0, len(line)))
        else:
            at = sketch.body_at if n == sketch.body[0] else 0
            close = ") });" if n == sketch.body[-1] else ""
            code.add(" " * at + line[at:] + close, Piece(at, n, at, len(line) - at))
    return [code]


def _sketches(lines: list[str]) -> list[_Sketch]:
    found: list[_Sketch] = []
    fence = ""
    for n, line in enumerate(lines):
        m = source.FENCE.match(line)
        if m is not None:
            fence = "" if fence and m.group("f")[0] == fence[0] else fence or m.group("f")
            continue
        request = REQUEST.match(line) if fence else None
        if request is not None and not (found and n in (*found[-1].notes, *found[-1].body)):
            sketch = _Sketch(n, request["m"], request.start("url"), request["url"])
            _follow(lines, sketch)
            found += [sketch] if sketch.body else []  # (a lone `GET URL` line: a signature)
    return found


def _follow(lines: list[str], sketch: _Sketch) -> None:
    """The sketch's labels, headers and body: the lines after its request line, up to a line
    that is none of them (a fence's end, the next request line)."""
    depth, n = 0, sketch.line
    while n + 1 < len(lines):
        n += 1
        line = lines[n]
        if sketch.body and depth > 0 and not source.FENCE.match(line):
            sketch.body.append(n)
        elif source.FENCE.match(line) or REQUEST.match(line) or sketch.body:
            return
        elif not line.strip():
            continue
        elif (label := LABEL.match(line)) is not None:
            rest = label["rest"]
            if label["body"] and OPENS_JSON.match(rest):
                sketch.body, sketch.body_at = [n], label.start("rest")
            else:
                sketch.notes.append(n)
        elif OPENS_JSON.match(line):
            sketch.body = [n]
        elif HEADER.match(line):
            sketch.notes.append(n)
        else:
            return
        depth += _depth(line[sketch.body_at :]) if sketch.body and n in sketch.body else 0
        if sketch.body and depth <= 0 and n == sketch.body[-1]:
            return


def _depth(line: str) -> int:
    """How many brackets the line opens more than it closes, outside its strings."""
    bare = STRING.sub("", line)
    return bare.count("{") + bare.count("[") - bare.count("}") - bare.count("]")


def _request_line(code: Code, sketch: _Sketch) -> None:
    head = 'fetch("'
    shown = head + sketch.url + '", { method: "'
    pieces = [Piece(len(head), sketch.line, sketch.url_at, len(sketch.url))]
    shown += sketch.method + '"'
    code.add(shown + (", body: JSON.stringify(" if sketch.body else " });"), *pieces)
