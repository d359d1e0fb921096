"""Strings that span lines (Python's triple quotes, JavaScript's and Go's backticks, text blocks,
shell's quotes and heredocs, PHP's and Ruby's heredocs): where each opens and closes, and the
statement it belongs to, so an ignore comment outside the string can silence a finding inside it."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from pathlib import PurePath

from akool_cli.audit import rx, source


@dataclass(frozen=True)
class Syntax:
    """How a language writes comments and the strings that may span lines."""

    comments: tuple[str, ...]  # line comments
    blocks: bool  # /* ... */
    spanning: tuple[str, ...]  # the quotes whose strings may go on to the next line
    others: tuple[str, ...]  # the quotes whose strings end with their line
    heredoc: re.Pattern[str] | None = None  # an opener, its terminator in group "word"
    raw: tuple[str, ...] = ()  # the quotes whose strings take no backslash escapes
    word_comments: bool = False  # `#` starts a comment only at a word's start (shell)


TRIPLES = ('"""', "'''")
SHELL_HEREDOC = rx.compile(r"(?<!<)<<-?\s*(?P<q>[\"']?)(?P<word>[A-Za-z_]\w*)(?P=q)")
SYNTAXES: dict[str, Syntax] = {
    **dict.fromkeys((".py", ".pyw", ".pyi"), Syntax(("#",), False, TRIPLES, ('"', "'"))),
    **dict.fromkeys(
        (".js", ".mjs", ".cjs", ".ts", ".tsx", ".jsx"),
        Syntax(("//",), True, ("`",), ('"', "'")),
    ),
    ".go": Syntax(("//",), True, ("`",), ('"', "'"), raw=("`",)),
    **dict.fromkeys(
        (".java", ".kt", ".kts", ".cs", ".swift", ".scala", ".groovy"),
        Syntax(("//",), True, ('"""',), ('"', "'")),
    ),
    "shell": Syntax(("#",), False, ('"', "'"), (), SHELL_HEREDOC, ("'",), True),
    ".rb": Syntax(
        ("#",),
        False,
        ('"', "'"),
        (),
        rx.compile(r"(?<!<)<<[~-]?(?P<q>[\"']?)(?P<word>[A-Z_]\w*)(?P=q)"),
        word_comments=True,
    ),
    ".php": Syntax(
        ("//", "#"), True, ('"', "'"), (), rx.compile(r"<<<\s*(?P<q>[\"']?)(?P<word>\w+)(?P=q)")
    ),
}


@dataclass(frozen=True)
class Spanning:
    """A string over several lines: the line and column it opens at, the line it closes on and
    the column after its closing quote (or terminator)."""

    line: int
    column: int
    end_line: int
    end_column: int


def syntax_of(name: str, shell: bool) -> Syntax | None:
    return SYNTAXES["shell"] if shell else SYNTAXES.get(PurePath(name).suffix.lower())


# A fenced code block of Markdown: its opening fence's language, read as that language's file.
FENCE = rx.compile(r"^\s*(?:```|~~~)\s*(?P<lang>[\w+-]*)")
FENCED = {
    **dict.fromkeys(("python", "py"), ".py"),
    **dict.fromkeys(("sh", "bash", "shell", "zsh", "console"), "shell"),
    **dict.fromkeys(("js", "javascript", "node"), ".js"),
    **dict.fromkeys(("ts", "typescript"), ".ts"),
    **dict.fromkeys(("go", "golang"), ".go"),
    **dict.fromkeys(("rb", "ruby"), ".rb"),
    "php": ".php",
}


