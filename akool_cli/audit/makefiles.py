"""Makefiles read as the shell their recipes run: a variable's assignment (`AKOOL_API ?= https://...`,
`:=`, `=`, `::=`, `export`/`override` before it) as `NAME="value"`, each recipe line (a tab's
line, its `@`/`-`/`+` prefix left out) as a line of shell, and make's `$(NAME)` and `${NAME}` as
`${NAME}`, `$$` as the shell's `$`; findings and fixes map back to the file."""

from __future__ import annotations

import re

from akool_cli.audit import rx, source
from akool_cli.audit.embedded import Code, Piece, rewrite
from akool_cli.audit.walking import MAKEFILE_NAMES, MAKEFILE_SUFFIXES

ASSIGNMENT = rx.compile(
    r"^(?:(?:export|override)[ \t]+)*(?P<n>[A-Za-z_][\w.-]*)[ \t]*(?:\?|:|::)?=[ \t]*(?P<v>.*?)[ \t]*$"
)
# A recipe line: a tab, then make's own prefixes (`@` silent, `-` errors ignored, `+` always run).
RECIPE = rx.compile(r"^\t[ \t]*[@+-]*[ \t]*")
# A recipe's continuation: a line after one that ends in `\` (make keeps the shell's reading).
CONTINUED = rx.compile(r"\\[ \t]*$")
# make's references: `$$` (the shell's `$`), `$(NAME)`, `${NAME}`, and any other `$(...)` (a
# function: `$(shell ...)`, `$(word 1,$(X))`), which the shell cannot read.
REFERENCE = rx.compile(r"\$\$|\$\((?P<p>[^()$]*)\)|\$\{(?P<b>[^{}$]*)\}")
NAME = rx.compile(r"[A-Za-z_][\w]*")


def is_makefile(name: str) -> bool:
    base = name.replace("\\", "/").rsplit("/", 1)[-1].lower()
    return base in MAKEFILE_NAMES or base.endswith(MAKEFILE_SUFFIXES)


def read(text: str) -> list[Code]:
    """The file as a shell script: its assignments and recipe lines; other lines blank."""
    code = Code(".sh", [], [])
    continued = False
    for n, line in enumerate(source.split_lines(text)):
        recipe = RECIPE.match(line)
        assigned = ASSIGNMENT.match(line) if recipe is None and not continued else None
        if recipe is not None or continued:
            start = recipe.end() if recipe is not None else 0
            shown, pieces = _references(line[start:], n, start)
            code.add(shown, *pieces)
            continued = CONTINUED.search(line) is not None
        elif assigned is not None:
            head = f'{assigned.group("n").replace(".", "_").replace("-", "_")}="'
            shown, pieces = _references(assigned.group("v"), n, assigned.start("v"))
            moved = (Piece(p.at + len(head), p.line, p.column, p.length) for p in pieces)
            code.add(head + shown + '"', *moved)
        else:
            code.add("")
    return [code]


def _references(text: str, line: int, column: int) -> tuple[str, tuple[Piece, ...]]:
    def reference(m: re.Match[str]) -> str:
        if m.group(0) == "$$":
            return "$"
        name = m.group("p") if m.group("p") is not None else m.group("b")
        return "${" + (name if NAME.fullmatch(name) else "MAKE_EXPRESSION") + "}"

    return rewrite(text, line, column, REFERENCE, reference)
