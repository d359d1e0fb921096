"""Paths a script holds as data, not as calls: the operand of a comparison (`path == "/api/..."`,
`startswith`, `case "/api/...":`), the old path of a migration table (the key of a path-to-path
map), a string it prints, logs, raises or stores in SQL; the spans of a line the audit skips."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePath

from akool_cli.audit import rx, source

# A string literal starting at a quote (a triple-quoted one on one line first).
LITERAL = rx.compile(
    r'"""[^"\\]*(?:(?:\\.|"(?!""))[^"\\]*)*"""|\'\'\'[^\'\\]*(?:(?:\\.|\'(?!\'\'))[^\'\\]*)*\'\'\''
    r'|"[^"\\]*(?:\\.[^"\\]*)*"|\'[^\'\\]*(?:\\.[^\'\\]*)*\'|`[^`\\]*(?:\\.[^`\\]*)*`'
)
TOKENS = rx.compile(LITERAL.pattern + r"|[\"'`()\[\]{},]")
# A literal that holds a path or a URL (`"/api/..."`, `f"{BASE}/x"`, `"https://..."`).
PATHLIKE = rx.compile(r"/[\w{$%]")
# The callee before an opening parenthesis: `path.startswith`, `strings.HasPrefix`, `new Error`.
CALLEE = rx.compile(r"(?P<callee>[A-Za-z_$][\w$]*(?:\s*(?:\.|->|::)\s*[A-Za-z_$][\w$]*)*)\s*!?\s*$")

