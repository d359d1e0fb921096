"""Request types sent whole, for the rule that a required field is missing: a body whose keys
are every member one request type of the file is serialized with (a C# class given to
`PostAsJsonAsync(url, dto)` or `JsonContent.Create(dto)`, Refit's `[Body] TalkRequest req`, a
Java or Kotlin class a client serializes, a Go struct literal `json.Marshal` encodes) sends those
members and no other, so a field the docs require that the type lacks is never sent. Not for a
type that extends another (its parent's members are sent too: Go's embedded structs), keeps extra
members apart (`[JsonExtensionData]`, `@JsonAnyGetter`) or, in Go, has a member no json tag names
(sent under its Go name)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from akool_cli.audit import dtos, rx

if TYPE_CHECKING:
    from akool_cli.audit.fields import Key, Text

# What sends more than a type's own members: a parent type (`class T : Base`, `extends Base`,
# Kotlin's `: Base()`), or members kept apart for extra keys.
HEAD = rx.compile(
    r"\b(?:class|record|struct)\s+(?P<n>[A-Z]\w*)\s*(?:<[^<>{}()]*>)?\s*(?:\([^()]*\))?"
    r"\s*(?P<rest>[^{;\n]*)"
)
EXTRA = (
    "JsonExtensionData",
    "JsonAnyGetter",
    "JsonAnySetter",
    "@JsonUnwrapped",
    "JsonExtensionData",
)


def declared_at(doc: Text, body: Sequence[Key]) -> int | None:
    """Where the type is declared (its name in its head) whose members a body's keys all are,
    every one of them, when that type sends nothing else (see the module's docstring)."""
    if not body or doc.holds(*EXTRA):  # (looked for once per file, not once per call)
        return None
    at = {k.offset for k in body}
    if doc.language == "go":
        return _go_struct_at(doc, body, at) if doc.structs else None
    for name, dto in dtos.dtos(doc).items():
        offsets = {m.offset for m in dto.members}
        if not offsets or at != offsets:
            continue
        head = _head(doc.text, name, min(offsets))
        return head
    return None


def _head(text: str, name: str, first: int) -> int | None:
    """The offset of the type's name in its head, the last head of that name before its first
    member; None when the type extends another (or no head is found)."""
    found = None
    for m in HEAD.finditer(text, 0, first):
        if m.group("n") == name:
            found = m
    if found is None:
        return None
    rest = found.group("rest").strip()
    if rest.startswith(":") or "extends" in rest or "inherits" in rest.lower():
        return None  # (a parent's members are sent too)
    return found.start("n")


# A Go struct's type declaration, and a line of its body that is a field tagged with the JSON
# name it is sent under (or a comment, or a blank line); any other line (an embedded struct, an
# untagged field, `json:",omitempty"` with no name) sends what no tag shows.
GO_STRUCT = rx.compile(r"\btype\s+(?P<n>[A-Za-z_]\w*)\s+struct\s*\{")
GO_TAGGED_LINE = rx.compile(
    r"[ \t]*(?:(?://.*)?|[A-Za-z_]\w*[ \t]+[^`\n]*`[^`\n]*\bjson:\"[A-Za-z_-][^\"]*\"[^`\n]*`[ \t]*(?://.*)?)"
)


def _go_struct_at(doc: Text, body: Sequence[Key], at: set[int]) -> int | None:
    """Where a Go struct sent whole is written (its literal, else its type's name) when the
    body's keys are every tag of one struct of the file and the struct sends nothing else."""
    for name, fields_ in doc.structs.items():
        if not fields_ or at != {f.offset for f in fields_}:
            continue
        declared = _go_declared(doc.text, name, min(at))
        if declared is None:
            return None
        given = [k.value_start for k in body if k.value_start != k.offset]
        literal = doc.innermost(given[0]) if given else -1
        return doc.containers[literal].start if literal >= 0 else declared
    return None


def _go_declared(text: str, name: str, first: int) -> int | None:
    """The offset of a Go struct type's name, when every line of its body is a tagged field."""
    head = None
    for m in GO_STRUCT.finditer(text, 0, first):
        if m.group("n") == name:
            head = m
    if head is None:
        return None
    close = text.find("}", first)
    lines = text[head.end() : close if close >= 0 else len(text)].split("\n")
    if not all(GO_TAGGED_LINE.fullmatch(line) for line in lines[1:-1]) or lines[0].strip():
        return None  # (a field on the brace's line: `struct { A string }`)
    return head.start("n")
