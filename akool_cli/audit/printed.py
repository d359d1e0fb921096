"""Strings a script only shows as text (printed, logged, written out as a README, given as a help
text or an argparse epilog, returned by a usage function; a sentence, a message, a search
pattern; a string only compared, tested or replaced): a code example, a curl command or a host
inside one is no call; a string that is also run (subprocess, `sh -c`, exec) or sent stays one."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from akool_cli.audit import datapaths, hosttests, multiline, rx, source
from akool_cli.audit.brackets import matching

# A call whose argument is shown to a person (printed, logged, raised, written to a text file,
# rendered as Markdown or code on a page), by the last name of its callee.
SINKS = frozenset(
    {"print", "println", "printf", "pprint", "puts", "echo", "secho", "warn", "warning"}
    | {"info", "debug", "error", "log", "exception", "critical", "fatal", "trace", "alert"}
    | {"write", "writeln", "writelines", "write_text", "writeFile", "writeFileSync"}
    | {"appendFile", "appendFileSync", "WriteFile", "WriteString", "Write", "WriteLine"}
    | {"Print", "Println", "Printf", "Fprint", "Fprintln", "Fprintf", "Errorf", "panic"}
    | {"markdown", "Markdown", "code", "caption", "text", "Syntax", "Panel", "exit"}
    | {"SystemExit", "abort", "die", "eprintln", "eprint", "error_log", "showHelp"}
)
# A call that gives its argument back as text (its own call is then what is read).
THROUGH = frozenset(
    {"dedent", "cleandoc", "format", "strip", "lstrip", "rstrip", "trim", "trimIndent"}
    | {"trimMargin", "trimStart", "trimEnd", "Sprintf", "sprintf", "str", "String", "colored"}
    | {"Text", "bold", "dim", "green", "yellow", "red", "cyan", "blue", "magenta", "gray"}
)
CALLEE = rx.compile(r"(?P<c>[A-Za-z_$][\w$]*(?:\s*(?:\.|->|::)\s*[A-Za-z_$][\w$]*)*)\s*!?\s*$")
# A keyword argument or key that holds a help text: `epilog=`, `help="""`, `description: `.
HELP_KEY = rx.compile(
    r"\b(?:help|description|epilog|usage|long_description|example|examples|summary|doc)"
    r"\s*[=:]\s*$"
)
# A statement that prints its words without parentheses (`print """`, `puts <<~T`, `echo "`).
SAYS = rx.compile(
    r"^\s*(?:print|puts|echo|printf|warn|say|cat|\$stderr\.puts|\$stdout\.puts|STDERR\.puts)"
    r"(?:\s+-\w+)*(?:\s*1?>&2)?\s*(?:<{2,3}[-~]?\s*[\"']?\w+[\"']?)?\s*(?:1?>&2)?\s*[;)]?\s*$"
)
# What sends or runs a shown string after all: a pipe into a shell or a client.
RUN_AFTER = rx.compile(r"\|\s*(?:xargs|curl|wget|http|sh|bash|zsh|eval)\b")
# What makes a text code that is run where it is written out: a page's script, a shebang.
RUNNABLE = rx.compile(r"<script\b|^#!", re.I | re.M)
# A name bound to the string: `USAGE = """`, `const README = \``, `val help = """`, `$t = <<<T`.
BINDING = (
    r"^\s*(?:export\s+)?(?:(?:const|let|var|val|final|static|private|public|protected|readonly|"
    r"internal|String|string|str)\s+)*(?P<n>\$?[A-Za-z_]\w*)\s*(?::\s*[\w.<>\[\]]+\s*)?:?=\s*"
    r"(?:(?:textwrap\.)?dedent\(\s*|inspect\.cleandoc\(\s*)?"
)
BOUND = rx.compile(BINDING + r"[rRbBuUfF]{0,2}$")
RETURNED = rx.compile(r"^\s*return\s+(?:(?:textwrap\.)?dedent\(\s*)?[rRbBuUfF]{0,2}$")
# A function's definition (Python, JavaScript/TypeScript, Go, Kotlin, an arrow function).
DEFINED = rx.compile(
    r"^(?P<i>\s*)(?:(?:export|async|public|private|protected|static|override|suspend)\s+)*"
    r"(?:def|function|func|fun)\s+(?:\([^)]*\)\s*)?(?P<n>[A-Za-z_]\w*)\s*[(<]"
    r"|^(?P<j>\s*)(?:export\s+)?(?:const|let|var)\s+(?P<m>[A-Za-z_$][\w$]*)\s*=\s*"
    r"(?:async\s*)?(?:\([^()]*\)|[A-Za-z_$][\w$]*)\s*(?::\s*[^=]+)?=>"
)
# A method of a class (JavaScript, TypeScript, Java, C#): `getHelp(): string {`.
METHOD = rx.compile(
    r"^(?P<k>\s*)(?:(?:public|private|protected|static|async|override|internal)\s+)*"
    r"(?:[\w<>\[\]]+\s+)?(?P<o>[A-Za-z_$][\w$]*)\s*\([^()]*\)\s*(?::\s*[\w<>\[\]|. ]+)?\{\s*$"
)
KEYWORDS = frozenset({"if", "for", "while", "switch", "catch", "function", "return", "with"})
# A statement that prints its words without parentheses: Python 2's print, Ruby's puts, echo.
SAYING = rx.compile(
    r"^\s*(?:print|puts|echo|printf|warn|say|\$stderr\.puts|\$stdout\.puts|STDERR\.puts|"
    r"Write-Host|Write-Output)\s"
)
# A text file written out where code is run from (a page, a script): its text is code.
CODE_FILE = rx.compile(r"\.(?:html?|m?js|ts|py|sh|bash|php|rb|go)[\"'`]")
LITERALS = rx.compile(
    r"\"[^\"\\]*(?:\\.[^\"\\]*)*\"|'[^'\\]*(?:\\.[^'\\]*)*'|`[^`\\]*(?:\\.[^`\\]*)*`"
)
# A function whose name says it gives a text to read: usage(), print_help(), readmeText().
TEXT_NAME = rx.compile(r"(?i)usage|help|readme|example|banner|instructions|manual|epilog")
# A string on one line: bound to a name, or returned, alone on its line.
LITERAL = (
    r"(?P<lit>[rRbBuUfF]{0,2}(?P<q>[\"'`])[^\\\"'`]*(?:(?:\\.|(?!(?P=q))[\"'`])[^\\\"'`]*)*(?P=q))"
)
ONE_LINE = rx.compile(BINDING + LITERAL + r"\)?\s*;?\s*$")
# A string alone on its line, one piece of a call's arguments written over several lines
# (`print(\n    "usage: ...\n"\n    "  e.g. curl ..."\n)`, `"..." +` in JavaScript).
ALONE = rx.compile(r"^\s*(?:\+\s*)?" + LITERAL + r"\s*(?:\+|,|\)|;|\s)*$")
RETURNS_ONE = rx.compile(r"^\s*return\s+" + LITERAL + r"\s*;?\s*$")
ASSIGNED = rx.compile(r"\s*(?::\s*[\w.<>\[\]]+\s*)?:?=(?![=>])")  # (a name bound, not used)
BLOCK_OPEN = rx.compile(r"[ \t]*(?://[^\n]*)?\n")  # a `{` that ends its line opens a body
LONGEST = 2000  # a longer line (a minified bundle) is not read for names
CALLED_AT = rx.compile(r"\s*\(")
ABOVE = 4  # lines before a string read for the call it is given to
FUNCTION_LINES = 200  # how far above a returned string its function is looked for


