"""Answers Node's callback-style HTTP clients give an error-first callback (the `request`
package's `request.post({ url, json }, (err, res, body) => ...)`, needle's `needle.post(u, data,
opts, (err, resp, body) => ...)`, superagent's `.end((err, res) => ...)`): the parameter given the
answer's body, and the one given the response (whose `.body` is that body), for ties.scopes."""

from __future__ import annotations

from akool_cli.audit import rx

# The call of such a client, up to its parenthesis: `request(`, `request.post(`, `needle.get(`,
# `needle("post", ...`, `needle.request(`; a superagent chain's `.end(`.
CALLBACK_CLIENT = rx.compile(
    r"(?<![\w$.])(?:request|needle)(?:\.(?:get|post|put|patch|del|delete|head|request))?\s*\("
    r"|\.end\(\s*(?:async\s*)?(?:function\b|\()"
)
CLIENT_WORDS = ("request(", "request.", "needle", ".end(")  # (a line with none makes no such call)
# An error-first callback: `(err, res, body) =>`, `function (error, response, body) {`,
# `(e, r) =>` (the error's name first, then the response, then the body when given).
ERROR_FIRST = rx.compile(
    r"(?:\bfunction\s*[\w$]*\s*)?\(\s*(?:_?e|er|err|error|_err|_error|_)\s*(?::\s*\w+\s*)?,"
    r"\s*(?P<r>[A-Za-z_$][\w$]*)\s*(?::\s*\w+\s*)?(?:,\s*(?P<b>[A-Za-z_$][\w$]*)\s*(?::\s*\w+\s*)?)?"
    r"\)\s*(?:=>|\{)"
)
LOOK_BACK = 4  # lines above the URL's in which the client's call may open
LONG_LINE = 2000  # a longer line (a minified bundle's) is not searched again for each call on it


def client_line(lines: list[str], line: int) -> int:
    """The line (the URL's or one of the few above it) on which a callback client's call opens
    (`request.post(` then `{ url: "...", json: {...} },` below), or -1."""
    for k in range(line, max(-1, line - LOOK_BACK), -1):
        text = lines[k]
        if len(text) > LONG_LINE:
            return -1
        if any(w in text for w in CLIENT_WORDS) and CALLBACK_CLIENT.search(text):
            return k
    return -1


def given(lines: list[str], first: int, last: int) -> tuple[set[str], set[str]]:
    """The responses and the bodies the error-first callbacks on lines first..last are given
    (`(err, res, body) =>`: res a response, body the answer's parsed body)."""
    responses: set[str] = set()
    bodies: set[str] = set()
    for text in lines[first : last + 1]:
        for m in ERROR_FIRST.finditer(text):
            responses.add(m.group("r"))
            if m.group("b") is not None:
                bodies.add(m.group("b"))
    return responses, bodies
