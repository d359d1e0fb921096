"""org.json's and Gson's objects given as a field's value (Java, Kotlin, Android): the keys of
`.put("voice_options", JSONObject().put("speed", 1.5))`, or of a name holding an object built
apart (`JSONObject opts = new JSONObject(); opts.put("stability", 2); body.put("voice_options",
opts)`), read as that field's nested keys."""

from __future__ import annotations

import re

from akool_cli.audit import rx
from akool_cli.audit.fields import CHAIN_PUT, NEW_JSON_OBJECT_AT, Key, Text, _added_keys

MADE_WORDS = ("JSONObject(", "JsonObject(")
# A value that is a name alone (up to the put's closing parenthesis).
NAME_VALUE = rx.compile(r"\s*(?P<n>[A-Za-z_]\w*)\s*\)")
LOOK_BACK = 3000  # (how far before the put the name's object is looked for: its method)


def value_keys(doc: Text, key: Key) -> list[Key]:
    """The keys of the org.json / Gson object a key's value is (see the module's docstring)."""
    if doc.python or doc.language not in ("", "kotlin") or not doc.holds(*MADE_WORDS):
        return []  # (Java's language is "": a file that makes no such object, most of them)
    made = NEW_JSON_OBJECT_AT.match(doc.text, key.value_start, key.value_start + 200)
    if made is not None:
        return chain_keys(doc, made.end())
    named = NAME_VALUE.match(doc.text, key.value_start)
    return _held_keys(doc, named["n"], key.offset) if named is not None else []


def chain_keys(doc: Text, at: int) -> list[Key]:
    """The keys of a `.put("k", v)` chain starting at `at` (right after `JSONObject()`)."""
    keys = []
    while (link := CHAIN_PUT.match(doc.text, at)) is not None:
        around = doc.paren_around(link.end())
        if around is None:
            break
        keys.append(Key(link["k"], link.start("k"), link.end(), around[1] - 1))
        at = around[1]
    return keys


def _held_keys(doc: Text, name: str, before: int) -> list[Key]:
    """The keys set on the object `name` is bound to last before `before`: its binding's chain
    and its puts after it (none when the name is bound to anything else)."""
    start = max(0, before - LOOK_BACK)
    bound = None
    binding = re.compile(rf"(?<![\w.$]){re.escape(name)}\s*=(?!=)\s*")
    for m in binding.finditer(doc.text, start, before):
        bound = m
    if bound is None:
        return []
    made = NEW_JSON_OBJECT_AT.match(doc.text, bound.end(), bound.end() + 200)
    if made is None:
        return []
    return chain_keys(doc, made.end()) + _added_keys(doc, name, made.end(), before)
