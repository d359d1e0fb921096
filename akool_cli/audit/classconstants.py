"""Constants a class or an object holds an AKOOL URL in, read through the type's name in other
classes: C#'s `public static class AkoolRoutes { public const string Credit = ...; }` then
`http.GetFromJsonAsync<JsonElement>(AkoolRoutes.Credit)`, Java's `static final String CREDIT` of
`final class Routes` (`URI.create(Routes.CREDIT)`), Kotlin's `object Routes { const val ... }` and
a `companion object` (read through the outer class's name), TypeScript's `static readonly`, a
Python class attribute (`requests.get(Routes.CREDIT)`)."""

from __future__ import annotations

from akool_cli.audit import rx

# The head of the type a declaration is a member of: `public static class AkoolRoutes`, `final
# class Routes {`, `object Routes {`, `class Routes:`, `export class Routes {`, `enum class E(`;
# Kotlin's `companion object {` (its members are read through the class around it).
TYPE_HEAD = rx.compile(
    r"^\s*(?:(?:public|private|internal|protected|static|final|abstract|sealed|partial|export"
    r"|default|data|open|readonly)\s+)*"
    r"(?:(?P<companion>companion\s+object)\b|(?:class|object|interface|struct|record|enum"
    r"(?:\s+class)?)\s+(?P<n>[A-Za-z_]\w*))"
)
# A line that only opens or closes a block, or is blank (Allman's `{` under the head).
BRACE_ONLY = rx.compile(r"\s*[{}]?\s*$")
SCAN_LINES = 60  # lines above a declaration its type's head may be on


def _head_above(lines: list[str], line: int) -> tuple[int, str] | None:
    """The nearest line above `line` indented less than it (blank and brace-only lines passed
    over), with its text: the head of the block `line` is in."""
    own = len(lines[line]) - len(lines[line].lstrip())
    for k in range(line - 1, max(line - SCAN_LINES, -1), -1):
        text = lines[k]
        if BRACE_ONLY.match(text) is not None:
            continue
        if len(text) - len(text.lstrip()) < own:
            return k, text
    return None


def _type_name(lines: list[str], line: int) -> str | None:
    """The name a member declared on `line` is read through from outside its type (None: the
    line is in no type's own body, e.g. in a method)."""
    above = _head_above(lines, line)
    head = TYPE_HEAD.match(above[1]) if above is not None else None
    if above is None or head is None:
        return None
    if head.group("companion"):
        return _type_name(lines, above[0])  # (Kotlin: `Api.CREDIT` for Api's companion's)
    return head.group("n")


def qualified(lines: list[str], line: int, names: tuple[str, ...], rhs: str) -> list[str]:
    """The names (`Routes.CREDIT`) other classes read the value a type's member bound on `line`
    through, when the member holds a URL written there (a literal or a join, no call's value:
    a call's answer is held in a method's local, never in a type's constant)."""
    if "(" in rhs or len(names) != 1 or line == 0 or not lines[line][:1].isspace():
        return []
    name = _type_name(lines, line)
    return [f"{name}.{names[0]}"] if name else []
