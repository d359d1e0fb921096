"""Names a JVM script binds to AKOOL's parsed answer (the whole envelope, with its `code`) through
its JSON library or its HTTP client's own parsing, for the status rule's envelope code: Gson's
`JsonParser.parseString(text)` and `gson.fromJson(text, JsonObject.class)`, org.json's
`new JSONObject(text)`, Unirest's `r.getBody().getObject()`, Spring's `resp.getBody()` and
RestClient's `.body(JsonNode.class)`, WebClient's `.bodyToMono(JsonNode.class).map(root -> ...)`,
Vert.x's `r.bodyAsJsonObject()`, kotlinx's `Json.parseToJsonElement(text)`, Groovy's
`new JsonSlurper().parseText(text)`, Micronaut's `retrieve(request, Map.class)`; and the getters
they read a number with (`getInt("code")`, Vert.x's `getInteger`, org.json's `optInt`)."""

from __future__ import annotations

import re

from akool_cli.audit import rx

# Words one of which a file that binds a JVM answer so holds (a cheap test: the bench's Python
# holds none).
WORDS = (
    "JsonParser",
    "fromJson(",
    "JSONObject(",
    "getBody()",
    "JsonNode.class",
    "bodyAsJsonObject(",
    "parseToJsonElement(",
    "JsonSlurper",
    "Map.class",
)
BOUND = rx.compile(
    r"(?<![\w$.])(?P<n>[A-Za-z_]\w*)[ \t]*(?::[ \t]*[\w<>?, .]+)?[ \t]*=[ \t]*"
    r"(?:\([ \t]*\w+[ \t]*\)[ \t]*)?"  # (a cast: `(Map) client.retrieve(...)`)
    r"(?:(?:new[ \t]+)?JsonParser(?:\(\))?\.parse(?:String|Reader)?\("
    r"|[\w.]+\.fromJson\([^;\n]*,[ \t]*(?:JsonObject|JsonElement)(?:\.class|::class\.java)\)"
    r"|(?:new[ \t]+)?JSONObject\((?![ \t]*\))"
    r"|Json\.parseToJsonElement\("
    r"|(?:new[ \t]+)?JsonSlurper\(\)\.parse(?:Text)?\("
    r"|[^;=\n]*\.bodyAsJsonObject\(\)"
    # (a chain over lines that ends in the client's own parsing: Spring's, Unirest's, Micronaut's)
    r"|[^;=]{0,600}?(?:\.getBody\(\)(?:\.getObject\(\))?|\.body\([ \t]*JsonNode\.class[ \t]*\)"
    r"|\.retrieve\([^;]*,[ \t]*Map\.class\))[ \t]*;)"
    # (WebClient's answer given to the lambda of its `.map(...)`)
    r"|\.bodyToMono\([ \t]*JsonNode\.class[ \t]*\)\s*\.map\([ \t]*(?P<l>[A-Za-z_]\w*)[ \t]*->"
)
# Kotlin's org.json parse and its data node in one expression (no `new`: ties.PARSED_DATA has
# Java's): `val data = JSONObject(response.body!!.string()).getJSONObject("data")`.
KOTLIN_PARSED_DATA = rx.compile(
    r"(?<![\w.])JSONObject\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)"
    r"\s*\.\s*(?:getJSONObject|optJSONObject)\(\s*\"data\"\s*\)\s*;?\s*$"
)
# The getters a JVM tree reads a number with: `root.getInt("code")`, Vert.x's `getInteger`.
GETTER = r"\.(?:getInt|getInteger|getLong|optInt|optLong)\(\s*\""


def parsed_bindings(text: str) -> list[tuple[int, str]]:
    """Where the text binds a name to a parsed answer so, and the name (see BOUND)."""
    if not any(word in text for word in WORDS):
        return []
    return [(m.start(), m["n"] or m["l"]) for m in BOUND.finditer(text)]


def getter_name(before: str) -> str | None:
    """The name a `code` read through a JVM getter is made on (`root` in `root.getInt("`)."""
    m = re.search(r"(?<![\w$.])(?P<n>[A-Za-z_]\w*)" + GETTER + "$", before)
    return m["n"] if m is not None else None


# The head of the method a read is in: Java's `... name(...) {` (or `throws ... {`), Kotlin's
# `fun`, Groovy's `def`.
METHOD_HEAD = rx.compile(
    r"^\s*(?:(?:public|private|protected|static|final|suspend|override|synchronized)\s+)*"
    r"(?:fun\s|def\s|[\w<>\[\],.?]+\s+\w+\s*\()[^;]*[{=]\s*$"
)
READ_ON = rx.compile(
    r"(?<![\w$.])(?P<n>[A-Za-z_]\w*)(?:\.(?:get|path|getInt|getInteger|getLong|optInt|optLong)"
    r"\(\s*\"|\[\s*\"|\.)$"
)
METHOD_LINES = 80  # (how far above a read its method's head may be)


