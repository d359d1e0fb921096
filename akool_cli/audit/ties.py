"""Which reads of an answer belong to which AKOOL call: a read is tied to a call through the name
its response is bound to (`r = requests.post(...)`, `const j = await r.json()`, `RESP=$(curl ...)`,
a function that returns it), in the call's own scope; a webhook route's incoming event
(`request.json`, `req.body`) or another host's response is never an AKOOL answer."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from akool_cli.audit import (
    arguments,
    brackets,
    classconstants,
    elements,
    handles,
    hooks,
    items,
    jvmanswers,
    jvmchains,
    nodecallbacks,
    parsedanswers,
    pscmdlets,
    rx,
    scriptanswers,
    shellpipes,
    stdlibanswers,
)
from akool_cli.audit.scopes import (
    HEADER_LINES,
    NOT_FUNCTIONS,
    Outline,
    Scopes,
    defined_as_member,
    function_def,
    header_end,
    outline,
)
from akool_cli.audit.scopes import indent as indent  # (ties.indent: what unsent.py calls)

WINDOW = 60  # lines after a call that its answer may be read in
STATEMENT_LINES = 10
STATEMENT_CHARS = 2000  # a statement longer than this (a minified line) binds no answer
LINK_LINES = 40  # a chain's link whose options object goes over lines (a request's body)

DECLARATION = rx.compile(
    r"^\s*(?:export\s+|local\s+|readonly\s+|declare\s+(?:-\w+\s+)?)?"
    r"(?:const|let|var|val|final|auto|my|dim)\s"
)
SHELL_ASSIGN = rx.compile(
    r"^\s*(?:local\s+|export\s+|readonly\s+)?(?P<name>[A-Za-z_]\w*)=(?P<rhs>.*)"
)
WITH_AS = rx.compile(r"\bas\s+(?P<name>[A-Za-z_]\w*)\s*:\s*$")
FUNCTION_START = rx.compile(
    r"^\s*(?:@[\w.]+|(?:async\s+)?def\s|(?:export\s+)?(?:default\s+)?(?:async\s+)?function\b"
    r"|func\s|(?:(?:private|public|internal|protected|suspend|override)\s+)*fun\s)"
    r"|=>\s*\{?\s*$|\bfunction\s*\([^)]*\)\s*\{\s*$"
)
FUNCTION_WORDS = ("@", "def", "fun", "=>")  # (each match of FUNCTION_START holds one)
# (and a Kotlin lambda's on one line: `execute().use { r -> return JSONObject(r.body!!.string()) }`)
RETURN = rx.compile(
    r"^\s*(?P<lam>.*?\{\s*\(?[A-Za-z_]\w*\)?\s*->\s*)?return\b\s*(?P<rest>.*?)(?(lam)\s*\}\s*$|$)"
)
# A function written on one line, up to what it returns (break-it L7): `def f(u): return ...`,
# `function f(u) { return ...; }` (JS, PHP, Go's `func f() T { return ... }`), an arrow's
# expression body `const f = (u) => ...`, Kotlin's `fun f(u) = ...`.
ONE_LINE = rx.compile(
    r"^\s*(?:async\s+)?def\s+(?P<py>[A-Za-z_]\w*)\s*\([^)]*\)\s*(?:->[^:]+)?:\s*return\b\s*(?P<a>.*)"
    r"|^\s*(?:(?:export|public|private|protected|static|async)\s+)*(?:function|func(?:\s*\([^)]*\))?)"
    r"\s+(?P<fn>[A-Za-z_]\w*)\s*\([^)]*\)[^{;]*\{\s*return\b\s*(?P<b>.*?)\s*;?\s*\}\s*;?\s*$"
    r"|^\s*(?:export\s+)?(?:const|let|var)\s+(?P<arrow>[A-Za-z_$][\w$]*)\s*=\s*(?:async\s*)?"
    r"(?:\([^)]*\)|[A-Za-z_$][\w$]*)\s*(?::\s*[^=]+)?=>\s*(?![\s{])(?P<c>.*?);?\s*$"
    r"|^\s*(?:(?:private|public|internal|protected|suspend|override)\s+)*fun\s+(?P<kt>[A-Za-z_]\w*)"
    r"\s*\([^)]*\)\s*(?::\s*[\w<>?,. ]+)?=\s*(?P<d>.*)"
)


# (Both are asked once per call whose scope reaches a line: on a minified line of thousands of
# calls, a failed match reads the whole line each time, so the answers are kept per line.)
@lru_cache(maxsize=8192)
def return_statement(line: str) -> str | None:
    """What a `return x` on a line of its own returns (None: the line is no return statement)."""
    m = RETURN.match(line) if "return" in line else None
    return m.group("rest") if m is not None else None


@lru_cache(maxsize=8192)
def returned_expression(line: str) -> str | None:
    """What a line returns: `return x` on a line of its own, or the body of a function written
    on that one line (ONE_LINE)."""
    rest = return_statement(line)
    if rest is not None:
        return rest
    one = one_line_function(line)
    return one[1] if one is not None else None


@lru_cache(maxsize=8192)  # (asked of each call's line: on a minified line, of thousands)
def one_line_function(line: str) -> tuple[str, str | None] | None:
    """The function written on a line (ONE_LINE): its name and what it returns."""
    one = ONE_LINE.match(line) if "(" in line else None
    if one is None:
        return None
    name = one.group("py") or one.group("fn") or one.group("arrow") or one.group("kt")
    return name, next((g for g in one.group("a", "b", "c", "d") if g is not None), None)


# A Promise wrapper settled with the answer: resolve(JSON.parse(body)), resolve(res.data), resolve(r)
RESOLVE = rx.compile(r"\bresolve\(\s*(?P<rest>[^;]*)")
# A function that gives what it fetched parsed: `resolve(JSON.parse(raw))` in a Promise it returns,
# `return await res.json()`, `return r.json()`, `return res.data` (axios), `return json.loads(t)`.
GIVES_PARSED = rx.compile(
    r"\bresolve\(\s*JSON\.parse\("
    r"|^\s*return\s+(?:await\s+)?(?:[\w.]+\.json\(\)|\(await\s+[\w.]+\.json\(\)\)|json\.loads\()"
    r"|^\s*return\s+(?:await\s+)?[\w.]+\.data\s*;?\s*$"
    r"|^\s*return\s+(?:await\s+)?[\w.]+\([^;]*\)\.json\(\)\s*;?\s*$"  # requests.get(u).json()
)
# An object settled or returned with the parsed answer under `data`: `resolve({ statusCode:
# res.statusCode, data: JSON.parse(body) })`, `return { status: r.status, data: await r.json() }`.
GIVES_WRAPPED = rx.compile(
    r"(?:\bresolve\(|^\s*return\s+)\s*\{[^{}]*\b(?P<k>[A-Za-z_$][\w$]*)[\"']?\s*:\s*(?:await\s+)?"
    r"(?:JSON\.parse\(|[\w.]+\.json\(\))"
)
# An object literal returned or settled on a line of its own: `return { status: r.status, d };`.
RETURNS_OBJECT = rx.compile(r"^\s*(?:return\s*|resolve\(\s*)\{(?P<names>[^{}]*)\}\s*\)?\s*;?\s*$")
RETURNED_NAME = rx.compile(r"^\s*return\s+(?P<n>[A-Za-z_]\w*)\s*;?\s*$")
# A TypeScript cast: `as T`, `as Envelope<Voice[]>`, `as unknown as T` (no spaces in a type but
# after its commas: nothing for a run of blanks to be split between).
TS_CAST = (
    r"as\s+[\w$.<>\[\]|]+(?:,\s*[\w$.<>\[\]|]+)*(?:\s+as\s+[\w$.<>\[\]|]+(?:,\s*[\w$.<>\[\]|]+)*)?"
)
# A name's data field returned (`return body.data;`, `return body?.data as T;`, `return j["data"]`).
# (Python's `body.get("data")`, Java's `body.getJSONObject("data")`, Jackson's `body.path("data")`)
RETURNED_DATA = rx.compile(
    r"^\s*return\s+(?P<n>[A-Za-z_$][\w$]*)\s*(?:[?!]?\.\s*data\b|\[\s*[\"']data[\"']\s*\]"
    r"|\.(?:get|getJSONObject|optJSONObject|getAsJsonObject|path)\(\s*[\"']data[\"'][^()]*\))"
    r"(?:\s+" + TS_CAST + r")?!?(?:\s*;)?\s*$"
)
# One of these is written in each match of PARSED (which an expression without them cannot hold):
# each alternative's own words, not "json" or "JSON" alone, which most statements that send a
# body hold (`JSON.stringify(...)`, `json=body`): PARSED tried at each place of such a statement
# took ~33 microseconds, 0.3 s for a file of 5,000 fetch calls (perf23).
PARSED_WORDS = (
    *(".json(", "JSON.parse(", "json.loads(", "json_decode(", "JSONObject(", "JsonParser.parse"),
    *("JObject.Parse(", "decode_json(", "from_json(", "simplejson.New", "gjson.Parse"),
    *("JsonNode.Parse(", "JToken.Parse("),  # (System.Text.Json.Nodes', Newtonsoft's root node)
    *("JsonDocument.Parse(", "readTree(", "readValue(", "fromJson(", "ReadFromJsonAsync"),
    *("Oj.load(", "jsonDecode(", "DeserializeObject", ".data", ".body", "getForObject("),
    "JSONSerialization.jsonObject(",
    *(
        ".getBody()",
        ".json<",
        "$fetch",
        "ofetch",
    ),  # (hooks23: typed .json<T>(), Nuxt $fetch, ofetch)
)
# An expression that is the parsed answer rather than the response: r.json(), JSON.parse(text),
# json.loads(text), (await axios.get(u)).data, res.data, res.body.
PARSED = rx.compile(  # (aiohttp's `await resp.json(content_type=None)`, `r.json(strict=False)`)
    r"\.json\((?:\s*[a-z_]+\s*=\s*[\w.\"']+\s*,?)*\s*\)|JSON\.parse\(|json\.loads\(|json_decode\(|JSONObject\(|JsonParser\.parse|JObject\.Parse\("
    r"|\bdecode_json\(|\bfrom_json\("  # (Perl's JSON)
    # (ky's and got's typed `.json<T>()`; Nuxt's `$fetch(u)` and ofetch's `ofetch(u)` parse it)
    r"|\.json<[^()]*>\(\s*\)|(?<![\w$.])(?:\$fetch|ofetch)(?:<[^()]*>)?\("
    r"|\bsimplejson\.New(?:Json|FromReader)\(|\bgjson\.Parse(?:Bytes)?\("  # (Go: go-simplejson, gjson)
    r"|\b(?:JsonNode|JToken)\.Parse\("  # (C#: `JsonNode.Parse(s)!["data"]!["x"]`, JToken's)
    r"|JsonDocument\.Parse\(|\breadTree\(|\breadValue\(|\bfromJson\(|ReadFromJsonAsync|Oj\.load\(|jsonDecode\("
    # (`res.body.data`, `res.data.data`: the parsed answer's data field, never the answer itself)
    r"|DeserializeObject|^\s*(?:await\s+)?[\w.)\]]+(?<!\.data)(?<!\.body)\.(?:data|body)\s*[;)]*\s*$"
    r"|\bJSONSerialization\.jsonObject\("  # (Swift's Foundation: `jsonObject(with: data)`)
    # Spring's RestTemplate: `getForObject(url, Map.class)` gives the answer parsed, and so does
    # `res.getBody()` of the ResponseEntity that `getForEntity`/`exchange` give
    r"|\bgetForObject\(|^\s*(?:\(\s*[A-Z][\w.]*(?:<[^()]*>)?\s*\)\s*)?[\w.]+\.getBody\(\)\s*;?\s*$"
    # Spring's WebClient and RestClient: `.retrieve().bodyToMono(Map.class).block()`,
    # `.retrieve().body(Map.class)` give the answer parsed
    r"|\.bodyToMono\([^()]*\)\s*\.\s*block\(\s*\)|\.retrieve\(\)\s*\.\s*body\([^()]*\)"
    # (await axios.get(u)).data, axios.get(u).then((r) => r.data)
    r"|^\s*\(\s*await\b.*\)\s*\.data\s*;?\s*$"
    r"|\.then\(\s*\(?\s*(?P<r>\w+)\s*\)?\s*=>\s*(?P=r)\.data\s*\)\s*;?\s*$"
)


def parsed_in(text: str) -> re.Match[str] | None:
    """PARSED's first match in a text, searched only in a text that holds one of PARSED_WORDS."""
    found = PARSED.search(text) if any(word in text for word in PARSED_WORDS) else None
    return found or parsedanswers.parsed_elsewhere(text)


# const { data: out } = await axios.get(u): `out` is the body axios parsed.
BODY_RENAMED = rx.compile(r"\{[^}]*\bdata\s*:\s*(?P<name>[A-Za-z_$][\w$]*)[^}]*\}\s*=")
ROOT = rx.compile(
    r"[(\s!]*(?:await\s+)?(?:(?:self|this)\s*\.\s*|\$this->|\$)?(?P<name>[A-Za-z_]\w*)"
)
SHELL_VAR = rx.compile(r"\$\{?(?P<name>[A-Za-z_]\w*)")
# A shell function: `name() {`, `function name {`, `function name() {` (the brace may come later).
SHELL_FUNCTION = rx.compile(
    r"^\s*(?:function\s+[A-Za-z_][\w:.-]*\s*(?:\(\s*\))?|[A-Za-z_][\w:.-]*\s*\(\s*\))\s*(?:\{|$)"
)


def shell_functions(lines: list[str]) -> list[int]:
    """For each line of a shell script, the number of the function whose body holds it (its
    first line, 1-based), or 0 at the top level: a response is read in its own function only."""
    owner, current, depth, opened = [0] * len(lines), 0, 0, False
    for i, text in enumerate(lines):
        if not current and SHELL_FUNCTION.match(text):
            current, depth, opened = i + 1, 0, False
        if current:
            owner[i] = current
            code = re.sub(r"\$\{[^}]*\}|'[^']*'|\"[^\"\\]*(?:\\.[^\"\\]*)*\"|#.*$", "", text)
            depth += code.count("{") - code.count("}")
            opened = opened or depth > 0
            if opened and depth <= 0:
                current = 0
    return owner


@dataclass(frozen=True)
class Binding:
    names: tuple[str, ...]
    rhs: str
    destructured: bool = False  # const { data } = rhs: each name is a field of rhs
    paths: tuple[str, ...] = ()  # for a destructuring, where each name is in rhs ("data.data")
    unpacked: bool = False  # [json] = await Promise.all(...): which element each name is, unknown


def pattern_paths(text: str, prefix: str = "") -> Iterator[tuple[str, str]]:
    """(name, path) for each name a destructuring pattern's inside binds: `a, b: c = 1,
    data: { data: d }` binds a (a), c (b) and d (data.data)."""
    depth, begin, parts = 0, 0, []
    for i, ch in enumerate(text + ","):
        if ch in "{[":
            depth += 1
        elif ch in "}]":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(text[begin:i])
            begin = i + 1
    for part in parts:
        m = PATTERN_PART.match(part)
        if m is None:
            continue
        key, rest = m.group("k"), (m.group("rest") or "").strip()
        if rest.startswith("{") and rest.endswith("}"):
            yield from pattern_paths(rest[1:-1], f"{prefix}{key}.")
        elif m.group("rest") is None or PLAIN_NAME.fullmatch(rest):
            yield (rest or key), f"{prefix}{key}"


PATTERN_PART = rx.compile(
    r"\s*(?P<k>[A-Za-z_$][\w$]*)\s*(?::\s*(?P<rest>[^=]*?))?\s*(?:=[^=].*)?$", re.S
)
PLAIN_NAME = rx.compile(r"[A-Za-z_$][\w$]*")


# The characters _depth_zero_equals heeds (the others change nothing it keeps).
HEEDED = rx.compile(r"[\"'`()\[\]{}=]")


def _depth_zero_equals(line: str, start: int | None = None) -> int:
    """The column of the line's first `=` outside brackets that is an assignment, or -1.
    `start`: where the walk of quotes and brackets starts; None: at the first `=` when no quote
    nor bracket is before it (the walk's first stop is then that `=`, at depth 0), else at 0;
    0 walks the whole line (what the shortcut must agree with: tests/test_audit_perf25.py)."""
    first = line.find("=")
    if first < 0:
        return -1
    if start is None:
        start = first if HEEDED.search(line, 0, first) is None else 0
    depth = 0
    quote = ""
    for m in HEEDED.finditer(line, start):
        i = m.start()
        c = line[i]
        if quote:
            if c == quote and line[i - 1] != "\\":
                quote = ""
        elif c in "\"'`":
            quote = c
        elif c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        elif c == "=" and depth == 0:
            before, after = line[i - 1 : i], line[i + 1 : i + 2]
            if after in ("=", ">") or before in ("=", "!", "<", ">"):
                return -1
            return i
    return -1


GENERIC = rx.compile(r"<[^<>]*>")
NAME_WORD = rx.compile(r"[A-Za-z_]\w*")
TYPED = rx.compile(r"^\s*(?:export\s+)?(?:const|let|var|val|var)\s+[A-Za-z_$][\w$]*\s*:")


def binding(line: str, shell: bool) -> Binding | None:
    """The names a line binds and the expression it binds them to."""
    if shell:
        m = SHELL_ASSIGN.match(line)
        return Binding((m.group("name"),), m.group("rhs")) if m else None
    if "try" in line:
        line = try_resource(line)  # (Java's `try (Response r = call.execute()) {`)
    if "({" in line:
        line = destructuring_assignment(line)  # (JavaScript's `({ data } = await r.json());`)
    eq = _depth_zero_equals(line)
    if eq <= 0:
        return None
    lhs, rhs = line[:eq].rstrip(":").rstrip(), line[eq + 1 :]
    spaced = line[eq - 1 : eq] == " " or line[eq + 1 : eq + 2] == " " or line[eq - 1] == ":"
    if not (spaced or DECLARATION.match(lhs + " ")):
        return None  # a keyword argument (json=payload) inside a call's continuation
    pattern = DECLARATION.sub("", lhs + " ", count=1).strip()
    if pattern.startswith("[") and pattern.endswith("]"):  # [json] = ..., const [a, b] = ...
        names = re.findall(r"[A-Za-z_$][\w$]*", re.sub(r"=[^,\]]*", "", pattern))
        return Binding(tuple(names), rhs, unpacked=True) if names else None
    if lhs.endswith("]") and not TYPED.match(lhs):
        return None  # a subscript is assigned, not a name (`const v: Voice[] =` is a name)
    if lhs.endswith("}") and "{" in lhs and not TYPED.match(lhs):  # const { data, x: y } = ...
        # (`const j: { data: Answer } = ...` is a name with a type written out: TYPED)
        bound = list(pattern_paths(lhs[lhs.index("{") + 1 : -1]))
        paths = tuple(p for _, p in bound)
        return Binding(tuple(n for n, _ in bound), rhs, destructured=True, paths=paths)
    head = lhs.split(":")[0] if ":" in lhs.replace("::", "") else lhs  # val r: Response
    if "<" in head:  # (a generic type's commas are no tuple: `Map<?, ?> out = ...`)
        head = GENERIC.sub("", GENERIC.sub("", head))
    names = (
        NAME_WORD.findall(head.split(",")[-1])
        if "," not in head
        else [w for part in head.split(",") for w in NAME_WORD.findall(part)[-1:]]
    )
    if not names:
        return None
    return Binding(tuple(names) if "," in head else (names[-1],), rhs)


