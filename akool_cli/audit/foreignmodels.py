"""Python request models (pydantic models, dataclasses, TypedDicts) that a file of a scanned folder
imports from another file of it: their class text is added after the importing file's text for
the field rules (so `Model(...).model_dump()` sends the model's fields and defaults), and a
finding on an added line is reported in the file that declares the class, at its own line."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from akool_cli.audit import source

MODEL_HINT = re.compile(r"\bBaseModel\b|@(?:dataclasses\.)?dataclass\b|\bTypedDict\b")
MODEL_CLASS = re.compile(r"class[ \t]+(?P<n>[A-Za-z_]\w*)[ \t]*(?:\((?P<bases>[^)]*)\))?[ \t]*:")


@dataclass(frozen=True)
class Block:
    shown: str  # the file that declares the class, as the audit shows it
    line: int  # where the class's text starts in it (0-based)
    lines: tuple[str, ...]


Models = dict[str, list[tuple[Path, Block]]]


def folder_models(texts: list[tuple[Path, str, str]]) -> Models:
    """The module-level request model classes of the folder's Python files, by class name."""
    found: Models = {}
    for path, shown, text in texts:
        if path.suffix != ".py" or MODEL_HINT.search(text) is None:
            continue
        lines = source.split_lines(text)
        for k, line in enumerate(lines):
            m = MODEL_CLASS.match(line)
            if m is None:
                continue
            first = k
            while first > 0 and lines[first - 1].startswith("@"):
                first -= 1
            deco = "".join(lines[first:k])
            if "dataclass" not in deco and not re.search(
                r"\b(?:BaseModel|TypedDict)\b", m.group("bases") or ""
            ):
                continue
            block = Block(shown, first, tuple(lines[first : _body_end(lines, k)]))
            found.setdefault(m.group("n"), []).append((path, block))
    return found


def _body_end(lines: list[str], header: int) -> int:
    """The line after a class's indented body (its header at `header`)."""
    end = header + 1
    while end < len(lines) and (not lines[end].strip() or lines[end][:1] in " \t"):
        end += 1
    return end


def imported_models(path: Path, text: str, models: Models) -> list[Block]:
    """The classes of other files that this Python file imports by name (`from dtos import
    SessionReq`) and does not declare itself: one declaring file per name, the module named."""
    if path.suffix != ".py" or not models:
        return []
    found = []
    for name, owners in models.items():
        if name not in text or re.search(rf"^\s*class\s+{name}\b", text, re.M):
            continue
        module = _imported_from(text, name)
        mine = [
            b
            for p, b in owners
            if p != path
            and module is not None
            and module.split(".")[-1] in (p.stem, p.parent.name if p.stem == "__init__" else "")
        ]
        if len(mine) == 1:
            found.append(mine[0])
    return found


FROM_IMPORT = re.compile(
    r"^[ \t]*from[ \t]+(?P<m>\.*[\w.]*)[ \t]+import[ \t]+(?P<names>\([^)]*\)|[^\n]+)", re.M
)


def _imported_from(text: str, name: str) -> str | None:
    """The module a `from X import ..., name, ...` line (parenthesized too) takes the name from."""
    for m in FROM_IMPORT.finditer(text):
        if re.search(rf"(?<![\w.]){re.escape(name)}(?!\w)(?!\s+as\b)", m.group("names")):
            return m.group("m").lstrip(".") or None
    return None


def lines_of(blocks: list[Block]) -> list[str]:
    """The lines to add after the file's own (a blank line before each class)."""
    added: list[str] = []
    for block in blocks:
        added += ["", *block.lines]
    return added


def origin(blocks: list[Block], own: int, line: int) -> tuple[str, int] | None:
    """The declaring file and line of an added line (`own`: the file's own line count)."""
    at = own
    for block in blocks:
        at += 1
        if at <= line < at + len(block.lines):
            return block.shown, block.line + line - at
        at += len(block.lines)
    return None