# Calls whose every argument is compared or matched with, never requested.
COMPARING = frozenset(
    [
        "startswith",
        "endswith",
        "startsWith",
        "endsWith",
        "StartsWith",
        "EndsWith",
        "HasPrefix",
        "HasSuffix",
        "TrimPrefix",
        "TrimSuffix",
        "CutPrefix",
        "CutSuffix",
        "removeprefix",
        "removesuffix",
        "str_starts_with",
        "str_ends_with",
        "str_contains",
        "strpos",
        "stripos",
        "strstr",
        "strcmp",
        "strcasecmp",
        "in_array",
        "equals",
        "equalsIgnoreCase",
        "Equals",
        "includes",
        "contains",
        "Contains",
        "indexOf",
        "IndexOf",
        "lastIndexOf",
        "has",
        "match",
        "fullmatch",
        "matches",
        "test",
        "IsMatch",
        "preg_match",
        "preg_match_all",
        "fnmatch",
        "MustCompile",
        "RegExp",
        "Regex",
        "compile",
    ]
)
# Calls whose first argument (Go's strings/bytes: second) is the text to find and replace.
REPLACING = frozenset(
    [
        "replace",
        "replaceAll",
        "replaceFirst",
        "Replace",
        "ReplaceAll",
        "str_replace",
        "str_ireplace",
        "sub",
        "gsub",
        "preg_replace",
    ]
)
# Calls that print, log or raise their arguments: a message, never a request.
MESSAGE_CALL = rx.compile(
    r"^(?:print|println|printf|eprintln|eprint|puts|pp|echo|die|abort|warn|alert|error_log|"
    r"trigger_error|flash|panic|Exception|Error)$"
    r"|^(?:\w+\.)*(?:\w*(?:Error|Exception|Warning)|errors\.New|fmt\.(?:Print|Println|Printf|"
    r"Fprint|Fprintln|Fprintf|Errorf)|http\.Error|warnings\.warn|"
    r"System\.(?:out|err)\.print\w*|Console\.(?:Write|WriteLine|Error\.WriteLine))$"
    r"|(?i:^(?:\w+(?:\.|->))*\w*(?:log|console)\w*(?:\.|->)"
    r"(?:debug|info|warn|warning|error|exception|critical|fatal|trace|log|print|println|printf|"
    r"infof|warnf|errorf|debugf|fatalf|d|e|i|w|v|loginformation|logwarning|logerror|logdebug)$)"
)
# A statement that prints its words (shell's and PHP's echo, Ruby's puts): up to a pipe or `;`.
ECHO = rx.compile(r"^\s*(?:echo|printf|print|puts|Write-Host|Write-Output|say|warn|die)\s")
PIPED_TO_CALL = rx.compile(r"\|\s*(?:xargs|curl|wget|http|sh|bash)\b")
# A switch's case (`case "/api/...":`, Go's `case "/a", "/b":`, Ruby's `when`), up to its body.
CASE = rx.compile(
    r"^\s*(?:case|when)\s+(?:(?!\bthen\b)[^:\"'`=-]|[=-](?!>)|\"[^\"]*\"|'[^']*'|`[^`]*`)*"
)
# A match arm or a keyed entry at a line's start: `"/api/..." => handler`, Kotlin `"/a" -> ...`.
ARM = rx.compile(r"(?:\s*[|,]\s*[\"'][^\"']*[\"'])*\s*(?:=>|->)\s*(?![\[{(]|array\s*\()")
# A shell case pattern (`/api/open/v3/photo/talking|/x)`), nginx's `location` and `rewrite`.
SHELL_PATTERN = rx.compile(
    r"^\s*\(?\s*[\"']?/[^\s\"'|()]*[\"']?(?:\s*\|\s*[\"']?[^\s\"'|()]+[\"']?)*\s*\)"
)
# A YAML key that is a path, its value another (`/api/open/v3/photo/talking: /api/open/v3/...`).
YAML_KEY = rx.compile(r"^\s*(?:-\s+)?/[^\s:\"']+(?=\s*:\s+[\"']?(?:/|https?://))")
# Commands that search or rewrite text (a migration script's `grep -rn "/api/..."`, `sed -i
# "s#/old#/new#g"`): their words are patterns, up to the next pipe or `;`.
SEARCHING = rx.compile(
    r"(?:^|[|;&(`]\s*)(?:(?:git\s+)?grep|egrep|fgrep|rg|ag|sed|awk|perl)\s+(?=[-\"'/s])[^|;&`]*"
)
NGINX = rx.compile(r"^\s*(?:location\s+(?:[=~^*]+\s*)?|rewrite\s+)(?P<p>\S+)")
# The separator between a map's key and its value.
INDEX_SET = rx.compile(r"\]\s*=(?!=)")
KEY_SEPARATOR = rx.compile(r"\s*(?::(?!:)|=>|->|\bto\b)\s*")
# A comparison written beside the literal.
COMPARED_BEFORE = rx.compile(r"(?:===?|!==?|<>|\bin)\s*$")
COMPARED_AFTER = rx.compile(r"^\s*(?:===?|!==?|<>|in\b|not\s+in\b)")
FOR_HEAD = rx.compile(r"\bfor\b[^=]*\bin\s*$")
SHELL_TEST = rx.compile(r"(?:^|\s)=\s*$")
# Pairs of a table: `new Map([["/old", "/new"]])`, `Map.entry("/old", "/new")`, `.put(...)`.
PAIR_CALLS = frozenset(
    [
        "entry",
        "Entry",
        "Pair",
        "pair",
        "make_pair",
        "put",
        "set",
        "Add",
        "TryAdd",
        "add",
        "KeyValuePair",
    ]
)
MAP_OF = rx.compile(r"Map\w*\.of$|^mapOf$|^hashMapOf$|^mutableMapOf$")
# SQL: a statement that stores or reads rows, never a request.
SQL = rx.compile(
    r"(?is)^\s*(?:select\b.*\bfrom\b|insert\s+(?:or\s+\w+\s+)?into\b|update\s+\S+\s+set\b|"
    r"delete\s+from\b|create\s+(?:table|index|view)\b|replace\s+into\b|merge\s+into\b|upsert\b|"
    r"with\s+\w+\s+as\s*\(|alter\s+table\b)"
)
# Words of a command line: a string holding one is a request, not a message.
COMMAND_WORDS = frozenset({"curl", "wget", "http", "https", "xh", "httpie", "fetch", "xargs"})
HTTP_VERBS = frozenset({"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"})
WORD = rx.compile(r"^[A-Za-z][A-Za-z'’]+[.,:;!?]?$")


@dataclass
class Group:
    """A bracket opened on the line: where, which, how many commas so far, where it closes."""

    at: int
    char: str
    commas: int = 0
    close: int = -1
    parent: int = -1


@dataclass(frozen=True)
class Literal:
    start: int
    end: int
    group: int  # the innermost group it is in (-1: none)
    arg: int  # its argument's index in that group


def read_line(line: str) -> tuple[list[Literal], list[Group]]:
    """The string literals of a line, each with the bracket it is in and its argument index."""
    groups: list[Group] = []
    stack: list[int] = []
    found: list[Literal] = []
    for m in TOKENS.finditer(line):
        c, at = m.group(), m.start()
        if c[0] in "\"'`":
            if len(c) == 1:
                break  # (an apostrophe in a comment, a string going on to the next line)
            top = stack[-1] if stack else -1
            found.append(Literal(at, m.end(), top, groups[top].commas if stack else 0))
        elif c in "([{":
            groups.append(Group(at, c, parent=stack[-1] if stack else -1))
            stack.append(len(groups) - 1)
        elif c in ")]}":
            if stack:
                groups[stack.pop()].close = at
        elif stack:
            groups[stack[-1]].commas += 1
    return found, groups


