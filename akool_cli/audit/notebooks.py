"""Jupyter notebooks as the code they hold: each code cell's source, JSON-decoded, read in the
kernel's language (a `%%bash` cell and a `!command` line as shell, IPython's `{NAME}` and `$NAME`
in it read as the Python string constant the notebook binds NAME to), with every finding and fix
mapped back to the notebook's own line and column."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from akool_cli.audit import rx, source
from akool_cli.audit.rules import Fix

NOTEBOOK_SUFFIX = ".ipynb"
# The name a kernel's language is read under (what decides how the audit reads the text).
SUFFIXES = {
    "python": ".py",
    "javascript": ".js",
    "typescript": ".ts",
    "bash": ".sh",
    "sh": ".sh",
    "shell": ".sh",
    "go": ".go",
    "java": ".java",
    "kotlin": ".kt",
    "c#": ".cs",
    "csharp": ".cs",
    "rust": ".rs",
    "php": ".php",
    "ruby": ".rb",
    "r": ".r",
    "julia": ".jl",
    "powershell": ".ps1",
}
SHELL_CELL = rx.compile(r"%%(?:bash|sh|script\s+(?:ba)?sh)\b")
JSON_STRING = rx.compile(r'"(?P<raw>[^"\\\n]*(?:\\.[^"\\\n]*)*)"(?P<key>\s*:)?')
SOURCE_KEY = "\x00source"  # (no string of the text holds a NUL: JSON writes it escaped)
ESCAPE = rx.compile(r"\\u[0-9a-fA-F]{4}|\\.|.", re.S)
# A Python cell's string constant (`BASE = "https://..."`), which IPython gives a `!` line's
# `{BASE}` and `$BASE`; and those two in a `!` line (`{expr}` of anything else is left as it is).
CONSTANT = rx.compile(
    r"^(?P<name>[A-Za-z_]\w*)[ \t]*=[ \t]*(?P<value>\"[^\"\\\n]*\"|'[^'\\\n]*')[ \t]*(?:#.*)?$"
)
# (`{{` and `}}` are IPython's written braces: `-d '{{"prompt": "a fox"}}'` sends `{"prompt": ...}`)
INTERPOLATED = rx.compile(
    r"(?P<twice>\{\{|\}\})|\{(?P<braced>[A-Za-z_]\w*)\}|(?<!\$)\$\{?(?P<plain>[A-Za-z_]\w*)"
    r"|\{json\.dumps\(\s*(?P<dumped>[A-Za-z_]\w*)\s*\)\}"  # (`-d '{json.dumps(body)}'`)
)
# A Python cell's dict written on one line (`body = {"prompt": "a fox", "size": 2}`), which a `!`
# line sends as `{json.dumps(body)}`: the JSON it writes, as a shell variable's text.
DICT_CONSTANT = rx.compile(r"^(?P<name>[A-Za-z_]\w*)[ \t]*=[ \t]*(?P<value>\{.*\})[ \t]*(?:#.*)?$")


@dataclass(frozen=True)
class Place:
    """Where a line of a cell is written: the notebook's line, the column its string's text
    starts at, and that text as written (None when the string holds more than this one line:
    the columns and a fix cannot be mapped exactly)."""

    line: int
    column: int
    raw: str | None
    # (the code's line is not the string's text: each (code column, string column) pair says where
    # a run of it is copied from, up to the next pair; none: the text as it is)
    anchors: tuple[tuple[int, int], ...] = ()

    def copied(self, column: int) -> int:
        """The column of the string's decoded text that a column of the code's line is at."""
        for at, original in reversed(self.anchors):
            if at <= column:
                return original + column - at
        return column


@dataclass
class Code:
    """One language's cells, as one text, and where each of its lines is in the notebook."""

    suffix: str
    lines: list[str]
    places: list[Place | None]  # None: a line that is not the notebook's (a blank between cells)


def is_notebook(name: str) -> bool:
    return name.lower().endswith(NOTEBOOK_SUFFIX)


def read(text: str) -> list[Code] | None:
    """The code of a notebook by language; None when the text is not a notebook (nbformat 4)."""
    try:
        book = json.loads(text)
    except (ValueError, RecursionError):  # (RecursionError: arrays nested thousands deep)
        return None
    if not isinstance(book, dict) or not isinstance(book.get("cells"), list):
        return None
    kernel = _language(book.get("metadata"))
    codes: dict[str, Code] = {}
    constants: dict[str, tuple[str, Place | None]] = {}  # (see CONSTANT)
    strings, at = _strings(text), [0]
    for cell in book["cells"]:
        if not isinstance(cell, dict):
            continue
        items = _source(cell.get("source"))
        places = _find_source(strings, at, items)
        if cell.get("cell_type") != "code" or items is None:
            continue
        _add_cell(codes, kernel, items, places, constants)
    return list(codes.values())