# Java's try-with-resources: `try (Response r = client.newCall(req).execute()) {`, one resource.
TRY_RESOURCE = rx.compile(r"^(?P<i>\s*)(?:\}\s*)?try\s*\((?P<d>[^;()]*=[^;]*?)\)\s*\{?\s*$")


def try_resource(line: str) -> str:
    """A try-with-resources line read as the declaration of its one resource; any other line as
    it is."""
    m = TRY_RESOURCE.match(line)
    return m.group("i") + m.group("d") if m is not None else line


# JavaScript's assignment to names already declared by destructuring, which must be wrapped in
# parentheses: `({ data } = await res.json());`.
DESTRUCTURING_ASSIGNMENT = rx.compile(r"^(?P<i>\s*)\((?P<b>\s*\{[^=]*\}\s*=.*)\)\s*;?\s*$")


def destructuring_assignment(line: str) -> str:
    """A parenthesized destructuring assignment read as the assignment it wraps; any other line
    as it is."""
    m = DESTRUCTURING_ASSIGNMENT.match(line)
    return m.group("i") + m.group("b") if m is not None else line


def derived(rhs: str, tied: set[str], shell: bool) -> bool:
    """Whether an expression holds a tied response: it starts with a tied name (`r.json()`,
    `await call(...)`), passes a tied URL first (`requests.post(url, ...)`), or is a shell
    substitution that reads a tied variable."""
    return not tied.isdisjoint(roots(rhs, shell))


def holds(scope: Scope, rhs: str, shell: bool) -> bool:
    """derived(rhs, scope.all(), shell), without making the union for every line after a call;
    or a request given the URL a function of the scope returns (`fetch(statusUrl(id), ...)`)."""
    found = roots(rhs, shell)
    if scope.members and not found.isdisjoint(scope.members):
        found = found - {n for n in found & scope.members if _only_bare_calls(rhs, n)}
    if found and not (found.isdisjoint(scope.local) and found.isdisjoint(scope.lasting)):
        return True
    return bool(scope.urls) and not shell and _given_url(rhs, scope.urls)


def _only_bare_calls(rhs: str, name: str) -> bool:
    """Whether an expression calls `name` only by its name alone (`fetch(url)`, never
    `this.fetch(` or `worker.fetch(`): no JavaScript member's call (see Scope.members)."""
    calls = [m.group(1) for m in _member_call(name).finditer(rhs)]
    return bool(calls) and not any(calls)


@lru_cache(maxsize=256)
def _member_call(name: str) -> re.Pattern[str]:
    return re.compile(rf"(?:(\.)\s*|(?<![\w$.])){re.escape(name)}\s*\(")


# A call given a function's result first: `fetch(statusUrl(id), ...)`, `requests.get(self.url(i))`.
URL_CALL = rx.compile(
    r"\(\s*(?:await\s+)?(?:(?:this|self)\s*\.\s*|\$this->)?(?P<n>[A-Za-z_$][\w$]*)\s*\("
)


def _given_url(rhs: str, urls: set[str]) -> bool:
    """Whether an expression makes a request to what one of the functions `urls` returns."""
    return "(" in rhs and any(m.group("n") in urls for m in URL_CALL.finditer(rhs))


@lru_cache(maxsize=4096)
def roots(rhs: str, shell: bool) -> frozenset[str]:
    """The names an expression holds a response through, if any of them is tied (see derived);
    worked out once per expression, which every call's scope before it meets again."""
    if shell:  # (a new request made with a tied value, `$(curl ...?id=$ID)`, is another answer)
        if SHELL_REQUEST.search(rhs):
            return frozenset()
        return frozenset(m.group("name") for m in SHELL_VAR.finditer(rhs))
    rhs = CAST.sub("", rhs, count=1) if rhs.lstrip().startswith("(") else rhs  # `(Map) b.get(..)`
    found = set()
    for a in ARGUMENT.finditer(rhs):
        if _parameter(rhs, a):
            continue  # (`.then((r) => r.json())`: the callback's own r, not a name of the scope)
        found.add(a.group("name"))
        keyed = KEY_AFTER.match(rhs, a.end("name"))  # EP.detect, EP["detect"]: an entry
        if keyed is not None:
            found.add(f"{a.group('name')}.{keyed.group('k')}")
    m = ROOT.match(rhs)
    if m:
        found.add(m.group("name"))
        keyed = KEY_AFTER.match(rhs, m.end("name"))
        if keyed is not None:
            found.add(f"{m.group('name')}.{keyed.group('k')}")
    bare = rhs.replace("()", "") if "(" in rhs else ""  # client.getVideo(id), Api().get_video(i)
    head = bare[: bare.find("(")].rstrip() if "(" in bare else ""  # a method
    called = head[max(head.rfind("."), head.rfind(">")) + 1 :] if head else ""  # returning it
    if called.lower() not in VERBS and METHOD_CALL.match(rhs):
        found.add(called)
    return frozenset(found)


# After a callback's parameter list: `(r) =>`, `(r, i) =>` (or `function (r)`, checked apart).
PARAMETERS_END = rx.compile(r"\s*(?:,[\w$\s,]*)?\)\s*(?P<arrow>=>)?")


def _parameter(rhs: str, a: re.Match[str]) -> bool:
    """Whether an argument ARGUMENT found is a parameter of a callback written there (`.then((r)
    => r.json())`, `function (r) {`): a name of its own, which no call's scope before it holds."""
    end = PARAMETERS_END.match(rhs, a.end("name"))
    if end is None:
        return False
    return end.group("arrow") is not None or rhs[: a.start()].rstrip().endswith("function")


# A key read on a name: `.detect`, `["detect"]`, `->detect`, `['detect']`.
KEY_AFTER = rx.compile(r"\s*(?:(?:[?!]?\.|->)\s*|\[\s*[\"'])(?P<k>[A-Za-z_$][\w$]*)")
# A method called on an object: `client.getVideo(id)`, `await this.akool.status(id)`.
METHOD_CALL = rx.compile(
    r"[(\s!]*(?:await\s+)?(?:new\s+)?(?:[\w$]+(?:\(\))?\s*(?:\.|->)\s*)+(?P<name>[A-Za-z_]\w*)\s*\("
)
# Names too general to be a file's own function returning one answer (`requests.get`, `r.json`).
VERBS = frozenset(
    {"get", "post", "put", "patch", "delete", "request", "fetch", "send", "call", "json", "then"}
    | {"run", "execute", "main", "handler", "handle", "exec", "invoke", "data", "text", "read"}
)


SHELL_REQUEST = rx.compile(r"\b(?:curl|wget|http|https)\s")
# A call's first argument that is a name or starts from one: `requests.post(url, ...)`,
# `JSON.parse(res.body)`, `json_decode($res->getBody())`, `io.ReadAll(resp.Body)`; after a method
# given first, the URL: `requests.request("POST", url, ...)` (docs.akool.com's Python tabs),
# `httpx.request("GET", url)`, `session.request(method="GET", url=u)`.
ARGUMENT = rx.compile(
    r"\(\s*(?:(?:method\s*=\s*)?[\"'](?i:get|post|put|patch|delete)[\"']\s*,\s*)?"
    # (Go's http.NewRequest(http.MethodGet, url, nil), NewRequestWithContext(ctx, "GET", url, nil))
    r"(?:(?:ctx\s*,\s*)?(?:http\.Method(?:Get|Post|Put|Patch|Delete)|[\"'](?i:get|post|put|patch|delete)[\"'])\s*,\s*)?"
    # (after a cast: PHP's `json_decode((string) $res->getBody(), true)`)
    r"(?:url\s*=\s*)?(?:await\s+)?(?:\(\s*(?:string|array|object|str)\s*\)\s*)?"
    # (Swift's labelled first argument: `session.data(for: req)`, `jsonObject(with: data)`)
    r"(?:(?:for|with|from)\s*:\s*)?"
    r"(?:[fF]?[\"'`]\$?\{\s*)?"  # (the URL's name opening a template: f"{U}{i}", `${U}${id}`)
    # (an object's field: fetch(this.detectUrl, ...), an entry of one: get(self.EP["result"]))
    r"(?:(?:self|this)\s*\.\s*(?=\w+\s*(?:[,)]|\[\s*[\"'])))?"
    r"\$?(?P<name>[A-Za-z_]\w*)(?=\s*[,)]|\s*(?:\.|->)\s*\w"
    # (a query piece or an id joined to it, `U + id`, `P + "?video_model_id=" + i`, `{U}{i}`;
    # not a path, `BASE + "/x"`, which is another URL)
    r"|\s*\+\s*(?![\"'`]/)|\s*\}(?=[^/\s])|\s*\[\s*[\"'])"
    # (not a field read below the answer's data: `$($r.data._id)` in the next call's URL)
    r"(?!\s*(?:\.|->)\s*data\s*(?:\.|->))"
)
# A lambda given what a call returns: `.use { response ->`, `.thenApply(body -> ...)`.
LAMBDA = rx.compile(r"[{(]\s*\(?(?P<p>[A-Za-z_]\w*)\)?\s+->(?:\s|$)")
# Kotlin's scope function given a lambda with no parameter of its own: it is given `it`.
IMPLICIT_IT = rx.compile(r"\.(?:use|let|also)\s*\{(?!\s*\(?[\w, ]+\)?\s*->)(?=.*\bit\b)")
# Go's decoders fill a variable given by address: json.Unmarshal(body, &out),
# json.NewDecoder(resp.Body).Decode(&out): `out` holds the parsed answer.
FILLED = rx.compile(r"\b(?:Unmarshal|Decode)\([^;\n]*?&(?P<out>[A-Za-z_]\w*)\s*\)")
# Go's HTTP clients that decode the answer into a variable given by address on the request's own
# chain: resty's `.SetResult(&out)`, req's `.SetSuccessResult(&out)`, sling's
# `.ReceiveSuccess(&out)` / `.Receive(&out, &failure)`, carlmjohnson/requests' `.ToJSON(&out)`.
CLIENT_FILLED = rx.compile(
    r"(?<![\w$])(?:SetResult|SetSuccessResult|ReceiveSuccess|Receive|ToJSON)\(\s*&(?P<out>[A-Za-z_]\w*)\s*[,)]"
)
# What such a decoder is given is the answer's data field: json.Unmarshal(out.Data, &v),
# json.Unmarshal(env["data"], &v)
FROM_DATA = rx.compile(r"\bUnmarshal\(\s*[A-Za-z_]\w*(?:\.(?i:data)|\[\s*\"data\"\s*\])\s*,")


def opener(line: str, close: int) -> int:
    pairs = {")": "(", "]": "["}
    depth = 0
    for j in range(close, -1, -1):
        c = line[j]
        if c in ")]":
            depth += 1
        elif c in "([":
            depth -= 1
            if depth == 0:
                return j if pairs[line[close]] == c else -1
    return -1


def root_of(line: str, pos: int) -> str | None:
    """The name an expression ending at `pos` starts from (`r` in `(await r.json())`), or None."""
    i = pos
    while i > 0:
        c = line[i - 1]
        if c == ")" and i < pos and (line[i].isalnum() or line[i] in "_$"):
            break  # (a cast, `(int)j["data"]`: the name after it is the root)
        if c in ")]":
            i = opener(line, i - 1)
            if i < 0:
                return None
        elif c == ">" and line[i - 2 : i] == "->":  # (PHP's `$r->toArray()`: both characters)
            i -= 2
        elif c.isalnum() or c in "_$.?!":
            i -= 1
        elif c == " " and line.endswith("await ", 0, i):  # (no copy of the line per call)
            i -= 6
        else:
            break
    chain = line[i:pos]
    if not chain:
        return None
    m = ROOT.match(chain)
    return m.group("name") if m else None


def shell_root(line: str) -> str | None:
    """The variable a jq read takes its input from (`echo "$RESP" | jq ...`, `<<< "$RESP"`)."""
    own = shellpipes.pipeline_fetch(line)  # (`curl "...?id=$ID" | jq`: curl's own answer)
    if own is not None:
        return own or None
    lhs = SHELL_ASSIGN.match(line)
    start = len(lhs.group(0)) - len(lhs.group("rhs")) if lhs else 0
    m = SHELL_VAR.search(line, start)
    return m.group("name") if m else None


@dataclass
class Scope:
    """What a call's answer is held in, as the lines after it are read."""

    local: set[str] = field(default_factory=set)
    lasting: set[str] = field(default_factory=set)  # module-level names, functions returning it
    # Those that hold the parsed answer (`r.json()`, `JSON.parse(body)`, axios' `res.data`, a
    # function or a Promise that gives one), not an HTTP library's response: `x.data.task_id` on
    # them reads the answer's data.
    bodies: set[str] = field(default_factory=set)
    # Those that hold the answer's data field (`d = body["data"]`, `v = res.data.data`,
    # Go's `data := out["data"].(map[string]interface{})`): `v.x` reads the answer's data.x.
    fields: set[str] = field(default_factory=set)
    decoded: set[str] = field(default_factory=set)  # Go: filled by Decode(&out), Unmarshal(b, &out)
    # Those that hold an object whose `data` is the parsed answer, as axios' response (what a
    # helper resolving `{ statusCode, data: JSON.parse(body) }` gives): `x.data.code` is the top's.
    wrapped: dict[str, str] = field(default_factory=dict)  # (name: the key holding the answer)
    # Go: filled from the answer's data field (`json.Unmarshal(out.Data, &v)`): v's tags are
    # read under data.
    decoded_data: set[str] = field(default_factory=set)
    # The functions that return the answer, by name: the line of their `return` (see returns.py).
    returned: dict[str, int] = field(default_factory=dict)
    # Those of them that are JavaScript members (a Worker's `async fetch(request, env) {`): a
    # bare call of the name (the global `fetch(url)`) is not theirs, `this.name(` is.
    members: set[str] = field(default_factory=set)
    held: items.Lists = field(default_factory=items.Lists)  # lists of the answer, their items
    # A callback chained to the call of a function that returns the answer, given what it
    # returns (`getVoices().then((voices) => ...)`): its parameter, read on the call's statement.
    chained: set[str] = field(default_factory=set)
    # The parameter of a callback the call is given (jQuery's `success: function (r) {`), read in
    # the call's own arguments too.
    callbacks: set[str] = field(default_factory=set)
    # Where each name was bound to the answer by an assignment (a function nested below it whose
    # parameter has that name sees another value: `results.forEach((res) => ...)`).
    since: dict[str, int] = field(default_factory=dict)
    # Names bound to a part of the answer below its data field (`job = r.json()["data"]["_id"]`,
    # a list): what a call given one returns (`db.fetch(job)`) is not the answer.
    parts: set[str] = field(default_factory=set)
    # Names that hold the answer but not on the line being read (a callback's parameter or a
    # comprehension's variable of the same name): out of local and lasting for that line.
    hidden: dict[str, bool] = field(default_factory=dict)  # (name: whether it was lasting)
    blocks: dict[str, int] = field(default_factory=dict)  # a block's loop variable: its last line
    # The functions that return the call's URL (`return f"{BASE}/x?id={i}"`): a request given
    # what one returns (`fetch(statusUrl(id))`) is the call.
    urls: set[str] = field(default_factory=set)

    def all(self) -> set[str]:
        return self.local | self.lasting

    def __bool__(self) -> bool:
        return bool(self.local or self.lasting or self.hidden)

    def holds_nothing(self) -> bool:
        """Whether nothing at all holds the answer: a line after the call's statement can then
        change the scope only by settling a Promise with it (see _settled; every other step
        needs a name of the scope, see scopes)."""
        held = self.held
        return not (
            self.local
            or self.lasting
            or self.hidden
            or self.bodies
            or self.fields
            or self.urls
            or self.wrapped
            or self.returned
            or held.lists
            or held.items
            or held.returned
        )


def block_end(lines: list[str], line: int) -> int:
    """The last line of the block a line opens (the line itself when it opens none or closes it)."""
    depth = 0
    for i in range(line, min(line + WINDOW, len(lines))):
        code = re.sub(
            r"\"[^\"\\]*(?:\\.[^\"\\]*)*\"|'[^'\\]*(?:\\.[^'\\]*)*'|`[^`]*`", "", lines[i]
        )
        depth += code.count("{") - code.count("}")
        if depth <= 0:
            return i
    return line + WINDOW


def statement_end(lines: list[str], line: int, most: int = STATEMENT_LINES) -> int:
    """The last line of the statement that starts on `line` (brackets and `\\` continue it),
    within `most` lines."""
    depth = 0
    for i in range(line, min(line + most, len(lines))):
        text = lines[i]
        opened = text.count("(") + text.count("[") + text.count("{")
        depth += opened - text.count(")") - text.count("]") - text.count("}")
        if depth <= 0 and not text.rstrip().endswith("\\"):
            return i
    return line


CONTINUED = (".", "?.", "->")  # a method chain: `await request\n  .post(url)`
CONTINUES = ("=", "\\", "(", ",", "[", "{", "await")
# A line ending in a link of a chain whose next link is on the next line (Go's way: `R().`).
GO_LINK_END = rx.compile(r"\)\s*\.\s*$")


def go_link_end(text: str) -> bool:
    """Whether a line ends in a link of a chain (see GO_LINK_END), looked for at its end only:
    a search of the whole line for each call of a minified line read it once per call."""
    end = text.rstrip()
    return end.endswith(".") and GO_LINK_END.search(end, max(0, len(end) - 200)) is not None


def call_binding(facts: Lines, line: int, column: int) -> tuple[int, Binding | None]:
    """(the line the call's statement starts on, what it binds the answer to)."""
    lines = facts.lines
    first = line  # (the first line of a statement the call goes on: `async with s.get(` above it)
    for start in range(line, max(line - 4, -1), -1):
        if start < line and (facts.starts_function(start) or facts.opens_function(start)):
            break  # (a statement above a function's head does not go on into its body)
        found = facts.binding(start)
        text = lines[start]
        if found is not None:
            eq = len(text) - len(found.rhs)
            if start == line:
                return (start, found) if eq <= column else (line, None)
            # (its length first: the call may be far along a minified line)
            if (
                len(text)
                - eq
                + sum(map(len, lines[start + 1 : line]))
                + min(column, len(lines[line]))
                > STATEMENT_CHARS
            ):
                return line, None
            # (the statement goes on to the call: brackets left open before the call's line, or
            # a line that ends in `=`; `payload = {...}` above `with post(...) as r:` does not)
            prior = text[eq:] + "".join(lines[start + 1 : line])
            opened = sum(prior.count(c) for c in "([{") - sum(prior.count(c) for c in ")]}")
            after = lines[start + 1].lstrip()  # (or the next line goes on: `\n  .post(url)`)
            if opened > 0 or not prior.strip() or prior.rstrip().endswith(CONTINUES):
                return start, found
            if go_link_end(text):  # (Go's chain goes on after a dot: `R().\n\tPost(u)`)
                return start, found
            if after.startswith(CONTINUED):
                return start, found
            break
        chained = start < line and lines[start + 1].lstrip().startswith(("->", "?->", "."))
        chained = chained or go_link_end(text)
        if start < line and not chained and not text.rstrip().endswith(("(", ",", "\\", "{", "[")):
            break  # (a chain's next link, `->baseUrl($b)` or `.post(...)`, continues it)
        first = start
    name = facts.with_as(facts.statement_end(line)) or with_over(facts, first, line)
    return line, Binding((name,), "") if name else None


