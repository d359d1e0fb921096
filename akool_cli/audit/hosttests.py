"""Where an AKOOL URL is data the code compares, tests or replaces rather than calls (a migration
of saved URLs off the retired host, a guard test that the base is not it): no call's host."""

from __future__ import annotations

import re

from akool_cli.audit import rx
from akool_cli.audit.scopes import indent

# The callees that take a string to look for or replace, not a URL to request: `url.replace(OLD,
# NEW)`, `startswith`, `includes`, Go's `strings.HasPrefix`/`Replace`, PHP's `str_replace`,
# Ruby's `start_with?`/`gsub`, `re.sub`, `len(OLD)` (a prefix's length, to cut it off).
TESTING = frozenset(
    {"replace", "replaceAll", "replace_all", "Replace", "ReplaceAll", "str_replace", "preg_replace"}
    | {"sub", "gsub", "subn", "startswith", "startsWith", "StartsWith", "start_with?", "HasPrefix"}
    | {"endswith", "endsWith", "EndsWith", "end_with?", "HasSuffix", "includes", "include?"}
    | {"indexOf", "contains", "Contains", "str_contains", "str_starts_with", "strpos", "index"}
    | {"TrimPrefix", "TrimSuffix", "removeprefix", "removesuffix", "len", "strlen", "match"}
    | {"test", "search", "equals", "Equals", "equalsIgnoreCase", "EqualFold", "length", "has"}
    | {"NewReplacer", "REPLACE", "REGEXP_REPLACE", "regexp_replace"}  # (Go's; SQL's UPDATE ... SET)
)
CALLEE = rx.compile(r"(?P<c>[A-Za-z_$][\w$]*\??)\s*$")
# (PowerShell's operators too: `$text -replace 'https://api.akool.com', 'https://openapi...'`.)
# (and SQL's `WHERE url LIKE 'https://api.akool.com%'`: a query for the rows to migrate)
COMPARED_BEFORE = rx.compile(
    r"(?:===|!==|==|!=|\bis\s+not|\bis|(?i:\s-[ci]?(?:replace|eq|ne|(?:not)?(?:match|like)))"
    r"|\bI?LIKE)\s*$"
)
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
    if _pair(line, start, end) or SEARCHED.search(line, 0, start):
        return True
    if _result_compared(lines, i, start, end) or _rewrite_rule(lines, i, start, end):
        return True
    if _substitution(line, start, end) or _literal_searched(line, start, end):
        return True
    if _expected_to_fail(lines, i, start):
        return True
    bound = BOUND.match(line[:start])
    if bound is None or line[end:].strip(" ;,").removeprefix(".freeze") not in ("", ")"):
        bound = LISTED.match(line[:start])
        if bound is None or not LIST_END.match(line, end):
            return False
    return _only_tested(lines, bound.group("n"), i)


def bare_compared(line: str, start: int, end: int) -> bool:
    """Whether an unquoted URL at [start, end) of a line is a directive's first of a pair of
    AKOOL URLs (nginx's `proxy_redirect OLD NEW;`) or a search command's argument."""
    if len(line) > LONGEST:
        return False
    return _pair(line, start, end) or SEARCHED.search(line, 0, start) is not None


# One AKOOL URL paired with another at the same path, as a rewrite's (old, new): a tuple's or an
# array's two items (`("https://api.akool.com", "https://openapi.akool.com")`, JS's `[[old, new]]`
# for a Map), or a directive's two words (nginx's `proxy_redirect old new;`, `sub_filter 'old'
# 'new';`). Two URLs of different paths are two to call, not a rewrite.
PAIR_ITEM = rx.compile(r"""\s*,\s*["'`](?P<u>https?://[\w.-]*akool\.com[^"'`\s]*)["'`]\s*[)\]]""")
DIRECTIVE_PAIR = rx.compile(
    r"""\s+["'`]?(?P<u>https?://[\w.-]*akool\.com[^"'`\s;]*)["'`]?\s*;\s*$"""
)
REQUESTING = rx.compile(r"(?i)\b(?:curl|wget|http|xh|fetch|get|post|request)\b")
URL_PATH = rx.compile(r"https?://[\w.-]*akool\.com(?P<p>[^\"'`\s;]*)")
# A search command's argument: `grep -rq "https://api.akool.com" config/` (a guard that the old
# host is gone), ripgrep, git grep.
# The command may follow a shell keyword or a Makefile recipe's prefix (`if git grep -n ...; then`,
# `@! rg -q ...`: a CI step that fails the build while the old host is still present).
SEARCHED = rx.compile(
    r"(?:^|[|;&(]|\$\()\s*(?:(?:if|elif|while|until|then|do|sudo|command)\s+|[!@-]\s*)*"
    r"(?:git\s+grep|[ez]?grep|fgrep|rg|ag|ack)\b[^|;&]*$"
)


