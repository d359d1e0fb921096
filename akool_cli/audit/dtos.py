"""Typed request objects a script serializes as a body: Java classes and records (Jackson's
`@JsonProperty("image_url")`, Gson's `@SerializedName`, or a plain field's own name), Kotlin data
classes, C# classes and records with `[JsonPropertyName("...")]`, Python dataclasses, pydantic
models and TypedDicts: the names each member is serialized under, where they are written, and
the value an instance gives each member (a constructor's arguments, an initializer, a setter, a
builder's chain, or the member's default in the class)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from akool_cli.audit import builders

if TYPE_CHECKING:
    from akool_cli.audit.fields import Text


@dataclass(frozen=True)
class Member:
    name: str  # as the code sets it (Python attribute, Java field, C# property)
    json: str  # the name it is serialized under
    offset: int  # where that name is written (the annotation's string, or the member's name)
    default: tuple[int, int] | None = None  # its default value in the class


@dataclass(frozen=True)
class Dto:
    members: tuple[Member, ...]
    positional: bool  # built with its members in order (a record, a data class, a dataclass)


# A serialized name given by an annotation or attribute.
RENAMED = re.compile(
    r"(?:JsonProperty|SerializedName|SerialName|JsonPropertyName|Json)\(\s*"
    r"(?:(?:value|name|PropertyName)\s*=\s*)?\"(?P<j>[^\"]+)\""
)
IGNORED = re.compile(r"@JsonIgnore\b|\[JsonIgnore\]|@Transient\b|\btransient\s")
# A naming policy that renames plain members: their names as written are not what is sent.
RENAMING = re.compile(
    r"NamingStrateg|FieldNamingPolicy|JsonNaming|PropertyNamingPolicy|alias_generator"
)
PY_CLASS = re.compile(
    r"^(?P<deco>(?:[ \t]*@[\w.]+(?:\([^)\n]*\))?[ \t]*\n)*)(?P<i>[ \t]*)class[ \t]+(?P<n>[A-Za-z_]\w*)"
    r"[ \t]*(?:\((?P<bases>[^)\n]*)\))?[ \t]*:",
    re.M,
)
PY_FIELD = re.compile(
    r"(?P<n>[A-Za-z]\w*)[ \t]*:[ \t]*(?P<t>[^=\n#]+?)[ \t]*(?:=[ \t]*(?P<v>[^#\n]+?))?[ \t]*(?:#.*)?$"
)
PY_DEFAULT = re.compile(r"(?:Field|field)\(\s*(?:default\s*=\s*)?")
BRACED_CLASS = re.compile(
    r"\b(?P<kind>class|record|data\s+class|struct)\s+(?P<n>[A-Z]\w*)\s*(?:<[^<>{}()]*>)?\s*(?P<p>\()?"
)
JAVA_FIELD = re.compile(
    r"(?P<mods>(?:(?:private|public|protected|final|transient|volatile|static|readonly|required"
    r"|internal|virtual)\s+)*)(?P<t>[A-Za-z_][\w.]*(?:<[^;{}()=]*>)?(?:\[\])?\??)\s+"
    r"(?P<n>[A-Za-z_]\w*)\s*(?:(?P<prop>\{\s*get\b[^}]*\})(?:\s*=\s*(?P<pv>[^;{}]+);)?"
    r"|(?:=\s*(?P<v>[^;{}]+))?;)"
)
NOT_TYPES = frozenset({"return", "throw", "new", "else", "package", "import", "using", "case"})


def dtos(doc: Text) -> dict[str, Dto]:
    """The request types the file declares, by name (worked out once per file)."""
    if doc.dtos is None:
        doc.dtos = {}
        plain = RENAMING.search(doc.text) is None
        if doc.python:
            doc.dtos.update(_python(doc, plain))
        elif doc.language in ("", "csharp", "kotlin") and (
            "class" in doc.text or "record" in doc.text
        ):
            doc.dtos.update(_braced(doc, plain and doc.language != "csharp"))
    return doc.dtos


def _python(doc: Text, plain: bool) -> dict[str, Dto]:
    found: dict[str, Dto] = {}
    by_alias = "by_alias" in doc.text
    for m in PY_CLASS.finditer(doc.text):
        bases, deco = m.group("bases") or "", m.group("deco")
        if "dataclass" not in deco and not re.search(r"\b(?:BaseModel|TypedDict)\b", bases):
            continue
        members = []
        line = doc.line_of(m.end()) + 1
        indent = len(m.group("i"))
        body = None
        while line < len(doc.starts):
            text = doc.line_text(line)
            if text.strip() and len(text) - len(text.lstrip()) <= indent:
                break
            body = body if body is not None or not text.strip() else len(text) - len(text.lstrip())
            field = PY_FIELD.match(text, body or 0) if body is not None else None
            if field is not None and len(text) - len(text.lstrip()) == body:
                members += _python_member(doc, doc.starts[line], field, plain, by_alias)
            line += 1
        found[m.group("n")] = Dto(tuple(members), "dataclass" in deco)
    return found


def _python_member(
    doc: Text, start: int, field: re.Match[str], plain: bool, by_alias: bool
) -> list[Member]:
    if "ClassVar" in field.group("t") or field.group("n") == "model_config":
        return []
    value = field.group("v")
    default = None
    if value is not None:
        at = start + field.start("v")
        inner = PY_DEFAULT.match(value)
        default = (
            (at + inner.end(), start + field.end("v")) if inner else (at, start + field.end("v"))
        )
    alias = re.search(r"\balias\s*=\s*\"(?P<j>[^\"]+)\"", value or "")
    if alias is not None and by_alias:
        at = start + field.start("v") + alias.start("j")
        return [Member(field.group("n"), alias.group("j"), at, default)]
    if alias is not None or not plain:
        return []
    return [Member(field.group("n"), field.group("n"), start + field.start("n"), default)]


def _braced(doc: Text, plain: bool) -> dict[str, Dto]:
    """Java, Kotlin and C# types: a record's or a data class's parameters, then the fields or
    properties of the body."""
    found: dict[str, Dto] = {}
    for m in BRACED_CLASS.finditer(doc.text):
        members: list[Member] = []
        end = m.end()
        if m.group("p"):
            around = doc.paren_around(m.end())
            if around is None or around[0] != m.end() - 1:
                continue
            members += _parameters(doc, around, plain)
            end = around[1]
        opened = re.compile(r"[^;{}]*?\{").match(doc.text, end)
        index = doc.container_at(opened.end() - 1) if opened else None
        if index is not None:
            members += _fields(doc, index, plain)
        if members:
            found[m.group("n")] = Dto(tuple(members), bool(m.group("p")))
    return found


def _parameters(doc: Text, around: tuple[int, int], plain: bool) -> list[Member]:
    from akool_cli.audit.fields import split_top  # (fields reads this module)

    found = []
    for a, b in split_top(doc.text, around[0] + 1, around[1] - 1):
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
        if renamed is not None:
            found.append(Member(member, renamed.group("j"), a + renamed.start("j"), value))
        elif plain:
            found.append(Member(member, member, shift + name.start(name.lastgroup or "j"), value))
    return found


def _fields(doc: Text, index: int, plain: bool) -> list[Member]:
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
        if renamed is not None:
            found.append(Member(m.group("n"), renamed.group("j"), renamed.start("j"), value))
        elif plain and not m.group("prop"):
            found.append(Member(m.group("n"), m.group("n"), m.start("n"), value))
    return found


# How an instance is made, at the start of a value: `new TalkReq(`, `TalkReq(`, `new TalkReq {`,
# `TalkReq.builder()`, `new()` (C#'s target-typed new: the declared type is the one).
MADE = re.compile(
    r"[ \t]*(?:await\s+)?(?:new\s+)?(?P<t>[A-Z]\w*)\s*(?:<[^<>;()]*>)?\s*"
    r"(?P<how>\(|\{|\.\s*builder\s*\(\s*\))"
)
MADE_IN = re.compile(r"(?<![\w.$])(?:new\s+)?[A-Z]\w*\s*(?:<[^<>;()]*>)?\s*[({.]")
DECLARED_TYPE = re.compile(
    r"(?P<t>[A-Z]\w*)\s*(?:<[^<>;()]*>)?\s+[A-Za-z_]\w*\s*=\s*new\s*\(\s*\)\s*\{?$"
)


def made(doc: Text, at: int) -> tuple[str, int] | None:
    """The request type an instance is made of at `at`, and where its arguments, initializer or
    builder chain open (the `(` or `{`)."""
    serialized = builders.SERIALIZER.match(doc.text, at)  # mapper.writeValueAsString(new T(..))
    m = MADE.match(doc.text, serialized.end() if serialized else at)
    if m is None or m.group("t") not in dtos(doc):
        return None
    return m.group("t"), m.start("how")
