"""Bodies a script builds away from the call that sends them: a function of the file that returns
the body (`def build_body(url): return {...}`, `const makePayload = (u) => ({...})`, `fun body()
= mapOf(...)`), an object merged into a named body (`Object.assign(body, {...})`,
`body.update({...})`), and jq's object filters in a shell script (`jq -n --arg u "$U"
'{talking_photo_url: $u}'`), whose bare keys are the JSON it prints."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from akool_cli.audit import curlargs, rx

if TYPE_CHECKING:
    from akool_cli.audit.fields import Text

# A call of a function of the file, perhaps a method on self/this (`build_body(u)`,
# `this.makePayload(u)`, `$this->body($u)`), with the name it calls.
CALLED = rx.compile(r"(?<![\w$.>])(?:self\.|this\.|\$this->)?(?P<n>[A-Za-z_]\w*)\s*\(")
# What a function returns: `return {` / `return dict(` / `return body`; an arrow's or a lambda's
# object (`=> ({`, `lambda u: {`, Kotlin's `fun f() = mapOf(`, Go's `return map[string]any{`).
RETURNED = rx.compile(
    r"\breturn\s+(?:(?P<open>\(?\s*(?:new\s+)?&?[\w.]*(?:\[[\w\[\]]*\][\w{}]*)?\s*[{\[(])"
    r"|(?:\$|self\.|this\.)?(?P<name>[A-Za-z_]\w*)\s*;?\s*$)",
    re.M,
)
CONCISE = rx.compile(
    r"(?:=>|\blambda\b[^:\n]*:|\)\s*(?::\s*[\w<>?,. ]+)?=)\s*\(?\s*(?:[\w.]*\s*)?[{\[(]"
)
# A serializer around a call or a name: the keys are those of what it is given.
SERIALIZER = rx.compile(
    r"[ \t]*(?:await\s+)?(?:json\.Marshal(?:Indent)?|JSON\.stringify|json\.dumps|json_encode"
    r"|JsonSerializer\.Serialize|(?:new\s+Gson\(\s*\)|\w+)\.toJson|\w+\.writeValueAsString"
    r"|(?:\w+\.)?encodeToString(?:<[\w.]+>)?|(?:dataclasses\.)?asdict)\(\s*[&$]?"
)
BUILT = rx.compile(r"[ \t]*(?:await\s+)?(?:self\.|this\.|\$this->)?(?P<n>[A-Za-z_]\w*)\s*\(")
# An object merged into a named one: Object.assign(body, {...}), body.update({...}) / (k=v),
# $body = array_merge($body, [...]), body.putAll(mapOf(...)).
MERGED = rx.compile(
    r"(?:Object\.assign\(\s*(?P<a>[A-Za-z_$][\w$]*)\s*,|(?<![\w.$])(?P<u>[A-Za-z_]\w*)\s*\.\s*"
    r"(?:update|putAll|merge)\(|\$(?P<p>[A-Za-z_]\w*)\s*=\s*array_merge\(\s*\$(?P=p)\s*,)\s*"
)
# jq's program after its options (`jq -n --arg u "$URL" '{...}'`), when it is an object.
JQ_FILTER = rx.compile(
    r"\bjq(?P<o>(?:[ \t]+(?:\\\n[ \t]*)?(?:-[-\w]+|\"[^\"\n]*\"|\$\w+|\$\{\w+\}|[\w.@/-]+))*)"
    r"[ \t]+(?:\\\n[ \t]*)?'(?P<f>\{[^']*\})'"
)
# jq's -n (--null-input): the filter builds JSON of its own (without it, it reads its input:
# `curl ... | jq '{id: .data._id}'` picks fields of an answer, and sends nothing).
NULL_INPUT = rx.compile(r"(?:^|\s)(?:--null-input|-[a-zA-Z]*n[a-zA-Z]*)(?=\s|$)")
DEFINITION = r"(?:\bdef|\bfunction|\bfunc|\bfun|\bsub)\s+(?:\([^)]*\)\s*)?{n}\s*[(<]"
# An arrow function, a function expression or a lambda bound to a name (not `x = (a or b)`).
ARROW = (
    r"\s*[:=]\s*(?:async\s+)?(?:function\b|\([^()]*\)\s*(?::\s*[^=;()]+)?=>|[\w$]+\s*=>"
    r"|lambda\b)"
)
ASSIGNED_FUNCTION = r"(?<![\w$.]){n}" + ARROW
METHOD = r"^[ \t]*(?:(?:public|private|protected|static|async|final|override|internal)\s+)*(?:[\w<>\[\],?]+\s+)?{n}\s*\([^)]*\)\s*(?::\s*[\w<>?\[\]]+\s*)?\{{"
MOST_LINES = 200  # a builder's body longer than this is not read


@lru_cache(maxsize=512)
def _definition(name: str) -> re.Pattern[str]:
    n = re.escape(name)
    return re.compile(
        "|".join((DEFINITION.format(n=n), ASSIGNED_FUNCTION.format(n=n), METHOD.replace("{n}", n))),
        re.M,
    )


def returned(doc: Text, name: str) -> list[tuple[int, str]]:
    """What the function `name` of the file returns, if it is defined once: each returned
    container's start (an object, a dict, a map), or a name (-1 - the return's offset, name)."""
    found = doc.builders.get(name)
    if found is not None:
        return found
    found = doc.builders[name] = []
    if name not in doc.text or doc.scopes is None:
        return found
    defs = list(_definition(name).finditer(doc.text))
    if len(defs) != 1:
        return found  # none, or several (another class's method of that name): not followed
    first = doc.line_of(defs[0].start())
    start, end = _body(doc, first)
    line_end = doc.starts[first + 1] if first + 1 < len(doc.starts) else end
    concise = CONCISE.search(doc.text, defs[0].start(), line_end)
    if concise is not None and doc.container_at(concise.end() - 1) is not None:
        found.append((concise.end() - 1, ""))
    for m in RETURNED.finditer(doc.text, start, end):
        if m.group("open") is not None:
            if doc.container_at(m.end("open") - 1) is not None:
                found.append((m.end("open") - 1, ""))
        else:
            found.append((-1 - m.start(), m.group("name")))
    return found


def _body(doc: Text, first: int) -> tuple[int, int]:
    """The text of the function defined on line `first`: to the end of its scope, or of the
    braces its line opens last (Go's `func f() map[string]interface{} {`: the scopes' count
    of braces closes it on its line)."""
    last = min(doc.scopes.end_of(first) if doc.scopes else first, first + MOST_LINES)
    line_end = doc.starts[first + 1] - 1 if first + 1 < len(doc.starts) else len(doc.text)
    opened = doc.text.rfind("{", doc.starts[first], line_end)
    index = doc.container_at(opened) if opened >= 0 else None
    if index is not None and doc.line_of(doc.containers[index].end) > last:
        last = min(doc.line_of(doc.containers[index].end), first + MOST_LINES)
    end = doc.starts[last + 1] - 1 if last + 1 < len(doc.starts) else len(doc.text)
    return doc.starts[first], end


def shared(doc: Text, name: str) -> bool:
    """Whether the file calls the function more than once (a fix in its body changes them all)."""
    spans = [m.span() for m in _definition(name).finditer(doc.text)]
    uses = [
        m.start()
        for m in re.finditer(rf"(?<![\w$]){re.escape(name)}\s*\(", doc.text)
        if not any(a <= m.start() < b for a, b in spans)
    ]
    return len(uses) > 1


def built_by(doc: Text, at: int) -> str | None:
    """The function of the file whose result is written at `at` (`build_body(u)`,
    `json.dumps(build(u))`, `await this.makePayload(u)`), when it returns a body."""
    serialized = SERIALIZER.match(doc.text, at)
    m = BUILT.match(doc.text, serialized.end() if serialized else at)
    if m is None or not returned(doc, m.group("n")):
        return None
    return m.group("n")


# The name a line defines a function of (found once per file: most files' calls call none).
DEFINED = rx.compile(
    r"(?:\bdef|\bfunction|\bfunc|\bfun|\bsub)\s+(?:\([^)]*\)\s*)?(?P<a>[A-Za-z_]\w*)\s*[(<]"
    r"|(?<![\w$.])(?P<b>[A-Za-z_]\w*)" + ARROW + r""
    r"|^[ \t]*(?:(?:public|private|protected|static|async|final|override|internal)\s+)*"
    r"(?:[\w<>\[\],?]+\s+)?(?P<c>[A-Za-z_]\w*)\s*\([^)\n]*\)\s*(?::\s*[\w<>?\[\]]+\s*)?\{",
    re.M,
)


HINTS = ("def ", "function", "func ", "fun ", "sub ", "=>", "lambda")


def _defined(text: str) -> Iterator[str]:
    """The names of the functions a text defines (DEFINED, on the lines that may define one)."""
    for line in text.split("\n"):
        if len(line) <= 2000 and (any(h in line for h in HINTS) or line.rstrip().endswith("{")):
            for m in DEFINED.finditer(line):
                yield m.group("a") or m.group("b") or m.group("c")


def called(doc: Text, segment: str) -> list[tuple[str, int]]:
    """The functions of the file that a call's text calls (name, offset in the segment)."""
    if doc.functions is None:
        doc.functions = frozenset(_defined(doc.text))
    if not doc.functions:
        return []
    return [
        (m.group("n"), m.start()) for m in CALLED.finditer(segment) if m.group("n") in doc.functions
    ]


