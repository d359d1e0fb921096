"""The value a member of a holder of the file's own names (`Res.FHD` of `enum Res { FHD =
"1080p" }`, of Python's `class Res(str, Enum): FHD = "1080p"` or a plain class's attribute, of
`const RES = Object.freeze({ FHD: "1080p" })`): where the member's value is written, so a field
sent as `resolution: Res.FHD` is judged by it; and the values of a lookup table of the file's
own (`RES = {"sd": "720p", "hd": "1080p"}`, Go's `map[string]string{...}`, a list) that a field
is sent as one entry of (`RES[quality]`, `RES.get(quality)`)."""

from __future__ import annotations

import re
from functools import lru_cache

from akool_cli.audit import brackets, rx

HOLDER_LINES = 60  # how far a Python class's body is looked in


@lru_cache(maxsize=1024)
def _holder(name: str) -> re.Pattern[str]:
    word = re.escape(name)
    return re.compile(
        rf"^[ \t]*(?:export\s+)?(?:const\s+)?enum\s+{word}\s*\{{"
        rf"|^[ \t]*(?:export\s+)?(?:const|let|var)\s+{word}\s*(?::[^=\n]*)?=\s*(?:Object\.freeze\(\s*)?\{{"
        rf"|^(?P<indent>[ \t]*)class\s+{word}\b[^\n:]*:[ \t]*$",
        re.M,
    )


@lru_cache(maxsize=1024)
def _member(name: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w$.])[\"']?{re.escape(name)}[\"']?\s*[=:](?![=:])\s*")


def member_value(text: str, holder: str, member: str) -> tuple[int, int] | None:
    """The span of the value written for `holder.member` in the file (up to the end of its
    line or entry), when the file defines `holder` once as an enum, a class or an object."""
    if holder not in text or member not in text:
        return None
    found = list(_holder(holder).finditer(text))
    if len(found) != 1:
        return None
    m = found[0]
    if m.group("indent") is not None:  # a Python class: its indented body
        start, end = m.end(), _class_end(text, m.end(), len(m.group("indent")))
    else:
        start, end = m.end(), brackets.matching(text, m.end() - 1, 1, len(text))
    if end < 0:
        return None
    value = _member(member).search(text, start, end)
    if value is None:
        return None
    stop = re.compile(r"[,}\n]").search(text, value.end(), end)
    return value.end(), (stop.start() if stop else end)


def _class_end(text: str, start: int, indent: int) -> int:
    """Where a Python class's body ends: the first line (of HOLDER_LINES) indented no deeper
    than its `class` line."""
    at = start
    for _ in range(HOLDER_LINES):
        nxt = text.find("\n", at + 1)
        if nxt < 0:
            return len(text)
        line = text[
            nxt + 1 : text.find("\n", nxt + 1) if text.find("\n", nxt + 1) >= 0 else len(text)
        ]
        if line.strip() and len(line) - len(line.lstrip()) <= indent:
            return nxt
        at = nxt
    return at


# A value that reads one entry of a table held in a name (`RES[quality]`, `$res[$q]`,
# `self.RES[q]`, Python's `RES.get(q)`), sent as it is or with a fallback after it.
TABLE_READ = rx.compile(
    r"\s*(?:\$|self\.|this\.|self::\$?|static::\$?)?(?P<n>[A-Za-z_]\w*)\s*"
    r"(?:\[\s*(?P<k>[^\[\]\n]+?)\s*\]|\.get\(\s*(?P<g>[^(),\n]+?)\s*(?:,[^()\n]*)?\))"
    r"(?=\s*(?:$|\?\?|\|\||\bor\b))"
)
# A table's text where its name is bound: a dict, an object, a PHP or Ruby hash, a list, Go's
# `map[string]string{...}` or `[]string{...}`.
TABLE_OPEN = rx.compile(
    r"\s*(?:map\[\w+\]\w+\s*|(?P<slice>\[\]\w+\s*)|Object\.freeze\(\s*)?(?P<o>[\[{])"
)
SCALAR = r"\"[^\"\n]*\"|'[^'\n]*'|-?\d+(?:\.\d+)?"
# One entry of a flat table: its key and its literal value (`"sd": "720p"`, `sd: "720p"`,
# `'sd' => '720p'`), or a list's element.
ENTRY = rx.compile(
    rf"(?P<key>{SCALAR}|[A-Za-z_$][\w$]*)\s*(?::|=>)\s*(?P<v>{SCALAR})\s*(?=[,}}\n]|$)"
)
ELEMENT = rx.compile(rf"(?P<v>{SCALAR})\s*(?=[,\]}}\n]|$)")
TABLE_ENTRIES = 40  # a table longer than this is data, not a choice of values


