"""Code held in another file's text (a workflow's run blocks, the calls an OpenAPI document
describes), audited as code of its own: each line of that code is made of pieces copied from
the file, and a finding or a fix in it maps back to where the file writes the piece."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from akool_cli.audit.rules import Fix


@dataclass(frozen=True)
class Piece:
    """Text copied from the file: `length` characters at (`line`, `column`) of the file are at
    column `at` of the code's line."""

    at: int
    line: int
    column: int
    length: int


@dataclass
class Code:
    """A text to audit, read as a file with the suffix `suffix`, and the pieces of each of its
    lines (none: a line of the code's own, mapped to the piece before it)."""

    suffix: str
    lines: list[str]
    places: list[tuple[Piece, ...]]

    def add(self, text: str, *pieces: Piece) -> None:
        self.lines.append(text)
        self.places.append(pieces)


def rewrite(
    text: str, line: int, column: int, pattern: re.Pattern[str], new: Callable[[re.Match[str]], str]
) -> tuple[str, tuple[Piece, ...]]:
    """The text (at `column` of the file's `line`) with each match of `pattern` replaced by
    `new(match)`, and the pieces of it that are copied from the file."""
    out, pieces, at, done = [], [], 0, 0
    for m in pattern.finditer(text):
        pieces.append(Piece(at, line, column + done, m.start() - done))
        out.append(text[done : m.start()])
        replaced = new(m)
        out.append(replaced)
        at += m.start() - done + len(replaced)
        done = m.end()
    pieces.append(Piece(at, line, column + done, len(text) - done))
    out.append(text[done:])
    return "".join(out), tuple(pieces)


def map_back(code: Code, line: int, column: int) -> tuple[int, int]:
    """A 0-based (line, column) of the code as the file's own."""
    pieces = _pieces(code, line)
    if not pieces:
        return 0, 0
    before = [p for p in pieces if p.at <= column] or [pieces[0]]
    piece = before[-1]
    return piece.line, piece.column + max(0, min(column - piece.at, piece.length))


def _pieces(code: Code, line: int) -> tuple[Piece, ...]:
    """The pieces of a line, or of the nearest line before it that has any."""
    for n in range(min(line, len(code.places) - 1), -1, -1):
        if code.places[n]:
            return code.places[n]
    return ()


def map_fix(code: Code, fix: Fix) -> Fix | None:
    """The fix as an edit of the file, when each of its edits lies within one copied piece."""
    return fix.moved(lambda edit: _map_edit(code, edit))


def _map_edit(code: Code, fix: Fix) -> Fix | None:
    pieces = code.places[fix.line] if 0 <= fix.line < len(code.places) else ()
    for piece in pieces:
        if piece.at <= fix.start and fix.end <= piece.at + piece.length:
            start = piece.column + fix.start - piece.at
            return Fix(piece.line, start, start + fix.end - fix.start, fix.old, fix.new)
    return None