def data_spans(line: str, kind: str = "") -> list[tuple[int, int]]:
    """The spans of a line whose paths are data: compared, matched, keyed, printed, stored
    (`kind`: "shell" or "nginx" for their own statements, else "")."""
    if "/" not in line:
        return []
    spans = _statement_spans(line, kind)
    if not any(q in line for q in "\"'`") or not _worth_reading(line):
        return spans
    literals, groups = read_line(line)
    echo = _echo_end(line)
    for k, lit in enumerate(literals):
        if PATHLIKE.search(line, lit.start, lit.end) is None:
            continue
        span = _data_literal(line, literals, groups, k, echo)
        if span is not None:
            spans.append(span)
    return spans


# What a line that holds data shows, whatever its language: a comparison, an arrow, a key or a
# subscript or a pair with a path, SQL's verbs (a cheap test before its literals are read).
OPERATORS = ("==", "!=", "<>", "=>", "->", " in ", " in(", " in[", "[ ", "[[", " to ")
OPERATOR = rx.compile("|".join(re.escape(op) for op in OPERATORS))  # (one search, not eleven)
KEYED_PATH = rx.compile(r"[:,\[]\s*\w{0,2}[\"'`][^\"'`]*/[\w{$%]")
SQL_WORDS = tuple(
    f"{w} "
    for w in [
        "select",
        "insert",
        "update",
        "delete",
        "create",
        "replace",
        "merge",
        "upsert",
        "with",
        "alter",
    ]
)
SQL_WORD = rx.compile("|".join(SQL_WORDS))
MESSAGE_WORDS = frozenset(
    [
        *[
            "print",
            "println",
            "printf",
            "eprintln",
            "eprint",
            "puts",
            "pp",
            "echo",
            "die",
            "abort",
            "warn",
            "alert",
            "error_log",
        ],
        *[
            "trigger_error",
            "flash",
            "panic",
            "New",
            "Print",
            "Println",
            "Printf",
            "Fprint",
            "Fprintln",
            "Fprintf",
            "Errorf",
        ],
        *[
            "debug",
            "info",
            "warning",
            "error",
            "exception",
            "critical",
            "fatal",
            "trace",
            "log",
            "infof",
            "warnf",
        ],
        *[
            "errorf",
            "debugf",
            "fatalf",
            "d",
            "e",
            "i",
            "w",
            "v",
            "Write",
            "WriteLine",
            "LogInformation",
            "LogWarning",
        ],
        *["LogError", "LogDebug"],
    ]
)
# The names of calls that compare, replace or print (and exceptions, `ValueError(`): a line calling
# none of them holds no such call's argument (one search of the words before each `(`).
CUE_WORDS = COMPARING | REPLACING | MESSAGE_WORDS
CUE_ENDINGS = ("Error", "Exception", "Warning")
# (each tried at a word's start only: tried within a word too, a line's long words were read
# again from each of their letters; and a word taken whole, `(?=(\w+))\1`: what follows it is
# no word character, so a word given back a letter at a time never matched)
CALLED_WORD = rx.compile(r"\b(?=(\w+))\1\s*\(")
TWO_WORDS = rx.compile(r"(?<![A-Za-z])(?=(?P<w>[A-Za-z]{2,}))(?P=w)\s+[A-Za-z]{2,}")
# (_worth_reading asks only whether there are any, so it reads CALLED_WORD's words from the line
# written backwards: each `(` found by its literal, then the word before it, whole; the words and
# the cue words they meet are reversed. And TWO_WORDS is tried at each blank only: the first
# word's last two letters before it, so the word has two at least)
CALLED_WORD_BACKWARDS = rx.compile(r"\(\s*(\w+)")
CUE_WORDS_BACKWARDS = frozenset(w[::-1] for w in CUE_WORDS)
CUE_ENDINGS_BACKWARDS = tuple(e[::-1] for e in CUE_ENDINGS)
TWO_WORDS_AT_BLANK = rx.compile(r"\s(?<=[A-Za-z]{2}\s)\s*[A-Za-z]{2}")


def _worth_reading(line: str) -> bool:
    """Whether any rule of a data literal may hold on the line (most lines of a file fail): an
    operator, a key or subscript or pair with a path, a call that compares or prints, SQL, words.
    (Each test is one search: every line of a file of calls fails them all.)"""
    if OPERATOR.search(line) or ECHO.match(line) or KEYED_PATH.search(line):
        return True
    if "(" in line and any(
        w in CUE_WORDS_BACKWARDS or w.startswith(CUE_ENDINGS_BACKWARDS)
        for w in CALLED_WORD_BACKWARDS.findall(line[::-1])
    ):
        return True
    return SQL_WORD.search(line.lower()) is not None or TWO_WORDS_AT_BLANK.search(line) is not None


