"""Lua scripts (OpenResty's resty.http, LuaSocket's http.request) read as the JavaScript they
amount to: `..` joins strings as `+` does, a table's `key = value` and `["key"] = value` fields are
an object's `key: value`, `obj:method(` is `obj.method(`, a function's body is braced, cjson's and
dkjson's `encode`/`decode` are JSON.stringify/JSON.parse, `--` comments are `//`; findings map
back to the file."""

from __future__ import annotations

import re
from collections.abc import Callable

from akool_cli.audit import rx, source
from akool_cli.audit.embedded import Code, Piece
from akool_cli.audit.walking import LUA_SUFFIXES

# The tokens whose JavaScript differs, outside strings and comments: a comment, a string's
# opening quote or long bracket, the join operator, `~=`, a table field's key, a method call's
# colon, a JSON codec's function, `local` before `function`, the words that open and close a
# block, and the brackets and separators of tables and parameter lists.
TOKEN = rx.compile(
    r"(?P<comment>--)"
    r"|(?P<quote>[\"'])"
    r"|(?P<long>\[=*\[)"
    r"|(?P<join>\.\.(?!\.))"
    r"|(?P<ne>~=)"
    r"|(?P<key>(?<![\w.:])[A-Za-z_]\w*)(?P<keyeq>\s*=)(?!=)"
    r"|(?P<bkey>\[\s*(?P<bname>\"[^\"\]]*\"|'[^'\]]*')\s*\])(?P<bkeyeq>\s*=)(?!=)"
    r"|(?P<colon>(?<=[\w\])]):(?=[A-Za-z_]\w*\s*[({\"']))"
    r"|(?P<codec>\b(?:cjson|json|dkjson|cjson_safe)(?:\.safe)?\.(?P<op>encode|decode)\b)"
    r"|(?P<local>\blocal\s+(?=function\b))"
    r"|(?P<word>\b(?:function|end|if|for|while|do|repeat|until)\b)"
    r"|(?P<open>[{(\[])|(?P<close>[})\]])|(?P<sep>[,;])"
)
KINDS = ("comment", "quote", "long", "join", "ne", "key", "bkey", "colon", "codec", "local")
KINDS_AFTER = ("word", "open", "close", "sep")
CODECS = {"encode": "JSON.stringify", "decode": "JSON.parse"}
# The rest of a quoted string after its opening quote (unrolled: no state per character).
STRING_END = {
    '"': rx.compile(r'[^"\\]*(?:\\.[^"\\]*)*"'),
    "'": rx.compile(r"[^'\\]*(?:\\.[^'\\]*)*'"),
}


def is_lua(name: str) -> bool:
    return name.lower().endswith(LUA_SUFFIXES)


# What a table constructor's first field opens with: a key (an object), its `}` (an empty table,
# which cjson sends as an object and dkjson as an array: neither is assumed), or a value (a list).
FIELD_KEY = rx.compile(r"[A-Za-z_]\w*\s*=(?!=)|\[\s*(?:\"[^\"]*\"|'[^']*')\s*\]\s*=(?!=)")
TABLE_SKIP = rx.compile(r"(?:\s|--(?!\[=*\[)[^\n]*)*")
EMPTY_TABLE = "LUA_EMPTY_TABLE"  # (an opaque value: no rule judges its kind)


def read(text: str) -> list[Code]:
    code = Code(".js", [], [])
    lines = source.split_lines(text)
    reader = _Reader(lines)
    for n, line in enumerate(lines):
        out = reader.line(line, n)
        code.add("".join(out.parts), *out.pieces)
    return [code]


def table_kind(lines: list[str], n: int, column: int) -> str:
    """What the table opened at `column` of line `n` is: "{" (keyed fields), "[" (a list) or
    "" (empty), by its first field."""
    rest = "\n".join([lines[n][column + 1 :], *lines[n + 1 : n + 40]])
    at = TABLE_SKIP.match(rest)
    start = at.end() if at is not None else 0
    if rest.startswith("}", start):
        return ""
    return "{" if FIELD_KEY.match(rest, start) else "["


class _Line:
    """One line of the JavaScript being written, and the pieces of it copied from the file."""

    def __init__(self, line: int) -> None:
        self.line = line
        self.parts: list[str] = []
        self.pieces: list[Piece] = []
        self.at = 0

    def copy(self, text: str, column: int) -> None:
        if text:
            self.pieces.append(Piece(self.at, self.line, column, len(text)))
            self.put(text)

    def put(self, text: str) -> None:
        self.parts.append(text)
        self.at += len(text)