# A table looked up by a name: `self.ENDPOINTS[name]`, `ENDPOINTS.get(name)`, `this.paths[kind]`.
KEYED_READ = rx.compile(
    r"(?<![\w$.])(?:(?:self|this|cls)\s*\.\s*)?(?P<t>[A-Za-z_$][\w$]*)\s*"
    r"(?:\[\s*(?P<p>[A-Za-z_$][\w$]*)\s*\]|\.get\(\s*(?P<q>[A-Za-z_$][\w$]*)\s*[,)])"
)
KEY_LITERAL = rx.compile(r"(?<=[(,])\s*([\"'])(?P<k>[A-Za-z_$][\w$]*)\1\s*(?=[,)])")


def keyed_given(facts: Lines, bound: Binding, scope: Scope) -> Binding:
    """A binding whose call gives a function of the file that looks its parameter up in a table
    (see Lines.keyed) the key of an entry the scope holds (`self._request("GET", "result")`, the
    scope holding `ENDPOINTS.result`), written as that entry (`ENDPOINTS["result"]`) so the
    answer is followed; any other binding as it is."""
    entries = {n for n in scope.local | scope.lasting if "." in n}
    called = ROOT.match(bound.rhs) if entries else None
    table = facts.keyed().get(called.group("name"), "") if called is not None else ""
    for m in KEY_LITERAL.finditer(bound.rhs) if table else ():
        if f"{table}.{m.group('k')}" in entries:
            rhs = (
                bound.rhs[: m.start("k") - 1] + f'{table}["{m.group("k")}"]' + bound.rhs[m.end() :]
            )
            return Binding(bound.names, rhs, bound.destructured, bound.paths, bound.unpacked)
    return bound


def _unpacks_tuple(facts: Lines, bound: Binding) -> bool:
    """Whether an array pattern unpacks what a helper of the file returning a tuple gives
    (`const [status, json] = await get(...)`: see Lines.gives_wrapped)."""
    called = ROOT.match(bound.rhs)
    return called is not None and facts.gives_wrapped(called.group("name")).startswith("#")


def with_over(facts: Lines, first: int, line: int) -> str:
    """The name a `with`/`async with` statement opened above the call's line binds, when its
    `as NAME:` ends the statement after the call (`async with s.get(\n url,\n) as resp:`)."""
    if first == line or WITH_START.match(facts.lines[first]) is None:
        return ""
    end = facts.statement_end(first)
    return facts.with_as(end) if end >= line else ""


WITH_START = rx.compile(r"^\s*(?:async\s+)?with\s")


def with_binding(facts: Lines, i: int) -> Binding | None:
    """What a `with EXPR as NAME:` statement starting on line i binds NAME to (EXPR, its lines
    joined): `with urllib.request.urlopen(req) as resp:` after `req = Request(url)` holds req's
    answer, as `resp = urlopen(req)` would."""
    text = facts.lines[i]
    if facts.shell or "with" not in text or WITH_START.match(text) is None:
        return None
    end = facts.statement_end(i)
    name = facts.with_as(end)
    if not name:
        return None
    joined = " ".join(t.strip() for t in facts.lines[i : end + 1])[-STATEMENT_CHARS:]
    expr = re.sub(r"^(?:async\s+)?with\s+", "", joined)
    return Binding((name,), expr[: expr.rfind(" as ")].strip())


# The key of an object's entry whose value a place is in: `detect: "https://...` in `const EP =
# {`, `"swap": "https://...` in `EP = {...}` (the text before the place on its line).
ENTRY_KEY = rx.compile(r"(?:^|[{,])\s*[\"']?(?P<k>[A-Za-z_$][\w$]*)[\"']?\s*(?::|=>)\s*[^,{}()]*$")
OBJECT_OPENS = rx.compile(r"^\s*(?:Object\.freeze\(\s*)?\{")


def _entry_of(
    facts: Lines, start: int, line: int, column: int, bound: Binding | None
) -> Binding | None:
    """A call's binding narrowed to the entry of an object that holds its URL: the place is
    the value of `detect:` in `const EP = { detect: "https://...", swap: "..." }`, so what
    holds its answer is what is given `EP.detect` (or `EP["detect"]`), never `EP.swap`."""
    if bound is None or bound.destructured or len(bound.names) != 1:
        return bound
    if not OBJECT_OPENS.match(bound.rhs):
        return bound
    key = ENTRY_KEY.search(facts.lines[line][:column])
    if key is None:
        return bound
    return Binding((f"{bound.names[0]}.{key.group('k')}",), bound.rhs)


def enclosing_function(lines: list[str], line: int) -> str | None:
    """The name of the function a line is in: one written on that line, else the nearest
    less-indented line above (within 200 lines) that opens a function's body (a brace on a line
    of its own is its definition's): up the file's outline, block by block."""
    one = one_line_function(lines[line])
    if one is not None:  # (a function written on its line: that function)
        return one[0]
    shape = outline(lines)
    i = shape.parents[line]
    while i >= 0 and i > line - 200:
        if i not in shape.opened:
            shape.opened[i] = _opens_body(lines, i, shape)
        name = shape.opened[i]
        if name and name not in NOT_FUNCTIONS:
            return name
        i = shape.parents[i]
    return None


def _opens_body(lines: list[str], i: int, shape: Outline) -> str | None:
    """The name of the function whose body line i opens (see enclosing_function)."""
    text = lines[i]
    name = _opened(text, shape.function_def(i))
    if name is None and text.strip() == "{" and i > 0:
        name = opened_function(lines[i - 1].rstrip() + " {")
    if name is None and ")" in text and text.rstrip().endswith("{"):
        name = _head_above(lines, i)
    return name


def _head_above(lines: list[str], i: int) -> str | None:
    """The method whose head, written over the lines above, line i closes (`): Promise<T> {`)."""
    for j in range(i - 1, max(i - 2 * HEADER_LINES, -1), -1):
        m = function_def(lines[j]) if lines[j].rstrip().endswith("(") else None
        if m is not None and m.lastgroup == "m" and header_end(lines, j) == i:
            return m.group("m")
    return None


# What may stand before a definition's keyword, and an arrow function's head.
DEF_PREFIX = rx.compile(
    r"\s*(?:(?:export|default|async|pub|public|private|protected|internal|static|suspend|override)\s+)*"
)
# (a class's property too: `private request = async (p: string): Promise<T> => {`)
ARROW_HEAD = rx.compile(
    r"\s*(?:export\s+)?(?:(?:const|let|var)\s+|(?:(?:private|public|protected|static|readonly"
    r"|override)\s+)*(?:#)?)"
)


@lru_cache(maxsize=8192)  # (asked of the lines above each call: see call_binding)
def opened_function(text: str) -> str | None:
    """The name of the function whose definition a line opens (scopes.function_def's reading):
    a keyword's at the start of the line (`def`, `function`, `func`, `fun`), a C-like method
    whose body's brace ends the line, or `const name = (...) => {`."""
    return _opened(text, function_def(text))


def _opened(text: str, m: re.Match[str] | None) -> str | None:
    """opened_function of a line whose function_def is m."""
    if m is None:
        return None
    kind = m.lastgroup
    if kind in ("a", "r") and DEF_PREFIX.fullmatch(text, 0, m.start()):
        return m.group(kind)
    if kind == "c" and text.rstrip().endswith("{"):
        return m.group("c")
    if kind in ("d", "e"):  # (a shell function)
        return m.group(kind)
    if kind == "m":  # (a method whose head goes on over lines: see enclosing_function)
        return m.group("m")
    if kind == "b" and ARROW_HEAD.fullmatch(text, 0, m.start()):
        return m.group("b") if text[m.end() :].strip() in ("", "{") else None
    return None


# A statement that binds names anew for the rest of their function: a loop's target (Python's and
# Ruby's `for r in rows:`, JavaScript's `for (const json of list)`), a walrus `(r := q.get())`.
REBINDS = rx.compile(
    r"^\s*(?:async\s+)?for\s+\(?(?P<py>[A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)*)\)?\s+in\b"
    r"|\bfor\s*(?:await\s*)?\(\s*(?P<block>(?:const|let)\s+)?(?:var\s+)?"
    r"(?P<js>[A-Za-z_$][\w$]*|\[[^\]]*\]|\{[^}]*\})\s+(?:of|in)\b"
    r"|\(\s*(?P<walrus>[A-Za-z_]\w*)\s*:=(?!=)"
)
# A handler's exception, a name of its block only: `catch (j) {`, `catch (e: unknown)`, Java's and
# C#'s `catch (IOException | X e)`, PHP's `catch (Exception $e)`, Swift's `catch let e`, Python's
# `except Exception as j:`, Ruby's `rescue StandardError => j`.
CAUGHT = rx.compile(
    r"\bcatch\s*\(\s*(?:[\w.<>|\\\s]+?\s+)?\$?(?P<c>[A-Za-z_$][\w$]*)\s*(?::\s*[\w.<>|?]+\s*)?\)\s*\{?"
    r"|\bcatch\s+let\s+(?P<s>[A-Za-z_]\w*)"
    r"|^\s*except\b[^:#]*?\bas\s+(?P<p>[A-Za-z_]\w*)\s*:"
    r"|^\s*rescue\b[^=#\n]*=>\s*(?P<r>[A-Za-z_]\w*)"
)


def caught_name(lines: list[str], i: int) -> tuple[str, int] | None:
    """The exception a handler opening on line i binds, and the last line of its block (braces
    from the handler on; Python's and Ruby's by indentation)."""
    text = lines[i]
    if ("catch" not in text and "except" not in text and "rescue" not in text) or len(text) > 2000:
        return None
    m = CAUGHT.search(text)
    if m is None:
        return None
    name = m.group("c") or m.group("s") or m.group("p") or m.group("r")
    if m.group("p") or m.group("r"):
        own = len(text) - len(text.lstrip())
        last = i
        for k in range(i + 1, min(i + WINDOW, len(lines))):
            if lines[k].strip() and len(lines[k]) - len(lines[k].lstrip()) <= own:
                break
            last = k if lines[k].strip() else last
        return name, last
    depth, opened = 0, False
    for k in range(i, min(i + WINDOW, len(lines))):
        code = lines[k][m.end() - 1 :] if k == i else lines[k]
        depth += code.count("{") - code.count("}")
        opened = opened or depth > 0
        if opened and depth <= 0:
            return name, k
    return name, i


# The shell's: `for RESP in ...`, `while read -r RESP`, `read -r A B <<< "$x"`.
SHELL_REBINDS = rx.compile(
    r"(?:^|[;&|]|\bdo\b|\bthen\b)\s*for\s+(?P<f>[A-Za-z_]\w*)\s+in\b"
    r"|\bread\s+(?:-[A-Za-z]+\s+)*(?P<r>[A-Za-z_]\w*(?:[ \t]+[A-Za-z_]\w*)*)"
)
# An axios response interceptor that unwraps what the client's calls give: `http.interceptors.
# response.use((r) => r.data)`, `(res: AxiosResponse) => res.data.data`, `function (response) {
# return response.data; }`.
INTERCEPTOR = rx.compile(
    r"(?P<client>[A-Za-z_$][\w$]*)\s*\.\s*interceptors\s*\.\s*response\s*\.\s*use\(\s*"
    r"(?:(?:async\s*)?\(?\s*(?P<p>[A-Za-z_$][\w$]*)\s*(?::\s*[\w<>.]+\s*)?\)?\s*=>\s*"
    r"(?:\{\s*return\s+)?(?P=p)(?P<sel>(?:\s*\.\s*data\b)+)(?!\s*[.\[(\w])"
    r"|(?:async\s+)?function\s*\w*\s*\(\s*(?P<q>[A-Za-z_$][\w$]*)[^)]*\)\s*\{\s*return\s+"
    r"(?P=q)(?P<sel2>(?:\s*\.\s*data\b)+)(?!\s*[.\[(\w])"
    # (its body destructured: `({ data }) => data`, `function ({ data: body }) { return body; }`)
    r"|(?:async\s+)?(?:function\s*\w*\s*)?\(\s*\{\s*(?P<d>data)\s*(?::\s*(?P<da>[A-Za-z_$][\w$]*)\s*)?"
    r"\}[^)]*\)\s*(?:=>\s*)?(?:\{\s*return\s+)?(?(da)(?P=da)|data)(?P<sel3>(?:\s*\.\s*data\b)*)"
    r"(?!\s*[.\[(\w]))"
)
# A response interceptor that renames keys: `api.interceptors.response.use((r) => camelcaseKeys(...`.
CONVERTING = rx.compile(
    r"(?P<client>[A-Za-z_$][\w$]*)\s*\.\s*interceptors\s*\.\s*response\s*\.\s*use\(.*?"
    r"(?i:camel|snake|pascal|kebab|humps|normali[sz]e|(?:transform|convert|rename|map)_?keys)"
)
# A comprehension's or a generator's variables: `[r.json()["data"] for r in rs]`.
COMPREHENSION = rx.compile(r"\bfor\s+\(?(?P<names>[A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)*)\)?\s+in\b")


# What a line must hold to change a call's scope other than by binding a name or walking a list
# (see scopes): a lambda, a Go decoder's &out, a return, a Promise settled.
LOUD = rx.compile(r"->|&|return|resolve\(")
LOUD_WORDS = ("->", "&", "return", "resolve(")  # (LOUD's alternatives)


# The tables of the less common shapes that bind a name to a whole parse, each giving (where,
# name) for a file's text: see Lines.parses.
PARSE_TABLES: dict[str, Callable[[str], list[tuple[int, str]]]] = {
    "less": parsedanswers.parsed_bindings,
    "jvm": jvmanswers.parsed_bindings,
    "script": scriptanswers.parsed_bindings,
}


