"""Status values: a script's comparison of a documented status field of an AKOOL answer
(`video_status`, `faceswap_status`, `data.status`) with a number the docs do not give, or do not
give the meaning the code gives it (`STATUS_SUCCESS = 2` where AKOOL's 2 is processing)."""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from akool_cli.audit import (
    answers,
    holders,
    inlinelabels,
    jvmanswers,
    jvmenums,
    ownrecords,
    parsedanswers,
    resultlocals,
    rx,
    scriptanswers,
    shellfunctions,
    switcharms,
    ties,
)
from akool_cli.audit.calls import FileContext, Mention
from akool_cli.audit.fields import Text, url_uses
from akool_cli.audit.scopes import function_def
from akool_cli.audit.sites import Bases
from akool_cli.core.catalogue import DocEndpoint

# Each endpoint's status fields and their documented states, generated from AKOOL's docs by
# scripts/gen_statuses.py: {"GET /path": {"data.video_status": {"1": "queueing", ...}}}.
DATA_FILE = Path(__file__).with_name("statuses.json")
# The words of a name (a constant, a flag, a branch's body) that say which state it means.
MEANING_WORDS: dict[str, str] = {
    "success": "completed",
    "succeeded": "completed",
    "successful": "completed",
    "succeed": "completed",
    "complete": "completed",
    "completed": "completed",
    "done": "completed",
    "finished": "completed",
    "finish": "completed",
    "fail": "failed",
    "failed": "failed",
    "failure": "failed",
    "error": "failed",
    "errored": "failed",
    "queue": "queueing",
    "queued": "queueing",
    "queueing": "queueing",
    "queuing": "queueing",
    "pending": "queueing",
    "processing": "processing",
    "running": "processing",
    "progress": "processing",
}
# Words a flag bound to one comparison is named by that say the job is done (`ready = s == 3`,
# `isReady`, `ok`): as a constant's name or a branch's text they say less (`READY_TIMEOUT`).
FLAG_WORDS: dict[str, str] = {"ready": "completed", "ok": "completed"}
# A branch's statements that say it handles a failure or a finished job.
# (and a command line's way to end on an error: `sys.exit(1)`, Go's `os.Exit(1)`, `log.Fatalf(...)`,
# Node's `process.exit(1)`, the shell's `exit 1`)
FAILING = rx.compile(
    r"\b(?:raise|throw|panic|reject)\b|errors\.New|fmt\.Errorf"
    r"|\b(?:os\.Exit|sys\.exit|process\.exit|exit)\(\s*[1-9]\d*\s*\)|\blog\.(?:Fatal|Panic)\w*\("
    r"|(?:^|[\n;&|]|\bthen\b)\s*exit\s+[1-9]\d*\b"
)
# (PowerShell's and a shell test's `-eq`/`-ne`: `if ($r.data.video_status -eq 2)`)
# (and Java's `.equals(2)`, C#'s `.Equals(2)`: a boxed Integer's test)
COMPARE = r"(?P<op>===|!==|==|!=|-eq\b|-ne\b|\.[Ee]quals\(|\bnot\s+in\b|\bin\b)"
SPELLED = {"-eq": "==", "-ne": "!=", ".equals(": "==", ".Equals(": "=="}
# (a value may be converted first: Go's `int(StatusDone)`, C#'s `(int)JobState.Done`)
VALUE = r"(?:(?:int|int32|int64|Number|float)\(\s*|\(\s*int\s*\)\s*)?(?P<value>\"\w+\"|'\w+'|-?\d+\b|[A-Za-z_$][\w$]*(?:(?:\.|::|->)[A-Za-z_$][\w$]*)*)"
# After a read of the field: its closing quote and bracket, a `.get("x", 0)` default, a
# `?? 0` fallback (`($d['video_status'] ?? null)` too), then the comparison. (A conversion on
# the way may take a type argument: JsonNode's `.GetValue<int>()`, Newtonsoft's `.Value<int>()`.)
AFTER = re.compile(
    r"""(?:["'`]?\s*(?:,\s*[^()\n,]{1,20})?[)\]]{1,2})?(?:\.\w+(?:<\w+>)?\(\))?"""
    r"""(?:\s*(?:\?\?|\|\||\bor\b)\s*(?:-?\d+|null|None|nil|undefined)(?:\s*\))?)?\s*"""
    + COMPARE
    + r"""\s*(?:(?:(?:list|set|array|intArray)Of(?=\())?"""  # (Kotlin's `in listOf(2, 3)`)
    + r"""(?P<list>[(\[{]\s*[^()\[\]{}\n]*[)\]}])(?!\s*[\w$])|"""
    + VALUE
    + ")"
)
# After a read of a Kotlin tree, its value taken by properties: kotlinx.serialization's
# `root["code"]!!.jsonPrimitive.int`, Gson's `root.get("code").asInt` (Fuel's examples).
KOTLIN_AFTER = rx.compile(
    r"""["']?[)\]]{1,2}(?:!!)?(?:\??\.(?:jsonPrimitive|asInt|asLong|int|long|intOrNull|longOrNull"""
    r"""|content|asString)\b(?!\s*\())+\s*"""
    + COMPARE
    + r"\s*(?P<list>(?!))?"  # (one value, never a list: the group _items asks of)
    + VALUE
)
# Before a read: `3 === x.video_status`, `[3, 4].includes(x.video_status)` (Ruby's `include?`), a set held in a name
# (`DONE_STATES.includes(x.video_status)`, `new Set([2, 3])`'s `.has(...)`: JavaScript's `in`).
# (and Java's null-safe Yoda test, `"completed".equals(status)`)
BEFORE = rx.compile(
    r"(?:(?P<value>-?\d+|[A-Za-z_$][\w$.]*|\"\w+\")"
    r"(?:\s*(?P<op>===|!==|==|!=)|(?P<equals>\.[Ee]quals\()|\.(?:includes|has|include\?)\()"
    r"|\[(?P<list>[^\[\]\n]*)\]\.(?:includes|include\?)\()\s*[\w$.?\[\]\"'()]*$"
)
# A local bound to the read (`st = item.get("faceswap_status")`, `const s = d.video_status`).
# A local's type written before its value (TypeScript's `const s: number =`, Python's `s: int =`,
# Kotlin's `val s: Int =`): the local is bound all the same.
TYPED = r"(?:\s*:\s*[A-Za-z_][\w.]*(?:<[\w\s,.|]*>|\[\])?(?:\s*\|\s*[A-Za-z_]\w*)*\??)?"
BOUND = rx.compile(
    r"(?:^|[\s;(])(?:const\s+|let\s+|var\s+|val\s+)?(?P<local>\$?[A-Za-z_]\w*)"
    rf"{TYPED}\s*:?=\s*"
    # (a fallback to an empty object on the way: `(j.get("data") or {}).get("x")`; PHP's `->`:
    # `$status = $res->json('data.result.0.faceswap_status')`)
    r"(?:[\w$.?\[\]\"'()]|->|\s+(?:or|\|\||\?\?)\s+\{\s*\})*$"
)
# A name given a number: `STATUS_SUCCESS = 2`, `SUCCESS: 2,`, `Success = 2` (an enum member),
# `StatusSuccess JobStatus = 2` (Go), `public const int Done = 3;`.
DEFINED = (
    r"(?:^|[\s,{(])(?:NAME)(?:\s*:\s*[\w.\[\]]+)?(?:\s+[A-Z]\w*)?\s*[=:]\s*(-?\d+)\b(?![ \t]*[.\w])"
)
# (prec32) Names given numbers side by side in one assignment (`QUEUED, DONE, FAILED = 1, 3, 4`,
# Ruby's the same, Go's `const Done, Failed = 3, 4`, JS's `const [DONE, FAILED] = [3, 4]`): each
# name takes the number at its own place, not the first (which DEFINED would read for the last).
UNPACKED = rx.compile(
    r"^[ \t]*(?:(?:const|let|var|val)\s+)?[\[(]?[ \t]*(?P<names>[A-Za-z_]\w*(?:[ \t]*,[ \t]*[A-Za-z_]\w*)+)"
    r"[ \t]*[\])]?[ \t]*:?=[ \t]*[\[(]?[ \t]*(?P<values>-?\d+(?:[ \t]*,[ \t]*-?\d+)+)[ \t]*[\])]?[ \t]*;?",
    re.M,
)
COMMENT = ("#", "//", "*", "/*", "--")
NEAR = 160  # (the characters before a read that say what it is: a minified line is not reread)
LONG = 400  # (a line this long is minified: its comparisons' branches are not read)
CODES = ("code", "error_code")  # (the envelope's business code: see gen_statuses.code_success)
Meaning = tuple[str, str] | None  # (the state the code says a value is, how it says it)


@dataclass(frozen=True)
class Field:
    """A status field the file's calls answer with, and its documented states."""

    name: str
    states: dict[int, str]
    endpoint: DocEndpoint
    plain: bool  # the generic `status`: judged only where read through the answer's data
    code: bool = False  # the envelope's `code` (states: {1000: "success"}): read on the answer


@dataclass(frozen=True)
class Found:
    """A comparison the docs contradict: where, the value as written, what the docs give."""

    line: int
    column: int
    found: str
    documented: str
    message: str
    help: str


@lru_cache(maxsize=1)
def documented() -> dict[str, dict[str, dict[int, str]]]:
    """The documented states of each endpoint's status fields (see DATA_FILE)."""
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))["endpoints"]
    return {
        key: {path: {int(n): w for n, w in states.items()} for path, states in fields.items()}
        for key, fields in data.items()
    }


def status_fields(ctx: FileContext) -> list[Field]:
    """The status fields of the answers of the endpoints the file calls (a field two of them
    document with different states is left out)."""
    table = documented()
    found: dict[str, list[Field]] = {}
    for m in [*ctx.mentions, *ctx.returned]:
        e = m.endpoint
        if e is None or m.verdict in ("deprecated", "guess"):
            continue
        for path, states in table.get(f"{e.method} {e.path}", {}).items():
            name = path.rsplit(".", 1)[-1]
            code = name in CODES
            field = Field(name, states, e, name == "status" or code, code)
            found.setdefault(name, []).append(field)
    return [one[0] for one in found.values() if all(f.states == one[0].states for f in one)]