@dataclass(frozen=True)
class Text:
    """A string of the file: where it opens and closes (the column after its close)."""

    line: int
    column: int
    end_line: int
    end_column: int


WORD_AT = rx.compile(r"\$?[A-Za-z_]\w*")
NAME = rx.compile(r"[A-Za-z_]\w*")  # (a function's name: one word of WORD_AT's)


class Words:
    """Where each word of a file is written (`$name` as one word): the first names asked about
    are searched for in the file's text, and once many are, every word is indexed in one pass
    (a file of thousands of names stays linear; one of a few pays no index)."""

    SEARCHED = 16  # names searched for before the index is made

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self._at: dict[str, list[tuple[int, int]]] | None = None
        self._text = ""
        self._starts: list[int] = []
        self._asked = 0
        self._uses: dict[tuple[str, bool], list[tuple[int, int]]] = {}
        self._lines: dict[str, list[int]] = {}
        self._longer: list[int] | None = None

    def at(self, word: str) -> Iterator[tuple[int, int]]:
        """Where the word is written, in file order (found as they are read: a caller that
        stops at the first that answers reads no further)."""
        if self._at is None and self._asked < self.SEARCHED:
            self._asked += 1
            return self._searched(word)
        if self._at is None:
            index: dict[str, list[tuple[int, int]]] = {}
            for i, line in enumerate(self.lines):
                for m in WORD_AT.finditer(line) if len(line) <= LONGEST else ():
                    index.setdefault(m.group(), []).append((i, m.start()))
            self._at = index
        return iter(self._at.get(word, []))

    def _searched(self, word: str) -> Iterator[tuple[int, int]]:
        if not self._starts:
            self._text = "\n".join(self.lines)
            self._starts = source.line_starts(self._text)
        for m in re.finditer(rf"(?<![\w$]){re.escape(word)}(?!\w)", self._text):
            i = bisect.bisect_right(self._starts, m.start()) - 1
            if len(self.lines[i]) <= LONGEST:
                yield i, m.start() - self._starts[i]

    def lines_of(self, word: str) -> list[int]:
        """The lines a word is written on, once each, in order, those longer than LONGEST (a
        minified bundle's, which at() leaves out) searched for it too; none for a text that is
        no one word (a shell function's `my-func`)."""
        found = self._lines.get(word)
        if found is None:
            on: set[int] = set()
            if NAME.fullmatch(word):
                on = {i for i, _ in self.at(word)}
                alone = re.compile(rf"(?<![\w$]){re.escape(word)}(?![\w$])")
                on.update(
                    i for i in self._long() if word in self.lines[i] and alone.search(self.lines[i])
                )
            found = self._lines[word] = sorted(on)
        return found

    def _long(self) -> list[int]:
        if self._longer is None:
            self._longer = [i for i, line in enumerate(self.lines) if len(line) > LONGEST]
        return self._longer

    def uses(self, name: str, shell: bool) -> Iterator[tuple[int, int]]:
        """Where a name is used (`$NAME` and `${NAME}` in shell), not bound nor in a comment,
        nor a word of a string (`"README.md"` is no use of README); in file order. Found once
        per name: a name bound on each of N lines asks N times (breakit33: N x N checks)."""
        key = (name, shell)
        found = self._uses.get(key)
        if found is None:
            found = self._uses[key] = list(self._read_uses(name, shell))
        return iter(found)

    def _read_uses(self, name: str, shell: bool) -> Iterator[tuple[int, int]]:
        found = self.at(name)
        if shell:
            bare = name.lstrip("$")
            braced = ((i, c - 2) for i, c in self.at(bare) if self.lines[i][c - 2 : c] == "${")
            found = itertools.chain(self.at("$" + bare), braced)
        for i, at in found:
            line = self.lines[i]
            if (
                not _commented(line)
                and not _quoted(line, at)
                and not ASSIGNED.match(line, at + len(name))
            ):
                yield i, at