def read_in_akool_method(
    lines: list[str], calls: set[int], names: set[str], i: int, before: str
) -> bool:
    """Whether a `code` read on line i (`before` its name) is made on a name the file binds to a
    parsed JVM answer (see BOUND) in the method that makes an AKOOL call above the read and binds
    the name after that method's head: that call's answer, whose envelope the read is of."""
    on = READ_ON.search(before)
    if on is None or on["n"] not in names:
        return False
    depth = len(lines[i]) - len(lines[i].lstrip())
    for k in range(i - 1, max(-1, i - METHOD_LINES), -1):
        head = lines[k]
        if not head.strip() or len(head) - len(head.lstrip()) >= depth:
            continue
        if METHOD_HEAD.match(head) is None:
            continue
        name = re.escape(on["n"])
        bound = re.compile(rf"(?<![\w$.]){name}\s*(?::[^=\n]+)?=(?!=)|(?<![\w$.]){name}\s*->")
        at = next((j for j in range(i, k, -1) if bound.search(lines[j])), -1)
        call = max((c for c in calls if k < c <= at), default=-1)
        return call >= 0 and not _other_url(lines[call + 1 : at + 1])
    return False


def _other_url(lines: list[str]) -> bool:
    """Whether lines between an AKOOL call and the binding of a parsed answer name another host's
    URL (another API's request, whose answer the name may hold)."""
    return any(("http://" in t or "https://" in t) and "akool" not in t.lower() for t in lines)


# A chain link whose lambda is given what the link before it gives: CompletableFuture's
# `.thenApply(b -> ...)`/`.thenAccept(d -> {`, Reactor's and RxJava's `.map(...)`/`.subscribe(...)`.
CHAINED_LAMBDA = rx.compile(
    r"^\s*\.\s*(?:thenApply|thenAccept|thenCompose|map|flatMap|doOnNext|doOnSuccess|subscribe)"
    r"\(\s*\(?(?P<p>[A-Za-z_]\w*)\)?\s*->"
)
# A link before it that gives the answer's data node (`.thenApply(b -> new JSONObject(b)
# .getJSONObject("data"))`) or the parsed answer (`.bodyToMono(JsonNode.class)`,
# `.thenApply(b -> new JSONObject(b))`, `.thenApply(mapper::readTree)`).
GIVES_DATA = rx.compile(
    r"^\s*\.\s*(?:thenApply|map)\(\s*\(?(?P<q>[A-Za-z_]\w*)\)?\s*->\s*(?:new\s+)?"
    r"(?:JSONObject|JsonParser\.parseString|[\w.]+\.readTree)\(\s*(?P=q)\s*\)"
    r"(?:\.getAsJsonObject\(\))?\s*\.\s*(?:getJSONObject|optJSONObject|path|get|getAsJsonObject)"
    r"\(\s*\"data\"\s*\)\s*\)\s*$"
)
GIVES_BODY = rx.compile(
    r"^\s*\.\s*(?:(?:thenApply|map)\(\s*\(?(?P<q>[A-Za-z_]\w*)\)?\s*->\s*(?:new\s+)?"
    r"(?:JSONObject|JsonParser\.parseString|[\w.]+\.readTree)\(\s*(?P=q)\s*\)(?:\.getAsJsonObject\(\))?\s*\)"
    r"|bodyToMono\(\s*(?:JsonNode|Map|JsonObject)\.class\s*\))\s*$"
)
CHAIN_BACK = 12  # lines: how far up a chain's head may be


def chained_param(lines: list[str], i: int) -> tuple[str, str, int] | None:
    """The parameter of a lambda chained on line i, what it is given ("data": the answer's data
    node, "body": the parsed answer) and the line the chain starts on (whose expression must
    hold the call's request), when the link just before it gives one of those."""
    if "->" not in lines[i]:
        return None
    m = CHAINED_LAMBDA.match(lines[i])
    if m is None or i == 0:
        return None
    before = lines[i - 1]
    kind = "data" if GIVES_DATA.match(before) else "body" if GIVES_BODY.match(before) else None
    if kind is None:
        return None
    head = i - 1
    while head > max(0, i - CHAIN_BACK) and lines[head].lstrip().startswith("."):
        head -= 1
    return (m["p"], kind, head) if not lines[head].lstrip().startswith(".") else None
