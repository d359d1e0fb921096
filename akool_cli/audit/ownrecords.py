"""Reads of records that are no answer of the file's AKOOL calls: the app's own (a webhook's
payload, a queue's message, a local of a function that calls AKOOL nowhere, a parameter of one
never called where AKOOL is) and another host's (a request to another server's URL)."""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from akool_cli.audit import printed, rx, sites, ties
from akool_cli.audit.scopes import STRING

if TYPE_CHECKING:
    from akool_cli.audit.statuses import _Text

BOUND_LINES = 40  # (how far above a read its name's binding is looked for)


# The name a read starts from through members, subscripts and getters, up to the field's name
# (`job` of `job["video_status"]`, `msg.data.`, `job.get("`, `job.GetProperty("`, `$job['`).
HANDED_TAIL = 300
HANDED_ROOT = rx.compile(
    r"(?<![\w$.>])(?P<n>\$?[A-Za-z_][\w$]*)(?:\s*(?:\??\.|->)\s*\w+(?:\(\s*[\"'][^\"'\n]*[\"']\s*\))?"
    r"|\s*\[\s*(?:[\"'][^\"'\n]*[\"']|\d+)\s*\])*\s*(?:(?:\??\.|->)\s*(?:\w+\s*\(\s*)?|\[\s*)[\"']?$"
)


def handed_in(text: _Text, origin: int) -> bool:
    """Whether a read no call is tied to is of the app's own record: a local of a function that
    calls AKOOL nowhere above the read (`job = json.loads(cache.get(k))`, a queue's pull: the
    answer rules would have tied a call's answer), or a parameter of a named function that also
    is never called where AKOOL is (`def notify(job): if job["video_status"] == 5`, a queue's
    message handler, a framework's hook): the app's own numbers, not an answer of the file's."""
    scopes = text.bases.scopes
    i, column = text.place(origin)
    # (the last HANDED_TAIL characters before the field: a read on a 1 MB minified line is read
    # from near it, not searched from the line's start)
    near = text.lines[i][max(0, column - HANDED_TAIL) : column]
    root = HANDED_ROOT.search(near) if scopes is not None else None
    if scopes is None or root is None:
        return False
    if INBOUND.search(near):
        return True  # (`req.body.video_status`: what the app is sent, no answer of its calls)
    n = root.group("n").lstrip("$")
    held = scopes.holding(n, i)
    if held is None or _calls_within(text, (held.start, i)):
        return False
    # (a local, bound in a function with no call of AKOOL's above: from what the function is
    # handed, `j = resp.json()`, it is judged as that is; from elsewhere, as what it is bound to)
    local = n not in held.arguments
    bound = bound_above(text, i, n) if local else None  # (PHP's `$job` is bound as `job`)
    if bound is not None and INBOUND.match(bound[1].strip()):
        return True
    if local and (bound is None or not _reads_argument(bound[1], held.arguments)):
        return bound is not None and _chain_elsewhere(text, bound, held.start)
    head = scopes.function_def_at(held.start)
    name = next((g for g in head.groups() if g), None) if head is not None else None
    if name is None:
        return False  # (a callback: `.then((j) => ...)` is handed the call's answer)
    uses = [k for k in _uses(text, name) if k != held.start and _named_in_code(text.lines[k], name)]
    return not any(_calls_within(text, scopes.span_at(k)) for k in uses)


TRAILING_COMMENT = rx.compile(r"(?:^|\s)(?:#|//)(?:\s|$)")


def _named_in_code(line: str, name: str) -> bool:
    """Whether a line names a function outside its strings and its comment (`log.info("will be
    published")` does not call `published`)."""
    code = TRAILING_COMMENT.split(STRING.sub('""', line), maxsplit=1)[0]
    return re.search(rf"(?<![\w$]){re.escape(name)}(?![\w$])", code) is not None