# The last file's Words (its lines held beside, so an id is never a stale one; their count, so
# a list grown since is read again): the strings shown as text, the keys (unsent.py) and the
# uses of the app's own functions (ownrecords.py) ask one index of the file's words.
_words: tuple[list[str], int, Words] | None = None


def words_of(lines: list[str]) -> Words:
    """The one Words of a file's lines (see _words)."""
    global _words
    if _words is None or _words[0] is not lines or _words[1] != len(lines):
        _words = (lines, len(lines), Words(lines))
    return _words[2]


def every(items: Iterator[tuple[int, int]], answers: Callable[[int, int], bool]) -> bool:
    """Whether there is an item and each answers (read up to the first that does not)."""
    first = next(items, None)
    return first is not None and answers(*first) and all(answers(i, at) for i, at in items)


def spans(name: str, lines: list[str], shell: bool) -> dict[int, list[tuple[int, int]]]:
    """The spans of each line that a string only shown as text holds (see the module's
    sentence), for the strings that hold a URL or an API path."""
    global _last
    if _last is not None and _last[0] is lines:
        return _last[1]  # (asked again for the file's hosts)
    found: dict[int, list[tuple[int, int]]] = {}
    _last = (lines, found)
    whole = "\n".join(lines)
    if "://" not in whole and "/api/" not in whole:
        return found
    words = words_of(lines)
    for text in _texts(name, lines, shell):
        body = _body(lines, text)
        if not ("://" in body or "/api/" in body) or RUNNABLE.search(body):
            continue
        if "HTTP/1." in body or not _shown(words, text, shell):
            continue
        for k in range(text.line, text.end_line + 1):
            start = text.column if k == text.line else 0
            end = text.end_column if k == text.end_line else len(lines[k])
            found.setdefault(k, []).append((start, end))
    return found