def _statement_spans(line: str, kind: str) -> list[tuple[int, int]]:
    """What a line's statement holds as data: a case label, a shell case pattern, nginx's
    `location`/`rewrite` patterns, a YAML key that is a path, a search or rewrite command."""
    labelled = "case" in line or "when" in line  # (CASE's words: most lines have neither)
    m = (CASE.match(line) if labelled else None) or (
        SHELL_PATTERN.match(line) if kind == "shell" else None
    )
    if m is not None and kind == "shell" and "$(" in line[m.start() : m.end()]:
        m = None  # (`case "$(curl "$BASE/x" | jq ...)" in`: the word is a request's answer)
    if m is None and kind == "nginx":
        m = NGINX.match(line)
    m = m or (YAML_KEY.match(line) if "/" in line and ":" in line else None)  # (its `/`, `:`)
    found = [(m.start(), m.end())] if m is not None else []
    if any(w in line for w in ("grep", "sed ", "awk ", "perl ", "rg ", "ag ")):
        found += [(m.start(), m.end()) for m in SEARCHING.finditer(line)]
    return found


WINDOW = 160  # how far around a literal its context is read (a minified line is one long line)


def _left(line: str, at: int) -> str:
    return line[max(0, at - WINDOW) : at]


def _right(line: str, at: int) -> str:
    return line[at : at + WINDOW]


def _data_literal(
    line: str, literals: list[Literal], groups: list[Group], k: int, echo: int
) -> tuple[int, int] | None:
    """The span to skip for one path literal, if it is data (None: it may be a call)."""
    lit = literals[k]
    before, after = _left(line, lit.start), _right(line, lit.end)
    group = groups[lit.group] if lit.group >= 0 else None
    if _compared(before, after, group, line):
        return lit.start, lit.end
    if lit.start <= WINDOW and _first_of_line(before) and ARM.match(after):
        return lit.start, lit.end
    if _keyed(line, literals, groups, k):
        return lit.start, lit.end
    if group is not None and group.char == "(":
        span = _call_argument(line, lit, group)
        if span is not None:
            return span
    if lit.group < 0 and lit.start < echo:
        return lit.start, lit.end
    quote = 3 if line.startswith(('"""', "'''"), lit.start) else 1
    text = line[lit.start + quote : lit.end - quote]
    return (lit.start, lit.end) if SQL.match(text) or _message_text(text) else None


def _echo_end(line: str) -> int:
    """Where the words of an echo statement (shell's, PHP's) end: a pipe or `;` (-1: none)."""
    if ECHO.match(line) is None or PIPED_TO_CALL.search(line):
        return -1
    ends = [k for k in (line.find("|"), line.find(";"), line.find("&&")) if k > 0]
    return min(ends, default=len(line))


def _first_of_line(before: str) -> bool:
    """Whether only a match arm's alternatives come before a literal (`"/a" | `, `"/a", `)."""
    return not re.sub(r"[\"'][^\"']*[\"']\s*[|,]\s*", "", before).strip()


def _compared(before: str, after: str, group: Group | None, line: str) -> bool:
    """`x == "/p"`, `"/p" === x`, `"/p" in path`, `path in ("/a", "/b")`, `[ "$p" = "/p" ]`,
    `["/a", "/b"].includes(path)`."""
    if COMPARED_AFTER.match(after):
        return True
    trimmed = before.rstrip()
    if COMPARED_BEFORE.search(trimmed) and not FOR_HEAD.search(trimmed):
        return True
    if group is None:
        return False
    head = _left(line, group.at).rstrip()
    if group.char == "[" and SHELL_TEST.search(trimmed) and not head and group.at <= WINDOW:
        return True  # shell's [ "$p" = "/p" ]
    if group.char in "([{" and re.search(r"\b(?:not\s+)?in$", head) and not FOR_HEAD.search(head):
        return True
    tail = _right(line, group.close + 1) if group.close >= 0 else ""
    return re.match(r"\s*\.\s*(?:includes|indexOf|has|contains)\s*\(", tail) is not None


