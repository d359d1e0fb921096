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
# A `"` that opens a JSON text whose quotes are doubled: a Windows batch file's (read as the sh
# it amounts to, batch.py; cmd passes `""` through, and curl's C runtime reads it as one `"`
# inside a quoted argument: `-d "{""resolution"":""720p""}"`). To sh itself such a text is no
# JSON (`{resolution:720p}`), so no script of its own writes one.
DOUBLED_JSON = rx.compile(r"(?<![\w\"\\])\"(?=\{\s*\"\"[A-Za-z_][\w-]*\"\"\s*:)")
STRING_OPENERS = {"csharp": VERBATIM, "powershell": PS_JSON, "shell": DOUBLED_JSON}
BACKTICK = "`"


def recoded(text: str, language: str) -> str:
    """The text with its doubled (and, in PowerShell, backtick-escaped) quotes inside strings
    written as `\\"`; the text itself when the language writes none (most files)."""
    if language in ("", "js") and DOUBLE_ESCAPE in text:
        text = _single_escaped(text)
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


# JSON escaped twice in a single-quoted string of Python, PHP, Ruby or JavaScript: a shell
# command held in the string, whose double-quoted JSON escapes its quotes for the shell. The
# file writes `f'curl -d "{{BSBSQresolutionBSBSQ: BSBSQ{res}BSBSQ}}"'` (BSBSQ: two backslashes and a
# quote), the string holds a backslash and a quote, the shell reads a quote. In such a string
# each BSBSQ is read as BSQ (`\\"`, the escaped JSON the field rules know) with a space on its
# outer side (before a name's or value's opening one, after its closing one): three characters
# for three, so findings and fixes stay where the file has them. A double-quoted string (where
# BSBSQ would end it) and a raw one (r'...') are left as they are.
DOUBLE_ESCAPE = '\\\\"'
# (unrolled: an alternation repeated once a character keeps the regex engine's state for each)
SINGLE_QUOTED = rx.compile(r"(?<![\w'\"\\])(?:[bBuUfF]{1,2})?'[^'\\\n]*(?:\\.[^'\\\n]*)*'")
DOUBLE_ESCAPED_KEY = rx.compile(r'(?<!\\)\\\\"[A-Za-z_][\w-]*\\\\"\s*:')
DOUBLE_ESCAPED_QUOTE = rx.compile(r'(?<!\\)\\\\"')


def _single_escaped(text: str) -> str:
    chars: list[str] | None = None
    for string in SINGLE_QUOTED.finditer(text):
        if DOUBLE_ESCAPED_KEY.search(string.group()) is None:
            continue
        chars = list(text) if chars is None else chars
        for k, quote in enumerate(DOUBLE_ESCAPED_QUOTE.finditer(text, *string.span())):
            at = quote.start()
            chars[at : at + 3] = [" ", "\\", '"'] if k % 2 == 0 else ["\\", '"', " "]
    return text if chars is None else "".join(chars)
