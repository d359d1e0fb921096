"""Clients one file of the folder makes and another imports: a module-level client given an
AKOOL base (`export const api = axios.create({ baseURL })`) and a function that returns one
(`export function createClient() { return axios.create({ baseURL }) }`), shared under their
names as bases are; a file that imports one calls its verbs (`api.get(...)`) or holds what the
function returns (`const http = createClient()`, `this.client = createClient()`) as that client."""

from __future__ import annotations

import re

from akool_cli.audit import rx
from akool_cli.audit.scopes import Scopes
from akool_cli.audit.sites import HTTP_METHODS, Base, Bases

# A name bound to what a function returns: `const http = createClient(`, `this.client = make(`,
# `client := NewClient(`, `self.api = make_client(`.
HELD = rx.compile(
    r"(?<![\w$.])(?:this\.|self\.|@|\$this->)?(?P<n>[A-Za-z_$][\w$]*)\s*(?::\s*[\w<>\[\]|.? ]+?)?"
    r"\s*(?::=|=(?![=>]))\s*(?:await\s+|new\s+)?(?P<f>[A-Za-z_$][\w$.]*)\s*\("
)
VERB = "|".join(sorted(HTTP_METHODS))


def exported(bases: Bases, scopes: Scopes) -> dict[str, Base]:
    """The file's clients other files may import: those bound at the top level under a name, and
    the top-level functions that make one (by the function's name)."""
    found: dict[str, Base] = {}
    for name, spots in bases.named_clients.items():
        line, base = spots[-1]
        if base is not None and scopes.at(line) < 0:
            found[name] = base
    for line, base in bases.clients:
        name = _top_function(scopes, line)
        if name and name not in found:
            found[name] = base
    return found


def _top_function(scopes: Scopes, line: int) -> str:
    """The name of the top-level function a line is in ("" at the top level)."""
    k, every = scopes.at(line), scopes._build()
    while k >= 0 and every[k].parent >= 0:
        k = every[k].parent
    fn = scopes.function_def_at(every[k].start) if k >= 0 else None
    return next((g for g in fn.groups() if g), "") if fn is not None else ""


def take(lines: list[str], bases: Bases) -> None:
    """The clients of other files this file imports (see the module's docstring), as its own."""
    if not bases.imported:
        return
    held = [(i, m["n"], m["f"]) for i, line in enumerate(lines) for m in HELD.finditer(line)]
    own = len(bases.clients)
    for name, base in list(bases.imported.items()):
        called = re.compile(rf"(?<![\w$.]){re.escape(name)}\s*\.\s*(?:{VERB})\s*(?:<[^()]*>)?\(")
        if any(called.search(line) for line in lines if name in line):
            bases.named_clients.setdefault(name, []).append((0, base))
            bases.clients.append((0, base))
        for i, holder, fn in held:
            if fn == name:
                bases.named_clients.setdefault(holder, []).append((i, base))
                bases.clients.append((i, base))
    if len(bases.clients) > own:
        # (another file's client is taken by its name only: a receiver the file names no client
        # under, `x.get("/...")`, is not guessed to be it; see sites._ambiguous)
        bases.named_clients.setdefault("", []).append((0, None))
        bases.clients.sort(key=lambda c: c[0])
