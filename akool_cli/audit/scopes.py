"""Where a name of a script is in effect: the functions of a file (Python and Ruby bodies by
indentation, the others by braces, one-line arrow functions and lambdas on their line) with their
parameters, so that a name bound in one function is never taken for a same-named parameter or
local of another (`url = f"{BASE}/api/open/v3/getToken"` in one, `def download(url)` in the next)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar, cast

from akool_cli.audit import brackets, rx
from akool_cli.audit.generics import flat_generics

# A function's definition, in the languages the audit reads: those that open a line (a shell
# function, a C-like method `name(...) {` with its modifiers, return type (Java's before the name,
# TypeScript's or Kotlin's after it) and `throws`), then those a keyword or an arrow says (`def`,
# `func`, `fun`, `fn`, `sub`, `name = (...) =>`, `name: function (...) {`).
MODIFIERS = (
    r"(?:public|private|protected|internal|static|async|override|final|suspend|open|synchronized)"
)
THROWS = r"(?:throws\s+[\w.]+(?:\s*,\s*[\w.]+)*\s*)?"
ANCHORED_DEF = (
    r"^\s*(?:function\s+)?(?P<d>[A-Za-z_][\w-]*)\s*\(\)\s*\{\s*\S"  # a shell one-liner
    rf"|^\s*(?:{MODIFIERS}\s+)*(?:[\w<>\[\],?]+\s+|[\w.]+(?:<[^()]*>)?(?:\[\])?\s+)?"
    r"#?(?P<c>[A-Za-z_]\w*)\s*(?:<[^<>()]*>)?\([^)]*\)\s*"
    # (a short return type, its body's brace maybe on the next line; a longer one before `{`)
    rf"(?:(?::\s*[\w<>?\[\]]+\s*)?{THROWS}\{{?|:[^{{}};=()]*(?:\([^()]*\)[^{{}};=()]*)?{THROWS}\{{)\s*$"
    # a method whose parameters go on over the next lines (prettier's, Java's): `private async
    # request<T>(` ... `): Promise<T> {`, a modifier before it (a call has none; see defines)
    rf"|^\s*(?:{MODIFIERS}\s+)+(?:[\w.]+(?:<[^()]*>)?(?:\[\])?\s+)?#?(?P<m>[A-Za-z_]\w*)\s*"
    r"(?:<[^<>()]*>)?\(\s*$"
    r"|^\s*function\s+(?P<e>[A-Za-z_][\w-]*)\s*\{"  # a shell function without parentheses
    r"|^\s*sub\s+(?P<s>[A-Za-z_]\w*)\s*\{"  # a Perl sub
)
FLOATING_DEF = (
    # (Ruby's predicate and bang methods too: `def delivered?(job)`, `def save!(row)`)
    r"(?:def|function|func|fun|fn|sub)\s+(?:\([^)]*\)\s*)?(?:self\.)?(?P<a>[A-Za-z_]\w*[?!]?)\s*"
    r"(?:<[^<>()]*>)?\("
    r"|^\s*def\s+(?:self\.)?(?P<r>[A-Za-z_]\w*[?!]?)\s*$"  # Ruby's without parentheses
    r"|(?<!\w)(?P<b>[A-Za-z_]\w*)\s*(?:=|:)\s*(?:async\s*)?"
    # (TypeScript's type parameters and return type: `async <T>(p: string): Promise<T> => {`)
    r"(?:(?:function\b[^(]*)?(?:<[^<>()=]*>\s*)?\([^)]*\)\s*(?::[^=;{}()\n]*)?(?:=>|\{)"
    r"|[A-Za-z_$][\w$]*\s*=>)"
)
FUNCTION_DEF = rx.compile(ANCHORED_DEF + "|" + FLOATING_DEF)
_ANCHORED = rx.compile(ANCHORED_DEF)
_FLOATING = rx.compile(FLOATING_DEF)
DEF_WORDS = ("def", "func", "fun", "fn", "sub", "=>")


def function_def(line: str) -> re.Match[str] | None:
    """FUNCTION_DEF on a line, without running it where nothing could match (most lines)."""
    if "(" not in line and "{" not in line and not line.lstrip().startswith("def "):
        return None
    line = flat_generics(line)  # (`function get<T = Record<string, unknown>>(path)`)
    m = _ANCHORED.match(line)
    if m is not None and (m.group("d") or not any(w in line for w in DEF_WORDS)):
        return m
    f = _FLOATING.search(line) if any(w in line for w in DEF_WORDS) else None
    if m is None or f is None:
        return m or f
    # a keyword's definition before a C-like one that opens no body (`def download(url)`)
    return f if f.start() == 0 or not line.rstrip().endswith("{") else m


# A JavaScript member's definition, of an object literal or a class: `async fetch(request, env)
# {` (a Cloudflare Worker's or Bun.serve's handler), `static get(id) {`, `fetch: async (req) =>`,
# `fetch: function (req) {`. Never called by its name alone: a bare `fetch(url)` beside it is
# the global one (no `function NAME(` declaration, no `const NAME =` binding, matches).
JS_MEMBER = rx.compile(
    r"^\s*(?:(?:static|async|public|private|protected|override|readonly|get|set)\s+)*\*?\s*"
    r"(?P<m>[A-Za-z_$][\w$]*)\s*(?:<[^<>()]*>)?\s*\(|^\s*(?P<p>[A-Za-z_$][\w$]*)\s*:\s*(?:async\s+)?"
    r"(?:function\b|\(|[A-Za-z_$][\w$]*\s*=>)"
)


def js_member(line: str, name: str) -> bool:
    """Whether a line defines the function `name` as a JavaScript object's or class's member
    (JS_MEMBER), which only a call on an object (`this.name(`, `worker.name(`) calls."""
    m = JS_MEMBER.match(line)
    return m is not None and name in (m.group("m"), m.group("p")) and "function " + name not in line


def defined_as_member(lines: list[str], line: int, name: str) -> bool:
    """Whether the function `name` around a line (its definition within 200 lines above) is
    defined as a JavaScript member (see js_member)."""
    shape = outline(lines)
    for j in range(line, max(line - 200, -1), -1):
        # (a line that does not hold the name defines no function of that name: no match run)
        fn = shape.function_def(j) if name in lines[j] else None
        if fn is not None and name in fn.groups():
            return js_member(lines[j], name)
    return False


# (PHP's `match ($x) {`, Kotlin's `when (x) {`, C#'s `using (...) {` and `lock (...) {` open no function)
NOT_FUNCTIONS = frozenset(
    {"if", "for", "foreach", "while", "switch", "catch", "return", "with", "elif"}
    | {"elseif", "match", "when", "using", "lock"}
)
# Functions without a name: `(url) => ...`, `url => ...`, `function (url) {`, `lambda url: ...`
ANONYMOUS = rx.compile(
    r"(?:\((?P<p>[^()]*)\)|(?<![\w$.])(?P<one>[A-Za-z_$][\w$]*))\s*(?::\s*[\w<>\[\]|]+\s*)?=>"
    r"|\bfunction\s*\((?P<f>[^()]*)\)\s*\{|\blambda\b(?P<l>[^:]*):"
)
STRING = rx.compile(
    r"\"[^\"\\\n]*(?:\\.[^\"\\\n]*)*\"|'[^'\\\n]*(?:\\.[^'\\\n]*)*'|`[^`\\\n]*(?:\\.[^`\\\n]*)*`"
)
T = TypeVar("T")
HEADER_LINES = 8
# A local declared in a function of a brace language (const, let, var, local, val, Go's :=, a
# Java or C# type), or assigned in one of Python or Ruby, or PHP's $x = ...
DECLARED = rx.compile(
    r"^\s*(?:(?:const|let|var|local|my|val|auto|declare|readonly)\s+\$?(?P<a>[A-Za-z_$][\w$]*)"
    r"|(?P<b>[A-Za-z_]\w*)(?:\s*,\s*\w+)*\s*:=|\$(?P<php>[A-Za-z_]\w*)\s*=(?![=>])"
    r"|(?:final\s+)?(?:[A-Z][\w.]*(?:<[^=]*>)?(?:\[\])?|int|long|double|bool|boolean|float|string)"
    r"\s+(?P<c>[A-Za-z_]\w*)\s*=(?!=))"
)
INDENTED_LOCAL = rx.compile(
    r"^\s*(?:(?P<p>[A-Za-z_]\w*)\s*(?::[^=]*)?=(?![=>~])|for\s+(?P<f>[A-Za-z_]\w*)\s+in\b)"
)
# A loop's variable: for (const url of urls), for url in urls, for _, url := range urls
LOOP = rx.compile(
    r"\bfor\s*\(?\s*(?:(?:const|let|var|val|my)\s+)?\$?(?:\w+\s*,\s*)?(?P<n>[A-Za-z_]\w*)"
    r"\s*(?:\bof\b|\bin\b|:=\s*range\b|:)"
)
SHELL_LOCAL = rx.compile(
    r"\s*(?:local|declare|typeset)\s"
)  # how far a function's parameter list may run before its body opens


# A Python function whose body is on its own line: `def f(u): return requests.get(u)`.
ONE_LINE_DEF = rx.compile(r"\s*(?:async\s+)?def\s+\w+\s*\(.*\)\s*(?:->[^:#]*)?:[ \t]*[^\s#]")


def parameters(lines: list[str], line: int, after: int) -> set[str]:
    """The names of a function's parameters (its parenthesised list, over several lines if need
    be), and the shell's positional ones."""
    found = {str(n) for n in range(1, 10)}
    for part in _parameter_list(lines, line, after).split(","):
        head = re.split(r"[:=]", part, maxsplit=1)[0]
        found.update(re.findall(r"[A-Za-z_]\w*", head))
    return found