def _pair(line: str, start: int, end: int) -> bool:
    """Whether a text at [start, end) of a line is the first of a pair of AKOOL URLs at one
    path (see PAIR_ITEM): a tuple's or an array's opened right before it, or a directive's."""
    before = line[:start].rstrip()
    if before[-1:] in ("(", "[") and (m := PAIR_ITEM.match(line, end)) is not None:
        call = before[:-1].rstrip()[-1:].isidentifier() and before[-1:] == "("
        return not call and _same_path(line[start:end], m.group("u"))
    m = DIRECTIVE_PAIR.match(line, end)
    return (
        m is not None
        and len(line[:start].split()) == 1
        and REQUESTING.search(line) is None
        and _same_path(line[start:end], m.group("u"))
    )


def _same_path(first: str, second: str) -> bool:
    one, other = URL_PATH.search(first), URL_PATH.search(second)
    if one is None or other is None:
        return False
    return one.group("p").rstrip("/") == other.group("p").rstrip("/")


# A rewrite rule written as a record of two named fields, in code or in a config file:
# `{ from: "https://api.akool.com", to: "https://openapi.akool.com" }` (the `to` on the same line or
# the next), YAML's `- from: https://api.akool.com/` over `to: https://openapi.akool.com/`, Ruby's and
# PHP's `'from' => ...`, Go's `{From: ..., To: ...}`. The new side must be another AKOOL URL at the
# same path: a record that only names the old host is no rewrite.
RULE_FROM = rx.compile(
    r"""(?:^|[{,(\s])["']?(?i:from|old|source|src|legacy|before|match)["']?\s*(?::|=>?)\s*$"""
)
RULE_TO = rx.compile(
    r"""\s*,?\s*["']?(?i:to|new|target|dest|destination|replacement|replace|after)["']?\s*"""
    r"""(?::|=>?)\s*["'`]?(?P<u>https?://[\w.-]*akool\.com[^"'`\s,}]*)"""
)


def _rewrite_rule(lines: list[str], i: int, start: int, end: int) -> bool:
    """Whether the AKOOL URL at [start, end) of line i is a rewrite rule's old side (see RULE_FROM)."""
    line = lines[i]
    if RULE_FROM.search(line, 0, max(0, start)) is None:
        return False
    new = RULE_TO.match(line, end) if end < len(line) else None
    if new is None and i + 1 < len(lines) and len(lines[i + 1]) <= LONGEST:
        new = RULE_TO.match(lines[i + 1])
    return new is not None and _same_path(line[start:end], new.group("u"))


# A sed/perl substitution whose pattern names the old host (`sed -i 's#https://api.akool.com#https:
# //openapi.akool.com#g' .env`): a migration of saved text. One whose replacement writes a host that
# is not AKOOL's API host migrates onto it, and stays a finding.
SUBSTITUTION = rx.compile(
    r"s(?P<d>[#|/,:@!%+])(?P<old>(?:(?!(?P=d)).)*)(?P=d)(?P<new>(?:(?!(?P=d)).)*)(?P=d)[a-z]*$"
)
SUBSTITUTES = rx.compile(r"(?:^|[\s;|&(])(?:g?sed|perl)\s")
OTHER_HOST = rx.compile(r"//(?!openapi\.akool\.com)[\w.-]*akool\.com")


def _substitution(line: str, start: int, end: int) -> bool:
    """Whether the quoted text at [start, end) of a line is a sed/perl substitution that rewrites
    the old host (see SUBSTITUTION)."""
    if line[start + 1 : start + 2] != "s":
        return False
    m = SUBSTITUTION.match(line, start + 1, end - 1)
    if m is None or SUBSTITUTES.search(line, 0, start) is None:
        return False
    return "akool" in m.group("old") and OTHER_HOST.search(m.group("new")) is None


