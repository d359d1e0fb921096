"""Answer reads written as a path in a string and given to a getter: lodash's `_.get(j,
"data.status")` (and `get`, `_.result`, `_.at`, `dlv`, `objectPath.get`, dot-prop's
`getProperty`, pydash's, Ramda's `R.path(["data", "status"], j)`, Laravel's `Arr::get` and
`data_get`), Python's `glom(j, "data.status")`, `jmespath.search("data.status", j)` and
benedict's `benedict(j)["data.status"]`, Go's `gjson.Get(s, "data.status")` and jsonparser's
`jsonparser.Get(b, "data", "status")`, C#'s `j.SelectToken("data.status")`, Java's
`JsonPath.read(body, "$.data.status")`, and JSON Pointers (`jsonpointer.get(j,
"/data/status")`, Jackson's `node.at("/data/status")`, dpath's `dpath.get(j, "data/status")`):
the path's first member (past data, when it starts there) is a read."""

from __future__ import annotations

import re

from akool_cli.audit import rx

NAME = r"[A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*"
# A path written as a string (`"data.status"`, `'$.data.status'`) or as a list of keys.
PATH = (
    r"(?:(?P<q>[\"'`])(?P<s>\$?\.?[A-Za-z_][\w.\[\]]*)(?P=q)"
    r"|\[\s*(?P<aq>[\"'])(?P<a1>[A-Za-z_][\w.]*)(?P=aq)(?:\s*,\s*[\"'](?P<a2>[A-Za-z_]\w*)[\"'])?)"
)
# The getter given the object first, then the path.
OBJECT_FIRST = rx.compile(
    r"(?<![\w$.])(?:(?:_|lodash|pydash|objectPath|dotProp|gjson|JsonPath)\s*\.\s*"
    r"(?:get|getIn|Get|GetBytes|read|result|at|getProperty)|get|dlv|glom|getIn|delve|getProperty"
    r"|Arr\s*::\s*get|data_get|array_get)\(\s*"
    rf"(?P<root>{NAME})\s*,\s*{PATH}"
)
# The getter given the path first (`jmespath.search(path, j)`, `R.path([...], j)`), or a method
# of the object (`j.SelectToken("data.status")`).
PATH_FIRST = rx.compile(
    rf"(?<![\w$.])(?:jmespath\s*\.\s*search|R\s*\.\s*path)\(\s*{PATH}(?:[^\]\n()]*\])?\s*,"
    rf"\s*(?P<root>{NAME})"
)
METHOD = rx.compile(
    rf"(?P<root>{NAME})\s*\.\s*SelectToken\(\s*{PATH}"
    rf"|(?<![\w$.])benedict\(\s*(?P<broot>{NAME})\s*\)\s*\[\s*{PATH.replace('?P<', '?P<b').replace('?P=', '?P=b')}"
)
# A JSON Pointer or a slash path through data: jsonpointer's `get`/`resolve_pointer`, dpath's
# `get`, Jackson's `node.at("/data/status")` (group `root`, the object; `s`, the path).
POINTER = rx.compile(
    rf"(?<![\w$.])(?:(?:jsonpointer|pointer|JsonPointer|dpath(?:\s*\.\s*util)?)\s*\.\s*"
    rf"(?:get|resolve_pointer|resolve)|resolve_pointer)\(\s*(?P<root>{NAME})\s*,\s*"
    r"(?P<q>[\"'])(?P<s>/?data/[A-Za-z_][\w/]*)(?P=q)"
    rf"|(?P<jroot>{NAME})\s*\.\s*at\(\s*\"(?P<js>/data/[A-Za-z_][\w/]*)\""
)
# buger/jsonparser's keys given one by one: `jsonparser.GetString(b, "data", "status")`.
KEYS = rx.compile(
    rf"(?<![\w$.])jsonparser\s*\.\s*Get\w*\(\s*(?P<root>{NAME})\s*,\s*"
    r"\"(?P<k1>[A-Za-z_]\w*)\"(?:\s*,\s*\"(?P<k2>[A-Za-z_]\w*)\")?"
)
# k6's response selector: `r.json("data.task_id")` reads the parsed answer's data.task_id,
# `r.json("code")` its code (a one-name path is a read of the answer's top too).
SELECTOR = rx.compile(
    rf"(?P<root>{NAME})\s*\.\s*json\(\s*(?P<q>[\"'`])(?P<s>[A-Za-z_][\w.\[\]]*)(?P=q)\s*\)"
)
# A line that may hold one: a path through data written in a string or a list, then a getter.
DATA_PATHS = ("data.", '"data"', "'data'", "data/")
GETTER = rx.compile(
    r"(?:get|Get\w*|dlv|glom|search|path|SelectToken|read|result|at|getProperty|resolve\w*)\("
    r"|benedict\("
)


