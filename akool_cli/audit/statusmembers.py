"""Status fields read through a typed answer model's members (C#, Java and Kotlin classes and
records, Go structs): `env.Data.VideoStatus`, `env.code()`, `res.getData().getVideoStatus()`,
each with its member's declaration, which the answer rules tie to the call decoded into it."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from akool_cli.audit import dtos, rx
from akool_cli.audit.fields import Text

# A member read on a chain from a name: `env.Data.VideoStatus`, `env!.Code`, `env?.data?.code`,
# `env.data().videoStatus()`, `res.getData().getVideoStatus()` (the root name is group r).
CHAIN = rx.compile(r"(?<![\w$.])(?P<r>[A-Za-z_]\w*)(?:[!?]?\.[A-Za-z_]\w*(?:\(\s*\))?)*[!?]?\.$")
CHAIN_ROOT = r"(?:await\s+|try\s+)?(?P<r>[A-Za-z_]\w*)(?:[!?]?\.[A-Za-z_]\w*(?:\(\s*\))?)+"
LOOK_BACK = 80  # lines: where the chain's root name is declared or bound
GO_STRUCT = rx.compile(r"\btype\s+(?P<name>[A-Za-z_]\w*)\s+struct\s*\{")
# A database entity of the app (JPA's `@Entity`, EF's `[Table]` or `DbSet<T>`): its own record.
ENTITY = (
    r"(?:@Entity\b|@Table\b|@Document\b|\[Table\b)[^{;]*?\b(?:class|record)\s+NAME\b"
    r"|\bDbSet\s*<\s*NAME\s*>"
)


@dataclass(frozen=True)
class MemberRead:
    start: int  # where the member's name starts
    end: int  # where the read ends (after `()` for an accessor or a getter)
    # (line, column) of the member's declaration, which the answer rules tie to the call decoded
    # into its model; None for Swift's Codable structs, which they do not read
    declared: tuple[int, int] | None


@dataclass(frozen=True)
class Model:
    members: dict[str, tuple[str, int]]  # name in the code: (JSON name, where it is written)
    held: str  # the text of its members' types


def member_reads(
    doc: Text, text: str, lines: list[str], starts: list[int], name: str
) -> list[MemberRead]:
    """The reads of the members the file's answer models serialize as `name`, on a chain whose
    root is declared with, or bound to a decoding into, a model holding such a member: each
    with that model's declaration of it (another model's member of the same name is not it)."""
    if doc.language not in ("", "csharp", "kotlin", "go", "swift"):
        return []
    models = _models(doc)
    declaring = {t: _declares(model, name) for t, model in models.items()}
    declaring = {t: named for t, named in declaring.items() if named}
    if not declaring:
        return []
    holders = _holders(doc.text, models, declaring)
    found = []
    for member in sorted({m for named in declaring.values() for m in named}):
        for m in re.finditer(_read_pattern(member, doc.language), text):
            i = bisect.bisect_right(starts, m.start("m")) - 1
            chain = CHAIN.search(lines[i], 0, m.start("m") - starts[i])
            bound = _bound_types(lines, i, chain.group("r"), holders) if chain else []
            at = next((declaring[t][member] for t in bound if member in declaring.get(t, {})), None)
            if at is not None:
                declared = (doc.line_of(at), doc.column(at)) if doc.language != "swift" else None
                found.append(MemberRead(m.start("m"), m.end(), declared))
    return found


def _models(doc: Text) -> dict[str, Model]:
    """The file's model types (Go structs with their JSON tags, Swift's Codable structs;
    answer_models() elsewhere)."""
    if doc.language == "swift":
        return _swift_models(doc)
    if doc.language != "go":
        return {
            t: Model(
                {m.name: (m.json, m.offset) for m in dto.members},
                " ".join(m.kind for m in dto.members),
            )
            for t, dto in dtos.answer_models(doc).items()
        }
    found = {}
    for m in GO_STRUCT.finditer(doc.text):
        index = doc.container_at(m.end() - 1)
        c = doc.containers[index] if index is not None else None
        members = {f.go: (f.json, f.offset) for f in doc.structs.get(m.group("name"), [])}
        found[m.group("name")] = Model(members, doc.text[c.start : c.end] if c else "")
    return found


SWIFT_STRUCT = rx.compile(
    r"\b(?:struct|class)\s+(?P<n>[A-Z]\w*)\s*:[^{\n]*\b(?:Codable|Decodable)\b[^{]*\{"
)
SWIFT_MEMBER = rx.compile(
    r"^[ \t]*(?:public\s+|private\s+)?(?:let|var)\s+(?P<n>[A-Za-z_]\w*)\s*:\s*(?P<t>[^=\n{]+)", re.M
)
SWIFT_KEYS = rx.compile(r"\benum\s+CodingKeys\b[^{]*\{(?P<body>[^{}]*)\}")
SWIFT_KEY = rx.compile(r"(?P<n>[A-Za-z_]\w*)\s*(?:=\s*\"(?P<j>[^\"]+)\")?")


def _swift_models(doc: Text) -> dict[str, Model]:
    """Swift's Codable structs: each `let`/`var` under its CodingKeys' name, or its own (in snake
    case under a decoder's `.convertFromSnakeCase`)."""
    snake = "convertFromSnakeCase" in doc.text
    found = {}
    for m in SWIFT_STRUCT.finditer(doc.text):
        index = doc.container_at(m.end() - 1)
        if index is None:
            continue
        c = doc.containers[index]
        keys = {}
        coding = SWIFT_KEYS.search(doc.text, c.start, c.end)
        for case in re.findall(r"\bcase\s+([^\n]+)", coding.group("body")) if coding else ():
            for k in SWIFT_KEY.finditer(case):
                keys[k.group("n")] = k.group("j") or k.group("n")
        members, held = {}, []
        for f in SWIFT_MEMBER.finditer(doc.text, c.start, c.end):
            name = f.group("n")
            json = keys.get(
                name, re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name).lower() if snake else name
            )
            members[name] = (json, f.start("n"))
            held.append(f.group("t"))
        found[m.group("n")] = Model(members, " ".join(held))
    return found