def _texts(name: str, lines: list[str], shell: bool) -> list[Text]:
    """The file's strings over several lines, and those on one line bound to a name or returned
    that hold words (a command or a sentence, not a bare URL)."""
    found = [
        Text(s.line, s.column, s.end_line, s.end_column)
        for s in (multiline.spanning(name, lines, shell) if _may_span(name, lines, shell) else ())
    ]
    for i, line in enumerate(lines):
        if len(line) > LONGEST:
            continue
        if "://" in line or "/api/" in line:
            m = ALONE.match(line) or (ONE_LINE.match(line) if "=" in line else None)
            m = m or (RETURNS_ONE.match(line) if "return" in line else None)
            if m is not None and " " in m.group("lit").strip("\"'` "):
                found.append(Text(i, m.start("lit"), i, m.end("lit")))
    if name.lower().endswith(".cs"):
        found += _verbatim(lines)
    return found


VERBATIM = rx.compile(r'(?:\$@|@\$|@)"')
VERBATIM_CLOSE = rx.compile(r'[^"]*(?:""[^"]*)*"(?!")')


def _verbatim(lines: list[str]) -> list[Text]:
    """C#'s verbatim strings over several lines (`@"usage:` ... `";`: `""` is a quote in one)."""
    found: list[Text] = []
    i = 0
    while i < len(lines):
        m = VERBATIM.search(lines[i]) if '@"' in lines[i] else None
        i += 1
        if m is None or VERBATIM_CLOSE.match(lines[i - 1], m.end()):
            continue
        ends = (
            (k, close.end())
            for k in range(i, min(len(lines), i + FUNCTION_LINES))
            if (close := VERBATIM_CLOSE.match(lines[k])) is not None
        )
        end = next(ends, None)
        if end is not None:
            found.append(Text(i - 1, m.start(), *end))
            i = end[0] + 1
    return found


def _may_span(name: str, lines: list[str], shell: bool) -> bool:
    """Whether the file may hold a string over several lines (most files hold none: their
    strings are not read for it)."""
    syntax = multiline.syntax_of(name, shell)
    if syntax is None:
        return True  # (Markdown's code blocks, or no string at all)
    quotes = (*syntax.spanning, *(("<<",) if syntax.heredoc is not None else ()))
    text = "\n".join(lines)
    return any(q in text for q in quotes)


def _body(lines: list[str], text: Text) -> str:
    if text.line == text.end_line:
        return lines[text.line][text.column : text.end_column]
    return "\n".join(lines[text.line : text.end_line + 1])


def _shown(words: Words, text: Text, shell: bool) -> bool:
    """Whether the string is only shown: given to a call that shows it, or bound to a name (or
    returned by a function) whose every use in the file shows it."""
    lines = words.lines
    head = lines[text.line][: text.column]
    tail = lines[text.end_line][text.end_column :]
    if RUN_AFTER.search(tail) or (text.line == text.end_line and RUN_AFTER.search(head)):
        return False
    at = len(head.rstrip("fFrRbBuU@$"))
    if "<<" in head:  # a heredoc: its opener's line is the statement
        if RUN_AFTER.search(head):
            return False
        if SAYS.match(head):
            return True
        at = head.index("<<")
    kind, name = _place(lines, text.line, at)
    if kind == "bound":
        return _uses_shown(words, name, text, shell)
    if kind == "returned":
        return _returned_shown(words, text)
    return kind == "shown"


def _uses_shown(words: Words, name: str, text: Text, shell: bool) -> bool:
    """Whether the name the string is bound to is used in the file, each time to be shown (a
    name used nowhere here may be imported elsewhere: not known to be shown)."""
    uses = ((i, at) for i, at in words.uses(name, shell) if not text.line <= i <= text.end_line)
    return every(uses, lambda i, at: _use_shown(words.lines, i, at))


def _quoted(line: str, at: int) -> bool:
    """Whether the name at `at` is a word of a string (`"README.md"`), not a value put in one
    (`f"{USAGE}"`, `"$USAGE"`, `${README}`)."""
    inside = any(lit.start() < at < lit.end() for lit in LITERALS.finditer(line))
    return inside and line[at - 1 : at] not in ("{", "$") and line[at : at + 1] != "$"