def _keyed(line: str, literals: list[Literal], groups: list[Group], k: int) -> bool:
    """The key of a path-to-path map: `"/old": "/new"`, `'/old' => '/new'`, `"/old" to "/new"`,
    a pair `["/old", "/new"]` of a table, `Map.of("/old", "/new")`, a subscript `m["/old"]`."""
    lit = literals[k]
    nxt = literals[k + 1] if k + 1 < len(literals) else None
    sep = KEY_SEPARATOR.match(line, lit.end)
    if sep is not None and nxt is not None and sep.end() == nxt.start and _pathlike(line, nxt):
        return not line[: lit.start].rstrip().endswith("?")  # (a ternary's branches are values)
    if lit.group < 0:
        return False
    group = groups[lit.group]
    opener = _left(line, group.at).rstrip()
    if _subscript(line, group, opener):
        return True  # MIGRATIONS["/old"], C#'s ["/old"] = "/new"
    if nxt is None or nxt.group != lit.group or not _pathlike(line, nxt):
        return False
    if nxt.start - lit.end > 8 or not re.fullmatch(r"\s*,\s*", line[lit.end : nxt.start]):
        return False
    callee = _callee(opener) if group.char == "(" else ""
    if callee and MAP_OF.search(callee):
        return lit.arg % 2 == 0
    gap = group.close - nxt.end
    if (
        lit.arg != 0
        or group.commas != 1
        or not 0 <= gap <= 8
        or line[nxt.end : group.close].strip()
    ):
        return False  # (a pair: the group holds the two literals and nothing else)
    if callee:
        return re.split(r"\.|->|::", callee)[-1] in PAIR_CALLS
    if group.char == "[" and _indexed(opener):
        return False
    first = group.at <= WINDOW and not opener.strip()
    nested = group.parent >= 0 or first or opener.endswith(("(", "[", "{", ","))
    return (
        nested
        and re.match(r"\s*[,)\]}]?\s*(?:$|[,)\]}])", _right(line, group.close + 1)) is not None
    )


KEYWORDS = frozenset(
    [
        "return",
        "in",
        "of",
        "yield",
        "await",
        "case",
        "else",
        "do",
        "typeof",
        "and",
        "or",
        "not",
        "is",
    ]
)


def _subscript(line: str, group: Group, opener: str) -> bool:
    """Whether a group is a subscript's brackets, one key in them."""
    if group.char != "[" or group.commas or group.close < 0:
        return False
    return _indexed(opener) or (
        not opener.strip() and INDEX_SET.match(line, group.close) is not None
    )


def _indexed(opener: str) -> bool:
    """Whether a `[` after this text subscripts (`table[`, `m()[`), not a list (`return [`)."""
    m = re.search(r"(?:[\w$]+|[\])])$", opener)
    return m is not None and m.group() not in KEYWORDS


def _pathlike(line: str, lit: Literal) -> bool:
    return PATHLIKE.search(line, lit.start, lit.end) is not None


def _callee(opener: str) -> str:
    m = CALLEE.search(opener)
    return re.sub(r"\s+", "", m.group("callee")) if m is not None else ""


def _call_argument(line: str, lit: Literal, group: Group) -> tuple[int, int] | None:
    """A literal given to a call that compares, matches, replaces (its old text) or prints."""
    callee = _callee(_left(line, group.at))
    if not callee:
        return None
    last = re.split(r"\.|->|::", callee)[-1]
    end = group.close if group.close >= 0 else len(line)
    if last in COMPARING or MESSAGE_CALL.search(callee):
        return group.at + 1, end
    if last in REPLACING:
        first = 1 if re.match(r"(?:strings|bytes)\.", callee) else 0
        return (lit.start, lit.end) if lit.arg == first else None
    return None


def _message_text(text: str) -> bool:
    """A sentence that names a path (`legacy call to /api/open/v3/photo/talking`): three words
    or more beside it, none a command line's (`curl -X POST https://...` is a request)."""
    tokens = text.split()
    if len(tokens) < 3:
        return False
    words = 0
    for token in tokens:
        if token.lower() in COMMAND_WORDS or token.startswith("-"):
            return False
        if "/" not in token and token not in HTTP_VERBS and WORD.match(token):
            words += 1
    return words >= 3


# Files that hold rows, never requests: SQL, CSV and TSV.
DATA_FILES = frozenset({".sql", ".csv", ".tsv"})


def file_spans(name: str, lines: list[str], shell: bool) -> dict[int, list[tuple[int, int]]]:
    """The data spans of each line of a file (a `.sql` or `.csv` file is data throughout), the
    paths of the script's own routes included."""
    suffix = PurePath(name).suffix.lower()
    if suffix in DATA_FILES:
        return {i: [(0, len(line))] for i, line in enumerate(lines)}
    nginx = suffix == ".conf" or "nginx" in PurePath(name).name.lower()
    kind = "shell" if shell else "nginx" if nginx else ""
    found: dict[int, list[tuple[int, int]]] = {}
    routes = Routes(lines)
    for i, line in enumerate(lines):
        spans = data_spans(line, kind) + routes.spans(i, line)
        if spans:
            found[i] = spans
    for i, span in [*held_as_data(lines, found), *held_lists(lines, found)]:
        found.setdefault(i, []).append(span)
    return found


