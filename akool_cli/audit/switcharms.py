"""The arms of a switch expression on a status read, written where a switch statement's cases
are not (one case a line): C#'s `st switch { 1 => "queued", 2 => "done", _ => "unknown" }` (on
one line or over lines), and Kotlin's `when (st) { 2 -> "done"; else -> "x" }` and Java's
`switch (st) { case 2 -> "done"; default -> "x"; }` written on one line: each arm's values,
where they are written, and the text its body gives."""

from __future__ import annotations

from akool_cli.audit import brackets, rx

# What follows the read before C#'s `switch` (a closing quote or bracket, a conversion:
# `.GetInt32()`), and before the brace of a switch whose head is the line's (`when (st) {`).
C_SHARP_SWITCH = rx.compile(r"""["'`]?\s*[)\]]*(?:\.\w+\(\s*\))*\s*[)\]]*\s*switch\s*(?=\{|$|\n)""")
HEAD_BRACE = rx.compile(r"""["'`]?\s*[)\]]*(?:\.\w+\(\s*\))*\s*[)\]]*\s*(?=\{)""")
# An arm: its values (numbers, C#'s `or`, Kotlin's commas, Java's `case 2, 3`), the arrow, its
# body up to the next arm (a comma or a semicolon) or the block's end.
ARM = rx.compile(
    r"(?:^|[{,;\n])\s*(?:case\s+)?(?P<values>-?\d+(?:\s*(?:,|\||\bor\b)\s*-?\d+)*)\s*(?:=>|->)"
    r"\s*(?P<body>[^,;\n}]*)"
)
BLOCK_CHARS = 2000  # (the longest switch expression read: a longer block is not one)


def arms(text: str, at: int, headed: bool) -> list[tuple[int, str, list[str]]]:
    """The arms of the switch expression the text opens right after a read at `at` ends (C#'s
    `switch`, or, when the line's head is a switch or a when (`headed`), the brace of one
    written on one line): (where its values start, them, its body), [] when it opens none."""
    shape = HEAD_BRACE if headed else C_SHARP_SWITCH
    opened = shape.match(text, at, at + 200)
    if opened is None:
        return []
    brace = opened.end()
    while brace < len(text) and text[brace] in " \t\r\n" and brace < at + 200:
        brace += 1  # (C#'s brace on the line below its `switch`)
    if text[brace : brace + 1] != "{":
        return []
    close = brackets.matching(text, brace, 1, min(len(text), brace + BLOCK_CHARS))
    if close < 0 or (headed and "\n" in text[brace:close]):
        return []  # (a when or a switch over lines: its cases are read a line each)
    return [
        (m.start("values"), m["values"].strip(), [m["body"]])
        for m in ARM.finditer(text, brace, close)
    ]