def merged(doc: Text, name: str, after: int, before: int) -> list[int]:
    """The starts of the containers merged into the name between two offsets."""
    found: list[int] = []
    if doc.merges is None:
        doc.merges = any(
            w in doc.text for w in ("assign(", ".update(", ".putAll(", ".merge(", "array_merge")
        )
    if not doc.merges:
        return found
    marks = (f"assign({name}", f"{name}.update(", f"{name}.putAll(", f"{name}.merge(", f"(${name},")
    if all(doc.text.find(mark, after, before) < 0 for mark in marks):
        return found  # (most names merge nothing: no pattern runs over the span)
    for m in MERGED.finditer(doc.text, after, before):
        if name not in (m.group("a"), m.group("u"), m.group("p")):
            continue
        if doc.container_at(m.end()) is not None:
            found.append(m.end())
    return found


def jq_filters(text: str) -> list[tuple[int, int]]:
    """The spans of a shell script's jq object filters (`'{talking_photo_url: $u}'`)."""
    if "jq" not in text:
        return []
    return [m.span("f") for m in JQ_FILTER.finditer(text) if NULL_INPUT.search(m.group("o"))]


DATA_OPTIONS = curlargs.BODY_OPTIONS - {"--form", "--form-string", "--data-urlencode"}
HELD = rx.compile(r"\$\{?(?P<n>[A-Za-z_]\w*)\}?")
SUBSTITUTED_JQ = rx.compile(r"[\"']?\$\(\s*(?=jq\b)")


