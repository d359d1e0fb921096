"""Functions and methods that return an AKOOL answer (`async getVideo(id) { const res = await
this.http.get(...); return res.data; }` in client.ts, `def get_video(self, vid): return
r.json()`), and their calls, in the same file or in another file of the scanned folder that imports
the module: each such call is a place where that endpoint's answer is read (`res.data.video_url`
after `const res = await client.getVideo(id)`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from akool_cli.audit import ties
from akool_cli.audit.calls import FileContext, Mention
from akool_cli.audit.scopes import enclosing_class, function_def

OWN_RECEIVERS = frozenset({None, "self", "this", "$this", "cls"})
MOST_CALLS = 200  # a file with more calls than this (a bundle) is not searched for returners
AXIOS = re.compile(r"\baxios\b|\bky\.")


@dataclass(frozen=True)
class Returner:
    """A function that returns the answer of one AKOOL call: its name, the class it is a method
    of ("" for none), the call, and what it returns (see ties.scopes' `gives`)."""

    name: str
    owner: str
    call: Mention
    gives: str  # "body", "field" or "response" (an HTTP library's response)
    axios: bool  # (its file's `res.data` is the body: axios)
    file: str  # the file that defines it
    bare: bool = True  # called by its name alone (the file's own, or imported by name)


def returners(ctx: FileContext) -> list[Returner]:
    """The file's functions that return the answer of exactly one documented endpoint."""
    calls = [m for m in ctx.calls() if m.endpoint is not None and m.endpoint.response]
    if not calls or len(calls) > MOST_CALLS:
        return []
    facts = ties.Lines(ctx.lines, ctx.language == "shell")
    axios = any(AXIOS.search(line) for line in ctx.lines)
    found: dict[str, Returner | None] = {}
    for m in calls:
        last = ties.Scope()
        for _, scope in ties.scopes(facts, m.line, m.column):
            last = scope
        for name, line in last.returned.items():
            gives = "field" if name in last.fields else "body" if name in last.bodies else ""
            listed = last.held.returned.get(name, "")
            gives = f"list:{listed}" if listed else gives
            owner = enclosing_class(ctx.lines, _def_line(ctx.lines, line, name))
            made = Returner(name, owner, m, gives or "response", axios, ctx.name)
            before = found.get(name, made)
            same = before is not None and before.call.endpoint == made.call.endpoint
            found[name] = made if same and name.lower() not in ties.VERBS else None
    return [r for r in found.values() if r is not None]


def _def_line(lines: list[str], line: int, name: str) -> int:
    """The line that defines the function whose `return` is at a line."""
    for j in range(line, max(line - 200, -1), -1):
        fn = function_def(lines[j])
        if fn is not None and name in fn.groups():
            return j
    return line


@lru_cache(maxsize=1024)
def _call_pattern(name: str) -> re.Pattern[str]:
    return re.compile(
        rf"(?<![\w$])(?:(?P<r>[\w$]+(?:\(\))?)\s*(?:\.|->)\s*)?{re.escape(name)}\s*\("
    )


def calls_of(ctx: FileContext, given: list[Returner]) -> list[Mention]:
    """The calls of the given returners in a file (not their definitions), each a place of its
    endpoint's answer: a mention judged as that endpoint, read for nothing but its answer."""
    found: list[Mention] = []
    by_name = {r.name: r for r in given}
    for i, line in enumerate(ctx.lines):
        if len(line) > ties.STATEMENT_CHARS or not any(n in line for n in by_name):
            continue
        for name, r in by_name.items():
            found += _calls_on(ctx, i, line, name, r)
    return found


def _calls_on(ctx: FileContext, i: int, line: str, name: str, r: Returner) -> Iterator[Mention]:
    defined = function_def(line)
    if name not in line or (defined is not None and name in defined.groups()):
        return  # (the function's own definition)
    for m in _call_pattern(name).finditer(line):
        own = r.call.site.line >= 0 and ctx.name == r.file
        near = r.call.line <= i < r.call.line + ties.WINDOW
        if m.group("r") is None and not r.bare:
            continue  # (a function of another module that this file does not import by name)
        if ctx.in_prose(i, m.start()) or (own and near and m.group("r") in OWN_RECEIVERS):
            continue  # (tied already: ties.scopes follows `this.getVideo(` after the call)
        kind = r.gives if r.gives != "response" or not r.axios else "axios"
        site = replace(r.call.site, line=i, start=m.start(), end=m.end(), text=name, echo=True)
        yield Mention(i, m.start(), m.end(), name, r.call.judgement, replace(site, returned=kind))
