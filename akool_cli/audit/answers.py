"""What a script reads from an AKOOL answer, line by line: the field, whether it is under the
answer's `data` or at its top, and the name the read starts from, through the shapes people write
(`.json()["data"]["x"]`, `res.data.data.x`, `?.`, `->`, Perl's `->{data}{x}`, Java's
`getJSONObject("data")`, Go's `out["data"].(map[string]interface{})["x"]`,
`JSON.parse(res.body)['data']`, destructuring)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from akool_cli.audit import brackets, rx, shellreads, stringpaths, ties
from akool_cli.audit.fields import GO_STRUCT, GO_TAGGED, Container, Text, split_top

# An accessor of a field: `.x`, `?.x`, `!.x` (TypeScript), `->x` (PHP).
DOT = r"(?:[?!]?\.|->)"
# A call that reads a named field: `.get("x")`, Java's `getString("x")`/`optJSONObject("x")`,
# Jackson's `path("x")`, C#'s `GetProperty("x")`, Ruby's `fetch("x")`.
GETTER = (
    # (Go: simplejson's js.Get("k"), a map type's own m.GetString("k"))
    r"\.(?:get|opt|fetch|path|GetProperty|Value<[^>]*>|Get)"
    r"(?:String|Int|Integer|Long|Double|Boolean|JSONObject|JSONArray|AsJsonObject|AsJsonArray)?"
    r"\(\s*[\"']"
)
# A generic method called after a name (Newtonsoft's `j["data"].Value<int>("video_status")`): the
# name is the method's, the read its argument's (GETTER).
NOT_GENERIC_CALL = r"(?!<[\w\s,.?\[\]]*>\s*\()"
# A Go type assertion after a map read: out["data"].(map[string]interface{}).
ASSERTION = r"(?:\.\((?:map\[string\](?:interface\{\}|any)|[\w.*\[\]]+)\))?"
DATA_READ = rx.compile(
    r"(?<![\w)\]])(?P<root>[\w)\]]*(?:" + DOT + r"[\w)\]]+)*?)"
    r"(?:(?P<dotted>" + DOT + r"data)"
    r"|(?P<bracket>(?:(?:\?|!!?)?\[\s*[\"']data[\"']\s*\]|->\{\s*[\"']?data[\"']?\s*\}|"
    + GETTER
    + r"data[\"']\s*(?:,\s*\{\}\s*)?\))"
    + ASSERTION
    + r")"
    r"|(?<![\w./>-])(?P<bare>data))"
    r"\s*(?:"
    + DOT
    + r"|(?:\?|!!?)?\[\s*[\"']|(?<=\})(?:->)?\{\s*[\"']?|"  # (Perl: $j->{data}{x}, ->{data}->{'x'})
    + GETTER
    + r")(?!data\b)(?P<name>[A-Za-z_]\w*)(?![\w(])(?!\s*\()"
    + NOT_GENERIC_CALL
)
# Where a DATA_READ match may start (its lookbehind, and a character its root, an accessor, `[`
# or `data` opens with), and how far the name and accessor characters from there run.
DATA_READ_START = rx.compile(r"(?<![\w)\]])[\w)\]?!.\[-]")
DATA_READ_RUN = rx.compile(r"[\w)\]?!.>-]*")
# A `data` that an accessor may follow (after blanks): what every DATA_READ match whose `data` is
# inside a run of those characters holds (`.x`, `?.x`, `!.x`, `->x`, `["x"]`, `{x}`, a quote);
# a dotted accessor takes a name that is not `data` (DATA_READ's `(?!data\b)`: `data.data.` and a
# run's last `data.` before a quote start no read, break21g #31's `"x-api-key" + "data." x N`).
DATA_THEN_ACCESSOR = rx.compile(r"data\s*(?:" + DOT + r"(?!data\b)[A-Za-z_]|[\[{\"'}])")


def data_reads(line: str) -> Iterator[re.Match[str]]:
    """DATA_READ's matches on a line, as finditer gives them. On a long line, a run of name and
    accessor characters that holds no `data` and opens no `[`, `(`, `{` or `<` after it starts
    none (every read's root and accessor are such characters), and is passed over whole: tried
    from each `.` of a long chain (`a.a.a...`), each try read the chain to its end (perf22). So
    is the rest of a run after its last `data` that an accessor follows (`j.data.f0.f1...`: each
    try from a later `.` read the chain to its end, quadratic: break21f #2)."""
    if len(line) <= ties.STATEMENT_CHARS:
        yield from DATA_READ.finditer(line)
        return
    pos, run_end, closed, last = 0, -1, False, -1
    for start in DATA_READ_START.finditer(line):
        at = start.start()
        if at < pos:
            continue
        if at >= run_end:
            run = DATA_READ_RUN.match(line, at)
            end = run.end() if run is not None else at
            closed = end == len(line) or line[end] not in "[({<"
            last = _last_data(line, at, end)
            run_end = max(end, at + 1)
        m = None if closed and last < at else DATA_READ.match(line, at)
        if m is not None:
            yield m
            pos = m.end()


def _last_data(line: str, start: int, end: int) -> int:
    """Where the last `data` in line[start:end] that an accessor may follow starts (-1: none)."""
    last, at = -1, line.find("data", start, end)
    while at >= 0:
        if DATA_THEN_ACCESSOR.match(line, at):
            last = at
        at = line.find("data", at + 4, end)
    return last


TOP_READ = rx.compile(  # (not Python's own module run as a tool: `| python3 -m json.tool`)
    r"(?:\.json\(\)|(?<![\w.])(?<!-m\s)(?<!-m)(?:answer|resp_json|res_json|json|response_json))"
    r"\s*(?:" + DOT + r"|\[\s*[\"']|" + GETTER + r")(?!await\b)"  # (not Rust's `.json().await`)
    r"(?P<name>[A-Za-z_]\w*)(?![\w(])(?!\s*\()"
    r"|(?<=jq)\s+(?:-r\s+)?[\"']?\.(?P<jq>[A-Za-z_]\w*)(?P<jqmore>\.[A-Za-z_]\w*)?"
)
# What may follow TOP_READ's word (past `()` and blanks): a member's dot or arrow (DOT, GETTER), or
# a key's bracket; (`json=` in `requests.post(u, json=body)` is no read).
TOP_FOLLOWERS = ("?", "!", ".", "-", "[")


def may_read_top(line: str) -> bool:
    """Whether TOP_READ may match on a line: `jq` is on it, or one of TOP_READ's words (each holds
    `json` or `answer`) is followed by what reads a member (TOP_FOLLOWERS)."""
    if "jq" in line:
        return True
    for word in ("json", "answer"):
        k = line.find(word)
        while k >= 0:
            k += len(word)
            j = k + 2 if line.startswith("()", k) else k
            while j < len(line) and line[j].isspace():
                j += 1
            if line[j : j + 1] in TOP_FOLLOWERS:
                return True
            k = line.find(word, k)
    return False


# A field named by a path: Laravel's `$res->json('data.status')`, Ruby's `.dig('data', 'status')`.
PATH_READ = rx.compile(
    r"(?:->json\(\s*[\"'](?P<data>data\.)?|\.dig\(\s*[\"']data[\"']\s*,\s*[\"'](?P<dig>))"
    r"(?P<name>[A-Za-z_]\w*)[\"'.]"
)
# Ruby with symbolized keys: body[:data][:status], body.dig(:data, :status).
RUBY_READ = rx.compile(
    r"(?:\[\s*:data\s*\]\s*\[\s*:|\.dig\(\s*:data\s*,\s*:)(?P<name>[A-Za-z_]\w*)\b"
)
# A dotted .data after one of these is under the answer's data (fetch: json.data.X); after any
# other name it is an HTTP library's body (axios: res.data.X is the answer's top-level X).
BODY_NAMES = rx.compile(r"(?:^|\.)(?:\w*[jJ]son|\w*JSON|body|payload|answer)$")
# A call that parses what it is given: JSON.parse(res.body)['data'] reads res's answer.
PARSE_CALL = rx.compile(
    r"(?:JSON\.parse|json\.loads?|json_decode|JSON\.load|Oj\.load|MultiJson\.load|JSONObject|jsonDecode|json\.decode"
    r"|decode_json|from_json"  # (Perl's JSON)
    r"|JsonParser\.parse\w*|JObject\.Parse|JsonDocument\.Parse|JsonNode\.Parse"
    r"|DeserializeObject(?:<[^>]*>)?|readTree|readValue|fromJson"
    r"|(?<!\w)(?:Box|DotMap|munchify|Munch|AttrDict|EasyDict))\s*$"  # (attribute dicts of it)
)
# A parse of a fetch Response, typed or not: `.json()`, `.json<any>()` (Workers', Bun's and ky's
# `Response.json<T>()`: the same parsed answer).
JSON_CALL = r"\.json(?:<[^()\n]*>)?\(\)"
# How a file binds a variable named data: to the answer's data field, or to the whole answer.
DATA_FIELD = rx.compile(
    r"(?<![\w.{])data\s*(?::[^=\n]+)?:?=\s*[^=\n]*(?:\[\s*[\"']data[\"']\s*\]|\.data\b|get\(\s*[\"']data[\"'])"
    r"|\{\s*data\s*\}\s*=[^\n]*"
    + JSON_CALL  # const { data } = await res.json(): the data field
    + r"|\{\s*data\s*\}\s*=\s*(?:await\s+)?[\w.]+\.data\s*;?\s*$",  # const { data } = res.data: the same
    re.M,
)
# A variable named data bound to a field of the answer's data (`data = body["data"]["result"]`,
# `const data = json.data.result`, `data = data["result"]`): it holds neither the answer nor its data.
DATA_DEEPER = rx.compile(
    r"(?<![\w.{])data\s*(?::[^=\n]+)?:?=\s*(?:[^=\n]*"
    r"(?:\[\s*[\"']data[\"']\s*\]|\.data\b|get\(\s*[\"']data[\"']\s*\))|(?:await\s+)?data)\s*"
    r"(?:\[\s*[\"'](?!data[\"'])[A-Za-z_]\w*[\"']\s*\]|[?!]?\.(?!data\b)[A-Za-z_]\w*\b(?!\s*\()"
    r"|\.get\(\s*[\"'](?!data[\"'])[A-Za-z_])"
)
DATA_BODY = rx.compile(
    r"(?<![\w.{])data\s*(?::[^=\n]+)?:?=\s*[^=\n]*(?:"
    + JSON_CALL
    + r"|JSON\.parse\([^()\n]*\)|json\.loads\([^()\n]*\))\s*;?\s*$"
    # const { data } = await axios...: the body (but not `= res.data`, the body's own data)
    r"|\{\s*data\s*\}\s*=(?![^\n]*" + JSON_CALL + r")(?!\s*(?:await\s+)?[\w.]+\.data\s*;?\s*$)",
    re.M,
)
# const { status, video_url } = res.data.data; const { data: { _id } } = await r.json()
# A destructuring declaration: its pattern runs to the brace that closes the first one (found by
# brackets.matching: a nested default, `{ data: { video = null } = {} }`, holds braces and `=`).
DESTRUCTURE_HEAD = rx.compile(r"^\s*(?:export\s+)?(?:const|let|var)\s*\{")
DESTRUCTURE_TAIL = rx.compile(r"\s*(?::\s*[^=]+)?=(?!=)\s*(?P<expr>[^;]+?)\s*;?\s*$")


def destructuring(line: str) -> tuple[str, int, str] | None:
    """A destructuring declaration's pattern (without its braces), where it starts, and the
    expression it is given: `const { a, b: { c } } = expr;`."""
    head = DESTRUCTURE_HEAD.match(line)
    if head is None:
        return None
    close = brackets.matching(line, head.end() - 1, 1, len(line))
    tail = DESTRUCTURE_TAIL.match(line, close + 1) if close > 0 else None
    if tail is None:
        return None
    return line[head.end() : close], head.end(), tail.group("expr")


@dataclass(frozen=True)
class Read:
    line: int
    column: int
    name: str
    place: str  # "data" (under the answer's data), "top", or "data?" (a variable named data)
    root: str | None = None  # the name the read starts from (r in r.json()["data"]), if known
    # `r.data.X` taken as an HTTP library's body (axios): under the answer's data instead when r
    # holds the parsed answer (see ties.Scope.bodies).
    on_response: bool = False
    # Tied to a call only as the read after it that starts from no name (`jq .x out.json`): not
    # certain enough to judge a field that scripts do not often guess.
    loose: bool = False
    # Part of a fallback chain (`a.x ?? a.y`, `a["x"] or a["y"]`): the names read beside it.
    beside: tuple[str, ...] = ()
    rank: int = 0  # its place in that chain (0: the chain's first member, the read it makes)
    pattern: bool = False  # a destructuring key (`{ status } = ...`): also a variable's name
    tag: bool = False  # a Go struct's json tag, read by every answer decoded into the struct
    # The answer's data used as a list (`json.data.map(...)`, `Array.isArray(json.data)`,
    # `for v in body["data"]`): name "data", place "top".
    listed: bool = False


READ_HINTS = ("data", "json", "jq", "answer", "JSON", "Json")  # (a line with none reads nothing)

# An assignment to what a read names (`j.data.status = ...`, `j["data"]["status"] = ...`,
# `d.url ??= ...`): the script writes that field, it does not read it (not `==`, `=>`).
WRITTEN = rx.compile(r"[\"']?\s*\]?\s*(?:=(?![=>])|\|\|=|\?\?=|\+=|-=)")
# Python's `j["data"].setdefault("url", ...)`: the field is there to read afterwards.
SET_DEFAULT = rx.compile(r"\.setdefault\(\s*[\"']([A-Za-z_]\w*)[\"']")


def written(lines: list[str], read: Read) -> bool:
    """Whether a read is the target of an assignment (see WRITTEN): a field the script sets."""
    if read.pattern or read.tag or not 0 <= read.line < len(lines):
        return False
    return WRITTEN.match(lines[read.line], read.column + len(read.name)) is not None


def set_by_default(text: str) -> set[str]:
    """The fields a file sets with `.setdefault("x", ...)` on its answers' data (see written)."""
    if ".setdefault(" not in text:
        return set()
    return {
        m.group(1)
        for line in text.splitlines()
        if "data" in line and ".setdefault(" in line
        for m in SET_DEFAULT.finditer(line)
    }


def may_read(line: str) -> bool:
    """Whether a line holds one of the words every answer read needs (READ_HINTS)."""
    return (  # (READ_HINTS, written out: asked of every line)
        "data" in line
        or "json" in line
        or "jq" in line
        or "answer" in line
        or "JSON" in line
        or "Json" in line
    )


# A Java cast of a getter's value that a read goes on from (`((Map<?, ?>) res.get("data"))
# .get("image_id")`, `((JSONObject) o.get("data")).getString("x")`): its opening parenthesis and
# the cast, to blank with the parenthesis that closes it.
CAST_WRAPPED = rx.compile(r"\(\s*\(\s*[A-Z][\w.]*(?:\s*<[^()]*>)?(?:\[\])?\s*\)\s*(?=[A-Za-z_$])")


def uncast(line: str) -> str:
    """A line with each CAST_WRAPPED read on written as the plain chain, in blanks of the same
    length (the reads' columns are the line's)."""
    for m in reversed(list(CAST_WRAPPED.finditer(line))):
        close = brackets.matching(line, m.start(), 1, len(line))
        if close >= 0 and line.startswith(".", close + 1):
            blank = " " * (m.end() - m.start())
            line = line[: m.start()] + blank + line[m.end() : close] + " " + line[close + 1 :]
    return line


# A cast written after the value, closing the parentheses a read goes on from (Swift's
# `(obj?["data"] as? [String: Any])?["x"]`, TypeScript's `(j.data as any).x`, Kotlin's
# `(j["data"] as Map<*, *>)["x"]`): the cast and its closing parenthesis, to blank with the
# parenthesis that opens them.
AS_CAST_CLOSED = rx.compile(
    # (`(?<!\s)`: a search tried at each blank of a long run does not read the run to its end)
    r"(?<!\s)\s+as[?!]?\s+(?:\[[^\[\]()]*\]|[A-Za-z_][\w.]*(?:\s*<[^()]*?>)?(?:\[\])?\??)\s*\)"
    r"(?=\s*(?:[?!]?\.\s*[A-Za-z_$]|[?!]?\[))"
)


def unwrap_after_casts(line: str) -> str:
    """A line with each AS_CAST_CLOSED read on written as the plain chain, in blanks of the same
    length (the reads' columns are the line's)."""
    for m in reversed(list(AS_CAST_CLOSED.finditer(line))):
        opened = brackets.matching(line, m.end() - 1, -1, -1)
        if opened >= 0:
            blank = " " * (m.end() - m.start())
            line = line[:opened] + " " + line[opened + 1 : m.start()] + blank + line[m.end() :]
    return line


def reads(line_no: int, line: str, ruby: bool = False) -> Iterator[Read]:
    """The answer fields a line reads, each with where it is read (under data or at the top),
    the name it starts from, and the names read beside it in a fallback chain; in Ruby, through
    symbol keys too (`body[:data][:status]`, `.dig(:data, :status)`)."""
    if not may_read(line):
        return
    if (
        "((" in line
    ):  # (`((Map<?, ?>) res.get("data")).get("x")`: read as `res.get("data").get("x")`)
        line = uncast(line)
    if " as" in line and ")" in line:  # (`(obj?["data"] as? [String: Any])?["x"]`)
        line = unwrap_after_casts(line)
    found = list(_line_reads(line_no, line))
    if ruby and ":data" in line:
        for m in RUBY_READ.finditer(line):
            root = _parse_argument(line, m.start()) or ties.root_of(line, m.start())
            found.append(Read(line_no, m.start("name"), m.group("name"), "data", root))
    found = [r for r in found if not _ruby_method(line, r)] if ruby else found
    found += _destructured(line_no, line)
    if "jq" in line or "sys.stdin" in line:  # (jq's item walks, a `python3 -c` parser's reads)
        shell = [Read(line_no, *read) for read in shellreads.reads(line)]
        taken = {r.column for r in shell}  # (`d["data"]["x"]` of a name bound to stdin's answer)
        found = [r for r in found if r.column not in taken] + shell
    yield from _chains(line, found)


# Methods of Ruby's Array, Hash and Enumerable (and Rails' additions) called without parentheses
# (`body["data"].each { |v| ... }`, `.first["voice_id"]`, `.to_h`): not fields of the answer, which
# Ruby reads by key. Those that end in `?` (`key?("video")`, `empty?`) are listed without it.
RUBY_METHODS = frozenset(
    {"each", "each_with_index", "each_with_object", "each_pair", "each_key", "each_value", "map"}
    | {"flat_map", "collect", "select", "filter", "filter_map", "reject", "find", "detect"}
    | {"find_index", "first", "last", "keys", "values", "values_at", "to_h", "to_a", "to_s"}
    | {"to_json", "sort_by", "group_by", "min_by", "max_by", "sum", "take", "drop", "sample"}
    | {"dig", "fetch", "uniq", "compact", "zip", "inject", "reduce", "tally", "partition"}
    | {"pluck", "with_indifferent_access", "symbolize_keys", "deep_symbolize_keys"}
    | {"transform_keys", "transform_values", "slice", "except", "merge", "dup", "inspect"}
)
RUBY_PREDICATES = frozenset(
    {"key", "has_key", "include", "member", "empty", "any", "all", "none", "nil", "present"}
    | {"blank", "is_a", "respond_to", "frozen"}
)


# Ruby written without `.rb`: rake's and Bundler's files, Rack's config.ru, a gemspec.
RUBY_SUFFIXES = (".rb", ".rake", ".ru", ".gemspec", ".jbuilder")
RUBY_NAMES = frozenset({"Rakefile", "Gemfile", "Guardfile", "Capfile", "Vagrantfile", "Brewfile"})


def is_ruby(name: str, first: str) -> bool:
    """Whether a file is Ruby: its ending, its name, or a `#!/usr/bin/env ruby` first line."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    if base.endswith(RUBY_SUFFIXES) or base in RUBY_NAMES:
        return True
    return "." not in base and first.startswith("#!") and "ruby" in first


def _ruby_method(line: str, read: Read) -> bool:
    """Whether a Ruby read is a method of the value read (`data.each`, `data.key?(...)`)."""
    if line[read.column - 1 : read.column] != ".":
        return False  # (a key: `["each"]`)
    if read.name in RUBY_METHODS:
        return True
    return read.name in RUBY_PREDICATES and line[read.column + len(read.name) :][:1] == "?"


# A file whose typed models map JSON names to their own by annotations (Jackson's @JsonProperty,
# Gson's @SerializedName, System.Text.Json, Moshi, kotlinx, serde, pydantic's Field(alias=)): a
# read of `env.data.videoUrl` there is a model's field, not the answer's name (break21: false
# errors on correct Java, Kotlin and Python), so its reads are not judged. (Go's `json:"..."`
# tags are read as the answer's names instead.)
MAPS_JSON_NAMES = rx.compile(
    r"@JsonProperty\(|@SerializedName\(|\bJsonPropertyName\(|@Json\(\s*name|@field:Json"
    r"|@SerialName\(|#\[serde\(rename|\bField\([^()\n]*\balias\s*="
)
# (each of MAPS_JSON_NAMES holds one of these: a text without any is searched no further)
MAPS_JSON_HINTS = ("@", "JsonPropertyName(", "#[serde(rename", "Field(")


def maps_json_names(text: str) -> bool:
    return any(h in text for h in MAPS_JSON_HINTS) and MAPS_JSON_NAMES.search(text) is not None


# A converter of an object's keys to camelCase (camelcase-keys, humps/pyhumps, camelize-ts, an
# interceptor's `keysToCamel`, lodash's mapKeys with camelCase, Rails' deep_transform_keys):
# after it `videoStatus` is the answer's own `video_status`, read right.
KEY_CASE = rx.compile(
    r"camel[-_]?case[-_]?keys|camelize|keys_?to_?camel|to_?camel_?case_?keys|deep_?camel"
    r"|\bhumps\b|camelCase\(|lower_camel|transform_keys",
    re.IGNORECASE,
)


def converts_keys(text: str) -> bool:
    """Whether a file converts some object's keys to camelCase (see KEY_CASE)."""
    return ("amel" in text or "humps" in text or "transform_keys" in text) and (
        KEY_CASE.search(text) is not None
    )


# An item or a slice of a list: [0], [-1], [:5], [1:], .at(0), .at(-1).
INDEX = r"(?:\[\s*-?\d+\s*\]|\[\s*-?\d*\s*:\s*-?\d*\s*\]|\.at\(\s*-?\d+\s*\))"
# A field read on one item of a list (`avatars[0]["thumbnail"]`, `body["data"]["result"][0].lang`,
# `voices.result.at(-1).name`): the expression before the index, and the field read on the item.
INDEXED = rx.compile(
    r"(?P<expr>(?<![\w$.\]])(?:(?:self|this)\s*\.\s*|\$this->|\$)?[A-Za-z_$][\w$]*"
    r"(?:\s*\([^()]*\))?(?:\s*\.\s*json\(\s*\))?"
    r"(?:\s*(?:[?!]?\.\s*[A-Za-z_]\w*(?!\s*\()|->\s*[A-Za-z_]\w*|\[\s*[\"'][A-Za-z_]\w*[\"']\s*\]"
    r"|\.get\(\s*[\"'][A-Za-z_]\w*[\"'][^()]*\)))*)"  # (Python's `.get("data").get("result")`)
    r"\s*(?:\?\.)?(?:\[\s*-?\d+\s*\]|\.at\(\s*-?\d+\s*\))\s*(?:\.get\(\s*[\"']|[?!]?\.|->|\[\s*[\"'])\s*"
    r"(?P<name>[A-Za-z_]\w*)(?![\w(])(?!\s*\()"
)


# (a line without an item's index has no INDEXED read: looked for first, from its `[` or `.`)
AN_INDEX = rx.compile(r"\[\s*-?\d+\s*\]|\.at\(\s*-?\d+\s*\)")


def indexed(line: str) -> Iterator[tuple[str, int, str]]:
    """(the list's expression, the column of the field, the field) of each read of a field
    on one item of a list on a line (see INDEXED)."""
    if len(line) > ties.STATEMENT_CHARS or not ("[" in line or ".at(" in line):
        return
    if AN_INDEX.search(line) is None:
        return
    for m in INDEXED.finditer(line):
        yield m.group("expr"), m.start("name"), m.group("name")


# A name that holds a parsed answer, then its data used as a list: `json.data.map(`,
# `Array.isArray(json.data)`, `for (const v of json.data)`, `for v in
# body["data"]:`, `len(body["data"])`, `body["data"][0]`.
ROOTED = r"(?P<root>(?<![\w$.])[A-Za-z_$][\w$]*(?:[?!]?\.[A-Za-z_$][\w$]*)*?)"
LIST_USES = (
    rx.compile(
        ROOTED + r"[?!]?\.(?P<data>data)\s*[?!]?\.(?:map|forEach|filter|find|findIndex|some|every"
        r"|reduce|flatMap|slice)\b"
    ),
    rx.compile(r"Array\.isArray\(\s*" + ROOTED + r"[?!]?\.(?P<data>data)\s*\)"),
    rx.compile(
        r"\bfor\s*\(\s*(?:const|let|var)\s+[\w$]+\s+of\s+" + ROOTED + r"[?!]?\.(?P<data>data)\s*\)"
    ),
    rx.compile(
        r"(?:\bfor\s+\w+\s+in\s+|\blen\(\s*)(?P<root>\w+|[\w.]+\([^()]*\))"
        r"\[\s*[\"'](?P<data>data)[\"']\s*\](?=\s*[:)\]])"
    ),
    rx.compile(r"(?P<root>(?<![\w.])\w+(?:\.json\(\))?)\[\s*[\"'](?P<data>data)[\"']\s*\]" + INDEX),
    # PHP: foreach ($voices['data'] as $v), count($body['data']), foreach ($r->data as $v)
    rx.compile(
        r"(?:\bforeach\s*\(\s*|\bcount\(\s*)\$(?P<root>\w+)"
        r"(?:\[\s*[\"'](?P<data>data)[\"']\s*\]|->(?P<arrow>data))\s*(?:as\b|\))"
    ),
)
# The same on a dotted `.data`: res.data[0], (res.data || []).map(...), const [first] = res.data
DOTTED_LIST_USES = (
    rx.compile(ROOTED + r"[?!]?\.(?P<data>data)\s*(?:\?\.)?" + INDEX),
    rx.compile(
        r"\(\s*" + ROOTED + r"[?!]?\.(?P<data>data)\s*(?:\|\||\?\?)\s*\[\s*\]\s*\)\s*\.(?:map"
        r"|forEach|filter|find|some|every|reduce|flatMap|slice|length)\b"
    ),
    rx.compile(
        r"\b(?:const|let|var)\s*\[[^\]=]*\]\s*=\s*(?:await\s+)?"
        + ROOTED
        + r"[?!]?\.(?P<data>data)\s*;?\s*$"
    ),
    # (await akool.avatars()).data.map(...): what a call gives, awaited in place
    rx.compile(
        r"\(\s*await\s+(?:[\w$]+\s*\.\s*)*(?P<root>[A-Za-z_$][\w$]*)\s*\([^()]*\)\s*\)"
        r"\s*[?!]?\.(?P<data>data)\s*[?!]?\.(?:map|forEach|filter|find|findIndex|some|every"
        r"|reduce|flatMap|slice)\b"
    ),
)
# The same after a parenthesized expression: `(await axios.get(u)).data.find(...)` (axios' whole
# answer used as a list), `(await axios.get(u)).data.data.map(...)`, `(await r.json()).data.map(...)`.
PAREN_LIST_USE = rx.compile(
    r"\)\s*[?!]?\.(?P<data>data)(?:\s*[?!]?\.(?P<inner>data))?\s*[?!]?\.(?:map|forEach|filter"
    r"|find|findIndex|some|every|reduce|flatMap|slice)\b"
)
# For each of LIST_USES, the words one of which each of its matches holds (DOTTED_LIST_USES all
# hold `.data`: looked for only on such lines).
LIST_USE_WORDS = (
    (".data",),
    ("Array.isArray(",),
    ("for",),
    ("for", "len("),
    ("][", "].at("),
    ("foreach", "count("),
)


def list_uses(line_no: int, line: str) -> Iterator[Read]:
    """The places a line uses an answer's data as a list (`json.data.map(...)`): on whatever
    name holds the answer, parsed or an HTTP library's response (`res.data.map(...)` on axios'
    response maps the whole answer, no list either); which names hold one, ties.py says."""
    if "data" not in line:
        return
    for words, pattern in zip(LIST_USE_WORDS, LIST_USES, strict=True):
        if not any(word in line for word in words):
            continue  # (none of the words every match of the pattern holds)
        for m in pattern.finditer(line):
            root = m.group("root").removesuffix(".json()")  # r.json()["data"][0]: r's answer
            at = m.start("data") if m.group("data") is not None else m.start("arrow")
            on = m.group("data") is not None and _on(root, line[m.start("data") - 1] == ".")
            yield Read(line_no, at, "data", "top", _name(root), on, listed=True)
    for pattern in DOTTED_LIST_USES if ".data" in line else ():
        for m in pattern.finditer(line):
            root = m.group("root")
            yield Read(
                line_no, m.start("data"), "data", "top", _name(root), _on(root, True), listed=True
            )
    for m in PAREN_LIST_USE.finditer(line) if ").data" in line else ():
        # (await axios.get(u)).data is axios' body, the whole answer, unless the parenthesis
        # parses it ((await r.json()).data is the answer's data)
        inner = m.group("inner") is not None
        parsed = _parsed_before(line, m.start("data") - 1)
        column = m.start("inner" if inner else "data")
        yield Read(line_no, column, "data", "top", None, not (inner or parsed), listed=True)


def _name(root: str) -> str:
    """The name a dotted root starts from (`res` of `res.data` in `res.data.data.map(...)`)."""
    m = ties.ROOT.match(root)
    return m.group("name") if m else root


def _on(root: str, dotted: bool) -> bool:
    """Whether `root.data` is an HTTP library's body (axios' `res.data`, the whole answer) rather
    than a parsed answer's data (`json.data`), as DATA_READ tells them apart."""
    return dotted and "." not in root and not BODY_NAMES.search(root)


@lru_cache(maxsize=512)
def _listing(name: str) -> re.Pattern[str]:
    word = r"(?<![\w$.])" + re.escape(name) + r"(?![\w$])"
    return re.compile(
        word + r"\s*[?!]?\.(?:map|forEach|filter|find|findIndex|some|every|reduce|flatMap|slice"
        r"|length)\b|"
        + word
        + r"\s*(?:\?\.)?"
        + INDEX
        + r"|Array\.isArray\(\s*"
        + word
        + r"\s*\)"  # (not `Array.isArray(ans.face_urls)`: a field of it)
        r"|\bfor\s*\(\s*(?:const|let|var)\s+[\w$]+\s+of\s+" + word + r"\s*\)"
        r"|\bfor\s+\w+\s+in\s+" + word + r"\s*:|\blen\(\s*" + word + r"\s*\)"
        r"|\bforeach\s*\(\s*\$"
        + re.escape(name)
        + r"\s+as\b|\bcount\(\s*\$"
        + re.escape(name)
        + r"\s*\)"
        r"|\bin\s+" + word + r"\s*\]"
    )


def listed_name(line_no: int, line: str, name: str, place: str) -> list[Read]:
    """The places a line uses a name that holds an answer's data (or the whole answer) as a
    list: `data.map(...)`, `data[0]`, `for (const v of data)`, `for v in data:`, `len(data)`."""
    place = "whole" if place == "top" else place  # (a name holding the whole answer)
    return [
        Read(line_no, m.start(), "data", place, name, listed=True)
        for m in _listing(name).finditer(line)
    ]


def _line_reads(line_no: int, line: str) -> Iterator[Read]:
    yield from list_uses(line_no, line)
    # (each pattern's words first: a line without them holds none of its reads)
    for m in data_reads(line) if "data" in line else ():
        root = re.sub(r"[?!]", "", m.group("root") or "")
        if m.group("bare"):
            place = "data?"
        elif m.group("dotted") and _parsed_before(line, m.start("dotted")):
            place = "data"  # (await r.json()).data.X, JSON.parse(b).data.X
        elif m.group("dotted") and root.endswith((".data", ")", "->data")) and root != ")":
            place = "data"  # res.data.data.X, (await x).data.data.X: the body's data
        elif m.group("dotted") and not root and "jq" in line:
            place = "data"  # jq .data.X: a filter on the answer itself
        elif m.group("dotted") and root == "data":
            place = "data!"  # data.data.X: under data when the variable holds the whole answer
        elif m.group("dotted") and not BODY_NAMES.search(re.split(r"\.|->", root)[-1]):
            place = "top"  # res.data.X: the HTTP library's body
        else:
            place = "data"
        on_response = place == "top" and m.group("dotted") is not None and "." not in root
        column = m.start("name")
        yield Read(line_no, column, m.group("name"), place, _data_root(line, m), on_response)
    paths = "->json(" in line or ".dig(" in line  # $res->json('data.status'), b.dig('data', 'x')
    for m in PATH_READ.finditer(line) if paths else ():
        place = "data" if m.group("data") is not None or m.group("dig") is not None else "top"
        yield Read(line_no, m.start("name"), m.group("name"), place, _path_root(line, m))
    yield from gjson_reads(line_no, line)
    for column, name, under, root in stringpaths.reads(line) if "(" in line else ():
        yield _string_path_read(line_no, column, name, under, root)
    for m in TOP_READ.finditer(line) if may_read_top(line) else ():
        if m.group("jq") and m.group("jqmore"):
            continue  # jq .data.X: DATA_READ has it
        name = m.group("name") or m.group("jq")
        start = m.start("name") if m.group("name") else m.start("jq")
        if name != "data":
            yield Read(line_no, start, name, "top", _top_root(line, m))


# Go's gjson reads a path of fields at once: `gjson.Get(body, "data.video_url")` and
# `gjson.GetBytes(raw, "message")` parse what they are given and read the path;
# `res.Get("data._id")` reads it on a gjson.Result.
GJSON_READ = rx.compile(
    r"\bgjson\.Get(?:Bytes)?\(\s*(?:string\(\s*)?(?P<root>[A-Za-z_]\w*)\s*\)?\s*,\s*"
    r"[\"`](?P<path>[A-Za-z_][\w.#]*)[\"`]"
)
GO_GET_PATH = r"\.Get\(\s*[\"`](?P<path>[A-Za-z_][\w.#]*)[\"`]"


def gjson_path(line_no: int, column: int, path: str, root: str | None) -> Read | None:
    """The read a gjson path makes: `message` at the top, `data.video_url` under data, the field
    of a list's item (`data.result.0.url`, `data.result.#.url`); None for one deeper, or `data`."""
    parts = path.split(".")
    at = column + len(path) - len(parts[-1])
    if parts[0] != "data":
        return Read(line_no, column, parts[0], "top", root)
    if len(parts) == 2 and parts[1]:
        return Read(line_no, at, parts[1], "data", root)
    if len(parts) == 4 and (parts[2].isdigit() or parts[2] == "#") and parts[3]:
        return Read(line_no, at, parts[3], f"item:data.{parts[1]}", root)
    return None


def gjson_reads(line_no: int, line: str) -> Iterator[Read]:
    """The reads of `gjson.Get(body, "path")` / `gjson.GetBytes(raw, "path")` (GJSON_READ)."""
    for m in GJSON_READ.finditer(line) if "gjson.Get" in line else ():
        read = gjson_path(line_no, m.start("path"), m.group("path"), m.group("root"))
        if read is not None:
            yield read


@lru_cache(maxsize=512)
def _go_get_path(name: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w.$])" + re.escape(name) + GO_GET_PATH)


def go_path_members(line_no: int, line: str, name: str, dotted: bool = True) -> list[Read]:
    """The fields a gjson.Result held in `name` reads by a path (`res.Get("data._id")`): those
    of a dotted path only, or of any (`res.Get("message")` too)."""
    if ".Get(" not in line or name not in line:
        return []
    found = (
        gjson_path(line_no, m.start("path"), m.group("path"), name)
        for m in _go_get_path(name).finditer(line)
        if not dotted or "." in m.group("path")
    )
    return [r for r in found if r is not None]


def _string_path_read(line_no: int, column: int, name: str, under: bool, root: str) -> Read:
    """A read a string path makes (stringpaths.py), placed as the same read written out:
    `_.get(j, "data.x")` as `j.data.x` (an HTTP library's body's x unless j is a parsed answer's
    name), `_.get(j, "x.y")` as `j.x`."""
    first = re.split(r"\.|->", root)[0]
    if not under:
        return Read(line_no, column, name, "top", first)
    if root.endswith(".data") or BODY_NAMES.search(re.split(r"\.|->", root)[-1]):
        return Read(line_no, column, name, "data", first)
    return Read(line_no, column, name, "top", first, on_response=True)


# A parsed document's member that is the parsed answer itself, not one of its fields (C#'s
# System.Text.Json: `JsonDocument.Parse(s).RootElement.GetProperty("data")`).
DOCUMENT_ROOTS = frozenset({"RootElement"})


def members(line_no: int, line: str, name: str) -> list[Read]:
    """The fields read directly from `name`, which holds a parsed answer: its top-level ones
    (`name["x"]`, `name.x`, `name?.x`, `name->x`, `name.get("x")`), in fallback chains too."""
    found = [
        Read(line_no, m.start("name"), m.group("name"), "top", name)
        for m in _member_pattern(name).finditer(line)
    ]
    if any(r.name in DOCUMENT_ROOTS for r in found):  # doc.RootElement is the answer itself
        inner = [r for r in found if r.name in DOCUMENT_ROOTS]
        found = [r for r in found if r.name not in DOCUMENT_ROOTS]
        found += [m for r in inner for m in members(line_no, line, f"{name}.{r.name}")]
    found += go_path_members(line_no, line, name)  # (gjson's `res.Get("data._id")`)
    if len(found) < 2:
        return [r for r in found if r.name != "data"]
    # (its data is no finding, but a chain holding it, `d.data?.result || d.result`, is defensive)
    return [r for r in _chains(line, found) if r.name != "data"]


WINDOW = 400  # characters before a read in which the call it reads is looked for
# A TypeScript cast around a name: `(d as any).faces_obj`, `(d as AkoolAnswer).data`.
CAST = r"(?:\s+as\s+[\w<>\[\]|.,]+(?:\s+[\w<>\[\]|.,]+)*\s*\))?"  # (words between spaces: linear)


@lru_cache(maxsize=4096)
def _member_pattern(name: str) -> re.Pattern[str]:
    return re.compile(
        r"(?<![\w.$>])\$?"
        + re.escape(name)
        + CAST
        + r"\s*(?:"
        + DOT
        + r"|\[\s*[\"']|"
        + GETTER
        + r")"
        r"(?P<name>[A-Za-z_]\w*)(?![\w(])(?!\s*\()" + NOT_GENERIC_CALL
    )


def _path_root(line: str, m: re.Match[str]) -> str | None:
    return _parse_argument(line, m.start()) or ties.root_of(line, m.start())


# A typed parse at the end of an expression: `r.json<any>()`, `r.json<{ data: Info }>()`.
TYPED_JSON_END = rx.compile(r"\.json<[^()\n]*>\(\)$")


def _parsed_before(line: str, pos: int) -> bool:
    """Whether the expression ending at `pos` is a parsed answer: `r.json()`, `(await r.json())`,
    `JSON.parse(body)`, `json.loads(text)`."""
    text = line[max(0, pos - WINDOW) : pos].rstrip()  # (a minified line: a bounded look back)
    if text.endswith(".json()") or (text.endswith(">()") and TYPED_JSON_END.search(text)):
        return True
    if not text.endswith(")"):
        return False
    opener = ties.opener(text, len(text) - 1)
    if opener < 0:
        return False
    inner = text[opener + 1 : -1].strip()
    return bool(PARSE_CALL.search(text, max(0, opener - 40), opener)) or bool(
        re.fullmatch(r"(?:await\s+)?[\w.$]+" + JSON_CALL, inner)
    )


def _data_root(line: str, m: re.Match[str]) -> str | None:
    if m.group("bare"):
        return "data"
    pos = m.start("dotted") if m.group("dotted") else m.start("bracket")
    parsed = _parse_argument(line, pos)
    if parsed is not None:
        return parsed
    if shellreads.python_piped(line) and STDIN_PARSE.search(line, max(0, pos - 60), pos):
        return ties.shell_root(
            line
        )  # `echo "$R" | python3 -c '... json.load(sys.stdin)["data"]...'`
    found = ties.root_of(line, pos)
    if found is None and ("jq" in line or "sys.stdin" in line):
        return ties.shell_root(line)  # (`echo "$R" | jq ...`, `| python3 -c '...sys.stdin...'`)
    return found


STDIN_PARSE = rx.compile(r"json\.loads?\(\s*sys\.stdin(?:\.read\(\s*\))?\s*\)\s*$")


# Gson's view of a parsed element as its object: `JsonParser.parseString(body).getAsJsonObject()`,
# Kotlin's `.asJsonObject`: still the parsed answer.
AS_OBJECT = rx.compile(r"\s*\.\s*(?:getAsJsonObject\(\s*\)|asJsonObject)$")


def _parse_argument(line: str, pos: int) -> str | None:
    """The name a parse call right before `pos` is given: `res` in `JSON.parse(res.body)`."""
    text = line[max(0, pos - WINDOW) : pos].rstrip()
    text = AS_OBJECT.sub("", text) if "sJsonObject" in text else text  # (Gson's root object)
    if not text.endswith(")"):
        return None
    opener = ties.opener(text, len(text) - 1)
    if opener < 0 or not PARSE_CALL.search(text, max(0, opener - 40), opener):
        return None
    m = ties.ROOT.match(text[opener + 1 :])
    if m is None or text.startswith("sys.stdin", opener + 1):
        return None  # (`json.load(sys.stdin)`: a piped answer, see STDIN_PARSE)
    if m.group("name") in EXEC_CALLS:  # (PHP's `json_decode(curl_exec($ch), true)`: the handle's)
        handle = EXEC_HANDLE.match(text, opener + 1 + m.end())
        return handle.group("name") if handle else None
    return _sent_request(text, opener + 1 + m.end()) or m.group("name")


# A call that runs the request a handle holds and gives its answer (PHP's cURL), and its handle.
EXEC_CALLS = frozenset({"curl_exec", "curl_multi_getcontent"})
EXEC_HANDLE = rx.compile(r"\(\s*\$(?P<name>[A-Za-z_]\w*)\s*\)")


# A client sending a request held in a name: Java's `http.send(req, ...)`, OkHttp's
# `client.newCall(req).execute()`, Spring's `rest.exchange(req, ...)`, C#'s `SendAsync(req)`.
SENT_REQUEST = rx.compile(
    r"\s*(?:\.|->)\s*(?:send|sendAsync|SendAsync|newCall|execute|exchange)\(\s*"
    r"(?P<req>[A-Za-z_]\w*)\s*[,)]"
)


def _sent_request(text: str, pos: int) -> str | None:
    """The request a parse's argument sends, when it is a client's call given a name (`req` in
    `readTree(http.send(req, ofString()).body())`): what holds that call's URL, not the client."""
    if "(" not in text[pos : pos + 24]:
        return None
    m = SENT_REQUEST.match(text, pos)
    return m.group("req") if m else None


def _top_root(line: str, m: re.Match[str]) -> str | None:
    if m.group("jq"):
        return ties.shell_root(line)
    text = m.group(0)
    if text.startswith(".json()"):
        return ties.root_of(line, m.start())
    word = ties.ROOT.match(text)
    return word.group("name") if word else None


def _destructured(line_no: int, line: str) -> list[Read]:
    """The fields a destructuring declaration reads: each key of `{ status, video_url }` read
    from the expression it is given, as if written `expr.status` (nested `data: { x }` too)."""
    pattern = destructuring(line)
    if pattern is None or "(" in pattern[0]:
        return []
    names, names_at, given = pattern
    expr = re.sub(r"^\s*await\s+", "", given).strip()
    # const { data, status } = await axios.get(...): the HTTP response's own (see ties), but its
    # body's fields when the pattern goes into data (`{ data: { data: { status } } }`)
    call = expr.endswith(")") and not _parsed_before(expr + ".", len(expr))
    # (a member of a parenthesized expression is read as written: `(await r.json()).data`)
    expr = f"({given.strip()})" if " " in expr and not GROUP_MEMBER.match(expr) else expr
    found = []
    for key, column in _keys(names, names_at):
        if call and not key.startswith("data."):
            continue
        virtual = f"{expr}.{key}"
        name = key.rsplit(".", 1)[-1]
        for read in _line_reads(line_no, virtual):
            if read.column == len(virtual) - len(name) and read.name == name:
                found.append(
                    Read(
                        line_no, column, name, read.place, read.root, read.on_response, pattern=True
                    )
                )
    return found


GROUP_MEMBER = rx.compile(r"\(.*\)(?:\s*[?!]?\.\s*[A-Za-z_$][\w$]*)+\s*;?\s*$")


def _keys(names: str, start: int, prefix: str = "") -> Iterator[tuple[str, int]]:
    """The keys a destructuring pattern reads (dotted through nested patterns), with columns."""
    for a, b in split_top(names, 0, len(names)):
        part = names[a:b]
        key = re.match(r"\s*(?P<k>[A-Za-z_$][\w$]*)", part)
        if key is None or part.strip().startswith("..."):
            continue
        rest = part[key.end() :].strip()
        column = start + a + key.start("k")
        if rest.startswith(":") and "{" in rest:
            inner = part.index("{", key.end())
            close = brackets.matching(part, inner, 1, len(part))
            if close < 0:
                continue  # (a pattern cut short: nothing to read in it)
            yield from _keys(part[inner + 1 : close], start + a + inner + 1, f"{prefix}{key['k']}.")
        else:
            yield f"{prefix}{key['k']}", column


def rechain(line: str, found: list[Read]) -> list[Read]:
    """The reads of one line found apart (a name's members and its dotted reads), each with the
    names read beside it in one fallback chain of them all."""
    return list(_chains(line, sorted(found, key=lambda r: r.column)))


def _chains(line: str, found: list[Read]) -> Iterator[Read]:
    """Each read, with the names read beside it in one fallback chain (`data?._id ?? data?.jobId`):
    a chain that holds the documented field is a defensive read."""
    found.sort(key=lambda r: r.column)
    groups: list[list[Read]] = []
    jq = "jq" in line
    for read in found:
        if groups and _joined(line, groups[-1][-1], read, jq):
            groups[-1].append(read)
        else:
            groups.append([read])
    for group in groups:
        names = tuple(r.name for r in group)
        for k, read in enumerate(group):
            yield Read(**{**read.__dict__, "beside": names, "rank": k}) if len(group) > 1 else read


def _joined(line: str, a: Read, b: Read, jq: bool) -> bool:
    """Whether two reads of a line are joined by a fallback operator: between them only the
    end of a's access, the chain's operators and the members of the chain that lie between
    (`d.faces_obj || d.data?.[0] || d.result?.[0]`, `d.get("x") or (d.get("data") or {}).get("y")`)
    and b's access."""
    between = line[a.column + len(a.name) : b.column]
    if NEGATED.search(between) is not None:
        return False  # (`!a.x || !a.y`: a guard's tests, each read on its own, no fallback)
    if CHAIN_GAP.fullmatch(between) is not None:
        return True
    if jq and JQ_ALTERNATIVE.fullmatch(between) is not None:  # .data.x // .data.y
        return True
    return chain_gap(between)


# A negated test after a fallback operator (`|| !a.y`, `or not a.get("y")`): no fallback.
NEGATED = rx.compile(r"(?:\|\||\bor\b)\s*(?:!(?!=)|not\s)")
JQ_ALTERNATIVE = rx.compile(r"\s*//\s*\.data\.")
# What lies between two reads of one fallback chain: `"] or d["data"]["`, `") || r.data.`,
# `?.result ?? d.` (the rest of the first read's access, `d.data?.result ?? d.result`).
CHAIN_GAP = rx.compile(
    r"[\"']?\s*[\])]?(?:[?!]?\.[\w$]+|\[[^\]\n]*\])*\s*[\])]?\s*(?:\?\?|\|\||\bor\b|\?:)\s*[\w$.?!>\[\]\"'()-]*?(?:\.get\(\s*[\"']|\[\s*[\"']|[?!]?\.|->)?"
)
CHAIN_GAP_CHARS = 240  # (a longer stretch between two reads is no one chain)
# (a conditional that picks one of the reads is one too: `a ? a : d.data.a`, `x if "x" in d else y`)
FALLBACK = rx.compile(r"\?\?|\|\||\bor\b|\?:|\s\?\s|\s:\s|\belse\b")
GAP_STRING = rx.compile(r"\"[^\"\n]*\"|'[^'\n]*'")
# The pieces a stretch of a fallback chain is made of: names, accesses, brackets, indexes, empty
# defaults (`or {}`), the operators; anything else (`;`, `=`, `,` outside brackets, `&&`, `+`,
# a comparison) ends the chain.
GAP_PIECE = rx.compile(
    r"\s+|\?\?|\|\||\?:|\?->|->|\?\.|[?!.$()\[\]{}:]|,|[A-Za-z_$][\w$]*|\d+|\"\""
)
# The empty default a getter is given before its call closes (`.get("x", [])`, `.get("x", None)`).
EMPTY_DEFAULT = rx.compile(
    r"^\s*,\s*(?:\[\s*\]|\{\s*\}|\"\"|None|null|nil|undefined|0|False|false)\s*(?=\))"
)
GAP_STOPS = frozenset({"and", "return", "is", "for", "new", "then", "yield", "await"})


def chain_gap(between: str) -> bool:
    """Whether the text between two reads is the stretch of one fallback chain (see GAP_PIECE),
    holding at least one fallback operator."""
    if len(between) > CHAIN_GAP_CHARS or not FALLBACK.search(between):
        return False
    inner = GAP_STRING.sub('""', between[1:-1] if len(between) > 1 else "")
    text = between[:1].strip("\"'") + inner + between[-1:].strip("\"'") if len(between) > 1 else ""
    text = EMPTY_DEFAULT.sub("", text, count=1)  # (`d.get("x", []) or d.get("y", [])`)
    depth, at = 0, 0
    while at < len(text):
        m = GAP_PIECE.match(text, at)
        if m is None:
            return False
        piece, at = m.group(), m.end()
        if piece in GAP_STOPS or (piece == "," and depth <= 0):
            return False
        depth += piece in ("(", "[", "{")
        depth -= piece in (")", "]", "}")
    return True


def data_variable(text: str) -> str:
    """What a variable named data holds in a file: "data" (the answer's data field), "top" (the
    whole answer), or "" when the file does not say (or says both, or binds it to a field of
    the answer's data: `data = body["data"]["result"]`)."""
    starts = list(_data_starts(text))
    if any(DATA_DEEPER.match(text, at) for at in starts):
        return ""
    field_ = any(DATA_FIELD.match(text, at) for at in starts)
    body = any(DATA_BODY.match(text, at) for at in starts)
    return "data" if field_ and not body else "top" if body and not field_ else ""


def data_deeper(text: str) -> bool:
    """Whether DATA_DEEPER matches anywhere in the text (tried where the word data is only)."""
    return any(DATA_DEEPER.match(text, at) for at in _data_starts(text))


def _data_starts(text: str) -> Iterator[int]:
    """Where a match of DATA_DEEPER, DATA_FIELD or DATA_BODY may start: each begins with the word
    data or with a `{` and blanks before it; their search is tried only there (a file's text
    is long, and most of it is no binding of a variable named data)."""
    at = text.find("data")
    while at >= 0:
        brace = at - 1
        while brace >= 0 and text[brace].isspace():
            brace -= 1
        if brace >= 0 and text[brace] == "{":
            yield brace
        yield at
        at = text.find("data", at + 1)


# -- Go: an answer decoded into a struct type reads its tagged fields --------------------------------

# The type a variable is declared with: `var out InfoResp`, `out := InfoResp{}`, `out := &InfoResp{}`.
GO_DECLARED = rx.compile(
    r"\bvar\s+(?P<n>[A-Za-z_]\w*)\s+\*?(?P<t>[A-Za-z_]\w*)\b"
    r"|\b(?P<n2>[A-Za-z_]\w*)\s*:=\s*&?(?P<t2>[A-Za-z_]\w*)\s*\{"
)
GO_DATA_TAG = rx.compile(r"\}\s*`[^`\n]*?\bjson:\"data[\",]")
GO_ITEMS_TAG = rx.compile(r"\}\s*`[^`\n]*?\bjson:\"(?P<json>[A-Za-z_]\w*)[\",]")


def go_struct_reads(doc: Text, name: str, before: int, place: str = "top") -> list[Read]:
    """The fields an answer decoded into `name` reads, when `name` is declared (before the
    offset `before`) with a struct type of the file: its tagged fields at the top, and those of
    the struct its `json:"data"` field holds (inline, or a named type) under data; all of them
    under data when what is decoded is the answer's data field (`place`)."""
    if doc.go_declared is None:
        doc.go_declared = {}
        for m in GO_DECLARED.finditer(doc.text):
            held = (m.start(), m.group("t") or m.group("t2"))
            doc.go_declared.setdefault(m.group("n") or m.group("n2"), []).append(held)
    at_most = bisect.bisect_left(doc.go_declared.get(name, []), (before, ""))
    start, declared = doc.go_declared[name][at_most - 1] if at_most else (0, None)
    found: list[Read] = []
    if declared == "struct":  # var out struct { Code int `json:"code"`; ... }: the struct inline
        _struct_reads(doc, declared, place, found, set(), doc.text.find("{", start))
    elif declared is not None:
        _struct_reads(doc, declared, place, found, set())
    return found


def go_type_reads(doc: Text, type_name: str, place: str = "top") -> list[Read]:
    """The fields an answer decoded into a value of a struct type reads (see go_struct_reads;
    answermodels.py finds the type where `var out T` is not how the value is declared)."""
    found: list[Read] = []
    _struct_reads(doc, type_name, place, found, set())
    return found


def _struct_reads(
    doc: Text, type_name: str, place: str, found: list[Read], seen: set[str], brace: int = -1
) -> None:
    """The tags of a struct type (or of the inline struct at `brace`) read at `place`: "top",
    "data", or "item:<list>" for the items of a list (`Result []item `json:"result"``)."""
    if type_name in seen or len(seen) > 4:
        return
    seen.add(type_name)
    if doc.go_structs is None:
        doc.go_structs = {}
        for t in GO_STRUCT.finditer(doc.text):
            doc.go_structs.setdefault(t.group("name"), t)
    m = doc.go_structs.get(type_name)
    at = brace if brace >= 0 else m.end() - 1 if m else -1
    index = doc.container_at(at) if at >= 0 else None
    if index is None:
        return
    c = doc.containers[index]
    for tag in GO_TAGGED.finditer(doc.text, c.start + 1, c.end - 1):
        inner = doc.innermost(tag.start("go"))
        if inner != index:
            _nested_reads(doc, index, inner, tag, place, found, seen)
            continue
        kind = GO_FIELD_TYPE.match(doc.text, tag.start(), tag.end())
        if tag.group("json") == "data":
            if place == "top" and kind and kind.group("t") != "struct":  # (`Data []Avatar`: items)
                data = "item:data" if kind.group("list") else "data"
                _struct_reads(doc, kind.group("t"), data, found, seen)
            continue
        found.append(_tag_read(doc, tag, place))
        _item_reads(doc, tag, place, found, seen)


# A struct field's type: `Result []item`, `Data *infoData`.
GO_FIELD_TYPE = rx.compile(r"[ \t]*\w+[ \t]+(?P<list>\[\])?\*?(?P<t>[A-Za-z_]\w*)")


def _item_reads(
    doc: Text, tag: re.Match[str], place: str, found: list[Read], seen: set[str]
) -> None:
    """The tags of a named struct a list field holds (`Result []item `json:"result"``), read as
    that list's items."""
    kind = GO_FIELD_TYPE.match(doc.text, tag.start(), tag.end())
    listed = _item_place(place, tag.group("json"))
    if listed and kind and kind.group("list") and kind.group("t") in (doc.go_structs or {}):
        _struct_reads(doc, kind.group("t"), listed, found, seen)


def _item_place(place: str, name: str) -> str:
    """The place of the items of a list field read at `place` ("item:data.result"), or ""."""
    if place == "top":
        return f"item:{name}"
    return f"item:data.{name}" if place == "data" else ""


def _nested_reads(
    doc: Text,
    index: int,
    inner: int,
    tag: re.Match[str],
    place: str,
    found: list[Read],
    seen: set[str],
) -> None:
    """A tag inside an inline struct of the struct at `index`: the data field's (`Data struct {
    ... } `json:"data"``) read under data, a list's items (`Result []struct { ... }
    `json:"result"``) read as its items; once per inline struct, from its first tag."""
    nested = doc.containers[inner]
    if nested.parent != index:  # (a list's inline items in the data field's inline struct)
        outer = doc.containers[nested.parent] if nested.parent >= 0 else None
        inside = outer is not None and outer.parent == index and place == "top"
        if inside and outer is not None and GO_DATA_TAG.match(doc.text, outer.end - 1):
            listed = _inline_items(doc, nested, "data")
            if listed:
                found.append(_tag_read(doc, tag, listed))
        return
    if place == "top" and GO_DATA_TAG.match(doc.text, nested.end - 1):
        data = _inline_items(doc, nested, place) or "data"  # (`Data []struct {...}`: its items)
        found.append(_tag_read(doc, tag, data))
        _item_reads(doc, tag, data, found, seen)
        return
    listed = _inline_items(doc, nested, place)
    if listed:
        found.append(_tag_read(doc, tag, listed))


def _inline_items(doc: Text, nested: Container, place: str) -> str:
    """The place of the items of a list of inline structs (`Result []struct { ... }
    `json:"result"``) read at `place`, or "" when the container is no such list."""
    items = GO_ITEMS_TAG.match(doc.text, nested.end - 1)
    opened = doc.text[max(0, nested.start - 12) : nested.start]
    if items is None or not re.search(r"\[\]\s*struct\s*$", opened):
        return ""
    return _item_place(place, items.group("json"))


def _tag_read(doc: Text, tag: re.Match[str], place: str) -> Read:
    at = tag.start("json")
    return Read(doc.line_of(at), doc.column(at), tag.group("json"), place, pattern=True, tag=True)
