"""JSON written inside strings that escape their quotes without a backslash (C#'s verbatim
`@"{""k"": 1}"`, PowerShell's `"{`"k`": 1}"` and `"{""k"": 1}"`) read as the `\\"`-escaped JSON
the field rules know: each escape becomes `\\"`, two characters for two, so every offset (and
so every finding and fix) stays where the file has it; `Text.source` keeps the file's own."""

from __future__ import annotations

from akool_cli.audit import rx

# Where a string that doubles its quotes opens: C#'s verbatim `@"`, `$@"`, `@$"` (any number of
# `$`: C# 11's raw interpolation is no verbatim string); PowerShell's `"` that opens a JSON text.
VERBATIM = rx.compile(r"(?<![\w\"])(?:@\$?|\$@)\"")
PS_JSON = rx.compile(r"(?<![\w\"`])\"(?=\s*[{\[])")
STRING_OPENERS = {"csharp": VERBATIM, "powershell": PS_JSON}
BACKTICK = "`"


def recoded(text: str, language: str) -> str:
    """The text with its doubled (and, in PowerShell, backtick-escaped) quotes inside strings
    written as `\\"`; the text itself when the language writes none (most files)."""
    opener = STRING_OPENERS.get(language)
    if opener is None or ('""' not in text and BACKTICK + '"' not in text):
        return text
    chars = list(text)
    ps = language == "powershell"
    if ps and BACKTICK + '"' in text:
        at = text.find(BACKTICK + '"')
        while at >= 0:  # (PowerShell's `" is a quote in any double-quoted string)
            chars[at] = "\\"
            at = text.find(BACKTICK + '"', at + 2)
    for m in opener.finditer(text):
        _undouble(text, m.end(), chars, ps)
    return "".join(chars)


def _undouble(text: str, i: int, chars: list[str], ps: bool) -> None:
    """Write each `""` of the string that starts at i as `\\"`, up to the string's closing quote
    (a `"` not doubled)."""
    n = len(text)
    while i < n:
        c = text[i]
        if c == BACKTICK and ps:
            i += 2
        elif c == '"' and i + 1 < n and text[i + 1] == '"':
            chars[i] = "\\"
            i += 2
        elif c == '"':
            return
        else:
            i += 1
