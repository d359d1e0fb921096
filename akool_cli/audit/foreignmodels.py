"""Models (Python's pydantic models, dataclasses and TypedDicts; Go's, Java's, Kotlin's, C#'s,
Rust's and TypeScript's types) that a file of a scanned folder takes from another file of it (a
Python import, the same Go/Java/Kotlin/C# package's folder, a TypeScript import): their text is
added after the file's own for the field and answer rules (so `Model(...).model_dump()` sends
the model's fields, `readValue(body, Resp.class)` reads Resp's members), and a finding on an
added line is reported in the file that declares the type, at its own line."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from akool_cli.audit import callers, modules, reexports, rx, source

MODEL_HINT = rx.compile(r"\bBaseModel\b|@(?:dataclasses\.)?dataclass\b|\bTypedDict\b")
MODEL_CLASS = rx.compile(r"class[ \t]+(?P<n>[A-Za-z_]\w*)[ \t]*(?:\((?P<bases>[^)]*)\))?[ \t]*:")


@dataclass(frozen=True)
class Block:
    shown: str  # the file that declares the class, as the audit shows it
    line: int  # where the class's text starts in it (0-based)
    lines: tuple[str, ...]


Models = dict[str, list[tuple[Path, Block]]]


def folder_models(texts: list[tuple[Path, str, str]]) -> Models:
    """The module-level model types of the folder's files, by name."""
    found: Models = {}
    for path, shown, text in texts:
        if path.suffix in BRACED_SUFFIXES:
            _braced_models(path, shown, text, found)
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
    _callers(texts, found)
    return found


# The entry of the folder's models under which the calls other files make of a file's functions
# are kept (a name no type has): `from talker import talk` then `talk(p, a, "1080p")` in main.py,
# added after talker.py's own text, so that the literal a caller gives a parameter whose default
# is sent as a field is judged as the file's own calls' are (callers.py), and reported in main.py,
# at its line (fixD28 typed-param-default across files).
CALLERS_OF = "\0callers "


def _callers(texts: list[tuple[Path, str, str]], found: Models) -> None:
    defining = {
        path: names
        for path, _, text in texts
        if modules.family(path) in callers.CALLER_FAMILIES
        and (names := callers.defaulted_functions(text))
    }
    methods = {
        path: callers.defaulted_methods(text, modules.family(path) == "js")
        for path, _, text in texts
        if path in defining or modules.family(path) == "js"
    }
    methods = {path: names for path, names in methods.items() if names}
    # (a class's methods are called by the files importing the class, from a package's
    # `__init__.py` too: house29)
    barrels = reexports.barrels((p, t) for p, _, t in texts) if methods else {}
    for path, shown, text in texts if defining or methods else ():
        if modules.family(path) not in callers.CALLER_FAMILIES:
            continue
        lines: list[str] | None = None
        for owner in sorted({*defining, *methods}):
            if owner == path:
                continue
            imported = _imported_from_owner(text, path, [owner, *barrels.get(owner, ())])
            taken = imported & defining.get(owner, frozenset())
            called = methods.get(owner, frozenset()) if imported else frozenset()
            for first, last in callers.calls_in(text, taken, called) if taken or called else ():
                lines = source.split_lines(text) if lines is None else lines
                block = Block(shown, first, tuple(lines[first : last + 1]))
                found.setdefault(CALLERS_OF + str(owner), []).append((path, block))


def _imported_from_owner(text: str, path: Path, owners: list[Path]) -> frozenset[str]:
    """The names a file imports from a module (or from a barrel that re-exports it)."""
    found: frozenset[str] = frozenset()
    for owner in owners:
        stem = owner.stem if owner.stem not in modules.INDEX_STEMS else owner.parent.name
        if owner != path and modules.imports_of(text, stem):
            found |= modules.imported_names(text, path, owner)
    return found


def _body_end(lines: list[str], header: int) -> int:
    """The line after a class's indented body (its header at `header`)."""
    end = header + 1
    while end < len(lines) and (not lines[end].strip() or lines[end][:1] in " \t"):
        end += 1
    return end


def imported_models(path: Path, text: str, models: Models) -> list[Block]:
    """The types of other files this file takes (see _models_taken), then the calls other files
    make of its functions (see _callers)."""
    callers_of = models.get(CALLERS_OF + str(path), []) if models else []
    return [*_models_taken(path, text, models), *(block for _, block in callers_of)]


def _models_taken(path: Path, text: str, models: Models) -> list[Block]:
    """The classes of other files that this Python file imports by name (`from dtos import
    SessionReq`) and does not declare itself: one declaring file per name, the module named."""
    if path.suffix in BRACED_SUFFIXES and models:
        return _braced_taken(path, text, models)
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


