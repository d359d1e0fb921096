"""Functions and methods that return an AKOOL answer (`async getVideo(id) { const res = await
this.http.get(...); return res.data; }` in client.ts, `def get_video(self, vid): return
r.json()`), and their calls, in the same file or in another file of the scanned folder that imports
the module: each such call is a place where that endpoint's answer is read (`res.data.video_url`
after `const res = await client.getVideo(id)`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from akool_cli.audit import answers, brackets, hooks, rx, ties
from akool_cli.audit.calls import FileContext, Mention
from akool_cli.audit.scopes import enclosing_class, function_def, js_member

OWN_RECEIVERS = frozenset({None, "self", "this", "$this", "cls"})
MOST_CALLS = 200  # a file with more calls than this (a bundle) is not searched for returners
AXIOS = rx.compile(r"\baxios\b|\bky\.")


@dataclass(frozen=True)
class Returner:
    """A function that returns the answer of one AKOOL call: its name, the class it is a method
    of ("" for none), the call, and what it returns (see ties.scopes' `gives`)."""

    name: str
    owner: str
    call: Mention
    # "body", "field", "response" (an HTTP library's response), "list:<place>", or "#k" (a
    # tuple whose k-th element is the parsed answer; "#k:data" its data field)
    gives: str
    axios: bool  # (its file's `res.data` is the body: axios)
    file: str  # the file that defines it
    bare: bool = True  # called by its name alone (the file's own, or imported by name)
    # Names the calling file imports from the returner's module that it may be called on: a
    # module object (`from . import akool`), an instance made there (`akool_client`), an object
    # of functions (`export const akool = { ... }`).
    receivers: frozenset[str] = frozenset()


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
        # (a path given to the file's request helper: what the helper returns of the answer,
        # `return self._request("GET", "/x")` of a `_request` returning `j["data"]`)
        helper = m.site.base.gives if m.site is not None and m.site.base is not None else ""
        for _, scope in ties.scopes(facts, m.line, m.column, gives=helper):
            last = scope
        bodies = _destructured_bodies(facts, m) if axios else set()
        for name, line in last.returned.items():
            gives = "field" if name in last.fields else "body" if name in last.bodies else ""
            returned = ties.returned_expression(ctx.lines[line])
            if returned and hooks.hook_name(returned.strip()):
                found[name] = None  # (a composable returning `useFetch(...)`'s refs: see hooks.py)
                continue
            if not gives and returned and returned.strip().rstrip(";") in bodies:
                gives = "body"  # const { data } = await http.get(...); return data
            if not gives and helper and line == m.line and _returns_the_call(returned):
                gives = helper  # return self._request("GET", "/x"): what the helper returns
            listed = last.held.returned.get(name, "")
            gives = f"list:{listed}" if listed else gives
            placed = facts.gives_wrapped(name)  # (`return r.status_code, r.json()`: "#1")
            gives = placed if placed.startswith("#") else gives
            defined = _def_line(ctx.lines, line, name)
            owner = enclosing_class(ctx.lines, defined)
            bare = not (ctx.is_js and js_member(ctx.lines[defined], name))
            made = Returner(name, owner, m, gives or "response", axios, ctx.name, bare)
            before = found.get(name, made)
            same = before is not None and before.call.endpoint == made.call.endpoint
            found[name] = made if same and name.lower() not in ties.VERBS else None
    return [r for r in found.values() if r is not None]


def _returns_the_call(returned: str | None) -> bool:
    """Whether a return statement's value is one call and nothing after it (`self._request("GET",
    "/x", params=p)`, not `self._request(...)["x"]`)."""
    value = (returned or "").strip().rstrip(";").strip()
    opened = value.find("(")
    return opened > 0 and brackets.matching(value, opened, 1, len(value)) == len(value) - 1


def _destructured_bodies(facts: ties.Lines, m: Mention) -> set[str]:
    """The names a call's statement destructures axios' body into (`const { data } = await
    http.get(...)`, `const { data: out } = ...`): they hold the parsed answer."""
    _, bound = ties.call_binding(facts, m.line, m.column)
    if bound is None or not bound.destructured:
        return set()
    return {n for n, p in zip(bound.names, bound.paths, strict=True) if p == "data"}


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


# A module imported whole: `import * as akool from`, `import akool_api [as a]`, `= require(`.
MODULE = rx.compile(
    r"^\s*import\s+(?:\*\s+as\s+)?(?:[\w.]+\s+as\s+)?([A-Za-z_]\w*)\b(?!\s*,)|([A-Za-z_]\w*)\s*=\s*require\(",
    re.M,
)
Objects = Callable[[str, str], Iterable[str]]  # (text, class) -> the names holding its objects


def calls_of(ctx: FileContext, given: list[Returner], objects: Objects) -> list[Mention]:
    """The calls of the given returners in a file (not their definitions), each a place of its
    endpoint's answer: a mention judged as that endpoint, read for nothing but its answer. A
    method is called on an object of its class (made here or given typed: `objects`), on the
    class itself, or on `this`/`self`; a function by its name, or on a module imported whole.
    A call that returners of one name and different endpoints may each be is none of them."""
    found: list[Mention] = []
    by_name: dict[str, list[Returner]] = {}
    for r in given:
        by_name.setdefault(r.name, []).append(r)
    text = "\n".join(ctx.lines) if given else ""
    holders = {r.owner: {*objects(text, r.owner), r.owner} for r in given if r.owner}
    holders[""] = {a or b for a, b in MODULE.findall(text)}  # (modules imported whole)
    for i, line in enumerate(ctx.lines):
        if len(line) > ties.STATEMENT_CHARS or not any(n in line for n in by_name):
            continue
        for named in by_name.values():
            made = [m for r in named for m in _calls_on(ctx, i, line, r, _holders(r, holders))]
            found += _unambiguous(made)
    return found


def _holders(r: Returner, holders: dict[str, set[str]]) -> set[str]:
    """The names a returner may be called on: its class's objects; for a function, the modules
    imported whole, or (another file's, whose module's imports are known) only the names those
    bind (`video.getStatus(v)` after `import * as video from "./video.js"` is not image.js's)."""
    if r.owner or not r.receivers:
        return holders[r.owner] | r.receivers
    return set(r.receivers)


def _unambiguous(made: list[Mention]) -> list[Mention]:
    """The calls found at each place, unless returners of different endpoints were found there
    (`getStatus(i)` when two modules' getStatus are in view and which one is called is unknown);
    the last of those found of one endpoint (as a file's own returner gives way to another's)."""
    spots: dict[int, list[Mention]] = {}
    for m in made:
        spots.setdefault(m.column, []).append(m)
    return [
        at[-1] for at in spots.values() if len({(e.endpoint and e.endpoint.path) for e in at}) == 1
    ]


def as_imported(r: Returner, text: str, bare: bool, receivers: frozenset[str]) -> list[Returner]:
    """Another file's returner as a file that imports its module sees it: called by its own
    name only when an import of that module binds the name (`import { getStatus } from
    "./image.js"`, not the same-named function of "./video.js" imported beside it), and by each
    alias such an import gives it (`import { getStatus as videoStatus } from "./video.js"`,
    `from pkg.video import get_status as video_status`)."""
    aliases = {a for a in _aliases(text, r.name) if a in receivers}
    own = (
        bare and r.bare and (r.name in receivers or not receivers)
    )  # (imports of it not read: as it was)
    found = [replace(r, bare=own, receivers=receivers)]
    found += [replace(r, name=a, bare=True, receivers=receivers) for a in sorted(aliases)]
    return found


@lru_cache(maxsize=1024)
def _alias_pattern(name: str) -> re.Pattern[str]:
    return re.compile(
        rf"(?<![\w$.]){re.escape(name)}\s*(?:\bas\s+|:\s*)(?P<a>[A-Za-z_$][\w$]*)(?![\w$])"
    )


def _aliases(text: str, name: str) -> set[str]:
    """The names an import line binds a name as (`name as alias`, `{ name: alias } = require(`)."""
    if name not in text or (" as " not in text and ":" not in text):
        return set()
    return {m.group("a") for m in _alias_pattern(name).finditer(text) if m.group("a") != name}


def _calls_on(
    ctx: FileContext, i: int, line: str, r: Returner, holders: set[str]
) -> Iterator[Mention]:
    defined = function_def(line)
    if r.name not in line or (defined is not None and r.name in defined.groups()):
        return  # (the function's own definition)
    own = ctx.name == r.file
    for m in _call_pattern(r.name).finditer(line):
        receiver = m.group("r")
        near = r.call.line <= i < r.call.line + ties.WINDOW
        if not _receives(receiver, r, own, holders):
            continue  # (another object's method of the same name, `res.status(200)`)
        if ctx.in_prose(i, m.start()) or (own and near and receiver in OWN_RECEIVERS):
            continue  # (tied already: ties.scopes follows `this.getVideo(` after the call)
        kind = r.gives if r.gives != "response" or not r.axios else "axios"
        site = replace(r.call.site, line=i, start=m.start(), end=m.end(), text=r.name, echo=True)
        yield Mention(i, m.start(), m.end(), r.name, r.call.judgement, replace(site, returned=kind))


def _receives(receiver: str | None, r: Returner, own: bool, holders: set[str]) -> bool:
    """Whether a call's receiver is one the returner's function is called on."""
    if receiver is None:
        return r.bare and (own or not r.owner)  # getVideo(id): a function of its own name
    name = receiver.removesuffix("()")
    if r.owner:
        return name in holders or (own and receiver in OWN_RECEIVERS)
    if (
        own
    ):  # (a module the file imports whole is another module: `axios.create(` is not its create)
        return receiver in OWN_RECEIVERS
    return name in holders  # (akool.getVideo)


# A member read right on a returner's call (`image_info(iid)["status"]`, `.status`, `?.status`,
# `.get("status")`, `(await getInfo(id)).status`): group `name`, the field.
CHAINED = rx.compile(
    r"\)?\s*(?:!?\??\.\s*(?P<dot>[A-Za-z_]\w*)(?![\w$(])(?!\s*\()|\[\s*[\"'](?P<key>[A-Za-z_]\w*)[\"']\s*\]"
    r"|\.get\(\s*[\"'](?P<got>[A-Za-z_]\w*)[\"'])"
)


def chained_read(line: str, m: Mention) -> answers.Read | None:
    """What a returner's call reads of the answer right on the call (`image_info(iid)["status"]`
    of a function returning the answer's data: its data.status), if it gives the parsed answer
    or its data field."""
    if m.site.returned not in ("field", "body"):
        return None
    place = "data" if m.site.returned == "field" else "top"
    return _chained_at(line, m.line, m.column, line.find("(", m.column), place)


def chained_reads(line_no: int, line: str, name: str, place: str) -> list[answers.Read]:
    """The members read right on each call of the file's own function `name` on a line (its
    calls' reads: see chained_read), `place` where what it returns sits ("data", "top")."""
    if name + "(" not in line.replace(" (", "("):
        return []
    found = []
    for m in _call_pattern(name).finditer(line):
        if m.group("r") is None or m.group("r").removesuffix("()") in OWN_RECEIVERS:
            read = _chained_at(line, line_no, m.start(), m.end() - 1, place)
            found += [read] if read is not None else []
    return found


def _chained_at(
    line: str, line_no: int, start: int, opened: int, place: str
) -> answers.Read | None:
    close = brackets.matching(line, opened, 1, len(line)) if opened >= 0 else -1
    if close < 0:
        return None
    closed = close + 1
    if line[closed : closed + 1] == ")" and not line[:start].rstrip().endswith("await"):
        return None  # (`f(getInfo(id)).x`: another call's member)
    found = CHAINED.match(line, closed)
    if found is None or found.lastgroup is None:
        return None
    return answers.Read(line_no, found.start(found.lastgroup), found.group(found.lastgroup), place)
