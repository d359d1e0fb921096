"""Elixir scripts (Req, Tesla, HTTPoison) read as the Ruby they amount to: `%{...}` maps are
hashes, `<>` joins strings as `+` does, `@base "..."` binds a module attribute, `\"\"\"` strings are
heredocs, Jason's `decode!`/`encode!` are JSON's `parse`/`generate`, and a relative path given to a
client that has a base (`Req.new(base_url: ...)` then `Req.post!(req, url: "/x")`; Tesla's `plug
Tesla.Middleware.BaseUrl, "..."` then `post("/x", body)`) is joined to that base; findings map
back to the file."""

from __future__ import annotations

import re

from akool_cli.audit import rx, source
from akool_cli.audit.embedded import Code, Piece, rewrite

ELIXIR_SUFFIXES = (".ex", ".exs")
# The name the Ruby text binds a client's base to, on a line of its own before the file's.
CLIENT_BASE = "AKOOL_CLIENT_BASE"
# Where a client is given its base: Req's `base_url:` option, Tesla's BaseUrl middleware (as a
# plug or in a `Tesla.client([...])` list); the base as a string or a name (`@base`).
BASE_GIVEN = rx.compile(
    r"(?:\bbase_url:\s*|Tesla\.Middleware\.BaseUrl\s*,\s*)"
    r"(?P<base>\"[^\"#]*\"|@?[a-z_]\w*(?:\(\))?)"
)
# The tokens whose Ruby differs: a map's `%{`, the join `<>`, a module attribute's binding, a
# heredoc's quotes, Jason's functions, a function defined private.
TOKEN = rx.compile(
    r"(?P<map>%\{)|(?P<join><>)|(?P<heredoc>\"\"\")"
    r"|(?P<jason>\bJason\.(?P<op>decode|encode)!?(?=\())"
    r"|^(?P<lead>\s*)(?P<attr>@(?!(?:moduledoc|doc|spec|type|typep|typedoc|impl|behaviour|callback)\b)"
    r"[a-z_]\w*)(?P<gap>[ \t]+)(?=[\"'\d\[%{:~A-Z@])"
    r"|^(?P<defp>\s*defp\b)"
)
JASON = {"decode": "JSON.parse", "encode": "JSON.generate"}
# A relative path a client's request gives: Req's `url: "/x"` in a Req call, Tesla's verb
# functions' path (`post("/x", ...)`, `Tesla.get(client, "/x")`); the path's quote starts it.
REQ_URL = rx.compile(r"\burl:\s*(?=\"/?[A-Za-z_])")
REQ_CALL = rx.compile(r"\bReq\.(?:get|post|put|patch|delete|head|request)!?\(")
TESLA_VERB = rx.compile(
    r"(?<![\w.])(?:Tesla\.)?(?:get|post|put|patch|delete|head)!?\(\s*(?:[a-z_]\w*\s*,\s*)?"
    r"(?=\"/[A-Za-z_])"
)
REQ_CALL_LINES = 3  # (how far above its `url:` a Req call may open)


def is_elixir(name: str) -> bool:
    return name.lower().endswith(ELIXIR_SUFFIXES)


def read(text: str) -> list[Code]:
    lines = source.split_lines(text)
    code = Code(".rb", [], [])
    base = client_base(lines)
    if base is not None:  # (a line of the code's own: the client's base, bound to a name)
        code.add(f"{CLIENT_BASE} = {base}")
    heredoc = False
    for n, line in enumerate(lines):
        if heredoc and line.strip().startswith('"""'):
            end = line.index('"""')
            code.add(line[:end] + "EOS" + line[end + 3 :], Piece(0, n, 0, end))
            heredoc = False
            continue
        if heredoc:
            code.add(line, Piece(0, n, 0, len(line)))
            continue
        heredoc = line.count('"""') % 2 == 1
        joined = _joined(lines, n, base is not None)
        taken = _body_taken(line, n) if "body:" in line else None
        if taken is not None:  # (`%{body: %{"code" => code, "data" => data}} = Req.get!(...)`)
            for k, (shown, pieces) in enumerate(taken):
                if k == 0 and joined:  # (the call's own line: its relative path joined)
                    shown, pieces = _join_paths(shown, pieces, joined)
                code.add(shown, *pieces)
            continue
        shown, pieces = _matched(line, n) or rewrite(line, n, 0, TOKEN, lambda m: _ruby(m))
        if joined:
            shown, pieces = _join_paths(shown, pieces, joined)
        code.add(shown, *pieces)
    return [code]