WORD = rx.compile(r"[A-Za-z_$][\w$]*")
# What a web handler is sent (Express' and Koa's `req.body`, Flask's `request.get_json()` and
# `request.json`, Django's `request.POST`/`request.data`, a Worker's `await request.json()`):
# a webhook's or a form's payload, never the answer of one of the file's calls.
INBOUND = rx.compile(
    r"(?:await\s+)?(?<![\w$.])(?:req|request|ctx\.request)\s*\.\s*"
    r"(?:body\b|get_json\b|json\b(?!\s*=)|POST\b|data\b|payload\b)(?:\s*\([^()]*\))?"
    r"(?:\s*(?:\??\.|\[)[\w\"'\[\]. ?]*)?\s*;?\s*$"
)
CALLED = rx.compile(r"(?<![\w$])(?P<n>[A-Za-z_$][\w$]*)\s*\(")
# Names any client calls its requests or parses by: they say nothing of whose answer it is.
GENERIC_CALLS = frozenset(
    {"get", "post", "put", "patch", "delete", "request", "fetch", "send", "json", "parse"}
    | {"loads", "load", "decode", "json_decode", "readValue", "fromJson", "String", "str"}
)


# A name read into (`resp.json()`, `raw["data"]`, `$r->body`) or parsed whole (`JSON.parse(raw)`).
READ_INTO = r"(?<![\w$.])\$?(?:{0})\s*(?:\??\.|\[|->)|\(\s*\$?(?:{0})\s*\)"


def _reads_argument(rhs: str, arguments: frozenset[str]) -> bool:
    """Whether an expression reads into one of a function's parameters (not only passes it on:
    `api.info(key, vid)` is another call's answer)."""
    names = [a for a in arguments if not a.isdigit() and a in rhs]
    if not names:
        return False
    pattern = READ_INTO.format("|".join(re.escape(a) for a in sorted(names)))
    return re.search(pattern, rhs) is not None


def _bound_elsewhere(rhs: str, text: _Text) -> bool:
    """Whether what a local is bound to calls no function of AKOOL's: none whose body calls
    AKOOL, nor one named on a call's line or the next (a Retrofit interface's `@GET(...)` then
    `fun info(...)`) (`json.loads(cache.get(k))`, `await env.QUEUE.pull()`)."""
    called = {m["n"] for m in CALLED.finditer(rhs)} - GENERIC_CALLS
    return not called & _akool_functions(text)


CHAIN_HOPS = 4  # (how many locals back a local's binding is followed: `item = rows[0]`, ...)


def _chain_elsewhere(text: _Text, bound: tuple[int, str], start: int) -> bool:
    """_bound_elsewhere of a local and of the locals its binding reads, bound above it in the
    same function (`item = rows[0] if isinstance(rows, list) else rows`, `rows =
    data.get("result", [])`, `data = result.get("data", {})`, `result = self.get_result(id)`): a
    chain that reaches a function calling AKOOL holds AKOOL's answer."""
    todo, seen = [bound], set[str]()
    for _ in range(CHAIN_HOPS * 3):
        if not todo:
            break
        k, rhs = todo.pop()
        if not _bound_elsewhere(rhs, text):
            return False
        for name in {m["n"] for m in CHAIN_ROOT.finditer(rhs)} - seen:
            seen.add(name)
            above = bound_above(text, k - 1, name) if k > start else None
            if above is not None and above[0] >= start:
                todo.append(above)
    return True


# A name a binding's value is read off (not one handed to a call as an argument): the value's
# head, or a conditional's or fallback's branch (`rows[0] if isinstance(rows, list) else rows`,
# `a ?? b`, `a || b`, `x ? a : b`).
CHAIN_ROOT = rx.compile(
    r"(?:^|\belse\b|\bor\b|\|\||\?\?|[?:])\s*(?:await\s+)?\(?\s*(?P<n>[A-Za-z_$][\w$]*)\b(?!\s*\()"
)


