"""TypeScript's own declared types, for the audit's fixes: an object literal typed by a named type
(`const body: TalkRequest = {...}`, `{...} satisfies TalkRequest`, `{...} as TalkRequest`) or an
answer read through one (`as Envelope<VideoInfo>`): renaming the literal's key or the read and
not the type's member breaks the build (`tsc --strict`), so such a fix is left to a person, and
the member a type of the file declares is where the finding also belongs."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from akool_cli.audit import brackets, rx
from akool_cli.audit.fields import Literal, Text

if TYPE_CHECKING:
    from akool_cli.audit.rules import Fix

TS_FILE = rx.compile(r"\.(?:ts|tsx|mts|cts)$")
# Types that say nothing of a literal's keys: a rename there compiles.
LOOSE = frozenset({"any", "unknown", "object", "Object", "Record", "const", "Partial", "JSON"})
# (Python's: a dict annotated so may take any key)
LOOSE_PY = frozenset({"dict", "Dict", "Any", "Mapping", "MutableMapping", "JSONDict", "object"})
TYPE_NAME = r"(?P<t>[A-Za-z_$][\w$.]*)"
TYPED_BEFORE = rx.compile(  # (on the name's line: Python's `-> str:` then `body = {` is no type)
    r"[\w$\]][ \t]*\??:[ \t]*" + TYPE_NAME + r"[ \t]*(?:<[^=;{}()]*>)?(?:\[\])?[ \t]*=\s*$"
)
INLINE_TYPED_BEFORE = rx.compile(r"[\w$]\s*:\s*\{[^{}=\n]*\}\s*=\s*$")
CAST_BEFORE = rx.compile(r"<\s*" + TYPE_NAME + r"\s*(?:<[^=;{}()]*>)?\s*>\s*$")
# An argument of a call given its type argument, on the call's line: `send<ImageBody>(path, {`
# (a helper's `body: T` then types the literal: break21i #19).
GENERIC_CALL_BEFORE = rx.compile(
    r"[\w$]\s*<\s*" + TYPE_NAME + r"\s*(?:<[^=;{}()]*>)?\s*>\s*\((?:[^()\n]|\([^()\n]*\))*$"
)
TYPED_AFTER = rx.compile(r"\s*\)?\s*(?:satisfies|as)\s+" + TYPE_NAME)
DECLARED = rx.compile(r"\b(?:interface|type|class)\s+(?P<n>[A-Za-z_$][\w$]*)\b[^{=;]*[{=]")
MEMBER = rx.compile(
    r"(?:^|[;{,\n])\s*(?:readonly\s+)?(?P<q>[\"']?)(?P<n>[A-Za-z_$][\w$]*)(?P=q)\s*\??\s*:"
)


@dataclass(frozen=True)
class Typed:
    name: str  # the type the literal is given
    declared: bool  # a type (interface, type alias, class) of this file


def typescript(name: str) -> bool:
    return TS_FILE.search(name) is not None


# A literal wrapped in parentheses of its own (not a call's): `({ ... }) as T`.
WRAPPED = rx.compile(r"(?<![\w$)\]])\(\s*$")


def _typed_after(doc: Text, end: int, before: str) -> re.Match[str] | None:
    """`{...} as T` / `satisfies T` after a literal: never in Python (`with s.post(url, json={...})
    as resp:` binds the call's result), and a `)` between only when the literal has parentheses
    of its own (`post(url, {...}) as Promise<R>` casts the call's result, not the literal)."""
    if doc.python:
        return None
    found = TYPED_AFTER.match(doc.text, end)
    if found is not None and ")" in doc.text[end : found.start("t")] and not WRAPPED.search(before):
        return None
    return found


def literal_type(doc: Text, offset: int) -> Typed | None:
    """The named type of the object literal a key at `offset` is written in, when the code
    gives it one (`: T =`, `<T>{`, `satisfies T`, `as T`); None for none or a loose one."""
    index = doc.innermost(offset)
    if index < 0 or doc.text[doc.containers[index].start] != "{":
        return None
    known = doc.ts_literal_types  # (each key of a literal asks: its type is found once)
    if index not in known:
        known[index] = _container_type(doc, index)
    found: Typed | None = known[index]
    return found


def _container_type(doc: Text, index: int) -> Typed | None:
    """literal_type of the object literal that is container `index` of the file."""
    c = doc.containers[index]
    before = doc.text[max(0, c.start - 200) : c.start]
    found = TYPED_BEFORE.search(before) or CAST_BEFORE.search(before)
    found = found or (GENERIC_CALL_BEFORE.search(before) if not doc.python else None)
    found = found or _typed_after(doc, c.end, before)
    if found is None and INLINE_TYPED_BEFORE.search(before):
        return Typed("an inline type", False)  # (`const body: { webhook_url: string } = {`)
    if found is None:
        return None
    name = found.group("t").split(".")[-1]
    if name in LOOSE or (doc.python and name in LOOSE_PY):
        return None
    return Typed(name, name in declared_types(doc))


def declared_types(doc: Text) -> dict[str, tuple[int, int]]:
    """Each type the file declares with an object body: its name and the body's extent."""
    if doc.ts_types is None:
        doc.ts_types = _declared_in(doc.text)
    return doc.ts_types


def _closing(text: str, brace: int) -> int:
    depth = 0
    for k in range(brace, min(len(text), brace + 20000)):
        c = text[k]
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return k
    return -1


def members(doc: Text, type_name: str) -> dict[str, int]:
    """The members a type of the file declares at its top level: name and where it is written."""
    if type_name not in doc.ts_members:
        span = declared_types(doc).get(type_name)
        if span is None:
            return {}
        doc.ts_members[type_name] = _members_in(doc.text, span)
    return doc.ts_members[type_name]


def declares_member(doc: Text, name: str) -> str | None:
    """A type of the file that declares a member `name` (an answer read through it would not
    compile once renamed alone)."""
    for type_name in declared_types(doc):
        if name in members(doc, type_name):
            return type_name
    return None


# An answer the code gives a type: `as Envelope<T>`, `as Promise<Info>`, `api.get<Info>(`,
# `const body: Info = await ...`.
TYPED_ANSWER = rx.compile(
    r"\bas\s+(?:Promise<\s*)?[A-Z][\w$.]*"
    r"|\.(?:get|post|put|patch|delete|request|json)\s*<\s*[A-Z]"
    r"|:\s*[A-Z][\w$.]*(?:<[^>\n]*>)?\s*=\s*(?:await\b|\()"
)


def typed_answers(doc: Text) -> bool:
    """Whether the file gives an answer a type of its own (see TYPED_ANSWER)."""
    if doc.ts_typed is None:
        doc.ts_typed = TYPED_ANSWER.search(doc.text) is not None
    return doc.ts_typed


# The name a read starts from, right before the read (`body.data.` before `status`).
READ_ROOT = rx.compile(r"(?P<root>[A-Za-z_$][\w$]*)(?:\s*\??\.\s*[A-Za-z_$][\w$]*)*\s*\??\.\s*$")


def bound_with(doc: Text, at: int, type_name: str) -> bool:
    """Whether the name the read at `at` starts from is bound, last before it, with a type that
    names `type_name` (`const body = (...) as Envelope<VideoInfo>`, `const info: VideoInfo =`)."""
    start = doc.text.rfind("\n", 0, at) + 1
    root = READ_ROOT.search(doc.text, start, at)
    if root is None:
        return False
    pattern = rf"\b(?:const|let|var)\s+{re.escape(root.group('root'))}\b[^;\n]*"
    bindings = list(re.compile(pattern).finditer(doc.text, 0, start))
    binding = bindings[-1] if bindings else None
    if binding is None or not re.search(r"\bas\s|:|<", binding.group(0)):
        return False
    return re.search(rf"(?<![\w$]){re.escape(type_name)}(?![\w$])", binding.group(0)) is not None


# A value given a declared type where it is written: a parameter's default or a variable's value
# (`resolution: Res = "720p"`, `resolution: Literal["720p", "1080p"] = "720p"`, TypeScript's
# `resolution?: "720p" | "1080p" = "720p"`); a plain string type says nothing of the value.
TYPED_VALUE = rx.compile(r"[\w$\]]\s*\??:\s*(?P<t>(?:[^=(),\n\[\]]|\[[^\]\n]*\])+?)\s*=\s*$")
PLAIN_TYPES = frozenset({"string", "String", "String?", "str", "any", "unknown", "Any"})
# The other languages that write a typed default so (`res: Int = 1080` in Kotlin, Swift, Scala).
TYPED_DEFAULTS = (".py", ".kt", ".kts", ".swift", ".scala")


def typed_value(doc: Text, offset: int, name: str) -> bool:
    """Whether the literal at `offset` is a value given a type of its own that lists values (a
    union, a Literal, a named type): patched alone, the code no longer typechecks."""
    if not (typescript(name) or name.endswith(TYPED_DEFAULTS)):
        return False
    before = doc.text[max(0, offset - 160) : offset].rstrip()
    if not before.endswith("=") or before.endswith(("==", "!=", "<=", ">=")):
        return False  # (a value given after `=` only: a default, a declaration)
    found = TYPED_VALUE.search(doc.text, max(0, offset - 160), offset)
    return found is not None and found.group("t").strip() not in PLAIN_TYPES


# -- a member rename made with the literals typed by its type (fixD28 cast-literal) --------------
# What may follow a use of the type's name, for the literal it types: `<T>{`, `: T = {`.
TYPES_NEXT = rx.compile(r"\s*>\s*\{|\s*=\s*\{")
# What may come before it: `<` of a cast, `:` of an annotation, `as`/`satisfies` after a literal.
CAST_OPEN, ANNOTATED = rx.compile(r"<\s*$"), rx.compile(r"[\w$\]]\s*:\s*$")
TYPED_AFTER_LITERAL = rx.compile(r"\}\s*\)?\s*(?:as|satisfies)\s+$")
EXPORTED = rx.compile(r"\bexport\s+(?:declare\s+)?(?:default\s+)?(?:type|interface|class)\s+$")


def renamed_with_literals(text: str, starts: list[int], fixes: list[Fix]) -> list[Fix]:
    """The fixes, a rename of a member of a type the file declares made together with the same
    key of every object literal the type is given to (`<T>{...}`, `const b: T = {...}`, `{...}
    as T`, `{...} satisfies T`): renamed in the type alone, `tsc` refused the patched file. A
    type the code uses any other way (a parameter's, a generic's, exported, a member read
    `b.size` or destructured) keeps its member as it is: that finding is left to a person."""
    declared: dict[str, tuple[int, int]] | None = None
    out: list[Fix] = []
    for fix in fixes:
        at = starts[fix.line] + fix.start if fix.line < len(starts) else -1
        if at < 0 or not (IDENTIFIER.fullmatch(fix.old) and IDENTIFIER.fullmatch(fix.new)):
            out.append(fix)
            continue
        declared = _declared_in(text) if declared is None else declared
        owner = next((t for t, (a, b) in declared.items() if a < at < b), None)
        if owner is None or _members_in(text, declared[owner]).get(fix.old) != at:
            out.append(fix)
            continue
        keys = _typed_literal_keys(text, owner, declared[owner], fix.old)
        if keys is None or _used_apart(text, fix.old, {at, *keys}):
            continue  # (neither: the member and its literals stay as they are)
        also = tuple(_key_rename(text, starts, k, fix) for k in keys)
        out.append(replace(fix, also=(*fix.also, *also)))
    return out


IDENTIFIER = rx.compile(r"[A-Za-z_$][\w$]*")


def _typed_literal_keys(
    text: str, type_name: str, body: tuple[int, int], key: str
) -> list[int] | None:
    """Where each literal the type is given to names `key` at its top level; None when the type
    is used otherwise than to type a literal (or exported: other files may use it)."""
    found: list[int] = []
    for m in re.finditer(rf"(?<![\w$.]){re.escape(type_name)}(?![\w$])", text):
        before = text[max(0, m.start() - 80) : m.start()]
        if body[0] - 200 < m.start() < body[0]:  # (its own declaration)
            if EXPORTED.search(before):
                return None
            continue
        literal = _typed_literal(text, m, before)
        if literal is None:
            return None
        found += _top_level_keys(text, literal, key)
    return found


def _typed_literal(text: str, use: re.Match[str], before: str) -> tuple[int, int] | None:
    """The `{`...`}` extent of the object literal a use of a type's name types, or None."""
    after = TYPES_NEXT.match(text, use.end())
    cast = CAST_OPEN.search(before) is not None and after is not None and ">" in after.group()
    annotated = ANNOTATED.search(before) is not None and after is not None and "=" in after.group()
    if cast or annotated:
        opening = text.index("{", use.end())
        closing = brackets.matching(text, opening, 1, len(text))
        return (opening, closing) if closing > 0 else None
    tail = TYPED_AFTER_LITERAL.search(before)
    if tail is None:
        return None
    closing = text.rindex("}", 0, use.start())
    opening = brackets.matching(text, closing, -1, -1)
    return (opening, closing) if opening >= 0 else None


def _top_level_keys(text: str, literal: tuple[int, int], key: str) -> list[int]:
    """Where `key` is written as a key (or a shorthand property) of the literal's own level."""
    found = []
    pattern = rf"(?P<q>[\"']?)(?<![\w$.]){re.escape(key)}(?P=q)(?![\w$])\s*(?P<s>[:,}}])"
    for m in re.finditer(pattern, text[: literal[1] + 1]):
        if m.start() <= literal[0]:
            continue
        inner = text[literal[0] + 1 : m.start()]
        if _depth(inner) == 0 and re.search(r"(?:^|[{,])\s*$", text[literal[0] : m.start()]):
            found.append(m.start() + len(m.group("q")))
    return found


def _depth(inner: str) -> int:
    return sum(inner.count(c) for c in "([{") - sum(inner.count(c) for c in ")]}")


def _used_apart(text: str, name: str, renamed: set[int]) -> bool:
    """Whether the name is written, other than where it is renamed, as a member read (`b.size`,
    `b?.size`, `b["size"]`) or a destructured name (`const { size } = b`): such code reads the
    member too, so it would no longer type-check."""
    for m in re.finditer(rf"(?<![\w$]){re.escape(name)}(?![\w$])", text):
        if m.start() in renamed:
            continue
        before = text[max(0, m.start() - 3) : m.start()]
        if re.search(r"\.\s*$|\[\s*[\"']$", before) or re.match(r"\s*[,}]", text[m.end() :]):
            return True
    return False


def _key_rename(text: str, starts: list[int], at: int, member: Fix) -> Fix:
    """A literal's key renamed as its type's member is (a shorthand `{ size }` keeps its value:
    `{ scale: size }`)."""
    line = bisect_right(starts, at) - 1
    shorthand = re.match(r"\s*[,}]", text[at + len(member.old) :]) is not None
    new = f"{member.new}: {member.old}" if shorthand else member.new
    start = at - starts[line]
    return replace(member, line=line, start=start, end=start + len(member.old), new=new, also=())


def _declared_in(text: str) -> dict[str, tuple[int, int]]:
    """declared_types of a text read on its own (for the patch, after the scan)."""
    found: dict[str, tuple[int, int]] = {}
    for m in DECLARED.finditer(text):
        brace = text.find("{", m.end() - 1, m.end() + 200)
        if brace < 0 or text[m.end() - 1 : brace].strip(" \t\n=") != "":
            continue
        end = _closing(text, brace)
        if end > brace:
            found.setdefault(m.group("n"), (brace, end))
    return found


def _members_in(text: str, span: tuple[int, int]) -> dict[str, int]:
    """The members a type's body (its braces' extent) declares at its top level."""
    found: dict[str, int] = {}
    for m in MEMBER.finditer(text, span[0], span[1]):
        inner = text[span[0] + 1 : m.start("n")]
        if inner.count("{") - inner.count("}") == 0 and inner.count("(") == inner.count(")"):
            found.setdefault(m.group("n"), m.start("n"))
    return found


# -- a value's kind changed inside a literal the code types (fixD28 diff-breaks-ts-typed-body) -----
NUMBER = rx.compile(r"-?\d+(?:\.\d+)?")


def _kind(value: str) -> str:
    """What a value written in code is: a string (quoted, escaped quotes too), a boolean, a
    number, or another expression."""
    if value.lstrip("\\")[:1] in ("'", '"', "`"):
        return "string"
    if value in ("true", "false"):
        return "boolean"
    return "number" if NUMBER.fullmatch(value) else "other"


def typed_values_kept(text: str, starts: list[int], fixes: list[Fix]) -> list[Fix]:
    """The fixes less those that change a value's kind (`true` -> `1`, `1080` -> `"1080"`) inside
    an object literal the code gives a named or inline type (`const body: SwapReq = {...}`, `<T>`,
    `as T`, `satisfies T`, `send<T>(...)`): its member is typed as the old kind, so the patched
    file no longer type-checks (TS2322); such a value is left to a person. The typed literals are
    found once per file (a file of 40,000 fixes asks 40,000 times: break21h #20)."""
    spans: list[tuple[int, int]] | None = None
    kept = []
    for fix in fixes:
        at = starts[fix.line] + fix.start if fix.line < len(starts) else -1
        if at >= 0 and _kind(fix.old) != _kind(fix.new):
            spans = _typed_literals(text) if spans is None else spans
            if any(a < at < b for a, b in spans[: bisect_right(spans, (at, len(text)))]):
                continue
        kept.append(fix)
    return kept


# Where a literal the code types may be: after `: T =` or an inline type's `= `, after `<T>`,
# before `as T` / `satisfies T`, or in a call given a type argument (`send<T>(path, {`).
TYPED_MARK = rx.compile(r"=\s*[{\[]|>\s*\{|\}\s*\)?\s*(?:as|satisfies)\s|<[^<>=;{}()]*>\s*\(")


def _typed_literals(text: str) -> list[tuple[int, int]]:
    """The extents of the object literals (and arrays of them) the file gives a type (see
    _typed_at), by start."""
    found = []
    for m in TYPED_MARK.finditer(text):
        if m.group().startswith("}"):
            opening = brackets.matching(text, m.start(), -1, max(-1, m.start() - 20000))
            closing = m.start()
        elif m.group().endswith("("):  # (the call's arguments, all of them: conservative)
            named = m.group().strip("<>( \t\n").split("<")[0].split(".")[-1]
            closing = brackets.matching(text, m.end() - 1, 1, len(text))
            if named not in LOOSE and closing > 0 and text[m.start() - 1 : m.start()].strip():
                found.append((m.end() - 1, closing))
            continue
        else:
            opening = m.end() - 1
            closing = brackets.matching(text, opening, 1, len(text))
        literal = opening >= 0 and closing > opening and text[opening] in "{["  # (`T[] = [`)
        if literal and _typed_at(text, opening, closing):
            found.append((opening, closing))
    return sorted(set(found))


def _typed_at(text: str, opening: int, closing: int) -> bool:
    """Whether the object literal opened at `opening` is given a type that is not loose."""
    before = text[max(0, opening - 200) : opening]
    if INLINE_TYPED_BEFORE.search(before):
        return True
    found = TYPED_BEFORE.search(before) or CAST_BEFORE.search(before)
    found = found or GENERIC_CALL_BEFORE.search(before)
    if found is None and closing > 0:
        found = TYPED_AFTER.match(text, closing + 1)  # (not a call's result: see _typed_after)
        if found is not None and ")" in text[closing : found.start("t")]:
            found = found if WRAPPED.search(before) else None
    return found is not None and found.group("t").split(".")[-1] not in LOOSE


# -- values a type or a schema offers, as a TypeScript union's ----------------------------------

# Python's typing.Literal of a parameter, a field or an alias (`resolution: Literal["720", "1080"]`,
# `Res = Literal["720p", "1080p"]`, `Optional[Literal[...]]`) and zod's enum of an object's key or
# a constant (`resolution: z.enum(["720", "1080"])`, `const Res = z.enum([...])`).
OFFERED = rx.compile(
    r"(?<![\w.$])(?P<name>[A-Za-z_$][\w$]*)\s*(?::\s*(?:TypeAlias\s*=\s*)?|=\s*)"
    r"(?:(?:typing\.|t\.)?Optional\[\s*)?"
    r"(?:(?:typing\.|t\.|typing_extensions\.)?Literal\[(?P<l>[^\[\]\n]*)\]"
    r"|z\.enum\(\s*\[(?P<z>[^\[\]\n]*)\])"
)
OFFERED_DEFAULT = rx.compile(r"\]?\s*=\s*[\"']([^\"'\n]*)[\"']")
OFFERED_ELEMENT = rx.compile(r"\"([^\"\n]*)\"|'([^'\n]*)'|(?<![\w.])(-?\d+(?:\.\d+)?)(?![\w.])")


def offered(doc: Text) -> list[tuple[str, list[Literal]]]:
    """The values a Literal type or a zod enum offers, by the name that declares them and by each
    name an alias of them types (`resolution: Res`), as fields.unions gives a TypeScript union's."""
    if "Literal[" not in doc.text and "z.enum(" not in doc.text:
        return []
    found: list[tuple[str, list[Literal]]] = []
    for m in OFFERED.finditer(doc.text):
        group = "l" if m.group("l") is not None else "z"
        start = m.start(group)
        values = [
            Literal(
                e.group(0),
                next(g for g in e.groups() if g is not None),
                e.group(3) is None,
                start + e.start(),
            )
            for e in OFFERED_ELEMENT.finditer(m.group(group))
        ]
        default = OFFERED_DEFAULT.match(doc.text, m.end())
        if default is not None:  # (`Literal["meeting"] = "meeting"`: the default is judged itself)
            values = [v for v in values if v.value != default.group(1)]
        if not values:
            continue
        found.append((m.group("name"), values))
        alias = re.escape(m.group("name"))
        for use in re.finditer(
            r"(?<![\w.$])(?P<k>[A-Za-z_$][\w$]*)\??\s*:\s*(?:(?:typing\.)?Optional\[\s*)?"
            + alias
            + r"\b",
            doc.text,
        ):
            found.append((use.group("k"), values))
    return found