def _declares(model: Model, name: str) -> dict[str, int]:
    return {member: at for member, (json, at) in model.members.items() if json == name}


def _holders(
    text: str, models: dict[str, Model], declaring: dict[str, dict[str, int]]
) -> dict[str, list[str]]:
    """The model types holding the field, themselves or through a member's type (`Env(int code,
    Info data)` holds Info's `video_status`), each with the types it holds it through (its own
    first); never a database entity (see ENTITY)."""
    found = {t: [t] for t in declaring}
    grown = True
    while grown:
        grown = False
        for t, model in models.items():
            inner = [h for h in found if h != t and re.search(rf"\b{re.escape(h)}\b", model.held)]
            if t not in found and inner:
                found[t] = [t, *(k for h in inner for k in found[h])]
                grown = True
    return {t: held for t, held in found.items() if not _entity(text, t, models.get(t))}


def _entity(text: str, type_name: str, model: Model | None = None) -> bool:
    """Whether a type is a database entity of the app (see ENTITY; a Go struct with GORM's
    tags or its embedded `gorm.Model`)."""
    if model is not None and "gorm" in model.held:
        return True
    return re.search(ENTITY.replace("NAME", re.escape(type_name)), text) is not None


def kept_by_entity(doc: Text, name: str) -> bool:
    """Whether a database entity of the file has a member serialized as `name` (the app keeps
    that field itself: a read of it tied to no call is perhaps the entity's)."""
    if not any(w in doc.text for w in ("Entity", "Table", "Document", "DbSet", "gorm")):
        return False
    models = _models(doc)
    return any(_declares(m, name) and _entity(doc.text, t, m) for t, m in models.items())


def _read_pattern(member: str, language: str) -> str:
    """A member's read: a property or field (`.VideoStatus`), a record's accessor (`.code()`) or a
    bean getter (`.getVideoStatus()`); Go's `.Code(` is a method, no field."""
    m = re.escape(member)
    getter = re.escape("get" + member[:1].upper() + member[1:])
    if language == "go":
        return rf"(?<=\.)(?P<m>{m})\b(?!\s*\()"
    return rf"(?<=\.)(?P<m>{m}(?:\(\s*\))?|{getter}\(\s*\))(?![\w$(])"


# Where a name is declared or bound: `Env env =`, `Env env)` (a parameter), `var env = ...`,
# `val env: Env`, `env := ...`, Go's `var out envelope` and `out *envelope)`.
BOUND = (
    r"(?<![\w$.])NAME\s*(?::[^=\n]*)?:?=(?!=)|\b[A-Z][\w.]*(?:<[^\n=]*>)?[?*\[\]]*\s+NAME\s*[;,)=]"
    r"|\bvar\s+NAME\s+\*?\w|(?<![\w$.])NAME\s+\*?[A-Za-z_][\w.]*\s*[,)]|(?<![\w$.])NAME\s*:\s*[A-Z]"
)


def _bound_types(
    lines: list[str], i: int, root: str, holders: dict[str, list[str]], depth: int = 0
) -> list[str]:
    """The model types holding the field that the chain's root name is declared with or bound to
    a decoding into, each followed by those it holds the field through: those the nearest
    statement above binding it names (`Env env = rest.getForObject(..., Env.class)`, `var env =
    await http.GetFromJsonAsync<Envelope<T>>(...)`; not OkHttp's `Response response = ...`)."""
    if root in ("this", "self", "it"):
        return []
    bound = re.compile(BOUND.replace("NAME", re.escape(root)))
    for j in range(i, max(-1, i - LOOK_BACK), -1):
        line = lines[j]
        if root not in line or bound.search(line) is None:
            continue
        statement = _statement(lines, j)
        named = set(re.findall(r"[A-Za-z_]\w*", statement))
        found = [k for t in holders if t in named for k in holders[t]]
        # (`let info = env.data`, `var data = env.Data;`: the type of the chain's own root)
        inner = re.search(rf"(?<![\w$.]){re.escape(root)}\s*(?::[^=\n]*)?:?=\s*{CHAIN_ROOT}", line)
        if found or inner is None or depth >= 2 or inner.group("r") == root:
            return found
        return _bound_types(lines, j, inner.group("r"), holders, depth + 1)
    return []


def _statement(lines: list[str], j: int) -> str:
    """Line j with the lines its statement goes on to (an open call or block, a chain's `.x`
    below: Ktor's `http.get(url) {` ... `}.body<T>()`), up to 6."""
    end = j
    while end + 1 < min(len(lines), j + 6):
        line, below = lines[end].rstrip(), lines[end + 1].lstrip()
        opened = line.endswith(("(", "{", ",", ".", "=", "->"))
        if not (opened or below.startswith((".", "?.", "}", ")"))):
            break
        end += 1
    return "\n".join(lines[j : end + 1])
