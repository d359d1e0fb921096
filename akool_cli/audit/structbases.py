"""Bases a struct's field is given in a composite literal written over lines (Go's `return &Client{` then `baseURL: "https://openapi.akool.com/api/open/v3",` on a line of its own; Rust's `Client {` then `base_url: BASE.to_string(),`), bound as the field every method reads (`c.baseURL + path`), as sites.definitions binds such a field written on one line."""

from __future__ import annotations

from akool_cli.audit import rx
from akool_cli.audit.sites import FIELD_WORDS, Bases, _literal_base

LANGUAGES = ("go", "rust")  # (calls.LANGUAGES' names of the languages whose literals these are)
# A field of a composite literal on a line of its own: `baseURL: "https://...",`, `base_url: BASE,`,
# Rust's `base_url: BASE.to_string(),` / `base_url: "https://...".into(),`.
FIELD_LINE = rx.compile(
    r"^\s*(?P<name>[A-Za-z_]\w*)\s*:\s*(?P<rhs>\"[^\"\n]*\"|[A-Za-z_][\w.]*)"
    r"(?:\.(?:to_string|to_owned|into|clone)\(\))?\s*,?\s*(?://.*)?$"
)
# The line that opens a composite literal of a named type: `return &Client{`, `c := &Client{`,
# `Client {`, `Self {`, `http.Client{` (a field line's literal is the nearest one above).
OPENER = rx.compile(r"(?:&?[A-Z][\w.]*|Self|[a-z]\w*\.[A-Z]\w*)\s*\{\s*$")
LITERAL_LINES = 20  # how far above a field line its literal may open


def struct_fields(language: str, lines: list[str], bases: Bases) -> None:
    """Bind in `bases` the base-like fields (FIELD_WORDS in their names) that composite literals
    over lines give an AKOOL base (see the module's docstring), in a file of one of LANGUAGES."""
    if language not in LANGUAGES:
        return
    for i, line in enumerate(lines):
        if ":" not in line or "{" in line:
            continue
        m = FIELD_LINE.match(line)
        if m is None or not any(w in m.group("name").lower() for w in FIELD_WORDS):
            continue
        if not _in_literal(lines, i):
            continue
        base = _literal_base(m.group("rhs"), bases, i)
        if base is not None:
            bases.bind(m.group("name"), i, base, attribute=True)
            bases.names.setdefault(m.group("name"), base)
        elif "://" in m.group("rhs"):  # (another service's client: its field holds no AKOOL base)
            bases.bind(m.group("name"), i, None, attribute=True)


def _in_literal(lines: list[str], i: int) -> bool:
    """Whether line i is among the fields of a composite literal that opens above it."""
    for k in range(i - 1, max(-1, i - LITERAL_LINES), -1):
        if OPENER.search(lines[k]):
            return True
        if not FIELD_LINE.match(lines[k]) and lines[k].strip():
            return False  # (a line that is no field of the literal: not inside one)
    return False