def _fenced(lines: list[str]) -> list[Spanning]:
    """The strings that span lines inside a Markdown file's code blocks (each block on its own)."""
    found: list[Spanning] = []
    opened: tuple[int, str] | None = None
    for i, line in enumerate(lines):
        fence = FENCE.match(line)
        if fence is None:
            continue
        if opened is None:
            opened = (i, FENCED.get(fence.group("lang").lower(), ""))
            continue
        start, kind = opened
        opened = None
        if kind:
            block = spanning(f"block{kind}", lines[start + 1 : i], kind == "shell")
            found += [
                Spanning(s.line + start + 1, s.column, s.end_line + start + 1, s.end_column)
                for s in block
            ]
    return found


def spanning(name: str, lines: list[str], shell: bool) -> list[Spanning]:
    """The strings of a file that span lines, in order (in a Markdown file, its code blocks')."""
    if PurePath(name).suffix.lower() in (".md", ".markdown"):
        return _fenced(lines)
    syntax = syntax_of(name, shell)
    if syntax is None:
        return []
    text = "\n".join(lines)
    starts = source.line_starts(text)
    found = []
    for start, end in _strings(text, syntax):
        a, b = _position(starts, start), _position(starts, end)
        if b[0] > a[0]:
            found.append(Spanning(a[0], a[1], b[0], b[1]))
    return found


def _position(starts: list[int], offset: int) -> tuple[int, int]:
    line = bisect.bisect_right(starts, offset) - 1
    return line, offset - starts[line]


def _token_pattern(syntax: Syntax) -> re.Pattern[str]:
    parts = [
        re.escape(q) for q in sorted({*syntax.spanning, *syntax.others}, key=len, reverse=True)
    ]
    parts += [re.escape(c) for c in syntax.comments] + (["/\\*"] if syntax.blocks else [])
    if syntax.heredoc is not None:
        parts.insert(0, syntax.heredoc.pattern)
    return re.compile("|".join(parts) + r"|\\.")


def _strings(text: str, syntax: Syntax) -> list[tuple[int, int]]:
    """(start, end) offsets of the file's strings, heredocs' bodies included (from the end of
    their opener's line to the end of their terminator)."""
    token = _token_pattern(syntax)
    found: list[tuple[int, int]] = []
    i = 0
    while (m := token.search(text, i)) is not None:
        t, at = m.group(), m.start()
        if t.startswith("\\"):
            i = m.end()
        elif syntax.heredoc is not None and m.groupdict().get("word"):
            i = _heredoc(text, m, found)
        elif t in syntax.comments or t == "/*":
            if syntax.word_comments and at > 0 and text[at - 1] not in " \t\n;(":
                i = m.end()  # (`$#`, `${#x}`, a URL's #anchor)
                continue
            close = "\n" if t != "/*" else "*/"
            end = text.find(close, m.end())
            i = len(text) if end < 0 else end + len(close)
        else:
            end = _closing(text, t, m.end(), t in syntax.spanning, t in syntax.raw)
            if t in syntax.spanning and end > 0:
                found.append((at, end))
            i = end if end > 0 else -end
    return found


def _closing(text: str, quote: str, k: int, spans: bool, raw: bool) -> int:
    """The offset after a string's closing quote; for one left open (at its line's end when it
    may not span lines, at the text's end), minus where reading goes on."""
    while True:
        end = text.find(quote, k)
        stop = -1 if spans else text.find("\n", k, end if end >= 0 else len(text))
        if end < 0 or stop >= 0:
            return -(stop if stop >= 0 else len(text))
        j = end
        while j > k and text[j - 1] == "\\":
            j -= 1
        if not raw and (end - j) % 2:  # an escaped quote
            k = end + 1
            continue
        return end + len(quote)


def _heredoc(text: str, m: re.Match[str], found: list[tuple[int, int]]) -> int:
    """A heredoc's body: from the end of its opener's line to its terminator line."""
    body = text.find("\n", m.end())
    if body < 0:
        return len(text)
    word = re.escape(m.group("word"))
    close = re.compile(rf"^[ \t]*{word}\b.*$", re.M).search(text, body + 1)
    end = close.end() if close is not None else len(text)
    found.append((body, end))
    return end