def _akool_functions(text: _Text) -> set[str]:
    """The names of the functions that call AKOOL, and the words of the calls' lines and of
    the line after each (worked out once a file)."""
    if text.akool_functions is None:
        found: set[str] = set()
        scopes = text.bases.scopes
        for j in {j for k in text.calls for j in (k, k + 1) if j < len(text.lines)}:
            found.update(WORD.findall(text.lines[j]))
        for k in text.calls:
            start = scopes.span_at(k)[0] if scopes is not None and scopes.at(k) >= 0 else None
            head = (
                scopes.function_def_at(start) if scopes is not None and start is not None else None
            )
            found.update(g for g in (head.groups() if head is not None else ()) if g)
        text.akool_functions = found
    return text.akool_functions


def _uses(text: _Text, name: str) -> list[int]:
    """The lines that name a function (its definition's among them), from the file's one index
    of its words (printed.words_of: a file of 4,000 helpers asks for 4,000 names)."""
    return printed.words_of(text.lines).lines_of(name.rstrip("?!"))


def _calls_within(text: _Text, span: tuple[int, int]) -> bool:
    """Whether a call of AKOOL's is on a line of the span (the calls' lines sorted once)."""
    if len(text.call_lines) != len(text.calls):
        text.call_lines = sorted(text.calls)
    k = bisect.bisect_left(text.call_lines, span[0])
    return k < len(text.call_lines) and text.call_lines[k] <= span[1]


def bound_above(text: _Text, i: int, name: str) -> tuple[int, str] | None:
    """The line and the expression a name is last bound to at or above line i (`j = ...`), as
    the ties read bindings (ties.Lines.binding): a name bound alone, not a destructuring's."""
    facts = line_facts(text)
    for k in range(i, max(-1, i - BOUND_LINES), -1):
        bound = facts.binding(k) if name in text.lines[k] else None
        if bound is not None and bound.names == (name,) and not bound.destructured:
            rhs = bound.rhs.strip()
            if rhs:  # (`j =` with its value on the next lines: not read here)
                return k, rhs
    return None


def line_facts(text: _Text) -> ties.Lines:
    """What each line of the file binds, as the answer rules' ties read it (once per file)."""
    if text.facts is None:
        text.facts = ties.Lines(text.lines, text.shell, script=text.script)
    return text.facts


# A request to a path on the page's own server: `fetch(`/api/videos/${id}`)`, `axios.get("/jobs")`
# (a relative URL goes to the origin the script runs on, never to AKOOL's host).
OWN_SERVER_REQUEST = rx.compile(
    r"(?<![\w$.])(?:fetch|axios(?:\.(?:get|post|put|patch|delete|request))?)\(\s*[\"'`]\.{0,2}/(?!/)"
)


# A request an HTTP client makes to a URL holding a literal path of its own (`requests.get(
# f"{settings.CMS_URL}/jobs/{id}")`, `fetch(env.FARM_URL + "/jobs/" + id)`): on a line that is no
# AKOOL call, its answer is another server's.
OTHER_REQUEST = rx.compile(
    r"(?:(?<![\w$])(?:requests|httpx|session|client|http|axios|got|ky)\s*\.\s*"
    r"(?:get|post|put|patch|delete|request)|(?<![\w$.])fetch)\s*\([^\n]*?[\"'`][^\"'`\n]*/[A-Za-z_]"
)

EXPRESSION_NAMES = rx.compile(r"[A-Za-z_]\w*")


def names_other_host(text: _Text, expression: str, line: int) -> bool:
    """Whether an expression names another host's URL and no AKOOL base, itself or through a name
    the file binds to one in scope (`f"{OTHER}/videos/{vid}"`): sites' own judgement of bases;
    or is a request to a relative path, the app's own server's (see OWN_SERVER_REQUEST)."""
    if sites.AKOOL_URL.search(expression):
        return False
    if OWN_SERVER_REQUEST.search(expression):
        return True
    if line not in text.calls and OTHER_REQUEST.search(expression):
        return True  # (a request the file makes that is no AKOOL call: `{CMS_URL}/jobs/{id}`)
    words = set(EXPRESSION_NAMES.findall(expression))
    if any(text.bases.find(word, line) is not None for word in words):
        return False  # (a name holding AKOOL's base)
    return sites.foreign_url(expression) or any(text.bases.foreign(word, line) for word in words)