@dataclass
class _Text:
    """A file's lines joined, with where each line starts and the constants it gives numbers."""

    lines: list[str]
    python: bool = False
    text: str = ""
    starts: list[int] = field(default_factory=list)
    numbers: dict[str, int | None] = field(default_factory=dict)
    _counted: dict[str, int] | None = None
    data_names: set[str] | None = None  # (see DATA_BOUND)
    item_names: set[str] | None = None  # (see ITEMS)
    sets: dict[str, list[int]] = field(default_factory=dict)  # (see _set_member)
    answers: set[str] | None = None  # names holding a call's parsed answer, once asked
    parsed: Callable[[], set[str]] = set  # (asks the answer rules' ties for those names)
    calls: set[int] = field(default_factory=set)  # the lines of the file's AKOOL calls
    call_lines: list[int] = field(default_factory=list)  # (the same, sorted: see _calls_within)
    origins: dict[int, int] = field(default_factory=dict)  # a local's read: the read it holds
    sentinels: dict[tuple[str, int], bool] = field(default_factory=dict)  # (see _sentinel)
    zero_defaults: dict[str, bool] = field(default_factory=dict)  # (see _zero_default)
    # Each compared value's offset whose comparison reads the field in place (no local): the
    # read's span (see _zero_as_state).
    in_place: dict[int, tuple[int, int]] = field(default_factory=dict)
    name: str = ""  # the file's name (see _zero_as_state)
    owned: dict[tuple[str, str], bool] = field(default_factory=dict)  # (see _own_field)
    akool_functions: set[str] | None = None  # (see _akool_functions)
    own_models: set[str] | None = None  # (see OWN_MODELS)
    checkers: dict[int, bool] = field(default_factory=dict)  # a helper's head line (_akool_checker)
    tables: dict[str, list[int]] | None = None  # where each name's tables open (see TABLE)
    doc: Text | None = None  # (the field rules' text: its answer models)
    declared: dict[int, tuple[int, int]] = field(default_factory=dict)  # a member read's model
    shell: bool = False  # a shell script's text (see shell_tests)
    ruby: bool = False  # Ruby's: `==` never makes a string equal a number
    axios: bool = False  # the text names axios (whose `res.data` is the whole answer)
    bases: Bases = field(default_factory=Bases)  # (the file's: see _names_other_host)
    facts: ties.Lines | None = None  # what each line binds, once asked (see _bound_above)
    script: bool = False  # PHP's or Ruby's (see scriptanswers.py)
    _unpacked: tuple[dict[str, set[int]], set[int]] | None = None  # (see unpacked)

    def __post_init__(self) -> None:
        self.text = "\n".join(self.lines)
        self.axios = parsedanswers.data_is_body(self.text)  # (once: each comparison asks it)
        at = 0
        for line in self.lines:
            self.starts.append(at)
            at += len(line) + 1

    def place(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i, offset - self.starts[i]

    def number(self, name: str) -> int | None:
        """The one number the file gives a name (None: none, or several)."""
        if name not in self.numbers:
            pattern = re.compile(DEFINED.replace("NAME", re.escape(name)), re.M)
            unpacked = self.unpacked()
            values = {
                int(m.group(1)) for m in pattern.finditer(self.text) if m.end() not in unpacked[1]
            }
            values |= unpacked[0].get(name, set())
            if not values and name in self.counted():
                values = {self.counted()[name]}
            self.numbers[name] = values.pop() if len(values) == 1 else None
        return self.numbers[name]

    def unpacked(self) -> tuple[dict[str, set[int]], set[int]]:
        """The numbers names take in assignments side by side (see UNPACKED), and where each of
        those assignments' values end (where DEFINED's reading of them ends too)."""
        if self._unpacked is None:
            taken: dict[str, set[int]] = {}
            ends: set[int] = set()
            for m in UNPACKED.finditer(self.text) if "," in self.text else ():
                names, values = m.group("names").split(","), m.group("values").split(",")
                if len(names) == len(values):
                    for n, v in zip(names, values, strict=True):
                        taken.setdefault(n.strip(), set()).add(int(v))
                    ends.add(m.start("values") + len(values[0]))
            self._unpacked = (taken, ends)
        return self._unpacked

    def counted(self) -> dict[str, int]:
        """The members an enum or a Go const block numbers by counting (see counted_members)."""
        if self._counted is None:
            self._counted = counted_members(self.text)
        return self._counted


# An enum's members (`enum Status { Queued, Processing, Done }`, `Done = 3,` restarting the
# count) and a Go const block (`StatusQueued Status = iota + 1`, the names after it counting on).
ENUM_BLOCK = rx.compile(
    r"\benum\s+(?:class\s+)?(?P<enum>\w+)\s*(?::\s*\w+\s*)?\{(?P<body>[^{}]*)\}"
)
CONST_BLOCK = rx.compile(r"^const\s*\((?P<body>[^()]*(?:\([^()]*\)[^()]*)*)\)", re.M)
MEMBER = rx.compile(r"^\s*(?P<name>[A-Za-z_]\w*)\s*(?:=\s*(?P<value>-?\d+))?\s*$")
IOTA = rx.compile(
    r"^\s*(?P<name>[A-Za-z_]\w*)(?:\s+[\w.]+)?\s*(?:=\s*(?:(?P<iota>iota)(?:\s*\+\s*(?P<k>\d+))?|(?P<value>-?\d+)))?\s*(?://.*)?$"
)


def counted_members(text: str) -> dict[str, int]:
    """Names numbered by counting: enum members without a value (TypeScript, C#: 0, 1, ... or on
    from the last given), and Go's iota constants; a name numbered twice is left out."""
    found: dict[str, list[int]] = {}
    for block in ENUM_BLOCK.finditer(text):
        following = 0
        for item in re.split(r"[,\n]", block.group("body")):
            m = MEMBER.match(item.split("//")[0])
            if m is None:
                continue
            number = int(m.group("value")) if m.group("value") else following
            found.setdefault(m.group("name"), []).append(number)
            # (and by the enum's name: two enums may share a member's name)
            found.setdefault(f"{block.group('enum')}.{m.group('name')}", []).append(number)
            following = number + 1
    for block in CONST_BLOCK.finditer(text):
        _iota_block(block.group("body"), found)
    for name, numbers in holders.auto_numbered(text).items():  # (Python's `DONE = auto()`)
        found.setdefault(name, []).extend(numbers)
    for name, number in jvmenums.numbered(text):  # (Java's `DONE(3)`, read as `E.DONE.code`)
        found.setdefault(name, []).append(number)
    return {name: numbers[0] for name, numbers in found.items() if len(set(numbers)) == 1}


def _iota_block(body: str, found: dict[str, list[int]]) -> None:
    """A Go const block's names and numbers, where iota numbers them (`A = iota + 1`, `B`)."""
    spec, kind, offset = -1, "", 0
    for line in body.splitlines():
        if not line.strip() or line.strip().startswith("//"):
            continue
        spec += 1
        m = IOTA.match(line)
        if m is None:
            kind = ""
            continue
        if m.group("iota"):
            kind, offset = "iota", int(m.group("k") or 0)
        elif m.group("value") is not None:
            kind = ""
        if kind == "iota":
            found.setdefault(m.group("name"), []).append(spec + offset)


def status_hits(
    ctx: FileContext,
    tie: Callable[[], dict[tuple[int, int], Mention]],
    parsed: Callable[[], set[str]] = set,
) -> Iterator[Found]:
    """Each comparison of a status field of the file's answers that the docs contradict, judged
    by the call `tie` gives its read (the answer rules' tie), or, for a distinctive name no call
    is tied to, by the file's calls when all are documented and agree."""
    whole = ctx.doc().text  # (joined once for every rule)
    if not any(w in whole for w in ("status", "Status", "code", "Code")):
        return
    fields = status_fields(ctx)
    if not fields:
        return
    text = _Text(ctx.lines, ctx.name.endswith((".py", ".ipynb")))
    text.name = ctx.name
    text.shell = ctx.name.endswith(SHELL_NAMES)
    text.ruby = answers.is_ruby(ctx.name, ctx.lines[0] if ctx.lines else "")
    text.script = scriptanswers.is_script(ctx.name, ctx.lines[0] if ctx.lines else "")
    text.doc = ctx.doc()
    text.bases = ctx.bases
    text.parsed = parsed
    text.calls = {m.line for m in [*ctx.mentions, *ctx.returned] if m.endpoint is not None}
    text.calls |= _held_uses(ctx)
    seen: set[int] = set()
    ties: list[dict[tuple[int, int], Mention]] = []  # (worked out on the first comparison)
    sure = all(m.verdict == "documented" for m in [*ctx.mentions, *ctx.returned] if m.endpoint)
    for field_ in fields:
        for origin, (at, written, value, meaning) in _placed(text, field_):
            if at in seen:
                continue
            seen.add(at)
            if not ties:
                ties.append(tie())
            one = _tied(text, field_, origin, ties[0], sure)
            if one is None:
                continue
            # (0 as a state AKOOL gave only on a read tied to a call: an untied read judged by its
            # name may be the app's own row, `for job in jobs: job["video_status"] == 0`, breakit35)
            zero = (
                isinstance(value, int)
                and one is not field_
                and _zero_as_state(text, one, at, value)
            )
            if (
                isinstance(value, int)
                and value not in one.states
                and (
                    (origin is not None and _absent(one, value, meaning) and not zero)
                    or _sentinel(text, one.name, value)
                )
            ):
                continue
            found = _judged(one, written, value, meaning)
            if found is not None:
                line, column = text.place(at)
                yield Found(line, column, written, found[0], found[1], one.endpoint.url)


def _held_uses(ctx: FileContext) -> set[int]:
    """The lines that pass a name an AKOOL URL is assigned to (`INFO = "https://.../infobymodelid"`
    then `requests.get(INFO, ...)`): its calls are made there, not where the URL is written."""
    doc, found = ctx.doc(), set[int]()
    for m in ctx.mentions:
        if m.endpoint is None or doc.is_command(m.line):
            continue
        held = url_uses(doc, doc.offset(m.line, m.column))
        found.update(doc.line_of(use) for use in (held[1] if held is not None else ()))
    return found


Compared = tuple[int, str, int | str, Meaning]  # (offset, as written, number or string, meaning)
Placed = tuple[int | None, Compared]  # (where the read compared is written, if a read; compared)


def _tied(
    text: _Text,
    one: Field,
    origin: int | None,
    ties: dict[tuple[int, int], Mention],
    sure: bool,
) -> Field | None:
    """The field as the answer its read is of documents it: that of the call the answer rules
    tie the read to (none when that call's path is a guess or unknown); a read tied to no call
    only for a distinctive name (`video_status`: a generic `status` or `code` may be anyone's)
    in a file whose calls are all documented, judged by the file's calls."""
    # (a model's member: the call decoded into the model, the read's own tie, or the file's calls)
    key = text.declared.get(origin, None) if origin is not None else None
    m = ties.get(key or (-1, -1)) or (ties.get(text.place(origin)) if origin is not None else None)
    if m is None and key is None and origin is not None:
        m = ties.get(_results_read(text, origin) or (-1, -1))
    if m is None and one.code and text.script and origin is not None:
        m = _script_tie(text, origin, ties)
    if m is None:
        own = _own_field(text, one.name) or (origin is not None and _on_own_model(text, origin))
        checked = one.plain and origin is not None and _akool_checker(text, text.place(origin)[0])
        checked = checked or (one.code and origin is not None and _jvm_envelope(text, origin))
        if own or not sure or (one.plain and not checked):
            return None
        if origin is not None and (
            _other_hosts_answer(text, origin) or ownrecords.handed_in(text, origin)
        ):
            return None
        return one
    e = m.endpoint
    if e is None or m.verdict != "documented":
        return None
    for path, states in documented().get(f"{e.method} {e.path}", {}).items():
        if path.rsplit(".", 1)[-1] == one.name:
            return Field(one.name, states, e, one.plain, one.code)
    return None


# -- another host's answer: a read no call is tied to, of a name bound to another host's request --
# The name a read starts from (`j` of `j["data"]["video_status"]` or `j.data.video_status`).
READ_ROOT = rx.compile(r"(?P<n>[A-Za-z_$][\w$]*)(?:\??\.|\[)[\w\"'\[\].?$]*$")
ANSWER_OF = rx.compile(r"^(?:await\s+)?\(?\s*(?:await\s+)?(?P<r>[A-Za-z_]\w*)\s*\)?\s*\.json\(\)")


def _other_hosts_answer(text: _Text, origin: int) -> bool:
    """Whether a read no call is tied to is of a name bound, in the lines above it, to a request
    whose URL is another host's: a literal on that host, or a name the file binds to one (`OTHER =
    "https://api.othervendor.io/v2"`), through one `j = await r.json()` (a file that calls AKOOL and
    another vendor: the other's `video_status` is not judged by AKOOL's calls)."""
    i, column = text.place(origin)
    tail = ownrecords.HANDED_TAIL  # (see ownrecords.handed_in)
    near = text.lines[i][max(0, column - tail) : column + 1]
    root = READ_ROOT.search(near) or READ_ROOT.match(text.lines[i], column)
    name = root.group("n") if root else None
    before = text.lines[i][max(0, column - BOUND_WINDOW) : column]
    expression: tuple[int, str] | None
    for _ in range(2):  # (the answer, then the response it was parsed from)
        on_line = _bound_before(before, name) if name else None
        if on_line is not None:  # (a one-line function's or a bundle's own statements)
            expression, before = (i, on_line[0]), before[: on_line[1]]
        else:
            expression = (
                (ownrecords.bound_above(text, i, name) or _destructured_above(text, i, name))
                if name
                else None
            )
            before = ""
        if expression is None:
            return False
        answer = ANSWER_OF.match(expression[1])
        if answer is None:
            return ownrecords.names_other_host(text, expression[1], expression[0])
        i, name = expression[0], answer.group("r")
    return False


def _bound_before(before: str, name: str) -> tuple[str, int] | None:
    """The expression a name is last bound to in the text before a read on its line, up to its
    statement's `;` (`const j=await r.json();return j.video_status===5`), and where it is."""
    if name not in before:
        return None
    found = list(_bound_pattern(name).finditer(before))
    if not found:
        return None
    last = found[-1]
    rhs = last["rhs"] if last["rhs"] is not None else last["parts"]
    return rhs.split(";")[0], last.start()


def _destructured_above(text: _Text, i: int, name: str) -> tuple[int, str] | None:
    """The line and expression a name is taken from by destructuring in the lines above (`const
    { data } = await axios.get(...)`), which the ties' bindings leave out."""
    for k in range(i - 1, max(-1, i - ownrecords.BOUND_LINES), -1):
        line = text.lines[k]
        if name in line and "{" in line:
            found = _bound_before(line, name)
            if found is not None:
                return k, found[0]
    return None


RESULTS_BEFORE = rx.compile(
    r"(?P<r>result|successList)[\"']?\s*\]?\s*(?:\?\.|\.|\[\s*[\"']|\.get\(\s*[\"'])$"
)


def _results_read(text: _Text, origin: int) -> tuple[int, int] | None:
    """Where a read of an item field under the answer's list of results starts (`result` of
    `d["result"]["status"]`: the answer rules tie the read there)."""
    i, column = text.place(origin)
    m = RESULTS_BEFORE.search(text.lines[i], max(0, column - 40), column)
    return (i, m.start("r")) if m is not None else None


# The app's own record classes imported from its models module (`from .models import Render`,
# `from app.models import Job`, `import { Job } from "@prisma/client"` or "./entities/job", and
# CommonJS' `const { Render } = require("./models")`, Sequelize's usual index of models).
OWN_MODELS = rx.compile(
    r"^\s*from\s+[\w.]*\bmodels(?:\.\w+)*\s+import\s+\(?(?P<py>[\w, \t]+)"
    r"|^\s*import\s+(?:type\s+)?\{(?P<ts>[^}]*)\}\s*from\s*[\"'][^\"']*"
    r"(?:@prisma/client|/models?\b|/entit(?:y|ies)\b)"
    r"|^\s*(?:const|let|var)\s+\{(?P<js>[^}]*)\}\s*=\s*require\(\s*[\"'][^\"']*"
    r"(?:/models?\b|/entit(?:y|ies)\b)",
    re.M,
)
# A class a query selects from (SQLAlchemy's `select(Render).where(Render.video_status == 5)`,
# `session.query(Render)`): its columns named on the class are the app's table's, never an answer's.
QUERIED_CLASS = r"\b(?:select|query)\(\s*{}\b"
# (a row of a list, `rows[0].video_status`, and a subscript, `row["video_status"]`, too)
RECEIVER = rx.compile(
    r"(?<![\w$.])(?P<r>[A-Za-z_$][\w$]*)(?:\[\d+\])?\s*(?:\?\.|\.|\??->|\[\s*[\"'])$"
)


def _on_own_model(text: _Text, origin: int) -> bool:
    """Whether a read is of a name typed by, or fetched through, a class of the app's own models
    (see OWN_MODELS): `render: Render`, `render = Render.objects.get(...)`: its record's field."""
    i, column = text.place(origin)
    receiver = RECEIVER.search(text.lines[i][max(0, column - ownrecords.HANDED_TAIL) : column])
    if receiver is None:
        return False
    if _fetched_record(text, i, receiver["r"], column=column):
        return True
    if receiver["r"][:1].isupper() and _queried_class(text, receiver["r"]):
        return True
    if text.own_models is None:
        text.own_models = {
            c.strip().split(" as ")[-1].split(":")[-1].strip()
            for m in OWN_MODELS.finditer(text.text)
            for c in (m["py"] or m["ts"] or m["js"]).split(",")
        } - {""}
    classes = text.own_models
    if not classes:
        return False
    key = ("typed", receiver["r"])
    if key not in text.owned:  # (once per name: a file's thousands of reads ask again)
        r, named = re.escape(receiver["r"]), "|".join(re.escape(c) for c in sorted(classes))
        typed = rf"(?<![\w$.]){r}\s*(?::\s*(?:{named})\b|=(?!=)[^\n]*\b(?:{named})\b)"
        text.owned[key] = re.search(typed, text.text) is not None
    return text.owned[key]


@lru_cache(maxsize=256)
def _queried_pattern(name: str) -> re.Pattern[str]:
    return re.compile(QUERIED_CLASS.format(re.escape(name)))


def _queried_class(text: _Text, name: str) -> bool:
    """Whether a class of that name is one a query of the file selects from (see QUERIED_CLASS),
    looked for once per name (a file's thousands of reads ask again)."""
    key = ("queried", name)
    if key not in text.owned:
        found = name in text.text and _queried_pattern(name).search(text.text) is not None
        text.owned[key] = found
    return text.owned[key]


# A record fetched through an ORM's query (Prisma's `prisma.render.findUniqueOrThrow(...)`,
# SQLAlchemy's `db.get(Render, id)` / `db.query(Render)`, Django's `.objects.get`, ActiveRecord's
# `Render.find(params[:id])`, Sequelize's `findByPk`, Mongoose's `findById`, TypeORM's `findOneBy`).
ORM_FETCH = rx.compile(
    r"\.(?:findUnique|findUniqueOrThrow|findFirst|findFirstOrThrow|findByPk|findById|findOneBy"
    r"|find_by!?|find_or_create_by!?|scalar_one|scalar_one_or_none|get_or_none"
    r"|findOne|findAll|findOrCreate|findAndCountAll|findOneOrFail|findOneByOrFail)\s*[(!]"
    # (Rust's sqlx `query_as!(Render, ...)` / `query_as::<_, Render>(...)`, Diesel's `.first::<R>`)
    r"|\bquery_as(?:!\s*\(|::<)|\.(?:first|load|get_result|get_results)::<"
    r"|\bobjects\.(?:get|filter|first|create|get_or_create)\b|\bget_object_or_404\(\s*[A-Z]"
    r"|\b(?:db|session|Session|db\.session)\.(?:get|query|scalars|scalar)\(\s*(?:select\(\s*)?[A-Z]"
    r"|(?<![\w$.])[A-Z]\w*\.(?:find|where|find_by|first|last|findOne|findAll|findOrCreate)\b"
    # (Laravel Eloquent's `Render::findOrFail($id)`, `Render::where(...)->first()`)
    r"|(?<![\w$.\\])[A-Z]\w*::(?:find|findOrFail|findOrNew|first|firstOrFail|firstWhere|where)\("
    # (a row of a SQL query: `conn.execute("SELECT ...").fetchone()`, `pool.query("SELECT ...")`,
    # knex's `knex("renders").where(...).first()`)
    r"|(?i:[\"'`]\s*SELECT\s)|\.fetch(?:one|all|many)\(|(?<![\w$.])knex\s*\("
)
LOCAL_BOUND = (
    r"(?<![\w$.]){0}\s*(?::[^=\n]*)?=(?![=>])\s*(?P<rhs>[^\n]*)"
    r"|\{{[^{{}}=\n]*(?<![\w$.]){0}\s*\}}\s*=(?![=>])\s*(?P<parts>[^\n]*)"  # (`const { rows } = ...`)
)
# A row taken from a list the same way bound (`const render = rows[0]`): that list's binding decides.
ROW_OF = rx.compile(r"^(?:await\s+)?(?P<n>[A-Za-z_$][\w$]*)\s*\[\s*\d+\s*\]\s*;?\s*$")


def _fetched_record(
    text: _Text, i: int, receiver: str, depth: int = 0, column: int | None = None
) -> bool:
    """Whether the name a read is on was bound (within 40 lines above) to a record fetched
    through an ORM (see ORM_FETCH): the app's own record, whatever its class is called."""
    bound = _bound_pattern(receiver)
    for j in range(i, max(-1, i - 40), -1):
        line = text.lines[j]
        if j == i and column is not None and column > BOUND_WINDOW:
            line = line[column - BOUND_WINDOW : column]  # (a minified line: its nearby text)
        if receiver not in line:
            continue
        m = bound.search(line)
        if m is not None:
            rhs = m["rhs"] if m["rhs"] is not None else m["parts"]
            row = ROW_OF.match(rhs.strip())
            if row is not None and row["n"] != receiver and depth < 2:
                return _fetched_record(text, j, row["n"], depth + 1)
            return ORM_FETCH.search(rhs) is not None
    return False


BOUND_WINDOW = 3000  # (how far before a read on its own line its name's binding is looked for)


@lru_cache(maxsize=256)
def _bound_pattern(name: str) -> re.Pattern[str]:
    return re.compile(LOCAL_BOUND.format(re.escape(name)))


@lru_cache(maxsize=256)
def _own_pattern(name: str) -> re.Pattern[str]:
    n = re.escape(name)
    return re.compile(
        rf"(?:\.|\[\s*[\"']){n}[\"']?\s*\]?\s*=(?![=>])"  # render.video_status = ..., r["x"] =
        rf"|(?<![\w$.]){n}\s*=\s*(?:models|db|sa|fields|orm)\.\w+\("  # an ORM model's column
        rf"|(?<![\w$.]){n}\s*(?::\s*[\w\[\]]+\s*)?=\s*(?:Column|mapped_column)\("
        rf"|@Column\b[^\n]*\n?\s*(?:public\s+|private\s+)?{n}\b"  # TypeORM's `@Column() x: number`
        rf"|[{{,]\s*[\"']?{n}[\"']?\s*:\s*(?:-?\d|\{{)"  # a record's update or filter: `{{ x: 1 }}`
    )


def _own_field(text: _Text, name: str) -> bool:
    """Whether the file keeps a field of that name itself (sets it on an object, declares it as
    a database column, filters or updates records by it): a read tied to no call is then
    perhaps the app's own record's (a Django model, Prisma rows), not an answer's."""
    key = ("own", name)
    if key not in text.owned:
        found = _own_pattern(name).search(text.text) is not None
        text.owned[key] = found or _entity_field(text, name)
    return text.owned[key]


def _entity_field(text: _Text, name: str) -> bool:
    """Whether a database entity of the file (a JPA `@Entity`, an EF `DbSet<T>`, a GORM model)
    has a member serialized under that name (see statusmembers.kept_by_entity)."""
    if text.doc is None or text.doc.language not in ("", "csharp", "kotlin", "go", "swift"):
        return False
    from akool_cli.audit.statusmembers import kept_by_entity

    return kept_by_entity(text.doc, name)


def _placed(text: _Text, one: Field) -> Iterator[Placed]:
    """Each comparison of the field, with the read it compares (a local's: the read it holds)."""
    for start, end in _reads(text, one):
        origin = text.origins.get(start, start)
        for compared in _compared(text, one, start, end):
            if start not in text.origins:
                text.in_place[compared[0]] = (start, end)
            yield origin, compared
    for compared in _unions(text, one):
        yield None, compared
    if text.shell:
        yield from shell_tests(text, one)


def _compared(text: _Text, one: Field, start: int, end: int) -> Iterator[Compared]:
    """Each value one read of the field is compared with: (its offset, as written, its number,
    the meaning the code gives it, if it says one)."""
    i, column = text.place(start)
    line = text.lines[i]
    ends = column + end - start
    after, before = line[ends : ends + NEAR], line[max(0, column - NEAR) : column]
    shown = AFTER.match(after) or (None if text.python else KOTLIN_AFTER.match(after))
    base = text.starts[i] + column + end - start
    if shown is None:
        shown, base = BEFORE.search(before), text.starts[i] + max(0, column - NEAR)
    if shown is None:
        yield from _cases(text, i, after, text.starts[i] + ends) if len(line) - ends <= NEAR else ()
        yield from _mapped(text, before, start)
        yield from _inline_mapped(text, i, column, ends)  # (`{2: "done"}[s]`, PHP's `match`)
        return
    op = SPELLED.get(shown.group("op"), shown.group("op") or "in")
    op = "==" if "equals" in shown.re.groupindex and shown.group("equals") else op  # (Yoda's)
    items = _items(shown, base)
    tail = after[shown.end() :] if shown.re is AFTER else after
    said = _code_said if one.code else _said
    listed = len(items) > 1 and op == "in" and not one.code  # (`in (2, 3)`, `[2, 3].includes(`)
    context = said(text, i, op, line, tail) if len(items) == 1 or listed else None
    told = _open_member(text, one, items) if listed else None
    strings = not one.code and (
        _through_data(text, before, text.axios) or _held_from_data(text, start)
    )
    strings = strings and not _as_string(before, after[: shown.end()] if shown.re is AFTER else "")
    for at, written in items:
        number, named = _number(text, written)
        kept = _set_member(text, one, written) if number is None and op == "in" else None
        if number is not None:
            yield at, written, number, named or (context if told in (None, at) else None)
        elif kept is not None:
            yield at, written, kept[0], kept[1] or context
        elif strings and _judged_string(text, written, op):
            yield at, written, written.strip("\"'"), context


def _open_member(text: _Text, one: Field, items: list[tuple[int, str]]) -> int:
    """Where the first number of a list written in the test is that the docs give no end state:
    the one the branch's meaning is judged on, as a named set's (_set_member: a "done" list may
    hold failed too, `in (3, 4)`; not processing, `in (2, 3)`); -1 if none."""
    for at, written in items:
        number = _number(text, written)[0]
        if number is not None and one.states.get(number) not in END_STATES:
            return at
    return -1


def _held_from_data(text: _Text, start: int) -> bool:
    """Whether a local's read holds a read of the field through the answer's data (`status =
    r.json().get("data", {}).get("video_status")`, then `status == "completed"`)."""
    origin = text.origins.get(start)
    if origin is None:
        return False
    i, column = text.place(origin)
    line = text.lines[i]
    if _statement_bound(line, column) is None:
        return False  # (`label = STATES.get(d["data"]["video_status"])` holds another value)
    return _through_data(text, line[max(0, column - NEAR) : column], text.axios)


# A name given a set or list of numbers: `DONE_STATES = {2, 3}`, `const DONE = new Set([2, 3])`,
# `Set.of(2, 3)`, `setOf(2, 3)`, `frozenset({2, 3})`, `new[] { 2, 3 }`.
SET_DEFINED = (
    r"(?<![\w$.])NAME\s*(?::[^=\n]*)?=\s*(?:new\s+Set\s*\(\s*|(?:frozen)?set\(\s*"
    r"|(?:Set|List|EnumSet)\.of\(\s*|(?:mutable|hash)?(?:[sS]et|[lL]ist|[aA]rray)Of\(\s*"
    r"|new\s+[\w<>]*(?:\[\])?\s*(?:\(\s*\))?\s*)?[\[{(]?\s*(?P<items>-?\d+(?:\s*,\s*-?\d+)+)\s*[\]})]"
)


def _set_member(text: _Text, one: Field, name: str) -> tuple[int, Meaning] | None:
    """The first number of a set the file names `name` that the docs give no end state (a
    "done" set may hold failed too: `{3, 4}`; not processing: `DONE_STATES = {2, 3}`), with the
    state the set's name says."""
    if not re.fullmatch(r"[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)?", name):
        return None
    last = name.rsplit(".", 1)[-1]
    if last not in text.sets:  # (looked for once per name)
        defined = re.search(SET_DEFINED.replace("NAME", re.escape(last)), text.text)
        items = defined.group("items") if defined is not None else ""
        text.sets[last] = [int(n) for n in re.findall(r"-?\d+", items)]
    numbers = text.sets[last]
    meaning = _meaning(last)
    said = (meaning, f"by the name of its set {last}") if meaning else None
    for number in numbers:
        if one.states.get(number) not in END_STATES:
            return number, said
    return None


# A read converted to a string before it is compared: `String(x.video_status)`, `str(d["s"])`,
# `strval(...)`, `x.video_status.toString()`, `.to_s`: a string in quotes is then right.
TO_STRING_BEFORE = rx.compile(
    r"(?<![\w$.])(?:String|str|strval|string|CStr)\(\s*[\w$.?\[\]\"'()]*$"
)
TO_STRING_AFTER = rx.compile(r"\.(?:toString|to_s|ToString|String)\b")


def _as_string(before: str, after: str) -> bool:
    """Whether the read is converted to a string before the comparison (see TO_STRING_BEFORE)."""
    return bool(TO_STRING_BEFORE.search(before) or TO_STRING_AFTER.search(after))


# A table of the states' names looked up by the read (`STATUS_TEXT[d["video_status"]]`,
# `LABELS.get(status)`), written as numbers to words: `{1: "queued", 2: "done", 3: "failed"}`.
LOOKUP = rx.compile(
    r"(?P<map>[A-Za-z_$][\w$]*)\s*(?:\[|\.get\(|\.getOrDefault\()\s*[\w$.?\[\]\"'()]*$"
)
# Where a file's tables open (`NAME = {`, `NAME: Record<number, string> = {`), by name: the first.
# (PHP's array too: `$labels = [1 => 'queued', 2 => 'done']`)
TABLE = rx.compile(
    r"(?<![\w$.])(?=(?P<n>[A-Za-z_$][\w$]*)\s*(?::[^=\n]*)?=\s*(?P<b>\{|\[(?=\s*-?\d+\s*=>)))"
)
PAIR = rx.compile(r"(?P<n>-?\d+)\s*(?::|=>)\s*[\"'](?P<w>[^\"'\n]*)[\"']")


def _mapped(text: _Text, before: str, at: int) -> Iterator[Compared]:
    """Each number of a table of state names the read looks up, with the meaning its name
    says (see LOOKUP): `{2: "done"}` looked up by video_status takes 2 for completed."""
    lookup = LOOKUP.search(before)
    if lookup is None or lookup.group("map") in KEYWORDS:
        return
    if text.tables is None:  # (indexed once per file: a search per read was quadratic)
        text.tables = {}
        for m in TABLE.finditer(text.text):
            text.tables.setdefault(m["n"], []).append(m.end("b"))
    spots = text.tables.get(lookup.group("map"))
    if not spots:
        return
    # (the table in scope: the last of that name opened before the read, else the first after it;
    # two functions' local `names = {...}` are two tables)
    k = bisect.bisect_right(spots, at) - 1
    opened = spots[k] if k >= 0 else spots[0]
    close = text.text.find("]" if text.text[opened - 1] == "[" else "}", opened, opened + 600)
    for pair in PAIR.finditer(text.text, opened, close if close >= 0 else opened):
        meaning = _meaning(re.sub(r"\W+", "_", pair.group("w")))
        said = (meaning, f'by its name "{pair.group("w")}"') if meaning else None
        yield pair.start("n"), pair.group("n"), int(pair.group("n")), said


def _inline_mapped(text: _Text, i: int, column: int, ends: int) -> Iterator[Compared]:
    """Each number a literal table or a PHP match on the read maps to a word (inlinelabels.py)."""
    line = text.lines[i]
    if "}" not in line[:column] and "match" not in line[:column]:
        return
    for at, written, word in inlinelabels.pairs(line, column, ends):
        meaning = _meaning(re.sub(r"\W+", "_", word))
        said = (meaning, f'by its name "{word}"') if meaning else None
        yield text.starts[i] + at, written, int(written), said


# A type that lists the field's values: TypeScript's `video_status: 1 | 2 | 3 | 5` (or a type
# alias of such a union), Python's `video_status: Literal[0, 1, 2]`.
UNION = r"(?P<union>-?\d+(?:\s*\|\s*-?\d+)+|Literal\[\s*-?\d+(?:\s*,\s*-?\d+)*\s*\])"


def _unions(text: _Text, one: Field) -> Iterator[tuple[int, str, int, Meaning]]:
    """Each number of a type the file gives the field (a distinctive name only: a `status`
    member may be any object's)."""
    if one.plain or one.name not in text.text:
        return
    typed = re.compile(rf"(?<![\w$]){re.escape(one.name)}\??\s*:\s*(?:{UNION}|(?P<alias>[A-Z]\w*))")
    for m in typed.finditer(text.text):
        found = m if m.group("union") else _alias(text, m.group("alias"))
        if found is None:
            continue
        for number in re.finditer(r"-?\d+", found.group("union")):
            yield found.start("union") + number.start(), number.group(), int(number.group()), None


def _alias(text: _Text, alias: str) -> re.Match[str] | None:
    """The union a type alias names (`type VideoStatus = 1 | 2 | 3`, `VideoStatus = Literal[...]`)."""
    return re.search(rf"(?<![\w$]){re.escape(alias)}\s*(?::\s*\w+\s*)?=\s*{UNION}", text.text)


# A switch on the read (`switch (d.video_status) {`, Go's `switch out.Data.VideoStatus {`,
# Python's `match st:`) and its cases (`case 3:`, `case 3, 4:`, `case 3 | 4:`).
# Kotlin's `when (st) { 3 -> ... }`, Java's `case 3 ->`, Ruby's `case st` / `when 3 then ...`.
SWITCH = rx.compile(
    r"\s*(?:return\s+|(?:val\s+|var\s+|let\s+|const\s+)?[A-Za-z_$][\w$]*\s*=\s*)?"
    r"(?:switch|match|when|case)\b"
)
SWITCHED = rx.compile(r"""["'`]?\s*[)\]]*(?:\.\w+\(\s*\))*\s*[)\]]*\s*[{:]?\s*$""")
# (PowerShell's `switch ($r.data.video_status) {` has cases written `2 { ... }`)
CASE = rx.compile(
    r"(?P<indent>\s*)(?:case\s+(?P<values>[^:\n]+?)\s*(?::|->)|when\s+(?P<values2>[^\n]+?)"
    r"(?:\s+then\b|$)|(?:Some\(\s*)?(?P<values3>-?\d+(?:\s*[,|]\s*-?\d+)*)\s*\)?\s*(?:->|=>|\{))"
    r"(?P<rest>.*)$"
)


def _cases(text: _Text, i: int, after: str, at: int) -> Iterator[tuple[int, str, int, Meaning]]:
    """The values of the cases of a switch on the read (a switch expression's arms: see
    switcharms.py), each with the meaning its body says (a case that shares its body with
    another says none)."""
    headed = SWITCH.match(text.lines[i]) is not None
    if headed and SWITCHED.match(after) is not None:
        cases = _case_bodies(text, i)
    elif headed or "switch" in after:  # (C#'s `st switch {`: most reads are followed by neither)
        cases = switcharms.arms(text.text, at, headed)
    else:
        return
    for n, (offset, written, body) in enumerate(cases):
        values = re.split(r"\s*[,|]\s*", written)
        shared = len(values) > 1 or (not "".join(body).strip() and n + 1 < len(cases))
        meaning = None if shared else _branch_meaning("\n".join(body))
        said = (meaning, "by the case it opens") if meaning else None
        for value in values if written else ():
            number, named = _number(text, value)
            if number is not None:
                yield offset + written.find(value), value, number, named or said


def _case_bodies(text: _Text, i: int) -> list[tuple[int, str, list[str]]]:
    """The cases of the switch on line i: (where its values start, them, its body's lines);
    `default` closes the case before it and has no values."""
    indent = len(text.lines[i]) - len(text.lines[i].lstrip())
    cases: list[tuple[int, str, list[str]]] = []
    for j in range(i + 1, min(len(text.lines), i + 80)):
        below = text.lines[j]
        if j == i + 1 and below.strip() == "{":
            continue  # (Allman's brace, on its own line below the switch)
        case = CASE.match(below)
        other = re.match(r"\s*(?:default|else)\b", below)
        outdented = below.strip() and len(below) - len(below.lstrip()) <= indent
        if outdented and case is None and other is None:
            break
        if case is not None:
            group = next(g for g in ("values", "values2", "values3") if case.group(g))
            start = text.starts[j] + case.start(group)
            cases.append((start, case.group(group).strip(), [case.group("rest")]))
        elif other is not None:
            cases.append((text.starts[j], "", []))
        elif cases:
            cases[-1][2].append(below)
    return cases


def _items(shown: re.Match[str], base: int) -> list[tuple[int, str]]:
    """The values a comparison names, each with its offset: one, or a list's (`in (3, 4)`)."""
    if shown.group("list") is None:
        value = shown.group("value")
        return [(base + shown.start("value"), value)] if value else []
    found = []
    for m in re.finditer(
        r"-?\d+\b|[A-Za-z_$][\w$]*(?:(?:\.|::|->)[A-Za-z_$][\w$]*)*", shown.group("list")
    ):
        found.append((base + shown.start("list") + m.start(), m.group()))
    return found


def _number(text: _Text, written: str) -> tuple[int | None, Meaning]:
    """A value's number (a literal, or a constant the file gives one) and the meaning its
    name says (`STATUS_SUCCESS`: completed)."""
    if re.fullmatch(r"-?\d+", written):
        return int(written), None
    if written[:1] in "\"'":
        return None, None
    names = re.split(r"\.|::|->", written)
    if names[-1] == "value" and len(names) > 1:  # (Python's Status.DONE.value)
        names.pop()
    qualified = text.counted().get(".".join(names[-2:])) if len(names) > 1 else None
    if qualified is None and len(names) > 2:  # (a Java enum member's number: `E.DONE.code`)
        qualified = text.counted().get(".".join(names[-3:-1]))
    number = qualified if qualified is not None else text.number(names[-1])
    meaning = _meaning(names[-1])
    return number, ((meaning, "by its name") if number is not None and meaning else None)


def _meaning(name: str, flag: bool = False) -> str | None:
    """The one state a name says (`STATUS_FAILED`, `isCompleted`; a flag's `ready`), if it says one."""
    words = re.sub(r"([a-z])([A-Z])", r"\1_\2", name).lower().split("_")
    if {"not", "no", "un"} & set(words):
        return None
    said = {MEANING_WORDS[w] for w in words if w in MEANING_WORDS}
    if flag:  # (a flag's `ready`/`ok`; not a constant's or a branch's word)
        said |= {FLAG_WORDS[w] for w in words if w in FLAG_WORDS}
    return said.pop() if len(said) == 1 else None


# A comparison that is the whole condition or the whole value of a flag: one operator, no `or`.
ONE_TEST = rx.compile(r"===?|!==?|-eq\b|-ne\b|\.[Ee]quals\(|\bin\b(?!\.)|\|\||\bor\b|-or\b")
FOR_IN = rx.compile(r"\bfor\s+[\w, ()]+?\s+in\b")  # (a comprehension's `for r in xs`: no test)


def _tests(line: str) -> int:
    """How many comparisons a line makes (see ONE_TEST); asked of lines of LONG characters at
    most (a minified line of 4,000 comparisons is asked about none of them)."""
    return len(ONE_TEST.findall(FOR_IN.sub(" ", line) if "for" in line else line))


FLAG = rx.compile(
    r"\s*(?:const\s+|let\s+|var\s+|val\s+|bool\s+|boolean\s+)?(?P<flag>[A-Za-z_]\w*)"
    r"(?:\s*:\s*\w+)?\s*:?=(?!=)"
)
# (a PHP template's branch opens after its tag: `<?php if ($s == 3): ?>`, `<?php elseif (...): ?>`)
BRANCH = rx.compile(
    r"\s*(?:<\?(?:php\b)?\s*)?(?:\}\s*)?(?:if|elif|elseif|else\s+if|elsif|case|when)\b"
)
# Words of a branch that say it is not the job's end (`print("not done yet")`).
UNDECIDED = frozenset({"not", "yet", "still", "wait", "waiting", "poll", "retry", "sleep"})
ENDED = {"download": "completed", "downloaded": "completed"}
# A read of a job's result (`return d["video"]`, `item.url`, `data.image`, v4's `video_url`, a
# voice's `preview`): AKOOL fills it in when the job is done. Also read through a getter given the
# key (`data.getString("video")`, `GetProperty("video")`), a typed model's member (`.Video`,
# `.VideoURL`, `.getVideoUrl()`, `.videoUrl`) or a record's accessor after a chain (`.video()`).
RESULT_READ = rx.compile(
    r"""(?:\.|\[\s*["']|\.[A-Za-z]\w*\(\s*["'])(?:video_url|video|url|image|preview)\b(?!\s*\()"""
    r"|\.(?:get)?(?:Video|Image|Url|URL|Preview|VideoUrl|VideoURL)\b|\.videoUrl\b"
    r"|\)\s*\.\s*(?:video|url|image|videoUrl|preview)\(\s*\)"
    r"""|\.dig\([^()]*["'](?:video_url|video|url|image|preview)["']\s*\)"""  # (Ruby's `dig("data", "video")`)
)


def _said(text: _Text, i: int, op: str, line: str, tail: str) -> Meaning:
    """The state the code says one literal of a comparison stands for: the name of the flag
    it is bound to (`isCompleted = s === 3`) or the branch it opens (`if s == 4: raise ...`,
    `if (s === 2) return item.url`: the job's result is read only when it is done)."""
    if len(line) <= LONG and LOOP_HEAD.match(line) is not None:  # (shell's `=`: no ONE_TEST)
        return (
            _loop_said(text, i, op, line) if _tests(line) <= 1 and not JOINED.search(line) else None
        )
    if op not in ("==", "===", "in") or len(line) > LONG:
        return None
    if (_tests(line) or op == "in") != 1:  # (`[2, 3].includes(s)`: a membership ONE_TEST misses)
        return None
    flag = FLAG.match(line)
    meaning = _meaning(flag.group("flag"), flag=True) if flag is not None else None
    if flag is not None and meaning:
        return meaning, f"by the flag {flag.group('flag')}"
    key = inlinelabels.key_of(line, op) if flag is None else None  # (`{"done": s == 2}`)
    meaning = _meaning(key, flag=True) if key else None
    if key and meaning:
        return meaning, f"by the key {key}"
    returned = _returned_by(text, i, line)  # (`function done() { return s === 2; }`)
    if returned is not None:
        return returned
    body = _body(text, i, line, tail)  # (`url = d["video"] if s == 2 else ""`: its value)
    meaning = _branch_meaning(body) if body is not None else None
    if meaning is None and body is not None and "return" in body:
        # (`const { data: { image_status: s, image } } = ...`, then `if (s === 2) return image;`)
        named = resultlocals.result_names(text.lines, i)
        meaning = "completed" if named and resultlocals.hands_on(body, named) else None
    return (meaning, "by the branch it opens") if meaning else None


# A return of one comparison, the whole statement (`return j.data.image_status === 2;`).
RETURNS = rx.compile(r"\s*return\s+(?!.*(?:&&|\|\||\band\b|\bor\b|\?(?![.?])))[^;]*;?\s*$")


def _returned_by(text: _Text, i: int, line: str) -> Meaning:
    """The state a comparison stands for when it is all a function returns and the function's
    name says one (`done()`, `isComplete`, `job_failed`): the function is that state's test."""
    if RETURNS.match(line) is None:
        return None
    name = ties.enclosing_function(text.lines, i)
    meaning = _meaning(name, flag=True) if name else None
    return (meaning, f"by the function {name} that returns it") if meaning else None


# A loop whose condition is the comparison: `while s != 3:`, `while (s !== 3) {`, `} while (s !==
# 3);`, Go's `for s != 3 {`, shell's `until [ "$s" = 3 ]; do` and `until curl ... | jq -e '... == 3'`.
LOOP_HEAD = rx.compile(r"\s*(?:\}\s*)?(?:(?P<kind>while|until)\b|for\b(?![^{]*;))")
# Words that join a loop's test with another (`while s != 3 and s != 4`: it ends on either).
JOINED = rx.compile(r"&&|\band\b|\s-[ao]\s")
# A line that only closes a block: `}`, `};`, `done`, `end`, `} while (...)` is no closer (a test).
CLOSER = rx.compile(r"\s*(?:\}\s*;?|done|end|fi|esac)\s*(?:#.*|//.*)?$")


def _loop_said(text: _Text, i: int, op: str, line: str) -> Meaning:
    """The state a loop takes the value it ends on for (`while status != 2:` waits for 2): what the
    code after the loop does with the answer (`return d["video"]`, `echo done`), else nothing."""
    kind = LOOP_HEAD.match(line)
    until = kind is not None and kind.group("kind") == "until"
    ends_on = op in ("==", "===") if until else op in ("!=", "!==")
    if not ends_on:
        return None
    indent = len(line) - len(line.lstrip())
    after: list[str] = []
    for below in text.lines[i + 1 : i + 40]:
        depth = len(below) - len(below.lstrip())
        if not below.strip() and after:
            break  # (the statements right after the loop, up to a blank line)
        if not below.strip() or (depth > indent and not after):
            continue  # (the loop's own body)
        if depth < indent or len(after) == 6 or LOOP_HEAD.match(below) is not None:
            break  # (out of the block the loop is in; another loop waits for something else)
        if not after and CLOSER.match(below):
            continue  # (the loop's own end: `}`, shell's `done`)
        after.append(below)
    meaning = _branch_meaning("\n".join(after)) if after else None
    return (meaning, "by the code after the loop it ends") if meaning else None


def _body(text: _Text, i: int, line: str, tail: str) -> str | None:
    """The statements of the branch a comparison on line i opens: the rest of its line, and the
    lines below indented deeper (None: the line opens no branch)."""
    if BRANCH.match(line) is None:
        return _chosen(line, tail)
    indent = len(line) - len(line.lstrip())
    body = [tail]
    first = i + 2 if i + 1 < len(text.lines) and text.lines[i + 1].strip() == "{" else i + 1
    for below in text.lines[first : first + 8]:  # (after Allman's brace on a line of its own)
        if below.strip() and len(below) - len(below.lstrip()) <= indent:
            break
        body.append(below)
    return "\n".join(body)


# A value chosen by the comparison: a ternary's `? yes :`, Python's `yes if ... else no` and Ruby's
# postfix `return yes if ...` (the statement's value before its one `if`).
TERNARY = rx.compile(r"\s*\)?\s*\?(?![?.])(?P<yes>[^:\n]*):")
POSTFIX = rx.compile(
    r"^\s*(?:return\s+|(?:const\s+|let\s+|var\s+)?[\w$.\[\]\"']+\s*=\s*)?"
    r"(?P<yes>[^\n]+?)\s+if\s+(?!.*\bif\b)"
)


# A comparison inside a filter's callback (`.filter((r) => r.status === 2)`, Java's `.filter(r ->`,
# C#'s `.Where(x =>`, Ruby's `.select { |r|`): what the chain does next with the items kept
# (`.map((r) => r.video_url)`) is what it picks.
FILTERED = rx.compile(
    r"\.(?:filter|find|findLast|Where|First|FirstOrDefault|select|detect|find_all)\s*[({]"
    r"[^\n]*?(?:=>|->|\|\s*\w+\s*\|)[^;\n]*$"
)


def _chosen(line: str, tail: str) -> str | None:
    """What a comparison written as an expression picks when it holds (see TERNARY, POSTFIX,
    FILTERED)."""
    ternary = TERNARY.match(tail)
    if ternary is not None:
        return ternary.group("yes")
    head = line[: len(line) - len(tail)]
    if FILTERED.search(head, max(0, len(head) - NEAR)) is not None:
        return tail
    postfix = POSTFIX.match(line)
    if postfix is not None and postfix.end() <= len(line) - len(tail):
        return postfix.group("yes")  # (the comparison is after the `if`)
    return None


# A flag that says the envelope's code means success (`ok = j["code"] == 0`).
SUCCESS_WORDS = frozenset({"ok", "success", "succeeded", "successful", "succeed", "valid"})


def _code_said(text: _Text, i: int, op: str, line: str, tail: str) -> Meaning:
    """Whether the code takes one number of the envelope's code for success: a flag named so,
    a branch on `==` that goes on with the answer (fails in no way, waits for nothing), or one on
    `!=` that fails (`if j["code"] != 0: raise ...`)."""
    if len(line) > LONG or _tests(line) != 1:
        return None
    if text.ruby and " unless " in line:
        return _unless_said(line, op, tail)
    flag = FLAG.match(line)
    if flag is not None:
        words = set(re.sub(r"([a-z])([A-Z])", r"\1_\2", flag.group("flag")).lower().split("_"))
        named = op in ("==", "===") and words & SUCCESS_WORDS and not words & {"not", "no"}
        return ("success", f"by the flag {flag.group('flag')}") if named else None
    body = _body(text, i, line, tail)
    if body is None or not body.strip(" {:)\n"):
        return None
    failing = _branch_meaning(body) == "failed"
    if op in ("!=", "!==") and failing:
        return "success", "by the failure it is the test for"
    words = set(re.findall(r"[a-z]+", body.lower()))
    if op in ("==", "===") and not failing and not words & (UNDECIDED | set(MEANING_WORDS)):
        return "success", "by the branch it opens"
    return None


# Ruby's postfix `unless` (`raise body[:msg] unless body[:code] == 0`): the statement runs when the
# comparison fails.
UNLESS = rx.compile(r"^\s*(?P<yes>\S[^\n]*?)\s+unless\s+(?!.*\bunless\b)")


def _unless_said(line: str, op: str, tail: str) -> Meaning:
    """A Ruby statement run unless the envelope's code equals a number: a failure it raises or
    returns says the number is success."""
    m = UNLESS.match(line)
    if m is None or m.end() > len(line) - len(tail) or op not in ("==", "==="):
        return None
    return (
        ("success", "by the failure it is the test for")
        if _branch_meaning(m.group("yes")) == "failed"
        else None
    )


ERROR_MEMBER = rx.compile(r"\.\s*(?:Error|error|Err|err)\b(?!\s*\()")


# A type's name a static method is called on (C#'s `Pending.Done(id, url)`, Java's
# `Jobs.markFailed(id)`): the class that holds the method, not what the branch says.
TYPE_RECEIVER = rx.compile(r"(?<![\w$.])[A-Z]\w*\.(?=[A-Za-z_]\w*\s*\()")


def _branch_meaning(body: str) -> str | None:
    """Whether a branch's statements say the job failed or finished, and nothing else."""
    # (each word of a camel-cased name counts: `raise RenderFinished(vid)` names a finish; an
    # error member read, GORM's `return db.Save(r).Error`, an `if err != nil` one, says none)
    body = ERROR_MEMBER.sub(" ", body) if "rror" in body else body
    body = TYPE_RECEIVER.sub("", body) if "." in body else body
    split = re.sub(r"([a-z])([A-Z])", r"\1 \2", body).lower()
    words = set(re.findall(r"[a-z]+", split)) | set(re.findall(r"[a-z]+", body.lower()))
    if words & UNDECIDED:
        return None
    said = {MEANING_WORDS.get(w) or ENDED.get(w) for w in words} - {None}
    if RESULT_READ.search(body):
        said.add("completed")
    if FAILING.search(body):
        said.add("failed")
    return said.pop() if len(said) == 1 and said <= {"completed", "failed"} else None


# A plain `status` read through the answer's data: `x.data.status`, `d["data"]["status"]`,
# `body.get("data", {}).get("status")`, `data?.status`.
ACCESS = r"\s*(?:\?\.|\.|\[\s*[\"']|\.(?:get|GetProperty|path)\(\s*[\"']|->)$"
THROUGH_DATA = rx.compile(r"(?:\.\s*data\b|[\"']data[\"']\s*(?:,[^()\n]*)?[\])])" + ACCESS)
# A name the file binds to the answer's data (`d = r.json()["data"]`, `const data = json.data`,
# `data = body.get("data") or {}`, `const { data } = await res.json()`): its `status` is the
# answer's (with axios, `res.data` is the whole answer: its data is `res.data.data`).
NAMED = rx.compile(r"(?<![\w$.])(?P<n>[A-Za-z_$][\w$]*)" + ACCESS)
# One line of a binding's right-hand side (a hash's key, Ruby's and PHP's `"x-api-key" => key`,
# included).
RHS_LINE = r"(?:[^\n;=]|(?<=\w)=(?![=>])|(?<=[\"'] )=>)*"
DATA_READ = (
    r"(?:\[\s*[\"']data[\"']\s*\]|\.get\(\s*[\"']data[\"'][^()\n]*\)|\??\.data))"
    r"\s*(?:\bor\s*\{\}|\|\|\s*\{\}|\?\?\s*(?:\{\}|\[\]))?\s*;?[ \t]*$"
)
BOUND_NAME = (
    r"(?<![\w$.])(?P<n>[A-Za-z_$][\w$]*)[ \t]*(?::[ \t]*[\w<>\[\], ]+)?[ \t]*:?=\s*(?P<rhs>"
)
DATA_BOUND = rx.compile(
    BOUND_NAME + RHS_LINE + DATA_READ + r"|\{\s*(?P<d>data)\s*\}\s*=\s*await\s+[\w.]+\.json\(\)",
    re.M,
)
# The same binding with a call's arguments over a few lines (`requests.get(URL,\n params=q).json()
# ["data"]`): asked only of a statement whose first line ends open (OPEN_ENDS), over at most
# CALL_LINES more lines.
CALL_LINES = 8
OPEN_ENDS = (",", "(", "[", "{")
DATA_BOUND_OVER = rx.compile(
    BOUND_NAME + rf"(?:{RHS_LINE}[,(\[{{][ \t]*\n){{1,{CALL_LINES}}}{RHS_LINE}" + DATA_READ, re.M
)
AXIOS_DATA = rx.compile(
    r"\bdata\s*(?:\?\.|\.|\[\s*[\"'])\s*data[\"']?\s*\]?\s*(?:\?\.|\.|\[\s*[\"'])$"
)
# What may follow a read bound to a local: its closing brackets, a default, the statement's end.
CLOSED = rx.compile(
    r"""["'`]?\s*(?:,\s*[^()\n]{1,20})?[)\]]*(?:\.\w+\(\s*\))?(?:\s+as\s+\w+\??)?\s*[)\]]*\s*"""
    r"""(?:(?:\?\?|\|\||\bor\b)\s*-?\w+\s*)?"""
    r"""[;,]?\s*(?:#.*|//.*)?$"""
)
KEYWORDS = frozenset({"return", "if", "while", "case", "await", "yield", "not", "and", "or"})


def _reads(text: _Text, one: Field) -> list[tuple[int, int]]:
    """Where the file reads the field: by its name (a plain `status` only through the answer's
    data), by a Go struct field tagged with it, and by a local bound to such a read."""
    found = []
    axios = text.axios
    names = [one.name] if one.plain else [one.name, *_tagged(text, one.name)]
    for name in names:
        for m in re.finditer(rf"(?<![\w$]){re.escape(name)}(?![\w$])", text.text):
            i, column = text.place(m.start())
            line = text.lines[i]
            before = line[max(0, column - NEAR) : column]
            if line.lstrip().startswith(COMMENT):
                continue
            if name != one.name and not before.endswith("."):
                continue  # (a Go struct's field, read as a member)
            if one.code and not _through_answer(text, before, axios):
                continue
            if one.plain and not one.code and not _through_data(text, before, axios):
                continue
            if one.plain and not (_after_akool(text, i) or _akool_checker(text, i)):
                continue  # (another API's `data.status`, `code`: HeyGen's, a cloud's)
            found.append((m.start(), m.end()))
    members = _member_reads(text, one)
    found = [read for read in found if read[0] not in text.declared] + members
    return found + _locals(text, found)


def _member_reads(text: _Text, one: Field) -> list[tuple[int, int]]:
    """The reads of the field through a typed answer model's members (see statusmembers.py),
    each judged by the call its member's declaration is tied to, never by the file's calls."""
    if text.doc is None:
        return []
    from akool_cli.audit.statusmembers import member_reads

    found = []
    for read in member_reads(text.doc, text.text, text.lines, text.starts, one.name):
        if read.declared is not None:
            text.declared[read.start] = read.declared
        found.append((read.start, read.end))
    return found


# A request some code makes (an HTTP library's verb, fetch, curl): the answer read after one that
# is not an AKOOL call is that request's.
REQUEST_LINE = rx.compile(
    r"(?:\bfetch|\brequests\.\w+|\baxios(?:\.\w+)?|\bhttpx\.\w+|\bhttp\.(?:Get|Post|NewRequest)"
    r"|\bgot(?:\.\w+)?|\$fetch|\bofetch|\bcurl_init|\bHttp::\w+|\bky(?:\.\w+)?)\s*\("
    r"|\bcurl\s"
)
AKOOL_WINDOW = 40  # lines: a read of the answer this far after the call


def _after_akool(text: _Text, i: int) -> bool:
    """Whether the request nearest before line i (within AKOOL_WINDOW lines) is an AKOOL call:
    the generic `status` and `code` of another API's answer are not AKOOL's."""
    for j in range(i, max(-1, i - AKOOL_WINDOW), -1):
        if j in text.calls:
            return True
        if REQUEST_LINE.search(text.lines[j]):
            return False
    return False


HELPER_LINES = 120  # (how far above a read the head of the helper that makes it is looked for)


def _jvm_envelope(text: _Text, origin: int) -> bool:
    """Whether the `code` read at `origin` is of a parsed JVM answer bound in the method that makes
    an AKOOL call above it (jvmanswers.read_in_akool_method)."""
    if text.python or text.answers is None:
        return False
    i, column = text.place(origin)
    before = text.lines[i][max(0, column - NEAR) : column]
    return jvmanswers.read_in_akool_method(text.lines, text.calls, text.answers, i, before)


def _akool_checker(text: _Text, i: int) -> bool:
    """Whether line i is in a helper of the file given a response to check (`def _check(self,
    resp): j = resp.json(); if j["code"] != 0: raise ...`) whose every call is made right after
    an AKOOL call, with no other request between (see _after_akool): it reads AKOOL's answers."""
    if not text.calls:
        return False
    depth = len(text.lines[i]) - len(text.lines[i].lstrip())
    for k in range(i - 1, max(-1, i - HELPER_LINES), -1):
        head = text.lines[k]
        if not head.strip() or len(head) - len(head.lstrip()) >= depth:
            continue
        if k not in text.checkers:  # (once per helper, however many reads it makes)
            text.checkers[k] = _checker_calls_akool(text, k)
        return text.checkers[k]
    return False


def _checker_calls_akool(text: _Text, k: int) -> bool:
    """Whether line k defines a named helper given something, each of whose calls is made right
    after an AKOOL call (see _akool_checker)."""
    head = text.lines[k]
    defined = function_def(head)
    name = next((g for g in defined.groups() if g), "") if defined is not None else ""
    if not name or name in KEYWORDS or "(" not in head or "()" in head:
        return False  # (a block that is no named helper given something)
    call = re.compile(rf"(?<![\w$]){re.escape(name)}\s*\(")
    calls = [j for j, t in enumerate(text.lines) if j != k and name in t and call.search(t)]
    return bool(calls) and all(_after_akool(text, j) for j in calls)


def _through_data(text: _Text, before: str, axios: bool) -> bool:
    """Whether a plain `status` read is through the answer's data (see THROUGH_DATA), or its list
    of results (`d["result"]["status"]`, an item of `j.data.result`: see ITEMS)."""
    if (AXIOS_DATA if axios else THROUGH_DATA).search(before):
        return True
    named = NAMED.search(before)
    if named is not None and named.group("n") in _data_names(text, axios):
        return True
    results = RESULTS.search(before)
    if results is not None and (results["d"] or results["n"] in _data_names(text, axios)):
        return True
    return named is not None and named.group("n") in _item_names(text)


# The answer's list of results read on its data (`j["data"]["result"]["status"]`, `d.result.status`
# with d the data) and a name bound to each of its items: a loop's (`for r in j["data"]["result"]:`,
# `for (const item of j.data.result)`), a callback's (`.result.filter((s) => ...)`, `.forEach(`,
# Ruby's `.each do |r|`) or a comprehension's (`[... for r in j["data"]["result"] ...]`).
RESULT_NAMES = r"(?:result|successList)"
RESULTS = rx.compile(
    r"(?:(?P<d>\.\s*data\b|[\"']data[\"']\s*\])|(?<![\w$.])(?P<n>[A-Za-z_$][\w$]*))\s*"
    rf"(?:\??\.{RESULT_NAMES}\b|\[\s*[\"']{RESULT_NAMES}[\"']\s*\])(?:\s*\[\s*\d+\s*\])?" + ACCESS
)
ITEMS = rx.compile(
    rf"\bfor\s+(?P<p>[A-Za-z_]\w*)\s+in\s+[^\n:]*?(?:\[\s*[\"']{RESULT_NAMES}[\"']\s*\]|\.get\(\s*[\"']{RESULT_NAMES}[\"'][^()\n]*\))"
    rf"|\bfor\s*\(\s*(?:const|let|var)\s+(?P<j>[A-Za-z_$][\w$]*)\s+of\s+[^\n)]*?\.{RESULT_NAMES}\b"
    rf"|\.{RESULT_NAMES}\??\.(?:filter|map|forEach|find|some|every|findIndex|flatMap)\(\s*(?:async\s+)?"
    r"\(?\s*(?P<c>[A-Za-z_$][\w$]*)"
    rf"|[\"']{RESULT_NAMES}[\"']\s*\]\s*\.(?:each|select|map|find|detect|filter|reject)\s*(?:do\s*|\{{\s*)\|(?P<r>\w+)\|"
    # (an item taken by its index: `const item = data.data.result[0];`, `first = j["data"]["result"][0]`,
    # Ruby's `.first`; the call before it may pass keyword arguments: `get(u, params={...})`)
    # (the value read at most 300 characters on: a minified line's every `x =` is not read
    # to the line's end, breakit35)
    rf"|(?<![\w$.=!<>])(?P<x>[A-Za-z_$][\w$]*)\s*=(?![=~])\s*[^\n;]{{0,300}}?(?:\.{RESULT_NAMES}|\[\s*[\"']{RESULT_NAMES}[\"']\s*\])"
    r"\s*(?:\[\s*\d+\s*\]|&?\.first\b)[ \t]*;?[ \t]*(?=\r?\n|$)"
)


def _item_names(text: _Text) -> set[str]:
    """The names the file binds to an item of an answer's list of results (see ITEMS), once."""
    if text.item_names is None:
        text.item_names = {
            m["p"] or m["j"] or m["c"] or m["r"] or m["x"] for m in ITEMS.finditer(text.text)
        }
    return text.item_names


def _data_names(text: _Text, axios: bool) -> set[str]:
    """The names the file binds to its answers' data (see DATA_BOUND), found once."""
    if text.data_names is None:
        text.data_names = set()
        for m in [*DATA_BOUND.finditer(text.text), *_bound_over_lines(text)]:
            rhs = m.group("rhs") or ""
            if "\n" in rhs and not _call_over_lines(rhs):
                continue  # (`x = {\n id: 1,\n body: r["data"]` binds an object, not the data)
            if m.groupdict().get("d") or not axios or len(re.findall(r"\bdata\b", rhs)) >= 2:
                text.data_names.add(m.group("n") or "data")
    return text.data_names


def _bound_over_lines(text: _Text) -> Iterator[re.Match[str]]:
    """DATA_BOUND_OVER's matches, each asked of a statement whose first line binds and ends open."""
    for i, line in enumerate(text.lines):
        if "=" in line and line.rstrip().endswith(OPEN_ENDS):
            chunk = "\n".join(text.lines[i : i + CALL_LINES + 1])
            m = DATA_BOUND_OVER.search(chunk, 0, len(chunk))
            if m is not None and m.start() <= len(line):
                yield m


def _call_over_lines(rhs: str) -> bool:
    """Whether a right-hand side written over lines breaks them inside a call's parentheses, all
    closed before the data is read (`requests.get(URL,\n params=q).json()["data"]`)."""
    first = rhs.split("\n", 1)[0]
    return first.count("(") > first.count(")") and rhs.count("(") == rhs.count(")")


# The envelope's `code` read on a parsed answer: `r.json()["code"]`, `(await r.json()).code`,
# `doc.RootElement.GetProperty("code")`, a name the answer rules' ties hold a call's parsed
# answer in (ties.Scope.bodies: `j = r.json()`, `JSON.parse(...)`, Jackson's `readTree(...)`),
# or axios' `res.data.code`.
ON_ANSWER = rx.compile(
    r"(?:\.json\(\)\s*\)?|\.RootElement|(?<![\w$.])(?P<n>[A-Za-z_$][\w$]*))" + ACCESS
)
AXIOS_ANSWER = rx.compile(r"\.data" + ACCESS)


def _through_answer(text: _Text, before: str, axios: bool) -> bool:
    """Whether a `code` read is of a parsed answer (see ON_ANSWER)."""
    if text.script and _script_answer(text, before):
        return True
    if axios and AXIOS_ANSWER.search(before):
        return True
    on = ON_ANSWER.search(before)
    getter = jvmanswers.getter_name(before) if on is None and not text.python else None
    if on is None and getter is None:
        return False
    if on is not None and on.group("n") is None:
        return True
    if text.answers is None:  # (ties' own judgement: parses bound anywhere, a call's scope)
        text.answers = ownrecords.line_facts(text).parsed_names(jvm=not text.python) | text.parsed()
    if on is None:
        return getter in text.answers
    name = on.group("n")  # (PowerShell's `$r.code`: the ties name its `$r` r)
    return name in text.answers or (name[:1] == "$" and name[1:] in text.answers)


def _script_answer(text: _Text, before: str) -> bool:
    """Whether a PHP or Ruby `code` read is of a parsed answer (see scriptanswers.py): the names
    that hold one are ties' (Lines.script_answers)."""
    return scriptanswers.on_answer(before, ownrecords.line_facts(text).script_answers(text.calls))


def _script_tie(text: _Text, origin: int, ties: dict[tuple[int, int], Mention]) -> Mention | None:
    """The call a PHP or Ruby read of the envelope's code is of when the answer rules tie none of
    its reads (`resp.body["code"]`, `$r['code']`: see scriptanswers.py): the nearest call above
    whose other reads they tie, if it is the nearest request (see _after_akool)."""
    i, column = text.place(origin)
    if not _script_answer(text, text.lines[i][max(0, column - NEAR) : column]):
        return None
    if not _after_akool(text, i):
        return None
    above = [m for m in ties.values() if i - AKOOL_WINDOW < m.line <= i]
    return max(above, key=lambda m: m.line) if above else None


def _tagged(text: _Text, name: str) -> list[str]:
    """The Go struct fields tagged with the field's name (`VideoStatus int `json:"video_status"``)."""
    tag = re.compile(rf"^\s*([A-Z]\w*)\s+[\w.*\[\]]+\s+`[^`\n]*json:\"{re.escape(name)}[,\"]", re.M)
    return sorted({m.group(1) for m in tag.finditer(text.text)}) if "json:" in text.text else []


def _locals(text: _Text, reads: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The later reads of a local bound to a read of the field (`st = item.get("x_status")`),
    up to where it is bound again."""
    found = []
    for start, end in reads:
        i, column = text.place(start)
        line = text.lines[i]
        bound = BOUND.search(line[max(0, column - NEAR) : column]) or _statement_bound(line, column)
        bound = bound or _continued_bound(text, i, column)
        rest = line[column + end - start :] if len(line) - column <= NEAR else "..."
        renamed = RENAMED.match(rest) if bound is None and DESTRUCTURING.match(line) else None
        bound = bound if renamed is None else renamed
        if bound is None or (renamed is None and CLOSED.match(rest) is None):
            continue
        local = bound.group("local")
        if local in KEYWORDS or _table_lookup(line[:column], local):
            continue  # (`state = STATES[d["video_status"]]`: the table's value, a name)
        name = re.compile(rf"(?<![\w$.]){re.escape(local)}(?![\w$])")
        again = re.compile(rf"(?<![\w$.]){re.escape(local)}\s*:?=(?!=)")
        above = _loop_above(text, i)  # (`while status != 2:` above `status = ...` in its body)
        lines = ([above] if above is not None else []) + list(
            range(i + 1, min(len(text.lines), i + 60))
        )
        for j in lines:
            if j > i and again.search(text.lines[j]):
                break
            for m in name.finditer(text.lines[j]):
                found.append((text.starts[j] + m.start(), text.starts[j] + m.end()))
                text.origins[text.starts[j] + m.start()] = start
    return found


def _table_lookup(head: str, local: str) -> bool:
    """Whether the value a local is bound to, up to a read (`head`: the line before it), looks a
    table up by the read (`STATES[data.video_status]`, `NAMES[d["video_status"]]`): a bracket
    still open after a name, given no key in quotes but the read's own expression."""
    bindings = list(re.finditer(rf"(?<![\w$.]){re.escape(local)}\s*:?=(?![=>])\s*", head))
    value = head[bindings[-1].end() :] if bindings else head
    opened: list[int] = []
    for k, ch in enumerate(value):
        if ch == "[":
            opened.append(k)
        elif ch == "]" and opened:
            opened.pop()
    return any(
        k > 0
        and (value[k - 1].isalnum() or value[k - 1] in "_$)]")
        and value[k + 1 :].lstrip()[:1] not in ('"', "'", "`")
        for k in opened
    )


# A key destructured under another name: `const { data: { video_status: status } } = await r.json()`.
DESTRUCTURING = rx.compile(r"\s*(?:const|let|var)\s*\{[^=]*\}\s*=[^=]")
RENAMED = rx.compile(r"\s*:\s*(?P<local>[A-Za-z_$][\w$]*)\s*(?:=[^,}]*)?[,}]")

# A statement that binds a name: `status = requests.get(u, params={...}).json()["data"]["x"]`.
STATEMENT_BOUND = rx.compile(
    r"^\s*(?:const\s+|let\s+|var\s+|val\s+"
    # (a typed declaration: Java's and C#'s `String status = `, `final int st = `)
    r"|(?:final\s+)?(?:[A-Z]\w*|string|int|long)(?:<[\w<>, ?]*>)?\??\s+(?=[A-Za-z_]\w*\s*=[^=]))?"
    r"(?P<local>\$?[A-Za-z_]\w*)" + TYPED + r"\s*:?=(?![=>])\s*"
)


def _statement_bound(line: str, column: int) -> re.Match[str] | None:
    """The name a statement binds when the read at `column` ends its value (BOUND reads only a
    plain chain before it; a request's call with its arguments is one too), not when the read is
    inside a call's parentheses (`label = names(d["x_status"])` holds another value)."""
    m = STATEMENT_BOUND.match(line) if column <= NEAR * 2 else None
    if m is None:
        return None
    value = line[m.end() : column]
    if ";" in value or SHELL_PIPE.search(value):
        return None  # (`R=$(curl ...); echo "$R" | jq -r .data.x`: another statement's read)
    getter = GETTER_TAIL.search(value)  # (Ruby's `j.dig("data", "x")`: the getter's parentheses)
    value = value[: getter.start()] if getter is not None else value
    return m if value.count("(") == value.count(")") else None


# A statement's continuation line: a chained call on a line of its own (`->json('data.x')`, `.then(`).
CONTINUATION = rx.compile(r"^\s*(?:->|\?->|\.(?!\.))")
CONTINUED_LINES = 6  # (the lines a chained statement goes on over, at most)


def _continued_bound(text: _Text, i: int, column: int) -> re.Match[str] | None:
    """The name a statement written over lines binds when the read at `column` of line i, a
    line of the statement's chain, ends its value (Laravel's `$status = Http::withHeaders([...])`
    then `->get(URL, [...])` then `->json('data.video_status');`): as _statement_bound reads the
    statement's lines joined."""
    if not CONTINUATION.match(text.lines[i]):
        return None
    head = i
    while head > max(0, i - CONTINUED_LINES) and CONTINUATION.match(text.lines[head]):
        head -= 1
    if CONTINUATION.match(text.lines[head]):
        return None
    joined = " ".join([text.lines[head], *(t.strip() for t in text.lines[head + 1 : i])])
    joined += " " + text.lines[i][:column].lstrip()
    return _statement_bound(joined, len(joined))


SHELL_PIPE = rx.compile(r"(?<!\|)\|(?!\|)")  # (a shell pipe, not `||`)
# A getter given the read's key as its last argument: `.dig("data", "`, `.get("`, `.fetch("`;
# or a path to it (Laravel's `->json('data.`).
GETTER_TAIL = rx.compile(
    r"\.(?:dig|get|fetch|path|getInt|getString|optInt|optString|GetProperty)\(\s*(?:[\"'][\w]+[\"']\s*,\s*)*[\"']$"
    r"|(?:->|\.)json\(\s*[\"'](?:\w+\.)+$"
)


def _loop_above(text: _Text, i: int) -> int | None:
    """The line of the loop whose body line i is in, when its head is above it (`while s != 2:`),
    a few lines up at most: its test reads what the body binds on each turn."""
    indent = len(text.lines[i]) - len(text.lines[i].lstrip())
    for j in range(i - 1, max(-1, i - 12), -1):
        line = text.lines[j]
        depth = len(line) - len(line.lstrip())
        if not line.strip() or depth >= indent:
            continue
        return j if LOOP_HEAD.match(line) is not None else None
    return None


END_STATES = frozenset({"completed", "failed"})


def _judged(one: Field, written: str, value: int | str, said: Meaning) -> tuple[str, str] | None:
    """(the documented value, the message) when the docs contradict a compared value: a number
    the field never has, or one the code gives a meaning the docs give another number."""
    if one.code:
        return _judged_code(one, written, value, said)
    if isinstance(value, str):
        return _judged_word(one, written, value)
    states, e = one.states, one.endpoint
    where = f"AKOOL's answer to {e.method} {e.path}"
    listed = ", ".join(f"{n} ({w})" for n, w in sorted(states.items()))
    shown = written if written == str(value) else f"{written} ({value})"
    if value not in states:
        message = f"{shown} is not a value of {one.name}: {where} gives {listed} ({e.url})"
        return " or ".join(str(n) for n in sorted(states)), message
    doc = states[value]
    meaning, why = said or ("", "")
    if not meaning or doc == meaning or (meaning not in END_STATES and doc not in END_STATES):
        return None
    right = sorted(n for n, w in states.items() if w == meaning)
    message = f"{shown} is taken as {meaning} {why}, but {where} gives {one.name} {value} for {doc}"
    message += (f"; {meaning} is {right[0]}" if right else "") + f" ({e.url})"
    return (str(right[0]) if right else listed), message


def _judged_code(
    one: Field, written: str, value: int | str, said: Meaning
) -> tuple[str, str] | None:
    """A number the code takes for the envelope's success code that is not the documented one
    (`if j["code"] != 0: raise`, `if (j.code === 200)`; AKOOL's is 1000, the legacy detect's 0)."""
    success = next(iter(one.states))
    if not isinstance(value, int) or value == success or said is None or said[0] != "success":
        return None
    if success == 1000 and 1000 < value < 2000:
        return None  # (one of AKOOL's own codes: an error the code tests for)
    e = one.endpoint
    shown = written if written == str(value) else f"{written} ({value})"
    message = (
        f"{shown} is taken as success {said[1]}, but AKOOL's answer to {e.method} {e.path} "
        f"gives {one.name} {success} for success ({e.url})"
    )
    return str(success), message


def _judged_string(text: _Text, written: str, op: str) -> bool:
    """Whether a string compared with a status field is judged: a word (`"completed"`: the field
    is a number), or a number's digits where they never equal the number (Python, Ruby, `===`)."""
    inner = written.strip("\"'")
    if written[:1] not in "\"'" or not inner:
        return False
    return not inner.isdigit() or text.python or text.ruby or op in ("===", "!==")


def _judged_word(one: Field, written: str, value: str) -> tuple[str, str] | None:
    """A string compared with a status field the docs give as a number."""
    e = one.endpoint
    listed = ", ".join(f"{n} ({w})" for n, w in sorted(one.states.items()))
    meaning = MEANING_WORDS.get(value.lower())
    right = (
        int(value)
        if value.isdigit()
        else next((n for n, w in one.states.items() if w == meaning), None)
    )
    message = (
        f"{written} is not a value of {one.name}: AKOOL's answer to {e.method} {e.path} gives it "
        f"as a number, {listed}" + (f"; compare with {right}" if right is not None else "")
    )
    return (str(right) if right is not None else listed), message + f" ({e.url})"


def _absent(one: Field, value: int, said: Meaning) -> bool:
    """Whether a state field's value is the code's own "no state yet" (0 or below, which AKOOL
    never gives: Go's zero value of a decoded int, a destructuring or dataclass default, `or 0`,
    a names table's `0: "unknown"`), unless the code calls it a job's end (`DONE = 0`)."""
    return not one.code and value <= 0 and (said is None or said[0] not in END_STATES)


# The languages where a read of a field the answer lacks gives no 0 (None, undefined, nil, null:
# none of them `== 0`), so a read compared in place with 0 can only mean AKOOL gave 0 (not Go's,
# the JVM's or .NET's decoded zero value, nor PHP's `null == 0`).
NO_ZERO_VALUE = (".py", ".ipynb", ".js", ".mjs", ".cjs", ".ts", ".tsx", ".jsx", ".rb", ".dart")
# The words a read compared in place may follow: a branch's, a test's, a return's (not a call
# that converts it, `Number(s)`, `int(s)`, whose 0 may stand for a missing field).
TEST_WORDS = frozenset({"if", "elif", "elsif", "while", "unless", "and", "or", "when", "return"})
EQUALS_ZERO = rx.compile(r"[\"'`]?\s*[\])]?\s*={2,3}\s*0(?![\w.])")
READ_CHAIN_END = rx.compile(r"[\w$.?!\[\]\"']*$")  # (a read's chain up to its field's name)


def _zero_as_state(text: _Text, one: Field, at: int, value: int) -> bool:
    """Whether a comparison with 0 treats 0 as a state AKOOL gives (`if d["video_status"] == 0:
    print("not started")`, `retry if row["faceswap_status"] == 0`), not as the code's own "no
    status yet": the field read in place right before `==`/`===` (no local that may hold a
    starting 0, no conversion of a missing field to 0), in a language where a missing field
    reads as no number, and no default of 0 given the field anywhere in the file (_sentinel)."""
    span = text.in_place.get(at)
    if value != 0 or span is None or not text.name.lower().endswith(NO_ZERO_VALUE):
        return False
    i, column = text.place(span[0])
    line = text.lines[i]
    end = column + span[1] - span[0]
    near = max(0, column - NEAR)  # (`d["` of `d["video_status"]`; a chain this long at most)
    root = READ_CHAIN_END.search(line, near, column)
    before = line[: root.start() if root is not None else column].rstrip().rstrip("(").rstrip()
    word = re.search(r"[\w$]+$", before)
    converted = word is not None and word.group() not in TEST_WORDS
    keyed = line[column - 1 : column] in ("'", '"') or line[:column].endswith("data.")
    return (
        keyed
        and not converted
        and EQUALS_ZERO.match(line, end) is not None
        and not _zero_default(text, one.name)
    )


@lru_cache(maxsize=256)
def _zero_default_pattern(name: str) -> re.Pattern[str]:
    return re.compile(
        rf"\b{re.escape(name)}[\"']?\s*(?::\s*[\w\[\]|.? ]+?)?\s*(?:=|:|=>)\s*0(?![\w.])"
    )


def _zero_default(text: _Text, name: str) -> bool:
    """Whether the file gives the field 0 anywhere (a dict's or a model's default, `video_status:
    int = 0`, `{"video_status": 0, **data}`, a destructuring's `{ video_status = 0 }`): its 0 may
    then be the code's own, however it is read). Asked once a name a file (breakit35: a search
    of the whole file per comparison, 5,000 of them 113.6 s)."""
    known = text.zero_defaults.get(name)
    if known is None:
        known = text.zero_defaults[name] = _zero_default_pattern(name).search(text.text) is not None
    return known


@lru_cache(maxsize=256)
def _sentinel_pattern(name: str, value: int) -> re.Pattern[str]:
    n = re.escape(str(value))
    return re.compile(
        rf"{re.escape(name)}[\"'`]?\s*(?:,\s*{n}\s*\)|\]?\s*(?:\?\?|\|\||\bor\b)\s*{n}\b)"
    )


def _sentinel(text: _Text, name: str, value: int) -> bool:
    """Whether the file gives the read a default of this value (`.get("x_status", 0)`, `?? -1`):
    comparing with it tests for no status, not for a state (looked for once per value)."""
    if (name, value) not in text.sentinels:
        found = _sentinel_pattern(name, value).search(text.text) is not None
        text.sentinels[(name, value)] = found
    return text.sentinels[(name, value)]


# -- Shell scripts' status tests ----------------------------------------------------------------
# A shell variable bound to a jq read of the field (`status=$(curl ... | jq -r '.data.video_status')`,
# `s=$(echo "$resp" | jq -r .data.video_status)`), then tested: `[ "$status" = "completed" ]`,
# `[[ $status == 3 ]]`, `[ "$status" -eq 3 ]`, or the patterns of `case $status in 2) ...`.
SHELL_NAMES = (".sh", ".bash", ".zsh")
SHELL_BOUND = rx.compile(
    r"^[ \t]*(?:(?:local|export|readonly|declare)[ \t]+)?(?P<n>[A-Za-z_]\w*)=[\"']?\$\(.*\bjq\b"
)
SHELL_TEST = (
    r"\[\[?[ \t]+!?[ \t]*(?P<read>\"?\$\{{?{name}\}}?\"?)[ \t]*(?P<op>==|=|!=|-eq|-ne)[ \t]*"
    r"(?P<value>\"[^\"$`\n]*\"|'[^'\n]*'|[\w.-]+)(?=[ \t]*\]|[ \t]*&&|[ \t]*\|\|)"
)
SHELL_CASE = r"\bcase[ \t]+\"?\$\{{?{name}\}}?\"?[ \t]+in\b"
# A `case` on the jq read itself: `case $(jq -r .data.video_status <<<"$j") in`.
SHELL_CASE_ON_JQ = rx.compile(r"^[ \t]*case[ \t]+\"?\$\((?=[^)\n]*\bjq\b).*\)\"?[ \t]+in\b")
CASE_PATTERN = rx.compile(r"^[ \t]*\(?(?P<pats>[^()\s;][^()]*?)\)")
SHELL_WORD = rx.compile(r"^(?:-?\d+|[A-Za-z_]\w*)$")


def shell_tests(text: _Text, one: Field) -> Iterator[Placed]:
    """Each test of a shell variable bound to a jq read of the field, with that read (a plain
    `status` only read under the answer's data, and an answer of AKOOL's, as in _reads)."""
    read = re.compile((r"\.data" if one.plain else "") + rf"\.{re.escape(one.name)}\b")
    for i, line in enumerate(text.lines):
        bound = SHELL_BOUND.match(line)
        if bound is None or line.lstrip().startswith("#"):
            if "case" in line and "jq" in line and SHELL_CASE_ON_JQ.match(line):
                yield from _shell_case_on_jq(text, i, read, one.name)
            called = shellfunctions.bound_call(line) if "$(" in line else None
            if called is not None:  # (`s=$(video_status "$id")`: a function printing the read)
                yield from _shell_function_tests(text, i, called, read, one.name)
            continue
        m = read.search(line, line.index("jq", bound.end() - 2))
        if m is None or not _after_akool(text, i):
            continue
        # (at the field's name, where the answer rules tie a read: `status` of `.data.status`)
        origin = text.starts[i] + m.end() - len(one.name)
        for compared in _shell_compared(text, i, bound.group("n")):
            yield origin, compared


def _shell_function_tests(
    text: _Text, i: int, called: tuple[str, str], read: re.Pattern[str], name: str
) -> Iterator[Placed]:
    """The tests of a variable bound on line i to what a function of the script prints, when
    that function prints the field's jq read (placed at the read in the function)."""
    spot = shellfunctions.printing_function(text.lines, called[1], read)
    if spot is None or not _after_akool(text, spot[0]):
        return
    origin = text.starts[spot[0]] + spot[1] - len(name)
    for compared in _shell_compared(text, i, called[0]):
        yield origin, compared


def _shell_case_on_jq(text: _Text, i: int, read: re.Pattern[str], name: str) -> Iterator[Placed]:
    """The patterns of a `case` on line i whose word is the jq read of the field itself (placed
    at the field's name, as shell_tests places a bound read)."""
    line = text.lines[i]
    m = read.search(line, line.index("jq"))
    if m is None or not _after_akool(text, i):
        return
    origin = text.starts[i] + m.end() - len(name)
    for compared in _case_patterns(text, i):
        yield origin, compared


def _shell_compared(text: _Text, i: int, name: str) -> Iterator[Compared]:
    """The values the variable `name`, bound on line i, is tested against before it is bound again."""
    # A test needs a `[`/`[[` or a `case` line naming the variable: a script of thousands of reads
    # with none (`R0=$(curl ...)`, `R1=...`) compiles no pattern for each name (re's cache holds 512).
    head = _loop_above(text, i)  # (`until [ "$s" = 2 ]; do` above `s=$(...)` in its body)
    lines = ([head] if head is not None else []) + list(range(i + 1, min(len(text.lines), i + 60)))
    if not any(
        ("[" in text.lines[j] or "case" in text.lines[j]) and name in text.lines[j] for j in lines
    ):
        return
    test = re.compile(SHELL_TEST.format(name=re.escape(name)))
    case = re.compile(SHELL_CASE.format(name=re.escape(name)))
    again = re.compile(rf"^[ \t]*(?:local[ \t]+)?{re.escape(name)}=")
    for j in lines:
        line = text.lines[j]
        if j > i and again.match(line):
            break
        if line.lstrip().startswith("#"):
            continue
        for m in test.finditer(line):
            op = SPELLED.get(m.group("op"), "==" if m.group("op") == "=" else m.group("op"))
            said = _shell_said(text, j, op, line, line[m.end() :])
            one = _shell_value(text.starts[j] + m.start("value"), m.group("value"), said)
            if one is not None:
                yield one
        if case.search(line):
            yield from _case_patterns(text, j)


# Where a shell `if`'s branch ends on its line: its `else`, `elif` or `fi`.
SHELL_BRANCH_END = rx.compile(r"\b(?:else|elif|fi)\b")


def _shell_said(text: _Text, i: int, op: str, line: str, tail: str) -> Meaning:
    """The state a shell test's code says a value is (see _said): a shell's `=` is no comparison
    _said counts, so an `if [ "$s" = 2 ]; then echo done; fi` is read here, its one test known."""
    if LOOP_HEAD.match(line) is not None or BRANCH.match(line) is None or op not in ("==", "="):
        return _said(text, i, op, line, tail)
    body = _body(text, i, line, tail)
    body = SHELL_BRANCH_END.split(body or "", maxsplit=1)[0]
    meaning = _branch_meaning(body) if body.strip() else None
    return (meaning, "by the branch it opens") if meaning else None


def _case_patterns(text: _Text, i: int) -> Iterator[Compared]:
    """The patterns of the `case` on line i (`2)`, `"completed"|done)`), up to its `esac`."""
    for j in range(i + 1, min(len(text.lines), i + 60)):
        line = text.lines[j]
        if re.match(r"[ \t]*esac\b", line):
            return
        m = CASE_PATTERN.match(line)
        if m is None or m.group("pats").strip() == "*":
            continue
        at = text.starts[j] + m.start("pats")
        parts = list(re.finditer(r"[^|]+", m.group("pats")))
        said = _case_said(text, j, m.end()) if len(parts) == 1 else None
        for part in parts:
            written = part.group(0).strip()
            one = _shell_value(at + part.start() + part.group(0).index(written), written, said)
            if one is not None:
                yield one


def _case_said(text: _Text, i: int, column: int) -> Meaning:
    """The state a `case` branch's statements (from column of line i to its `;;`) say it is."""
    body = [text.lines[i][column:]]
    for j in range(i + 1, min(len(text.lines), i + 10)):
        if ";;" in body[-1]:
            break
        body.append(text.lines[j])
    meaning = _branch_meaning(" ".join(body).split(";;")[0])
    return (meaning, "by the branch it opens") if meaning else None


def _shell_value(at: int, written: str, said: Meaning) -> Compared | None:
    """A tested value as a number (`3`, `"3"`: jq -r prints the number's digits) or a word (a
    state's name, which the field never is); None for anything else (a variable, a glob)."""
    inner = written[1:-1] if written[:1] in "\"'" and len(written) > 1 else written
    if not SHELL_WORD.match(inner):
        return None
    if inner.lstrip("-").isdigit():
        return at, written, int(inner), said
    return at, written, inner, said