def _commented(line: str) -> bool:
    return line.lstrip().startswith(("#", "//", "*", "/*"))


def _returned_shown(words: Words, text: Text) -> bool:
    """Whether the function that returns the string is called only to be shown (or, called
    nowhere in the file, is named for a text to read: usage(), help())."""
    lines = words.lines
    name = _function(lines, text.line)
    if name is None:
        return False
    calls = (
        (i, at)
        for i, at in words.at(name)
        if CALLED_AT.match(lines[i], at + len(name))
        and not _commented(lines[i])
        and not DEFINED.match(lines[i])
        and not METHOD.match(lines[i])
    )
    first = next(calls, None)
    if first is None:
        return TEXT_NAME.search(name) is not None
    return _use_shown(lines, *first) and all(_use_shown(lines, i, at) for i, at in calls)


def _function(lines: list[str], line: int) -> str | None:
    """The name of the function whose body holds the line (the nearest definition above that
    is indented less)."""
    level = len(lines[line]) - len(lines[line].lstrip())
    for k in range(line - 1, max(-1, line - FUNCTION_LINES), -1):
        text = lines[k]
        if not text.strip():
            continue
        indent = len(text) - len(text.lstrip())
        if indent >= level:
            continue
        m = DEFINED.match(text)
        if m is not None:
            return m.group("n") or m.group("m")
        method = METHOD.match(text)
        if method is not None and method.group("o") not in KEYWORDS:
            return method.group("o")
        if indent == 0:
            return None
    return None


def shown_at(lines: list[str], i: int, at: int) -> bool:
    """Whether the name used at column `at` of line i is shown there (see _use_shown)."""
    return _use_shown(lines, i, at)


def _use_shown(lines: list[str], i: int, at: int) -> bool:
    """Whether the name used at column `at` of line i is shown there: printed, given to a call
    that shows it (through a format or a dedent), as a help text, by echo."""
    line = lines[i]
    for lit in LITERALS.finditer(line):  # (inside a string: `f"{USAGE}"`, `"$USAGE"`)
        if lit.start() < at < lit.end():
            at = lit.start()
            break
    return not RUN_AFTER.search(line, at) and _place(lines, i, at)[0] == "shown"


def _place(lines: list[str], i: int, at: int) -> tuple[str, str]:
    """What is done with what starts at column `at` of line i: ("shown", "") when it is given
    to a call that shows it (through calls that give it back as text), as a help text, or to a
    statement that prints it; ("bound", name) when a statement binds it to a name;
    ("returned", "") when it is returned; else ("other", "")."""
    window = "\n".join([*lines[max(0, i - ABOVE) : i], lines[i][:at]])
    end = len(window)
    for _ in range(8):
        if HELP_KEY.search(window, 0, end):
            return "shown", ""
        opened = matching(window, end, -1, -1)
        if opened < 0:
            return _statement(window[window.rfind("\n", 0, end) + 1 : end])
        if window[opened] == "{" and BLOCK_OPEN.match(window, opened + 1):  # (a body's)
            return _statement(window[window.rfind("\n", 0, end) + 1 : end])
        callee = CALLEE.search(window, 0, opened) if window[opened] == "(" else None
        if callee is None:
            return "other", ""
        last = re.split(r"\.|->|::", re.sub(r"\s+", "", callee.group("c")))[-1]
        if last not in THROUGH:
            shows = last in SINKS or last.endswith(("Error", "Exception", "Warning"))
            code = CODE_FILE.search(window, max(0, callee.start() - 80), end)
            return ("shown" if shows and not code else "other"), ""
        end = callee.start()
    return "other", ""


def _statement(head: str) -> tuple[str, str]:
    """What a statement that starts with `head` does with what follows it."""
    if SAYING.match(head):
        return "shown", ""
    bound = BOUND.match(head)
    if bound is not None:
        return "bound", bound.group("n")
    return ("returned" if RETURNED.match(head) else "other"), ""


# -- hosts named in text -------------------------------------------------------------------------

