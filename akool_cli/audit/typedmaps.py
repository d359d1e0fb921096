"""Maps whose type says their values are strings (C#'s `Dictionary<string, string>`, TypeScript's
`Record<string, string>`, Kotlin's `Map<String, String>`, Swift's `[String: String]`, Go's
`map[string]string`, a Python `dict[str, str]` annotation): a string sent for a documented number
is reported there, but `--diff` cannot make it a bare number without breaking the build (break21e
#21), so the fix is said in the message and left to a person."""

from __future__ import annotations

import re
from dataclasses import replace

from akool_cli.audit import rx
from akool_cli.audit.brackets import CLOSE, OPEN, QUOTES
from akool_cli.audit.rules import Fix, Hit

# A map type whose values are strings, as written before the map's literal (or its `mapOf(`).
STRING_MAP = rx.compile(
    r"Dictionary\s*<\s*string\s*,\s*string\s*>"  # C#
    r"|\b(?:Record|Map)\s*<\s*string\s*,\s*string\s*>"  # TypeScript
    r"|\[\s*\w+\s*:\s*string\s*\]\s*:\s*string\b"  # TypeScript: { [k: string]: string }
    r"|\b(?:Mutable|Hash|Linked|Sorted)?Map\s*<\s*String\s*,\s*String\??\s*>"  # Kotlin, Java
    r"|\b(?:mutable|hash|linked|sorted)?[mM]apOf\s*<\s*String\s*,\s*String\??\s*>"  # Kotlin
    r"|\[\s*String\s*:\s*String\s*\]"  # Swift
    r"|\bmap\s*\[\s*string\s*\]\s*string\b"  # Go
    r"|\b(?:dict|Dict|Mapping)\s*\[\s*str\s*,\s*str\s*\]"  # a Python annotation
)
# A map type whose values are numbers: a fix that quotes a value there (`1080` -> `"1080"`) breaks
# the build the same way (Swift's `[String: Int]`, a Python `dict[str, int]` annotation, ...).
NUMBER = r"(?:Int\d*|UInt\d*|Integer|Long|Short|Double|Float|Number|number|int\d*|uint\d*|float\d*|long|double|decimal)"
NUMBER_MAP = rx.compile(
    r"Dictionary\s*<\s*string\s*,\s*" + NUMBER + r"\s*>"  # C#
    r"|\b(?:Record|Map)\s*<\s*string\s*,\s*number\s*>"  # TypeScript
    r"|\[\s*\w+\s*:\s*string\s*\]\s*:\s*number\b"  # TypeScript: { [k: string]: number }
    r"|\b(?:Mutable|Hash|Linked|Sorted)?Map\s*<\s*String\s*,\s*"
    + NUMBER
    + r"\??\s*>"  # Kotlin, Java
    r"|\b(?:mutable|hash|linked|sorted)?[mM]apOf\s*<\s*String\s*,\s*" + NUMBER + r"\??\s*>"
    r"|\[\s*String\s*:\s*" + NUMBER + r"\s*\]"  # Swift
    r"|\bmap\s*\[\s*string\s*\]\s*" + NUMBER + r"\b"  # Go
    r"|\b(?:dict|Dict|Mapping)\s*\[\s*str\s*,\s*(?:int|float)\s*\]"  # a Python annotation
)
MOST_BACK = 2000  # characters looked back for the map's opening


def keep_types(lines: list[str], hit: Hit) -> Hit:
    """The hit, without its fix when that fix unquotes a value (`"2"` -> `2`, `"true"` ->
    `true`) inside a map typed as one of strings: the map's value type must change with it."""
    fix = hit.fix
    quotes = fix is not None and fix.line < len(lines) and _unquotes(fix.new, fix.old)
    if fix is not None and quotes and _in_string_map(lines, fix.line, fix.start, NUMBER_MAP):
        note = (  # (`1080` -> `"1080"` in a map of numbers)
            f" (the map holding it is typed as one of numbers: change its value type, then "
            f"send {fix.new}; --diff leaves it to a person)"
        )
        return replace(hit, fix=None, message=hit.message + note)
    if fix is not None and _literal_typed(lines, fix):
        note = (
            " (the field is typed by a Literal that does not hold it: change the annotation, "
            f"then send {fix.new}; --diff leaves it to a person)"
        )
        return replace(hit, fix=None, message=hit.message + note)
    if fix is None or fix.line >= len(lines) or not _unquotes(fix.old, fix.new):
        return hit
    if not _in_string_map(lines, fix.line, fix.start):
        return hit
    note = (
        f" (the map holding it is typed as one of strings: change its value type, then send "
        f"{fix.new}; --diff leaves it to a person)"
    )
    return replace(hit, fix=None, message=hit.message + note)


# A field annotated with a Python `Literal` (a TypedDict's or a model's `resolution:
# Literal["720p", "1080p"]`): a string the fix writes there fails the type check unless the
# annotation changes with it (break21h typed-map-value-patch).
LITERAL_FIELD = rx.compile(
    r"^[ \t]*(?P<n>[A-Za-z_]\w*)[ \t]*:[ \t]*(?:Optional\[|NotRequired\[|Required\[)?"
    r"(?:typing\.|t\.|typing_extensions\.)?Literal\[(?P<v>[^\]\n]*)\]",
    re.M,
)
# The key a value's fix is written for, before the value on its line: `"resolution": `, `resolution=`.
KEY_BEFORE = rx.compile(r"[\"']?(?P<k>[A-Za-z_]\w*)[\"']?\s*(?::|=)\s*$")
KEY_REACH = 400  # characters before a value its key (and the spaces after it) may take
_literal_names: list[tuple[list[str], dict[str, set[str]]]] = []  # (the last file asked)


