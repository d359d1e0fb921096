"""Reads of a decrypted AKOOL webhook: the object a webhook handler gets back from decrypting
AKOOL's `dataEncrypt` (webhook.mdx: "The decrypted content of dataEncrypt is" `_id`, `status`,
`type`, `url`; `status` a number, 1 queueing, 2 processing, 3 completed, 4 failed). Only a name
bound, in Python or JavaScript, to what a function named for decrypting returns (`event =
verify_and_decrypt(request.get_json())`, `const evt = JSON.parse(aesDecrypt(body.dataEncrypt))`)
where the call is tied to AKOOL for certain (it is given `dataEncrypt`, or its handler's route
names AKOOL: `@app.post("/akool/webhook")`) is read; its reads in the lines of the handler after
it are judged: a key the payload does not have, and `status` compared with a string."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from akool_cli.audit import brackets, rx

PAGE = "docs.akool.com/ai-tools-suite/webhook"
# The decrypted payload's fields and its status's states, as webhook.mdx gives them.
FIELDS = ("_id", "status", "type", "url")
STATES = "1 queueing, 2 processing, 3 completed, 4 failed"
# A name bound to what a decrypting function returns, parsed or not.
BOUND = rx.compile(
    r"^\s*(?:(?:const|let|var)\s+)?(?P<n>[A-Za-z_$][\w$]*)\s*(?::\s*[\w.<>\[\], |]+)?\s*=\s*"
    r"(?:await\s+)?(?:json\.loads\(\s*|JSON\.parse\(\s*)?(?:await\s+)?(?:[\w$]+\.)*"
    r"(?P<f>[\w$]*(?:[Dd]ecrypt|DECRYPT)[\w$]*)\s*\((?P<args>.*)$"
)
# A name bound to a parse of AKOOL's `dataEncrypt` however it is decoded first (`JSON.parse(Buffer
# .from(dataEncrypt, "base64").toString())`, `json.loads(base64.b64decode(body["dataEncrypt"]))`):
# what the script takes for the decrypted content, the payload (see _parse_of_payload).
PARSED = rx.compile(
    r"^\s*(?:(?:const|let|var)\s+)?(?P<n>[A-Za-z_$][\w$]*)\s*(?::\s*[\w.<>\[\], |]+)?\s*=\s*"
    r"(?:await\s+)?(?:json\.loads|JSON\.parse)(?P<open>\()"
)
ENCRYPTED = rx.compile(r"\bdataEncrypt\b")
# A route whose path names AKOOL: `@app.post("/akool/webhook")`, `app.post('/webhooks/akool', ...`,
# `router.post("/api/akool-callback"`.
AKOOL_ROUTE = rx.compile(r"\.(?:post|route|put|all)\(\s*[\"'`][^\"'`]*akool[^\"'`]*[\"'`]", re.I)
ROUTE = rx.compile(r"\.(?:get|post|route|put|patch|delete|all)\(\s*[\"'`]")
ROUTE_LINES = 6  # how far above the binding the handler's route may be written
HANDLER_LINES = 30  # how far after the binding its reads are looked for


RULES = frozenset({"response-field", "status-value"})  # (the rules its reads are judged by)


def may_hold(text: str) -> bool:
    """Whether a file may read a decrypted AKOOL webhook (a cheap test before reads)."""
    return "dataEncrypt" in text or ("ecrypt" in text and "akool" in text.lower())


@dataclass(frozen=True)
class Read:
    """A judged read of a decrypted webhook: where, what is written, and what to say."""

    line: int
    column: int
    found: str
    documented: str
    message: str
    rule: str  # "response-field" or "status-value"


def reads(lines: list[str]) -> Iterator[Read]:
    """The judged reads of every decrypted AKOOL webhook of a file (see the module's doc)."""
    if not any("ecrypt" in line or "ECRYPT" in line or "dataEncrypt" in line for line in lines):
        return
    named: bool | None = None  # (whether the file names AKOOL anywhere: asked once, if at all)
    for i, line in enumerate(lines):
        m = BOUND.match(line) if len(line) <= 2000 and "ecrypt" in line.lower() else None
        if m is not None and _tied(lines, i, m.group("args")):
            parsed = "json.loads(" in line or "JSON.parse(" in line
            yield from _judged(lines, i, m.group("n"), parsed)
        elif m is None and "dataEncrypt" in line and len(line) <= 2000:
            name = _parse_of_payload(line)
            # (a parse of a field named dataEncrypt, decoded by base64 alone, is AKOOL's payload
            # only in a file that names AKOOL: another service may call its field so, breakit35)
            named = any("akool" in t.lower() for t in lines) if named is None and name else named
            if name and named:
                yield from _judged(lines, i, name, True)


def _parse_of_payload(line: str) -> str | None:
    """The name a line binds to a parse of `dataEncrypt` as a whole (see PARSED): the parse's
    parentheses hold `dataEncrypt` and nothing is selected after them (`JSON.parse(raw)
    .dataEncrypt` is the encrypted text, a parse of the whole body no payload)."""
    m = PARSED.match(line)
    if m is None:
        return None
    close = brackets.matching(line, m.start("open"), 1, len(line))
    inside = line[m.end("open") : close] if close > 0 else ""
    whole = close > 0 and not line[close + 1 :].strip(" \t;)")
    return m.group("n") if whole and ENCRYPTED.search(inside) else None


def _tied(lines: list[str], i: int, args: str) -> bool:
    """Whether a decrypting call is AKOOL's webhook's: given `dataEncrypt`, or in a handler
    whose route, written just above, names AKOOL."""
    if "dataEncrypt" in args:
        return True
    for text in reversed(lines[max(0, i - ROUTE_LINES) : i]):
        if ROUTE.search(text):  # (the nearest route above is the handler's own)
            return AKOOL_ROUTE.search(text) is not None
    return False


def _judged(lines: list[str], i: int, name: str, parsed: bool) -> Iterator[Read]:
    """The reads of the name on the lines of its handler after its binding (up to a line less
    indented than the binding, or the name bound again): a key read with a string (`e["k"]`,
    `e.get("k")`), and a member (`e.k`) only where the binding parses the decrypted text (a
    name holding the text itself has a string's members: `plain.length`)."""
    depth = len(lines[i]) - len(lines[i].lstrip())
    held = re.escape(name)
    key = re.compile(
        rf"(?<![\w$.]){held}(?:\[\s*[\"'](?P<k>[^\"'\n]*)[\"']\s*\]"
        rf"|\.get\(\s*[\"'](?P<g>[^\"'\n]*)[\"']|\??\.(?P<m>[A-Za-z_$][\w$]*)\b(?!\s*\())"
    )
    again = re.compile(rf"^\s*(?:(?:const|let|var)\s+)?{held}\s*=[^=]")
    for j in range(i + 1, min(len(lines), i + HANDLER_LINES)):
        text = lines[j]
        if (text.strip() and len(text) - len(text.lstrip()) < depth) or again.match(text):
            return
        for m in key.finditer(text) if len(text) <= 2000 else ():
            member = m.group("m") if parsed else None
            yield from _judge(j, m, text, m.group("k") or m.group("g") or member or "")


COMPARED_STRING = rx.compile(
    r"\s*\]?\)?\s*(?:===?|!==?)\s*(?:\"(?P<s>[^\"\n]*)\"|'(?P<t>[^'\n]*)')"
)


def _judge(j: int, m: re.Match[str], text: str, field: str) -> Iterator[Read]:
    if not field:
        return
    if field not in FIELDS:
        documented = ", ".join(FIELDS)
        message = (
            f"{field} is not a field of AKOOL's decrypted webhook payload ({PAGE}: it holds "
            f"{documented}; `url` is the result when status is 3)"
        )
        yield Read(j, m.start(), field, documented, message, "response-field")
        return
    compared = COMPARED_STRING.match(text, m.end()) if field == "status" else None
    if compared is not None:
        value = compared.group("s") if compared.group("s") is not None else compared.group("t")
        message = (
            f'status "{value}" is a string; the status of AKOOL\'s decrypted webhook payload is '
            f"a number ({PAGE}: {STATES})"
        )
        yield Read(j, m.start(), f'"{value}"', f"a number ({STATES})", message, "status-value")