ARROW_PARAMETER = rx.compile(r"(?<![\w$.])(?P<p>[A-Za-z_$][\w$]*)\s*=>")


def _parameter_list(lines: list[str], line: int, after: int) -> str:
    """The text inside a function's parentheses ("" when it has none)."""
    text = lines[line][after - 1 :] if lines[line][after - 1 : after] == "(" else lines[line]
    single = ARROW_PARAMETER.search(lines[line], 0, after)  # (`path => {`: its one parameter)
    if single is not None and single.end() == after:
        return single.group("p")
    opened = text.find("(")
    if opened < 0:
        return ""
    depth, chars = 0, []
    for piece in [text[opened:], *lines[line + 1 : line + HEADER_LINES]]:
        for c in piece:
            depth += {"(": 1, ")": -1}.get(c, 0)
            chars.append(c)
            if depth == 0:
                break
        if depth == 0:
            break
    return "".join(chars)[1:-1]


RECEIVER_PARAMETERS = frozenset({"self", "cls", "this"})


def ordered_parameters(lines: list[str], line: int, after: int) -> list[str]:
    """A function's parameters in the order a caller gives them (`self` and `cls` left out):
    `def get(self, path, params=None)`, `(path: string, query: Record<string, string> = {})`,
    `function akool_get($path, array $params = [])`, `String path, Map<String, String> q`."""
    found: list[str] = []
    depth, part = 0, ""
    for c in _parameter_list(lines, line, after) + ",":
        if c == "," and depth == 0:
            found.append(_parameter_name(part))
            part = ""
            continue
        depth += (c in "([{<") - (c in ")]}>")
        part += c
    return [p for p in found if p not in RECEIVER_PARAMETERS]