# A response taken apart by a pattern: `{:ok, %{body: body}} = HTTPoison.post(...)`, `{:ok,
# %HTTPoison.Response{status_code: 200, body: raw}} = ...`, Req's `{:ok, %Req.Response{body: b}}`.
RESPONSE_MATCH = rx.compile(
    r"^(?P<lead>\s*)\{:ok,\s*%(?:[A-Z][\w.]*)?\{[^{}]*?\bbody:\s*(?P<name>[a-z_]\w*)[^{}]*\}\s*\}"
    r"\s*=\s*(?P<rhs>\S.*?)\s*$"
)
# A map taken apart by a pattern down one key at each level to a name: `%{"data" => %{"task_id" =>
# id}} = Jason.decode!(body)`, `%{"data" => data} = body`.
MAP_MATCH = rx.compile(
    r"^(?P<lead>\s*)(?=%\{)(?P<pattern>[^=]*(?:=>[^=]*)+?)\}\s*=\s*(?P<rhs>\S.*?)\s*$"
)
MAP_KEY = rx.compile(r"%\{\s*\"(?P<k>[A-Za-z_]\w*)\"\s*=>\s*")
MAP_END = rx.compile(r"(?P<name>[a-z_]\w*)\s*(?:\}\s*)*$")


def _matched(line: str, n: int) -> tuple[str, tuple[Piece, ...]] | None:
    """A pattern match that takes an answer apart, read as the Ruby that binds the same name:
    `resp = HTTPoison.post(...).body`, `id = JSON.parse(resp)["data"]["task_id"]` (each key and
    the name kept where the file has them)."""
    if "=" not in line or "{" not in line:
        return None
    m = RESPONSE_MATCH.match(line)
    if m is not None:
        return _bound(line, n, m, [], ".body")
    m = MAP_MATCH.match(line)
    if m is None:
        return None
    keys, at = [], m.start("pattern")
    while (key := MAP_KEY.match(line, at)) is not None:
        keys.append(key)
        at = key.end()
    end = MAP_END.match(line, at, m.end("pattern") + 1)
    if not keys or end is None or end.end() != m.end("pattern") + 1:
        return None
    return _bound(line, n, m, keys, "", end)


def _bound(
    line: str,
    n: int,
    m: re.Match[str],
    keys: list[re.Match[str]],
    tail: str,
    name: re.Match[str] | None = None,
) -> tuple[str, tuple[Piece, ...]]:
    """`lead name = rhs["k"]...tail`, pieces kept (see _matched)."""
    named = name or m
    lead = m.group("lead")
    pieces = [
        Piece(0, n, 0, len(lead)),
        Piece(len(lead), n, named.start("name"), len(named.group("name"))),
    ]
    out = lead + named.group("name") + " = "
    rhs, more = rewrite(m.group("rhs"), n, m.start("rhs"), TOKEN, lambda t: _ruby(t))
    pieces += [Piece(p.at + len(out), p.line, p.column, p.length) for p in more]
    out += rhs
    for key in keys:
        out += '["'
        pieces.append(Piece(len(out), n, key.start("k"), len(key.group("k"))))
        out += key.group("k") + '"]'
    return out + tail, tuple(pieces)


# A response's body taken apart by keys on the spot: `%{body: %{"code" => code, "data" => data}} =
# Req.get!(...)` (Req's and Tesla's bodies are parsed), `%Req.Response{body: %{"data" => d}} = ...`.
BODY_TAKEN = rx.compile(
    r"^(?P<lead>\s*)%(?:[A-Z][\w.]*)?\{[^{}]*?\bbody:\s*%\{(?P<pairs>[^{}]*)\}[^{}]*\}"
    r"\s*=\s*(?P<rhs>\S.*?)\s*$"
)
TAKEN_PAIR = rx.compile(r"\"(?P<k>[A-Za-z_]\w*)\"\s*=>\s*(?P<name>[a-z_]\w*)\s*(?:,|$)")
TAKEN = "akool_response_"  # (the name the Ruby reading binds the response to, then takes keys of)


