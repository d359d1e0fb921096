"""The endpoints a call can reach when its URL is chosen at run time (an if/else or a switch binding
the URL's name, a ternary): an answer read after such a call is judged against each of them."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from akool_cli.audit.answers import Read
from akool_cli.audit.calls import FileContext, Mention
from akool_cli.core.catalogue import DocEndpoint

if TYPE_CHECKING:
    from akool_cli.audit.rules import Hit

    Judged = tuple[str, Hit] | None

UP = 40  # lines above a read in which the call giving its answer is looked for
LONG = 2000  # characters: a longer line is minified, its calls not read here
HOPS = 3  # names followed back from a read to that call (`j = r.json()`, `r = get(url)`)

# A name bound: `url = ...`, `const url = ...`, `url := ...`, `String url = ...`, `$url = ...`.
BOUND = r"(?:^|[;{]|\b(?:const|let|var|val|final|auto|my|local|String|string)\b)\s*\$?{name}\s*(?::\s*[\w<>\[\]?|. ]+?)?\s*(?::=|=(?![=>]))\s*(?P<rhs>.+)"
# A call given a name first, bare or at the head of a template or a concatenation: `get(url, ...)`,
# `fetch(url)`, `` fetch(`${url}?id=${id}`) ``, `get(f"{url}?x=1")`, `URI("#{url}?...")`, `fetch(url + q)`.
NAME_FIRST = re.compile(
    r"[A-Za-z_$][\w$]*\s*\(\s*(?:await\s+)?(?:[fF$@]?[\"'`](?:\$\{|\{|#\{)\s*)?"
    r"(?P<a>\$?[A-Za-z_]\w*)\s*[,)+}]"
)
# A conditional value: Python's `A if c else B`, `c ? A : B`, Kotlin's `if (c) A else B`.
CONDITIONAL = re.compile(r"\sif\s.+\selse\s|\?[^?:.]+:|\bif\s*\(.+\)\s*\S.*\belse\b")
# A line between two bindings that makes them alternatives (a branch, a case).
BRANCHING = re.compile(r"\b(?:if|else|elif|elsif|case|default|when|switch|match)\b")
IDENTIFIER = re.compile(r"(?<![\w$.\"'])[A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)?")
ROOT = re.compile(r"\s*(?:await\s+)?\(?\s*(?:await\s+)?(?P<n>[A-Za-z_$][\w$]*)")


def reachable(ctx: FileContext, line: int, root: str | None) -> list[DocEndpoint]:
    """The endpoints of the calls whose answer a read on a line (from `root`) may be, when the
    URL of the call it reads is a name bound to more than one of them: [] otherwise. The call is
    the one binding the read's root (followed back a few names), else the nearest call above
    the read in its function that is given a name (Go's `http.Get(url)` then `Decode(&j)`)."""
    lines, home = ctx.lines, _home(ctx, line)
    if line >= len(lines) or len(lines[line]) > LONG:
        return []  # (a model added from another file, see foreignmodels; a minified line)
    above = (
        (k, m.group("a"))
        for k in range(line, max(-1, line - UP), -1)
        if _home(ctx, k) == home and len(lines[k]) <= LONG
        for m in NAME_FIRST.finditer(lines[k])
    )
    for at, name in itertools.chain(_call_names(lines, line, root), above):
        found = _alternatives(ctx, name, at)
        if len(found) > 1:
            return found
    return []


def _home(ctx: FileContext, k: int) -> int:
    return ctx.bases.scopes.at(k) if ctx.bases.scopes else -1


def _call_names(lines: list[str], line: int, root: str | None) -> Iterable[tuple[int, str]]:
    """(line, name) of the names given first to calls on the read's line and on the lines that
    bind its root, following the root back a few hops."""
    at, name = line, root
    for _ in range(HOPS):
        if at >= len(lines) or len(lines[at]) > LONG:
            return
        for m in NAME_FIRST.finditer(lines[at]):
            yield at, m.group("a")
        if not name:
            return
        bound = _binding_above(lines, name, at)
        if bound is None:
            return
        at, rhs = bound
        for m in NAME_FIRST.finditer(rhs):
            yield at, m.group("a")
        nxt = ROOT.match(rhs)
        name = nxt.group("n") if nxt is not None else None


def _binding_above(lines: list[str], name: str, at: int) -> tuple[int, str] | None:
    """The nearest line at or above `at` that binds a name, and the bound value."""
    bound = _bound(name)
    for k in range(at, max(-1, at - UP), -1):
        if name in lines[k] and len(lines[k]) <= LONG:
            m = bound.search(lines[k])
            if m is not None:
                return k, m.group("rhs")
    return None


def _bound(name: str) -> re.Pattern[str]:
    return re.compile(BOUND.replace("{name}", re.escape(name.lstrip("$"))))


def _alternatives(ctx: FileContext, name: str, at: int) -> list[DocEndpoint]:
    """The distinct endpoints a name given to a call on line `at` may hold: from bindings of it
    above in alternative branches, or one binding to a conditional value."""
    lines, bound = ctx.lines, _bound(name)
    spots = []
    home = _home(ctx, at)
    for k in range(at - 1, max(-1, at - UP), -1):
        if _home(ctx, k) != home:
            break  # (another function's bindings of the name are its own)
        if name in lines[k] and len(lines[k]) <= LONG and (m := bound.search(lines[k])):
            spots.append((k, m.group("rhs")))
    if not spots:
        return []
    last_k, last_rhs = spots[0]
    if CONDITIONAL.search(last_rhs):
        chosen = [(last_k, last_rhs)]
    else:
        chosen = [spots[0]]
        for k, rhs in spots[1:]:
            if not any(BRANCHING.search(lines[j]) for j in range(k, chosen[-1][0] + 1)):
                break  # (an earlier binding no branch leaves standing)
            chosen.append((k, rhs))
        if len(chosen) < 2:
            return []
    found: dict[tuple[str, str], DocEndpoint] = {}
    for k, rhs in chosen:
        for e in _endpoints(ctx, k, rhs):
            found.setdefault((e.method, e.path), e)
    return list(found.values())


def _endpoints(ctx: FileContext, k: int, rhs: str) -> list[DocEndpoint]:
    """The documented endpoints a bound value names: its own paths, and those of the names in it
    that hold one (a constant bound to a URL elsewhere in the file)."""
    by_line = _by_line(ctx)
    found = [e for m in by_line.get(k, ()) if (e := m.endpoint) is not None]
    for ident in set(IDENTIFIER.findall(rhs)):
        head = ident.split(".")[-1]
        for n in _mention_lines(ctx, by_line, head):
            if n != k:
                found.extend(e for m in by_line[n] if (e := m.endpoint) is not None)
    return found


def _by_line(ctx: FileContext) -> dict[int, list[Mention]]:
    """The file's mentions of documented endpoints by line (made once per file)."""
    cached = ctx.__dict__.get("_branch_mentions")
    if cached is None:
        cached = {}
        for m in ctx.mentions:
            if m.endpoint is not None:
                cached.setdefault(m.line, []).append(m)
        ctx.__dict__["_branch_mentions"] = cached
    return cached


def _mention_lines(ctx: FileContext, by_line: dict[int, list[Mention]], name: str) -> list[int]:
    """The lines with a mention that bind a name (`VIDEO_INFO = f"{BASE}/content/..."`)."""
    bound = _bound(name)
    lines = ctx.lines
    return [
        n
        for n in by_line
        if n < len(lines) and name in lines[n] and len(lines[n]) <= LONG and bound.search(lines[n])
    ]


def rejudge(
    ctx: FileContext,
    read: Read,
    endpoint: DocEndpoint,
    first: Judged,
    judge: Callable[[DocEndpoint], Judged],
) -> Judged:
    """A read's finding against its call's endpoint, judged again against every endpoint the
    call may reach (see reachable): none when the read is right for one of them; no fix unless
    each gives the same one."""
    if first is None:
        return None
    every = reachable(ctx, read.line, read.root)
    if len(every) < 2 or not any(_same(e, endpoint) for e in every):
        return first  # (the call tied is not the branches' one)
    others = [e for e in every if not _same(e, endpoint)]
    more = [judge(e) for e in others]
    if not others or any(f is None for f in more):
        return None if others else first  # (right for a branch's endpoint: not certainly wrong)
    hits = [first[1], *(f[1] for f in more if f is not None)]
    fixes = {h.fix.new if h.fix is not None else None for h in hits}
    where = ", ".join(f"{e.method} {e.path}" for e in others)
    hit = replace(
        first[1],
        documented=" or ".join(dict.fromkeys(h.documented for h in hits)),
        message=first[1].message
        + f"; the call's URL may also be {where}, whose answer lacks it too",
        fix=first[1].fix if len(fixes) == 1 and None not in fixes else None,
    )
    return first[0], hit


def _same(a: DocEndpoint, b: DocEndpoint) -> bool:
    return (a.method, a.path) == (b.method, b.path)
