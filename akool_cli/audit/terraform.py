"""Terraform's http data sources read as the calls they make, beside the file read as it is:
`data "http" "talk" { url = "...", method = "POST", request_body = ... }` as `const talk = await
uri({ url: "...", method: "POST", body: ... });`, its body a `locals` object it encodes
(`jsonencode(local.talk_body)`, the object's `k = v` lines as `k: v,`) or a heredoc's JSON
(`<<EOT ... EOT`), and each `jsondecode(data.http.talk.response_body).data._id` a read of that
call's answer; findings and fixes map back to the file."""

from __future__ import annotations

import re

from akool_cli.audit import rx, source
from akool_cli.audit.embedded import Code, Piece, rewrite
from akool_cli.audit.walking import TF_SUFFIX

HTTP_DATA = rx.compile(r'^\s*data\s+"http"\s+"(?P<n>[A-Za-z_][\w-]*)"\s*\{\s*$')
LOCALS = rx.compile(r"^\s*locals\s*\{\s*$")
# A block's `key = value` line (the value on the line; `{` opens an object below).
ENTRY = rx.compile(r'^(?P<lead>\s*)(?P<k>"[\w-]+"|[A-Za-z_][\w-]*)\s*=\s*(?P<v>.*?)\s*$')
CLOSING_LINE = rx.compile(r"^\s*[}\]]\s*,?\s*$")
HEREDOC = rx.compile(r"^<<-?(?P<tag>[A-Za-z_]\w*)$")
LOCAL_BODY = rx.compile(r"^jsonencode\(\s*local\.(?P<n>[A-Za-z_]\w*)\s*\)$")
STRING = rx.compile(r'^"(?P<s>[^"\\$]*)"$')
# A read of a data source's answer: `jsondecode(data.http.talk.response_body).data._id`.
DECODED = rx.compile(
    r"jsondecode\(\s*data\.http\.(?P<n>[A-Za-z_][\w-]*)\.(?:response_body|body)\s*\)"
    r"(?=(?:\.\w+|\[\s*\"\w+\"\s*\])+)"
)
CHAIN = rx.compile(r"(?:\.\w+|\[\s*\"\w+\"\s*\])+")


def is_terraform(name: str, text: str) -> bool:
    return name.lower().endswith(TF_SUFFIX) and 'data "http"' in text


def read(text: str) -> list[Code]:
    """The file's http data sources as calls (after the locals they encode) and their answers'
    reads, and the file as it is."""
    lines = source.split_lines(text)
    code = Code(".js", [], [])
    for n, line in enumerate(lines):
        if LOCALS.match(line):
            _locals(code, lines, n)
    for n, line in enumerate(lines):
        source_ = HTTP_DATA.match(line)
        if source_ is not None:
            _call(code, lines, n, source_["n"].replace("-", "_"))
    for n, line in enumerate(lines):
        for m in DECODED.finditer(line):
            chain = CHAIN.match(line, m.end())
            end = chain.end() if chain is not None else m.end()
            shown, pieces = rewrite(line[m.start() : end], n, m.start(), DECODED, _name)
            code.add("void (" + shown + ");", *(_moved(p, 6) for p in pieces))
    whole = Code(".tf", list(lines), [(Piece(0, n, 0, len(t)),) for n, t in enumerate(lines)])
    return [code, whole]


def _name(m: re.Match[str]) -> str:
    return m["n"].replace("-", "_")


def _moved(piece: Piece, by: int) -> Piece:
    return Piece(piece.at + by, piece.line, piece.column, piece.length)


def _block(lines: list[str], n: int) -> int:
    """The line that closes the block or object opened at the end of line n."""
    depth = 0
    for k in range(n, len(lines)):
        bare = re.sub(r'"[^"\\]*(?:\\.[^"\\]*)*"', '""', lines[k].split("#")[0])
        depth += bare.count("{") + bare.count("[") - bare.count("}") - bare.count("]")
        if depth <= 0 and k > n:
            return k
    return len(lines) - 1


def _locals(code: Code, lines: list[str], n: int) -> None:
    """Each object a `locals` block gives a name, as `const local_NAME = {...};`."""
    end = _block(lines, n)
    k = n + 1
    while k < end:
        m = ENTRY.match(lines[k])
        if m is not None and m["v"] == "{":
            last = _block(lines, k)
            code.add(f"const local_{m['k']} = {{", Piece(0, k, m.start("k"), 0))
            _object(code, lines, k + 1, last)
            code.add("};", Piece(0, last, 0, 0))
            k = last
        k += 1


def _object(code: Code, lines: list[str], first: int, last: int) -> None:
    """An HCL object's lines as a JavaScript object's: `k = v` as `k: v,`, nested ones too."""
    for k in range(first, last):
        m = ENTRY.match(lines[k])
        if m is None:
            closing = CLOSING_LINE.match(lines[k])
            code.add(lines[k].rstrip(",") + "," if closing else "", Piece(0, k, 0, len(lines[k])))
            continue
        key, value = m["k"], m["v"].rstrip(",")
        head = f"{key}: "
        pieces = [
            Piece(0, k, m.start("k"), len(key)),
            Piece(len(head), k, m.start("v"), len(value)),
        ]
        code.add(head + value + ("" if value in ("{", "[") else ","), *pieces)


def _call(code: Code, lines: list[str], n: int, name: str) -> None:
    """`const NAME = await uri({ url: ..., method: ..., body: ... });` for the block at line n."""
    end = _block(lines, n)
    entries: dict[str, tuple[int, re.Match[str]]] = {}
    for k in range(n + 1, end):
        m = ENTRY.match(lines[k])
        if m is not None and len(m["lead"]) > len(lines[n]) - len(lines[n].lstrip()):
            entries.setdefault(m["k"], (k, m))
    if "url" not in entries:
        return
    code.add(f"const {name} = await uri({{", Piece(0, n, 0, 0))
    for key in ("url", "method"):
        if key in entries:
            k, m = entries[key]
            head = f"{key}: "
            code.add(head + m["v"] + ",", Piece(len(head), k, m.start("v"), len(m["v"])))
    if "request_body" in entries:
        _body(code, lines, *entries["request_body"])
    code.add("});", Piece(0, end, 0, 0))


def _body(code: Code, lines: list[str], k: int, m: re.Match[str]) -> None:
    """`body: ...`: a local's name, a heredoc's JSON lines, or (a form read as the file is)
    a name of no value."""
    value = m["v"]
    local, heredoc = LOCAL_BODY.match(value), HEREDOC.match(value)
    if local is not None:
        code.add(f"body: local_{local['n']},", Piece(0, k, m.start("v"), 0))
    elif heredoc is not None:
        code.add("body: (", Piece(0, k, m.start("v"), 0))
        j = k + 1
        while j < len(lines) and lines[j].strip() != heredoc["tag"]:
            code.add(lines[j], Piece(0, j, 0, len(lines[j])))
            j += 1
        code.add("),", Piece(0, min(j, len(lines) - 1), 0, 0))
    else:
        code.add("body: TERRAFORM_BODY,", Piece(0, k, m.start("v"), 0))