def _body_taken(line: str, n: int) -> list[tuple[str, tuple[Piece, ...]]] | None:
    """A response's body taken apart by string keys (see BODY_TAKEN), read as the Ruby that binds
    the response, then each name to its body's key: `akool_response_ = Req.get!(...)`, `code =
    akool_response_.body["code"]`, each key and name kept where the file has them."""
    m = BODY_TAKEN.match(line)
    pairs = list(TAKEN_PAIR.finditer(m.group("pairs"))) if m is not None else []
    if m is None or not pairs:
        return None
    lead = m.group("lead")
    rhs, more = rewrite(m.group("rhs"), n, m.start("rhs"), TOKEN, lambda t: _ruby(t))
    head = f"{lead}{TAKEN} = "
    out = [
        (
            head + rhs,
            (
                Piece(0, n, 0, len(lead)),
                *(Piece(p.at + len(head), p.line, p.column, p.length) for p in more),
            ),
        )
    ]
    at = m.start("pairs")
    for pair in pairs:
        name, key = pair.group("name"), pair.group("k")
        text = f'{lead}{name} = {TAKEN}.body["'
        pieces = (
            Piece(len(lead), n, at + pair.start("name"), len(name)),
            Piece(len(text), n, at + pair.start("k"), len(key)),
        )
        out.append((text + key + '"]', pieces))
    return out


def client_base(lines: list[str]) -> str | None:
    """The one base the file's clients are given (as Ruby text), or None: none, or more than one
    (which request goes to which is not read)."""
    found = {m.group("base") for line in lines for m in BASE_GIVEN.finditer(line)}
    if len(found) != 1:
        return None
    base = found.pop()
    return base.removesuffix("()")


def _ruby(m: re.Match[str]) -> str:
    if m.group("map"):
        return "{"
    if m.group("join"):
        return "+ "
    if m.group("heredoc"):
        return "<<~EOS"
    if m.group("jason"):
        return JASON[m.group("op")]
    if m.group("attr"):
        return m.group("lead") + m.group("attr") + " = "
    return m.group("defp")[:-1]  # (`defp` is Ruby's `def`)


def _joined(lines: list[str], n: int, based: bool) -> list[int]:
    """Where the line's relative paths given to a based client start (their quotes)."""
    if not based:
        return []
    line = lines[n]
    starts = [m.end() for m in TESLA_VERB.finditer(line)]
    if "url:" in line and _in_req_call(lines, n):
        starts += [m.end() for m in REQ_URL.finditer(line)]
    return sorted(starts)


def _in_req_call(lines: list[str], n: int) -> bool:
    return any(REQ_CALL.search(lines[k]) for k in range(max(0, n - REQ_CALL_LINES), n + 1))


def _join_paths(
    shown: str, pieces: tuple[Piece, ...], starts: list[int]
) -> tuple[str, tuple[Piece, ...]]:
    """The line with the client's base joined before each path (at file columns `starts`)."""
    head = f"{CLIENT_BASE} + "
    for column in reversed(starts):
        piece = next((p for p in pieces if p.column <= column < p.column + p.length), None)
        if piece is None:
            continue
        at = piece.at + column - piece.column
        shown = shown[:at] + head + shown[at:]
        pieces = _split(pieces, piece, at, len(head))
    return shown, pieces


def _split(pieces: tuple[Piece, ...], piece: Piece, at: int, by: int) -> tuple[Piece, ...]:
    """The pieces with `by` characters of the code's own put in at `at`, inside `piece`."""
    out: list[Piece] = []
    for p in pieces:
        if p is piece:
            cut = at - p.at
            out.append(Piece(p.at, p.line, p.column, cut))
            out.append(Piece(at + by, p.line, p.column + cut, p.length - cut))
        elif p.at > at:
            out.append(Piece(p.at + by, p.line, p.column, p.length))
        else:
            out.append(p)
    return tuple(out)