def _parameter_name(part: str) -> str:
    dollar = re.search(r"\$([A-Za-z_]\w*)", part)
    if dollar is not None:
        return str(dollar.group(1))
    typed = re.split(r"[:=]", part, maxsplit=1)
    words: list[str] = re.findall(r"[A-Za-z_]\w*", typed[0])
    if not words:
        return ""
    return words[0] if len(typed) > 1 else words[-1]  # (`path: str`, `String path`)


CLASS = rx.compile(
    r"^(?P<ind>\s*)(?:export\s+)?(?:default\s+)?(?:(?:public|private|protected|internal|abstract"
    r"|final|sealed|open|data|static|partial)\s+)*class\s+(?P<n>[A-Za-z_]\w*)"
)
GO_RECEIVER = rx.compile(r"\bfunc\s*\(\s*\w+\s+\*?(?P<t>[A-Za-z_]\w*)\s*\)")
CLASS_LINES = 400  # how far above a method its class may open


def enclosing_class(lines: list[str], line: int) -> str:
    """The class a function defined at a line belongs to ("" for none): the nearest class above
    it that is less indented, or a Go method's receiver type."""
    receiver = GO_RECEIVER.search(lines[line])
    if receiver is not None:
        return receiver.group("t")
    header = class_header(lines, line)
    m = CLASS.match(lines[header]) if header is not None else None
    return m.group("n") if m is not None else ""