def _language(metadata: Any) -> str:
    meta = metadata if isinstance(metadata, dict) else {}
    for key, field in (("kernelspec", "language"), ("language_info", "name")):
        section = meta.get(key)
        if isinstance(section, dict) and isinstance(section.get(field), str):
            return SUFFIXES.get(section[field].lower(), ".py")
    return ".py"


def _source(source: Any) -> list[str] | None:
    if isinstance(source, str):
        return [source]
    if isinstance(source, list) and all(isinstance(s, str) for s in source):
        return source
    return None


def _strings(text: str) -> list[tuple[int, int, str | None]]:
    """Every JSON string of the text, in order: (line, column of its first character, raw text);
    a key's raw text is None but for the key "source"."""
    found: list[tuple[int, int, str | None]] = []
    line, start = 0, 0
    for m in JSON_STRING.finditer(text):
        line += len(source.LINE_BREAK.findall(text, start, m.start()))
        start = m.start()
        column = m.start() - (max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1)
        raw = m.group("raw")
        key = SOURCE_KEY if raw == "source" else None
        found.append((line, column + 1, raw if m.group("key") is None else key))
    return found


def _find_source(
    strings: list[tuple[int, int, str | None]], at: list[int], items: list[str] | None
) -> list[tuple[int, int, str]] | None:
    """The strings of a cell's source, read on from `at[0]` (cells are written in order): the
    next "source" key's strings, when they decode to the items."""
    if items is None:
        return None
    while at[0] < len(strings):
        at[0] += 1
        if strings[at[0] - 1][2] != SOURCE_KEY:
            continue
        taken = strings[at[0] : at[0] + len(items)]
        if [_decode(raw) if raw is not None else None for _, _, raw in taken] != items:
            return None
        at[0] += len(items)
        return [(line, column, raw) for line, column, raw in taken if raw is not None]
    return None


def _decode(raw: str) -> str | None:
    try:
        value = json.loads(f'"{raw}"')
    except ValueError:
        return None
    return value if isinstance(value, str) else None


def _add_cell(
    codes: dict[str, Code],
    kernel: str,
    items: list[str],
    places: list[tuple[int, int, str]] | None,
    constants: dict[str, tuple[str, Place | None]],
) -> None:
    """A cell's lines, each in its language's text (the others get a blank line there)."""
    lines: list[tuple[str, Place | None]] = []
    for index, item in enumerate(items):
        where = places[index] if places else None
        parts = source.LINE_BREAK.split(item)
        if parts[-1] == "" and len(parts) > 1:
            parts.pop()
        whole = len(parts) == 1
        for part in parts:
            place = Place(where[0], where[1], where[2] if whole else None) if where else None
            lines.append((part, place))
    shell = bool(lines) and SHELL_CELL.match(lines[0][0].lstrip()) is not None
    language = ".sh" if shell else kernel
    for text, place in lines:
        stripped = text.lstrip()
        if shell and SHELL_CELL.match(stripped):
            continue
        if language != ".sh" and stripped.startswith("!"):
            cut = len(text) - len(stripped) + 1  # `!curl ...` is a shell line
            shifted = _shifted(place, cut)
            if language == ".py":
                _interpolated(codes, text[cut:], shifted, constants)
            else:
                _line(codes, ".sh", text[cut:], shifted)
        elif not stripped.startswith("%"):  # a line magic is neither
            _line(codes, language, text, place)
            constant = (
                (CONSTANT.match(text) or DICT_CONSTANT.match(text)) if language == ".py" else None
            )
            if constant is not None:
                constants[constant.group("name")] = (constant.group(0), place)
    for code in codes.values():  # the cells of one language are one text; apart, a blank line
        code.lines.append("")
        code.places.append(None)


def _shifted(place: Place | None, cut: int) -> Place | None:
    if place is None or place.raw is None:
        return place
    offsets = _offsets(place.raw)
    if offsets is None or cut >= len(offsets):
        return replace(place, raw=None)
    return Place(place.line, place.column + offsets[cut], place.raw[offsets[cut] :])


