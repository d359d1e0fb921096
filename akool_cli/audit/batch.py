"""Windows batch files (.bat, .cmd) read as the shell script they amount to: a line that ends in
`^` goes on onto the next (as `\\` does in sh), `%NAME%` is `${NAME}`, `set NAME=value` and
`set "NAME=value"` assign, `rem` and `::` are comments; findings map back to the file."""

from __future__ import annotations

import re

from akool_cli.audit import rx, source
from akool_cli.audit.embedded import Code, Piece, rewrite
from akool_cli.audit.walking import BATCH_SUFFIXES

CARET = rx.compile(r"\^(?=[ \t]*$)")
VARIABLE = rx.compile(r"%(?P<n>[A-Za-z_]\w*)%|%%(?P<loop>\w)|%(?P<arg>\d)")
SET = rx.compile(
    r"^(?P<lead>[ \t]*@?)set[ \t]+(?:\"(?P<q>[A-Za-z_]\w*)=(?P<qv>[^\"]*)\"|"
    r"(?P<n>[A-Za-z_]\w*)=(?P<v>.*?))[ \t]*$",
    re.I,
)
REMARK = rx.compile(r"^[ \t]*@?(?:rem\b|::)", re.I)
# cmd's escape: `^X` is X outside quotes (not a `^` that ends the line: a continuation). Lines
# written so quote their quotes too (`^"`, as Chrome's "Copy as cURL (cmd)" writes every command:
# `--data-raw ^"^{^\^"resolution^\^":^\^"720p^\^"^}^"`); each `^` is dropped there, so the line
# reads as the sh command it amounts to (`"{\"resolution\":\"720p\"}"`).
ESCAPED = rx.compile(VARIABLE.pattern + r"|\^(?![ \t]*$)(?P<esc>.)")


def is_batch(name: str) -> bool:
    return name.lower().endswith(BATCH_SUFFIXES)


def read(text: str) -> list[Code]:
    """The file as the sh script it amounts to, each line's pieces mapped to the file's own."""
    code = Code(".sh", [], [])
    for n, line in enumerate(source.split_lines(text)):
        if REMARK.match(line):
            code.add("# " + line, Piece(2, n, 0, len(line)))
            continue
        m = SET.match(line)
        if m is not None:
            name, group = (m.group("q"), "qv") if m.group("q") else (m.group("n"), "v")
            head = f'{name}="'
            value, pieces = _variables(m.group(group), n, m.start(group))
            code.add(head + value + '"', *(_shift(p, len(head)) for p in pieces))
            continue
        shown, pieces = _variables(line, n, 0, ESCAPED if '^"' in line else VARIABLE)
        caret = CARET.search(shown)
        if caret is not None:  # (the caret is one character, as the backslash it becomes)
            shown = shown[: caret.start()] + "\\" + shown[caret.end() :]
        code.add(shown, *pieces)
    return [code]


def _variables(
    text: str, line: int, column: int, pattern: re.Pattern[str] = VARIABLE
) -> tuple[str, tuple[Piece, ...]]:
    def variable(m: re.Match[str]) -> str:
        if m.groupdict().get("esc") is not None:
            return m.group("esc")
        return (
            "$" + m.group("arg")
            if m.group("arg")
            else "${" + (m.group("n") or m.group("loop")) + "}"
        )

    return rewrite(text, line, column, pattern, variable)


def _shift(piece: Piece, by: int) -> Piece:
    return Piece(piece.at + by, piece.line, piece.column, piece.length)