def table_read(value: str) -> re.Match[str] | None:
    """The table name and key of a value that is one table entry (see TABLE_READ)."""
    if "[" not in value and ".get(" not in value:
        return None
    m = TABLE_READ.match(value)
    return m if m is not None and m.group("k") != "" else None


def table_values(text: str, start: int, key: str) -> list[tuple[int, int]]:
    """The spans of the values of the flat table whose text starts at `start` (where its name is
    bound) that a read with `key` may give: the entry a literal key names, else every entry;
    none when the table is no flat table of literals (a nested one, a computed one)."""
    m = TABLE_OPEN.match(text, start)
    if m is None:
        return []
    opened = m.start("o")
    end = brackets.matching(text, opened, 1, min(len(text), opened + 4000))
    if end < 0:
        return []
    body = text[opened + 1 : end]
    if any(c in body for c in "[]{}()"):
        return []  # (nested tables and computed values: not one value per entry)
    listed = text[opened] == "[" or m.group("slice") is not None  # (Go's `[]string{...}`)
    pattern = ELEMENT if listed and "=>" not in body else ENTRY
    entries = list(pattern.finditer(text, opened + 1, end))
    if not entries or len(entries) > TABLE_ENTRIES:
        return []
    if pattern is ELEMENT and len(entries) != body.count(",") + (
        0 if body.rstrip().endswith(",") else 1
    ):
        return []  # (a list with other elements than literals)
    if pattern is ENTRY and _literal(key):
        entries = [e for e in entries if e.group("key").strip("\"'") == key.strip("\"'")]
    return [e.span("v") for e in entries]


def _literal(key: str) -> bool:
    return key[:1] in ('"', "'") and key[-1:] == key[:1]


# -- Python enums numbered by `auto()` -------------------------------------------------------------

# A Python enum class whose members `auto()` numbers (`class S(IntEnum):`; Flag's powers of two and
# StrEnum's names are not counted), and one member line of its body.
AUTO_ENUM = rx.compile(
    r"^(?P<indent>[ \t]*)class\s+(?P<enum>[A-Za-z_]\w*)\s*\(\s*(?:enum\.)?(?:IntEnum|Enum)\s*\)\s*:[ \t]*$",
    re.M,
)
AUTO_MEMBER = rx.compile(
    r"^[ \t]+(?P<name>[A-Za-z_]\w*)\s*=\s*(?:(?P<auto>(?:enum\.)?auto\(\s*\))|(?P<value>-?\d+))\s*(?:#.*)?$"
)


def auto_numbered(text: str) -> dict[str, list[int]]:
    """The numbers of the members of the file's Python enums that `auto()` numbers (from 1, or on
    from the member before: `QUEUED = auto(); DONE = 2; PROCESSING = auto()` is 1, 2, 3), by the
    member's name and by `Enum.NAME`; an enum no member of which is `auto()` is not read here."""
    found: dict[str, list[int]] = {}
    if "auto()" not in text:
        return found
    for m in AUTO_ENUM.finditer(text):
        end = _class_end(text, m.end(), len(m.group("indent")))
        members = [AUTO_MEMBER.match(line) for line in text[m.end() : end].split("\n")]
        if not any(k is not None and k.group("auto") for k in members):
            continue
        last = 0
        for k in members:
            if k is None:
                continue
            last = last + 1 if k.group("auto") else int(k.group("value"))
            found.setdefault(k.group("name"), []).append(last)
            found.setdefault(f"{m.group('enum')}.{k.group('name')}", []).append(last)
    return found