# Each reader and the words one of which a line holds wherever it can match (every form of it
# names one; none: no such word): asked first, for a pattern that opens with a name is tried at
# each column of a line that has none (a Go one-liner's: 0.3 ms a pattern).
READERS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (OBJECT_FIRST, ()),
    (PATH_FIRST, ("path",)),  # (jmespath.search, R.path)
    (METHOD, ("SelectToken", "benedict")),
)
POINTER_WORD = "data/"  # (what each form of POINTER's path holds)


def _holds_one(line: str, words: tuple[str, ...]) -> bool:
    return not words or any(w in line for w in words)


def reads(line: str) -> list[tuple[int, str, bool, str]]:
    """The reads a line's string paths make: (column, field, whether under data, the object
    read)."""
    found = _selected(line) if ".json(" in line else []
    if not any(h in line for h in DATA_PATHS) or GETTER.search(line) is None:
        return found
    found += _pointed(line) if "/" in line or "jsonparser" in line else []
    for pattern, words in READERS:
        for m in pattern.finditer(line) if _holds_one(line, words) else ():
            read = _first_member(m) if m.group("root") else _first_member(m, "b")
            if read is not None:
                root = re.sub(r"\s+", "", m.group("root") or m.group("broot")).lstrip("$")
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


def _pointed(line: str) -> list[tuple[int, str, bool, str]]:
    """The reads of JSON Pointers and slash paths through data (see POINTER), and of
    jsonparser's keys (see KEYS): the member after data, or a single key at the top."""
    found = []
    for m in POINTER.finditer(line) if POINTER_WORD in line else ():
        group = "s" if m.group("s") else "js"
        name = m.group(group).lstrip("/").split("/")[1]
        column = m.start(group) + m.group(group).index("/" + name) + 1
        found.append((column, name, True, (m.group("root") or m.group("jroot")).lstrip("$")))
    for m in KEYS.finditer(line) if "jsonparser" in line else ():
        if m.group("k1") == "data" and m.group("k2"):
            found.append((m.start("k2"), m.group("k2"), True, m.group("root")))
        elif m.group("k1") != "data" and not m.group("k2"):
            found.append((m.start("k1"), m.group("k1"), False, m.group("root")))
    return found


def _first_member(m: re.Match[str], b: str = "") -> tuple[int, str, str] | None:
    """The path's first member: (column, name, "data" or "top"); None for data itself. `b`: the
    prefix of the groups (METHOD's second form's)."""
    groups = m.groupdict()
    first = groups.get(b + "a1")
    if first is not None and "." in first:  # _.at(j, ["data.status"])
        return _string_member(first, m.start(b + "a1"))
    if groups.get(b + "s") is not None:
        return _string_member(m.group(b + "s"), m.start(b + "s"))
    if first == "data":
        return (m.start(b + "a2"), m.group(b + "a2"), "data") if m.group(b + "a2") else None
    return (m.start(b + "a1"), m.group(b + "a1"), "top") if m.group(b + "a2") else None


def _string_member(text: str, at: int) -> tuple[int, str, str] | None:
    """A string path's first member (see _first_member)."""
    lead = len(text) - len(text.lstrip("$."))
    parts = re.split(r"[.\[]", text[lead:])
    if parts[:3] == ["data", "data", parts[2] if len(parts) > 2 else ""] and parts[2:3]:
        return at + lead + len("data.data."), parts[2], "body data"
    if parts[0] == "data":
        if len(parts) < 2 or not re.match(r"[A-Za-z_]", parts[1]):
            return None  # (data itself, `data[0]`)
        return at + lead + len("data."), parts[1], "data"
    return (at + lead, parts[0], "top") if "." in text[lead:] else None
