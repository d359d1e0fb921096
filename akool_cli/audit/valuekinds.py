"""The kind of JSON value a request key's written value certainly is (a string, a number, a list,
an object), for the bad-value rule's table of what each documented type takes (rules.py)."""

from __future__ import annotations

import re

from akool_cli.audit import dtos, rx
from akool_cli.audit import fields as f

# The kinds of value each documented type takes: any other kind is a bad value. (A boolean
# literal is judged apart, rules._kind_hit, which patches it; a declared `bool` is judged here.)
TAKES = {
    "string": frozenset({"string"}),
    "integer": frozenset({"number"}),
    "number": frozenset({"number"}),
    "boolean": frozenset({"boolean"}),
    "array": frozenset({"list"}),
    "object": frozenset({"object"}),
}

# How each kind is named in a finding, and how the docs' type is (`documents an object`).
SENT = {
    "string": "a string",
    "number": "a number",
    "boolean": "a boolean",
    "list": "a list",
    "object": "an object",
}
PLURAL = {"string": "strings", "number": "numbers", "list": "lists", "object": "objects"}

# An expression that is certainly one string made of a list: a join (`ids.join(",")`,
# `",".join(ids)`, Go's `strings.Join(ids, ",")`, PHP's `implode(",", $ids)`, Java's
# `String.join(",", ids)`, C#'s `string.Join(",", ids)`, Kotlin's `ids.joinToString(",")`, Scala's
# `mkString`). A method join takes a quoted separator alone (`path.join(a, b)` makes a path).
JOINED = rx.compile(
    r"\s*(?:[\w$.\[\]()!?]+\.join\(\s*(?P<q>[\"'])[^\"'\n]*(?P=q)\s*\)"
    r"|(?P<s>[\"'])[^\"'\n]*(?P=s)\s*\.\s*join\(.*\)"
    r"|(?:strings\.Join|implode|String\.join|[Ss]tring\.Join)\(.*\)"
    r"|[\w$.\[\]()!?]+\.(?:joinToString|mkString)\(.*\))\s*,?\s*",
    re.S,
)

# A list item written as a plain string or number literal (nothing joined to it).
STRING_ITEM = rx.compile(r"\s*(?P<q>[\"'])[^\"'\\\n]*(?P=q)\s*")
NUMBER_ITEM = rx.compile(r"\s*-?\d+(?:\.\d+)?\s*")


def joined(value: str) -> bool:
    """Whether a key's written value is certainly a list joined into one string (see JOINED):
    the join's call is the whole value (its parentheses close at its end)."""
    if JOINED.fullmatch(value) is None:
        return False
    opened = value.find("(")
    end = len(value.rstrip().rstrip(",").rstrip())  # (worked out once, not per character)
    depth = 0
    for i in range(opened, end):
        depth += {"(": 1, ")": -1}.get(value[i], 0)
        if depth == 0 and i < end - 1:
            return False  # (`ids.join(",").split(...)`: more follows the join)
    return depth == 0


def item_kinds(doc: f.Text, index: int) -> list[tuple[str, int]]:
    """The kind of each item of a list literal that is certainly a string, a number or an object
    (a `{...}` item), with where it starts; a name's, a call's or a spread's kind is unknown."""
    c = doc.containers[index]
    starts = {child.start: child for child in map(doc.containers.__getitem__, c.children)}
    found: list[tuple[str, int]] = []
    for a, b in f.split_top(doc.text, c.start + 1, c.end - 1):
        item = doc.text[a:b]
        at = a + len(item) - len(item.lstrip())
        if not item.strip():
            continue
        if STRING_ITEM.fullmatch(item):
            found.append(("string", at))
        elif NUMBER_ITEM.fullmatch(item):
            found.append(("number", at))
        elif at in starts and doc.text[at] == "{" and starts[at].keys and item.rstrip()[-1] == "}":
            found.append(("object", at))
    return found


# The kind of value a Go struct field's declared type marshals to (a pointer's, its target's): a
# named type (a struct of the file, `json.RawMessage`, a type with its own MarshalJSON) is unknown.
GO_DECLARED = (
    (rx.compile(r"\*?string"), "string"),
    (rx.compile(r"\*?(?:u?int(?:8|16|32|64)?|float(?:32|64)|json\.Number)"), "number"),
    (rx.compile(r"\*?bool"), "boolean"),
    (rx.compile(r"\*?\[\](?!byte\b).+"), "list"),
    (rx.compile(r"\*?map\[.+"), "object"),
)