# A name bound to a path literal alone: `OLD_TALKING = "/api/open/v3/photo/talking"`, `const
# OLD = '...'`, Go's `OldTalking = "..."`, PHP's `$old = '...'`, Java's `static final String`.
BOUND_PATH = rx.compile(
    r"^\s*(?:export\s+)?(?:(?:const|let|var|val|final|static|private|public|protected|readonly|"
    r"internal|String|string|str)\s+)*\$?(?P<n>[A-Za-z_]\w*)\s*(?::\s*[\w.<>\[\]]+\s*)?:?=\s*"
    r"(?P<lit>(?P<q>[\"'`])[^\"'`]*(?P=q))\s*[;,]?\s*(?:(?:#|//).*)?$"
)


# A path of AKOOL's that a name may hold (not a base: `https://openapi.akool.com/api/open/v3`).
HELD_PATH = rx.compile(r"/api/open/v\d+/\w|akool\.[a-z]+/(?!api/open(?:/v\d+)?/?[\"'`])\w")


def held_as_data(
    lines: list[str], found: dict[int, list[tuple[int, int]]]
) -> list[tuple[int, tuple[int, int]]]:
    """The path literals bound to a name that the file uses, and only as data (`if path ==
    OLD_TALKING:`, `case OLD:`, `app.post(OLD, handler)`, `{OLD: NEW}`): (line, span)."""
    bound: dict[str, tuple[int, int, int] | None] = {}
    for i, line in enumerate(lines):
        m = BOUND_PATH.match(line) if "=" in line and "/" in line else None
        if m is not None and HELD_PATH.search(m.group("lit")):
            name = m.group("n")
            bound[name] = None if name in bound else (i, m.start("lit"), m.end("lit"))
    held = {n: at for n, at in bound.items() if at is not None}
    if not held:
        return []
    used: set[str] = set()  # (names used as data so far; one other use drops the name)
    for i, line in enumerate(lines):
        for name in held.keys() & set(WORDS.findall(line)) if held else ():
            if i == held[name][0]:
                continue
            for m in re.finditer(rf"(?<![\w$]){re.escape(name)}\b(?!\s*(?::?=(?!=)|\())", line):
                if _data_use(line, m.start(), m.end(), found.get(i, [])):
                    used.add(name)
                else:
                    del held[name]
                    break
    return [(at[0], (at[1], at[2])) for name, at in held.items() if name in used]


WORDS = rx.compile(r"[A-Za-z_]\w*")


# A name bound to a list or a set of strings written one to a line (`RETIRED = [`, `const RETIRED
# = new Set([`, `Set<String> OLD = Set.of(`, Go's `var old = []string{`, a shell array `OLD=(`),
# each item a string alone on its line, then the closing brackets.
LIST_OPEN = rx.compile(
    r"^\s*(?:export\s+)?(?:(?:const|let|var|val|final|static|private|public|protected|readonly|"
    r"internal)\s+)*(?:[\w.<>\[\]]+\s+)?\$?(?P<n>[A-Za-z_]\w*)\s*(?::[^=\n]*)?:?=\s*"
    r"[\w.<>\[\] ]*\(?\s*[\[{(]\s*$"
)
LIST_ITEM = rx.compile(r"^\s*(?P<lit>(?P<q>[\"'`])[^\"'`\\]*(?P=q))\s*,?\s*(?:(?:#|//).*)?$")
LIST_CLOSE = rx.compile(r"^\s*[\])}][\s\])}]*;?\s*$")
# A use of such a list that only asks whether a value is in it (`RETIRED.has(path)`,
# `OLD.include?(p)`, `OLD.contains(p)`), right after its name; and one that gives its items to
# a test as its cases (pytest's `parametrize("old", RETIRED)`, Jest's `test.each(RETIRED)`).
MEMBERSHIP = rx.compile(
    r"\s*\.\s*(?:has|includes|include\?|member\?|contains|Contains|indexOf|IndexOf|count)\s*\("
)
TEST_CASES = rx.compile(r"(?:\bparametrize|\.each)\s*\([^()]*$")


