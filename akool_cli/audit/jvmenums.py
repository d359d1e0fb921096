"""Enums whose members carry a number given to their constructor (Java's `enum VideoStatus {
QUEUED(1), PROCESSING(2), DONE(3), FAILED(4); final int code; ... }`, Kotlin's `enum class
VideoStatus(val code: Int) { DONE(3), ... }`): each member's number, for the status rule, which
reads `VideoStatus.DONE.code` (or `.getCode()`, `.code()`) as that number."""

from __future__ import annotations

from collections.abc import Iterator

from akool_cli.audit import rx

# The enum's head and its members' list, up to the `;` (Java) or the `}` (Kotlin) that ends it.
ENUM = rx.compile(
    r"\benum\s+(?:class\s+)?(?P<enum>[A-Za-z_]\w*)\s*(?:\([^()]*\))?\s*(?:implements\s+[^{]*)?"
    r"\{(?P<body>[^;{}]*)[;}]"
)
# A member given one number: `DONE(3)` (a member given more, or a string, gives none).
MEMBER = rx.compile(r"^\s*(?P<name>[A-Za-z_]\w*)\s*\(\s*(?P<value>-?\d+)\s*\)\s*$")


def numbered(text: str) -> Iterator[tuple[str, int]]:
    """Each member's name (bare and by its enum's name, `VideoStatus.DONE`) with its number."""
    if "enum" not in text:
        return
    for block in ENUM.finditer(text):
        for item in block.group("body").split(","):
            m = MEMBER.match(item.split("//")[0])
            if m is not None:
                yield m.group("name"), int(m.group("value"))
                yield f"{block.group('enum')}.{m.group('name')}", int(m.group("value"))