# A request type's member type as the other languages write it (a nullable or optional wrapper
# taken off first), and the kind their serializers write it as: a named type (an enum, a class, a
# `Decimal` pydantic writes as text) is unknown.
MEMBER_DECLARED = (
    (rx.compile(r"(?:String|string|str)"), "string"),
    (
        rx.compile(
            r"(?:int|Int|Integer|long|Long|short|Short|double|Double|float|Float|number"
            r"|[iuf](?:8|16|32|64)|[iu]size)"
        ),
        "number",
    ),
    (rx.compile(r"(?:bool|boolean|Boolean)"), "boolean"),
    (
        rx.compile(
            r"(?:(?:List|ArrayList|IList|IEnumerable|ICollection|IReadOnlyList|MutableList|Array"
            r"|Vec|Set|list|List|tuple|Sequence|set)\s*[<\[].*|[\w.<>]+\[\])"
        ),
        "list",
    ),
    (
        rx.compile(
            r"(?:Map|HashMap|MutableMap|Dictionary|IDictionary|Record|dict|Dict|Mapping)\s*[<\[].*"
        ),
        "object",
    ),
)
# A nullable or optional wrapper around a member's type: `int?`, `Optional[int]`, `int | None`,
# `Option<i32>`, `Nullable<int>`, `number | undefined`.
NULLABLE = rx.compile(
    r"(?:Optional\[(?P<a>.+)\]|Option<(?P<b>.+)>|Nullable<(?P<c>.+)>|(?P<d>[^|]+?)\s*\?"
    r"|(?P<e>[^|]+?)\s*\|\s*(?:None|null|undefined)|(?:None|null|undefined)\s*\|\s*(?P<f>[^|]+))"
)


# A serializer's setting, on a member or just above it, that writes its number as a string.
AS_TEXT = rx.compile(
    r"Shape\.STRING|ToStringSerializer|WriteAsString|JsonNumberHandling|AllowReadingFromString"
    r"|@Serializable\(with|serialize_with|PlainSerializer|field_serializer"
)


def declared_kind(doc: f.Text, key: f.Key) -> tuple[str, int, str] | None:
    """The kind a request key's declared type certainly sends, where the key is a Go struct
    field's tag (`Resolution int `json:"resolution"``: a number whatever value is set) or a
    request type's member (a Java, Kotlin, C#, Python or Rust class's, dtos.py), with where the
    type is written and the type; None elsewhere (a value is judged by what it is)."""
    text = doc.text
    if not key.shared:  # (both are every instance's keys: a literal's own key is not)
        return None
    if doc.language != "go":
        return _member_kind(doc, key)
    if text[max(0, key.offset - 6) : key.offset] != 'json:"':
        return None
    if ",string" in text[key.offset : text.find('"', key.offset, key.offset + 80)]:
        return None  # (`json:"n,string"`: encoding/json writes the number as a string)
    line_start = text.rfind("\n", 0, key.offset) + 1
    declared = f.GO_FIELD_TYPE.match(text[line_start : key.offset])
    if declared is None:
        return None
    spelled = declared.group("type")
    kind = next((k for pattern, k in GO_DECLARED if pattern.fullmatch(spelled)), None)
    return (kind, line_start + declared.start("type"), spelled) if kind else None


def _member_kind(doc: f.Text, key: f.Key) -> tuple[str, int, str] | None:
    """The kind of a request type's member declared at a key (see MEMBER_DECLARED), where its
    type is written on the member's line (the type's place is not known otherwise)."""
    member = next(
        (m for dto in dtos.dtos(doc).values() for m in dto.members if m.offset == key.offset), None
    )
    if member is None or not member.kind:
        return None
    end = doc.text.find("\n", key.offset)
    line = doc.line_of(key.offset)
    near = doc.text[doc.starts[max(0, line - 2)] : end if end >= 0 else len(doc.text)]
    if AS_TEXT.search(near):
        return None  # (`@JsonFormat(shape = STRING)`: the number is written as a string)
    spelled = member.kind.strip()
    wrapped = NULLABLE.fullmatch(spelled)
    inner = next((g for g in wrapped.groups() if g), spelled) if wrapped else spelled
    kind = next((k for pattern, k in MEMBER_DECLARED if pattern.fullmatch(inner.strip())), None)
    at = doc.text.find(spelled, doc.starts[line], end if end >= 0 else len(doc.text))
    return (kind, at, spelled) if kind and at >= 0 else None
