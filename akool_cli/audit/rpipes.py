"""R's httr2 pipelines (`request(base) |> req_url_path_append("content/x") |> req_body_json(list(
...)) |> req_perform()`, with `|>` or `%>%`) read as the httr call they amount to: the path
appended to the request's base is `paste0(base, "/content/x")`, given to the verb the pipeline
sends (`req_method("POST")`, else POST with a body and GET without), the body's `list(...)` is
`body = list(...)` and the query's `req_url_query(k = v)` is `query = list(k = v)`, all inside the
verb's parentheses; and what R scripts read of an answer (`resp_body_json(resp)$data$x`,
httr's `content(r)$data$x`) as the parse other languages write; findings map back to the file."""

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
PIPE_STEP = rx.compile(STEP.pattern + r"|(?P<bind>(?<=[\w.)\s])<-(?=\s))")
PIPELINE_LINES = 40  # (how many lines a pipeline may run over)


# What a script parses an answer with (httr2's resp_body_json, httr's content), and the names
# it reads after it (`$data$task_id`, `[["data"]][["task_id"]]`): read as `resp.json()["data"]...`,
# the parse the other languages write, and `<-` as the `=` they bind with.
PARSE = r"(?:httr2::)?resp_body_json|(?:httr::)?content"
PARSE_CALL = (
    r"(?P<parse>(?<![\w.])(?:" + PARSE + r")\(\s*(?P<arg>[A-Za-z.][\w.]*)\s*"
    r"(?:,\s*(?:as\s*=\s*)?[\"']parsed[\"']\s*)?\))"
)
READ = r"(?:\$[A-Za-z_][\w.]*|\$`[^`]+`|\[\[\s*[\"'][^\"']+[\"']\s*\]\])"
READS = r"(?P<chain>" + READ + "*)"
ANSWER = rx.compile(PARSE_CALL + READS + r"|(?P<bind>(?<=[\w.)\s])<-(?=\s))")
PARSED_NAME = rx.compile(r"^\s*(?P<n>[A-Za-z.][\w.]*)\s*(?:<-|=)\s*(?:" + PARSE + r")\(")
CHAIN_NAME = rx.compile(
    r"\$(?P<d>[A-Za-z_][\w.]*)|\$`(?P<b>[^`]+)`|\[\[\s*[\"'](?P<q>[^\"']+)[\"']\s*\]\]"
)


def is_pipeline_file(name: str, text: str) -> bool:
    return name.lower().endswith(R_SUFFIXES) and (
        "req_url_path_append" in text or "resp_body_json(" in text or "content(" in text
    )


def read(text: str) -> list[Code]:
    lines = source.split_lines(text)
    code = Code(".r", [], [])
    rewritten: dict[int, tuple[str, tuple[Piece, ...]]] = {}
    piped: set[str] = set()  # (names bound to a pipeline that ends in the parse)
    for n, line in enumerate(lines):
        head = REQUEST.search(line)
        if head is not None and n not in rewritten:
            made = _pipeline(lines, n, head)
            rewritten.update(made)
            bound = PIPELINE_NAME.match(line)
            if bound is not None and any(").json()" in shown for shown, _ in made.values()):
                piped.add(bound.group("n"))
    answers = _answer_reads(lines, piped)
    for n, line in enumerate(lines):
        shown, pieces = rewritten.get(n) or rewrite(line, n, 0, answers, _answer)
        code.add(shown, *pieces)
    return [code]


def _answer_reads(lines: list[str], piped: set[str]) -> re.Pattern[str]:
    """ANSWER, and the names bound to a parsed answer followed by the names read of them."""
    names = {m.group("n") for line in lines if (m := PARSED_NAME.match(line))} | piped
    if not names:
        return ANSWER
    bound = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    held = r"|(?P<held>(?<![\w.$])(?:" + bound + r"))(?P<reads>" + READ + "+)"
    return re.compile(ANSWER.pattern + held)


def _answer(m: re.Match[str]) -> str:
    if m.group("bind"):
        return "="
    if m.group("parse"):
        return m.group("arg") + ".json()" + _reads(m.group("chain"))
    return m.group("held") + _reads(m.group("reads"))


def _reads(chain: str) -> str:
    names = (r.group("d") or r.group("b") or r.group("q") for r in CHAIN_NAME.finditer(chain))
    return "".join(f'["{name}"]' for name in names)


def _extent(lines: list[str], n: int) -> int:
    """The last line of the pipeline that starts on line n."""
    end = n
    while end + 1 < len(lines) and end - n < PIPELINE_LINES and PIPE_END.search(lines[end]):
        end += 1
    return end