def held_lists(
    lines: list[str], found: dict[int, list[tuple[int, int]]]
) -> list[tuple[int, tuple[int, int]]]:
    """The path literals of a list or set bound to a name (LIST_OPEN) that the file uses, and
    only to test whether a value is in it or as a test's cases (`if (RETIRED.has(path)) throw`,
    `@pytest.mark.parametrize("old", RETIRED)`): a deny-list of retired paths, which no request
    sends and no fix may turn into the documented ones (break21r). A list a loop, a call or a
    spread takes is left alone: its paths may be requested."""
    lists: dict[str, list[tuple[int, tuple[int, int]]] | None] = {}
    binding: set[int] = set()  # (the lines that bind them: `RETIRED: Set<string> =` no use)
    i = 0
    while i < len(lines):
        line = lines[i]
        m = LIST_OPEN.match(line) if line.rstrip()[-1:] in ("[", "{", "(") and "=" in line else None
        i += 1
        if m is None:
            continue
        items, end = _list_items(lines, i)
        name = m.group("n")
        if (
            items
            and end is not None
            and any(HELD_PATH.search(lines[k], *span) for k, span in items)
        ):
            lists[name] = None if name in lists else items
            binding.add(i - 1)
            i = end + 1
    held = {n: items for n, items in lists.items() if items is not None}
    if not held:
        return []
    used: set[str] = set()
    for i, line in enumerate(lines):
        for name in held.keys() & set(WORDS.findall(line)) if held and i not in binding else ():
            for m in re.finditer(rf"(?<![\w$]){re.escape(name)}\b(?!\s*(?::?=(?!=)|\())", line):
                if _list_data_use(line, m.start(), m.end(), found.get(i, [])):
                    used.add(name)
                else:
                    del held[name]
                    break
    return [item for name, items in held.items() if name in used for item in items]


def _list_items(
    lines: list[str], first: int
) -> tuple[list[tuple[int, tuple[int, int]]], int | None]:
    """The string items of a list written one to a line from `first`, and the line that closes
    it (None when a line is anything else: the list is no plain list of strings)."""
    items: list[tuple[int, tuple[int, int]]] = []
    for k in range(first, min(len(lines), first + 500)):
        item = LIST_ITEM.match(lines[k])
        if item is not None:
            items.append((k, (item.start("lit"), item.end("lit"))))
            continue
        return items, (k if LIST_CLOSE.match(lines[k]) else None)
    return items, None


