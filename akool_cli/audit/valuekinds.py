"""The kind of JSON value a request key's written value certainly is (a string, a number, a list,
an object), for the bad-value rule's table of what each documented type takes (rules.py)."""

from __future__ import annotations

import re

from akool_cli.audit import fields as f
from akool_cli.audit import rx

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
    depth = 0
    for i in range(opened, len(value.rstrip().rstrip(",").rstrip())):
        depth += {"(": 1, ")": -1}.get(value[i], 0)
        if depth == 0 and i < len(value.rstrip().rstrip(",").rstrip()) - 1:
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


def declared_kind(doc: f.Text, key: f.Key) -> tuple[str, int, str] | None:
    """The kind a request key's declared type certainly sends, where the key is a Go struct
    field's tag (`Resolution int `json:"resolution"``: a number whatever value is set), with
    where the type is written and the type; None elsewhere (a value is judged by what it is)."""
    text = doc.text
    if doc.language != "go" or text[max(0, key.offset - 6) : key.offset] != 'json:"':
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