def class_header(lines: list[str], line: int) -> int | None:
    """The index of the header of the class around a line: the nearest class header above it,
    within CLASS_LINES, less indented than it; None if none."""
    level = len(lines[line]) - len(lines[line].lstrip())
    if level == 0:
        return None  # (no class is less indented than a top-level line: none looked for)
    at, levels = _class_headers(lines)
    k = bisect.bisect_left(at, line) - 1
    floor = max(line - CLASS_LINES, -1)
    while k >= 0 and at[k] > floor:
        if levels[k] < level:
            return at[k]
        k -= 1
    return None


# What is worked out once a file (its class headers, its outline), by the id of its list of lines
# (the list held beside, so an id is never a stale one; its length, so a list grown since is read
# again): a class of thousands of methods asks for its header once a method, and each ask scanned
# up to CLASS_LINES lines with CLASS (5,000 methods: 2 million matches); each file's are found once.
_KEPT: dict[tuple[str, int], tuple[list[str], int, object]] = {}
KEPT_FILES = 8  # files whose facts are kept (a run reads its helpers' files beside its own)


def per_file(kind: str, lines: list[str], make: Callable[[list[str]], T]) -> T:
    """make(lines), worked out once for a file's list of lines (see _KEPT)."""
    key = (kind, id(lines))
    kept = _KEPT.get(key)
    if kept is not None and kept[0] is lines and kept[1] == len(lines):
        return cast(T, kept[2])
    made = make(lines)
    if len(_KEPT) >= 2 * KEPT_FILES:
        del _KEPT[next(iter(_KEPT))]  # (the oldest)
    _KEPT[key] = (lines, len(lines), made)
    return made


def _class_headers(lines: list[str]) -> tuple[list[int], list[int]]:
    """The lines of a file's class headers and their indents, in order (see per_file)."""
    return per_file("classes", lines, _find_class_headers)


def _find_class_headers(lines: list[str]) -> tuple[list[int], list[int]]:
    at: list[int] = []
    levels: list[int] = []
    for j, text in enumerate(lines):
        m = CLASS.match(text) if "class" in text else None  # (CLASS needs the word)
        if m is not None:
            at.append(j)
            levels.append(len(m.group("ind")))
    return at, levels


class Outline:
    """A file's lines by indentation: the nearest less-indented line above each (the one it is
    nested in: a walk up these is a walk up its blocks), and each line's function_def asked for;
    one a file (see outline)."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.parents: list[int] = []
        self._defs: dict[int, re.Match[str] | None] = {}
        self.opened: dict[int, str | None] = {}  # (the function a line opens, as ties reads it)
        levels: list[int] = []  # (the lines a later one may be nested in, and their indents:
        held: list[int] = []  # each less indented than the one after it)
        for i, text in enumerate(lines):
            level = indent(text)
            if not text.strip():  # (a blank line is in no block's header, but is nested)
                k = bisect.bisect_left(levels, level) - 1
                self.parents.append(held[k] if k >= 0 else -1)
                continue
            while levels and levels[-1] >= level:
                levels.pop()
                held.pop()
            self.parents.append(held[-1] if held else -1)
            levels.append(level)
            held.append(i)

    def function_def(self, i: int) -> re.Match[str] | None:
        if i not in self._defs:
            self._defs[i] = function_def(self.lines[i])
        return self._defs[i]


def outline(lines: list[str]) -> Outline:
    """The Outline of a file's lines, made once (see per_file)."""
    return per_file("outline", lines, Outline)


def defines(lines: list[str], i: int, fn: re.Match[str]) -> bool:
    """Whether a match of FUNCTION_DEF defines a function: a C-like `name(...)` without a
    keyword does only when its body's brace follows (`open(BASE + name, 'w')` is a call)."""
    if fn.groupdict().get("m"):
        return header_end(lines, i) >= 0
    if not fn.groupdict().get("c"):
        return True
    following = lines[i + 1].strip() if i + 1 < len(lines) else ""
    return lines[i].rstrip().endswith("{") or following.startswith("{")


# What follows the parenthesis that closes a parameter list written over lines, on its line,
# when the body opens there or on the next line: `): Promise<T> {`, `String json) throws E {`.
HEADER_CLOSE = rx.compile(r"\s*(?::[^{};=()]*)?(?:throws\s[^{};=()]*)?\{?\s*$")


