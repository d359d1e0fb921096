"""R's httr2 pipelines (`request(base) |> req_url_path_append("content/x") |> req_body_json(list(
...)) |> req_perform()`, with `|>` or `%>%`) read as the httr call they amount to: the path
appended to the request's base is `paste0(base, "/content/x")`, given to the verb the pipeline
sends (`req_method("POST")`, else POST with a body and GET without), the body's `list(...)` is
`body = list(...)` and the query's `req_url_query(k = v)` is `query = list(k = v)`, all inside the
verb's parentheses; findings map back to the file."""

from __future__ import annotations

import re

from akool_cli.audit import rx, source
from akool_cli.audit.embedded import Code, Piece, rewrite

R_SUFFIXES = (".r",)
# A pipeline's head: `request(base)` (httr2's own or `httr2::request`), the base a name or a
# string.
REQUEST = rx.compile(
    r"(?<![\w.])(?:httr2::)?request\(\s*(?P<base>[A-Za-z.][\w.]*|\"[^\"]*\"|'[^']*')\s*\)"
)
PIPE_END = rx.compile(r"\s*(?:\|>|%>%)\s*(?:#.*)?$")
# The steps that become the verb's arguments: the path appended (its arguments on one line), the
# body, the query, the method.
PATH_APPEND = rx.compile(
    r"(?<![\w.])(?:httr2::)?req_url_path_append\(\s*(?P<args>(?:\"[^\"]*\"|'[^']*'|[A-Za-z.][\w.$]*)"
    r"(?:\s*,\s*(?:\"[^\"]*\"|'[^']*'|[A-Za-z.][\w.$]*))*)\s*\)"
)
BODY = rx.compile(r"(?<![\w.])(?:httr2::)?req_body_json\(")
QUERY = rx.compile(r"(?<![\w.])(?:httr2::)?req_url_query\(")
METHOD = rx.compile(r"(?<![\w.])(?:httr2::)?req_method\(\s*[\"'](?P<m>[A-Za-z]+)[\"']")
ARGUMENT = rx.compile(r"\"(?P<d>[^\"]*)\"|'(?P<s>[^']*)'|(?P<n>[A-Za-z.][\w.$]*)")
STEP = rx.compile(PATH_APPEND.pattern + "|" + BODY.pattern + "|" + QUERY.pattern)
PIPELINE_LINES = 40  # (how many lines a pipeline may run over)


def is_pipeline_file(name: str, text: str) -> bool:
    return name.lower().endswith(R_SUFFIXES) and "req_url_path_append" in text


def read(text: str) -> list[Code]:
    lines = source.split_lines(text)
    code = Code(".r", [], [])
    rewritten: dict[int, tuple[str, tuple[Piece, ...]]] = {}
    for n, line in enumerate(lines):
        head = REQUEST.search(line)
        if head is not None and n not in rewritten:
            rewritten.update(_pipeline(lines, n, head))
    for n, line in enumerate(lines):
        shown, pieces = rewritten.get(n, (line, (Piece(0, n, 0, len(line)),)))
        code.add(shown, *pieces)
    return [code]


def _extent(lines: list[str], n: int) -> int:
    """The last line of the pipeline that starts on line n."""
    end = n
    while end + 1 < len(lines) and end - n < PIPELINE_LINES and PIPE_END.search(lines[end]):
        end += 1
    return end


def _pipeline(
    lines: list[str], n: int, head: re.Match[str]
) -> dict[int, tuple[str, tuple[Piece, ...]]]:
    """The pipeline's lines from its first step to its last rewritten as one httr call."""
    end = _extent(lines, n)
    steps = [k for k in range(n, end + 1) if STEP.search(lines[k], head.end() if k == n else 0)]
    if not steps or not any(PATH_APPEND.search(lines[k]) for k in steps):
        return {}
    verb = _verb(lines[n : end + 1])
    base = head.group("base")
    first, last = steps[0], steps[-1]
    out: dict[int, tuple[str, tuple[Piece, ...]]] = {}
    for k in range(first, last + 1):
        line = lines[k]
        start = head.end() if k == n else 0
        shown, pieces = rewrite(line, k, 0, STEP, lambda m: _argument(m, base))
        if k == first:
            at = _step_start(shown, start)
            shown = shown[:at] + verb + "(" + shown[at:]
            pieces = _shifted(pieces, at, len(verb) + 1)
        pipe = PIPE_END.search(shown)
        if pipe is not None and k < last:
            shown = shown[: pipe.start()] + ","
        elif k == last:
            shown = shown[: pipe.start()] + ")" + shown[pipe.start() :] if pipe else shown + ")"
        out[k] = (shown, pieces)
    return out


def _verb(lines: list[str]) -> str:
    for line in lines:
        m = METHOD.search(line)
        if m is not None:
            return m.group("m").upper()
    return "POST" if any(BODY.search(line) for line in lines) else "GET"


def _argument(m: re.Match[str], base: str) -> str:
    """A step as the verb's argument: the path as `paste0(base, "/a/b")`, the body, the query."""
    text = m.group(0)
    if BODY.match(text):
        return "body = ("
    if QUERY.match(text):
        return "query = list("
    literal: list[str] = []
    rest: list[str] = []
    for a in ARGUMENT.finditer(m.group("args")):
        value = a.group("d") if a.group("d") is not None else a.group("s")
        if value is not None and not rest:
            literal.append(value.strip("/"))
        else:
            rest.append(a.group(0) if value is None else f'"{value}"')
    path = "/" + "/".join(literal) + ("/" if rest else "")
    return "paste0(" + ", ".join([base, f'"{path}"', *rest]) + ")"


def _step_start(shown: str, start: int) -> int:
    """Where the line's first step starts (the code's own columns)."""
    found = [shown.find(word, start) for word in ("paste0(", "body = (", "query = list(")]
    return min((at for at in found if at >= 0), default=start)


def _shifted(pieces: tuple[Piece, ...], at: int, by: int) -> tuple[Piece, ...]:
    return tuple(Piece(p.at + by, p.line, p.column, p.length) if p.at >= at else p for p in pieces)
