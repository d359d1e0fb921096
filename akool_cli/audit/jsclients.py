"""JavaScript's fluent HTTP clients that take their base as the factory's first argument rather
than as a `baseURL`/`prefixUrl` option (wretch's `wretch(BASE)` and `wretch().url(BASE)`,
mande's `mande(BASE)`), and the links of their chains that append a path to it (wretch's
`.url("/x")`): their relative paths join that base, as an axios instance's do."""

from __future__ import annotations

from functools import lru_cache

from akool_cli.audit import rx

# The factories, each given its base first (`wretch(BASE, { headers })`, `mande("https://...")`)
# or, for wretch, in a `.url(BASE)` link of a client made with none (`wretch().url(BASE)`).
FACTORIES = ("wretch", "mande")
# Where such a factory is given its base: the text after the match is the base (a literal or a
# name), as after `baseURL:` (sites.CLIENT_BASE takes it as one of its alternatives).
FACTORY_BASE = (
    r"|(?<![\w$.])(?:" + "|".join(FACTORIES) + r")\s*\(\s*(?:\)\s*\.\s*url\(\s*)?(?=[\"'`\w])"
)
# The words a line must hold for FACTORY_BASE to match (see sites.CLIENT_BASE_WORDS).
FACTORY_WORDS = tuple(name + "(" for name in FACTORIES)
# The links of a client's chain that append a path to its base without sending anything
# (wretch's `.url("/x")`, then `.get()`/`.post(body)`): read as a verb of the client.
PATH_LINKS = frozenset({"url"})
# A client called as a function (`akool("/x", { method: "POST", body })`) that a factory makes
# without `create` in its name: up-fetch's `const akool = up(fetch, () => ({ baseUrl }))`.
CALLED_CLIENT = rx.compile(
    r"(?<![\w$.])(?P<n>[A-Za-z_$][\w$]*)\s*(?::[^=\n]+)?=\s*up\(\s*(?:globalThis\.)?fetch\b"
)


@lru_cache(maxsize=8)
def called_clients(text: str) -> frozenset[str]:
    """The names a file binds to such a client (see CALLED_CLIENT): found once per text (each
    call of a file asks; a search per call cost N calls x the file)."""
    if "up(" not in text:
        return frozenset()  # (most files: no up-fetch client)
    return frozenset(m.group("n") for m in CALLED_CLIENT.finditer(text))


# An axios interceptor that gives each request its base: `akool.interceptors.request.use((config)
# => { config.baseURL = BASE; ... })`: the client whose requests it sees is given that base.
INTERCEPTOR = rx.compile(
    r"(?P<c>[A-Za-z_$][\w$]*)\.interceptors\.request\.use\(\s*(?:async\s*)?(?:function\s*\w*\s*)?"
    r"\(?\s*(?P<p>[A-Za-z_$][\w$]*)"
)
INTERCEPTOR_LINES = 6  # lines above a `config.baseURL = ...` in which the interceptor opens


def intercepted(lines: list[str], i: int, receiver: str) -> str | None:
    """The client an interceptor whose parameter is `receiver` is given to, when that interceptor
    opens on line i or a few lines above it (see INTERCEPTOR)."""
    for k in range(i, max(-1, i - INTERCEPTOR_LINES), -1):
        if ".interceptors." not in lines[k]:
            continue
        m = INTERCEPTOR.search(lines[k])
        return m.group("c") if m is not None and m.group("p") == receiver else None
    return None


# Playwright's API testing client (the `request` fixture, `APIRequestContext`): its
# `request.get(url, { params })` sends the URL's query and the params it is given, nothing more.
PLAYWRIGHT_GET = rx.compile(r"(?<![\w$.])request\s*\.\s*get\s*$")


def playwright_get(text: str, callee: str) -> bool:
    """Whether the text just before a call's parenthesis (`callee`) is Playwright's
    `request.get` in a file that imports Playwright's test runner."""
    return PLAYWRIGHT_GET.search(callee) is not None and "@playwright/test" in text