def header_end(lines: list[str], i: int) -> int:
    """The line closing the parameter list a method's head opens at line i (ending with `(`),
    when that line opens the method's body; else -1 (a call's arguments: `);`)."""
    depth = 0
    for j in range(i, min(i + 2 * HEADER_LINES, len(lines))):
        depth += lines[j].count("(") - lines[j].count(")")
        if depth > 0:
            continue
        following = lines[j + 1].strip() if j + 1 < len(lines) else ""
        closed = HEADER_CLOSE.fullmatch(lines[j], lines[j].rfind(")") + 1)
        opens = lines[j].rstrip().endswith("{") or following.startswith("{")
        return j if closed is not None and opens else -1
    return -1


@dataclass
class Scope:
    start: int
    end: int  # its last line
    params: set[str]  # its parameters and the locals it declares
    parent: int = -1  # the scope it is in (-1: the top level)
    column: int = 0  # where it opens on its first line
    arguments: frozenset[str] = frozenset()  # its parameters alone (no locals)


def indent(line: str) -> int:
    """How many blanks a line opens with (the one helper of scopes, ties and source)."""
    return len(line) - len(line.lstrip())


def _expression_arrow(line: str, m: re.Match[str]) -> bool:
    """Whether an arrow function's body is an expression that starts on its line and opens no
    brace there (`new Promise((ok) => setTimeout(ok, 2000));`): the brace of the next line's
    statement is not its body."""
    if not m.group(0).endswith("=>"):
        return False
    rest = line[m.end() :].strip()
    return bool(rest) and not rest.startswith(("{", "(")) and "{" not in rest


