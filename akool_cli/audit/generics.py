"""Type argument lists of generic calls and definitions read to any depth of nesting
(`akoolGet<Record<string, { id: string }>>(path)`), for the patterns that take one level."""

from __future__ import annotations

from akool_cli.audit import rx

# A type argument list's `<`: after a name (`f<T>(`), or an arrow function's type parameters
# after `=` or `async` (`const f = async <T extends X<Y>>(p) =>`)
GENERIC_OPEN = rx.compile(r"(?:(?<=[\w$])|(?<==\s)|(?<=async\s))<(?![<=\s])")
TYPE_ARGUMENTS = 240  # the longest type argument list read (`<Record<string, { id: string }>>`)


def type_arguments_end(text: str, at: int) -> int:
    """The column after the `>` that closes the type argument list opened by the `<` at a column
    (nested lists, object types and `=>` of function types within), when a `(` follows it: a generic call's
    (`akoolGet<Record<string, unknown>>(`); -1 for anything else (`a < b`, a cut-off list)."""
    depth = braces = 0
    for j in range(at, min(len(text), at + TYPE_ARGUMENTS)):
        c = text[j]
        if c == "<":
            depth += 1
        elif c == ">" and text[j - 1] != "=":
            depth -= 1
            if depth == 0:
                return j + 1 if text[j + 1 : j + 2] == "(" else -1
        elif c in "{}":
            braces += 1 if c == "{" else -1
        elif c == "\n" or (c == ";" and braces <= 0) or braces < 0:
            return -1  # (`;` parts an object type's members: `<{ code: number; data: T }>`)
    return -1


def flat_generics(line: str) -> str:
    """The line with each generic call's type arguments blanked to one level, columns kept
    (`f<Record<string, unknown>>(x)` reads `f<                       >(x)`), so a call's head
    pattern takes type arguments nested to any depth."""
    if "<" not in line:
        return line
    out = line
    for m in GENERIC_OPEN.finditer(line):
        end = type_arguments_end(line, m.start())
        if end > 0 and m.start() > 0 and out[m.start()] == "<":
            out = out[: m.start() + 1] + " " * (end - m.start() - 2) + out[end - 1 :]
    return out