FROM_IMPORT = rx.compile(
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


# -- Types of the braced languages ---------------------------------------------------------------

BRACED_SUFFIXES = frozenset({".go", ".java", ".kt", ".cs", ".rs", ".ts", ".tsx"})
# Files of one package see each other's types without an import (a folder is a package).
PACKAGE_SUFFIXES = frozenset({".go", ".java", ".kt", ".cs"})
BRACED_TYPE = rx.compile(
    r"^[ \t]*(?:(?:public|private|internal|protected|static|final|sealed|abstract|open|data"
    r"|partial|readonly|export|pub(?:\([^)]*\))?|default)[ \t]+)*"
    r"(?:type[ \t]+(?P<g>[A-Za-z_]\w*)[ \t]+struct\b|(?:class|record|struct|interface"
    r"|data[ \t]+class)[ \t]+(?P<n>[A-Z]\w*)\b)"
)
LEAD = rx.compile(r"^[ \t]*(?:@|\[|#\[)")  # an annotation or attribute line above a type
# Text that says a type does more than hold fields: it is not added to other files.
NOT_A_MODEL = rx.compile(r"https?:|akool|/api/|/v\d/")
MOST_LINES = 120


def _braced_models(path: Path, shown: str, text: str, found: Models) -> None:
    lines = source.split_lines(text)
    for k, line in enumerate(lines):
        m = (
            BRACED_TYPE.match(line)
            if "struct" in line or "class" in line or "record" in line or "interface" in line
            else None
        )
        if m is None:
            continue
        end = _closed(lines, k)
        first = k
        while first > 0 and LEAD.match(lines[first - 1]):
            first -= 1
        block = lines[first:end]
        if end - k > MOST_LINES or NOT_A_MODEL.search("\n".join(block)):
            continue
        found.setdefault(m.group("g") or m.group("n"), []).append(
            (path, Block(shown, first, tuple(block)))
        )


def _closed(lines: list[str], header: int) -> int:
    """The line after a type's declaration: its braces (or a record's parentheses) closed."""
    depth, opened = 0, False
    for k in range(header, min(len(lines), header + MOST_LINES + 1)):
        for ch in _code(lines[k]):
            if ch in "{(":
                depth, opened = depth + 1, True
            elif ch in "})":
                depth -= 1
        if opened and depth <= 0:
            return k + 1
        if not opened and k > header and lines[k].strip():
            return header + 1  # (a declaration with no body)
    return header + MOST_LINES + 2


def _code(line: str) -> str:
    """A line without its string literals and `//` comment (a tag's or a name's braces)."""
    return re.sub(r'"(?:\\.|[^"\\])*"|`[^`]*`|//.*', "", line)


WORD = rx.compile(r"[A-Za-z_]\w*")
DECLARES = rx.compile(r"\b(?:struct|class|record|interface|type)\s+(?P<n>[A-Za-z_]\w*)")


def _braced_taken(path: Path, text: str, models: Models) -> list[Block]:
    """The types of other files this file names and does not declare: those of its own folder
    for a package's files (Go, Java, Kotlin, C#), of a module it imports (TypeScript's `from
    "./types"`, Rust's `use crate::models::...`): one declaring file per name; and the types
    those name in turn (`VideoInfo`'s `VideoData data`), from the same files. (The file's words
    are taken once: a folder of a thousand types costs no search per type.)"""
    found: list[Block] = []
    taken = {m.group("n") for m in DECLARES.finditer(text)}
    named, seen_by = set(WORD.findall(text)), text
    for _ in range(3):
        added = []
        for name in sorted(named.intersection(models).difference(taken)):
            taken.add(name)
            mine = [b for p, b in models[name] if p != path and _sees(path, seen_by, p)]
            if len(mine) == 1 and mine[0] not in found:
                added.append(mine[0])
        if not added:
            break
        found += added
        more = "\n".join(line for block in added for line in block.lines)
        named, seen_by = set(WORD.findall(more)), seen_by + "\n" + more
    return found


TS_IMPORT = rx.compile(r"\bfrom\s+[\"'](?P<m>\.{1,2}/[^\"']+)[\"']")
RUST_USE = rx.compile(r"\buse\s+(?:crate|super|self)::(?:[\w]+::)*?(?P<m>\w+)::")


def _sees(path: Path, text: str, owner: Path) -> bool:
    """Whether a file sees another's types: one package's folder (Go, Java, Kotlin, C#), a
    TypeScript module it imports by a relative path, a Rust module of its folder it uses."""
    if owner.suffix != path.suffix and {owner.suffix, path.suffix} != {".ts", ".tsx"}:
        return False
    if path.suffix in PACKAGE_SUFFIXES:
        return owner.parent == path.parent
    if path.suffix == ".rs":
        used = {m.group("m") for m in RUST_USE.finditer(text)}
        return owner.parent == path.parent and owner.stem in used
    wanted = owner.with_suffix("")
    return any(
        _normal(path.parent / m.group("m")) == _normal(wanted) for m in TS_IMPORT.finditer(text)
    )


def _normal(path: Path) -> str:
    """A path with its `.` and `..` parts resolved in its text (no file system look-up)."""
    parts: list[str] = []
    for part in path.as_posix().split("/"):
        if part == ".." and parts and parts[-1] != "..":
            parts.pop()
        elif part not in (".", ""):
            parts.append(part)
    return "/".join(parts)
