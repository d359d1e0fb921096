"""Typed answer models: a type of the file an AKOOL answer is decoded into (`GetFromJsonAsync<T>`,
`readValue(body, T.class)`, `decodeFromString<T>(body)`, `.json::<T>()`, `let v: T = ...json()`,
`T.model_validate(r.json())`, `helper<T>(...)`) reads the answer by its members' JSON names: each
is judged as a read, at the member (the data member's type under data, a list's item type as
its items), as Go's struct tags are (answers.go_struct_reads)."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from akool_cli.audit import brackets, dtos, rx, ties
from akool_cli.audit.answers import Read
from akool_cli.audit.fields import Text

TYPE = r"[A-Z][\w$]*"
WRAPPERS = (
    r"(?:Call|Single|Maybe|Observable|Flowable|Response|Deferred|Mono|Flux|ResponseEntity"
    r"|CompletableFuture|Future|Task|ValueTask)"
)
# A call given the model as its type argument (`GetFromJsonAsync<T>(`, `.body<T>()`,
# `.json::<T>()`, `akoolGet<Envelope<T>>(`), a class literal given to a decoder (`T.class`,
# `T::class.java`, `T.serializer()`, `typeof(T)`, Swift's `T.self`), a pydantic or dataclass
# constructor from the parsed answer (`T.model_validate(`, `T.parse_obj(`, `T(**r.json())`), a
# TypedDict's `cast(T, r.json())`, msgspec's `decode(r.content, type=T)`.
DECODED_INTO = rx.compile(
    rf"(?P<callee>[\w$]+)\s*(?:::)?<\s*(?P<g>{TYPE})\s*(?:<\s*(?P<g2>{TYPE})\s*>\s*)?>\s*\("
    rf"|\b(?P<c>{TYPE})\s*(?:\.class\b|::class\b|\.serializer\(\)|\.self\b)"
    rf"|\btypeof\(\s*(?P<c2>{TYPE})\s*\)|\bcast\(\s*(?P<c3>{TYPE})\s*,|\btype\s*=\s*(?P<c4>{TYPE})\s*[,)]"
    rf"|\b(?P<p>{TYPE})\s*\.\s*(?:model_validate(?:_json)?|parse_obj|parse_raw|from_dict"
    r"|from_json|validate_python)\s*\("
    rf"|\b(?P<k>{TYPE})\(\s*\*\*|\bTypeAdapter\(\s*(?P<a>{TYPE})\s*\)"
    # TypeScript's cast of a parse: `(await r.json()) as Info`, `JSON.parse(text) as Info`
    rf"|(?:\.json\(\s*\)|\bJSON\.parse\([^()]*\))\s*\)?\s*as\s+(?P<ts>{TYPE})\b(?!\s*[<.\[])"
    # a Retrofit/Feign method declared to give the answer: `Call<T> info(`, `): T` in Kotlin
    rf"|\b{WRAPPERS}\s*<\s*(?P<w>{TYPE})(?:\s*<\s*(?P<w2>{TYPE})\s*>)?\s*>+\s+[A-Za-z_]\w*\s*\("
    rf"|\bfun\s+\w+\s*\((?:[^()]|\([^()]*\))*\)\s*:\s*(?:{WRAPPERS}\s*<\s*)?(?P<f>{TYPE})"
    rf"(?:\s*<\s*(?P<f2>{TYPE})\s*>)?"
)
# A call that encodes a value (the request's body), not one that decodes the answer:
# `Json.encodeToString(T.serializer(), b)`, `encodeToJsonElement<T>(`, `JsonSerializer.Serialize(
# b, typeof(T))`, `gson.toJson(b, T::class.java)`, `writeValueAsString(`.
ENCODER = rx.compile(r"(?i)(?:encode|(?<!de)serializ|write|to_?json|stringify|dump)")
ENCODED = rx.compile(
    r"(?:\bencode\w*|(?<![Dd]e)\b[Ss]erialize\w*|\bwrite\w*|\bto_?[Jj]son\w*|\bstringify)"
    r"\s*(?:<[^<>()]*>\s*)?\(\s*(?:[\w$.!?]+\s*,\s*)?$"
)
# A function given a type argument that fetches or decodes (not `mutableListOf<T>(`, `useState<T>(`).
FETCHER = rx.compile(
    r"(?i)get|post|put|patch|delete|request|fetch|json|body|decode|deserial|read|parse|call|api"
    r"|send|exchange|execute|akool|http|invoke|load|retrieve|poll|query|from|receive"
)
# What a Python constructor is given when it is the parsed answer (`r.json()`, `json.loads(...)`).
PARSED = rx.compile(r"json|loads|\.content\b|\.text\b")
# A declaration giving the statement's value a type (`let v: T =`, `val v: T =`, `T v =`,
# `v: T =`), taken when the statement parses an answer (DECODES).
DECLARED = rx.compile(
    rf"(?:\b(?:let|val|var|const)\s+(?:mut\s+)?[\w$]+|^\s*[A-Za-z_]\w*)\s*:\s*(?P<t>{TYPE})"
    rf"(?:\s*<\s*(?P<t2>{TYPE})\s*>)?\s*=(?!=)"
    rf"|^\s*(?:final\s+)?(?P<j>{TYPE})(?:\s*<\s*(?P<j2>{TYPE})\s*>)?\s+[A-Za-z_]\w*\s*=(?!=)",
    re.M,
)
DECODES = rx.compile(
    r"\.(?:json|body|bodyToMono|getBody|readEntity|to|as)\s*(?:::)?[(<]|decode|Decode|readValue"
    r"|[Dd]eserialize|fromJson|from_str|from_slice|from_value|ForObject|ForEntity|FromJson"
)
# The model a member holds, through a wrapper (`Option<T>`, `List<T>`, `T[]`, `T?`, `list[T]`).
LISTS = rx.compile(
    r"\b(?:List|Vec|list|Array|IList|IEnumerable|ICollection|Set|Sequence)\s*[<\[]|\[\]"
)
WORD = rx.compile(r"[A-Za-z_$][\w$]*")
ANNOTATION_LINE = rx.compile(r"\s*@[\w.]+(?:\(.*\))?\s*$")


def decoded_types(
    text: str, names: set[str], data: frozenset[str] = frozenset()
) -> list[tuple[str, str, str]]:
    """The types a statement's text decodes an answer into, each with its type argument
    (`Envelope<VideoData>`'s VideoData, or "") and the function given it as its own type argument
    ("" for none, DATA for a Python model of the answer's data: `VideoData(**j["data"])`, or of a
    name in `data` holding it); a Python constructor only of the parsed answer or of a name in
    `names` (`TalkReq(**params)` in a request's arguments is the request's). Worked out once per
    text and names: every call on a minified line asks of the whole line (perf30's cls400.js)."""
    found = list(_decoded_types(text, frozenset(names)))
    if data and "**" in text:  # (`Model(**data)`, data holding the answer's data)
        found += [t for t in _decoded_in(text, set(names), data) if t[2] == DATA and t not in found]
    return found


# The callee decoded_types gives a Python model of the answer's data (not of the whole answer).
DATA = "data:"


@lru_cache(maxsize=256)
def _decoded_types(text: str, names: frozenset[str]) -> tuple[tuple[str, str, str], ...]:
    return tuple(_decoded_in(text, set(names)))


def _decoded_in(
    text: str, names: set[str], data: frozenset[str] = frozenset()
) -> list[tuple[str, str, str]]:
    found: list[tuple[str, str, str]] = []
    declared: list[tuple[str, str, str]] = []
    for m in DECODED_INTO.finditer(text):
        groups = ("g", "c", "c2", "c3", "c4", "p", "k", "a", "w", "f", "ts")
        group = next(g for g in groups if m.group(g))
        if group == "g" and (
            not FETCHER.search(m.group("callee"))
            or ENCODER.match(m.group("callee"))
            or text[: m.start()].rstrip().endswith("new")
        ):
            continue
        if group in ("c", "c2") and ENCODED.search(text, max(0, m.start() - 120), m.start()):
            continue  # (the type a body is encoded by: `Json.encodeToString(T.serializer(), b)`)
        if group in ("p", "k", "c3") and not _given_answer(text, m.end(), names):
            if group in ("p", "k") and _given_data(text, m.end(), names, data):
                found.append((m.group(group), "", DATA))
            continue
        argument = m.group(f"{group}2") if group in ("g", "w", "f") else ""
        callee = m.group("callee") if group == "g" else ""
        (declared if group in ("w", "f") else found).append(
            (m.group(group), argument or "", callee)
        )
    found = found or declared  # (a method's declared answer, unless the call decodes its own)
    given = DECLARED.search(text) if not found and DECODES.search(text) else None
    if given is not None:
        t = given.group("t") or given.group("j")
        found.append((t, given.group("t2") or given.group("j2") or "", ""))
    return found


def _given_answer(text: str, opened: int, names: set[str]) -> bool:
    """Whether a constructor's arguments (from `opened` on) are a parsed answer or a name of it."""
    depth, end = 1, opened
    while end < len(text) and depth:
        depth += (text[end] == "(") - (text[end] == ")")
        end += 1
    given = text[opened:end]
    if GIVEN_DATA.search(given):
        return False  # (`Model(**j["data"])`: a model of the answer's data, not of the answer)
    return PARSED.search(given) is not None or not names.isdisjoint(WORD.findall(given))


GIVEN_DATA = rx.compile(r"""\[\s*["']data["']\s*\]|\.get\(\s*["']data["']|\.data\b""")
# A constructor's arguments that are the answer's data: `**j["data"]`, `r.json()["data"]`,
# `**data` of a name holding it (the whole argument list: not `**j["data"]["video"]`).
DATA_ARGUMENTS = rx.compile(
    r"""\s*(?:\*\*)?\s*(?P<n>[A-Za-z_]\w*)(?:\.json\(\s*\))?"""
    r"""(?P<d>\[\s*["']data["']\s*\]|\.get\(\s*["']data["'][^()]*\))?\s*\)"""
)


def _given_data(text: str, opened: int, names: set[str], data: frozenset[str]) -> bool:
    """Whether a Python model's constructor is given the answer's data: the data of a name in
    `names` (the parsed answer, `**j["data"]`, or `r.json()["data"]`), or a name in `data`."""
    m = DATA_ARGUMENTS.match(text, opened)
    if m is None:
        return False
    if m.group("d"):
        return m.group("n") in names or ".json(" in m.group(0)
    return m.group("n") in data


def model_reads(doc: Text, type_name: str, argument: str = "") -> list[Read]:
    """What an answer decoded into `type_name` reads: its members at the top, the members of
    its data member's type under data, those of a list member's item type as its items."""
    found: list[Read] = []
    _reads(doc, type_name, argument, "top", found, set())
    return found


def _reads(
    doc: Text, type_name: str, argument: str, place: str, found: list[Read], seen: set[str]
) -> None:
    if type_name in seen or len(seen) > 4:
        return
    seen.add(type_name)
    model = _members(doc, type_name)
    params = _type_parameters(doc, type_name)
    for member in model:
        held = _held(doc, member.kind, params, argument)
        listed = LISTS.search(member.kind) is not None
        if member.json.lower() == "data" and place == "top":
            if held:  # (its items when the answer's data is a list: avatar/list's)
                _reads(doc, held, "", "item:data" if listed else "data", found, seen)
            elif doc.language == "js" and member.kind.startswith("{"):
                found += _inline_reads(doc, member.offset)  # (`data: { video_url: string }`)
            continue
        if member.judged:
            line, column = doc.line_of(member.offset), doc.column(member.offset)
            found.append(Read(line, column, member.json, place, pattern=True, tag=True))
        items = _item_place(place, member.json)
        if held and listed and items:
            _reads(doc, held, "", items, found, seen)


def _members(doc: Text, type_name: str) -> tuple[dtos.Member, ...]:
    model = dtos.answer_models(doc).get(type_name)
    if model is not None:
        return model.members
    if doc.language == "js" and "{" in doc.text:
        from akool_cli.audit import tstypes

        return tuple(
            dtos.Member(n, n, at, None, _ts_type(doc, at))
            for n, at in tstypes.members(doc, type_name).items()
        )
    return ()


# A member of a TypeScript object type written inline: `video_url: string`, `url?: string`.
INLINE_MEMBER = rx.compile(r"(?<![\w$.])(?P<n>[A-Za-z_$][\w$]*)\s*\??\s*:")


def _inline_reads(doc: Text, at: int) -> list[Read]:
    """The members of the object type written inline after the member at `at` (`data: { _id:
    string; video_url: string }`), read under the answer's data (as its items after `[]`); none
    when a member of it is itself an object type written inline (its members are not the data's)."""
    opened = doc.text.find("{", at)
    close = brackets.matching(doc.text, opened, 1, len(doc.text)) if opened >= 0 else -1
    if close < 0 or "{" in doc.text[opened + 1 : close]:
        return []
    listed = doc.text[close + 1 : close + 8].lstrip().startswith("[]")  # (`{ ... }[]`: items)
    found = []
    for m in INLINE_MEMBER.finditer(doc.text, opened + 1, close):
        line, column = doc.line_of(m.start("n")), doc.column(m.start("n"))
        if "//" in doc.line_text(line)[:column] or "*" in doc.line_text(line)[:column].lstrip()[:1]:
            continue  # (a comment's `note: ...`)
        place = "item:data" if listed else "data"
        found.append(Read(line, column, m.group("n"), place, pattern=True, tag=True))
    return found


def _ts_type(doc: Text, at: int) -> str:
    m = re.compile(r"[\w$]+\s*\??\s*:\s*(?P<t>[^;,\n}]+)").match(doc.text, at)
    return m.group("t").strip() if m else ""


def _type_parameters(doc: Text, type_name: str) -> tuple[str, ...]:
    """A generic model's type parameters (`class Envelope<T>`, `struct Envelope<T>`)."""
    return _parameters_in(doc.text, type_name)


@lru_cache(maxsize=64)
def _parameters_in(text: str, type_name: str) -> tuple[str, ...]:
    # (once per file and type: a search of the file per decoded call was quadratic)
    m = re.compile(rf"\b{re.escape(type_name)}\s*<(?P<p>[\w\s,]+)>\s*[({{:]").search(text)
    return tuple(p.strip() for p in m.group("p").split(",")) if m else ()


def _held(doc: Text, kind: str, params: tuple[str, ...], argument: str) -> str:
    """The model type a member's declared type holds (the last type of the file named in it: `T`
    of `Option<T>`, `List<T>`, `T[]`, `T | None`), a type parameter standing for `argument`."""
    names: list[str] = re.findall(TYPE, kind)
    for name in reversed(names):
        if name in params:
            return argument
        if _members(doc, name):
            return name
    return ""


def _item_place(place: str, name: str) -> str:
    """The place of the items of a list member read at `place` ("item:data.result"), or ""."""
    if place == "top":
        return f"item:{name}"
    return f"item:data.{name}" if place == "data" else ""


# A line that may decode (cheap words before DECODED_INTO and DECODES run).
HINTS = (
    *("<", ".class", "::", ".self", "serializer", "typeof", "model_validate", "parse_", "**"),
    *("cast(", "type=", "type =", "fun "),
)


def decoded_reads(
    doc: Text,
    lines: list[str],
    i: int,
    statement: tuple[int, int],
    scope: ties.Scope,
    done: set[str],
) -> list[Read]:
    """What line i decodes of a call's answer into models of the file: any decoding in the call's
    own statement (its lines `statement`, with those the first continues: read at the first),
    else one on a line that names a name holding the answer (in `scope`). A model is read once
    per call (`done`)."""
    if doc.models == {} or doc.ts_types == {}:
        return []  # (known to declare no model: most files)
    own = statement[0] <= i <= statement[1]
    if (own and i > statement[0]) or not (own or scope.local or scope.lasting):
        return []
    if doc.language == "go":
        if own:
            return _go_filled(doc, lines, statement, done)
        return _go_decoded(doc, lines[i], doc.starts[i], scope, done)
    if not has_models(doc):
        return []
    text = _continued(lines, statement) if own else lines[i]
    if not _may_decode(text):
        return []
    # (not the names holding the answer's data or a part below it: `Model.model_validate(data)`
    # after `data = j["data"]` is a model of the data, as `Model(**j["data"])` is)
    names = scope.all() - scope.fields - scope.parts
    words = _words(text)
    if not own and names.isdisjoint(words) and scope.fields.isdisjoint(words):
        return []
    found: list[Read] = []
    for type_name, argument, callee in decoded_types(text, names, frozenset(scope.fields)):
        if callee == DATA:  # (`VideoData(**j["data"])`: its members are the data's fields)
            if DATA + type_name not in done:
                done.add(DATA + type_name)
                _reads(doc, type_name, "", "data", found, set())
            continue
        if callee and doc.language == "js":
            gives = helper_gives(doc.text, callee, type_name, argument)
            if gives is None:
                continue  # (a helper of the file whose answer's shape around T is not known)
            type_name, argument = gives
        if type_name not in done:
            done.add(type_name)
            found += model_reads(doc, type_name, argument)
    return found


# A generic function of the file and what it gives: `function get<T>(...): Promise<Envelope<T>>`,
# `const get = async <T,>(...): Promise<T> =>`.
GENERIC_FUNCTION = (  # (or a class's method: `private async fetchApi<T>(`, not a call `x.get<T>(`)
    r"(?:function\s*\*?\s*{name}|\b{name}\s*=\s*(?:async\s+)?(?:function\s*)?"
    r"|^[ \t]*(?:(?:public|private|protected|static|async|override)\s+)*{name})\s*"
    r"<\s*(?P<param>[A-Za-z_$][\w$]*)[^>]*>\s*\("
)
# A helper's body that returns a part of what it parsed (`return json.data`, `body["data"]`):
# its type argument is then that part's, however its return type is written.
UNWRAPS = rx.compile(r"\.data\b|\[\s*[\"']data[\"']\s*\]")
GIVES = rx.compile(
    r"\)\s*:\s*(?:Promise\s*<\s*)?(?P<outer>[A-Za-z_$][\w$.]*)\s*(?:<\s*(?P<inner>[\w$]+)\s*>)?"
)


def helper_gives(text: str, callee: str, type_name: str, argument: str) -> tuple[str, str] | None:
    """What a call of a file's own generic helper given `type_name` decodes into: as given when
    the helper is not the file's (a library's: the type is the answer), (T, "") when it gives T,
    (Envelope, T) when it gives its own generic envelope of T, None when not known (no declared
    type to give, or another shape): the type argument is then no model of the whole answer."""
    declared = re.search(GENERIC_FUNCTION.format(name=re.escape(callee)), text, re.M)
    if declared is None:
        return (type_name, argument)
    close = brackets.matching(text, declared.end() - 1, 1, min(len(text), declared.end() + 2000))
    gives = GIVES.match(text, close) if close > 0 else None
    if gives is None or _unwraps(text, gives.end()):
        return None
    param, outer, inner = declared.group("param"), gives.group("outer"), gives.group("inner")
    if outer == param and inner is None:
        return (type_name, "")
    if inner == param:
        return (outer, type_name)
    return None


def _unwraps(text: str, after: int) -> bool:
    """Whether the body that opens after a helper's declared return type reads a data member."""
    opened = text.find("{", after, after + 200)
    close = (
        brackets.matching(text, opened, 1, min(len(text), opened + 20_000)) if opened > 0 else -1
    )
    return close > 0 and UNWRAPS.search(text, opened, close) is not None


@lru_cache(maxsize=256)
def _may_decode(text: str) -> bool:
    """Whether a statement's text may decode an answer into a model (a hint or DECODES): asked
    once per text (each call on a minified line asks of the whole line)."""
    return any(h in text for h in HINTS) or DECODES.search(text) is not None


@lru_cache(maxsize=256)
def _words(text: str) -> frozenset[str]:
    """The words of a statement's text (see _may_decode)."""
    return frozenset(WORD.findall(text))


def _continued(lines: list[str], statement: tuple[int, int]) -> str:
    """A statement's lines with those its first continues and those that continue its last (`let
    v: T = c` above `.get(url)`, `.json().await?` below it)."""
    first, last = statement
    while first > max(0, statement[0] - 3) and _joined(lines[first - 1], lines[first]):
        first -= 1
    while last + 1 < min(len(lines), statement[1] + 6) and _joined(lines[last], lines[last + 1]):
        last += 1
    return "\n".join(lines[first : last + 1])


def _joined(line: str, after: str) -> bool:
    """Whether a line goes on on the next (a chain's `.x` below it, an open call or binding, an
    annotation above the method it is Retrofit's or Feign's)."""
    follows = after.lstrip().startswith((".", "?.")) or ANNOTATION_LINE.match(line) is not None
    return follows or line.rstrip().endswith(("(", ",", "=", ".", "\\", "+", "->"))


def has_models(doc: Text) -> bool:
    """Whether the file declares a type an answer could be decoded into."""
    if doc.language == "js":
        from akool_cli.audit import tstypes

        return bool(tstypes.declared_types(doc)) if "{" in doc.text else False
    return bool(dtos.answer_models(doc))


# -- Go: a helper of the file that decodes the answer into its last argument ---------------------------

# A call whose last argument is a variable's address: `call("POST", "/getToken", b, &out)`.
GO_OUT_ARGUMENT = rx.compile(
    r"\b(?P<f>[A-Za-z_]\w*)\((?P<args>[^;\n]*),\s*&(?P<n>[A-Za-z_]\w*)\s*\)"
)
GO_FUNC = r"\bfunc\s+(?:\([^)]*\)\s*)?{}\s*(?:\[[^\]]*\])?\((?P<params>[^)]*)\)"


def _go_filled(
    doc: Text, lines: list[str], statement: tuple[int, int], done: set[str]
) -> list[Read]:
    """The struct tags a call's own statement reads when it gives a helper of the file that
    decodes the answer into its last parameter (`json.NewDecoder(resp.Body).Decode(out)`) the
    address of a variable declared with a struct type (`var r tokenResp; call(..., &r)`)."""
    from akool_cli.audit.answers import go_struct_reads

    text = _continued(lines, statement)
    found: list[Read] = []
    for m in GO_OUT_ARGUMENT.finditer(text) if "&" in text else ():
        name = m.group("n")
        if name in done or not _decodes_into_last(doc, m.group("f")):
            continue
        done.add(name)
        found += go_struct_reads(doc, name, doc.starts[statement[0]] + 1)
    return found


def _decodes_into_last(doc: Text, function: str) -> bool:
    """Whether a Go function of the file decodes JSON into its last parameter (once per name)."""
    if function not in doc.go_fills:
        doc.go_fills[function] = _fills_last(doc, function)
    return doc.go_fills[function]


def _fills_last(doc: Text, function: str) -> bool:
    header = re.compile(GO_FUNC.format(re.escape(function))).search(doc.text)
    if header is None:
        return False
    params = [p.split()[0] for p in header.group("params").split(",") if p.split()]
    if not params:
        return False
    last = re.escape(params[-1])
    body = doc.text[header.end() : header.end() + 3000]
    body = body[: body.find("\nfunc ")] if "\nfunc " in body else body
    # (not `json.Unmarshal(env.Data, out)`: a model of the answer's data, not of the answer)
    decodes = rf"\.Decode\(\s*&?{last}\s*\)|Unmarshal\((?![^;\n,]*\.Data\b)[^;\n]*,\s*&?{last}\s*\)"
    return re.search(decodes, body) is not None


# A decoding into a name given as a pointer (`Decode(out)`, `json.Unmarshal(b, out)`), or its
# address; and a pointer made to a struct type (`out := new(T)`, `out := &T{}`).
GO_DECODE_INTO = rx.compile(
    r"(?:\.Decode\(\s*|\bUnmarshal\([^;\n]*?,\s*)&?(?P<n>[A-Za-z_]\w*)\s*\)"
)
GO_POINTER = rx.compile(
    r"\b(?P<n>[A-Za-z_]\w*)\s*:?=\s*(?:new\(\s*(?P<t>[A-Za-z_]\w*)\s*\)|&(?P<t2>[A-Za-z_]\w*)\s*\{)"
)


# A variable of a generic struct type given its type argument (`var out envelope[listData]`,
# `out := &envelope[listData]{}`, `new(envelope[listData])`).
GO_GENERIC = rx.compile(
    r"(?:\bvar\s+(?P<n>[A-Za-z_]\w*)\s+\*?|\b(?P<n2>[A-Za-z_]\w*)\s*:?=\s*(?:&|new\(\s*))"
    r"(?P<t>[A-Za-z_]\w*)\[\s*\*?(?P<a>[A-Za-z_]\w*)\s*\]"
)


def _go_decoded(doc: Text, line: str, start: int, scope: ties.Scope, done: set[str]) -> list[Read]:
    """The struct tags a line reads when it decodes the answer (what it reads from names in
    `scope`) into a pointer made with `new(T)` or `&T{}` (`Decode(out)`: no `&`, so not seen as
    an out-argument), or into a generic envelope (`var out envelope[listData]`: its type
    parameter's struct under data)."""
    m = GO_DECODE_INTO.search(line) if "Decode(" in line or "Unmarshal(" in line else None
    if m is None or f"go:{m.group('n')}" in done:
        return []
    if scope.all().isdisjoint(WORD.findall(line[: m.start("n")])):
        return []
    name = m.group("n")
    spots = _go_made(doc).get(name, [])
    k = bisect.bisect_left(spots, (start, "", "")) - 1
    if k < 0:
        return []
    from akool_cli.audit.answers import go_type_reads

    done.add(f"go:{name}")
    _, type_name, argument = spots[k]
    if argument:
        return go_type_reads(doc, type_name) + go_type_reads(doc, argument, "data")
    return [] if name in done else go_type_reads(doc, type_name)


def _go_made(doc: Text) -> dict[str, list[tuple[int, str, str]]]:
    """Each Go variable made a pointer to a struct or given a generic type, found once per file:
    where, its type, and its type argument ("" for none)."""
    if doc.go_made is None:
        doc.go_made = {}
        for m in GO_POINTER.finditer(doc.text):
            made = (m.start(), m.group("t") or m.group("t2"), "")
            doc.go_made.setdefault(m.group("n"), []).append(made)
        for m in GO_GENERIC.finditer(doc.text):
            made = (m.start(), m.group("t"), m.group("a"))
            doc.go_made.setdefault(m.group("n") or m.group("n2"), []).append(made)
        for spots in doc.go_made.values():
            spots.sort()
    return doc.go_made