class _Finder:
    """One pass over a file's lines: each function's first and last line."""

    def __init__(
        self,
        lines: list[str],
        shell: bool = False,
        arrows: bool = True,
        defined: Callable[[int], re.Match[str] | None] | None = None,
    ) -> None:
        self.lines = lines
        self.shell = shell  # a shell script: a function's variables are global unless `local`
        self.arrows = arrows  # `x => ...` opens a function (not in Perl, where `=>` is a comma)
        self.defined = defined  # a line's function_def, by its index (see Scopes.function_def_at)
        self.scopes: list[Scope] = []
        self.indented: list[tuple[int, int, int]] = []  # (scope, indent, header's last line)
        self.braced: list[tuple[int, int]] = []  # (scope, depth outside it)
        self.pending: list[tuple[int, int, int]] = []  # (scope, depth outside, last line to open)
        self.depth = 0
        # A braced function's parameter list holding braces of its own, by its line (a
        # destructured parameter and its default, `f(a, { speed = "1.0" } = {}) {`): its body
        # opens at the brace after it, not at the pattern's.
        self.parameter_spans: dict[int, tuple[int, int]] = {}

    def run(self) -> list[Scope]:
        for i, line in enumerate(self.lines):
            if len(line) > 2000:
                continue  # (a minified line: no scope the audit can follow)
            self._close_indented(i, line)
            if not self.pending and not self.braced:
                self.depth = 0  # (braces are counted only inside a function that has them)
            self._declare(i, line)
            self._open(i, line)
            # (a definition whose body did not open by its last line is a one-line function)
            if (self.pending or self.braced) and ("{" in line or "}" in line):
                span = self.parameter_spans.get(i)
                if span is not None:  # (its braces are balanced: blanked, the depth is the same)
                    line = line[: span[0]] + " " * (span[1] - span[0]) + line[span[1] :]
                self._braces(i, STRING.sub('""', line))
            self.pending = [p for p in self.pending if p[2] > i]
        last = len(self.lines) - 1
        for k, _, _ in self.indented:
            self.scopes[k].end = last
        for k, _ in self.braced:
            self.scopes[k].end = last
        return self.scopes

    def _declare(self, i: int, line: str) -> None:
        """A local the line declares in the function it is in: it hides an outer name there."""
        indented = self.indented[-1][0] if self.indented else -1
        braced = self.braced[-1][0] if self.braced else -1
        k = max(indented, braced)
        if k < 0 or self.scopes[k].start == i:
            return
        m = (INDENTED_LOCAL if k == indented else DECLARED).match(line)
        if m is not None:
            self.scopes[k].params.add(next(g for g in m.groups() if g))
        if "for" in line:
            self.scopes[k].params.update(m.group("n") for m in LOOP.finditer(line))

    def _close_indented(self, i: int, line: str) -> None:
        text = line.strip()
        if not text or text.startswith("#"):
            return
        level = indent(line)
        while self.indented and level <= self.indented[-1][1] and i > self.indented[-1][2]:
            k = self.indented.pop()[0]
            end = i - 1
            while end > self.scopes[k].start and not self.lines[end].strip():
                end -= 1
            # (Ruby's `end` closes its def: it belongs to the function)
            self.scopes[k].end = i if text == "end" else end

    def _open(self, i: int, line: str) -> None:
        fn = self.defined(i) if self.defined is not None else function_def(line)
        if fn is not None and defines(self.lines, i, fn):
            name = next((g for g in fn.groups() if g), "")
            if name and name not in NOT_FUNCTIONS:
                self._add(i, line, parameters(self.lines, i, fn.end()), fn.start())
                return
        if not self.arrows or (
            "=>" not in line and "function" not in line and "lambda" not in line
        ):
            return
        for m in ANONYMOUS.finditer(line):
            found = next((g for g in m.groups() if g is not None), "")
            names = {w for w in re.findall(r"[A-Za-z_$][\w$]*", re.sub(r":[^,]*", "", found))}
            self._add(i, line, names, m.start(), _expression_arrow(line, m))

    def _add(self, i: int, line: str, params: set[str], at: int, one_line: bool = False) -> None:
        k = len(self.scopes)
        self.scopes.append(Scope(i, i, set(params), column=at, arguments=frozenset(params)))
        head = line[:at]
        if re.match(r"\s*(?:async\s+)?def\s", line) or re.match(r"\s*def\s+\w+[\s(]*$", line):
            self.indented.append((k, indent(line), self._header_end(i)))
            return
        code = STRING.sub('""', head)
        outside = self.depth + code.count("{") - code.count("}")
        opened = line.find("(", at)
        closed = brackets.matching(line, opened, 1, len(line)) if opened >= 0 else -1
        if closed > opened and "{" in line[opened:closed]:
            self.parameter_spans.setdefault(i, (opened, closed))
        last = i if one_line else i + (HEADER_LINES if line.rstrip()[-1:] in "(," else 1)
        self.pending.append((k, outside, last))

    def _header_end(self, i: int) -> int:
        if ONE_LINE_DEF.match(self.lines[i]):
            return i  # def f(u): return ...: its body is on its line (break-it L7)
        for j in range(i, min(i + HEADER_LINES, len(self.lines))):
            if self.lines[j].split("#")[0].rstrip().endswith(":"):
                return j
        return i

    def _braces(self, i: int, code: str) -> None:
        for c in code:
            if c == "{":
                self.depth += 1
                if self.pending and self.pending[-1][1] < self.depth:
                    k, outside, _ = self.pending.pop()
                    self.braced.append((k, outside))
            elif c == "}":
                self.depth -= 1
                while self.braced and self.depth <= self.braced[-1][1]:
                    self.scopes[self.braced.pop()[0]].end = i


