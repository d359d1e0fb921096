"""Where the standard libraries' HTTP clients leave a call's answer: Python's http.client, whose
`conn.request("POST", path, ...)` binds nothing and whose answer is the connection's next
`conn.getresponse()`, and Node's `https.request(opts, (res) => {...})`, whose answer is the text
its callback assembles from the response's chunks (`res.on("data", (c) => (raw += c))`, then
`JSON.parse(raw)`): the names ties.scopes follows from such a call."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from akool_cli.audit import rx

# http.client's request on a connection: `conn.request("POST", "/api/...", body=...)`.
CONNECTION_REQUEST = rx.compile(
    r"^\s*(?:self\.)?(?P<c>[A-Za-z_]\w*)\.request\(\s*[\"'](?:GET|POST|PUT|PATCH|DELETE)[\"']"
)
# Node's request with a response callback: `https.request(opts, (res) => {`, `http.get(u, function (res) {`.
NODE_REQUEST = rx.compile(
    r"\bhttps?\.(?:request|get)\((?P<args>[^\n]*?)(?:function\s*)?\(\s*(?P<r>[A-Za-z_$][\w$]*)\s*\)\s*(?:=>|\{)"
)
NODE_CALLS = ("http.request(", "https.request(", "http.get(", "https.get(")  # (NODE_REQUEST's)
# The response's chunks added to a name: `res.on("data", (c) => (raw += c))`,
# `res.on('data', function (chunk) { body += chunk; })`.
CHUNKS_ADDED = (
    r"(?<![\w$.])RESPONSE\.on\(\s*[\"']data[\"']\s*,\s*(?:async\s*)?(?:function\s*)?\(?\s*(?P<c>[A-Za-z_$][\w$]*)"
    r"\s*\)?\s*(?:=>)?\s*[({]?\s*(?P<t>[A-Za-z_$][\w$]*)\s*\+=\s*(?P=c)\b"
)


def connection_of(line: str, mentions_response: bool) -> str | None:
    """The http.client connection a call's line requests on, when the file reads a response of
    one (`getresponse`)."""
    m = CONNECTION_REQUEST.match(line) if mentions_response else None
    return None if m is None else m.group("c")


@lru_cache(maxsize=8192)
def response_parameter(line: str) -> str | None:
    """The parameter a Node `https.request` call's response callback is given (`res`): kept per
    line (each call on a line asks; a line of N `requests.get(...)` searched N times)."""
    m = NODE_REQUEST.search(line) if any(call in line for call in NODE_CALLS) else None
    return None if m is None else m.group("r")


def chunks_added(line: str, held: Iterable[str]) -> list[str]:
    """The name a line adds a held response's chunks to (`res.on("data", (c) => (raw += c))`):
    its text, once whole, is the answer."""
    found = [_chunks_added(r).search(line) for r in held if ".on(" in line and r in line]
    return [m.group("t") for m in found if m is not None]


@lru_cache(maxsize=64)
def _chunks_added(response: str) -> re.Pattern[str]:
    return re.compile(CHUNKS_ADDED.replace("RESPONSE", re.escape(response)))


def holders(lines: list[str], line: int, mentions_response: bool) -> list[str]:
    """The names that hold the answer of the call on a line from its own statement on (see the
    module's docstring): a connection, or the response its callback is given."""
    found = [connection_of(lines[line], mentions_response), response_parameter(lines[line])]
    return [name for name in found if name is not None]


def requested_again(line: str, held: Iterable[str]) -> list[str]:
    """The connections of `held` a later line makes another request on (their next response is
    that request's)."""
    m = CONNECTION_REQUEST.match(line)
    return [m.group("c")] if m is not None and m.group("c") in held else []
