"""The endpoints a call can reach when its URL is chosen at run time (an if/else or a switch binding
the URL's name, a ternary): an answer read after such a call is judged against each of them."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from akool_cli.audit import rx
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
BIND_ANY = rx.compile(
    r"(?:^|[;{]|\b(?:const|let|var|val|final|auto|my|local|String|string)\b)\s*\$?"
    r"(?P<n>[A-Za-z_]\w*)\s*(?::\s*[\w<>\[\]?|. ]+?)?\s*(?::=|=(?![=>]))\s*(?P<rhs>.+)"
)
BIND_LINE = rx.compile(
    r"\s*(?:(?:const|let|var|val|final|auto|my|local|String|string)\s+)?\$?"
    r"(?P<n>[A-Za-z_]\w*)\s*(?::\s*[\w<>\[\]?|. ]+?)?\s*(?::=|=(?![=>]))\s*(?P<rhs>.+)"
)
# A call given a name first, bare or at the head of a template or a concatenation: `get(url, ...)`,
# `fetch(url)`, `` fetch(`${url}?id=${id}`) ``, `get(f"{url}?x=1")`, `URI("#{url}?...")`, `fetch(url + q)`.
NAME_FIRST = rx.compile(
    r"[A-Za-z_$][\w$]*\s*\(\s*(?:await\s+)?(?:[fF$@]?[\"'`](?:\$\{|\{|#\{)\s*)?"
    r"(?P<a>\$?[A-Za-z_]\w*)\s*[,)+}]"
)
# A conditional value: Python's `A if c else B`, `c ? A : B`, Kotlin's `if (c) A else B`.
CONDITIONAL = rx.compile(r"\sif\s.+\selse\s|\?[^?:.]+:|\bif\s*\(.+\)\s*\S.*\belse\b")


def _conditional(rhs: str) -> bool:
    """CONDITIONAL on a bound value, searched only when it holds `if` or `?` (each match does)."""
    return ("if" in rhs or "?" in rhs) and CONDITIONAL.search(rhs) is not None


# A line between two bindings that makes them alternatives (a branch, a case).
BRANCHING = rx.compile(r"\b(?:if|else|elif|elsif|case|default|when|switch|match)\b")
IDENTIFIER = rx.compile(r"(?<![\w$.\"'])[A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)?")
ROOT = rx.compile(r"\s*(?:await\s+)?\(?\s*(?:await\s+)?(?P<n>[A-Za-z_$][\w$]*)")


@dataclass
class _Index:
    """A file's bindings (`name = value`, by name, in line order), the names bound more than
    once or to a conditional value, and its mentions of documented endpoints by line."""

    bindings: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    chosen: set[str] = field(default_factory=set)
    by_line: dict[int, list[Mention]] = field(default_factory=dict)


def _index(ctx: FileContext) -> _Index:
    """The file's _Index, made once (on the first read judged again)."""
    found = ctx.__dict__.get("_branch_index")
    if isinstance(found, _Index):
        return found
    index = _Index()
    for k, line in enumerate(ctx.lines):
        if "=" not in line or len(line) > LONG:
            continue
        m = BIND_LINE.match(line)  # (a statement of its own; a branch's `} else { url = b }` too)
        m = m or (BIND_ANY.search(line) if "else" in line or "case" in line else None)
        if m is not None:
            index.bindings.setdefault(m.group("n"), []).append((k, m.group("rhs")))
            if _conditional(m.group("rhs")):
                index.chosen.add(m.group("n"))
    index.chosen.update(n for n, spots in index.bindings.items() if len(spots) > 1)
    for mention in ctx.mentions:
        if mention.endpoint is not None:
            index.by_line.setdefault(mention.line, []).append(mention)
    ctx.__dict__["_branch_index"] = index
    return index