class Lines:
    """A file's lines with what each binds and whether it starts a function, worked out once."""

    def __init__(
        self, lines: list[str], shell: bool, scopes: Scopes | None = None, script: bool = False
    ) -> None:
        self.lines = lines
        self.shell = shell
        self.script = script  # PHP's or Ruby's (their clients' parses: see scriptanswers.py)
        self.scopes = scopes  # the file's functions (see _hide), when known
        self._rebound: dict[int, tuple[tuple[str, ...], int]] = {}
        self._comprehended: dict[int, tuple[str, ...]] = {}
        self._axios: bool | None = None
        self._angular: bool | None = None
        self._unwrapped: dict[str, int] | None = None
        self._bindings: dict[int, Binding | None] = {}
        self._starts: dict[int, bool] = {}
        self._loops: dict[int, tuple[tuple[str, str], ...]] = {}
        self._quiet: dict[int, bool] = {}
        self._plain: dict[int, bool] = {}
        self._text = ""
        self._mentions: dict[str, bool] = {}
        self._offsets: list[int] | None = None
        self._walks: bool | None = None
        self._ends: dict[int, int] = {}
        self._indents: dict[int, int] = {}
        self._with: dict[int, str] = {}
        self._functions: list[int] | None = None
        self._parsing: dict[str, int] | None = None
        self._returns: dict[int, str | None] = {}
        self._wrapping: dict[str, str] | None = None
        self._keyed: dict[str, str] | None = None
        self._indexes: bool | None = None
        self._converting: set[str] | None = None
        self._free_to: dict[int, int] = {}
        self._open_to: dict[int, int] = {}
        self._branches: list[int] | None = None
        self._mentions_any: dict[tuple[str, ...], bool] = {}
        self._parsed_names: set[str] | None = None
        self._parses: dict[str, dict[int, set[str]]] = {}  # (see parses)
        self._responses: set[str] | None = None  # (see script_answers)

    def returns(self, i: int) -> str | None:
        """returned_expression of line i (once per line: every call whose scope reaches it asks)."""
        if i not in self._returns:
            self._returns[i] = returned_expression(self.lines[i])
        return self._returns[i]

    def binding(self, i: int) -> Binding | None:
        if i not in self._bindings:
            text = self.lines[i]
            fits = "=" in text and len(text) <= STATEMENT_CHARS  # a minified line binds nothing
            # (nor does a function written on its line: `const f = (u) => fetch(...)`)
            fits = fits and one_line_function(text) is None
            self._bindings[i] = binding(text, self.shell) if fits else None
        return self._bindings[i]

    def whole_binding(self, i: int, bound: Binding) -> Binding:
        """A binding whose call goes on over the next lines (`r = await client.get(`, then the
        URL's name on a line of its own, as black and prettier lay out a long call): its value
        with those lines, so the name it is given is seen as on one line."""
        rhs = bound.rhs
        if rhs.count("(") <= rhs.count(")") or bound.destructured:
            return bound
        end = self.statement_end(i)
        if end == i:
            return bound
        whole = " ".join([rhs, *(t.strip() for t in self.lines[i + 1 : end + 1])])
        return replace(bound, rhs=whole) if len(whole) <= STATEMENT_CHARS else bound

    def walks(self) -> bool:
        """Whether any line of the file walks a list (a loop or a callback): else no list of
        an answer is followed at all."""
        if self._walks is None:  # (one search: NUL, which no \s matches, keeps lines apart)
            short = "\0".join(t for t in self.lines if len(t) <= 2000)
            hinted = any(word in short for word in items.LOOP_HINT_WORDS)
            self._walks = hinted and items.LOOP_HINT.search(short) is not None
        return self._walks

    def indexes(self) -> bool:
        """Whether any line of the file takes an item of a list by its index (`items[0]`,
        `.at(-1)`): a list of an answer held in a name is followed then too (see walks)."""
        if self._indexes is None:
            self._indexes = any(
                ("[" in t or ".at(" in t) and INDEXED_ITEM.search(t) is not None
                for t in self.lines
                if len(t) <= STATEMENT_CHARS
            )
        return self._indexes

    def quiet(self, i: int) -> bool:
        """Whether a line changes nothing that a call's scope holds, whatever it holds, other
        than by a binding or its indent (which may end a function): it returns, settles,
        decodes, hands nothing to a lambda and walks no list."""
        if i not in self._quiet:
            text = self.lines[i]
            loud = _loud_word(text) and LOUD.search(text) is not None
            self._quiet[i] = not loud and not (self.walks() and self.loops(i))
        return self._quiet[i]

    def plain(self, i: int) -> bool:
        """Whether a line can change a call's scope only through a name of it the line writes
        or by ending a function: it is quiet, and what a binding on it binds and reads is
        written on it (see _rebind: a binding that names nothing of the scope leaves it be)."""
        if i not in self._plain:
            bound = self.binding(i)
            bound = self.whole_binding(i, bound) if bound is not None else None
            text = self.lines[i]
            self._plain[i] = self.quiet(i) and (
                bound is None
                or all(n in text for n in (*bound.names, *roots(bound.rhs, self.shell)))
            )
        return self._plain[i]

    def _binds_in_view(self, i: int) -> bool:
        """Whether what a binding on line i binds and reads is written on it (or it binds
        nothing)."""
        bound = self.binding(i)
        bound = self.whole_binding(i, bound) if bound is not None else None
        text = self.lines[i]
        return bound is None or all(
            n in text for n in (*bound.names, *roots(bound.rhs, self.shell))
        )

    def mentions_any(self, words: tuple[str, ...]) -> bool:
        """Whether any line of the file holds one of the words (see mentions)."""
        found = self._mentions_any.get(words)
        if found is None:
            found = self._mentions_any[words] = any(self.mentions(w) for w in words)
        return found

    def mentions(self, word: str) -> bool:
        """Whether any line of the file holds a word (found once a word)."""
        if word not in self._mentions:
            held = word in self.text() if "\n" not in word else any(word in t for t in self.lines)
            self._mentions[word] = held  # (a word without a line break: in the lines joined)
        return self._mentions[word]

    def text(self) -> str:
        """The lines joined by line breaks (once)."""
        if self._offsets is None:
            self._text = "\n".join(self.lines)
            self._offsets = list(itertools.accumulate((len(t) + 1 for t in self.lines), initial=0))
        return self._text

    def first_mention(self, names: Iterable[str], i: int, stop: int) -> int:
        """The first line from i on (before stop) whose text holds one of the names, else stop."""
        text = self.text()
        offsets = self._offsets if self._offsets is not None else []
        best = end = offsets[stop] - 1  # (the end of the line before stop)
        for name in names:
            name = name.split(".", 1)[0]  # (an object's entry, EP.detect: EP["detect"] too)
            found = text.find(name, offsets[i], best + len(name))
            if 0 <= found < best:
                best = found
        return bisect.bisect_right(offsets, best) - 1 if best < end else stop

    def free_until(self, i: int, limit: int) -> int:
        """The first line from i on (limit at most) that is not free: a free line is plain
        (see plain) and starts no function, so a scope's walk that needs no read from it passes
        it whatever the scope holds. Each line's furthest known free run is kept (`_free_to`:
        [p, q) free; q == p: p is not), so walks that overlap read each line once, not once a
        call (bench's file: 2,000 walks of about 29 lines each)."""
        return _run_until(i, limit, self._free_to, self._free)

    def _free(self, j: int) -> bool:
        return self.plain(j) and not self.starts_function(j)

    def open_until(self, i: int, limit: int) -> int:
        """free_until for a scope that holds no local name, no item and no URL (only names that
        outlive their function: `f0` of `def f0(): ... return r.json()`), on lines that name
        nothing it holds: such a scope is passed by free lines and also by lines that start a
        function (which clears only local names and items) or are loud only by words that act
        on a name of the scope written on the line (`return x`, `->`, `&`; see _line_step,
        _handed_on). A file of functions that each return an answer was walked line by line to
        each one's window's end, its calls' reads looked for on every function's `def` and
        `return` (calls-in-functions-5000-over-budget)."""
        return _run_until(i, limit, self._open_to, self._open)

    def _open(self, j: int) -> bool:
        if self._free(j):
            return True
        text = self.lines[j]
        if "resolve(" in text or "setopt" in text or "curl_reset" in text:
            return False  # (they change a scope whatever it holds: _settled, _handle_given)
        if (self.walks() and self.loops(j)) or self.rebound(j)[0] or self.comprehended(j):
            return False  # (names bound anew or walked: see _loops_and_shadows, _hide)
        return self._binds_in_view(j)

    def branches_near(self, i: int) -> bool:
        """Whether a line from BRANCH_LINES - 1 above line i down to it starts a later branch
        (ELSE): the lines that do are found once per file, each line tested once."""
        if self._branches is None:
            self._branches = [
                k for k, t in enumerate(self.lines) if _else_word(t) and ELSE.match(t) is not None
            ]
        k = bisect.bisect_left(self._branches, max(i - BRANCH_LINES + 1, 0))
        return k < len(self._branches) and self._branches[k] <= i

    def loops(self, i: int) -> tuple[tuple[str, str], ...]:
        """The loops and callbacks of a line that walk a list (see items.loop_items)."""
        if i not in self._loops:
            self._loops[i] = items.loop_items(self.lines[i])
        return self._loops[i]

    def opens_function(self, i: int) -> bool:
        """Whether line i opens a function's definition (opened_function), from the line's
        function_def the file's Scopes keep when they read these same lines."""
        if self.scopes is not None and self.scopes.lines is self.lines:
            return bool(_opened(self.lines[i], self.scopes.function_def_at(i)))
        return bool(opened_function(self.lines[i]))

    def starts_function(self, i: int) -> bool:
        if i not in self._starts:
            text = self.lines[i]
            hinted = _function_word(text)  # (most lines start nothing)
            self._starts[i] = hinted and FUNCTION_START.search(text) is not None
        return self._starts[i]

    def indent(self, i: int) -> int:
        if i not in self._indents:
            self._indents[i] = indent(self.lines[i])
        return self._indents[i]

    def statement_end(self, i: int) -> int:
        if i not in self._ends:
            self._ends[i] = statement_end(self.lines, i)
        return self._ends[i]

    def function_of(self, i: int) -> int:
        """The shell function a line belongs to (0: the top level; always 0 in other languages,
        whose scopes `scopes` follows by indentation)."""
        if not self.shell:
            return 0
        if self._functions is None:
            self._functions = shell_functions(self.lines)
        return self._functions[i]

    def parsed_names(self, jvm: bool = True) -> set[str]:
        """The names any line of the file binds to a whole parse (`j = resp.json()` in a helper
        given the response, `JSON.parse(t)`, Jackson's `readTree(...)`, a call written over lines
        and parsed at its close), wherever they are (see whole_parse), and in the less common
        clients' shapes their tables hold (parsedanswers.PARSED_BOUND: Dart, urllib, got/ky, Go's
        decode target; with `jvm`, jvmanswers.BOUND: Gson, org.json, Unirest, Spring, Vert.x):
        the one judgement of "this name holds AKOOL's parsed answer", once per file."""
        if self._parsed_names is None:
            tables = [t for t in PARSE_TABLES if jvm or t != "jvm"]
            self._parsed_names = set().union(*(n for t in tables for n in self.parses(t).values()))
            for i, text in enumerate(self.lines):
                opened = text.rstrip().endswith(("(", ","))  # (its parse may be at its close)
                if "=" not in text or not (opened or any(w in text for w in PARSED_WORDS)):
                    continue
                bound = self.binding(i)
                if bound is None or len(bound.names) != 1 or bound.destructured:
                    continue
                if whole_parse(self.whole_binding(i, bound).rhs):
                    self._parsed_names.add(bound.names[0])
        return self._parsed_names

    def parses(self, table: str) -> dict[int, set[str]]:
        """The names each line binds to a whole parse in one table's shapes (PARSE_TABLES:
        "less", the less common clients'; "jvm", the JVM's; "script", PHP's and Ruby's, only in
        such a file), by line, once per file."""
        if table not in self._parses:
            found: dict[int, set[str]] = {}
            if table != "script" or self.script:
                text, offsets = self._statements()
                for at, name in PARSE_TABLES[table](text):
                    found.setdefault(bisect.bisect_right(offsets, at) - 1, set()).add(name)
            self._parses[table] = found
        return self._parses[table]

    def _statements(self) -> tuple[str, list[int]]:
        """The text the tables read and where each line starts in it: a minified line (longer
        than STATEMENT_CHARS) left empty, as it binds nothing (the tables' `[^\\n;]*` read it
        again from each of its `x=`: a 300 kB bundle line took 38 s)."""
        text = self.text()
        if all(len(t) <= STATEMENT_CHARS for t in self.lines):
            return text, self._offsets if self._offsets is not None else []
        lines = [t if len(t) <= STATEMENT_CHARS else "" for t in self.lines]
        return "\n".join(lines), list(itertools.accumulate((len(t) + 1 for t in lines), initial=0))

    def parsed_at(self, i: int) -> set[str]:
        """The names line i binds to a whole parse in the tables' shapes (see parses)."""
        return set().union(*(self.parses(t).get(i, ()) for t in PARSE_TABLES))

    def script_answers(self, calls: Iterable[int]) -> tuple[set[str], set[str]]:
        """A PHP or Ruby file's names bound to a parsed answer (the "script" table), and those
        bound to an AKOOL call's response (`calls`: the same lines whenever asked), once."""
        parsed = set().union(*self.parses("script").values())
        if self._responses is None:
            self._responses = scriptanswers.response_names(self.lines, list(calls), parsed)
        return parsed, self._responses

    def gives_parsed(self, name: str) -> bool:
        """Whether the file's function `name` returns what it fetches parsed (a request helper:
        `akoolRequest(path, body)` resolving with JSON.parse): its callers hold the answer."""
        return self.parse_level(name) == 1

    def parse_level(self, name: str) -> int:
        """What the file's function `name` returns of what it fetches: 1 the parsed answer, 2 its
        data field (`return body.data` after `const body = await res.json()`, `return (await
        r.json()).data`, axios' `return res.data.data`), 0 neither (or its returns disagree)."""
        if self._parsing is None:
            self._parsing = {}
            for i, text in enumerate(self.lines):
                hinted = "return" in text or "resolve(" in text
                if not hinted or len(text) > STATEMENT_CHARS:
                    continue
                field_ = self._returns_field(i)
                if field_ or GIVES_PARSED.search(text) or self._returns_parse(i):
                    found = enclosing_function(self.lines, i)
                    level = 2 if field_ else 1
                    if found:
                        known = self._parsing.setdefault(found, level)
                        self._parsing[found] = known if known == level else 0
        return self._parsing.get(name, 0)

    def _returns_field(self, i: int) -> bool:
        """Whether line i returns the data field of a parse (`return (await r.json()).data`,
        axios' `return res.data.data`) or of a name bound to one a few lines above it (`return
        body.data as T;` after `const body = await res.json()`)."""
        text = self.lines[i]
        if FIELD_END.search(text) and RETURN.match(text):
            return True
        m = RETURNED_DATA.match(text)
        return m is not None and self._parse_above(i, m.group("n"))

    def gives_wrapped(self, name: str) -> str:
        """The key under which the file's function `name` gives what it fetched parsed, in an
        object it resolves or returns ("" for none): `data` for `resolve({ statusCode:
        res.statusCode, data: JSON.parse(raw) })` (a Node `https.request` wrapper: its callers'
        `.data` is the answer, as axios' response's is), `d` for `return { status: r.status, d }`
        after `const d = await r.json()`."""
        if self._wrapping is None:
            self._wrapping = {}
            for i, text in enumerate(self.lines):
                if not ("{" in text or "," in text) or len(text) > STATEMENT_CHARS:
                    continue
                if "return" not in text and "resolve(" not in text:
                    continue
                key = self._wrapped_key(i) or self._tuple_key(i)
                found = enclosing_function(self.lines, i) if key else None
                if found:
                    self._wrapping[found] = key
        return self._wrapping.get(name, "")

    def _wrapped_key(self, i: int) -> str:
        """The key of the object line i settles or returns that holds a parse (see gives_wrapped)."""
        m = GIVES_WRAPPED.search(self.lines[i])
        if m is not None:
            return m.group("k")
        m = RETURNS_OBJECT.match(self.lines[i])
        if m is None:
            return ""
        for name, path in pattern_paths(m.group("names")):
            if "." not in path and self._parse_above(i, name):
                return path  # (return { status: r.status, d }: d, bound to the parse above)
        return ""

    def keyed(self) -> dict[str, str]:
        """The file's functions that look a parameter up in a table, by name: the table's
        (`def _request(self, method, name): url = urljoin(self.BASE, self.ENDPOINTS[name])`:
        `_request` reads ENDPOINTS; its caller's `"result"` names ENDPOINTS' `result` entry)."""
        if self._keyed is None:
            self._keyed = {}
            function, params = "", ""
            for text in self.lines:
                fn = function_def(text) if len(text) <= STATEMENT_CHARS else None
                if fn is not None:
                    function = next((g for g in fn.groups() if g), "")
                    params = text[fn.end() :]
                if not function or not ("[" in text or ".get(" in text):
                    continue
                for m in KEYED_READ.finditer(text):
                    param = m.group("p") or m.group("q")
                    if re.search(r"(?<![\w$])" + re.escape(param) + r"(?![\w$])", params):
                        self._keyed.setdefault(function, m.group("t"))
        return self._keyed

    def _tuple_key(self, i: int) -> str:
        """`#k` when line i returns a tuple (or a JS array) whose k-th element is the parsed
        answer: `return resp.status_code, resp.json()`, `return [res.status, await res.json()]`,
        `return r.status_code, body` after `body = r.json()`; `#k:data` for its data field."""
        rest = self.returns(i)
        parts = tuple_parts(rest) if rest is not None and "," in rest else None
        for k, part in enumerate(parts or ()):
            named = PLAIN_NAME.fullmatch(part) is not None
            if whole_parse(part) or (named and self._parse_above(i, part)):
                return f"#{k}"
            if ".json()" in part and FIELD_END.search(part):
                return f"#{k}:data"
        return ""

    def _parse_above(self, i: int, name: str) -> bool:
        """Whether a name was bound to a parse above line i, in its function (heldout21k: a
        helper logging the answer over a dozen lines before `return body.data`)."""
        for j in range(i - 1, max(i - WINDOW, -1), -1):  # (up to its function's start)
            if self.indent(j) < self.indent(i) and self.lines[j].strip():
                return False
            bound = self.binding(j)
            if bound is not None and bound.names == (name,):
                return not bound.destructured and whole_parse(bound.rhs)
        return False

    def _returns_parse(self, i: int) -> bool:
        """Whether line i returns a name its function bound to a parse (`body = resp.json()`
        ... `return body`), bound a few lines above it at the same indent."""
        m = RETURNED_NAME.match(self.lines[i])
        if m is None:
            return False
        for j in range(i - 1, max(i - WINDOW, -1), -1):  # (up to its function's start)
            if self.indent(j) < self.indent(i) and self.lines[j].strip():
                return False  # (the function's start, or a block the return is in)
            bound = self.binding(j)
            if bound is not None and bound.names == (m.group("n"),):
                return not bound.destructured and whole_parse(bound.rhs)
        return False

    def converts(self, client: str) -> bool:
        """Whether a response interceptor of the file renames the keys of what `client` gives
        (`api.interceptors.response.use((r) => camelcaseKeys(r.data, { deep: true }))`)."""
        if not client or not self.axios():
            return False
        if self._converting is None:
            self._converting = {
                m.group("client")
                for t in self.lines
                if "interceptors" in t and len(t) <= STATEMENT_CHARS
                for m in CONVERTING.finditer(t)
            }
        return client in self._converting

    def unwrapped(self, client: str) -> int:
        """What a call on an axios client gives when a response interceptor of the file unwraps
        its responses (`http.interceptors.response.use((r) => r.data)`): 1 the parsed answer, 2
        its data field (`r.data.data`); 0 when none does."""
        if self._unwrapped is None:
            self._unwrapped = {}
            if self.axios():  # (Pipedream's platform axios gives the body: platformclients.py)
                from akool_cli.audit import platformclients  # (loaded for axios' files only)

                self._unwrapped.update(platformclients.body_givers(self.lines))
                for m in INTERCEPTOR.finditer("\n".join(t for t in self.lines if len(t) <= 2000)):
                    selected = m.group("sel") or m.group("sel2") or m.group("d") + m.group("sel3")
                    self._unwrapped[m.group("client")] = selected.count("data")
        return self._unwrapped.get(client, 0) if client else 0

    def unwraps(self) -> bool:
        """Whether a response interceptor of the file unwraps some client's responses."""
        self.unwrapped("")
        return bool(self._unwrapped)

    def angular(self) -> bool:
        """Whether the file uses Angular's HttpClient, whose Observables emit the parsed answer
        (not NestJS's HttpService, whose emit axios' response)."""
        if self._angular is None:
            self._angular = any(
                "@angular/common/http" in t or ": HttpClient" in t for t in self.lines
            )
        return self._angular

    def axios(self) -> bool:
        """Whether the file uses axios (whose responses hold the parsed answer in `.data`)."""
        if self._axios is None:
            self._axios = parsedanswers.data_is_body_in(self.lines)
        return self._axios

    def rebound(self, i: int) -> tuple[tuple[str, ...], int]:
        """The names a line's loop, `read` or walrus binds anew (see REBINDS), and the last line
        they are bound on (-1: the rest of their function; a JavaScript `for (const x of ...)`:
        its block)."""
        if i not in self._rebound:
            text = self.lines[i]
            found: list[str] = []
            last = -1
            hinted = ("for" in text or "read" in text or ":=" in text) and len(text) <= 2000
            pattern = SHELL_REBINDS if self.shell else REBINDS
            for m in pattern.finditer(text) if hinted else ():
                names = next(g for k, g in m.groupdict().items() if g and k != "block")
                found += re.findall(r"[A-Za-z_$][\w$]*", names)
                if m.groupdict().get("block"):
                    last = block_end(self.lines, i)
            caught = caught_name(self.lines, i) if not found and not self.shell else None
            found, last = ([caught[0]], caught[1]) if caught else (found, last)
            self._rebound[i] = (tuple(found), last)
        return self._rebound[i]

    def comprehended(self, i: int) -> tuple[str, ...]:
        """The variables of a comprehension on a line (`[r.json() for r in rs]`): its own."""
        if i not in self._comprehended:
            text = self.lines[i]
            found: list[str] = []
            if not self.shell and "for" in text and len(text) <= 2000:
                for m in COMPREHENSION.finditer(text):
                    if text[: m.start()].strip():  # (not a statement's own `for`)
                        found += re.findall(r"[A-Za-z_]\w*", m.group("names"))
            self._comprehended[i] = tuple(found)
        return self._comprehended[i]

    def with_as(self, i: int) -> str:
        if i not in self._with:
            tail = self.lines[i][-200:]
            m = WITH_AS.search(tail) if tail.rstrip().endswith(":") else None  # (it ends in `:`)
            self._with[i] = m.group("name") if m else ""
        return self._with[i]


