"""Bodies a JVM script builds in a name before an HTTP library sends them (Java's `Map<String,
Object> body = new HashMap<>()` then `body.put("k", v)`, Jackson's `createObjectNode()`, Gson's
`new JsonObject()` with `addProperty`, org.json's `JSONObject()`, a `Map.of(...)` or Kotlin's
`mapOf(...)` held in a name): certainly all the call sends, for `missing-field`, when the name is
touched by nothing but those puts and the one library call that serializes or sends it."""

from __future__ import annotations

import re

from akool_cli.audit import dtos, rx
from akool_cli.audit.fields import SCOPE_START, Request, Text

# The languages (fields.Text.language) whose files may build a body so: Java and Groovy read as
# "", Kotlin as "kotlin" (never Python, JavaScript, shell: their bodies are literals).
JVM_LANGUAGES = ("", "kotlin")
# What a body held in a name is made empty by, up to the end of its line: a map or a JSON tree.
EMPTY_MADE = rx.compile(
    r"[ \t]*(?:new\s+)?(?:(?:java\.util\.)?(?:HashMap|LinkedHashMap|TreeMap)\s*(?:<[^>()\n]*>)?"
    r"|JSONObject|JsonObject|[A-Za-z_]\w*\.createObjectNode|JsonNodeFactory\.instance\.objectNode"
    r"|mutableMapOf|hashMapOf|linkedMapOf)\s*(?:<[^>()\n]*>)?\(\s*\)[ \t]*;?[ \t]*(?://[^\n]*)?$",
    re.M,
)
# A key put on the name (`.put("k", v)`, Gson's `.addProperty("k", v)`) or set by index (Kotlin).
PUT_KEY = rx.compile(
    r"\s*(?:\.\s*(?:put|addProperty)\(\s*\"(?P<k>[A-Za-z_][\w-]*)\"\s*,"
    r"|\[\s*\"(?P<i>[A-Za-z_][\w-]*)\"\s*\]\s*=(?!=))"
)
# The calls that serialize a body or send it (their argument is the body, whole): Jackson's,
# Gson's and Groovy's serializers, the JDK's, OkHttp's, Apache's, Spring's, Unirest's, Ktor's,
# Fuel's, Vert.x's and Micronaut's request bodies.
SENDERS = frozenset(
    {
        "writeValueAsString",
        "writeValueAsBytes",
        "toJson",
        "ofString",
        "create",
        "StringEntity",
        "bodyString",
        "bodyValue",
        "body",
        "setBody",
        "jsonBody",
        "sendJsonObject",
        "sendJson",
        "HttpEntity",
        "postForObject",
        "postForEntity",
        "post",
        "put",
        "patch",
        "POST",
        "PUT",
    }
)
# What may follow the name where a sender is given it: the end of that argument.
GIVEN_WHOLE = rx.compile(r"\s*(?:\.\s*toString\(\s*\)\s*)?(?:\.\s*toRequestBody\([^()]*\)\s*)?[,)]")
HELD_MAP = rx.compile(
    r"(?P<n>[A-Za-z_]\w*)\s*(?::[^=\n]+)?=\s*(?:java\.util\.)?(?:Map\.of|mapOf|hashMapOf|mutableMapOf)\s*"
    r"(?:<[^<>()\n]*>)?\s*\Z"
)
PUT_BEFORE = rx.compile(r"(?P<n>[A-Za-z_]\w*)\s*(?:\.\s*(?:put|addProperty)\(\s*|\[\s*)\"\Z")
# A class's declaration that extends another after its parameters (`) : Base()`, `extends Base`).
EXTENDS = rx.compile(r"[^{;]*?(?:\bextends\b|\bimplements\s+\w*Body|\)\s*:\s*[A-Z])")
CHAIN_MADE = rx.compile(
    r"(?P<n>[A-Za-z_]\w*)\s*(?::[^=\n]+)?=\s*(?:new\s+)?(?:JSONObject|JsonObject)\(\s*\)"
    r"(?P<put>\s*\.\s*put\(\s*\")\Z"
)
CHAIN_STEP = rx.compile(r"\s*\.\s*put(?P<p>\()\s*\"(?P<k>[A-Za-z_][\w-]*)\"\s*,")
MAP_SPREAD = rx.compile(r"\(\s*\*|,\s*\*\s*[A-Za-z_]|\*:")
CALLEE_BEFORE = rx.compile(r"(?:new\s+)?(?P<w>[A-Za-z_]\w*)\s*(?:<[^<>()]*>)?\s*$")
# A method the file declares (Java's `Type name(...) {`, Kotlin's `fun`, Groovy's `def`).
# (what a line holds before the name: Kotlin's `fun`, Groovy's `def`, or Java's modifiers and type)
DECLARED_BEFORE = rx.compile(
    r"^[ \t]*(?:(?:\w+[ \t]+)*(?:fun|def)[ \t]+|(?:@\w+[ \t]+)*(?:(?:public|private|protected|static"
    r"|final|synchronized|abstract|default)[ \t]+)*(?!return\b|new\b|else\b|throw\b|case\b)"
    r"[\w<>\[\],.?]+[ \t]+)$"
)
# (what follows a Java method's parameters: its body or its throws clause)
JAVA_BODY_AFTER = rx.compile(r"[^;{}]*\)\s*(?:throws\b[^{;]*)?\{")