class Scopes:
    """The functions of one file, and which of them each line is in (worked out on first use)."""

    def __init__(self, lines: list[str], shell: bool = False, arrows: bool = True) -> None:
        self.lines = lines
        self.shell = shell  # a shell script: a function's variables are global unless `local`
        self.arrows = arrows  # (Perl's `POST => $url` is no arrow function)
        self._scopes: list[Scope] | None = None
        self._defs: dict[int, re.Match[str] | None] = {}
        self._at: list[int] = []
        self._params: frozenset[str] = frozenset()

    def _build(self) -> list[Scope]:
        if self._scopes is None:
            scopes = _Finder(self.lines, arrows=self.arrows, defined=self.function_def_at).run()
            order = sorted(range(len(scopes)), key=lambda k: (scopes[k].start, -scopes[k].end))
            self._at = [-1] * len(self.lines)
            for k in order:
                s = scopes[k]
                s.parent = self._at[s.start]
                for j in range(s.start, s.end + 1):
                    self._at[j] = k
            self._params = frozenset().union(*(s.params for s in scopes))
            self._scopes = scopes
        return self._scopes

    def function_def_at(self, i: int) -> re.Match[str] | None:
        """function_def of line i, worked out once a file: the scopes and the wrappers
        (wrappers.find_helpers) both read each line's (bench's file: 7,000 lines twice)."""
        if i not in self._defs:
            self._defs[i] = function_def(self.lines[i])
        return self._defs[i]

    def shadowed_anywhere(self, name: str) -> bool:
        """Whether any function of the file has a parameter of that name."""
        self._build()
        return name in self._params

    def at(self, line: int) -> int:
        """The innermost function a line is in (-1: the top level)."""
        self._build()
        return self._at[line] if 0 <= line < len(self._at) else -1

    def home(self, bound: int, column: int = -1) -> int:
        """The function a binding on a line belongs to (a shell function's variable without
        `local` is global); given its column, not a function that opens after it on its line
        (`const req = https.request(options, (res) => {`)."""
        home = self.at(bound)
        while home >= 0 and self._starts_after(home, bound, column):
            home = self._build()[home].parent
        if self.shell and 0 <= bound < len(self.lines) and not SHELL_LOCAL.match(self.lines[bound]):
            return -1
        return home

    def _starts_after(self, k: int, line: int, column: int) -> bool:
        scope = self._build()[k]
        return 0 <= column < scope.column and scope.start == line

    def visible(self, name: str, bound: int, used: int, column: int = -1) -> bool:
        """Whether a name bound on line `bound` (at `column`, if known) is the one line `used`
        reads: the use is in the binding's function (or below it), and no function between them
        has a parameter of that name."""
        scopes = self._build()
        home, k = self.home(bound, column), self.at(used)
        while k != home:
            if k == -1:
                return False  # the use is outside the function the name is bound in
            if name in scopes[k].params:
                return False
            k = scopes[k].parent
        return True

    def parameter_at(self, name: str, line: int) -> bool:
        """Whether a name at a line is a parameter of its function (or of one around it)."""
        scopes = self._build()
        k = self.at(line) if name in self._params else -1
        while k >= 0:
            if name in scopes[k].params:
                return True
            k = scopes[k].parent
        return False

    def taking(self, name: str, line: int) -> tuple[int, int] | None:
        """The first and last line of the innermost function around a line that takes a name as
        a parameter (none when no function there does, or a function between declares it)."""
        held = self.holding(name, line)
        return (held.start, held.end) if held is not None and name in held.arguments else None

    def holding(self, name: str, line: int) -> Scope | None:
        """The innermost function around a line that has a name as a parameter or as a local
        it declares (its `arguments` say which)."""
        scopes = self._build()
        k = self.at(line) if name in self._params else -1
        while k >= 0:
            if name in scopes[k].params:
                return scopes[k]
            k = scopes[k].parent
        return None

    def span_at(self, line: int) -> tuple[int, int]:
        """The first and last line of the innermost function a line is in (the whole file at
        the top level)."""
        k = self.at(line)
        if k < 0:
            return 0, len(self.lines) - 1
        return self._build()[k].start, self._build()[k].end

    def end_of(self, line: int) -> int:
        """The last line of the function a line is in (the file's last line at the top level)."""
        k = self.at(line)
        return self._build()[k].end if k >= 0 else len(self.lines) - 1


TOP_LEVEL = Scopes([])  # no functions: the binding before a line is the one in effect


class Homes(Generic[T]):
    """The bindings of one name, grouped by the function each is made in: the one in effect at a
    line is found by walking up from the line's function (no scan of every binding, however many
    functions bind the name)."""

    def __init__(self, name: str, scopes: Scopes) -> None:
        self.name = name
        self.scopes = scopes
        self.groups: dict[int, tuple[list[int], list[T]]] = {}

    def add(self, line: int, value: T) -> None:
        lines, values = self.groups.setdefault(self.scopes.home(line), ([], []))
        k = bisect.bisect_right(lines, line)
        lines.insert(k, line)
        values.insert(k, value)

    def at(self, line: int) -> tuple[bool, T | None]:
        """(whether a binding is in scope at the line, its value): the last one made before the
        line in the nearest function around it that makes one (the first one, when it is made
        only below), unless a function between has a parameter or a local of the name."""
        scopes = self.scopes._build()
        k = self.scopes.at(line)
        while True:
            group = self.groups.get(k)
            if group is not None:
                j = bisect.bisect_right(group[0], line) - 1
                return True, group[1][max(j, 0)]
            if k < 0 or self.name in scopes[k].params:
                return False, None
            k = scopes[k].parent
