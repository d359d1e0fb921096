"""ASP.NET Core's IHttpClientFactory clients and their bases: a named client registered with
`AddHttpClient("akool", c => c.BaseAddress = new Uri(BASE))` is the one
`factory.CreateClient("akool")` returns; a typed one, `AddHttpClient<AkoolClient>(c => ...)`, is the
`HttpClient` the class's constructor is given (and the field it keeps it in). Registration and use
may be in two files of one scanned folder (Program.cs registers, the endpoint or class calls)."""

from __future__ import annotations

import re
from pathlib import PurePath

from akool_cli.audit import rx
from akool_cli.audit.sites import Base, Bases

WORD = "HttpClient"  # (a file without it neither registers nor receives such a client)
REGISTRATION = rx.compile(
    r"\bAddHttpClient(?:<\s*(?P<t>[\w.]+)\s*(?:,\s*(?P<impl>[\w.]+)\s*)?>)?\(\s*(?:\"(?P<n>[^\"]+)\")?"
)
REGISTRATION_LINES = 8  # (how far the registration's configuring lambda runs)
# `var http = factory.CreateClient("akool");` (`_factory.CreateClient(...)`, `await`-less).
CREATED = rx.compile(
    r"(?<![\w.])(?P<v>[A-Za-z_]\w*)\s*=\s*[\w.]+\s*\.\s*CreateClient\(\s*\"(?P<n>[^\"]*)\"\s*\)"
)
# A key the folder shares a registration under (scan's configured bases: `${key}`, found in a
# file's text by what is inside the braces).
NAMED_KEY, TYPED_KEY = 'CreateClient("{}")', "{}(HttpClient "


def registered(name: str, lines: list[str], bases: Bases) -> dict[str, Base]:
    """The file's registrations of AKOOL-based clients (see the module's docstring), by the key
    the text that uses one holds: `CreateClient("akool")`, or `AkoolClient(HttpClient ` (its
    constructor's first parameter)."""
    if PurePath(name).suffix.lower() != ".cs" or not bases.clients:
        return {}
    found: dict[str, Base] = {}
    made = [(i, m) for i, line in enumerate(lines) if (m := _registration(line)) is not None]
    for n, (i, m) in enumerate(made):
        end = min(made[n + 1][0] if n + 1 < len(made) else len(lines), i + REGISTRATION_LINES)
        base = next((b for k, b in bases.clients if i <= k < end), None)
        if base is None:
            continue
        typed = m["impl"] or m["t"]
        if typed:
            found[TYPED_KEY.format(typed.split(".")[-1])] = base
        elif m["n"]:
            found[NAMED_KEY.format(m["n"])] = base
    return found


def _registration(line: str) -> re.Match[str] | None:
    return REGISTRATION.search(line) if "AddHttpClient" in line else None


def factory_clients(name: str, text: str, lines: list[str], bases: Bases) -> None:
    """The names the file holds a registered client under (`var http = factory.CreateClient(
    "akool")`, a typed client's constructor parameter and the field it is kept in), as named
    clients of the registration's base (its own registrations, or another file's)."""
    if PurePath(name).suffix.lower() != ".cs" or WORD not in text:
        return
    known = registered(name, lines, bases)
    for key, base in bases.imported.items():
        if base is not None and key.startswith("${") and key[2:-1] not in known:
            known[key[2:-1]] = base
    if not known:
        return
    own = len(bases.clients)
    for i, line in enumerate(lines):
        if "CreateClient(" in line:
            for m in CREATED.finditer(line):
                named = known.get(NAMED_KEY.format(m["n"]))
                if named is not None:
                    _hold(bases, m["v"], i, named)
        for key, base in known.items():
            if key.endswith("(HttpClient ") and key in line:
                _typed(lines, i, line.index(key) + len(key), base, bases)
    if len(bases.clients) > own:
        bases.clients.sort(key=lambda c: c[0])
        if not own:  # (the file's other receivers, `cache.PostAsync(...)`, are not guessed its)
            bases.named_clients.setdefault("", []).append((0, None))


def _hold(bases: Bases, held: str, i: int, base: Base) -> None:
    bases.named_clients.setdefault(held, []).append((i, base))
    bases.clients.append((i, base))


PARAMETER = rx.compile(r"\s*(?P<p>[A-Za-z_]\w*)")
FIELD_KEPT = r"(?<![\w.])(?:this\.)?(?P<f>[A-Za-z_]\w*)\s*=\s*{p}\s*[;,)]"


def _typed(lines: list[str], i: int, at: int, base: Base, bases: Bases) -> None:
    """A typed client's constructor (its `HttpClient p` parameter at column `at` of line i): p,
    and the field the class keeps it in (`_http = http;`), hold the client."""
    parameter = PARAMETER.match(lines[i], at)
    if parameter is None:
        return
    _hold(bases, parameter["p"], 0, base)
    kept = re.compile(FIELD_KEPT.format(p=parameter["p"]))
    for k in range(i, min(len(lines), i + REGISTRATION_LINES)):
        for m in kept.finditer(lines[k]):
            _hold(bases, m["f"], 0, base)