def scopes(
    facts: Lines,
    line: int,
    column: int,
    gives: str = "",
    idle: Callable[[int], bool] | None = None,
    idle_after: int = -1,
) -> Iterator[tuple[int, Scope]]:
    """For each line from the call on (WINDOW at most), the names holding its answer there.
    `gives`: for the call of a function that returns an answer (see returns.py), what it
    returns: "body" (the parsed answer), "field" (its data field), else the response.
    `idle(i)`: whether line i holds nothing the caller reads but members of the scope's names;
    while the scope holds a name, lines after the call's statement that are idle, change nothing
    of the scope and name none of it are passed over (see _skip); `idle_after`: a line after
    which every line is idle (-1: none is known to be)."""
    lines, shell = facts.lines, facts.shell
    start, bound = call_binding(facts, line, column)
    bound = _entry_of(facts, start, line, column, bound)
    scope = Scope()
    level = indent(lines[start])
    end = facts.statement_end(start)
    statement = " ".join(lines[start : end + 1])[-STATEMENT_CHARS:]
    bound = _bind_own(facts, (start, end), (line, column), bound, (scope, gives))
    _on_the_call(facts, (line, column), start, statement, scope, gives)
    stop = min(line + WINDOW, len(lines))
    resume, seen = line, [level, None, -1]
    join = _branch_join(facts, start, bound.names) if bound is not None else -1
    closed, parameters = _callbacks_end(facts, start, line, bound)
    i = line - 1
    while i + 1 < stop:
        i = max(i + 1, resume)  # (the lines _skip passed change nothing: not visited one by one)
        if i >= stop:
            break
        if scope.hidden:
            _restore(scope)
        if 0 <= join <= i:  # if ...: r = get(a) else: r = get(b): r is no one's after them
            _drop(scope, bound.names if bound is not None else ())
            join = -1
        if 0 <= closed < i:  # (`.then((r) => r.json())`'s r: no name of the answer after it)
            _drop(scope, parameters)
            closed = -1
        if idle is not None and i > end and scope:
            resume = _skip(facts, (i, stop), scope, (idle, idle_after), seen)
            if i < resume:
                continue
        if i > end and (not scope.holds_nothing() or "resolve(" in lines[i]):
            bound_here = _line_step(facts, scope, i, level)
            if bound_here is not None:
                yield i, scope
                _rebind_here(facts, scope, bound_here, i)
                continue
        if not shell and i > line and "resolve(" in lines[i]:
            _settled(lines, i, scope)
        yield i, scope  # (the caller stops when nothing holds the answer any more)


def _line_step(facts: Lines, scope: Scope, i: int, level: int) -> Binding | None:
    """What line i, after the call's statement, does to the scope before the caller reads it:
    a function's end, its loops and shadows, a name it hands the answer to, a return of it; the
    binding it makes, if any (see _rebind_here). A scope that holds nothing stays empty on a line
    with no `resolve(` (see Scope.holds_nothing): such lines are not stepped through."""
    lines, shell = facts.lines, facts.shell
    if facts.indent(i) < level and facts.starts_function(i):
        scope.local.clear()
        scope.held.items.clear()
    _loops_and_shadows(facts, scope, i)
    if scope:
        _handed_on(lines[i], scope, shell)
        _chained_on(lines, i, scope)
    bound_here = facts.binding(i) or with_binding(facts, i)
    if bound_here is not None and not shell:
        bound_here = keyed_given(facts, bound_here, scope)
    if bound_here is not None:
        bound_here = facts.whole_binding(i, bound_here)
        return _element_rebound(facts, scope, bound_here, i)
    rest = facts.returns(i) if scope.local or scope.returned else None
    if rest is not None and derived(rest, scope.all(), shell):
        if _data_field(rest, scope):  # return r.json()["data"]: the data field
            _returned(lines, i, scope, field=True)
        else:  # (`return r.status_code, r.json()`: a tuple, see Lines.gives_wrapped)
            _returned(lines, i, scope, _parsed(rest, scope) and not tuple_parts(rest))
        _returns_list(lines, i, rest, scope)
    return None


def _rebind_here(facts: Lines, scope: Scope, bound_here: Binding, i: int) -> None:
    """A binding after the call's statement, once the caller has read its line (see _rebind)."""
    shell = facts.shell
    if not shell and "(" in bound_here.rhs and PARSE_OF_BODY.search(bound_here.rhs):
        bound_here = replace(bound_here, rhs=parse_as_json(bound_here.rhs))
    if facts.walks() or facts.indexes():  # (a list walked, or an item taken)
        _rebind_lists(scope, bound_here, shell, i)
    else:
        _rebind(scope, bound_here, shell, i)
    rhs = bound_here.rhs
    if not shell and (scope.held.items or scope.held.lists or "[" in rhs or ".at(" in rhs):
        _bind_item(scope, bound_here, i)
    if not shell and "(" in bound_here.rhs:
        _rebind_wrapped(facts, scope, bound_here)
        _rebind_parsed(facts, scope, bound_here)
    if not shell and len(bound_here.names) == 1 and bound_here.names[0] in scope.local:
        _rebind_table_parse(facts, scope, bound_here, i)


# A parse of a response's body with keys read on it (Ruby's `JSON.parse(res.body)["data"]`, got's
# `JSON.parse(res.body).data`, Python's `json.loads(r.text)["data"]`): the keys of that
# response's parsed answer, as `res.json()["data"]` reads them.
PARSE_OF_BODY = rx.compile(
    r"\b(?:JSON\.parse|json\.loads|Oj\.load|MultiJson\.load)\(\s*(?P<n>[A-Za-z_]\w*)"
    r"\.(?:body|text|content)\s*\)(?=\s*(?:\[|\.\s*data\b))"
)


def parse_as_json(rhs: str) -> str:
    """An expression with each PARSE_OF_BODY written as the response's `.json()`."""
    return PARSE_OF_BODY.sub(lambda m: m.group("n") + ".json()", rhs)


def _rebind_table_parse(facts: Lines, scope: Scope, bound: Binding, i: int) -> None:
    """A name bound after the call's statement to a parse of its answer in a shape only the
    tables hold (Gson's `JsonParser.parseString(r.body())`, Unirest's `r.getBody().getObject()`,
    HTTParty's `res.parsed_response`, http.rb's `res.parse`: see Lines.parses): the parsed
    answer, as the status rule takes it (Lines.parsed_names)."""
    if bound.destructured:
        return
    name = bound.names[0]
    if name in scope.bodies or name in scope.fields or name in scope.parts:
        return
    if not SELECTED_FROM.search(bound.rhs) and name in facts.parsed_at(i):
        scope.bodies.add(name)


# A part selected from what an expression parses (`JSON.parse(res.body)["data"]`,
# `res.parsed_response.dig("data")`, `$r->json()['data']`): the tables match the parse's start
# only (their names hold the envelope for its `code`), so such a binding holds no whole parse.
SELECTED_FROM = rx.compile(r"\[|\.\s*(?:dig|fetch|get|data)\b|->\s*data\b")


def _callbacks_end(
    facts: Lines, start: int, line: int, bound: Binding | None
) -> tuple[int, set[str]]:
    """The parameters of the callbacks a promise chain on the call's statement is given
    (`.then((r) => r.json())`, see _then_chain) and the line the statement closes on, after
    which they name nothing of the answer (`const image = fetch(b).then((r) => ...)` below has an
    r of its own); -1 when there are none, or the statement does not close in view."""
    lines = facts.lines
    if not facts.mentions_any(CHAIN_HINTS):
        return -1, set()  # (no line of the file chains a callback: most files)
    near = "\n".join(lines[line : line + 8])  # (a cheap look first: most calls have no chain)
    if len(near) > 8 * STATEMENT_CHARS or not any(h in near for h in CHAIN_HINTS):
        return -1, set()
    own = facts.statement_end(line)
    chained = lines[line : own + 7]
    if any(len(t) > STATEMENT_CHARS for t in chained):
        return -1, set()  # (a minified line: each of its calls would search it all again)
    if not any(h in t for t in chained for h in CHAIN_HINTS):
        return -1, set()
    names: set[str] = set()
    depth = 0
    for k in range(start, min(start + WINDOW, len(lines))):
        text = lines[k]
        if len(text) > STATEMENT_CHARS:
            return -1, set()
        for m in THEN.finditer(text) if k >= line else ():
            given = m.group("names")
            names.update([n for n, _ in pattern_paths(given)] if given is not None else [m["p"]])
        depth += sum(map(text.count, "([{")) - sum(map(text.count, ")]}"))
        following = lines[k + 1].lstrip() if k + 1 < len(lines) else ""
        if depth <= 0 and k >= own and not following.startswith((".", ")")):
            return k, names - set(bound.names if bound is not None else ())
    return -1, set()


def _bind_own(
    facts: Lines,
    span: tuple[int, int],
    at: tuple[int, int],
    bound: Binding | None,
    held: tuple[Scope, str],
) -> Binding | None:
    """The names the call's own statement binds its answer to (see _bind_call), narrowed to its
    own value's name when the statement binds several side by side (see _element_of)."""
    (start, end), (scope, gives) = span, held
    bound, key = _element_of(facts, start, at, bound)
    if bound is not None:
        _bind_call(facts, start, end if key is None else start, bound, scope, gives)
        _held_under(scope, bound, key)
    return bound


def _element_of(
    facts: Lines, start: int, at: tuple[int, int], bound: Binding | None
) -> tuple[Binding | None, str | None]:
    """A call's binding of several values side by side (see elements.py) narrowed to the name
    its own value is given, with the key of the object literal's entry that name holds it under
    ("" for a place in a tuple); (None, None) when which name is whose cannot be told; the
    binding as it is (key None) when its right side is one value."""
    if bound is None or bound.destructured or not bound.rhs or "." in bound.names[0]:
        return bound, None  # (`EP.detect`: an entry already, see _entry_of)
    lines, (line, column) = facts.lines, at
    declared = DECLARATION.match(lines[start]) is not None
    if not elements.may_hold_several(bound.names, bound.rhs, declared):
        return bound, None
    end = facts.statement_end(start)
    if sum(len(t) for t in lines[start : end + 1]) > STATEMENT_CHARS:
        return bound, None  # (a minified statement: as it was, not searched again per call)
    eq = len(lines[start]) - len(bound.rhs)
    rhs = "\n".join(lines[start : end + 1])[eq:]
    offset = sum(len(t) + 1 for t in lines[start:line]) + column - eq
    found = elements.which(bound.names, rhs, offset, declared)
    if found is None:
        keeps = not bound.unpacked or _unpacks_tuple(facts, bound)
        return (bound, None) if keeps else (None, None)  # (`const [a, b] = await f()`: unknown)
    if not found:
        return None, None
    own = found[0]
    value = rhs[own.start : own.end].replace("\n", " ")
    if own.key and value[:1] in "\"'`":
        return bound, None  # (a table of URLs, `{ detect: "https://..." }`: see _entry_of)
    return Binding((own.name,), value), own.key


def _held_under(scope: Scope, bound: Binding, key: str | None) -> None:
    """A name given an object literal whose entry `key` is the call's parsed answer (`answers =
    {"video": ..., "image": r.json()}`): the answer is held under that key (see _wrapped_reads in
    rules.py); under a key, any other value (a response, a field) is not followed."""
    if not key:
        return
    name = bound.names[0]
    parsed = name in scope.bodies
    _drop(scope, [name])
    if parsed:
        scope.local.add(name)
        scope.wrapped[name] = key


def _element_rebound(facts: Lines, scope: Scope, bound: Binding, i: int) -> Binding:
    """A binding after the call of several values side by side (`v, i = await
    asyncio.gather(vt, it)`, `const [v, i] = await Promise.all([video, image])`) narrowed to
    the one name whose value holds the answer (the other names of it dropped); when none or
    several do, or which is whose is unknown, no name of it holds the answer."""
    if bound.destructured or facts.shell or len(bound.names) < 2 or "," not in bound.rhs:
        return bound  # (one name: see _element_of for the call's own statement)
    declared = DECLARATION.match(facts.lines[i]) is not None
    found = elements.placed(bound.names, bound.rhs, declared)
    if found is None:
        return bound
    tied = [p for p in found if holds(scope, bound.rhs[p.start : p.end], False)]
    if not tied and not bound.unpacked:
        return bound  # (it holds nothing of the answer: as any other binding)
    if len(tied) != 1 or tied[0].key:
        return replace(bound, unpacked=True)
    _drop(scope, [p.name for p in found if p.name != tied[0].name])
    return Binding((tied[0].name,), bound.rhs[tied[0].start : tied[0].end])


def _handed_on(text: str, scope: Scope, shell: bool) -> None:
    """Names a line hands the answer on to without binding it: a lambda's parameter
    (`execute().use { response ->`), an out-argument (`json.Unmarshal(body, &out)`), a cURL
    handle given the call's URL (`curl_setopt($ch, CURLOPT_URL, $u)`; given another, or reset, it
    holds another request's answer: see _handle_given)."""
    given = LAMBDA.search(text) if "->" in text else None
    if given is not None and derived(text[: given.start()], scope.all(), False):
        scope.local.add(given.group("p"))
    implicit = IMPLICIT_IT.search(text) if "{" in text and "it" in text else None
    if implicit is not None and derived(text[: implicit.start()], scope.all(), False):
        scope.local.add("it")  # (Kotlin's `.use { JSONObject(it.body!!.string()) }`)
    filled = FILLED.search(text) if "&" in text else None
    if filled is not None and derived(text[: filled.start("out")], scope.all(), False):
        scope.local.add(filled.group("out"))
        scope.bodies.add(filled.group("out"))
        scope.decoded.add(filled.group("out"))
        if FROM_DATA.search(text, 0, filled.start("out")):
            scope.decoded_data.add(filled.group("out"))
    if "setopt" in text or "curl_reset" in text:
        _handle_given(scope, text, shell)
    if ".request(" in text:  # (http.client's connection asked again: see stdlibanswers)
        _drop(scope, stdlibanswers.requested_again(text, scope.local))


def _chained_on(lines: list[str], i: int, scope: Scope) -> None:
    """A JVM lambda chained on a line after the call, given what the link before it gives
    (jvmanswers.chained_param): the answer's data node or the parsed answer, when the chain
    starts from what holds the call's request (`client.sendAsync(req, ...)`)."""
    if "->" not in lines[i] or not lines[i].lstrip().startswith("."):
        return  # (a lambda's arrow first: asked of every line after every call)
    given = jvmanswers.chained_param(lines, i)
    if given is None:  # (a link given the request's own response: `.get()` / `.thenApply(r ->`)
        response = jvmchains.given_response(lines, i)
        if response is not None and derived(lines[response[1]], scope.all(), False):
            scope.local.add(response[0])
        return
    if not derived(lines[given[2]], scope.all(), False):
        return
    name, kind, _ = given
    scope.local.add(name)
    (scope.fields if kind == "data" else scope.bodies).add(name)


# A callback chained to the call: `.then((res) => res.data.x)`, `.then(function (r) {`, jQuery's
# `.done(function (r) {`, an Observable's `.pipe(map((r) => r.data.x))` and `.subscribe((r) => ...)`
# (Angular's HttpClient); what it gives the next one: `r.json()` or axios' `r.data` (the parsed answer).
THEN = rx.compile(
    r"(?:\.(?:then|done|subscribe|pipe\(\s*map)|^\s*map)\(\s*(?:async\s*)?(?:function\s*)?(?:\(?\s*(?P<p>[A-Za-z_$][\w$]*)\s*\)?"
    r"|\(\s*\{(?P<names>[^{}]*(?:\{[^{}]*\}[^{}]*)*)\}\s*\))\s*(?:=>|\{)"
)
CHAIN_HINTS = (".then(", ".done(", ".subscribe(", ".pipe(")  # (a line without any has no THEN)
GIVES_BODY = rx.compile(r"\s*\{?\s*(?:return\s+)?[\w$]+\.(?:json\(\)|data\b)")


def _handle_given(scope: Scope, text: str, shell: bool) -> None:
    """A request handle given a URL on a line after the call: the one the scope holds (`$u`)
    makes the handle the call's; another URL, or `curl_reset($ch)`, makes the handle's next
    answer another request's (a reused handle: `curl_setopt($ch, CURLOPT_URL, ...)` again)."""
    handed = handles.URL_GIVEN.search(text)
    if handed is not None:
        name = handed.group("h") or handed["p"]
        if holds(scope, handed.group("url") or handed["purl"], shell):
            scope.local.add(name)
        elif name in scope.local or name in scope.lasting:
            _drop(scope, [name])
    reset = CURL_RESET.search(text)
    if reset is not None:
        _drop(scope, [reset.group("h")])


CURL_RESET = rx.compile(r"\bcurl_reset\(\s*\$(?P<h>[A-Za-z_]\w*)")
# A PHP cURL handle given the URL the call's path is written in (`curl_setopt($ch, CURLOPT_URL,
# $base . '/x')`, `curl_setopt_array($ch, [CURLOPT_URL => ...`): its answer is the call's.
SETS_URL = rx.compile(
    r"\bcurl_setopt(?:_array)?\(\s*\$(?P<h>[A-Za-z_]\w*)\s*,\s*(?:CURLOPT_URL\b|\[|array\s*\()"
)
SETS_URL_LINES = 8


def _sets_url(lines: list[str], line: int) -> str | None:
    """The PHP cURL handle the call at a line gives its URL to, if it is such a call."""
    for k in range(line, max(line - SETS_URL_LINES, -1), -1):
        if k < line and lines[k].rstrip().endswith(";"):
            return None
        m = SETS_URL.search(lines[k]) if "curl_setopt" in lines[k] else None
        if m is not None:
            return m.group("h")
    return None


def _on_the_call(
    facts: Lines, at: tuple[int, int], start: int, statement: str, scope: Scope, gives: str
) -> None:
    """What the call's own statement gives besides its binding: a return of it, a promise chain
    on it, a loop over it (see scopes), a PHP cURL handle it gives the URL to."""
    (line, column), lines = at, facts.lines
    chain = _go_chain(lines, start, facts.statement_end(line)) if not facts.shell else ""
    if "&" in chain:
        for filled in CLIENT_FILLED.finditer(chain):  # resty's .SetResult(&out).Post(u)
            scope.local.add(filled.group("out"))
            scope.bodies.add(filled.group("out"))
            scope.decoded.add(filled.group("out"))
    curl = not facts.shell and facts.mentions("curl_setopt")  # (most files hold no cURL handle)
    handle = _sets_url(lines, line) if curl else None
    if handle is not None:
        scope.local.add(handle)
    if not facts.shell and _stdlib_line(lines[line]):
        _stdlib_answer(facts, line, scope)
    unwrapped = _returns_call(facts, start, statement, scope)
    own = facts.statement_end(line)
    chained = lines[line : own + 2] if facts.mentions_any(CHAIN_HINTS) else []
    if all(len(t) <= STATEMENT_CHARS for t in chained) and any(
        hint in t for t in chained for hint in CHAIN_HINTS
    ):
        # (a minified line binds none; Angular's Observable emits the parsed answer)
        _then_chain(lines, line, own, scope, gives, unwrapped == 1, facts.angular())
    # (a JVM chain's links below the call, `.get()` then `.thenApply(r -> ...)`: indented lines)
    below = lines[own + 1 : own + 2]
    if below and below[0][:1] in (" ", "\t", ".") and facts.mentions("->"):
        for name, kind in jvmchains.own_chain(lines, start, own):
            scope.local.add(name)
            if kind in ("data", "body"):
                (scope.fields if kind == "data" else scope.bodies).add(name)
    opened = XHR_OPEN.search(lines[line]) if _xhr_line(lines[line]) else None
    if opened is not None:  # xhr.open("GET", url): `xhr.responseText` is its answer's text
        scope.local.add(opened.group("h"))
    jquery = facts.mentions_any(JQUERY_WORDS)  # (most files make no jQuery call)
    if jquery and any(_jquery_line(t) for t in lines[max(0, line - 3) : line + 1]):
        _jquery_callbacks(facts, line, scope)
    if gives.startswith("list:") and facts.walks():
        _walk_call(facts, line, column, gives[5:], scope)
    if facts.mentions_any(nodecallbacks.CLIENT_WORDS):  # (most files make no such call)
        _node_callbacks(facts, line, scope)


