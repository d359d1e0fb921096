"""The bracket that matches another, found by scanning a text in one direction outside string
literals: forward to the one that closes a bracket, backward to the one that opens around an
offset."""

from __future__ import annotations

QUOTES = "\"'`"
OPEN, CLOSE = "([{", ")]}"


def matching(text: str, at: int, step: int, limit: int) -> int:
    """Forward (step 1): the bracket that closes the one at `at`. Backward (step -1): the bracket
    that opens around `at`. Scanned up to `limit` (not included); -1 when none is found."""
    deeper, match = (OPEN, CLOSE) if step > 0 else (CLOSE, OPEN)
    depth, quote = 0, ""
    for k in range(at + step, limit, step):
        c = text[k]
        if quote:
            quote = "" if c == quote and text[k - 1 : k] != "\\" else quote
        elif c in QUOTES:
            quote = c
        elif c in deeper:
            depth += 1
        elif c in match:
            if depth == 0:
                return k
            depth -= 1
    return -1


def walk(
    text: str, start: int, limit: int, stops: str = "", *, anywhere: str = "", quoted: bool = True
) -> int:
    """Forward from `start` to `limit` (not included): the first offset where a bracket closes
    one opened before `start`, where a character of `stops` stands outside the brackets opened
    since, or one of `anywhere` stands at any depth; outside string literals when `quoted`.
    `limit` when there is none. (A value's end, an argument's comma, a call's close.) In a
    string literal a backslash escapes the character after it: `"C:\\\\"` ends at its quote."""
    depth, quote, escaped = 0, "", False
    for k in range(start, limit):
        c = text[k]
        if quote:
            if escaped:
                escaped = False
            elif c == "\\":
                escaped = True
            elif c == quote:
                quote = ""
        elif quoted and c in QUOTES:
            quote = c
        elif c in OPEN:
            depth += 1
        elif c in CLOSE:
            if depth == 0:
                return k
            depth -= 1
        elif c in anywhere or (depth == 0 and c in stops):
            return k
    return limit
