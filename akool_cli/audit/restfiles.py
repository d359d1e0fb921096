"""HTTP request files (VS Code's REST Client and JetBrains' HTTP client: `.http`, and `.rest`
files that hold requests; Hurl's `.hurl`) read as the fetch calls they amount to: `@base = https://...` binds a
name, each request's `POST {{base}}/api/open/v3/... HTTP/1.1` line gives its method and URL, its
header lines follow, and the text after the blank line (up to the next `###`) is its body; in a
Hurl file the body follows the headers straight away and ends at the response's `HTTP 200` line,
whose captures and asserts (`jsonpath "$.data._id"`, `== 3` read as a comparison) are read as
they are written; a JetBrains response handler's `response.body` is the answer of its request."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from akool_cli.audit import rx, source
from akool_cli.audit.embedded import Code, Piece, rewrite
from akool_cli.audit.walking import HTTP_SUFFIX, HURL_SUFFIX, REST_SUFFIX
from akool_cli.audit.walking import REQUEST_SUFFIXES as REQUEST_SUFFIXES  # (READ_TABLES')

REQUEST_LINE = rx.compile(
    r"^(?:(?P<m>GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)[ \t]+)?(?P<url>(?:https?://|\{\{)\S*)"
    r"(?:[ \t]+HTTP/[\d.]+)?[ \t]*$"
)
VARIABLE = rx.compile(r"^@(?P<n>[A-Za-z_][\w-]*)[ \t]*=[ \t]*(?P<v>.*?)[ \t]*$")
SEPARATOR = rx.compile(r"^###")
QUERY_LINE = rx.compile(r"^[ \t]+[?&]\S*[ \t]*$")  # `    ?page=1` under the request line
COMMENT = rx.compile(r"^[ \t]*(?:#|//)")
# What ends a body: JetBrains' response handler (`> {% ... %}`) or output redirect (`>> out.json`),
# or a body read from a file (`< ./body.json`), which is not in view.
NOT_BODY = rx.compile(r"^(?:>|<)")
HEADER = rx.compile(r"^[\w-]+:[ \t]*")
# A request line that says its method: what makes a `.rest` file one of requests, not prose.
SAYS_METHOD = rx.compile(r"^(?:GET|POST|PUT|DELETE|PATCH)[ \t]+(?:https?://|\{\{)", re.M)


def is_request_file(name: str, text: str) -> bool:
    """An `.http` or `.hurl` file, or a `.rest` file with a request line (reStructuredText has
    none)."""
    low = name.lower()
    if low.endswith((HTTP_SUFFIX, HURL_SUFFIX)):
        return True
    return low.endswith(REST_SUFFIX) and bool(SAYS_METHOD.search(text))


# Hurl: the response's status line (`HTTP 200`, `HTTP/1.1 *`), a section (`[Captures]`,
# `[QueryStringParams]`), and what opens a body right after the headers (JSON, a ``` block).
HURL_RESPONSE = rx.compile(r"^HTTP(?:/[\d.]+)?[ \t]+[\d*]")
HURL_SECTION = rx.compile(r"^\[[A-Za-z]+\][ \t]*$")
HURL_BODY = rx.compile(r"^[ \t]*(?:[{\[]|```)")
# The request's query section (`[QueryStringParams]`, `[Query]` since Hurl 5) and its `name: value` lines.
HURL_QUERY = rx.compile(r"^\[(?:QueryStringParams|Query)\][ \t]*$")
HURL_PARAM = rx.compile(r"^[ \t]*(?P<n>[A-Za-z_][\w.-]*)[ \t]*:[ \t]*(?P<v>.*?)[ \t]*$")


# A Hurl assert that compares an answer's field (`jsonpath "$.data.video_status" == 3`), read as
# `if (jsonpath("$.data.video_status") == 3) {}`, the comparison the status rules judge.
HURL_ASSERT = rx.compile(
    r'^jsonpath[ \t]+"(?P<path>\$[^"\\]*)"[ \t]+(?P<op>==|!=)[ \t]+'
    r'(?P<v>-?\d+(?:\.\d+)?|"[^"\\]*")[ \t]*(?:#.*)?$'
)
# JetBrains' response handler (`> {% ... %}`, on one line or over lines), whose JavaScript reads the
# answer as `response.body` (read as `$`, the answer of the request above it).
HANDLER_OPEN = rx.compile(r"^>[ \t]*\{%")
HANDLER_MARK = rx.compile(r"^>[ \t]*\{%|%\}")
RESPONSE_BODY = rx.compile(r"\bresponse\.body\b")


@dataclass
class _Request:
    line: int  # the request line
    method: str
    url_at: int  # the URL's column
    url: str
    body: list[int]  # the body's lines
    query: list[int] = field(default_factory=list)  # the URL's query, on lines of its own


def read(text: str, hurl: bool = False) -> list[Code]:
    """The file as JavaScript: a variable as a `const`, each request as a `fetch(URL, { method,
    body: JSON.stringify(...) })` on its own lines, headers and comments as comments (a Hurl
    response's lines as they are)."""
    lines = source.split_lines(text)
    code = Code(".js", [], [])
    requests = {r.line: r for r in (_hurl_requests(lines) if hurl else _requests(lines))}
    response = _hurl_responses(lines) if hurl else set()
    handlers = set() if hurl or "{%" not in text else _handlers(lines)
    ends = {r.body[-1]: r for r in requests.values() if r.body}
    body = {n for r in requests.values() for n in r.body}
    query = {n for r in requests.values() for n in r.query}
    for n, line in enumerate(lines):
        request = requests.get(n)
        if request is not None:
            _request_line(code, lines, request)
        elif n in body:
            close = ") });" if n in ends else ""
            code.add(line + close, Piece(0, n, 0, len(line)))
        elif n in query:
            code.add("")  # (read on the request's line)
        elif n in response:
            _response_line(code, n, line)
        elif n in handlers:
            shown = HANDLER_MARK.sub(lambda m: " " * len(m.group(0)), line)
            handled, pieces = rewrite(shown, n, 0, RESPONSE_BODY, lambda _: "$")
            code.add(handled, *pieces)
        else:
            _other_line(code, n, line)
    return [code]


def _response_line(code: Code, n: int, line: str) -> None:
    """A Hurl response's line as written, or an assert comparing a field as an `if`."""
    m = HURL_ASSERT.match(line) if line.startswith("jsonpath") else None
    if m is None:
        code.add(line, Piece(0, n, 0, len(line)))
        return
    head = 'if (jsonpath("'
    shown = f'{head}{m["path"]}") {m["op"]} '
    pieces = (
        Piece(len(head), n, m.start("path"), len(m["path"])),
        Piece(len(shown), n, m.start("v"), len(m["v"])),
    )
    code.add(shown + m["v"] + ") {}", *pieces)


def _handlers(lines: list[str]) -> set[int]:
    """The lines of the file's JetBrains response handlers (`> {%` up to `%}`)."""
    found: set[int] = set()
    inside = False
    for n, line in enumerate(lines):
        opens = HANDLER_OPEN.match(line) is not None
        if opens or inside:
            found.add(n)
            inside = "%}" not in (line[line.index("{%") + 2 :] if opens else line)
    return found


def _hurl_requests(lines: list[str]) -> list[_Request]:
    """A Hurl file's requests: a request line, its headers, then its body (up to the response's
    status line, a section or the next request)."""
    found: list[_Request] = []
    current: _Request | None = None
    in_body = in_query = False
    for n, line in enumerate(lines):
        m = REQUEST_LINE.match(line)
        if m is not None and m.group("m"):
            current = _Request(n, m.group("m"), m.start("url"), m.group("url"), [])
            found.append(current)
            in_body = in_query = False
        elif current is not None and HURL_QUERY.match(line):
            in_query = True
        elif current is not None and in_query and not in_body and HURL_PARAM.match(line):
            current.query.append(n)
        elif current is None or HURL_RESPONSE.match(line) or HURL_SECTION.match(line):
            current = None
        elif in_body or HURL_BODY.match(line):
            in_body = True
            current.body.append(n)
    for request in found:
        while request.body and not lines[request.body[-1]].strip():
            request.body.pop()
        if request.body and lines[request.body[0]].lstrip().startswith("```"):
            request.body = []  # (a multiline string's text: not read as JSON)
    return found


def _hurl_responses(lines: list[str]) -> set[int]:
    """The lines of each Hurl response's sections (after its `HTTP 200` line, up to the next
    request): its captures and asserts, read as written."""
    found: set[int] = set()
    inside = False
    for n, line in enumerate(lines):
        m = REQUEST_LINE.match(line)
        if m is not None and m.group("m"):
            inside = False
        elif HURL_RESPONSE.match(line):
            inside = True
        elif inside and not COMMENT.match(line):
            found.add(n)
    return found


def _requests(lines: list[str]) -> list[_Request]:
    found: list[_Request] = []
    current: _Request | None = None
    in_body = False
    for n, line in enumerate(lines):
        if SEPARATOR.match(line):
            current, in_body = None, False
            continue
        m = REQUEST_LINE.match(line) if current is None else None
        if current is not None and not in_body and QUERY_LINE.match(line):
            current.query.append(n)
        elif m is not None:
            method = m.group("m") or "GET"
            current = _Request(n, method, m.start("url"), m.group("url"), [])
            found.append(current)
            in_body = False
        elif current is not None and not in_body and not line.strip():
            in_body = True
        elif current is not None and in_body and NOT_BODY.match(line):
            current = None
        elif current is not None and in_body and not COMMENT.match(line):
            current.body.append(n)
    for request in found:  # (trailing blank lines end no body)
        while request.body and not lines[request.body[-1]].strip():
            request.body.pop()
    return found


def _request_line(code: Code, lines: list[str], request: _Request) -> None:
    """The request line as `fetch("URL", { method: "POST"`, its query lines joined to the URL
    with `+` (each a line of its own), and the options opened or closed after the last."""
    head = 'fetch("'
    n = request.line
    pieces = [Piece(len(head), n, request.url_at, len(request.url))]
    shown = head + request.url + '"'
    joiner = "&" if "?" in request.url else "?"
    for k in request.query:  # (written after the request line: `"URL" + "?a=1" + "&b=2"`)
        shown += ' + "'
        param = HURL_PARAM.match(lines[k])
        if param is not None and not QUERY_LINE.match(lines[k]):  # (Hurl's `name: value`)
            pieces.append(Piece(len(shown) + 1, k, param.start("n"), len(param["n"])))
            shown += f'{joiner}{param["n"]}={param["v"].replace(chr(34), "%22")}"'
            joiner = "&"
            continue
        text = lines[k].strip()
        pieces.append(Piece(len(shown), k, lines[k].index(text), len(text)))
        shown += text + '"'
    shown += ', { method: "'
    if lines[n].startswith(request.method):
        pieces.append(Piece(len(shown), n, 0, len(request.method)))
    shown += request.method + '"'
    code.add(shown + (", body: JSON.stringify(" if request.body else " });"), *pieces)


# A variable read from the environment: `{{$dotenv AKOOL_BASE_URL}}`, `{{$processEnv X}}`.
ENV_VALUE = rx.compile(r"\{\{\s*\$(?:dotenv|processEnv)\s+%?(?P<n>[A-Za-z_]\w*)\s*\}\}")


def _other_line(code: Code, n: int, line: str) -> None:
    m = VARIABLE.match(line)
    env = ENV_VALUE.fullmatch(m.group("v")) if m is not None else None
    if m is not None and env is not None:  # (what an AKOOL-named variable holds is AKOOL's base)
        code.add(f"const {m.group('n').replace('-', '_')} = process.env.{env.group('n')};")
    elif m is not None:
        head = f'const {m.group("n").replace("-", "_")} = "'
        value = m.group("v").replace('"', "'")
        code.add(head + value + '";', Piece(len(head), n, m.start("v"), len(value)))
    elif line.strip():
        code.add("// " + line, Piece(3, n, 0, len(line)))
    else:
        code.add("")