def _go_chain(lines: list[str], start: int, end: int) -> str:
    """The call's statement with the links of its chain on the lines after it, where each line
    ends in a dot (Go's `Get(u).\n\tReceiveSuccess(&out)`)."""
    last = end
    while last + 1 < min(len(lines), end + STATEMENT_LINES) and go_link_end(lines[last]):
        last += 1
    return " ".join(lines[start : last + 1])[-STATEMENT_CHARS:]


def _node_callbacks(facts: Lines, line: int, scope: Scope) -> None:
    """The answer an error-first callback of Node's `request`/needle/superagent is given, on the
    call's statement (see nodecallbacks): its body parameter, its response's `.body`."""
    first = nodecallbacks.client_line(facts.lines, line)
    if first < 0:
        return
    last = facts.statement_end(first)
    responses, bodies = nodecallbacks.given(facts.lines, first, last)
    if not responses:
        return
    scope.local.update(responses | bodies)
    scope.bodies.update(bodies)
    _callback_bindings(facts, first, last, scope)


def _callback_bindings(facts: Lines, line: int, last: int, scope: Scope) -> None:
    """The names bound to the answer inside the callbacks of the call's own statement (lines
    line+1..last, which the scope's steps do not visit: `const out = JSON.parse(raw)` there),
    all read as a callback's parameters are (inside the call's arguments)."""
    for j in range(line + 1, last + 1):
        bound = facts.binding(j)
        if bound is not None and derived(bound.rhs, scope.all(), False):
            _rebind_here(facts, scope, bound, j)
    scope.callbacks.update(scope.bodies)


def _stdlib_answer(facts: Lines, line: int, scope: Scope) -> None:
    """The names a standard library's call leaves its answer in (see stdlibanswers): an
    http.client connection, or Node's response callback's parameter, the name its chunks are
    added to and what parses that name in the callback (the call's own statement, which the
    scope's steps do not visit: `const out = JSON.parse(raw)` there)."""
    held = stdlibanswers.holders(facts.lines, line, facts.mentions("getresponse"))
    scope.local.update(held)
    if not held or not facts.mentions(".on("):
        return
    last = facts.statement_end(line)
    for j in range(line + 1, last + 1):
        if "+=" in facts.lines[j]:
            scope.local.update(stdlibanswers.chunks_added(facts.lines[j], scope.local))
    _callback_bindings(facts, line, last, scope)


@lru_cache(maxsize=8192)
def _jquery_line(text: str) -> bool:
    """Whether a line may hold a jQuery call (kept per line, as returned_expression)."""
    return any(w in text for w in JQUERY_WORDS)


JQUERY_WORDS = ("$.", "jQuery.")


@lru_cache(maxsize=8192)
def _stdlib_line(text: str) -> bool:
    """Whether a line may make a standard library's request (`conn.request(`, `https.get(`): kept
    per line, as _xhr_line (asked of a minified line once per call on it: 2,000 calls, 1.7 s)."""
    return "request(" in text or "get(" in text


@lru_cache(maxsize=8192)
def _xhr_line(text: str) -> bool:
    """Whether a line may give an XMLHttpRequest its URL (kept per line, as _jquery_line)."""
    return ".open(" in text


# An XMLHttpRequest given the URL: `xhr.open("GET", url)`.
XHR_OPEN = rx.compile(r"(?<![\w$.])(?P<h>[A-Za-z_$][\w$]*)\.open\(\s*[\"'][A-Za-z]+[\"']\s*,")
# jQuery's request (`$.ajax({ url, success: function (r) {...} })`, `$.post(url, data, (r) => ...)`,
# `$.getJSON(url, function (r) {...})`, `$.ajax({...}).then((r) => ...)`), whose callbacks are given
# the parsed answer.
JQUERY_CALL = rx.compile(r"(?<![\w$])(?:\$|jQuery)\.(?:ajax|get|getJSON|post)\(")
JQUERY_CALLBACK = rx.compile(
    r"(?:\bsuccess\s*:|,|\.(?:then|done)\()\s*(?:async\s*)?(?:function\s*)?\(?\s*(?P<p>[A-Za-z_$][\w$]*)\s*\)?\s*(?:=>|\{)"
)


def _jquery_callbacks(facts: Lines, line: int, scope: Scope) -> None:
    """The parameter of a jQuery request's success callback, on its statement: the answer."""
    lines = facts.lines
    first = next(
        (k for k in range(line, max(-1, line - 4), -1) if JQUERY_CALL.search(lines[k])), -1
    )
    if first < 0:
        return
    for text in lines[first : facts.statement_end(first) + 1]:
        for m in JQUERY_CALLBACK.finditer(text):
            scope.local.add(m.group("p"))
            scope.bodies.add(m.group("p"))
            scope.callbacks.add(m.group("p"))


def _then_chain(
    lines: list[str],
    start: int,
    end: int,
    scope: Scope,
    gives: str = "",
    parsed: bool = False,
    emits_body: bool = False,
) -> None:
    """The names a promise chain on the call gives its callbacks (the response, or the parsed
    answer after a `.then((r) => r.json())`; the first one, for the call of a function that
    returns the answer, what it returns: `getVoices().then((voices) => ...)`), on its statement
    and the lines that continue it (starting with `.`); `emits_body`: an Observable's first
    callback is given the parsed answer (Angular's HttpClient)."""
    last = end
    while (
        last + 1 < len(lines)
        and last < end + 6
        and len(lines[last + 1]) <= STATEMENT_CHARS
        and (lines[last + 1].lstrip().startswith(".") or _piped(lines, last))
    ):
        last += 1
    given_field, first = False, True
    for text in lines[start : last + 1]:
        for m in THEN.finditer(text):
            if first and emits_body and not m.group(0).startswith((".then", ".done")):
                parsed = True  # (`.pipe(map((r) => ...))` on Angular's HttpClient: r is the body)
            first = False
            if m.group("names") is not None:  # .then(({ code, data }) => ...)
                for name, path in pattern_paths(m.group("names")):
                    scope.local.add(name)
                    depth = path.count("data") + (0 if parsed else -1)  # (axios: .data is the body)
                    if path in ("data", "data.data") and depth == 0:
                        scope.bodies.add(name)
                    elif path in ("data", "data.data") and depth == 1:
                        scope.fields.add(name)
                parsed = given_field = False
                continue
            scope.local.add(m.group("p"))
            if given_field:  # (a body's `.data`: the data field)
                scope.fields.add(m.group("p"))
            elif parsed:
                scope.bodies.add(m.group("p"))
            elif gives in ("body", "field") or gives.startswith("list:"):
                place = {"body": "", "field": "data"}.get(gives, gives[5:])
                scope.chained.add(m.group("p"))
                if place in ("", "data"):
                    (scope.bodies if place == "" else scope.fields).add(m.group("p"))
                else:
                    scope.held.lists[m.group("p")] = place
            gives = ""  # (the next callback is given what this one returns)
            returned = GIVES_BODY.match(text, m.end())
            given_field = parsed and returned is not None and returned.group(0).endswith("data")
            parsed = returned is not None and not given_field


def _piped(lines: list[str], last: int) -> bool:
    """Whether the line after `last` goes on with an Observable's pipe written over lines
    (`.pipe(` then `map((r) => r.data.x),` then `)`)."""
    text = lines[last + 1].lstrip()
    if text.startswith(")"):
        return any(".pipe(" in t for t in lines[max(0, last - 3) : last + 1])
    return text.startswith("map(") and lines[last].rstrip().endswith(".pipe(")


def path_of(expr: str, scope: Scope) -> str:
    """The place in the answer an expression reads, "" for none (see items.chain_path)."""
    return _path_of(expr, scope)


def _path_of(expr: str, scope: Scope) -> str:
    """The place in the answer an expression reads (see items.chain_path)."""
    responses = scope.all() - scope.bodies - scope.fields
    return items.chain_path(expr, scope.bodies, scope.fields, responses, scope.held)


# A function that renames an object's keys (camelcase-keys, humps, snakecase-keys, a script's own
# `normalize`/`toCamel`): what it returns of an answer holds AKOOL's fields by other names.
KEY_CONVERTER = rx.compile(
    r"^\s*(?:await\s+)?(?:[A-Za-z_$][\w$]*\s*\.\s*)*(?P<f>[A-Za-z_$][\w$]*)\s*(?:<[^()]*>)?\("
)
CONVERTER_NAME = rx.compile(
    r"(?i)camel|snake|pascal|kebab|humps|normali[sz]e|(?:transform|convert|rename|map)_?keys"
)


def converted(rhs: str) -> bool:
    """Whether an expression is the result of a function that renames keys (see KEY_CONVERTER):
    `camelcaseKeys(await res.json(), { deep: true })`, `humps.camelize(j)`, `normalize(j)`."""
    m = KEY_CONVERTER.match(rhs) if "(" in rhs else None
    if m is None:
        return False
    head = rhs[: m.end()]
    return CONVERTER_NAME.search(head) is not None


def _bind_call(
    facts: Lines, start: int, end: int, bound: Binding, scope: Scope, gives: str
) -> None:
    """The names a call's own statement binds its answer to, and what they hold."""
    lines = facts.lines
    if converted(bound.rhs) or facts.converts(_callee(bound.rhs)):
        return  # j = humps.camelize(requests.get(u).json()): no AKOOL answer any more
    # (an object's field, `this.detectUrl = "https://..."` in a constructor, is read in every
    # method of the object: the module's names' way)
    kept = indent(lines[start]) == 0 or OWN_FIELD.match(lines[start]) is not None
    (scope.lasting if kept else scope.local).update(bound.names)
    scope.since.update(dict.fromkeys(bound.names, start))
    if not kept and "(" not in bound.rhs:  # (a class's constant read as `Routes.CREDIT`)
        scope.lasting.update(classconstants.qualified(lines, start, bound.names, bound.rhs))
    if hooks.hook_name(bound.rhs):  # const { data } = useSWR(url, fetcher): what fetcher gives
        _bind_hook(facts, (start, end), bound, scope, gives)
        return
    if gives in ("body", "field") or gives.startswith("list:"):
        for name, place in given_places(bound, gives):  # what a function returning it gives
            if place in ("", "data"):
                (scope.bodies if place == "" else scope.fields).add(name)
            else:  # (a list of it, or a field deeper than data)
                scope.held.lists[name] = place
        return
    _bind_call_answer(facts, start, end, bound, scope, gives)


def _bind_call_answer(
    facts: Lines, start: int, end: int, bound: Binding, scope: Scope, gives: str
) -> None:
    """What the names of a call's own statement hold of its answer: the parsed answer, its data
    field, a part of it, or an object wrapping it (see _bind_call)."""
    lines = facts.lines
    called = ROOT.match(bound.rhs)
    end = _chain_end(lines, end)  # (`Map b = web.get().uri(u)` / `.retrieve().bodyToMono(...)`)
    rhs = " ".join([bound.rhs, *lines[start + 1 : end + 1]])[-STATEMENT_CHARS:]
    placed = gives if gives.startswith("#") else ""  # (a returner of another file's tuple)
    placed = placed or (facts.gives_wrapped(called.group("name")) if called is not None else "")
    if placed.startswith("#"):  # status, data = get(...): a tuple, one element the answer
        _bind_wrapped(bound, scope, placed)
        return
    base = {"body": 1, "field": 2}.get(gives, 0) or facts.unwrapped(_callee(bound.rhs))
    if not base and called is not None:  # a request helper of the file returning it parsed
        base = facts.parse_level(called.group("name"))
    key = facts.gives_wrapped(called.group("name")) if not base and called is not None else ""
    if key:
        _bind_wrapped(bound, scope, key)
        return
    if base:  # data = self._get(...)["data"], const { data } = await this.get(...)
        _bind_levels(bound, base + _trailing_data(rhs) if not _below_data(rhs) else BELOW, scope)
    elif bound.destructured and whole_parse(rhs):  # const { data } = await $fetch(u), ky's .json()
        _bind_levels(bound, 1, scope)
    elif bound.destructured:  # const { data: { data: info } } = await axios.get(u)
        pairs = list(zip(bound.names, bound.paths, strict=True))
        scope.fields.update(n for n, p in pairs if p == "data.data")
        if (facts.axios() or gives == "axios") and not parsed_in(rhs):  # await api.get(u)
            scope.bodies.update(n for n, p in pairs if p == "data")
    elif FIELD_END.search(rhs):
        scope.fields.update(bound.names)  # info = requests.get(u).json()["data"]
    elif whole_parse(rhs) or promised_body(rhs) or _invoked_rest(bound.rhs):
        scope.bodies.update(bound.names)
    elif (selected := parse_selection(rhs, facts.axios())) is not None:  # JSON.parse(b)["data"]
        _bind_selection(bound, scope, selected, start)
    renamed = BODY_RENAMED.search(lines[start])
    if renamed is not None and renamed.group("name") in bound.names:
        scope.bodies.add(renamed.group("name"))


def _invoked_rest(rhs: str) -> bool:
    """PowerShell's `$r = Invoke-RestMethod ...`, `$r = irm $u`: the answer parsed."""
    return ("RestMethod" in rhs or "irm " in rhs) and pscmdlets.parsed(rhs)


def _bind_selection(
    bound: Binding, scope: Scope, selected: tuple[tuple[str, ...], bool], at: int
) -> None:
    """A name bound on the call's own statement to what it selects of the parsed answer (see
    parse_selection): its data field (`d = JSON.parse(res.body)["data"]`), a list below it
    (`rows = r.json()["data"]["result"]`) or one item of that list (`row = ...["result"].first`),
    read as a name bound to them after the call is (see _rebind_lists, _bind_item); anything
    else it selects (`["code"]`, `["data"]["_id"]`) is a part, no answer."""
    if bound.destructured or len(bound.names) != 1:
        return
    name, (keys, taken) = bound.names[0], selected
    place = ".".join(keys)
    if keys == ("data",) and not taken:
        scope.fields.add(name)
        return
    scope.parts.add(name)
    if keys[0] != "data" or len(keys) < 2:
        return
    (scope.held.items if taken else scope.held.lists)[name] = place
    scope.since[name] = at


def _chain_end(lines: list[str], end: int) -> int:
    """The last line of a method chain that goes on below a statement's last line, each of its
    lines starting with `.` (`.retrieve()`, `.bodyToMono(Map.class).block();`), a few at most;
    a link whose arguments go on over lines runs to their end (Prettier's `.post(u, {` then
    `json: {...} })`, then `.json()`)."""
    last = end
    for _ in range(6):
        if last + 1 >= len(lines) or not lines[last + 1].lstrip().startswith("."):
            break
        if lines[last + 1].lstrip().startswith(".."):
            break
        last = statement_end(lines, last + 1, LINK_LINES)
    return last


OWN_FIELD = rx.compile(r"\s*(?:(?:this|self)\s*\.|\$this->|@)\s*[A-Za-z_]\w*\s*=[^=]")


def _given_level(facts: Lines, callee: str) -> int:
    """What a call gives of an answer (1 parsed, 2 its data field, 0 unknown): a function of the
    file (Lines.parse_level), or a method of an axios client whose interceptor unwraps
    (`api.get`: Lines.unwrapped)."""
    if "." in callee:
        return facts.unwrapped(callee.split(".")[0])
    return facts.parse_level(callee)


def _bind_hook(
    facts: Lines, span: tuple[int, int], bound: Binding, scope: Scope, gives: str
) -> None:
    """The names bound to what a data-fetching hook gives (see hooks.py): its `data` holds what
    its fetcher gives (`const { data } = useSWR(url, fetcher)`, fetcher returning `json.data`:
    the answer's data field); its other members (`error`, `isLoading`) nothing of the answer,
    and its data nothing the audit can tell when the fetcher is not in view (then dropped). A
    Vue ref's value is held as `data.value`."""
    start, end = span
    statement = " ".join([bound.rhs, *facts.lines[start + 1 : end + 1]])[:STATEMENT_CHARS]
    level = {"body": 1, "field": 2}.get(gives, 0)
    held = hooks.held(statement, facts.lines, lambda name: _given_level(facts, name), level)
    if held is None:
        return
    paths = bound.paths if bound.destructured else ("",) * len(bound.names)
    _drop(scope, bound.names)
    kept = indent(facts.lines[start]) == 0
    for name, path in zip(bound.names, paths, strict=True):
        depth = held.level + path.count("data") - 1 if path in ("data", "data.data") else 0
        if not bound.destructured and held.level == 1 and not held.ref:
            (scope.lasting if kept else scope.local).add(name)
            scope.since[name] = start
            scope.wrapped[name] = "data"  # (const q = useQuery(...): q.data is the answer)
        if depth not in (1, 2):
            continue
        held_as = f"{name}.value" if held.ref else name
        (scope.lasting if kept else scope.local).add(held_as)
        if not held.ref:  # (`data.value` is written nowhere to be shadowed: see _hide)
            scope.since[held_as] = start
        (scope.bodies if depth == 1 else scope.fields).add(held_as)


def _bind_wrapped(bound: Binding, scope: Scope, key: str) -> None:
    """The names bound to what a helper gives that holds the parsed answer under `key` (see
    Lines.gives_wrapped): the object itself, or (`const { data } = await request(...)`) the answer."""
    if key.startswith("#"):
        _bind_position(bound, scope, key)
    elif bound.destructured:
        pairs = zip(bound.names, bound.paths, strict=True)
        scope.bodies.update(n for n, p in pairs if p == key)
    else:
        scope.wrapped.update(dict.fromkeys(bound.names, key))


def _bind_position(bound: Binding, scope: Scope, key: str) -> None:
    """The names a tuple (`status, data = get(...)`, `const [status, json] = await get(...)`)
    unpacks from a helper returning one whose element `key` (`#1`, `#1:data`) is the parsed
    answer (or its data field): that name holds it, the others (a status code) nothing of it."""
    if len(bound.names) < 2:
        return  # (the tuple held whole: `res = get(...)`, read as `res[1]`: not followed)
    k, _, level = key[1:].partition(":")
    for j, name in enumerate(bound.names):
        if j == int(k):
            (scope.fields if level else scope.bodies).add(name)
        else:
            _drop(scope, [name])


def tuple_parts(expr: str) -> list[str] | None:
    """The elements of a tuple or a list an expression is (`a, b`, `(a, b)`, `[a, b]`), each
    stripped, or None when it is no such thing (one element, a call's arguments)."""
    text = expr.strip().rstrip(";").strip()
    if text[:1] in "([" and text[-1:] in ")]" and opener(text, len(text) - 1) == 0:
        text = text[1:-1]
    parts = [text[a:b] for a, b in arguments.spans(text + " ", 0)]  # (as a call's arguments)
    return parts if len(parts) > 1 and all(parts) else None