# A list written where it is searched: `new Set(["https://api.akool.com", ...]).has(origin)`,
# `["https://api.akool.com", ...].includes(origin)`.
LIST_OPENED = rx.compile(r"""\[\s*(?:["'][^"'\n]*["']\s*,\s*)*$""")
LIST_SEARCHED = rx.compile(
    r"""(?:\s*,\s*["'][^"'\n]*["'])*\s*,?\s*\]\s*\)?\s*\.\s*(?P<m>[A-Za-z_]\w*\??)\s*\("""
)


def _literal_searched(line: str, start: int, end: int) -> bool:
    """Whether the literal at [start, end) of a line is an item of a list searched right there."""
    m = LIST_SEARCHED.match(line, end)
    return (
        m is not None and m.group("m") in TESTING and LIST_OPENED.search(line, 0, start) is not None
    )


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


# `LEGACY = ["https://api.akool.com"]` (a list, tuple or set of literals, TypeScript's `as const`):
# the name's uses decide, as for one literal.
LISTED = rx.compile(
    r"^\s*(?:(?:export\s+)?(?:const|let|var|val|final|static|private|public|readonly)\s+)*"
    r"(?P<n>[A-Za-z_]\w*)\s*(?::\s*[\w.\[\]<>]+\s*)?=\s*(?:(?:frozenset|set|tuple|list|new\s+Set)\(\s*)?"
    r"""[\[({](?:\s*["'][^"'\n]*["']\s*,)*\s*$"""
)
LIST_END = rx.compile(r"""(?:\s*,\s*["'][^"'\n]*["'])*\s*,?\s*[\])}]+\s*(?:as\s+const\s*)?;?\s*$""")
# What a test compares a call's result with: another AKOOL URL (`assert normalise(OLD) == NEW`,
# `expect(normalise(OLD)).toBe(NEW)`, `assertEquals(normalise(OLD), NEW)`).
RESULT_COMPARED = rx.compile(
    r"""^\s*\)*\s*(?:===?|\)?\.to(?:Be|Equal)\(|,)\s*\\?\s*["'`]https?://[\w.-]*akool\.com"""
)
ASSERTS = rx.compile(r"(?i)\b(?:assert\w*|expect|equal\w*|check)\b")


def _result_compared(lines: list[str], i: int, start: int, end: int) -> bool:
    """Whether the text at [start, end) of line i is the argument of a call whose result an
    assertion compares with another AKOOL URL (see RESULT_COMPARED): a rewrite's test."""
    line = lines[i]
    opener = _opening(line, start)
    close = _closing(line, end)
    if opener < 0 or close < 0 or not ASSERTS.search(line, 0, opener):
        return False
    rest = line[close + 1 :]
    if rest.rstrip().endswith("\\") and i + 1 < len(lines):
        rest = rest.rstrip()[:-1] + " " + lines[i + 1]
    return RESULT_COMPARED.match(rest) is not None


def _closing(line: str, at: int) -> int:
    """The `)` that closes the brackets open at the column `at` of its line (-1: none)."""
    depth = 0
    for j in range(at, len(line)):
        c = line[j]
        if c in "([{":
            depth += 1
        elif c in ")]}":
            if depth == 0:
                return j if c == ")" else -1
            depth -= 1
    return -1


# A table's entry from an AKOOL URL to a message about it (`{"https://api.akool.com": "retired in
# 2024, use openapi.akool.com"}`): a note looked up by the URL, three words or more, no URL, that
# says the URL is out of use (a table of URLs to descriptions may be a list of calls).
MESSAGE_VALUE = rx.compile(r"""\s*(?::|=>)\s*(?P<q>["'])(?P<v>(?:(?!(?P=q)).)*)(?P=q)""")
OUT_OF_USE = rx.compile(
    r"(?i)\b(?:retired|deprecated|legacy|obsolete|removed|replaced|moved|no\s+longer|use)\b"
)


def _redirect_entry(line: str, start: int, end: int) -> bool:
    """Whether a text at [start, end) of a line is a table entry's key whose value is another
    AKOOL URL (see TABLE_VALUE) or a message about it (see MESSAGE_VALUE)."""
    before = line[:start].rstrip()
    if before[-1:] not in ENTRY_OPENS:
        return False
    if TABLE_VALUE.match(line, end) is not None:
        return True
    note = MESSAGE_VALUE.match(line, end)
    if note is None or "://" in note["v"] or len(note["v"].split()) < 3:
        return False
    return OUT_OF_USE.search(note["v"]) is not None


