"""State names given to a status read in the expression that reads it, not in a named table:
a literal table looked up by the read (Python's `{1: "queued", 2: "done"}[d["video_status"]]`,
`{...}.get(s)`, JavaScript's `({ 1: "queued", 2: "done" })[s]`) and PHP 8's `match ($s) { 1 =>
'queued', 2 => 'done', default => '?' }` on one line: each number with the word it maps to."""

from __future__ import annotations

from collections.abc import Iterator

from akool_cli.audit import brackets, rx

# The literal table right before the read: `}[`, `})[`, `}.get(`, `}).get(`.
# (the read's own chain between: `}[d["` before `video_status`)
CHAIN = r"[\w$.?\[\]\"'()>-]*"
TABLE_BEFORE = rx.compile(r"\}\s*\)?\s*(?:\[|\.get\()\s*" + CHAIN + "$")
# PHP's match on the read, its arms after it: `match (` before, `) {` after.
MATCH_BEFORE = rx.compile(r"\bmatch\s*\(\s*" + CHAIN + "$")
MATCH_AFTER = rx.compile(r"[\"'\]]*\s*\)\s*\{")
# A number mapped to a word: `2: "done"`, `2 => 'done'`.
PAIR = rx.compile(r"(?<![\w.$])(?P<n>-?\d+)\s*(?::|=>)\s*[\"'](?P<w>[^\"'\n]{1,40})[\"']")
LONGEST = 400  # characters a one-line table or match may span


def pairs(line: str, start: int, end: int) -> Iterator[tuple[int, str, str]]:
    """(column, number as written, word) for each arm of a literal table or a match that maps the
    read at line[start:end] to words."""
    before = line[max(0, start - LONGEST) : start]
    table = TABLE_BEFORE.search(before) if "}" in before else None
    if table is not None:
        close = table.start() + max(0, start - LONGEST)
        opened = _opener(line, close)
        if opened is not None:
            yield from _pairs(line, opened, close)
        return
    if "match" in before and MATCH_BEFORE.search(before):
        arms = MATCH_AFTER.match(line, end)
        if arms is not None:
            close = line.find("}", arms.end(), arms.end() + LONGEST)
            yield from _pairs(line, arms.end(), close) if close > 0 else ()


def _opener(line: str, close: int) -> int | None:
    """The `{` that the `}` at `close` closes, on the same line (None: it opens above)."""
    opened = brackets.matching(line, close, -1, max(-1, close - LONGEST))
    return opened if opened >= 0 and line[opened] == "{" else None


def _pairs(line: str, start: int, end: int) -> Iterator[tuple[int, str, str]]:
    for m in PAIR.finditer(line, start, end):
        yield m.start("n"), m.group("n"), m.group("w")


# The key an object, a dict or keyword argument gives a comparison's value (`{"done": s == 2`,
# `{ ready: s === 3`, `['done' => $s == 2`, `dict(done=s == 2`): the comparison and nothing else
# between the key and the operator (no `=>` of an arrow function, no `?` of a ternary).
KEYED = rx.compile(
    r"(?:[{,(\[]|^)\s*[\"']?(?P<key>[A-Za-z_]\w*)[\"']?\s*(?::|=>|=(?![=>]))\s*"
    r"(?P<value>[^,{};:=<>!?]*)$"
)


def key_of(line: str, op: str) -> str | None:
    """The key whose value is the line's one comparison (see KEYED), if such a key holds it."""
    at = line.find(op)
    if at <= 0 or not any(c in line[:at] for c in "{(["):
        return None
    m = KEYED.search(line[:at])
    if (
        m is None
        or "=>" in m.group("value")
        or m.group("value").count("(") != m.group("value").count(")")
    ):
        return None
    return m.group("key")
