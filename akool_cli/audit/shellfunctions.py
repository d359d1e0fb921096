"""Shell functions that print a field of an AKOOL answer (`video_status() { curl ... | jq -r
'.data.video_status'; }`), and the variables a script binds to what one prints (`s=$(video_status
"$id")`): such a variable holds the field, as if the jq read were written where it is bound."""

from __future__ import annotations

import re

from akool_cli.audit import rx

# A function's head (`name() {`, `function name {`), its body on the same line or the lines below.
HEAD = rx.compile(
    r"^[ \t]*(?:function[ \t]+)?(?P<name>[A-Za-z_][\w-]*)[ \t]*(?:\([ \t]*\))?[ \t]*\{"
)
# A variable bound to a function's output: `s=$(video_status "$1")`, `local s=$(...)`.
BOUND_CALL = rx.compile(
    r"^[ \t]*(?:(?:local|export|readonly|declare)[ \t]+)?(?P<n>[A-Za-z_]\w*)=[\"']?\$\([ \t]*"
    r"(?P<f>[A-Za-z_][\w-]*)(?=[ \t\)])"
)
BODY_LINES = 12  # how far below its head a function's body is read


def printing_function(lines: list[str], name: str, read: re.Pattern[str]) -> tuple[int, int] | None:
    """Where the function `name` of the script reads the field (`read`, a jq path) in its last
    statement's pipeline: (line, column of the read's end), or None."""
    i = _heads(lines).get(name, -1)
    head = HEAD.match(lines[i]) if i >= 0 else None
    if head is not None:
        for j in range(i, min(len(lines), i + BODY_LINES)):
            text = lines[j][head.end() :] if j == i else lines[j]
            found = read.search(text) if "jq" in text else None
            if found is not None:
                return j, found.end() + (head.end() if j == i else 0)
            if text.strip().startswith("}") or (j == i and text.rstrip().endswith("}")):
                break
    return None


# The last script's function heads, by name (kept with the lines they were read from, whose
# identity is the key: a script binding thousands of variables to calls reads its heads once).
_HEADS: list[tuple[list[str], dict[str, int]]] = []


def _heads(lines: list[str]) -> dict[str, int]:
    """The line of each function head of the script (the first of a name)."""
    if _HEADS and _HEADS[0][0] is lines:
        return _HEADS[0][1]
    found: dict[str, int] = {}
    for i, line in enumerate(lines):
        head = HEAD.match(line) if "{" in line else None
        if head is not None:
            found.setdefault(head.group("name"), i)
    _HEADS[:] = [(lines, found)]
    return found


def bound_call(line: str) -> tuple[str, str] | None:
    """(variable, function) when the line binds a variable to a function's output."""
    if "$(" not in line or "jq" in line:
        return None
    m = BOUND_CALL.match(line)
    return (m.group("n"), m.group("f")) if m is not None else None
