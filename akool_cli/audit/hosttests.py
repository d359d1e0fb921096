"""Where an AKOOL URL is data the code compares, tests or replaces rather than calls (a migration
of saved URLs off the retired host, a guard test that the base is not it): no call's host."""

from __future__ import annotations

import re

from akool_cli.audit import rx

# The callees that take a string to look for or replace, not a URL to request: `url.replace(OLD,
# NEW)`, `startswith`, `includes`, Go's `strings.HasPrefix`/`Replace`, PHP's `str_replace`,
# Ruby's `start_with?`/`gsub`, `re.sub`, `len(OLD)` (a prefix's length, to cut it off).
TESTING = frozenset(
    {"replace", "replaceAll", "replace_all", "Replace", "ReplaceAll", "str_replace", "preg_replace"}
    | {"sub", "gsub", "subn", "startswith", "startsWith", "StartsWith", "start_with?", "HasPrefix"}
    | {"endswith", "endsWith", "EndsWith", "end_with?", "HasSuffix", "includes", "include?"}
    | {"indexOf", "contains", "Contains", "str_contains", "str_starts_with", "strpos", "index"}
    | {"TrimPrefix", "TrimSuffix", "removeprefix", "removesuffix", "len", "strlen", "match"}
    | {"test", "search", "equals", "Equals", "equalsIgnoreCase", "EqualFold", "length"}
)
CALLEE = rx.compile(r"(?P<c>[A-Za-z_$][\w$]*\??)\s*$")
COMPARED_BEFORE = rx.compile(r"(?:===|!==|==|!=|\bis\s+not|\bis)\s*$")
COMPARED_AFTER = rx.compile(r"^\s*(?:===|!==|==|!=|\bnot\s+in\b|\bin\b)")
# `NAME = "https://api.akool.com"` (or `const`, `:=`, a class constant): the name's uses decide.
BOUND = rx.compile(
    r"^\s*(?:(?:export\s+)?(?:const|let|var|val|final|static|private|public|readonly)\s+)*"
    r"(?:[\w<>\[\]?]+\s+)?\$?(?P<n>[A-Za-z_]\w*)\s*(?::\s*[\w.]+\s*)?(?::=|=(?![=>]))\s*$"
)
# A table's entry from one AKOOL URL to another (`{"https://api.akool.com": "https://openapi.akool.com"}`,
# Ruby's/PHP's `=>`): a redirect of saved URLs, whose key is looked up, not requested. The key must
# open an entry (after `{`, `[`, `(`, `,` or at the line's start), so a ternary's `? OLD : NEW` is no table.
TABLE_VALUE = rx.compile(r"""\s*(?::|=>)\s*["'`]https?://[\w.-]*akool\.com\b""")
ENTRY_OPENS = ("", "{", "[", "(", ",")
LONGEST = 2000  # (a minified line: not read)
LENGTH = rx.compile(r"\s*\.\s*(?:length|Length|size|count|Count)\b(?!\s*\()")


def compared(lines: list[str], i: int, start: int, end: int) -> bool:
    """Whether the literal [start, end) of line i (an AKOOL URL with its quotes) is only
    compared, tested or replaced (see TESTING), or held by a name that is only used so."""
    line = lines[i]
    if len(line) > LONGEST:
        return False
    if _tested(line, start, end) or _redirect_entry(line, start, end):
        return True
    bound = BOUND.match(line[:start])
    if bound is None or line[end:].strip(" ;,") not in ("", ")"):
        return False
    return _only_tested(lines, bound.group("n"), i)


def _tested(line: str, start: int, end: int) -> bool:
    """Whether a text at [start, end) of a line is an argument of a TESTING callee or one side of
    a comparison (`==`, `in`)."""
    if COMPARED_BEFORE.search(line, 0, start) or COMPARED_AFTER.match(line[end:]):
        return True
    opener = _opening(line, start)
    if opener < 0:
        return False
    callee = CALLEE.search(line, 0, opener)
    return callee is not None and callee.group("c") in TESTING


def _redirect_entry(line: str, start: int, end: int) -> bool:
    """Whether a text at [start, end) of a line is a table entry's key whose value is another
    AKOOL URL (see TABLE_VALUE)."""
    before = line[:start].rstrip()
    return before[-1:] in ENTRY_OPENS and TABLE_VALUE.match(line, end) is not None


def _opening(line: str, at: int) -> int:
    """The `(` whose arguments hold the column `at` on its line (-1: none)."""
    depth = 0
    for j in range(at - 1, -1, -1):
        c = line[j]
        if c in ")]}":
            depth += 1
        elif c in "([{":
            if depth == 0:
                return j if c == "(" else -1
            depth -= 1
    return -1


def _only_tested(lines: list[str], name: str, bound: int) -> bool:
    """Whether every use of a name (outside its binding) is an argument of a TESTING callee or a
    comparison's side, and there is one at least."""
    word = re.compile(rf"(?<![\w$.]){re.escape(name)}(?![\w$])")
    uses = 0
    for k, text in enumerate(lines):
        if name not in text or len(text) > LONGEST:
            continue
        for m in word.finditer(text) if k != bound else ():  # (not the binding itself)
            if LENGTH.match(text, m.end()):
                uses += 1  # (`url.slice(OLD.length)`: the prefix's length, to cut it off)
                continue
            if not _tested(text, m.start(), m.end()):
                return False
            uses += 1
    return uses > 0