def _interpolated(
    codes: dict[str, Code],
    text: str,
    place: Place | None,
    constants: dict[str, tuple[str, Place | None]],
) -> None:
    """A `!` line of an IPython cell as shell: each `{NAME}` as `${NAME}`, `{{` as `{`, after a
    binding `NAME="value"` of each constant it names (copied from where the notebook writes it)."""
    shown, anchors, at, named = "", [(0, 0)], 0, []
    for m in INTERPOLATED.finditer(text):
        name = m.group("braced") or m.group("plain") or m.group("dumped")
        if name in constants and name not in named:
            named.append(name)
        if m.group("dumped") and name in constants:  # `{json.dumps(body)}`: `${body}`, its JSON
            shown += text[at : m.start()] + "${" + name + "}"
            anchors.append((len(shown), m.end()))
            at = m.end()
        elif m.group("twice") or (m.group("braced") and name in constants):
            new, end = (m.group(0)[0], m.end()) if m.group("twice") else ("$", m.start())
            shown += text[at : m.start()] + new
            anchors.append((len(shown), end))
            at = end
    shown += text[at:]
    for name in named:
        _binding(codes, *constants[name])
    moved = replace(place, anchors=tuple(anchors)) if place is not None else None
    _line(codes, ".sh", shown, moved)


def _binding(codes: dict[str, Code], assignment: str, place: Place | None) -> None:
    """`NAME="value"` for a Python cell's `NAME = "value"`, mapped to the cell's line."""
    m = CONSTANT.match(assignment)
    dumped = DICT_CONSTANT.match(assignment) if m is None else None
    if dumped is not None:
        _dict_binding(codes, dumped, place)
    if m is None:
        return
    name, value = m.group("name"), m.group("value")
    line = f"{name}={value}"
    anchors = ((0, 0), (len(name) + 1, m.start("value")))
    _line(codes, ".sh", line, replace(place, anchors=anchors) if place is not None else None)


def _dict_binding(codes: dict[str, Code], m: re.Match[str], place: Place | None) -> None:
    """`NAME='{...}'` for a Python cell's `NAME = {...}` that is JSON as written (double quotes,
    no `True`/`None`), each character where the cell writes it; another dict is not read."""
    name, value = m.group("name"), m.group("value")
    try:
        json.loads(value)
    except (ValueError, RecursionError):
        return
    if "'" in value:
        return  # (no single-quoted shell word holds it)
    anchors = ((0, 0), (len(name) + 2, m.start("value")))
    line = f"{name}='{value}'"
    _line(codes, ".sh", line, replace(place, anchors=anchors) if place is not None else None)


def _line(codes: dict[str, Code], suffix: str, text: str, place: Place | None) -> None:
    code = codes.setdefault(suffix, Code(suffix, [], []))
    code.lines.append(text)
    code.places.append(place)


@lru_cache(maxsize=64)
def _offsets(raw: str) -> tuple[int, ...] | None:
    """For each character of the decoded string, and its end, where it starts in the raw text;
    None when the two cannot be lined up (a character written as a surrogate pair). Kept per
    string: each finding of a line asks (a cell's one-line source of 80 calls: 18 s)."""
    offsets, at = [], 0
    for m in ESCAPE.finditer(raw):
        decoded = _decode(m.group(0))
        if decoded is None or len(decoded) != 1 or "\ud800" <= decoded <= "\udfff":
            return None
        offsets.append(at)
        at = m.end()
    offsets.append(at)
    return tuple(offsets)


def map_back(code: Code, line: int, column: int) -> tuple[int, int]:
    """A 0-based (line, column) of the code text as the notebook's own."""
    place = code.places[line] if 0 <= line < len(code.places) else None
    if place is None:
        return _nearest(code, line), 0
    offsets = _offsets(place.raw) if place.raw is not None else None
    column = place.copied(column)
    if offsets is None or column >= len(offsets):
        return place.line, place.column
    return place.line, place.column + offsets[column]


def _nearest(code: Code, line: int) -> int:
    for place in reversed(code.places[: line + 1]):
        if place is not None:
            return place.line
    return 0


def map_fix(code: Code, fix: Fix) -> Fix | None:
    """The fix as an edit of the notebook's JSON text, escaped as the notebook writes its
    strings; None unless that is exact (the line is one string of its own, the text to replace
    is written in one of json.dumps' two styles)."""
    return fix.moved(lambda edit: _map_edit(code, edit))


def _map_edit(code: Code, fix: Fix) -> Fix | None:
    place = code.places[fix.line] if 0 <= fix.line < len(code.places) else None
    if place is None or place.raw is None:
        return None
    offsets = _offsets(place.raw)
    first, last = place.copied(fix.start), place.copied(fix.end)
    if offsets is None or last >= len(offsets) or last - first != fix.end - fix.start:
        return None
    start, end = offsets[first], offsets[last]
    written = place.raw[start:end]
    for ascii_only in (False, True):
        if json.dumps(fix.old, ensure_ascii=ascii_only)[1:-1] == written:
            new = json.dumps(fix.new, ensure_ascii=ascii_only)[1:-1]
            return Fix(place.line, place.column + start, place.column + end, written, new)
    return None