def _rebind_wrapped(facts: Lines, scope: Scope, bound: Binding) -> None:
    """A name bound after the call's statement to what a helper given the call's URL gives
    (`const sw = await jpost(EP.swap, body)`, jpost returning `{ status: r.status, d }`)."""
    for name in bound.names if scope.wrapped else ():
        scope.wrapped.pop(name, None)
    if any(n not in scope.local and n not in scope.lasting for n in bound.names):
        return  # (it holds no answer of the call)
    if all(n in scope.bodies or n in scope.fields for n in bound.names):
        return
    called = ROOT.match(bound.rhs)
    key = facts.gives_wrapped(called.group("name")) if called is not None else ""
    if key:
        _bind_wrapped(bound, scope, key)


def _rebind_parsed(facts: Lines, scope: Scope, bound: Binding) -> None:
    """A name bound after the call's statement to what a request helper of the file that gives
    what it fetched parsed returns, given the call's URL as an entry of a table (`ans =
    self._request("GET", self.ENDPOINTS["result"])`, `_request` returning `resp.json()`): the
    parsed answer, or its data field with `["data"]` after the call, as on the call's own
    statement (see _bind_call)."""
    if any(n not in scope.local and n not in scope.lasting for n in bound.names):
        return  # (it holds no answer of the call)
    if any(n in scope.bodies or n in scope.fields for n in bound.names):
        return
    given = roots(bound.rhs, False) & (scope.local | scope.lasting)
    if not given or any("." not in n for n in given):
        return  # (given no entry of a table of URLs: perhaps a token read from another answer)
    called = ROOT.match(bound.rhs)
    if called is not None and facts.gives_parsed(called.group("name")):
        _bind_levels(bound, 1 + _trailing_data(bound.rhs), scope)


def given_places(bound: Binding, gives: str) -> Iterator[tuple[str, str]]:
    """(name, the place in the answer it holds) for each name a statement binds from the call
    of a function that returns the answer (`gives`: "body", "field" or "list:<place>", see
    returns.Returner): the keys read on the call (`data = list_voices()["data"]`: data) or
    destructured from it (`const { data } = await getAvatars()`, getAvatars returning
    `res.json()`: data) follow what it returns."""
    start = {"body": "", "field": "data"}.get(gives, gives[5:])
    if bound.destructured:
        for name, path in zip(bound.names, bound.paths, strict=True):
            yield name, ".".join(p for p in (start, path) if p)
        return
    parts = items.chain_parts(bound.rhs.strip()) or items.called_parts(bound.rhs.strip())
    keys = parts[3] if parts is not None and parts[1] and not parts[2] else ()
    for name in bound.names:
        yield name, ".".join(p for p in (start, *keys) if p)


# A branch after another one: `else:`, `elif x:`, `} else {`, `else res = ...`, `except E:`.
ELSE = rx.compile(r"^\s*(?:\}\s*)?(?:else\b|elif\b|elsif\b|except\b|catch\b|rescue\b)")
ELSE_WORDS = ("else", "elif", "elsif", "except", "catch", "rescue")  # (each match of ELSE has one)


def _function_word(t: str) -> bool:
    """Whether a line holds one of FUNCTION_WORDS (written out: asked of every line)."""
    return "fun" in t or "def" in t or "=>" in t or "@" in t


def _run_until(i: int, limit: int, known: dict[int, int], passed: Callable[[int], bool]) -> int:
    """The first line from i on (limit at most) that `passed` does not pass, with each line's
    furthest known run of passed lines kept in `known` ([p, q) passed; q == p: p is not)."""
    j, path = i, []
    while j < limit:
        q = known.get(j)
        if q is None:
            if not passed(j):
                known[j] = j
                break
            q = j + 1
        elif q == j:
            break
        path.append(j)
        j = q
    for p in path:
        known[p] = j
    return min(j, limit)


def _loud_word(t: str) -> bool:
    """Whether a line holds one of LOUD_WORDS (written out: asked of every line)."""
    return "&" in t or "->" in t or "return" in t or "resolve(" in t


def _else_word(t: str) -> bool:
    """Whether a line holds one of ELSE_WORDS."""
    return (
        "else" in t
        or "elif" in t
        or "elsif" in t
        or "except" in t
        or "catch" in t
        or ("rescue" in t)
    )


BRANCH_LINES = 30  # how far above a call's binding an earlier branch's binding of its name may be


def _branch_join(facts: Lines, start: int, names: tuple[str, ...]) -> int:
    """Where the branches end, when a call's statement binds its answer in one branch of an if
    (or a try) and an earlier branch binds the same name (`if kind == "image": r =
    requests.get(a)` / `else: r = requests.get(b)`): after it the name may hold either, so
    it is no one's; -1 when there is no such earlier branch."""
    lines = facts.lines
    branch = -1  # the line of the branch the call is in (`else:`, `} else {`)
    if not facts.branches_near(start):
        return -1  # (no branch in view above the call: most calls)
    for p in range(start, max(start - BRANCH_LINES, -1), -1):
        if p < start and facts.indent(p) < facts.indent(start) and facts.starts_function(p):
            return -1
        if facts.shell and facts.function_of(p) != facts.function_of(start):
            return -1  # (another shell function's `local response` is another variable)
        if ELSE.match(lines[p]) and (branch < 0 or facts.indent(p) <= facts.indent(branch)):
            if facts.indent(p) <= facts.indent(start):
                branch = p
            continue
        bound = facts.binding(p) if p < start and branch >= 0 else None
        if bound is not None and not set(names).isdisjoint(bound.names):
            own = facts.binding(start)
            if facts.indent(p) < facts.indent(branch) or (own and own.rhs == bound.rhs):
                return -1  # (bound before the if, or to the same call: a retry)
            break
    else:
        return -1
    if branch < 0 or p == start:
        return -1
    level = facts.indent(branch)
    for j in range(facts.statement_end(start) + 1, min(start + WINDOW, len(lines))):
        text = lines[j]
        if text.strip() and facts.indent(j) <= level and not ELSE.match(text):
            return j
    return -1


def _returns_call(facts: Lines, start: int, statement: str, scope: Scope) -> int:
    """A call's statement that returns what it gives (`return r.json()`, `return
    http.get(u)` on a client whose interceptor unwraps it): its function gives the answer.
    What the interceptor of the call's client makes of its result (see Lines.unwrapped)."""
    returns = facts.returns(start)
    unwrapped = (  # (most files' clients unwrap nothing: their callee is not looked for)
        facts.unwrapped(_callee(returns if returns is not None else statement))
        if facts.unwraps()
        else 0
    )
    if returns is not None:
        if return_statement(facts.lines[start]) is None:
            statement = returns  # (a one-line function: what follows its head is what it gives)
        ends_in_field, parses = _returned_reading(statement)
        field_ = ends_in_field or unwrapped == 2
        field_ = field_ or _gives_field(facts, returns)
        parsed = parses or unwrapped == 1
        parsed = parsed or _gives_parsed(facts, returns)
        _returned(facts.lines, start, scope, not field_ and parsed, field_)
        if URL_RETURNED.match(returns):  # (the URL itself: what a request given it answers)
            scope.urls.update(scope.returned)
    return unwrapped


@lru_cache(maxsize=8192)  # (each call of a minified line returns that line's whole body)
def _returned_reading(statement: str) -> tuple[bool, bool]:
    """Whether a returned statement ends in the answer's data field (FIELD_END), and whether it
    parses the answer (parsed_in)."""
    return FIELD_END.search(statement) is not None, parsed_in(statement) is not None


# A returned expression that is a URL, not a request: a string, a template, an f-string, or a
# name joined to one (`BASE + "/x"`, `$base . "/x"`).
URL_RETURNED = rx.compile(
    r"\s*(?:[fFrR]?[\"'`]|\$?[A-Za-z_$][\w$.>-]*\s*(?:\+|\.)\s*[fF]?[\"'`])(?![^()]*\)\s*\.\s*json)"
)


def _loops_and_shadows(facts: Lines, scope: Scope, i: int) -> None:
    """What the loops of line i do to the scope (walk a list of the answer; bind a name of it
    anew: for r in rows:, read -r RESP, (r := q()), for (const json of list) { ... } in its
    block), and the names that are another value on the line (see _hide)."""
    walked = facts.loops(i) if facts.walks() and scope else ()
    items_now = _walk(walked, scope) if walked else set()
    rebound, last = facts.rebound(i) if scope else ((), -1)
    if rebound and last < 0:
        _drop(scope, [n for n in rebound if n not in items_now])
    elif rebound:
        scope.blocks.update((n, last) for n in rebound if n not in items_now)
    if scope:
        _hide(facts, scope, i)


def _callee(expr: str) -> str:
    """The name an expression's call is made on (`http` in `await this.http.post(...)`)."""
    m = ROOT.match(expr)
    return m.group("name") if m else ""


# The answer's data selected from what a call gives: `(await this.get(u)).data`, `_get(p)["data"]`.
TRAILING_DATA = rx.compile(
    r"\)(?P<sel>(?:\s*(?:[?!]?\.\s*data\b|\[\s*[\"']data[\"']\s*\]))+)\s*[;)]*\s*$"
)


def _trailing_data(rhs: str) -> int:
    """How many times an expression selects `data` from what the call in it gives."""
    m = TRAILING_DATA.search(rhs) if "data" in rhs else None
    return m.group("sel").count("data") if m else 0


# What an expression selects from what the call in it gives, to its end: `["data"]["lang_list"]`,
# `.data.result[0]` (members and subscripts, no call after them).
TRAILING_SELECTION = rx.compile(
    r"\)(?P<sel>(?:\s*(?:[?!]?\.\s*[A-Za-z_$][\w$]*\b(?!\s*\()|\[\s*[\"'][\w$-]+[\"']\s*\]"
    r"|\[\s*-?\d+\s*\]))+)\s*[;)]*\s*$"
)
SELECTED_KEY = rx.compile(r"[A-Za-z_$][\w$-]*|-?\d+")
BELOW = 3  # (the level of a part below the answer's data: see _bind_levels)


def _below_data(rhs: str) -> bool:
    """Whether an expression selects something below the answer's data from what its call gives
    (`get_json(u)["data"]["lang_list"]`, `(await getJson(u)).data.result[0]`): a name bound to it
    holds that part, neither the answer nor its data."""
    m = TRAILING_SELECTION.search(rhs) if ("[" in rhs or "." in rhs) else None
    return m is not None and any(k != "data" for k in SELECTED_KEY.findall(m.group("sel")))


def _bind_levels(bound: Binding, level: int, scope: Scope) -> None:
    """Names bound to what a helper giving the parsed answer (level 1) or its data field (2)
    returns, `level` counting the data fields selected after it: each name holds the parsed
    answer, its data field, or a part below it (then neither)."""
    for name, path in zip(bound.names, bound.paths or [""] * len(bound.names), strict=True):
        keys = path.split(".") if path else []
        if bound.destructured and any(k != "data" for k in keys):
            continue  # const { code, data: { video } } = ...: a field's own value
        held = level + len(keys) if bound.destructured else level
        if held == 1:
            scope.bodies.add(name)
        elif held == 2:
            scope.fields.add(name)
        else:
            scope.parts.add(name)


def _rebind_lists(scope: Scope, bound: Binding, shell: bool, at: int) -> None:
    """A binding after the call (see _rebind), and the list of the answer it may hold
    (`voices = body["data"]["result"]`, `voices = await listVoices()`)."""
    listed = _list_path(bound, scope)
    _rebind(scope, bound, shell, at)
    for name in bound.names if scope.held.lists else ():
        scope.held.lists.pop(name, None)
    if listed:
        scope.held.lists[bound.names[0]] = listed
        scope.local.add(bound.names[0])
        scope.parts.add(bound.names[0])
        scope.since[bound.names[0]] = at


INDEXED_ITEM = rx.compile(r"[\w)\]]\s*(?:\?\.)?(?:\[\s*-?\d+\s*\]|\.at\(\s*-?\d+\s*\))")
# An item taken from a list by its index at an expression's end: `[0]`, `?.[0]`, `.at(-1)`,
# Ruby's `.first` and `.last` (no argument: `.first(2)` is a list).
ITEM_END = rx.compile(
    r"\s*(?:\?\.)?(?:\[\s*-?\d+\s*\]|\.at\(\s*-?\d+\s*\)|\.(?:first|last)(?![\w(]))\s*$"
)
# An item a getter takes from a list by its index, a number or a loop's counter (org.json's
# `langs.getJSONObject(i)`, Jackson's `langs.get(i)`/`path(i)`, Gson's `.get(i)`, C#'s `langs[i]`):
# an item only of a name that holds a list of the answer.
ITEM_GETTER = rx.compile(
    r"^\s*(?P<list>[A-Za-z_]\w*)\s*(?:\.\s*(?:(?:get|opt)(?:JSONObject)?|path|getAsJsonObject)"
    r"\(\s*(?:\d+|[A-Za-z_]\w*)\s*\)|\[\s*[A-Za-z_]\w*\s*\])\s*;?\s*$"
)
# (what ends a fallback chain's first member, or the value a Python conditional gives first)
FIRST_MEMBER = rx.compile(r"\|\||\?\?|\s+or\s+|\s+if\s+")


def _bind_item(scope: Scope, bound: Binding, at: int) -> None:
    """A name bound to one item of a list of the answer, taken by its index (`item =
    ans.data.result[0]`, the first member of a fallback chain `ans.data.result[0] ||
    ans.data[0]` too): its fields are the list's items' (see items.Lists)."""
    if bound.destructured or len(bound.names) != 1:
        return
    name = bound.names[0]
    scope.held.items.pop(name, None)  # (bound anew: no item any more, unless it is one below)
    first = FIRST_MEMBER.split(bound.rhs.strip().rstrip(";"), maxsplit=1)[0]
    m = ITEM_END.search(first)
    place = _path_of(first[: m.start()], scope) if m is not None else ""
    got = ITEM_GETTER.match(first) if not place and scope.held.lists else None
    if got is not None:
        place = scope.held.lists.get(got.group("list"), "")
    if place:
        scope.bodies.discard(name)  # (`JSONObject l = langs.getJSONObject(i)`: no parse)
        scope.held.items[name] = place
        scope.local.add(name)
        scope.parts.add(name)
        scope.since[name] = at


def _returns_list(lines: list[str], i: int, rest: str, scope: Scope) -> None:
    """A function returning a list of the answer (`return res.data.data.result`): its callers
    hold that list."""
    listed = _path_of(rest, scope)
    lister = enclosing_function(lines, i) if listed not in ("", "data") else None
    if lister:
        scope.held.returned[lister] = listed


def _list_path(bound: Binding, scope: Scope) -> str:
    """The place of a list of the answer a binding of one name holds, deeper than its data
    field (`voices = body["data"]["result"]`, `voices = await listVoices()`), or ""."""
    if bound.destructured or len(bound.names) != 1:
        return ""
    root = ROOT.match(bound.rhs)
    name = root.group("name") if root is not None else ""
    if not (name in scope.all() or name in scope.held.lists or name in scope.held.returned):
        return ""  # (most bindings after a call hold nothing of its answer)
    found = _path_of(bound.rhs, scope)
    return found if found not in ("", "data") or bound.rhs.strip().endswith(")") else ""


def _walk_call(facts: Lines, line: int, column: int, place: str, scope: Scope) -> None:
    """A loop over the call of a function that returns a list of the answer, right where it is
    called (`for v in client.voice_items():`): its variable is an item of that list."""
    text = facts.lines[line]
    for name, src in facts.loops(line):
        at = text.find(src)
        if 0 <= at <= column < at + len(src) and src.rstrip().endswith(")"):
            scope.held.items[name] = place
            scope.local.add(name)


def _walk(walked: tuple[tuple[str, str], ...], scope: Scope) -> set[str]:
    """The items of a list of the answer that the loops or callbacks of a line walk (their
    names)."""
    named = set()
    for name, src in walked:
        found = _path_of(src, scope)
        if found:
            scope.held.items[name] = found
            named.add(name)
    for name, _ in walked:
        # (a name that walks only another list on this line now, `[a["x"] for a in other]` after
        # `for a in avatars["data"]`, holds none of this answer's items)
        if name not in named and scope.held.items.pop(name, None) is not None:
            scope.local.discard(name)
    return named


def _drop(scope: Scope, names: Iterable[str]) -> None:
    """Names a statement rebinds to another value (a loop's target, `read -r RESP`, a walrus):
    they hold nothing of the answer after it."""
    for name in names:
        for held in (scope.local, scope.lasting, scope.bodies, scope.fields, scope.decoded):
            held.discard(name)
        scope.parts.discard(name)
        scope.since.pop(name, None)
        scope.hidden.pop(name, None)
        scope.held.lists.pop(name, None)
        scope.held.items.pop(name, None)


def _hide(facts: Lines, scope: Scope, i: int) -> None:
    """Takes out of the scope, for line i only, the names that are another value there: a
    parameter (or a local) of the same name of a function nested where the name was bound
    (`results.forEach((res) => ...)`, `map(lambda r: ...)`), a comprehension's variable."""
    names = set(facts.comprehended(i))
    if scope.blocks:
        names.update(n for n, last in scope.blocks.items() if i <= last)
    if facts.scopes is not None and scope.since and not facts.shell:  # (no callbacks there)
        held = scope.local | scope.lasting
        names.update(
            n
            for n, at in scope.since.items()
            if at < i
            and n in held
            and not OWN_FIELD.match(facts.lines[at])  # (an object's field: seen in its methods)
            and not facts.scopes.visible(n, at, i, _column(facts, n, at))
        )
    for name in names:
        if name in scope.local or name in scope.lasting:
            scope.hidden[name] = name in scope.lasting
            scope.local.discard(name)
            scope.lasting.discard(name)


def _column(facts: Lines, name: str, line: int) -> int:
    """Where a name is first written on a line (the binding of `const j = await
    fetch(u).then((r) => r.json())` is before the arrow function that opens after it), or -1."""
    return first_written(facts.lines[line], name)


@lru_cache(maxsize=4096)
def first_written(text: str, name: str) -> int:
    """Where a name is first written in a text as a whole name, not after a `.` nor inside a
    longer name (as WHOLE_NAME finds it), or -1. Found with str.find and a look at the two
    characters around it, not with a pattern built per name: those missed re's cache, and a file
    of 5,000 calls compiled 5,000 patterns."""
    if not name:
        m = WHOLE_NAME.search(text)
        return m.start() if m else -1
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        before = text[at - 1] if at else " "
        after = text[end] if end < len(text) else " "
        if not (_name_char(before) or before == ".") and not _name_char(after):
            return at
        at = text.find(name, at + 1)
    return -1


WHOLE_NAME = rx.compile(r"(?<![\w$.])(?![\w$])")  # (an empty name's place: where names are not)


def _name_char(c: str) -> bool:
    """Whether a character is one of a name's: a word character as re's `\\w` reads it, or `$`."""
    return c.isalnum() or c in "_$"


def _restore(scope: Scope) -> None:
    """Puts back the names _hide took out for one line."""
    for name, lasting in scope.hidden.items():
        (scope.lasting if lasting else scope.local).add(name)
    scope.hidden.clear()


