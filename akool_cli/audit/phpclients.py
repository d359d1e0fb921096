"""PHP's HTTP clients whose GET sends the query it is given and no more, for the rule that a
GET's query lacks a required field: Laravel's `Http::` facade through links that only set
headers, a token or a timeout (`Http::withHeaders([...])->get($url, ['page' => 1])`), a Guzzle
client made just above with no options or only a base and headers (`$c = new
\\GuzzleHttp\\Client();` then `$c->get($url, ['query' => [...]])`), and Symfony's `$http->request('GET',
$url, ['query' => [...]])` (as `$http->get(...)`, which fields.GET_CALLEE takes)."""

from __future__ import annotations

import re

from akool_cli.audit import rx

LOOK_BACK = 240  # characters before the call's `(` its chain may start in
CLIENT_LINES = 12  # lines above the call a Guzzle client may be made in
# Laravel's facade, through links that add no query, ending in `->get` (the call's `(` next).
FACADE_GET = rx.compile(
    r"\bHttp::(?:(?:withHeaders|withToken|withBasicAuth|acceptJson|asJson|timeout|retry"
    r"|connectTimeout|withUserAgent|baseUrl)\((?:[^()]|\([^()]*\))*\)\s*->\s*)*get\s*$"
)
# Symfony's client (the `$http` GET_CALLEE trusts) given the method first.
SYMFONY_REQUEST = rx.compile(r"\$(?:this->)?http(?:Client)?\s*->\s*request\s*$")
# `$c->get` / `$c->request`, and `$c = new \GuzzleHttp\Client(...)` with no default query.
CLIENT_CALL = rx.compile(r"\$(?P<c>[A-Za-z_]\w*)\s*->\s*(?:get|request)\s*$")
GUZZLE_NEW = r"=\s*new\s+\\?(?:GuzzleHttp\\)?Client\s*\((?P<opts>[^;]*?)\)\s*;"


def sends_given_query(text: str, call: int) -> bool:
    """Whether the PHP call whose arguments open at `call` is a GET of one of the clients above."""
    before = text[max(0, call - LOOK_BACK) : call]
    if "->" not in before:
        return False
    if FACADE_GET.search(before) is not None or SYMFONY_REQUEST.search(before) is not None:
        return True
    m = CLIENT_CALL.search(before)
    if m is None:
        return False
    start = call
    for _ in range(CLIENT_LINES):
        start = text.rfind("\n", 0, start - 1) if start > 0 else -1
        if start < 0:
            break
    made = list(re.finditer(r"\$" + m.group("c") + r"\s*" + GUZZLE_NEW, text[max(0, start) : call]))
    return bool(made) and "query" not in made[-1].group("opts")
