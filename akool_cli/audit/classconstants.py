"""URLs held in a class's constants (TypeScript's `static readonly CREDIT = BASE + "/x"`, Java's
`static final String CREDIT`, C#'s `public const string Credit`, Kotlin's `const val` in an
`object` or a `companion object`): what holds the call's answer is what is given the constant
as its class names it (`fetch(Routes.CREDIT)`), in any method or function of the file."""

from __future__ import annotations

from akool_cli.audit import rx

# A constant member of a class, up to its name's line: a `static` or a `const` (C#'s
# `const string`, Kotlin's `const val`) after any modifiers.
MEMBER = rx.compile(
    r"^(?P<i>\s+)(?:(?:public|private|protected|internal|export|override|@\w+)\s+)*"
    r"(?:static\b|const\b)"
)
# The head of a type whose constants they are: `export class Routes {`, `final class Routes`,
# `public static class AkoolRoutes`, Kotlin's `object Routes {` and `companion object {` (whose
# constants its class names), an interface's or an enum's.
TYPE_HEAD = rx.compile(
    r"^\s*(?:(?:export|default|public|private|protected|internal|static|final|abstract|sealed"
    r"|partial|data|declare)\s+)*(?P<c>companion\s+)?(?:class|object|interface|enum|struct|record)"
    r"\b\s*(?P<n>[A-Za-z_$][\w$]*)?"
)
LOOK_UP = 400  # lines above a constant in which its type's head is looked for


def owner(lines: list[str], line: int) -> str | None:
    """The name of the type a constant member on a line belongs to (see MEMBER), or None when
    the line declares none (a local `const` of a function's body, a top-level one)."""
    m = MEMBER.match(lines[line])
    if m is None:
        return None
    return _type_around(lines, line, len(m.group("i")))


def _type_around(lines: list[str], line: int, depth: int) -> str | None:
    """The type whose body holds a line indented `depth`: the first line above it indented less
    (a brace alone on its line skipped), if it is a type's head (a companion's: its class's)."""
    for k in range(line - 1, max(-1, line - LOOK_UP), -1):
        text = lines[k]
        stripped = text.strip()
        if not stripped or stripped == "{" or stripped.startswith(("@", "//", "*", "/*")):
            continue
        ahead = len(text) - len(text.lstrip())
        if ahead >= depth:
            continue
        head = TYPE_HEAD.match(text)
        if head is None:
            return None
        if head.group("c") is not None:
            return _type_around(lines, k, ahead)
        return head.group("n")
    return None
