"""Visual Basic .NET read as the C# it amounts to, its length kept line by line (so every finding's
line and column are the file's own): `Dim`/`Const x As T =` bindings as `var x =`, an anonymous
type's `New With {.k = v}` as `new {k = v}`, `&` joins as `+`, a condition's `=` and `<>` as `==`
and `!=`, a `'` comment as `//`; strings are kept as they are."""

from __future__ import annotations

import re

from akool_cli.audit import rx

VB_FILES = (".vb",)
# A binding: `Dim x As String =`, `Const X As String =`, `Private ReadOnly x As T =`, `Using doc =` (the type
# blanked: the name then binds its value as C#'s `var x =` does).
BINDING = rx.compile(
    r"(?i)^(?P<head>[ \t]*(?:(?:Public|Private|Friend|Protected|Shared|ReadOnly)\s+)*)"
    r"(?P<kw>Dim|Const|Using)(?P<rest>\s+[A-Za-z_]\w*)(?P<type>\s+As\s+(?:New\s+)?[\w.]+(?:\([^()]*\))?)?(?=\s*=)"
)
ANONYMOUS = rx.compile(r"(?i)\bNew\s+With\s*\{")
MEMBER = rx.compile(r"(?<=[{,])(?P<sp>\s*)\.(?=[A-Za-z_]\w*\s*=)")
CONDITION = rx.compile(
    r"(?i)^\s*(?:If|ElseIf|Else\s+If|Do\s+While|Do\s+Until|While|Loop\s+While|Loop\s+Until|Case)\b"
)
EQUALS = rx.compile(r"(?<=[\w)\]\"]) = (?=[\w\"(-])")
THEN = rx.compile(r"(?i)\bThen\b")
STRING = rx.compile(r"\"(?:[^\"\n]|\"\")*\"")


def as_csharp(name: str, text: str) -> str:
    """The text of a VB.NET file read as C# (other files as they are)."""
    if not name.lower().endswith(VB_FILES):
        return text
    return "".join(_line(line) for line in text.splitlines(keepends=True))


def _line(line: str) -> str:
    """One line as C#: its code outside strings rewritten, its strings and length kept."""
    parts: list[str] = []
    at = 0
    test = [bool(CONDITION.match(line))]  # (in a condition, up to its `Then`)
    for m in STRING.finditer(line):
        code = line[at : m.start()]
        if "'" in code:  # (a comment: the rest of the line)
            return "".join(parts) + _code(line[at:], True, test)
        parts += [_code(code, False, test), m.group(0)]
        at = m.end()
    return "".join(parts) + _code(line[at:], True, test)


def _code(code: str, last: bool, test: list[bool]) -> str:
    """Code outside strings (the line's end with `last`), rewritten at the same length; a
    condition's comparisons up to its `Then` (`If a Then x = 5`: the `=` after it assigns)."""
    quote = code.find("'") if last else -1
    comment = ""
    if quote >= 0:
        code, comment = (
            code[:quote],
            "//" + code[quote + 2 :] if code[quote + 1 : quote + 2] == " " else code[quote:],
        )
    code = code.replace(" & ", " + ").replace(" &= ", " += ")
    code = ANONYMOUS.sub(lambda m: "new" + " " * (len(m.group(0)) - 4) + "{", code)
    code = MEMBER.sub(lambda m: m.group("sp") + " ", code)
    if test[0]:
        then = THEN.search(code)
        cut = then.start() if then is not None else len(code)
        code = EQUALS.sub(" ==", code[:cut]).replace(" <> ", " != ") + code[cut:]
        test[0] = then is None
    return BINDING.sub(_binding, code) + comment


def _binding(m: re.Match[str]) -> str:
    kept = m.group("head") + "var" + " " * (len(m.group("kw")) - 3) + m.group("rest")
    return kept + " " * len(m.group("type") or "")