def _settled(lines: list[str], i: int, scope: Scope) -> None:
    """A Promise wrapped around the call (`new Promise(...)` around https.request) settles with
    its answer: `resolve(JSON.parse(body))`, `resolve(res.data)`, `resolve(r)`; the function that
    returns the Promise gives the parsed answer to whoever awaits it."""
    settled = RESOLVE.search(lines[i][-STATEMENT_CHARS:])
    if settled is None:
        return
    rest = settled.group("rest")
    if rest.lstrip().startswith("{"):  # resolve({ statusCode, data: JSON.parse(body) }): axios'
        return  # way, the answer under data (see Lines.gives_wrapped)
    if parsed_in(rest) or derived(rest, scope.all(), False):
        _returned(lines, i, scope, True)


def _parsed(rhs: str, scope: Scope) -> bool:
    """Whether an expression that holds the answer holds it parsed (see Scope.bodies): a parsed
    answer itself or what a function giving one returns (`await swap(a)`), or a parse."""
    m = ROOT.match(rhs)
    if m and m.group("name") in scope.bodies:
        rest = rhs[m.end() :].strip().rstrip(";").strip()
        if rest == ".RootElement":
            return True  # (System.Text.Json's document's root: `var root = doc.RootElement;`)
        return rest == "" or _after_call(rest) == ""  # (not `list_voices()["data"]`)
    after = _method_gives(rhs, scope)  # api.video(i), Api().video(i): a method giving it parsed
    if after is not None:
        return after == ""  # (not `api.video(i)["data"]`, `api.video(i).get("data", {})`)
    return whole_parse(rhs)


def _method_gives(rhs: str, scope: Scope) -> str | None:
    """What follows the call of a method that gives the parsed answer (`api.video(i)`, `(await
    this.api.video(i))`), closing parentheses left out: "" for the whole call, `["data"]` for
    `api.video(i)["data"]`; None when the expression is no such call."""
    method = METHOD_CALL.match(rhs)
    if method is None or method.group("name") not in scope.bodies:
        return None
    after = _after_call(rhs[method.end() - 1 :])
    return after.lstrip(") \t").rstrip(";) \t") if after is not None else None


# request-promise's `await rp({ uri, json: true })` (and `request(...)` from it): it resolves to the
# parsed body, not to a response (unless asked for the full response).
PROMISED_BODY = rx.compile(
    r"^\s*(?:await\s+)?(?:rp|requestPromise|request)\s*\((?=.*\bjson\s*:\s*true\b)(?!.*resolveWithFullResponse)"
)


def promised_body(rhs: str) -> bool:
    return "json" in rhs and PROMISED_BODY.search(rhs) is not None


def whole_parse(text: str) -> bool:
    """Whether an expression is a parsed answer as a whole (`r.json()`, `JSON.parse(body)`, `await
    res.json() as T`), not a part of one (`r.json()["data"]["result"]` is a field's value)."""
    i = _parse_end(text)
    return i is not None and bool(PARSE_END.match(text, i))


def _parse_end(text: str) -> int | None:
    """Where the first parse of an answer in an expression ends (after `r.json()`, after
    `JSON.parse(...)`'s closing parenthesis), or None when it holds none."""
    m = parsed_in(text)
    if m is None:
        return None
    i = m.end()
    while i < len(text) and text[i] in "<(":  # ReadFromJsonAsync<T>(), JSON.parse(...)
        close = {"<": ">", "(": ")"}[text[i]]
        depth, j = 0, i
        for j in range(i, len(text)):
            depth += (text[j] == text[i]) - (text[j] == close)
            if depth == 0:
                break
        i = j + 1
    if text[m.end() - 1 : m.end()] == "(":  # (the pattern ended inside the parse's parentheses)
        depth, j = 1, m.end()
        while j < len(text) and depth:
            depth += (text[j] == "(") - (text[j] == ")")
            j += 1
        i = max(i, j)
    return i


# What an expression selects from the parse it starts with, to its end: `["data"]["result"]`,
# `.data.result`, `.get("data")`, `?.data`, an item by its index (`[0]`, `.at(0)`, Ruby's
# `.first`/`.last`); closing parentheses only where the expression opened them before the parse
# (`(await r.json()).data`: see parse_selection).
EMPTY_DEFAULT = r"(?:,\s*(?:\{\s*\}|\[\s*\]|None|null|nil|\"\"|'')\s*)?"  # (.get("data", {}))
PARSE_SELECTION = rx.compile(
    r"(?P<sel>(?:\s*\)|\s*!{1,2}(?![=\w])|\s*(?:[?!]?\.|->)\s*[A-Za-z_$][\w$]*\b(?![\s(]*\()"
    r"|\s*(?:\?\.|\?|!{1,2})?\[\s*[\"'][A-Za-z_$][\w$]*[\"']\s*\]"
    rf"|\s*\.\s*(?:get|{items.GETTERS})\(\s*[\"'][A-Za-z_$][\w$]*[\"']\s*{EMPTY_DEFAULT}\)"
    r"|\s*\.dig\(\s*[\"'][A-Za-z_$][\w$]*[\"'](?:\s*,\s*[\"'][A-Za-z_$][\w$]*[\"'])*\s*\)"
    r"|\s*(?:\?\.)?\[\s*-?\d+\s*\]|\s*\.at\(\s*-?\d+\s*\)|\s*\.(?:first|last)\b(?![\w(]))+)"
    r"\s*;?\s*$"
)
SELECTION_KEY = rx.compile(
    r"(?P<item>\[\s*-?\d+\s*\]|\.at\(|\.(?:first|last)\b)"
    r"|[\"'](?P<key>[A-Za-z_$][\w$]*)[\"']|(?:\.|->)\s*(?P<member>[A-Za-z_$][\w$]*)\b(?!\s*\()"
)


def _groupings_open(text: str) -> int:
    """How many parentheses a text leaves open that group (`(await r.json())`), none of them a
    call's (`keep(r.json())`: any open call's parenthesis gives 0)."""
    stack: list[bool] = []
    for i, c in enumerate(text):
        if c == "(":
            stack.append(i > 0 and (text[i - 1].isalnum() or text[i - 1] in "_$>]"))
        elif c == ")" and stack:
            stack.pop()
    return 0 if any(stack) else len(stack)


# An awaited axios call in parentheses, `(await axios.get(u, ...))`, whose `.data` is the body.
AXIOS_AWAITED = rx.compile(
    r"^\s*\(\s*await\s+[\w$.]+\s*\.\s*(?:get|post|put|patch|delete|request)\s*(?:<[^()]*>)?\("
)
AXIOS_BODY = rx.compile(r"\s*\)\s*\.\s*data\b")


def _axios_body_end(text: str) -> int | None:
    """Where `(await axios.get(u)).data` ends in an expression that starts with it, or None."""
    m = AXIOS_AWAITED.match(text)
    close = brackets.matching(text, m.end() - 1, 1, len(text)) if m is not None else -1
    body = AXIOS_BODY.match(text, close + 1) if close > 0 else None
    return body.end() if body is not None else None


def parse_selection(text: str, axios: bool = False) -> tuple[tuple[str, ...], bool] | None:
    """What an expression selects from the answer it parses, to its end (`JSON.parse(res.body)
    ["data"]["result"].first`: (("data", "result"), True), the keys and whether an item of them
    is taken by its index), or None: no parse, nothing selected, or the parse handed on to a
    function whose result is selected (`keep(r.json()["data"])["x"]` is another value). In a
    file that uses axios, `(await axios.get(u)).data` is the parsed answer too."""
    body = _axios_body_end(text) if axios and "await" in text else None
    parse = parsed_in(text) if body is None else None
    i = body if body is not None else _parse_end(text)
    m = PARSE_SELECTION.match(text, i) if i is not None else None
    if m is None:
        return None
    sel = m.group("sel")
    opened = _groupings_open(text[: parse.start()]) if parse is not None else 0
    if sel.count(")") - sel.count("(") > opened:
        return None
    found = [
        (k.group("key") or k.group("member") or "", k.group("item") is not None)
        for k in SELECTION_KEY.finditer(sel.replace(")", ""))
    ]
    keys = tuple(k for k, item in found if not item)
    taken = any(item for _, item in found)
    if not keys or (taken and not found[-1][1]):
        return None  # (nothing selected, or a field of an item: `["result"][0]["url"]`)
    return keys, taken


# A statement that ends in the answer's data field: `.json()["data"]`, `(await r.json()).data`,
# `.json().get("data", {})`, axios' `res.data.data`.
FIELD_END = rx.compile(
    r"(?:\.json\(\)\s*\)?\s*(?:\[\s*[\"']data[\"']\s*\]|\.data\b|\.get\(\s*[\"']data[\"'][^)]*\))"
    r"|\.data\s*\.data\b)\s*;?\s*$"
)
# What may follow a whole parse: closing parentheses, a cast, `!!`, the statement's end.
PARSE_END = rx.compile(r"\s*\)*\s*(?:as[?!]?\s+[\w<>\[\], .|:?]+|!!|!|\?)?\s*[;)]*\s*$")


def _rebind(scope: Scope, bound: Binding, shell: bool, at: int) -> None:
    tied = holds(scope, bound.rhs, shell) and not bound.unpacked and not _given_part(scope, bound)
    tied = tied and not converted(bound.rhs)
    if not tied and not any(_known(scope, name) for name in bound.names):
        return  # (most bindings after a call neither hold its answer nor rebind a name of it)
    part = (
        tied
        and not shell
        and not bound.destructured
        and _path_of(bound.rhs, scope) not in ("", "data")
    )
    for name, path in zip(bound.names, bound.paths or [""] * len(bound.names), strict=True):
        rhs = bound.rhs  # (const { data } = res.data: data is res.data.data)
        if bound.destructured:
            rhs = rhs.strip().rstrip(";").rstrip() + "." + path if path.startswith("data") else ""
        held = tied and not shell and bool(rhs) and _data_field(rhs, scope)
        parsed = tied and not shell and bool(rhs) and not held and _parsed(rhs, scope)
        target = scope.local if name not in scope.lasting else scope.lasting
        scope.hidden.pop(name, None)  # (bound anew on the line it was hidden on)
        if tied:
            scope.local.add(name)
            scope.since[name] = at
        else:
            target.discard(name)
            scope.since.pop(name, None)
        (scope.parts.add if part else scope.parts.discard)(name)
        for kind, on in ((scope.bodies, parsed), (scope.fields, held)):
            if on:
                kind.add(name)
            else:
                kind.discard(name)


def _given_part(scope: Scope, bound: Binding) -> bool:
    """Whether an expression holds the answer only through a part of it given to a call
    (`db.fetch(job)` after `job = r.json()["data"]["_id"]`): what the call returns is another
    value (the answer's own parse, `JSON.parse(res.body)`, is given the response)."""
    if not scope.parts:
        return False
    found = roots(bound.rhs, False) & scope.all()
    lead = ROOT.match(bound.rhs)
    return found <= scope.parts and (lead is None or lead.group("name") not in found)


def _skip(
    facts: Lines,
    span: tuple[int, int],
    scope: Scope,
    idle: tuple[Callable[[int], bool], int],
    seen: list[Any],
) -> int:
    """The first line from i on (stop at most) that may change the scope or give the caller a
    read: one that is not plain (see Lines.plain) or not idle, that may end the function (an
    indent below the call's, `seen[0]`), or that names what the scope holds. On the lines before
    it the scope stays as it is and the caller finds nothing. `seen[1:]`: the names last looked
    for and the first line from i that holds one (looked for again when they change).
    `idle`: the caller's test and the line after which every line is idle (-1: none known);
    past it, the free lines (Lines.free_until) are passed at once."""
    (i, stop), (quiet, idle_after) = span, idle
    held = scope.held
    names = scope.local.union(scope.lasting, scope.bodies, scope.fields, scope.decoded)
    names.update(scope.returned, held.lists, held.items, held.returned)
    if any("." in n for n in scope.local | scope.lasting):  # (`_request("result")`: see keyed)
        names.update(facts.keyed())
    level, looked, limit = seen
    outliving = not (scope.local or held.items or scope.urls or scope.hidden)  # (see open_until)
    if names != looked or i > limit:
        limit = facts.first_mention(names, i, stop)
        seen[1:] = names, limit
    while i < limit:
        if 0 <= idle_after < i:
            i = facts.open_until(i, limit) if outliving else facts.free_until(i, limit)
            if i >= limit:
                break
        if not (
            facts.plain(i)
            and quiet(i)
            and (facts.indent(i) >= level or not facts.starts_function(i))
        ):
            break
        i += 1
    return i


def _known(scope: Scope, name: str) -> bool:
    """Whether a name holds anything of the answer that a new binding of it would drop."""
    return (
        name in scope.local
        or name in scope.lasting
        or name in scope.bodies
        or name in scope.fields
        or name in scope.hidden
    )


# An expression that is a field of what a name holds: `x.data`, `x.data.data`, `x["data"]`,
# `x.get("data", {})`, `x["data"].(map[string]interface{})`, `x?.data ?? {}`.
DATA_OF = rx.compile(
    r"^\s*(?P<open>\(\s*)?(?:await\s+)?\$?(?:(?:self|this)\s*\.\s*)?(?P<root>[A-Za-z_]\w*)"
    # (superagent's, got's and needle's parsed `res.body`: `res.body.data` is the data field)
    r"(?P<parse>(?:\.|->)json\(\)|->(?:toArray|object)\(\)|\.getBody\(\)|\.RootElement|\.body(?=\s*\??\.\s*data\b)"
    r"|\.bodyAsJsonObject\(\))?(?(open)(?:\s+" + TS_CAST + r")?\s*\))"  # (Vert.x's parsed answer)
    r"(?P<sel>(?:\s*(?:[?!]?\.|->)\s*data\b){1,2}"
    r"|\s*\[\s*[\"']data[\"']\s*\](?:\.\([^()]*\))?|\s*\.(?:get|path|GetProperty|getJSONObject|optJSONObject|getJsonObject)\(\s*[\"']data[\"'][^)]*\))"
    r"(?:\s+" + TS_CAST + r"|!)?"  # (TypeScript's `body.data as T`, `body.data!`)
    # (each closing piece takes a `;` or `)`: a run of blanks before other text is tried once,
    # not split between three `\s*` in turn, which was cubic in its length)
    r"(?:\s*(?:\?\?|\|\||\bor\b)\s*(?:\{\}|\[\]|null|None|nil))?(?:\s*[;)])*\s*$"
)


# The data node of a parse in one expression: org.json's `new JSONObject(res.body())
# .getJSONObject("data")`, Jackson's `readTree(body).path("data")`, System.Text.Json's
# `JsonDocument.Parse(s).RootElement.GetProperty("data")`, Gson's `.getAsJsonObject("data")`.
PARSED_DATA = rx.compile(
    r"(?:\bnew\s+JSONObject|\breadTree|\bJsonParser\.parseString|\bJObject\.Parse"
    r"|\bJsonDocument\.Parse)\((?:[^()]|\([^()]*\))*\)(?:\.getAsJsonObject\(\)|\.RootElement)?"
    r"\s*\.\s*(?:getJSONObject|optJSONObject|path|get|GetProperty|getAsJsonObject)"
    r"\(\s*\"data\"\s*\)\s*;?\s*$"
)
# A cast before an expression: Java's `(Map)`, `(Map<String, Object>)`, C#'s `(JObject)`.
CAST = rx.compile(r"^\s*\(\s*[A-Z][\w.]*(?:\s*<[^()]*>)?(?:\[\])?\s*\)\s*(?=[\w$(])")


def _data_field(rhs: str, scope: Scope) -> bool:
    """Whether an expression is the answer's data field: `.data`/`["data"]` of a name holding the
    parsed answer, or `.data.data` of an HTTP library's response (axios)."""
    if ".json()" in rhs and FIELD_END.search(rhs):
        return True  # return (await res.json()).data, d = r.json()["data"]
    if '("data")' in rhs and (PARSED_DATA.search(rhs) or jvmanswers.KOTLIN_PARSED_DATA.search(rhs)):
        return True  # JSONObject d = new JSONObject(res.body()).getJSONObject("data")
    rhs = CAST.sub("", rhs, count=1)  # Java's `(Map<String, Object>) body.get("data")`
    called = ROOT.match(rhs)
    if called and called.group("name") in scope.fields:  # v = video_status(i), v2 = v
        rest = rhs[called.end() :].strip().rstrip(";").strip()
        return rest == "" or _after_call(rest) == ""
    after = _after_call(rhs[called.end() :].strip()) if called else None
    if called and after is not None and called.group("name") in scope.bodies:
        return DATA_OF.match("x" + after) is not None  # d = list_voices()["data"]
    after = _method_gives(rhs, scope)  # d = client.list_voices()["data"]
    if after:
        return DATA_OF.match("x" + after) is not None
    m = DATA_OF.match(rhs)
    if m is None or m.group("root") not in scope.all():
        return False
    twice = m.group("sel").count("data") == 2
    sel = m.group("sel").lstrip()
    if sel.startswith(".") and "(" in sel:
        return True  # x.get("data", {}), path("data"): a parsed answer's (a response has none)
    return twice != (m.group("root") in scope.bodies or bool(m.group("parse")))


def _gives_parsed(facts: Lines, rest: str) -> bool:
    """Whether a returned expression is a whole call of a function of the file that gives what
    it fetches parsed (`return await self._get("/v4/voice/list", params)`, `_get` returning
    `resp.json()`)."""
    m = METHOD_CALL.match(rest) or CALLED_NAME.match(rest)
    if m is None or not facts.gives_parsed(m.group("name")):
        return False
    return _after_call(rest[m.end() - 1 :].strip()) == ""


# What takes a parsed answer's data field: `["data"]`, `.data`, `?.data`, `.get("data")`.
DATA_TAKEN = rx.compile(
    r"(?:\[\s*[\"']data[\"']\s*\]|!?\??\.data|\.get\(\s*[\"']data[\"'][^()]*\))\s*"
)


def _gives_field(facts: Lines, rest: str) -> bool:
    """Whether a returned expression is the data field of a whole call of a function of the file
    that gives what it fetches parsed (`return self._get("/x", id=i)["data"]`, `_get` returning
    `r.json()`): what its function returns is the answer's data."""
    if "data" not in rest:
        return False
    m = METHOD_CALL.match(rest) or CALLED_NAME.match(rest)
    if m is None or not facts.gives_parsed(m.group("name")):
        return False
    after = _after_call(rest[m.end() - 1 :].strip())
    return after is not None and DATA_TAKEN.fullmatch(after) is not None


CALLED_NAME = rx.compile(r"\s*(?:await\s+)?(?P<name>[A-Za-z_]\w*)\s*(?:<[^()]*>)?\(")


def _after_call(rest: str) -> str | None:
    """What follows a call's balanced parentheses at the start of `rest` (None: no call)."""
    if not rest.startswith("("):
        return None
    depth = 0
    for j, c in enumerate(rest):
        depth += (c == "(") - (c == ")")
        if depth == 0:
            return rest[j + 1 :].strip().rstrip(";").strip()
    return None


def _returned(
    lines: list[str], line: int, scope: Scope, parsed: bool = False, field: bool = False
) -> None:
    name = enclosing_function(lines, line)
    if name:
        scope.lasting.add(name)
        scope.returned.setdefault(name, line)
        if defined_as_member(lines, line, name):
            scope.members.add(name)
        if parsed:
            scope.bodies.add(name)
        if field:
            scope.fields.add(name)