class _Reader:
    """What carries from token to token and line to line: an open long string or comment, the
    brackets open (a `{` is a table), the blocks open, and a function whose body's brace is due."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.n = 0
        self.long_end: str | None = None  # the `]]` (or `]==]`) that ends an open long bracket
        self.long_comment = False
        self.brackets: list[str] = []
        self.blocks: list[str] = []
        self.field_start = False  # the table's next word starts a field
        self.loop = False  # a `for`/`while` whose `do` opens no block of its own
        self.body_due: int | None = None  # the depth of a function's parameter list
        self.handlers: dict[str, Callable[[re.Match[str], str, _Line], int]] = {
            kind: getattr(self, "_" + kind) for kind in KINDS + KINDS_AFTER
        }

    def line(self, text: str, n: int) -> _Line:
        out, self.n = _Line(n), n
        i = self._go_on(text, 0, out)
        while i < len(text):
            m = TOKEN.search(text, i)
            if m is None:
                self._plain(out, text[i:], i)
                break
            self._plain(out, text[i : m.start()], i)
            kind = next(k for k in KINDS + KINDS_AFTER if m.group(k) is not None)
            starts = self.field_start
            i = self.handlers[kind](m, text, out)
            if kind not in ("open", "sep") and self.field_start == starts:
                self.field_start = False
        return out

    def _plain(self, out: _Line, text: str, column: int) -> None:
        if text.strip():
            self.field_start = False
        out.copy(text, column)

    def _go_on(self, text: str, start: int, out: _Line) -> int:
        """Where code goes on after a long string or comment open at `start` (or above)."""
        if self.long_end is None:
            return start
        end = text.find(self.long_end, start)
        inside = text[start:] if end < 0 else text[start:end]
        if self.long_comment:  # (left out when it closes where it opens, else `//` each line)
            if start == 0 or end < 0:
                out.put("//")
                out.copy(inside, start)
        else:
            out.copy(inside, start)
            out.put("`" if end >= 0 else "")
        if end < 0:
            return len(text)
        end += len(self.long_end)
        self.long_end = None
        return end

    def _comment(self, m: re.Match[str], text: str, out: _Line) -> int:
        long = re.match(r"\[(=*)\[", text[m.end() :])
        if long is None:
            out.put("//")
            out.copy(text[m.end() :], m.end())
            return len(text)
        self.long_end, self.long_comment = "]" + long.group(1) + "]", True
        return self._go_on(text, m.end() + long.end(), out)

    def _quote(self, m: re.Match[str], text: str, out: _Line) -> int:
        end = STRING_END[m.group("quote")].match(text, m.end())
        stop = end.end() if end is not None else len(text)
        out.copy(text[m.start() : stop], m.start())
        return stop

    def _long(self, m: re.Match[str], text: str, out: _Line) -> int:
        self.long_end, self.long_comment = m.group(0).replace("[", "]"), False
        out.put("`")
        return self._go_on(text, m.end(), out)

    def _join(self, m: re.Match[str], text: str, out: _Line) -> int:
        out.put("+ ")
        return m.end()

    def _ne(self, m: re.Match[str], text: str, out: _Line) -> int:
        out.put("!=")
        return m.end()

    def _key(self, m: re.Match[str], text: str, out: _Line) -> int:
        return self._field(m, "key", out)

    def _bkey(self, m: re.Match[str], text: str, out: _Line) -> int:
        return self._field(m, "bkey", out)

    def _field(self, m: re.Match[str], group: str, out: _Line) -> int:
        """A table's `key = value` as `key: value`; a statement's `name = value` as written."""
        if not (self.brackets and self.brackets[-1] == "{" and self.field_start):
            out.copy(m.group(0), m.start())
            return m.end()
        name = "bname" if group == "bkey" else "key"
        out.copy(m.group(name), m.start(name))
        out.put(":")
        return m.end()

    def _colon(self, m: re.Match[str], text: str, out: _Line) -> int:
        out.put(".")
        return m.end()

    def _codec(self, m: re.Match[str], text: str, out: _Line) -> int:
        out.put(CODECS[m.group("op")])
        return m.end()

    def _local(self, m: re.Match[str], text: str, out: _Line) -> int:
        return m.end()  # (`local function f(` is JavaScript's `function f(`)

    def _word(self, m: re.Match[str], text: str, out: _Line) -> int:
        word = m.group("word")
        if word == "end":
            if self.blocks and self.blocks.pop() == "function":
                out.put("}")
                return m.end()
        elif word == "function":
            self.blocks.append(word)
            self.body_due = len(self.brackets)
        elif word in ("if", "for", "while", "repeat"):
            self.blocks.append(word)
            self.loop = word in ("for", "while")
        elif word == "do":
            if not self.loop:
                self.blocks.append(word)
            self.loop = False
        elif word == "until" and self.blocks:
            self.blocks.pop()
        out.copy(m.group(0), m.start())
        return m.end()

    def _open(self, m: re.Match[str], text: str, out: _Line) -> int:
        kind = m.group(0)
        if kind == "{":
            kind = table_kind(self.lines, self.n, m.start())
        end = text.find("}", m.end()) if kind == "" else -1
        if end >= 0:  # (`{}`: the empty table, both an object and a list)
            out.put(EMPTY_TABLE)
            return end + 1
        kind = kind or "["
        self.brackets.append(kind)
        self.field_start = kind == "{"
        if kind == m.group(0):
            out.copy(kind, m.start())
        else:
            out.put(kind)
        return m.end()

    def _close(self, m: re.Match[str], text: str, out: _Line) -> int:
        opened = self.brackets.pop() if self.brackets else ""
        if opened == "[" and m.group(0) == "}":  # (a list's end)
            out.put("]")
        else:
            out.copy(m.group(0), m.start())
        if m.group(0) == ")" and self.body_due == len(self.brackets):
            self.body_due = None
            out.put(" {")
        return m.end()

    def _sep(self, m: re.Match[str], text: str, out: _Line) -> int:
        self.field_start = bool(self.brackets) and self.brackets[-1] == "{"
        out.copy(m.group(0), m.start())
        return m.end()