def built_at(doc: Text, request: Request) -> int | None:
    """Where the name a JVM body is built in is bound, when the keys the request sends are
    certainly all of that body (see the module's docstring), or None."""
    if doc.python or doc.language not in JVM_LANGUAGES or not request.body:
        return None
    extent = doc._sent_at.get(id(request))
    held = _holder(doc, request.body[0].offset) if extent is not None else None
    if extent is None or held is None:
        return typed_at(doc, request, extent[1]) if extent is not None else None
    name, bound, after, keys = held
    if SCOPE_START.search(doc.text, after, extent[0]):
        return None  # a function starts in between: the call may send another scope's name
    put = _puts_then_sent(doc, name, after, extent)
    if put is None or {k.offset for k in request.body} != keys | put:
        return None
    return bound


def typed_at(doc: Text, request: Request, end: int) -> int | None:
    """Where an instance of one of the file's own typed request classes (a Java record or class,
    a Kotlin data class, Retrofit's `@Body` type) is made, or the class itself, when the keys the
    request sends are all that class's members: a field it has no member for is never sent. Not
    when the class extends another (whose members are sent too) or takes a free-form member."""
    sent = {k.offset for k in request.body}
    for name, dto in dtos.dtos(doc).items():
        if {m.offset for m in dto.members} != sent or not all(m.judged for m in dto.members):
            continue
        if any(m.json.lower() in dtos.OPTION_MEMBERS for m in dto.members):
            return None
        declared = re.search(rf"\b(?:class|record)\s+{re.escape(name)}\b", doc.text)
        if declared is None or EXTENDS.match(doc.text, declared.end()) is not None:
            return None
        made = None
        instance = re.compile(rf"(?<![\w.]){re.escape(name)}\s*\(")
        for m in instance.finditer(doc.text, declared.end(), end):
            made = m.start()  # (the last instance made before the request's end)
        return made if made is not None and doc.last_assignment(name, made) is None else min(sent)
    return None


def _holder(doc: Text, first: int) -> tuple[str, int, int, set[int]] | None:
    """The name holding a body whose first key is at `first`, where it is bound, where its value
    ends, and the keys that value is written with: a map literal's (`Map.of(...)`, `mapOf(...)`)
    or none (an empty map or JSON object, then puts)."""
    index = doc.innermost(first)
    c = doc.containers[index] if index >= 0 else None
    held = HELD_MAP.search(doc.text, max(0, c.start - 80), c.start) if c is not None else None
    if c is not None and held is not None and any(k.offset == first for k in c.keys):
        spot = doc.last_assignment(held.group("n"), c.start)
        if spot is None or spot[1] > c.start or not fields_only(doc, c.start, c.end):
            return None
        return held.group("n"), spot[0], c.end, {k.offset for k in c.keys}
    put = PUT_BEFORE.search(doc.text, max(0, first - 60), first)
    if put is None:
        return _chain_holder(doc, first)
    spot = doc.last_assignment(put.group("n"), first)
    if spot is None or EMPTY_MADE.match(doc.text, spot[1]) is None:
        return None
    line_end = doc.text.find("\n", spot[1])
    return put.group("n"), spot[0], line_end if line_end >= 0 else spot[1], set()