def reachable(ctx: FileContext, line: int, root: str | None) -> list[DocEndpoint]:
    """The endpoints of the calls whose answer a read on a line (from `root`) may be, when the
    URL of the call it reads is a name bound to more than one of them: [] otherwise. The call is
    the one binding the read's root (followed back a few names), else the nearest call above
    the read in its function that is given a name (Go's `http.Get(url)` then `Decode(&j)`)."""
    lines = ctx.lines
    if line >= len(lines) or len(lines[line]) > LONG:
        return []  # (a model added from another file, see foreignmodels; a minified line)
    index = _index(ctx)
    if not index.chosen:
        return []
    home = _home(ctx, line)
    above = (
        (k, m.group("a"))
        for k in range(line, max(-1, line - UP), -1)
        if len(lines[k]) <= LONG and _home(ctx, k) == home
        for m in NAME_FIRST.finditer(lines[k])
    )
    for at, name in itertools.chain(_call_names(index, lines, line, root), above):
        found = (
            _alternatives(ctx, index, name.lstrip("$"), at)
            if name.lstrip("$") in index.chosen
            else []
        )
        if len(found) > 1:
            return found
    return []


def _home(ctx: FileContext, k: int) -> int:
    return ctx.bases.scopes.at(k) if ctx.bases.scopes else -1


def _call_names(
    index: _Index, lines: list[str], line: int, root: str | None
) -> Iterable[tuple[int, str]]:
    """(line, name) of the names given first to calls on the read's line and on the lines that
    bind its root, following the root back a few hops."""
    at, name = line, root
    for _ in range(HOPS):
        if at >= len(lines) or len(lines[at]) > LONG:
            return
        for m in NAME_FIRST.finditer(lines[at]):
            yield at, m.group("a")
        bound = _binding_above(index, name, at) if name else None
        if bound is None:
            return
        at, rhs = bound
        for m in NAME_FIRST.finditer(rhs):
            yield at, m.group("a")
        nxt = ROOT.match(rhs)
        name = nxt.group("n") if nxt is not None else None


def _binding_above(index: _Index, name: str, at: int) -> tuple[int, str] | None:
    """The nearest binding of a name at or above line `at` (within UP lines), and its value."""
    spots = [s for s in index.bindings.get(name.lstrip("$"), ()) if at - UP < s[0] <= at]
    return spots[-1] if spots else None


def _alternatives(ctx: FileContext, index: _Index, name: str, at: int) -> list[DocEndpoint]:
    """The distinct endpoints a name given to a call on line `at` may hold: from bindings of it
    above in alternative branches, or one binding to a conditional value."""
    home = _home(ctx, at)
    spots = [
        (k, rhs)
        for k, rhs in reversed(index.bindings.get(name, ()))
        if at - UP < k < at and _home(ctx, k) == home  # (another function's are its own)
    ]
    if not spots:
        return []
    if CONDITIONAL.search(spots[0][1]):
        chosen = spots[:1]
    else:
        chosen = spots[:1]
        for k, rhs in spots[1:]:
            if not any(BRANCHING.search(ctx.lines[j]) for j in range(k, chosen[-1][0] + 1)):
                break  # (an earlier binding no branch leaves standing)
            chosen.append((k, rhs))
        if len(chosen) < 2:
            return []
    found: dict[tuple[str, str], DocEndpoint] = {}
    for k, rhs in chosen:
        for e in _endpoints(index, k, rhs):
            found.setdefault((e.method, e.path), e)
    return list(found.values())


def _endpoints(index: _Index, k: int, rhs: str) -> list[DocEndpoint]:
    """The documented endpoints a bound value names: its own paths, and those of the names in it
    that hold one (a constant bound to a URL elsewhere in the file)."""
    found = [e for m in index.by_line.get(k, ()) if (e := m.endpoint) is not None]
    for ident in set(IDENTIFIER.findall(rhs)):
        for n, _ in index.bindings.get(ident.split(".")[-1], ()):
            if n != k:
                found.extend(e for m in index.by_line.get(n, ()) if (e := m.endpoint) is not None)
    return found


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