# A key whose value is a message or a search pattern, never a URL to call (`message:`, `pattern:`).
TEXT_KEY = rx.compile(
    r"(?i)\b(?:pattern|patterns|regex|regexp|match|glob|message|msg|description|help|hint|text|"
    r"title|label|summary|detail|reason|warning|note|msgstr|msgid)[\"']?\s*[:=]?\s*$"
)
YAML_VALUE = rx.compile(r"^\s*(?:-\s+)?[\w.-]+\s*:\s+(?=[^\s\"'])")
URL_TOKEN = rx.compile(r"\S*://\S*")
_last: tuple[list[str], dict[int, list[tuple[int, int]]]] | None = None


def host_as_text(name: str, lines: list[str], i: int, column: int, shell: bool) -> bool:
    """Whether the URL at `column` of line i is only text, no URL a call uses: inside a
    sentence (a string whose words beside its URLs are no command line's: "Use https://openapi.
    akool.com, not https://api.akool.com"), the value of a message's or a search pattern's key,
    or a string only shown (see spans)."""
    line = lines[i]
    if len(line) > LONGEST:
        return False  # (a minified bundle's line: not read for sentences, as for shown strings)
    value = _literal_around(line, column)
    if value is None and (m := YAML_VALUE.match(line)) is not None and m.end() <= column:
        value = (m.end(), len(line))
    if value is not None and (
        _sentence(line[value[0] : value[1]]) or TEXT_KEY.search(line, 0, max(0, value[0] - 1))
    ):
        return True
    if value is not None and hosttests.compared(lines, i, value[0] - 1, value[1] + 1):
        return True  # (`url.replace("https://api.akool.com/", ...)`, `startswith(OLD_HOST)`)
    token = _token_around(line, column) if value is None else None
    if token is not None and hosttests.bare_compared(line, *token):
        return True  # (nginx's `proxy_redirect https://api.akool.com/ https://openapi...;`)
    if any(a <= column < b for a, b in link_spans(name, line)):
        return True  # (a JSX `<a href="...">`)
    return any(a <= column < b for a, b in _file_spans(name, lines, shell).get(i, ()))


def _token_around(line: str, column: int) -> tuple[int, int] | None:
    """The unquoted URL (a word with `://`) that holds the column of its line, if any."""
    for m in URL_TOKEN.finditer(line):
        if m.start() <= column < m.end():
            return m.span()
    return None


def _sentence(text: str) -> bool:
    """A text of words beside its URLs (one word or more), none a command line's."""
    words = URL_TOKEN.sub(" ", text).split()
    if not words or " " not in text.strip():
        return False
    for word in words:
        bare = word.strip(".,;:!?()[]\"'")
        if bare.lower() in datapaths.COMMAND_WORDS or word.startswith("-") or bare in HTTP:
            return False
        if "=" in word or "$" in word or "{" in word:
            return False
    return any(datapaths.WORD.match(w) for w in words)


HTTP = datapaths.HTTP_VERBS


def _file_spans(name: str, lines: list[str], shell: bool) -> dict[int, list[tuple[int, int]]]:
    """spans(...) of the file, kept for the file last asked about (its hosts are asked in turn)."""
    return spans(name, lines, shell)


def _literal_around(line: str, column: int) -> tuple[int, int] | None:
    """The text between the quotes around `column` on its line (its nearest quote before, and
    the same quote after), if any."""
    for opened in sorted((line.rfind(q, 0, column) for q in "\"'`"), reverse=True):
        closed = line.find(line[opened], column) if opened >= 0 else -1
        if closed > 0:
            return opened + 1, closed
    return None


# A link in JSX/TSX markup: `<a href="...">`, `<img src={"..."}>`, Next's `<Link href={`...`}>`: a
# page the browser opens, never a request of the script's (as in HTML and a Vue template).
JSX_LINK = rx.compile(
    r"<(?:a|A|Link|NavLink|img|Image|iframe|link|source|video|audio)\b[^<>]*?\b(?:href|src)\s*=\s*"
    r"\{?\s*(?P<q>[\"'`])(?P<v>[^\"'`\n]*)(?P=q)"
)
JSX_FILE = rx.compile(r"\.(?:jsx|tsx)$", re.IGNORECASE)


def link_spans(name: str, line: str) -> list[tuple[int, int]]:
    """The spans of the links a JSX/TSX line's markup holds (see JSX_LINK)."""
    if "<" not in line or "=" not in line or not JSX_FILE.search(name):
        return []
    return [(m.start("v"), m.end("v")) for m in JSX_LINK.finditer(line)]
