"""Calls the less common HTTP clients make themselves, beside those fields.HTTP_CALLEE names:
ofetch's and Nuxt's `ofetch(u, {...})`/`$fetch(u, {...})` and the clients `ofetch.create(...)`
makes, needle's `needle("post", u, body)`, got's and ky's `got(u, {...})`, undici's `request(u,
{...})` where the file imports it, Go resty's `c.R().SetBody(b).Post(u)` (apart.py reads the
link as the call's body), Ktor's `setBody(...)` in a request block, and the script's own fetch
wrappers (`fetchWithRetry(url, init)` whose body hands both on to `fetch(url, init)`): a body they
are given is all they send."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from akool_cli.audit import jsclients, rx

# The callee just before a call's parenthesis (`await ofetch(`, `needle(`, `$fetch<T>(`).
LIBRARY_CALLEE = rx.compile(
    r"(?<![\w$.])(?P<c>ofetch|\$fetch|needle|got|ky|request|[A-Za-z_$][\w$]*)\s*(?:<[^>()]*>)?\s*$"
)
# Ktor's `setBody(` in a request block (not a member of the script's own object: `req.setBody(`).
KTOR_SET_BODY = rx.compile(r"(?<![\w$.])setBody\s*$")
# Callees that are the library's own function wherever they are called (named by their package).
OWN_CALLEES = frozenset({"ofetch", "$fetch", "needle", "got", "ky"})
# undici's `request` is a library call only where the file imports it from undici.
UNDICI_REQUEST = rx.compile(
    r"""\{[^{}]*\brequest\b(?!\s+as\b)[^{}]*\}\s*(?:=\s*require\(\s*|from\s+)["']undici["']"""
)
# A client made by ofetch (`const api = ofetch.create({ baseURL })`, `$fetch.create(...)`):
# calling it (`api("/x", { method: "POST", body })`) is ofetch's own call.
OFETCH_CLIENT = rx.compile(
    r"(?<![\w$.])(?P<n>[A-Za-z_$][\w$]*)\s*(?::[^=\n]+)?=\s*(?:ofetch|\$fetch)\.create\("
)


def library_call(text: str, call: int, defines: Callable[[str], bool]) -> bool:
    """Whether the call whose parenthesis is at `call` is one of these libraries' own, not a
    function of the script's own of the same name (`defines`)."""
    before = text[max(0, call - 80) : call]
    if before.rstrip().endswith(".SetBody") and ".R()" in before:
        return _resty_body_alone(text, call)
    if KTOR_SET_BODY.search(before) and "io.ktor" in text and not defines("setBody"):
        return True  # (Ktor's request block: `http.post(u) { setBody(mapOf(...)) }` sends it)
    m = LIBRARY_CALLEE.search(before)
    if m is None:
        return False
    callee = m.group("c")
    if (callee in OWN_CALLEES or callee == "request") and defines(callee):
        return False  # (the script's own function of that name: it may add fields)
    if callee in OWN_CALLEES:
        return True
    if callee == "request":
        return _undici_request(text)
    if callee in jsclients.called_clients(text):
        return True  # (up-fetch's client: `akool("/x", { method: "POST", body })`)
    return callee in _ofetch_clients(text) or callee in _fetch_wrappers(text)


# (each a question about the whole text, answered once per text: each call of a file asks, and a
# search per call cost N calls x the file, an Ansible playbook of 1,600 tasks 0.8 s)
@lru_cache(maxsize=8)
def _undici_request(text: str) -> bool:
    """Whether the text takes undici's `request` (see UNDICI_REQUEST)."""
    return "undici" in text and UNDICI_REQUEST.search(text) is not None


@lru_cache(maxsize=8)
def _ofetch_clients(text: str) -> frozenset[str]:
    """The names the text binds to an ofetch client (see OFETCH_CLIENT)."""
    if "create(" not in text:
        return frozenset()
    return frozenset(m.group("n") for m in OFETCH_CLIENT.finditer(text))


# A JavaScript or TypeScript function of the script's own taking a URL and an init first (its
# parameters perhaps typed and over lines: `async function fetchWithRetry(\n url: string,\n init:
# RequestInit\n)`, `const safeFetch = async (url, init) =>`).
FETCH_WRAPPER = rx.compile(
    r"(?:\bfunction\s+(?P<f>[A-Za-z_$][\w$]*)|(?<![\w$.])(?P<a>[A-Za-z_$][\w$]*)\s*=\s*(?:async\s+)?)"
    r"\s*\(\s*(?P<u>[A-Za-z_$][\w$]*)\s*(?::\s*[\w.|\s]+)?,\s*(?P<i>[A-Za-z_$][\w$]*)\s*\??"
    r"(?::\s*[\w.|\s]+)?(?:=\s*\{\s*\})?\s*,?\s*\)"
)
WRAPPER_LOOK = 1500  # (how far a wrapper's body is read for its fetch call)


@lru_cache(maxsize=8)
def _fetch_wrappers(text: str) -> frozenset[str]:
    """The names of the script's own functions that give their URL and init to `fetch` as they
    are (`return await fetch(url, init)`), and never set a member of the init (`init.body =`)."""
    if "fetch(" not in text:
        return frozenset()
    found = set()
    for m in FETCH_WRAPPER.finditer(text):
        url, init = re.escape(m.group("u")), re.escape(m.group("i"))
        body = text[m.end() : m.end() + WRAPPER_LOOK]
        handed = re.search(rf"(?<![\w$.])fetch\(\s*{url}\s*,\s*{init}\s*\)", body)
        if handed is not None and not re.search(
            rf"(?<![\w$.]){init}\s*(?:\.\w+|\[[^\]]+\])\s*=(?!=)", body
        ):
            found.add(m.group("f") or m.group("a"))
    return frozenset(found)


# A link of a resty chain that sends a form or files beside SetBody's body (or instead of it).
RESTY_BESIDE = rx.compile(
    r"\.\s*Set(?:File|Files|FileReader|FormData|MultipartFormData|MultipartField)\b"
)


def _resty_body_alone(text: str, call: int) -> bool:
    """Whether Go resty's `c.R().SetBody(b)...Post(u)` sends SetBody's body alone: no link of its
    statement (to the line's end, or the chain's lines after) sends a form or files beside it."""
    end = text.find("\n", call)
    while end >= 0 and text[end + 1 : end + 80].lstrip().startswith("."):
        end = text.find("\n", end + 1)  # (a chain written over lines: `\n\t\t.Post(u)`)
    return RESTY_BESIDE.search(text, call, end if end >= 0 else len(text)) is None
