"""Names bound to a parsed AKOOL answer in the shapes of the less common clients and languages
(Python's `json.load(resp)`, Dart's `jsonDecode`, Swift's `JSONSerialization`, Go's
`json.Unmarshal(raw, &m)`, Rust's `.json().await?`, got's and ky's `await api.get(u).json()`,
ofetch's `await $fetch(u)`), and clients whose response's `.data` is the parsed answer (dio's)."""

from __future__ import annotations

import re

from akool_cli.audit import rx

# A name bound to the parsed answer: `out = json.load(resp)`, `final j = jsonDecode(r.body)`,
# `let json = try JSONSerialization.jsonObject(with: data)`, `let v: Value = c.get(u).send().await?
# .json().await?`, `const out = await api.get("x").json();` (the chain's last call parses),
# `const out = await $fetch(u)` / `ofetch(u)` (they give the parsed body); and Go's decode target
# (`json.Unmarshal(raw, &m)`, `json.NewDecoder(resp.Body).Decode(&m)`).
PARSED_BOUND = rx.compile(
    r"(?<![\w$.])(?P<n>[A-Za-z_$][\w$]*)[ \t]*(?::[ \t]*[\w<>\[\], ]+)?[ \t]*:?=[ \t]*"
    r"(?:try[ \t]+|await[ \t]+)?"
    r"(?:json\.load\(|jsonDecode\(|json\.decode\(|JSONSerialization\.jsonObject\("
    r"|[^\n;]*\)\s*\.json(?:::<[^>\n]*>)?\(\)(?:\.await\?|[ \t]*;?[ \t]*$)"
    r"|(?:\$fetch|ofetch)[ \t]*(?:<[^>\n]*>)?\()"
    r"|\bjson\.(?:Unmarshal\([^,\n]+,\s*&|NewDecoder\([^\n]*\)\.Decode\(&)(?P<g>\w+)\)",
    re.M,
)


def parsed_bindings(text: str) -> list[tuple[int, str]]:
    """Where the text binds a name to a parsed answer, and the name (see PARSED_BOUND)."""
    if "json" not in text and "JSON" not in text and "fetch" not in text:
        return []
    return [(m.start(), m.group("n") or m.group("g")) for m in PARSED_BOUND.finditer(text)]


def data_is_body(text: str) -> bool:
    """Whether the text uses a client whose response's `.data` is the whole parsed answer, as
    axios' is: Dart's dio too."""
    return "axios" in text or "package:dio/" in text


def data_is_body_in(lines: list[str]) -> bool:
    """data_is_body of a text given as its lines."""
    return any("axios" in t or "package:dio/" in t for t in lines)


# Expressions that are the parsed answer in the shapes ties.PARSED does not hold: Python's
# `json.load(resp)` (urllib's response read whole), Swift's `JSONSerialization.jsonObject(with:
# data)`, Dart's `json.decode(r.body)` (dart:convert's other spelling of jsonDecode), and PHP
# Symfony HttpClient's `$response->toArray()` (the answer decoded to an array).
PARSED_ELSEWHERE = rx.compile(
    r"(?<![\w$.])json\.(?:load|decode)\(|\bJSONSerialization\.jsonObject\(|->\s*toArray\(\s*\)"
)
PARSED_ELSEWHERE_WORDS = ("json.load(", "json.decode(", "JSONSerialization", "toArray(")


def parsed_elsewhere(text: str) -> re.Match[str] | None:
    """PARSED_ELSEWHERE's first match, searched only in a text holding one of its words."""
    if any(word in text for word in PARSED_ELSEWHERE_WORDS):
        return PARSED_ELSEWHERE.search(text)
    return None
