"""Typed request objects a script serializes as a body: Java classes and records (Jackson's
`@JsonProperty("image_url")`, Gson's `@SerializedName`, or a plain field's own name), Kotlin data
classes, C# classes and records with `[JsonPropertyName("...")]`, Python dataclasses, pydantic
models and TypedDicts: the names each member is serialized under, where they are written, and
the value an instance gives each member (a constructor's arguments, an initializer, a setter, a
builder's chain, or the member's default in the class)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, TypeVar

from akool_cli.audit import builders, rx

if TYPE_CHECKING:
    from akool_cli.audit.fields import Text

KeyT = TypeVar("KeyT")  # (fields.Key, which imports this module)


@dataclass(frozen=True)
class Member:
    name: str  # as the code sets it (Python attribute, Java field, C# property)
    json: str  # the name it is serialized under
    offset: int  # where that name is written (the annotation's string, or the member's name)
    default: tuple[int, int] | None = None  # its default value in the class
    kind: str = ""  # its declared type, as written (`VideoData`, `List<Item>`, `Option<String>`)
    judged: bool = True  # False: its JSON name is the serializer's policy's (C#'s plain members)


@dataclass(frozen=True)
class Dto:
    members: tuple[Member, ...]
    positional: bool  # built with its members in order (a record, a data class, a dataclass)


# A serialized name given by an annotation or attribute.
RENAMED = rx.compile(
    r"(?:JsonProperty|SerializedName|SerialName|JsonPropertyName|Json)\(\s*"
    r"(?:(?:value|name|PropertyName)\s*=\s*)?\"(?P<j>[^\"]+)\""
)
IGNORED = rx.compile(r"@JsonIgnore\b|\[JsonIgnore\]|@Transient\b|\btransient\s")
# A naming policy that renames plain members: their names as written are not what is sent.
RENAMING = rx.compile(
    r"NamingStrateg|FieldNamingPolicy|JsonNaming|PropertyNamingPolicy|alias_generator"
)
PY_CLASS = rx.compile(
    r"^(?P<deco>(?:[ \t]*@[\w.]+(?:\([^)\n]*\))?[ \t]*\n)*)(?P<i>[ \t]*)class[ \t]+(?P<n>[A-Za-z_]\w*)"
    r"[ \t]*(?:\((?P<bases>[^)\n]*)\))?[ \t]*:",
    re.M,
)
PY_FIELD = rx.compile(
    r"(?P<n>[A-Za-z]\w*)[ \t]*:[ \t]*(?P<t>[^=\n#]+?)[ \t]*(?:=[ \t]*(?P<v>[^#\n]+?))?[ \t]*(?:#.*)?$"
)
# pydantic's alias a dump by alias writes: `serialization_alias=` first, else `alias=`.
PY_ALIAS = rx.compile(r"(?<![\w])alias\s*=\s*\"(?P<j>[^\"]+)\"")
PY_DUMPED_ALIAS = rx.compile(r"\bserialization_alias\s*=\s*\"(?P<j>[^\"]+)\"")
PY_READ_ALIAS = rx.compile(r"\bvalidation_alias\s*=\s*\"(?P<j>[^\"]+)\"")  # (what is read)
PY_DEFAULT = rx.compile(r"(?:Field|field)\(\s*(?:default\s*=\s*)?")
BRACED_CLASS = rx.compile(
    r"\b(?P<kind>class|record|data\s+class|struct)\s+(?P<n>[A-Z]\w*)\s*(?:<[^<>{}()]*>)?\s*(?P<p>\()?"
)
# (a type starts no word or dotted run midway, where a match from the run's start is found first:
# tried from each letter of `j.data.data...video`, its `[\w.]*` read the run to its end each
# time, quadratic: break21g #31)
JAVA_FIELD = rx.compile(
    r"(?P<mods>(?:(?:private|public|protected|final|transient|volatile|static|readonly|required"
    r"|internal|virtual)\s+)*)(?P<t>(?<![A-Za-z0-9_])(?<![A-Za-z0-9_]\.)"
    r"[A-Za-z_][\w.]*(?:<[^;{}()=]*>)?(?:\[\])?\??)\s+"
    r"(?P<n>[A-Za-z_]\w*)\s*(?:(?P<prop>\{\s*get\b[^}]*\})(?:\s*=\s*(?P<pv>[^;{}]+);)?"
    r"|(?:=\s*(?P<v>[^;{}]+))?;)"
)
NOT_TYPES = frozenset({"return", "throw", "new", "else", "package", "import", "using", "case"})


def dtos(doc: Text) -> dict[str, Dto]:
    """The request types the file declares, by name (worked out once per file)."""
    if doc.dtos is None:
        doc.dtos = _declared(doc, answer=False)
    return doc.dtos


def answer_models(doc: Text) -> dict[str, Dto]:
    """The same types read as models an answer is decoded into: pydantic's `validation_alias`
    or `alias` names a member, and a member named by the serializer's policy (C#'s plain
    properties) is kept to walk through (`Data` to the answer's data), not judged."""
    if doc.models is None:  # (Python: the same classes as dtos(), read apart)
        doc.models = {} if doc.python and not dtos(doc) else _declared(doc, answer=True)
    return doc.models


def _declared(doc: Text, answer: bool) -> dict[str, Dto]:
    plain = RENAMING.search(doc.text) is None
    if doc.python:
        return _python(doc, plain, answer)
    if doc.language == "rust" and "struct" in doc.text:
        return _serde(doc)
    if doc.language in ("", "csharp", "kotlin") and ("class" in doc.text or "record" in doc.text):
        policy = web_policy(doc.text) if doc.language == "csharp" and not answer else None
        found = _braced(doc, plain and doc.language != "csharp", answer, policy)
        return _lower_case_judged(found) if answer and plain and doc.language == "csharp" else found
    return {}


def _lower_case_judged(found: dict[str, Dto]) -> dict[str, Dto]:
    """C#'s answer models with their plain members written in lower case judged by their names
    (`record VideoInfo(string _id, int video_status, string video_url)`): System.Text.Json's web
    defaults (GetFromJsonAsync's: camelCase, any letter case read) and Newtonsoft's (any case)
    both read such a member from the key of its own name. A PascalCase member (`VideoUrl`) reads
    `videoUrl`, unless options set another policy: not judged."""
    return {
        name: replace(
            dto,
            members=tuple(
                replace(m, judged=True) if not m.judged and _lower_case(m.name) else m
                for m in dto.members
            ),
        )
        for name, dto in found.items()
    }


def _lower_case(name: str) -> bool:
    return name == name.lower() and any(c.isalpha() for c in name)


def _python(doc: Text, plain: bool, answer: bool) -> dict[str, Dto]:
    found: dict[str, Dto] = {}
    by_alias = "by_alias" in doc.text or answer
    for m in PY_CLASS.finditer(doc.text):
        bases, deco = m.group("bases") or "", m.group("deco")
        if "dataclass" not in deco and not re.search(r"\b(?:BaseModel|TypedDict)\b", bases):
            continue
        members = []
        line = doc.line_of(m.end()) + 1
        indent = len(m.group("i"))
        body = None
        fields: list[tuple[int, re.Match[str]]] = []
        while line < len(doc.starts):
            text = doc.line_text(line)
            if text.strip() and len(text) - len(text.lstrip()) <= indent:
                break
            body = body if body is not None or not text.strip() else len(text) - len(text.lstrip())
            field = PY_FIELD.match(text, body or 0) if body is not None else None
            if field is not None and len(text) - len(text.lstrip()) == body:
                fields.append((doc.starts[line], field))
            line += 1
        named = _generated_names(doc, m.end(), doc.starts[line] if line < len(doc.starts) else None)
        named = named if by_alias and not answer else None
        for start, field in fields:
            members += _python_member(
                doc, start, field, plain or named is not None, by_alias, answer
            )
        if named is not None:  # (each member without an alias of its own: the generator's name)
            members = [replace(x, json=named(x.json)) if _unaliased(doc, x) else x for x in members]
        found[m.group("n")] = Dto(tuple(members), "dataclass" in deco)
    return found


# A pydantic model's own alias generator, one of pydantic's (`model_config = ConfigDict(
# alias_generator=to_camel)`, `{"alias_generator": to_pascal}`): with a dump by alias, each member
# without an alias of its own is sent under the generated name (recall28c's request:
# known-naming-policy-not-applied). Any other generator says nothing certain: left unread.
ALIAS_GENERATOR = rx.compile(
    r"alias_generator[\"']?\s*[=:]\s*(?:[\w.]*\.)?(?P<g>to_camel|to_pascal)\b"
)


def _generated_names(doc: Text, start: int, end: int | None) -> Callable[[str], str] | None:
    found = ALIAS_GENERATOR.search(doc.text, start, len(doc.text) if end is None else end)
    if found is None:
        return None
    return _to_camel if found.group("g") == "to_camel" else _to_pascal


def _unaliased(doc: Text, member: Member) -> bool:
    """Whether a member is sent under its own name: written at its annotation (`video_url: str`),
    not at an alias of its own (`alias="video_url"`, which the generator does not override)."""
    return (
        member.json == member.name and MEMBER_ANNOTATION.match(doc.text, member.offset) is not None
    )


MEMBER_ANNOTATION = rx.compile(r"[A-Za-z_]\w*[ \t]*:")


def _to_pascal(snake: str) -> str:
    """pydantic.alias_generators.to_pascal: `video_url` -> `VideoUrl`."""
    return re.sub(r"([0-9A-Za-z])_(?=[0-9A-Z])", lambda m: m.group(1), snake.title())


def _to_camel(snake: str) -> str:
    """pydantic.alias_generators.to_camel: `video_url` -> `videoUrl` (a name already camel stays)."""
    if re.match(r"^[a-z]+[A-Za-z0-9]*$", snake) and not re.search(r"\d[a-z]", snake):
        return snake
    return re.sub(r"(^_*[A-Z])", lambda m: m.group(1).lower(), _to_pascal(snake))


# A pydantic field model_dump() leaves out (`Field(default="", exclude=True)`), as Jackson's
# @JsonIgnore or Go's `json:"-"` are left out (IGNORED).
PY_EXCLUDED = rx.compile(r"\bField\((?:[^()]|\([^()]*\))*\bexclude\s*=\s*True\b")


def _python_member(
    doc: Text, start: int, field: re.Match[str], plain: bool, by_alias: bool, answer: bool
) -> list[Member]:
    if "ClassVar" in field.group("t") or field.group("n") == "model_config":
        return []
    if not answer and PY_EXCLUDED.search(field.group("v") or ""):
        return []  # (pydantic's `Field(exclude=True)`: never dumped, so never sent)
    value = field.group("v")
    default = None
    if value is not None:
        at = start + field.start("v")
        inner = PY_DEFAULT.match(value)
        default = (
            (at + inner.end(), start + field.end("v")) if inner else (at, start + field.end("v"))
        )
    first = PY_READ_ALIAS if answer else PY_DUMPED_ALIAS
    alias = first.search(value or "") or PY_ALIAS.search(value or "")
    kind = field.group("t").strip()
    if alias is not None and by_alias:
        at = start + field.start("v") + alias.start("j")
        return [Member(field.group("n"), alias.group("j"), at, default, kind)]
    if alias is not None or not plain:
        return []
    at = start + field.start("n")
    return [Member(field.group("n"), field.group("n"), at, default, kind)]


def _braced(
    doc: Text, plain: bool, answer: bool, policy: Callable[[str], str] | None = None
) -> dict[str, Dto]:
    """Java, Kotlin and C# types: a record's or a data class's parameters, then the fields or
    properties of the body (a plain C# member under the name `policy` gives it, when known)."""
    found: dict[str, Dto] = {}
    for m in BRACED_CLASS.finditer(doc.text):
        members: list[Member] = []
        end = m.end()
        if m.group("p"):
            around = doc.paren_around(m.end())
            if around is None or around[0] != m.end() - 1:
                continue
            members += _parameters(doc, around, plain, answer, policy)
            end = around[1]
        opened = re.compile(r"[^;{}]*?\{").match(doc.text, end)
        index = doc.container_at(opened.end() - 1) if opened else None
        if index is not None:
            members += _fields(doc, index, plain, answer, policy)
        if members:
            found[m.group("n")] = Dto(tuple(members), bool(m.group("p")))
    return found


def _parameters(
    doc: Text,
    around: tuple[int, int],
    plain: bool,
    answer: bool,
    policy: Callable[[str], str] | None = None,
) -> list[Member]:
    from akool_cli.audit.fields import split_top  # (fields reads this module)

    found = []
    for a, b in _generic_whole(doc.text, split_top(doc.text, around[0] + 1, around[1] - 1)):
        part = doc.text[a:b]
        name = re.search(
            r"(?:\b(?:val|var)\s+(?P<k>[A-Za-z_]\w*)\s*:|(?P<j>[A-Za-z_]\w*)\s*(?:=|$))",
            part.strip(),
        )
        if name is None or IGNORED.search(part):
            continue
        shift = a + len(part) - len(part.lstrip())
        member = name.group("k") or name.group("j")
        default = re.search(r"=\s*(?P<v>.+?)\s*$", part, re.S)
        value = (a + default.start("v"), a + default.end("v")) if default else None
        renamed = RENAMED.search(part)
        kind = _parameter_type(part.strip(), name)
        at = shift + name.start(name.lastgroup or "j")
        if renamed is not None:
            found.append(Member(member, renamed.group("j"), a + renamed.start("j"), value, kind))
        elif policy is not None:
            found.append(Member(member, policy(member), at, value, kind))
        elif plain or answer:
            found.append(Member(member, member, at, value, kind, judged=plain))
    return found


def _generic_whole(text: str, parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Parameters split at top-level commas, those inside a generic type's angle brackets joined
    again (`Map<String, Object> data` is one parameter, not `Map<String` and `Object> data`)."""
    joined: list[tuple[int, int]] = []
    depth = 0
    for a, b in parts:
        if depth > 0 and joined:
            joined[-1] = (joined[-1][0], b)
        else:
            joined.append((a, b))
        depth += text.count("<", a, b) - text.count(">", a, b) + text.count("->", a, b)
        depth = max(depth, 0)
    return joined


def _parameter_type(part: str, name: re.Match[str]) -> str:
    """The type a parameter is declared with: after its name (Kotlin's `val data: VideoData`)
    or before it (`VideoData data`, `[property: JsonPropertyName("x")] int Status`)."""
    if name.group("k"):
        return part[name.end() :].split("=")[0].strip()
    before = re.sub(r"@[\w.]+(?:\([^()]*\))?|\[[^\[\]]*\]", " ", part[: name.start()])
    words = before.split()
    return words[-1] if words else ""


def _fields(
    doc: Text, index: int, plain: bool, answer: bool, policy: Callable[[str], str] | None = None
) -> list[Member]:
    """The fields (Java) or properties (C#) directly in a type's body."""
    c = doc.containers[index]
    found = []
    last = c.start + 1
    for m in JAVA_FIELD.finditer(doc.text, c.start + 1, c.end):
        lead_start, last = last, m.end()
        if doc.innermost(m.start("n")) != index or m.group("t") in NOT_TYPES:
            continue
        lead = doc.text[lead_start : m.start()]
        notes_start = lead_start + max(lead.rfind(";"), lead.rfind("}")) + 1
        notes = doc.text[notes_start : m.start()] + m.group("mods")
        if "static" in m.group("mods") or IGNORED.search(notes):
            continue
        v = "pv" if m.group("pv") else "v"
        value = (m.start(v), m.end(v)) if m.group(v) else None
        renamed = RENAMED.search(doc.text, notes_start, m.start())
        n, kind = m.group("n"), m.group("t")
        if renamed is not None:
            found.append(Member(n, renamed.group("j"), renamed.start("j"), value, kind))
        elif policy is not None and m.group("prop"):  # (C#'s property, serialized by the policy)
            found.append(Member(n, policy(n), m.start("n"), value, kind))
        elif (plain and not m.group("prop")) or answer:
            judged = plain and not m.group("prop")
            found.append(Member(n, n, m.start("n"), value, kind, judged))
    return found


# How an instance is made, at the start of a value: `new TalkReq(`, `TalkReq(`, `new TalkReq {`,
# `TalkReq.builder()`, `new()` (C#'s target-typed new: the declared type is the one).
MADE = rx.compile(
    r"[ \t]*(?:await\s+)?(?:new\s+)?(?P<t>[A-Z]\w*)\s*(?:<[^<>;()]*>)?\s*"
    r"(?P<how>\(|\{|\.\s*builder\s*\(\s*\))"
)
MADE_IN = rx.compile(r"(?<![\w.$])(?:new\s+)?[A-Z]\w*\s*(?:<[^<>;()]*>)?\s*[({.]")
DECLARED_TYPE = rx.compile(
    r"(?P<t>[A-Z]\w*)\s*(?:<[^<>;()]*>)?\s+[A-Za-z_]\w*\s*=\s*new\s*\(\s*\)\s*\{?$"
)


# Kotlin's copy of a data class's instance held in a name (`base.copy(scale = "1:1")`): the
# instance's type, its arguments those the copy gives (the others: the original's).
COPIED = rx.compile(r"[ \t]*(?P<n>[A-Za-z_]\w*)\s*\.\s*copy\s*(?P<how>\()")


def made(doc: Text, at: int, copies: int = 0) -> tuple[str, int] | None:
    """The request type an instance is made of at `at`, and where its arguments, initializer or
    builder chain open (the `(` or `{`)."""
    serialized = builders.SERIALIZER.match(doc.text, at)  # mapper.writeValueAsString(new T(..))
    m = MADE.match(doc.text, serialized.end() if serialized else at)
    if m is None and copies < 2 and doc.language == "kotlin":
        copied = COPIED.match(doc.text, at)
        spot = doc.last_assignment(copied["n"], at) if copied is not None else None
        original = made(doc, spot[1], copies + 1) if copied is not None and spot else None
        return (original[0], copied.start("how")) if copied and original else None
    if m is None or m.group("t") not in dtos(doc):
        return None
    return m.group("t"), m.start("how")


# System.Net.Http.Json's senders (`PostAsJsonAsync(path, value)`, `JsonContent.Create(value)`)
# serialize with JsonSerializerDefaults.Web: camelCase names. A file that also serializes another
# way (JsonSerializer.Serialize's default keeps the names, Newtonsoft's too) or gives options
# (which may set any policy, or none) leaves a plain member's name unknown, except for the policy
# it names (`PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower`) when it names one alone.
WEB_SENDER = rx.compile(
    r"\b(?:Post|Put|Patch)AsJsonAsync\s*(?:<[^<>()]*>)?\(|\bJsonContent\.Create\b"
)
OTHER_SERIALIZER = rx.compile(
    r"\bJsonSerializer\.Serialize|\bJsonConvert\.|\bSerializeObject\b|\bJsonSerializerOptions\b"
    r"|\bJsonNamingPolicy\b|\[JsonNaming|NamingStrategy|JsonSerializerContext"
)
NAMED_POLICY = rx.compile(r"\bPropertyNamingPolicy\s*=\s*JsonNamingPolicy\.(?P<p>\w+)")
POLICIES: dict[str, Callable[[str], str]] = {}  # (filled below: JsonNamingPolicy's, by name)


def web_policy(text: str) -> Callable[[str], str] | None:
    """The naming policy a C# file's plain members are certainly sent under, if one is (worked
    out once per text: every request of a file asks, and a search of the whole text for each of
    2,000 calls took a minute)."""
    if text is not _POLICY.text:
        _POLICY.text, _POLICY.policy = text, _web_policy(text)
    return _POLICY.policy


class _Policy:
    """The last text asked about and its policy."""

    text: str | None = None
    policy: Callable[[str], str] | None = None


_POLICY = _Policy()
OTHER_WORDS = ("JsonSerializer", "JsonConvert", "SerializeObject", "JsonNaming", "NamingStrategy")


def _web_policy(text: str) -> Callable[[str], str] | None:
    if WEB_SENDER.search(text) is None:
        return None
    if not any(w in text for w in OTHER_WORDS) or OTHER_SERIALIZER.search(text) is None:
        return _json_camel
    named = {m.group("p") for m in NAMED_POLICY.finditer(text)}
    if len(named) != 1 or "JsonConvert." in text or "JsonSerializer.Serialize" in text:
        return None
    return POLICIES.get(named.pop())


def _json_camel(name: str) -> str:
    """JsonNamingPolicy.CamelCase: the leading capitals lower-cased, the last of a run that goes
    on in lower case kept (`TalkingPhotoUrl` -> `talkingPhotoUrl`, `URLValue` -> `urlValue`)."""
    run = re.match(r"[A-Z]+", name)
    if run is None:
        return name
    k = run.end()
    if 1 < k < len(name) and name[k].islower():
        k -= 1
    return name[:k].lower() + name[k:]


def _json_snake(name: str) -> str:
    """JsonNamingPolicy.SnakeCaseLower: words split at case changes (`TalkingPhotoUrl` ->
    `talking_photo_url`, `URLValue` -> `url_value`)."""
    words = re.findall(r"[A-Z]+(?=[A-Z][a-z]|\d|\b|_)|[A-Z]?[a-z]+|[A-Z]+|\d+", name)
    return "_".join(w.lower() for w in words) if words else name


POLICIES.update(CamelCase=_json_camel, SnakeCaseLower=_json_snake)


# -- Rust: serde structs ---------------------------------------------------------------------------

RUST_STRUCT = rx.compile(r"\bstruct\s+(?P<n>[A-Z]\w*)\s*(?:<[^<>{};]*>)?\s*\{")
SERDE = rx.compile(r"#\[serde\((?P<a>[^\]]*)\)\]")
SERDE_RENAME = rx.compile(r"\brename\s*=\s*\"(?P<j>[^\"]+)\"")
SERDE_DROPS = rx.compile(r"\b(?:skip|skip_serializing|flatten)\b(?!_if)")
SERDE_RENAME_ALL = rx.compile(r"\brename_all\s*=\s*\"(?P<case>[^\"]+)\"")
RUST_LEAD = rx.compile(r"\s*(?:#\[[^\]]*\]|//[^\n]*)")  # an attribute or a comment
RUST_MEMBER = rx.compile(r"\s*(?:pub(?:\([^)]*\))?\s+)?(?P<n>r#\w+|[A-Za-z_]\w*)\s*:")


def _serde(doc: Text) -> dict[str, Dto]:
    """Rust structs: each field under its serde name (`#[serde(rename = "...")]`, the struct's
    `rename_all` case, or the field's own name)."""
    from akool_cli.audit.fields import split_top  # (fields reads this module)

    found: dict[str, Dto] = {}
    for m in RUST_STRUCT.finditer(doc.text):
        index = doc.container_at(m.end() - 1)
        if index is None:
            continue
        c = doc.containers[index]
        head = doc.text[max(0, m.start() - 300) : m.start()]
        head = head[max(head.rfind("}"), head.rfind(";")) + 1 :]
        case = SERDE_RENAME_ALL.search(head)
        members = []
        for a, b in split_top(doc.text, c.start + 1, c.end):
            member = _serde_member(doc, a, b, case.group("case") if case else "")
            members += [member] if member is not None else []
        found[m.group("n")] = Dto(tuple(members), False)
    return found


def _serde_member(doc: Text, a: int, b: int, case: str) -> Member | None:
    """A struct field between a and b, after its attributes and comments."""
    at, renamed = a, None
    while (lead := RUST_LEAD.match(doc.text, at, b)) is not None and lead.end() > at:
        attribute = SERDE.search(doc.text, lead.start(), lead.end())
        if attribute is not None and SERDE_DROPS.search(attribute.group("a")):
            return None
        if attribute is not None:
            renamed = SERDE_RENAME.search(attribute.group("a")) or renamed
            shift = attribute.start("a")
        at = lead.end()
    field = RUST_MEMBER.match(doc.text, at, b)
    if field is None:
        return None
    name = field.group("n").removeprefix("r#")
    kind = doc.text[field.end() : b].strip()
    if renamed is not None:
        return Member(name, renamed.group("j"), shift + renamed.start("j"), None, kind)
    return Member(name, recased(name, case), field.start("n"), None, kind)


def recased(name: str, case: str) -> str:
    """A snake_case name in serde's `rename_all` case ("" keeps it)."""
    words = [w for w in name.split("_") if w]
    if not case or not words:
        return name
    if case == "camelCase":
        return words[0] + "".join(w.capitalize() for w in words[1:])
    if case == "PascalCase":
        return "".join(w.capitalize() for w in words)
    if case in ("kebab-case", "SCREAMING-KEBAB-CASE"):
        joined = "-".join(words)
        return joined.upper() if case.startswith("SCREAMING") else joined
    if case == "SCREAMING_SNAKE_CASE":
        return name.upper()
    return name.lower() if case in ("lowercase", "snake_case") else name.upper()


# -- A name declared with a type of the file, and that type's members --------------------------------

# `TalkReq r` (Java, C#: a parameter or a local), `r: TalkReq` / `r: &TalkReq` (Kotlin, Python,
# TypeScript, Rust, Swift), `r TalkReq` / `r *TalkReq` / `var r TalkReq` (Go).
TYPE_FIRST = rx.compile(
    r"\b(?P<t>[A-Z]\w*)(?:<[^<>;(){}=]*>)?\??[ \t]+(?P<n>[a-z_]\w*)[ \t]*(?=[,)=;]|$)", re.M
)
NAME_FIRST = rx.compile(
    r"(?<![\w.\"'$])(?P<n>[A-Za-z_]\w*)[ \t]*\??:[ \t]*&?(?:'\w+[ \t]+)?(?:mut[ \t]+)?"
    r"(?P<t>[A-Z]\w*)\b(?![ \t]*[.(<\[])"
)
# A member that says a type holds how a request is sent (an options type), not what it sends.
OPTION_MEMBERS = frozenset(
    {"method", "headers", "header", "body", "timeout", "baseurl", "params", "query", "redirect"}
    | {"signal", "auth", "cookies", "proxies", "verify", "responsetype", "withcredentials"}
)
GO_NAME_TYPE = rx.compile(r"\b(?P<n>[a-z_]\w*)[ \t]+\*?(?P<t>[A-Za-z_]\w*)[ \t]*(?=[,)]|$)", re.M)


def declared_key(make: Callable[..., KeyT], member: Member) -> KeyT:
    """The key a member of a type declared as a request's body sends (Retrofit's `@Body`): at its
    JSON name, its value the member's default in the class when it has one (what every call
    that leaves it out sends: `val resolution: String = "720p"`), shared by every call."""
    start, end = member.default or (member.offset, member.offset)
    return make(member.json, member.offset, start, end, raw=member.default is None, shared=True)


def members_of(doc: Text, type_name: str) -> tuple[Member, ...]:
    """The members a type of the file is serialized with (a request type of dtos(), a Go struct's
    tagged fields, a TypeScript type's members), by their JSON names; () for another type."""
    dto = dtos(doc).get(type_name)
    if dto is not None:
        return dto.members
    if doc.language == "go":
        return tuple(Member(f.go, f.json, f.offset) for f in doc.structs.get(type_name, ()))
    if doc.language == "js" and "{" in doc.text:
        from akool_cli.audit import tstypes  # (tstypes reads fields, which reads this module)

        return tuple(Member(n, n, at) for n, at in tstypes.members(doc, type_name).items())
    return ()


def declared_type(doc: Text, name: str, before: int) -> str | None:
    """The type of the file `name` is declared with last before `before` (a parameter `r:
    TalkReq`, a local `TalkReq r;`), when that declaration is the one in effect there."""
    if doc.typed_names is None:
        doc.typed_names = _declarations(doc)
    spots = doc.typed_names.get(name, [])
    k = bisect.bisect_left(spots, (before, "")) - 1
    if k < 0 or before - spots[k][0] > 20000:
        return None
    at, type_name = spots[k]
    line, used = doc.line_of(at), doc.line_of(before)
    if doc.scopes is None or doc.scopes.visible(name, line, used, doc.column(at)):
        return type_name
    # (an expression body on the lines below its header, `T Create(TalkReq r) =>`, is read as
    # the top level's)
    return type_name if used - line <= 3 and doc.scopes.at(used) == -1 else None


def _declarations(doc: Text) -> dict[str, list[tuple[int, str]]]:
    """Each name declared with a type of the file that has members: where, and which type."""
    found: dict[str, list[tuple[int, str]]] = {}
    if not (dtos(doc) or doc.structs or doc.language == "js"):
        return found  # (no type of the file has members)
    patterns = (
        (GO_NAME_TYPE,)
        if doc.language == "go"
        else (NAME_FIRST,)
        if doc.python or doc.language in ("js", "kotlin", "rust", "swift")
        else (TYPE_FIRST, NAME_FIRST)
    )
    known: dict[str, bool] = {}
    for pattern in patterns:
        for m in pattern.finditer(doc.text):
            t = m.group("t")
            if t not in known:
                known[t] = bool(members_of(doc, t))
            if known[t]:
                found.setdefault(m.group("n"), []).append((m.start("n"), t))
    for spots in found.values():
        spots.sort()
    return found


# What a typed name may be given to inside the call and still be sent whole: a serializer or a
# body setter (`JSON.stringify(r)`, `setBody(r)`, `.json(r)`, `JsonContent.Create(r)`), or a
# method of its own that gives its fields (`r.model_dump()`). Any other function (`toWire(opts)`)
# sends what it makes of the object, not its members.
SENDS_WHOLE = frozenset(
    {"stringify", "Marshal", "MarshalIndent", "dumps", "asdict", "jsonEncode", "json_encode"}
    | {"encodeToString", "toJson", "writeValueAsString", "writeValueAsBytes", "to_string"}
    | {"to_vec", "to_value", "json", "setBody", "SetBody", "body", "ofString", "Create"}
    | {"HttpEntity", "create", "StringContent", "Serialize", "SerializeObject", "send"}
    | {"jsonable_encoder", "fromValue", "bodyValue", "syncBody", "encode", "valueToTree"}
)
OWN_DUMP = rx.compile(
    r"\s*\.\s*(?:model_dump(?:_json)?|dict|json|to_dict|toJson|toJSON|serialize|__dict__)\b"
)
CHAIN_LINK = rx.compile(r"\s*\.\s*[A-Za-z_]\w*\s*(?:::<[^<>()]*>)?\s*\(")
CALLEE_BEFORE = rx.compile(r"(?P<f>[A-Za-z_$][\w$]*)\s*(?:<[^<>()]*>)?\s*$")


def sent_whole(doc: Text, name: str, opened: int) -> bool:
    """Whether a call whose arguments open at `opened` gives `name` whole: an argument itself
    (or a key's value in an options literal), inside a serializer or body setter, or followed
    by a method that dumps its fields; not inside another function (`toWire(opts)`)."""
    around = doc.paren_around(opened + 1) if doc.text[opened : opened + 1] == "(" else None
    end = _chain_end(doc, around[1]) if around and around[0] == opened else opened + 2000
    for m in re.finditer(rf"(?<![\w$.]){re.escape(name)}\b", doc.text[opened:end]):
        at = opened + m.start()
        if OWN_DUMP.match(doc.text, at + len(name)):
            return True
        inner = doc.paren_around(at)
        if inner is None or inner[0] == opened:
            return True
        callee = CALLEE_BEFORE.search(doc.text, max(0, inner[0] - 60), inner[0])
        if callee is not None and callee.group("f") in SENDS_WHOLE:
            return True
    return False


def _chain_end(doc: Text, end: int) -> int:
    """The end of the call chain a call's closing parenthesis goes on into (reqwest's
    `.post(url).json(r).send()`)."""
    for _ in range(8):
        link = CHAIN_LINK.match(doc.text, end)
        around = doc.paren_around(link.end()) if link else None
        if around is None or link is None or around[0] != link.end() - 1:
            break
        end = around[1]
    return end
