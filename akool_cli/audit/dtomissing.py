"""Request types sent whole, for the rule that a required field is missing: a body whose keys
are every member one request type of the file is serialized with (a C# class given to
`PostAsJsonAsync(url, dto)` or `JsonContent.Create(dto)`, Refit's `[Body] TalkRequest req`, a
Java or Kotlin class a client serializes) sends those members and no other, so a field the docs
require that the type lacks is never sent. Not for a type that extends another (its parent's
members are sent too) or keeps extra members apart (`[JsonExtensionData]`, `@JsonAnyGetter`)."""

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
