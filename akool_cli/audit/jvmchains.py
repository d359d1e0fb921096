"""Lambdas a JVM request chain hands its response to, link by link over lines: Play's WSClient
(`ws.url(INFO).addHeader(...).get()` then `.thenApply(r -> { JsonNode json = r.asJson(); ...`),
Java 11's `client.sendAsync(req, ofString())` then `.thenApply(r -> ...)`, Vert.x's WebClient
(`.send()` then `.onSuccess(r -> ...)`), Spring's WebClient (`.retrieve().bodyToMono(String.class)`
then `.map(b -> ...)`): the lambda's parameter holds what the request gives when the link before
it is the one that makes the request."""

from __future__ import annotations

from akool_cli.audit import jvmanswers, rx

# A link whose lambda is given what the chain gives so far (`.thenApply(r -> {`, `.map(r ->`,
# Vert.x's `.onSuccess(r ->`, `.whenComplete((r, e) ->`: the first parameter).
GIVEN_LAMBDA = rx.compile(
    r"^\s*\.\s*(?:thenApply|thenApplyAsync|thenAccept|thenAcceptAsync|thenCompose|whenComplete"
    r"|handle|map|flatMap|doOnNext|doOnSuccess|subscribe|onSuccess|onComplete)"
    r"\(\s*\(?\s*(?P<p>[A-Za-z_]\w*)\s*(?:,\s*[A-Za-z_]\w*\s*)?\)?\s*->"
)
# A link that makes the request: Play's WSRequest `.get()`, `.post(body)`, `.execute()`; Java's
# `.sendAsync(req, ...)`; Vert.x's `.send()`, `.sendJson(body)`, `.sendJsonObject(o)`,
# `.sendBuffer(b)`, `.sendForm(f)`; Spring's `.retrieve().bodyToMono(String.class)`,
# `.bodyToMono(JsonNode.class)`, `.toEntity(String.class)`.
REQUEST_LINK = rx.compile(
    r"(?:^\s*\.\s*|\.)(?:get|post|put|patch|delete|execute|sendAsync|send|sendJson"
    r"|sendJsonObject|sendBuffer|sendForm|bodyToMono|toEntity)\([^()]*(?:\([^()]*\)[^()]*)*\)\s*$"
)
CHAIN_BACK = 12  # lines: how far up a chain's head may be


def given_response(lines: list[str], i: int) -> tuple[str, int] | None:
    """The parameter of a lambda chained on line i that is given the response of the request
    the link just before it makes, and the line the chain starts on (whose expression must hold
    the call's URL or request)."""
    m = GIVEN_LAMBDA.match(lines[i])
    if m is None or i == 0 or REQUEST_LINK.search(lines[i - 1]) is None:
        return None
    head = i - 1
    while head > max(0, i - CHAIN_BACK) and lines[head].lstrip().startswith("."):
        head -= 1
    return (m["p"], head) if not lines[head].lstrip().startswith(".") else None


def own_chain(lines: list[str], start: int, end: int) -> list[tuple[str, str]]:
    """The lambdas chained on the call's own statement (starting on line `start`, its first line
    ending on `end`) on the lines that continue it (`.get()`, then `.thenApply(r -> ...)`): each
    parameter with what it is given ("data": the answer's data node, "body": the parsed answer,
    "response": the response), see jvmanswers.chained_param and given_response."""
    found: list[tuple[str, str]] = []
    for k in range(end + 1, min(end + CHAIN_BACK, len(lines))):
        text = lines[k]
        if not text.lstrip().startswith("."):
            break
        if "->" not in text:
            continue
        chained = jvmanswers.chained_param(lines, k)
        if chained is not None and chained[2] == start:
            found.append((chained[0], chained[1]))
            continue
        given = given_response(lines, k)
        if given is not None and given[1] == start:
            found.append((given[0], "response"))
    return found