def _pipeline(
    lines: list[str], n: int, head: re.Match[str]
) -> dict[int, tuple[str, tuple[Piece, ...]]]:
    """The pipeline's lines rewritten as one httr call: the verb opens where the request is made
    (its name binds the answer), its steps are the verb's arguments, and the verb closes after
    the last step's parentheses; the pipes before are commas, those after go on (`req_perform`)."""
    end = _extent(lines, n)
    if not any(PATH_APPEND.search(lines[k]) for k in range(n, end + 1)):
        return {}
    verb = _verb(lines[n : end + 1])
    base = head.group("base")
    out = {n: _opening(lines[n], n, head, verb, base)}
    for k in range(n + 1, end + 1):
        out[k] = rewrite(lines[k], k, 0, PIPE_STEP, lambda m: _argument(m, base))
    out = _path_first(lines, n, end, out)
    close = _last_step_end(out, n, end)
    if close is None:
        return {}
    parsed = any(PIPED_PARSE.search(lines[k]) for k in range(n, end + 1))
    for k in range(n, end + 1):
        shown, pieces = out[k]
        if k == close[0]:  # (`|> resp_body_json()` at the end: what the name binds is parsed)
            shown, pieces = _edit(shown, pieces, close[1], 0, ").json()" if parsed else ")")
        limit = close[1] if k == close[0] else (len(shown) if k < close[0] else 0)
        after = list(PIPE.finditer(shown, limit)) if parsed and k >= close[0] else []
        for pipe in reversed(after):  # (the steps after the parse are statements of their own)
            shown, pieces = _edit(shown, pieces, pipe.start(), pipe.end() - pipe.start(), "")
        for pipe in reversed(list(PIPE.finditer(shown, 0, limit))):
            shown, pieces = _edit(shown, pieces, pipe.start(), pipe.end() - pipe.start(), ",")
        out[k] = (shown, pieces)
    return out


# A pipeline that ends in the parse (`... |> req_perform() |> resp_body_json()`), and the name it
# is bound to (`out <- request(base) |>`): that name holds the parsed answer.
PIPED_PARSE = rx.compile(r"(?<![\w.])(?:httr2::)?resp_body_json\(\s*\)")
PIPELINE_NAME = rx.compile(r"^\s*(?P<n>[A-Za-z.][\w.]*)\s*(?:<-|=)\s*(?:httr2::)?request\(")


def _path_first(
    lines: list[str], n: int, end: int, out: dict[int, tuple[str, tuple[Piece, ...]]]
) -> dict[int, tuple[str, tuple[Piece, ...]]]:
    """The pipeline's lines with the path's line moved up to follow the request's, when a body or
    a query step is written before it (`req_body_json(...) |> req_url_path_append("x")`): the URL
    is the verb's first argument, as httr writes it (each line's pieces still say where it is)."""
    path = next((k for k in range(n + 1, end + 1) if PATH_APPEND.search(lines[k])), None)
    if path is None or not any(STEP.search(lines[k]) for k in range(n + 1, path)):
        return out
    order = [n, path, *(k for k in range(n + 1, end + 1) if k != path)]
    return {n + i: out[k] for i, k in enumerate(order)}


PIPE = rx.compile(r"\|>|%>%")
STEP_OUTPUT = rx.compile(r"paste0\(|body = \(|query = list\(")


def _last_step_end(
    out: dict[int, tuple[str, tuple[Piece, ...]]], n: int, end: int
) -> tuple[int, int] | None:
    """Where (line, column of the code) the last step's parentheses close."""
    start: tuple[int, int] | None = None
    for k in range(n, end + 1):
        for m in STEP_OUTPUT.finditer(out[k][0]):
            start = (k, m.end() - 1)
    if start is None:
        return None
    depth, quote = 0, ""
    for k in range(start[0], end + 1):
        shown = out[k][0]
        for c in range(start[1] if k == start[0] else 0, len(shown)):
            ch = shown[c]
            if quote:
                quote = "" if ch == quote and shown[c - 1] != "\\" else quote
            elif ch in "\"'":
                quote = ch
            elif ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
                if depth == 0:
                    return k, c + 1
    return None


def _edit(
    shown: str, pieces: tuple[Piece, ...], at: int, length: int, new: str
) -> tuple[str, tuple[Piece, ...]]:
    """The line with `length` characters at `at` replaced by `new` (the code's own), its pieces
    kept where they were copied from."""
    by = len(new) - length
    kept: list[Piece] = []
    for p in pieces:
        if p.at + p.length <= at:
            kept.append(p)
        elif p.at >= at + length:
            kept.append(Piece(p.at + by, p.line, p.column, p.length))
        else:  # (a piece the edit cuts: what is left of it before and after)
            if p.at < at:
                kept.append(Piece(p.at, p.line, p.column, at - p.at))
            tail = p.at + p.length - (at + length)
            if tail > 0:
                kept.append(Piece(at + len(new), p.line, p.column + p.length - tail, tail))
    return shown[:at] + new + shown[at + length :], tuple(kept)


PIPE_AFTER = rx.compile(r"\s*(?:\|>|%>%)\s*")


def _opening(
    line: str, k: int, head: re.Match[str], verb: str, base: str
) -> tuple[str, tuple[Piece, ...]]:
    """The pipeline's first line with `request(base) |>` read as `VERB(`."""
    pipe = PIPE_AFTER.match(line, head.end())
    after = pipe.end() if pipe is not None else head.end()
    before, kept = rewrite(line[: head.start()], k, 0, PIPE_STEP, lambda m: _argument(m, base))
    rest, more = rewrite(line[after:], k, after, PIPE_STEP, lambda m: _argument(m, base))
    opened = before + verb + "("
    return opened + rest, kept + _shifted(more, 0, len(opened))


def _verb(lines: list[str]) -> str:
    for line in lines:
        m = METHOD.search(line)
        if m is not None:
            return m.group("m").upper()
    return "POST" if any(BODY.search(line) for line in lines) else "GET"


def _argument(m: re.Match[str], base: str) -> str:
    """A step as the verb's argument: the path as `paste0(base, "/a/b")`, the body, the query."""
    text = m.group(0)
    if m.group("bind"):
        return "="
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


def _shifted(pieces: tuple[Piece, ...], at: int, by: int) -> tuple[Piece, ...]:
    return tuple(Piece(p.at + by, p.line, p.column, p.length) if p.at >= at else p for p in pieces)