def _list_data_use(line: str, start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether a use of a list's name only tests membership or gives a test its cases."""
    if MEMBERSHIP.match(line, end) or TEST_CASES.search(line, 0, start):
        return True
    return _data_use(line, start, end, spans)


def _data_use(line: str, start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether a name's use on a line is data: in a data span already found, or compared,
    keyed or matched as a literal would be."""
    if any(a <= start < b for a, b in spans):
        return True
    literals, groups = read_line(line)
    inner = [k for k, g in enumerate(groups) if g.at < start and (g.close < 0 or g.close > start)]
    group = max(inner, key=lambda k: groups[k].at, default=-1)
    arg = 0 if group < 0 or not line[groups[group].at + 1 : start].strip() else 1
    merged = sorted([*literals, Literal(start, end, group, arg)], key=lambda lit: lit.start)
    k = next(k for k, lit in enumerate(merged) if lit.start == start)
    return _data_literal(line, merged, groups, k, _echo_end(line)) is not None


# A route the script serves, declared by a verb-named call whose handler follows the path: a
# function or lambda (`app.post("/x", async (req, res) => ...)`, Spark's `post("/x", (req, res)
# -> ...)`), a block (Ktor's `post("/x") {`, Sinatra's `post '/x' do`) or a function of the file
# (chi's `r.Post("/x", legacy)`); a client's verb (`requests.post`, `axios.post`) never is.
ROUTE_CALL = rx.compile(
    r"(?<![\w$])(?P<verb>(?i:get|post|put|patch|delete|"
    r"all|head|options|any)|Handle|HandleFunc|Method)\s*(?:\(\s*|\s+(?=[\"']))"
    r"(?:(?P<q>[\"'`])/[^\"'`]*(?P=q)|(?P<name>[A-Za-z_$][\w$]*))(?P<rest>.{0,80})"
)
RECEIVER = rx.compile(r"(?P<r>[\w$]+(?:\.[\w$]+)*)\s*\.\s*$")
ROUTE_REST = rx.compile(
    r"\s*(?:\)\s*(?:\{|do\b|->)|\s+do\b|,\s*(?:async\s+)?(?:function\b|\(\s*(?:req|request|"
    r"ctx|c|call|w|_|\w+\s*:)\b|\(\s*\)\s*=>|\w+\s*=>|\w+\s*->))"
)
HANDLER_ARG = rx.compile(r"\s*,\s*(?:[\w$]+\.)*(?P<h>[A-Za-z_$][\w$]*)\s*[,)]")
# A receiver whose verbs send requests (a client, a session, an SDK), not a router's.
CLIENT_WORDS = (
    "client",
    "http",
    "session",
    "request",
    "axios",
    "fetch",
    "got",
    "superagent",
    "needle",
    "api",
    "akool",
    "rest",
    "urllib",
    "web",
    "conn",  # (Faraday's `conn.post("/x") do |req|`: a request, its body set in the block)
    "faraday",
)
DEFINED = rx.compile(
    r"(?:\bdef|\bfunction|\bfunc(?:\s*\([^)]*\))?|\bfun|\bsub)\s+(?P<a>[A-Za-z_$][\w$]*)"
    r"|(?:const|let|var)\s+(?P<b>[A-Za-z_$][\w$]*)\s*=\s*(?:async\s*)?(?:function\b|\([^()]*\)\s*=>)"
)
# An entry of a table of routes: a path to a function of the file (`{"/api/...": handle_talk}`).
HANDLER_ENTRY = rx.compile(
    r"(?P<path>(?P<q>[\"'`])/[^\"'`]*(?P=q))\s*(?::|=>)\s*(?:[\w$]+\.)*(?P<h>[A-Za-z_$][\w$]*)\s*(?=[,}\]\n]|$)"
)
ROUTE_OPTIONS = rx.compile(r"\.route\(\s*\{")
OPTION_PATH = rx.compile(r"\b(?:url|path)\s*:\s*(?P<q>[\"'`])/[^\"'`]*(?P=q)")


class Routes:
    """The route declarations of a file (the functions it defines are read once, on first need)."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self._defined: frozenset[str] | None = None
        self.options_until = -1  # the last line of a `.route({ ... })` options object
        self._ivars: frozenset[str] | None = None
        self._declared: bool | None = None

    def defined(self) -> frozenset[str]:
        if self._defined is None:
            names = set()
            for line in self.lines:
                for m in DEFINED.finditer(line) if ("f" in line or "=" in line) else ():
                    names.add(m.group("a") or m.group("b"))
            self._defined = frozenset(names)
        return self._defined

    def instance_call(self, line: str, head: int, recv: re.Match[str] | None) -> bool:
        """Whether `@x.get(` is a call on an instance variable, not a decorator: one the file
        assigns (Ruby's `@conn = Faraday.new(...)`) or one inside an expression."""
        if self._ivars is None:
            self._ivars = source.assigned_ivars(self.lines)
        name = recv.group("r").split(".")[0] if recv is not None else ""
        return line[: head - 1].strip() != "" or name in self._ivars

    def declared(self) -> bool:
        """Whether the file declares a client's calls by annotation (source.feign_file: a Feign
        or Micronaut client, `@Client("...")` with `@Post("/x")`), not a server's routes."""
        if self._declared is None:
            self._declared = source.feign_file(self.lines)
        return self._declared

    def spans(self, i: int, line: str) -> list[tuple[int, int]]:
        found: list[tuple[int, int]] = []
        if ".route(" in line and ROUTE_OPTIONS.search(line):
            self.options_until = i + 8 if "})" not in line else i
        for m in ROUTE_CALL.finditer(line) if "(" in line or " do" in line else ():
            recv = RECEIVER.search(_left(line, m.start()))
            head = recv.start() if recv is not None else m.start()
            decorator = line[:head].endswith("@")  # (Flask's, FastAPI's, NestJS')
            decorator = decorator and not self.instance_call(line, head, recv)
            if decorator and recv is None and (m.group("verb").isupper() or self.declared()):
                continue  # Retrofit's `@POST("content/...")`: a call the client makes (JAX-RS' takes no path)
            owner = recv.group("r").split(".")[-1].lower() if recv is not None else ""
            if not decorator and (
                owner in ("$", "jquery") or any(w in owner for w in CLIENT_WORDS)
            ):
                continue
            rest = m.group("rest")
            handler = HANDLER_ARG.match(rest)
            if (
                decorator
                or ROUTE_REST.match(rest)
                or (handler and handler.group("h") in self.defined())
            ):
                found.append((m.start("q") if m.group("q") else m.start("name"), m.start("rest")))
        if ":" in line or "=>" in line:
            found += [
                (m.start(), m.end("path"))
                for m in HANDLER_ENTRY.finditer(line)
                if m.group("h") in self.defined()
            ]
        if i <= self.options_until:
            found += [(m.start("q"), m.end()) for m in OPTION_PATH.finditer(line)]
            self.options_until = i if "})" in line else self.options_until
        return found
