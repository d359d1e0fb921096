"""Kotlin data classes sent as a body (`setBody(PromptReq(prompt = p, scale = "1:1"))`, or a name
bound to one): the JSON names of the class's properties (`@SerialName("x")`, `@SerializedName`,
`@JsonProperty`, else the property's own name), each with the value the constructor call gives."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from akool_cli.audit import dtos

if TYPE_CHECKING:
    from akool_cli.audit.fields import Key, Text

DATA_CLASS = re.compile(r"\bdata\s+class\s+(?P<name>[A-Z]\w*)\s*(?:<[^<>]*>)?\s*\(")
PROPERTY = re.compile(
    r"\s*(?:@(?:SerialName|SerializedName|JsonProperty|field:JsonProperty)\(\s*(?:value\s*=\s*)?"
    r"\"(?P<json>[^\"]+)\"\s*\)\s*)?(?:@[\w:.]+(?:\([^()]*\))?\s*)*"
    r"(?:(?:private|public|internal|override)\s+)*(?:val|var)\s+(?P<prop>[A-Za-z_]\w*)"
)
NAMED = re.compile(r"\s*(?P<n>[A-Za-z_]\w*)\s*=(?!=)\s*")
# A naming strategy set for the whole JSON (snake_case from camelCase): a property's name is then
# not the JSON name it is written as.
STRATEGY = re.compile(r"NamingStrateg|SNAKE_CASE|SnakeCase")


@dataclass(frozen=True)
class Property:
    name: str  # as Kotlin names it
    json: str
    offset: int  # where the JSON name is written (the annotation's string, or the name)


def classes(doc: Text) -> dict[str, list[Property]]:
    """The data classes the file declares, with their properties in order (none when the file
    sets a naming strategy)."""
    if doc.kotlin_classes is None:
        doc.kotlin_classes = {}
        if "data class" in doc.text and not STRATEGY.search(doc.text):
            for m in DATA_CLASS.finditer(doc.text):
                doc.kotlin_classes[m.group("name")] = _properties(doc, m.end() - 1)
    return doc.kotlin_classes


def _properties(doc: Text, paren: int) -> list[Property]:
    from akool_cli.audit.fields import split_top

    pair = doc.paren_around(paren + 1)
    if pair is None or pair[0] != paren:
        return []
    found = []
    for a, b in split_top(doc.text, pair[0] + 1, pair[1] - 1):
        if not doc.text[a:b].strip():
            continue  # (a trailing comma)
        m = PROPERTY.match(doc.text, a, b)
        if m is None:
            return []  # (a parameter that is no property: not a plain data class)
        group = "json" if m.group("json") else "prop"
        found.append(Property(m.group("prop"), m.group(group), m.start(group)))
    return found


def constructed_keys(doc: Text, start: int, end: int) -> list[Key]:
    """The keys of each data class constructed directly in [start, end) (`PromptReq(...)` as a
    call's argument or a binding's value), at the class's declaration: never patched there."""
    from akool_cli.audit.fields import Key, split_top

    typed = dtos.dtos(doc)  # (a class dtos.py reads, with its defaults, is left to it)
    known = {name: props for name, props in classes(doc).items() if name not in typed}
    keys: list[Key] = []
    if not known:
        return keys
    for name, props in known.items():
        for m in re.finditer(rf"(?<![\w.]){name}\s*\(", doc.text[start:end]):
            pair = doc.paren_around(start + m.end())
            if pair is None or pair[0] != start + m.end() - 1:
                continue
            args = split_top(doc.text, pair[0] + 1, pair[1] - 1)
            for k, (a, b) in enumerate(span for span in args if doc.text[slice(*span)].strip()):
                named = NAMED.match(doc.text, a, b)
                prop = next((p for p in props if named and p.name == named.group("n")), None)
                prop = prop if named else (props[k] if k < len(props) else None)
                value = named.end() if named else a
                if prop is not None:
                    keys.append(Key(prop.json, prop.offset, value, b, shared=True))
    return keys
