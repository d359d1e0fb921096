"""Clients one file of the folder makes and another imports: a module-level client given an
AKOOL base (`export const api = axios.create({ baseURL })`) and a function that returns one
(`export function createClient() { return axios.create({ baseURL }) }`), shared under their
names as bases are; a file that imports one calls its verbs (`api.get(...)`) or holds what the
function returns (`const http = createClient()`, `this.client = createClient()`) as that client."""

from __future__ import annotations

import re
from pathlib import Path

from akool_cli.audit import modules, rx
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


# A client kept on an app's shared state: FastAPI's and Starlette's `app.state.akool = ...` (in a
# lifespan, `request.app.state.akool` in a route), Flask's `app.extensions["akool"] = ...`.
STATE_SET = rx.compile(
    r"\b(?:app|application)\s*\.\s*state\s*\.\s*(?P<n>[A-Za-z_]\w*)\s*(?::[^=\n]*)?=(?![=>])"
    r"|\bextensions\s*\[\s*[\"'](?P<e>[A-Za-z_][\w-]*)[\"']\s*\]\s*=(?![=>])"
)
STATE_LINES = 3  # how far above the client's base its state assignment may be (options over lines)


def state_clients(lines: list[str], bases: Bases) -> dict[str, Base | None]:
    """The clients a file keeps on its app's state (see STATE_SET), by the state's name: the
    AKOOL base it is given, or None for a client given another base (or a name's value)."""
    found: dict[str, Base | None] = {}
    made = dict(bases.clients)
    for k, line in enumerate(lines):
        m = STATE_SET.search(line) if "state" in line or "extensions" in line else None
        if m is None:
            continue
        given = [made[i] for i in range(k, min(k + STATE_LINES, len(lines))) if i in made]
        found.setdefault(m.group("n") or m.group("e"), given[0] if given else None)
    return found


def keep_state(state: dict[str, Base | None], lines: list[str], bases: Bases) -> None:
    """Add a file's state clients (state_clients) to the folder's; a name two files keep
    different clients under holds None (neither is taken)."""
    for name, client in state_clients(lines, bases).items():
        if not same_base(state.setdefault(name, client), client):
            state[name] = None


def same_base(a: Base | None, b: Base | None) -> bool:
    """Whether two clients are given the same base (wherever each is written)."""
    return a is not None and b is not None and (a.host, a.prefix) == (b.host, b.prefix)


def take_state(lines: list[str], bases: Bases, state: dict[str, Base | None]) -> None:
    """The clients other files keep on the app's state that this file reads off it
    (`request.app.state.akool.post(...)`, `current_app.extensions["akool"].get(...)`) and calls
    a verb of, as its own under that name; none when it reads another host's client off the
    state too (`extensions["search"]`, a receiver whose name the call's text does not give)."""
    if not state:
        return
    text = "\n".join(line for line in lines if "state" in line or "extensions" in line)
    read = {name: base for name, base in state.items() if text and _reads(text, name)}
    if not read or any(base is None for base in read.values()):
        return
    for name, base in read.items():
        if base is not None and name not in bases.named_clients:  # (not the file's own)
            bases.named_clients.setdefault(name, []).append((0, base))
            bases.clients.append((0, base))
    # (a receiver the file names no client under is not guessed to be one: see take)
    bases.named_clients.setdefault("", []).append((0, None))
    bases.clients.sort(key=lambda c: c[0])


def _reads(text: str, name: str) -> bool:
    """Whether a text calls a verb of the client kept on the app's state under a name."""
    kept = re.escape(name)
    return (
        re.search(
            rf"(?:\.state\s*\.\s*{kept}|\.extensions\s*\[\s*[\"']{kept}[\"']\s*\])"
            rf"\s*\.\s*(?:{VERB})\s*\(",
            text,
        )
        is not None
    )


# A client a JavaScript module exports as itself: `module.exports = axios.create({...})`,
# `export default axios.create({...})` (the client made on that line).
DEFAULT_EXPORT = rx.compile(r"^\s*(?:module\.exports\s*=|export\s+default\b)")
# A name bound to what a module exports as itself: `import akool from "./akool"`, `import akool, {
# named } from "./akool"`, `const akool = require("./akool")`.
DEFAULT_IMPORT = rx.compile(
    r"^\s*import\s+(?P<n>[A-Za-z_$][\w$]*)\s*(?:,\s*\{[^{}]*\}\s*)?from\s*[\"'](?P<s>[^\"']+)[\"']"
    r"|^\s*(?:const|let|var)\s+(?P<r>[A-Za-z_$][\w$]*)\s*=\s*require\(\s*[\"'](?P<rs>[^\"']+)[\"']\s*\)",
    re.M,  # (any line of the file: the client's import is seldom its first)
)


def default_client(lines: list[str], bases: Bases) -> Base | None:
    """The client a JavaScript file exports as itself, if it makes one with an AKOOL base."""
    for i, base in bases.clients:
        if any(DEFAULT_EXPORT.match(lines[k]) for k in range(i, max(-1, i - STATE_LINES), -1)):
            return base
    return None


def default_clients_imported(path: Path, text: str, exported: dict[Path, Base]) -> dict[str, Base]:
    """The names this file binds to a client another file exports as itself (DEFAULT_IMPORT of a
    module that resolves to that file): what its verbs are called on (`akool.get(...)`)."""
    if not exported or ("import" not in text and "require" not in text):
        return {}
    found: dict[str, Base] = {}
    for m in DEFAULT_IMPORT.finditer(text):
        name, spec = m.group("n") or m.group("r"), m.group("s") or m.group("rs")
        kind = "rel" if spec.startswith(".") else "js"
        for owner, base in exported.items():
            if owner != path and modules.resolves(kind, spec, path, owner):
                found[name] = base
    return found