def curl_data(doc: Text, start: int, end: int) -> tuple[list[str], list[int]]:
    """What the curl commands of a shell command's text send as their data: the names they give
    (`-d "$BODY"`, `--data "${PAYLOAD}"`), and the jq filter piped into `-d @-` from before it
    (`jq -n '{...}' | curl ... -d @-`), as the start of its object."""
    names, piped = [], []
    for m in curlargs.CURL_WORD.finditer(doc.text, start, end):
        for option in curlargs.curl_options(doc.text, m.end()):
            if option.name not in DATA_OPTIONS or option.value is None:
                continue
            held = HELD.fullmatch(option.value)
            if held is not None:
                names.append(held.group("n"))
            elif option.value == "@-":
                piped += [a for a, b in doc.jq if _piped(doc.text[b : m.start()])]
    return names, piped


def _piped(between: str) -> bool:
    """Whether the text between a jq filter and a curl command pipes the one into the other."""
    between = between.replace("\\\n", " ")  # (a pipe ending its line goes on on the next)
    return re.fullmatch(r"'[^|;&\n]*\|[ \t]*(?:\n[ \t]*)?", between) is not None


def substituted_jq(doc: Text, rhs: int) -> int | None:
    """The start of the object of a jq filter whose output a name is bound to
    (`BODY=$(jq -n --arg u "$U" '{...}')`)."""
    m = SUBSTITUTED_JQ.match(doc.text, rhs)
    found = JQ_FILTER.match(doc.text, m.end()) if m is not None else None
    if found is None or not NULL_INPUT.search(found.group("o")):
        return None
    return found.start("f")


# A query set on a URL object after it is made: Ruby's `uri.query = URI.encode_www_form(...)`, JS's
# `url.search = ...` / `url.searchParams.set(...)`, Go's `u.RawQuery = q.Encode()`, Python's
# furl/yarl-style `url.args[...] =` / `.update_query(`, OkHttp's `addQueryParameter(`.
QUERY_SET = (
    r"\s*(?:\.\s*(?:query|search|RawQuery|query_values|args)\s*(?:=(?!=)|\[)"
    r"|\.\s*(?:searchParams|query_params|params)\s*\.\s*(?:set|append|update)\s*\("
    r"|\.\s*(?:update_query|with_query|add_query_param|addQueryParameter|set_query_param)\s*\()"
)


def query_set(text: str, name: str, after: int, before: int) -> bool:
    """Whether the text between `after` and `before` sets a query on the URL object a name holds
    (see QUERY_SET): a request given the name alone sends that query too."""
    if name not in text[after:before]:
        return False
    pattern = re.compile(rf"(?<![\w$.]){re.escape(name)}{QUERY_SET}")
    return pattern.search(text, after, before) is not None