# A list's name searched: `LEGACY.includes(host)`, `LEGACY.some((l) => url.startsWith(l))` (a
# test in its callback), `host in LEGACY` (not `for h in LEGACY`).
SEARCHED_LIST = rx.compile(r"\s*\.\s*(?P<m>[A-Za-z_]\w*\??)\s*\(")
CALLBACK_TESTS = frozenset({"some", "every", "find", "findIndex", "filter", "any?", "all?"})
FOR_IN = rx.compile(r"\bfor\s+(?P<x>[A-Za-z_]\w*)\s+in\s*$")
MEMBER_OF = rx.compile(r"\bin\s*$")
TESTING_CALL = rx.compile(r"\.\s*(?P<c>[A-Za-z_]\w*\??)\s*\(")


def _searched_in(line: str, start: int, end: int) -> bool:
    """Whether a list's name at [start, end) of a line is searched (see SEARCHED_LIST)."""
    method = SEARCHED_LIST.match(line, end)
    if method is not None and method.group("m") in TESTING:
        return True
    if method is not None and method.group("m") in CALLBACK_TESTS:
        return any(c.group("c") in TESTING for c in TESTING_CALL.finditer(line, method.end()))
    before = line[:start]
    loop = FOR_IN.search(before)
    if loop is not None:  # (`any(url.startswith(h) for h in LEGACY)`: the item tested there)
        tested = rf"\.\s*(?P<c>[A-Za-z_]\w*\??)\s*\(\s*{re.escape(loop.group('x'))}\s*\)"
        return any(c.group("c") in TESTING for c in re.finditer(tested, line))
    return MEMBER_OF.search(before) is not None


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
            if not (_tested(text, m.start(), m.end()) or _searched_in(text, m.start(), m.end())):
                return False
            uses += 1
    return uses > 0


# A test that the old host is refused: given inside a function an assertion expects to throw
# (`expect(() => createAkool({ baseURL: OLD })).toThrow()`, Java's `assertThrows(X.class, () ->
# new Akool(OLD))`), or in the block of Python's `with pytest.raises(...)`/`self.assertRaises(...)`.
THROWN = rx.compile(r"(?:=>|->|\blambda\b)[^\n]*$")
EXPECTS_THROW = rx.compile(
    r"\.(?:toThrow\w*|rejects)\b|\b(?:assertThrows|assertThrowsExactly|expectThrows|assert\.throws"
    r"|assert\.rejects|assertRaises\w*|pytest\.raises)\s*\("
)
RAISES_BLOCK = rx.compile(
    r"^(?P<i>\s*)(?:async\s+)?with\s+(?:pytest\.raises|self\.assertRaises\w*)\s*\("
)
RAISES_SCAN = 3  # (the lines above a block's statement its `with` may be on)
THROW_WORDS = ("hrow", "rejects", "aises")  # (each of EXPECTS_THROW's forms holds one)


def expects_failure(lines: list[str], i: int, start: int) -> bool:
    """Whether a value at `start` of line i is given where a test expects an exception: as for an
    old host (see _expected_to_fail), or inside an `expect(...)` the line expects to reject or
    throw (`await expect(client.talk(p, a, "720p")).rejects.toThrow()`): a test of a guard."""
    line = lines[i]
    if len(line) > LONGEST:
        return False
    if _expected_to_fail(lines, i, start):
        return True
    opened = line.rfind("expect(", 0, start)
    thrown = opened >= 0 and any(w in line for w in THROW_WORDS)
    return thrown and EXPECTS_THROW.search(line, start) is not None


def _expected_to_fail(lines: list[str], i: int, start: int) -> bool:
    """Whether a literal at `start` of line i is given where a test expects an exception (see
    THROWN, EXPECTS_THROW, RAISES_BLOCK)."""
    line = lines[i]
    thrown = any(w in line for w in THROW_WORDS) and THROWN.search(line, 0, start)
    if thrown and EXPECTS_THROW.search(line):
        return True
    depth = indent(line)
    for k in range(i - 1, max(-1, i - 1 - RAISES_SCAN), -1):
        above = lines[k]
        if not above.strip():
            continue
        if "with" not in above and indent(above) >= depth:
            continue  # (an earlier statement of the same block)
        m = RAISES_BLOCK.match(above)
        if m is not None:
            return len(m["i"]) < depth
        if indent(above) < depth:
            return False  # (another block's head: not a raises block)
    return False