def _chain_holder(doc: Text, first: int) -> tuple[str, int, int, set[int]] | None:
    """A JSON object made and given its keys by one chain (`JsonObject body = new JsonObject()
    .put("k", v).put("k2", v2);`, org.json's and Vert.x's): the name, its binding, the chain's
    end and its keys' offsets."""
    made = CHAIN_MADE.search(doc.text, max(0, first - 200), first)
    if made is None:
        return None
    spot = doc.last_assignment(made["n"], first)
    if spot is None or spot[1] > first:
        return None
    keys, end = set(), made.end() - len(made["put"])
    while (link := CHAIN_STEP.match(doc.text, end)) is not None:
        around = doc.paren_around(link.end())
        if around is None or around[0] != link.start("p"):
            return None
        keys.add(link.start("k"))
        end = around[1]
    return made["n"], spot[0], end, keys


def fields_only(doc: Text, start: int, end: int) -> bool:
    """Whether a map literal's text holds no spread of another map (Kotlin's `+ other`,
    `*pairs`, Groovy's `*:`)."""
    return MAP_SPREAD.search(doc.text, start, end) is None


def _puts_then_sent(doc: Text, name: str, after: int, extent: tuple[int, int]) -> set[int] | None:
    """The offsets of the keys put on `name` between `after` and the request, when every use of
    the name there is such a put or, last, the library call of the request that sends it (None
    for any other use: `body.putAll(x)`, `f(body)`, a put with a key held in a name)."""
    keys: set[int] = set()
    sent = False
    word = re.compile(rf"(?<![\w$.]){re.escape(name)}(?![\w$])")
    for m in word.finditer(doc.text, after, extent[1]):
        if sent:
            return None  # used again after it is sent: a second request's, or a loop's
        put = PUT_KEY.match(doc.text, m.end())
        if put is not None:
            k = "k" if put.group("k") else "i"
            keys.add(put.start(k))
            continue
        if not _sends(doc, m.start(), m.end()):
            return None
        sent = True
    return keys if sent else None


def _sends(doc: Text, start: int, end: int) -> bool:
    """Whether the name at [start, end) is the whole argument of a serializer or a sender, in a
    call chain that no method of the file's own makes (which might add to the body)."""
    if GIVEN_WHOLE.match(doc.text, end) is None:
        return False
    around = doc.paren_around(start)
    if around is None:
        return False
    callee = CALLEE_BEFORE.search(doc.text, max(0, around[0] - 60), around[0])
    if callee is None or callee.group("w") not in SENDERS:
        return False
    while around is not None:
        callee = CALLEE_BEFORE.search(doc.text, max(0, around[0] - 60), around[0])
        if callee is not None and _declared(doc, callee.group("w")):
            return False
        around = doc.paren_around(around[0])
    return True


def _declared(doc: Text, name: str) -> bool:
    """Whether the file declares a method `name` (its own: it may add to what it is given);
    worked out once per name (every request of a file asks of its chain's callees)."""
    key = "\0jvm " + name  # (beside doc.defines' own answers, in its cache)
    if key not in doc._defined:
        doc._defined[key] = doc.defines(name) or any(
            _declares_at(doc, m.start(), m.end())
            for m in re.finditer(rf"(?<![\w$.]){re.escape(name)}\s*\(", doc.text)
        )
    return doc._defined[key]


def _declares_at(doc: Text, start: int, end: int) -> bool:
    """Whether `name(` at [start, end) is a method's declaration (see DECLARED_BEFORE)."""
    line = doc.text.rfind("\n", 0, start) + 1
    before = DECLARED_BEFORE.match(doc.text[line:start])
    if before is None:
        return False
    kotlin_or_groovy = re.search(r"\b(?:fun|def)[ \t]+$", before.group(0)) is not None
    return kotlin_or_groovy or JAVA_BODY_AFTER.match(doc.text, end, end + 400) is not None
