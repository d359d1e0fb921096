"""The method an operations table pairs a path with: an entry written as a tuple, a list, a struct
or an object literal of one method and the path (`("POST", "/api/open/v3/...")`, `["GET", p]`,
Go's `{Method: "POST", Path: "/..."}` or `{"POST", "/..."}`, `{ method: :post, path: "/..." }`,
`['method' => 'POST', 'path' => '/...']`, an enum's constant `TALK("POST", "/...")`) or a pair
(Kotlin's `"POST" to "/..."`)."""

from __future__ import annotations

from typing import NamedTuple

from akool_cli.audit import brackets, rx
from akool_cli.audit.brackets import QUOTES
from akool_cli.audit.fields import Text, enum_constant

REACH = 400  # characters: an entry is short; farther brackets are a table's, not an entry's
# One element of an entry that is a method: a method string, a Ruby symbol, a method constant.
METHOD_ELEMENT = rx.compile(
    r"\s*(?:(?P<q>[\"'])(?P<lit>(?i:GET|POST|PUT|DELETE|PATCH))(?P=q)"
    r"|:(?P<sym>get|post|put|delete|patch)"
    r"|(?:[\w.]*HttpMethod|Method)(?:\.|::)(?P<const>(?i:Get|Post|Put|Delete|Patch))"
    r"|http\.Method(?P<go>Get|Post|Put|Delete|Patch))\s*$"
)
# An element that names the method: `method: "POST"`, `"method": "GET"`, `'method' => 'PUT'`,
# Go's `Method: "POST"`, C#'s `Method = HttpMethod.Post`, Ruby's `method: :post`.
KEYED = rx.compile(r"\s*[\"']?(?i:method|verb|http_?method)[\"']?\s*(?:=>|:(?!:)|=(?!=))")
# A pair whose first part is the method: Kotlin's `"POST" to "/..."`, Scala's `"POST" -> "/..."`.
PAIR = rx.compile(r"(?P<q>[\"'])(?P<lit>(?i:GET|POST|PUT|DELETE|PATCH))(?P=q)\s*(?:\bto\b|->)\s*$")
# What an entry's opening bracket follows: a list, another entry, an assignment, a key.
ENTRY_AFTER = rx.compile(r"(?:^|[\[({,=:>]|\breturn|\bof|\bto)\s*$")


# What a struct's or an object's `{` follows: Go's `op{` and `&op{`, C#'s `new Op {`, Java's
# `new String[]{` (no block's keyword: `else{`).
STRUCT_BEFORE = rx.compile(r"(?:(?<![\w.])&?(?P<t>[A-Za-z_][\w.]*)|\bnew\s+[\w.<>]+\s*|\])$")
BLOCK_WORDS = frozenset({"else", "try", "do", "finally", "switch", "select", "default", "then"})


def _opens_entry(text: str, opened: int) -> bool:
    """Whether the bracket at `opened` may open a table's entry (not a call's arguments)."""
    if ENTRY_AFTER.search(text, max(0, opened - 20), opened) or enum_constant(text, opened):
        return True
    struct = STRUCT_BEFORE.search(text, max(0, opened - 40), opened)
    return text[opened] == "{" and struct is not None and struct["t"] not in BLOCK_WORDS


class Said(NamedTuple):
    method: str  # upper case
    offset: int  # where it is written
    text: str
    literal: bool  # a method string a fix may change in place


def entry_method(doc: Text, offset: int) -> Said | None:
    """The method of the table entry the path at `offset` is an element of (None: no entry, or
    not exactly one method in it)."""
    text = doc.text
    quote = _literal_start(text, offset)
    if quote < 0:
        return None
    pair = PAIR.search(text, max(0, quote - 40), quote)
    if pair is not None:
        return Said(pair.group("lit").upper(), pair.start("lit"), pair.group("lit"), True)
    opened = brackets.matching(text, quote, -1, max(-1, quote - REACH))
    if opened < 0 or not _opens_entry(text, opened):
        return None  # not in brackets, or in a call's parentheses
    closed = brackets.matching(text, opened, 1, min(len(text), opened + REACH))
    if closed < 0 or not opened < offset < closed:
        return None
    found = [s for s in _elements(text, opened + 1, closed) if s is not None]
    return found[0] if len(found) == 1 else None


def _literal_start(text: str, offset: int) -> int:
    """Where the string literal holding `offset` opens (-1: none on its line)."""
    line_start = text.rfind("\n", 0, offset) + 1
    for k in range(offset - 1, line_start - 1, -1):
        if text[k] in QUOTES:
            return k
    return -1


def _elements(text: str, start: int, end: int) -> list[Said | None]:
    """Each top-level element of text[start:end], read as a method or not (None)."""
    found: list[Said | None] = []
    at = start
    while True:
        comma = brackets.walk(text, at, end, ",")
        if comma >= end or text[comma] != ",":  # (the last element; a stray bracket ends it)
            return [*found, _element(text, at, end)]
        found.append(_element(text, at, comma))
        at = comma + 1


def _element(text: str, start: int, end: int) -> Said | None:
    keyed = KEYED.match(text, start, end)
    m = METHOD_ELEMENT.match(text, keyed.end() if keyed else start, end)
    if m is None:
        return None
    group = next(g for g in ("lit", "sym", "const", "go") if m.group(g))
    word = m.group(group)
    return Said(word.upper(), m.start(group), word, group == "lit")
