"""The kind of JSON value a request key's written value certainly is (a string, a number, a list,
an object), for the bad-value rule's table of what each documented type takes (rules.py)."""

from __future__ import annotations

import re

from akool_cli.audit import fields as f
from akool_cli.audit import rx

# The kinds of written value each documented type takes: any other kind is a bad value. (A
# boolean is judged apart, rules._kind_hit: 1 and true are written alike in some languages.)
TAKES = {
    "string": frozenset({"string"}),
    "integer": frozenset({"number"}),
    "number": frozenset({"number"}),
    "array": frozenset({"list"}),
    "object": frozenset({"object"}),
}

# How each kind is named in a finding, and how the docs' type is (`documents an object`).
SENT = {"string": "a string", "number": "a number", "list": "a list", "object": "an object"}
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