def _literal_typed(lines: list[str], fix: Fix) -> bool:
    """Whether the fix changes one string to another for a key the file types by a `Literal`
    that does not hold the new one."""
    if not (fix.old[:1] in QUOTES and fix.new[:1] in QUOTES) or fix.line >= len(lines):
        return False
    literals = _literal_fields(lines)
    if not literals:
        return False  # (most files type no field by a Literal: no key looked for)
    # (the end of the line before the value only: a minified line's whole text searched for each
    # of its values was quadratic, 250 calls on one line 13 s)
    key = KEY_BEFORE.search(lines[fix.line][max(0, fix.start - KEY_REACH) : fix.start])
    if key is None:
        return False
    held = literals.get(key.group("k"))
    return held is not None and fix.new.strip("\"'") not in held


def _literal_fields(lines: list[str]) -> dict[str, set[str]]:
    """The fields a file types by a `Literal` (see LITERAL_FIELD) with the strings each holds,
    worked out once per file (none on a file whose lines never write `Literal[`)."""
    if not _literal_names or _literal_names[0][0] is not lines:
        names: dict[str, set[str]] = {}
        held = any("Literal[" in t for t in lines)  # (LITERAL_FIELD's own word, on one line)
        for m in LITERAL_FIELD.finditer("\n".join(lines)) if held else ():
            names.setdefault(m.group("n"), set()).update(re.findall(r"[\"']([^\"']*)[\"']", m["v"]))
        _literal_names[:] = [(lines, names)]
    return _literal_names[0][1]


def _unquotes(old: str, new: str) -> bool:
    return old[:1] in QUOTES and old[-1:] == old[:1] and new[:1] not in QUOTES


def _in_string_map(
    lines: list[str], line: int, column: int, typed: re.Pattern[str] = STRING_MAP
) -> bool:
    """Whether the innermost bracket that holds (line, column) opens a map whose type, written
    on its line before it (or on the line above when nothing is), has string values."""
    k, at, depth = line, column, 0
    looked = 0
    while k >= 0 and looked < MOST_BACK:
        text = lines[k]
        for i in range(min(at, len(text)) - 1, -1, -1):
            ch = text[i]
            if ch in CLOSE:
                depth += 1
            elif ch in OPEN:
                if depth == 0:
                    return _typed_before(lines, k, i, typed)
                depth -= 1
        looked += len(text) + 1
        k -= 1
        at = len(lines[k]) if k >= 0 else 0
    return False


def _typed_before(lines: list[str], line: int, column: int, typed: re.Pattern[str]) -> bool:
    before = lines[line][:column]
    if not before.strip() and line > 0:
        before = lines[line - 1]  # (`new Dictionary<string, string>` then `{` on its own line)
    return typed.search(before) is not None or _param_typed(lines, line, column, typed)


CALLEE_NAME = rx.compile(r"(?<![\w$])(?P<n>[A-Za-z_$][\w$]*)\s*$")
PAIRS = {"(": ")", "[": "]", "{": "}", "<": ">"}


def _param_typed(lines: list[str], line: int, column: int, typed: re.Pattern[str]) -> bool:
    """Whether the bracket at (line, column) is an argument of a call whose function the file
    declares with that parameter typed so (`post(url, Map.of(...))` beside `post(String url,
    Map<String, String> body)`, `def post(url: str, body: dict[str, str])`: break21i #29)."""
    text = lines[line]
    call = _enclosing_paren(text, column)
    name = CALLEE_NAME.search(text, 0, call) if call >= 0 else None
    if name is None:
        return False
    index = len(_split_top(text[call + 1 : column])) - 1
    whole = "\n".join(lines)
    word = re.escape(name.group("n"))
    for m in re.finditer(rf"(?<![\w$.]){word}\s*(?:=\s*(?:async\s*)?)?\(", whole):
        closed = _closing(whole, m.end() - 1)
        params = _split_top(whole[m.end() : closed]) if closed > 0 else []
        if index < len(params) and typed.search(params[index]):
            return True
    return False


def _enclosing_paren(text: str, column: int) -> int:
    depth = 0
    for i in range(column - 1, -1, -1):
        if text[i] in ")]}":
            depth += 1
        elif text[i] in "([{":
            if depth == 0:
                return i if text[i] == "(" else -1
            depth -= 1
    return -1


def _closing(text: str, opened: int) -> int:
    depth = 0
    for i in range(opened, min(len(text), opened + 600)):
        if text[i] in "([{":
            depth += 1
        elif text[i] in ")]}":
            depth -= 1
            if depth == 0:
                return i
    return -1


def _split_top(text: str) -> list[str]:
    """A list of arguments or parameters split at its top-level commas (`<...>` held too)."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in PAIRS:
            depth += 1
        elif ch in ")]}>" and depth > 0:
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    return [*parts, text[start:]]
