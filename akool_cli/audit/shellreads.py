"""What a shell pipeline reads from an AKOOL answer beyond a jq path (answers.py has those): a jq
filter that walks a list's items (`.data.result[] | .url`, `.data.result[].url`, `.data.result
| map(.url)`, `select(.faceswap_status == 3)`), and a `python3 -c` parser given the answer on
stdin (`d = json.load(sys.stdin)["data"]; print(d["status"])`). Each read is (column, name,
place, root): its place in the answer (`data`, `top`, `item:data.result`) and the shell variable
the answer comes from (None: the command's own)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from akool_cli.audit import rx, ties

ShellRead = tuple[int, str, str, str | None]

# A jq path to a list of the answer, walked item by item: `.data.result[]`, `.data.result[0]`,
# `.data[]?`, `.data.result | .[]`, `.data.result | map(`.
JQ_WALK = rx.compile(
    r"(?<![\w\]$])\.data(?:\.(?P<list>[A-Za-z_]\w*))?"
    r"(?:\s*\[\s*\d*\s*\]\??|\s*\|\s*\.\[\]\??|\s*\|\s*(?P<map>map)\s*\()"
)
# A field of the item at the start of a path (not `$x.name`, not a path's later segment).
JQ_FIELD = rx.compile(r"(?<![\w\]$)\".])\.(?P<name>[A-Za-z_]\w*)")
JQ_STRING = rx.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
# `python3 -c '...'` binding the answer read from stdin: `d = json.load(sys.stdin)["data"]`.
STDIN_BIND = rx.compile(
    r"(?<![\w.])(?P<n>[A-Za-z_]\w*)\s*=\s*json\.loads?\(\s*sys\.stdin(?:\.read\(\s*\))?\s*\)"
    r"(?P<keys>(?:\s*\[\s*[\"'][A-Za-z_]\w*[\"']\s*\])*)"
)
KEY = rx.compile(r"[\"']([A-Za-z_]\w*)[\"']")


# A command that runs Python on what it is piped (not a Python file's own `sys.stdin`).
PYTHON_C = rx.compile(r"\bpython[\d.]*\s+(?:-\w+\s+)*-c\s")


def reads(line: str) -> list[ShellRead]:
    """The reads of both kinds on a line."""
    found = list(stdin_reads(line)) if python_piped(line) else []
    return found + list(jq_item_reads(line)) + list(jq_piped_reads(line)) if "jq" in line else found


# The answer's data piped to a field of it: `jq -r '.data | .video_url'` (not `.data | .[]`, a walk).
JQ_DATA_PIPE = rx.compile(r"(?<![\w\]$])\.data\s*\|\s*\.(?P<name>[A-Za-z_]\w*)(?![\w\[])")


def jq_piped_reads(line: str) -> Iterator[ShellRead]:
    """The fields of the answer's data a jq filter reads after piping `.data` on."""
    if "|" not in line:
        return
    for m in JQ_DATA_PIPE.finditer(line):  # (the root worked out only for a line that has one)
        yield m.start("name"), m.group("name"), "data", ties.shell_root(line)


def jq_item_reads(line: str) -> Iterator[ShellRead]:
    """The item fields a jq filter on the line reads after walking a list of the answer."""
    root = ties.shell_root(line)
    for walk in JQ_WALK.finditer(line):
        place = "item:data" + (f".{walk.group('list')}" if walk.group("list") else "")
        end = _filter_end(line, walk.start())
        rest = line[walk.end() : end]
        if walk.group("map"):
            yield from _stage(rest[: _depth_end(rest)], walk.end(), place, root)
            continue
        direct = re.match(r"\.([A-Za-z_]\w*)", rest)  # `.data.result[].url`
        if direct is not None:
            yield walk.end() + 1, direct.group(1), place, root
            continue
        yield from _pipeline(rest, walk.end(), place, root)


def _pipeline(rest: str, offset: int, place: str, root: str | None) -> Iterator[ShellRead]:
    """The stages after a walk: each `select(...)` keeps the item, the first other stage reads
    it and ends what is read of the item (`| .url | ascii_downcase`: the url's, no more)."""
    stop = _depth_end(rest)
    at = 0
    while at < stop:
        pipe = rest.find("|", at, stop)
        if pipe < 0 or rest[at:pipe].strip():
            return  # (`[] , .x`, `[] as $v`: not a pipe into the item)
        at = pipe + 1
        nxt = rest.find("|", at, stop)
        stage_end = stop if nxt < 0 else nxt
        yield from _stage(rest[at:stage_end], offset + at, place, root)
        if not rest[at:stage_end].strip().startswith("select("):
            return
        at = stage_end


def _stage(stage: str, offset: int, place: str, root: str | None) -> Iterator[ShellRead]:
    """The item fields one stage reads (string literals skipped)."""
    blanked = JQ_STRING.sub(lambda s: " " * len(s.group(0)), stage)
    for m in JQ_FIELD.finditer(blanked):
        yield offset + m.start("name"), m.group("name"), place, root


def _filter_end(line: str, start: int) -> int:
    """Where the jq filter holding `start` ends: its closing quote (or the line's end)."""
    opened = max(line.rfind("'", 0, start), line.rfind('"', 0, start))
    if opened < 0:
        return len(line)
    close = line.find(line[opened], start)
    return close if close >= 0 else len(line)


def _depth_end(text: str) -> int:
    """Where text leaves the bracket it starts in (`]`, `)` closing an outer one), or its end."""
    depth = 0
    for k, c in enumerate(text):
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
            if depth < 0:
                return k
    return len(text)


def stdin_reads(line: str) -> Iterator[ShellRead]:
    """The fields a `python3 -c` parser reads from a name bound to the answer on stdin."""
    if not python_piped(line):
        return
    root = ties.shell_root(line)
    for bind in STDIN_BIND.finditer(line):
        keys = KEY.findall(bind.group("keys"))
        if keys not in ([], ["data"]):
            continue  # (deeper: a list or an object of the data, read elsewhere)
        name = re.escape(bind.group("n"))
        member = re.compile(
            rf"(?<![\w.]){name}\s*(?:\[\s*[\"']|\.get\(\s*[\"'])(?P<f>[A-Za-z_]\w*)[\"']"
            rf"(?P<inner>\s*\]\s*\[\s*[\"'](?P<g>[A-Za-z_]\w*)[\"'])?"
        )
        for m in member.finditer(line, bind.end()):
            if not keys and m.group("f") == "data":
                if m.group("g"):
                    yield m.start("g"), m.group("g"), "data", root
                continue
            yield m.start("f"), m.group("f"), "data" if keys else "top", root


@lru_cache(maxsize=8192)  # (asked of each read's line: on a minified line, of thousands)
def python_piped(line: str) -> bool:
    """Whether the line runs `python3 -c '...'` that reads the answer from stdin."""
    return "sys.stdin" in line and PYTHON_C.search(line) is not None
