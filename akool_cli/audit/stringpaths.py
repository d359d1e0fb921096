"""Answer reads written as a path in a string and given to a getter: lodash's `_.get(j,
"data.status")` (and `get`, `dlv`, `objectPath.get`, pydash's, Ramda's `R.path(["data",
"status"], j)`), Python's `glom(j, "data.status")` and `jmespath.search("data.status", j)`, Go's
`gjson.Get(s, "data.status")`, C#'s `j.SelectToken("data.status")`, Java's `JsonPath.read(body,
"$.data.status")`: the path's first member (past data, when it starts there) is a read."""

from __future__ import annotations

import re

from akool_cli.audit import rx

NAME = r"[A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*"
# A path written as a string (`"data.status"`, `'$.data.status'`) or as a list of keys.
PATH = (
    r"(?:(?P<q>[\"'`])(?P<s>\$?\.?[A-Za-z_][\w.\[\]]*)(?P=q)"
    r"|\[\s*(?P<aq>[\"'])(?P<a1>[A-Za-z_]\w*)(?P=aq)(?:\s*,\s*[\"'](?P<a2>[A-Za-z_]\w*)[\"'])?)"
)
# The getter given the object first, then the path.
OBJECT_FIRST = rx.compile(
    r"(?<![\w$.])(?:(?:_|lodash|pydash|objectPath|dotProp|gjson|JsonPath)\s*\.\s*"
    r"(?:get|getIn|Get|GetBytes|read)|get|dlv|glom|getIn|delve)\(\s*"
    rf"(?P<root>{NAME})\s*,\s*{PATH}"
)
# The getter given the path first (`jmespath.search(path, j)`, `R.path([...], j)`), or a method
# of the object (`j.SelectToken("data.status")`).
PATH_FIRST = rx.compile(
    rf"(?<![\w$.])(?:jmespath\s*\.\s*search|R\s*\.\s*path)\(\s*{PATH}\s*,\s*(?P<root>{NAME})"
)
METHOD = rx.compile(rf"(?P<root>{NAME})\s*\.\s*SelectToken\(\s*{PATH}")
# k6's response selector: `r.json("data.task_id")` reads the parsed answer's data.task_id,
# `r.json("code")` its code (a one-name path is a read of the answer's top too).
SELECTOR = rx.compile(
    rf"(?P<root>{NAME})\s*\.\s*json\(\s*(?P<q>[\"'`])(?P<s>[A-Za-z_][\w.\[\]]*)(?P=q)\s*\)"
)
# A line that may hold one: a path through data written in a string or a list, then a getter.
DATA_PATHS = ("data.", '"data"', "'data'")
GETTER = rx.compile(r"(?:get|Get|GetBytes|dlv|glom|search|path|SelectToken|read)\(")


def reads(line: str) -> list[tuple[int, str, bool, str]]:
    """The reads a line's string paths make: (column, field, whether under data, the object
    read)."""
    found = _selected(line) if ".json(" in line else []
    if not any(h in line for h in DATA_PATHS) or GETTER.search(line) is None:
        return found
    for pattern in (OBJECT_FIRST, PATH_FIRST, METHOD):
        for m in pattern.finditer(line):
            read = _first_member(m)
            if read is not None:
                root = re.sub(r"\s+", "", m.group("root"))
                if read[2] == "body data":  # _.get(res, "data.data.x"): axios' body's data
                    root += ".data"
                found.append((read[0], read[1], read[2] != "top", root))
    return found


def _selected(line: str) -> list[tuple[int, str, bool, str]]:
    """What k6's `r.json(selector)` reads: the selector's first member past data (as the
    parsed answer's: its object is written `r.data`), or a one-name selector's name."""
    found = []
    for m in SELECTOR.finditer(line):
        root = re.sub(r"\s+", "", m.group("root")) + ".data"
        if "." not in m.group("s") and "[" not in m.group("s"):
            found.append((m.start("s"), m.group("s"), False, root))
            continue
        read = _first_member(m)
        if read is not None and read[2] == "data":
            found.append((read[0], read[1], True, root))
    return found


def _first_member(m: re.Match[str]) -> tuple[int, str, str] | None:
    """The path's first member: (column, name, "data" or "top"); None for data itself."""
    if m.group("s") is not None:
        text, at = m.group("s"), m.start("s")
        lead = len(text) - len(text.lstrip("$."))
        parts = re.split(r"[.\[]", text[lead:])
        if parts[:3] == ["data", "data", parts[2] if len(parts) > 2 else ""] and parts[2:3]:
            return at + lead + len("data.data."), parts[2], "body data"
        if parts[0] == "data":
            if len(parts) < 2 or not re.match(r"[A-Za-z_]", parts[1]):
                return None  # (data itself, `data[0]`)
            return at + lead + len("data."), parts[1], "data"
        return (at + lead, parts[0], "top") if "." in text[lead:] else None
    if m.group("a1") == "data":
        return (m.start("a2"), m.group("a2"), "data") if m.group("a2") else None
    return (m.start("a1"), m.group("a1"), "top") if m.group("a2") else None
