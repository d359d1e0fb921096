"""Parsed AKOOL answers in PHP and Ruby scripts (and Elixir's, read as Ruby), for the envelope
`code` rule: the names bound to a parse (`$j = json_decode($out, true)`, Symfony's `->toArray()`,
http.rb's `res.parse`, HTTPX's `res.json`, HTTParty's `parsed_response`, `JSON.parse(body, symbolize_names: true)`),
the responses of clients that parse for themselves, read by key only (Laravel's `$r['code']`,
HTTParty's `r["code"]`: their `.code` is the HTTP status), and the body of a client whose JSON
middleware parsed it (Faraday's, Req's and Tesla's `res.body["code"]`)."""

from __future__ import annotations

import re
from collections.abc import Collection

from akool_cli.audit import answers, rx

PHP_ENDINGS = (".php", ".phtml")

# A name bound to a parsed answer: PHP's json_decode and the clients' parses, Ruby's JSON parsers
# and the clients' parsed bodies (a paren-less `.parse`: `URI.parse(...)` is no answer).
PARSED_BOUND = rx.compile(
    r"(?<![\w$.>])(?P<n>\$?[A-Za-z_]\w*)[ \t]*=[ \t]*(?:"
    r"json_decode\(|[^\n;=]*->(?:toArray|json|object)\(\)\s*;"
    r"|(?:JSON|Oj|MultiJson|Yajl::Parser)\.(?:parse|load)\b"
    r"|[A-Za-z_]\w*(?:\.\w+)*\.(?:parse|parsed_response|json)\b(?![(\w])"
    r")",
    re.M,
)
# A name bound on an AKOOL call's line, or on the line a chain of one opens (`$r = Http::...` then
# `->get(...)` below).
CALL_BOUND = rx.compile(r"^\s*(?P<n>\$?[A-Za-z_]\w*)[ \t]*=[ \t]*[^=\n]")
CHAIN_LINES = 3  # (how far above a chained call its chain may open)

# A read of a key on what the text before it ends in: a name (`n`), a response's parsed body or a
# PHP response's parse (`b`); by member (parsed only), by key, by symbol, by dig/fetch, by
# Laravel's dotted `->json('code')`.
KEYED = r"(?:\[\s*[\"':]|\.(?:dig|fetch)\(\s*[\"':]|->json\(\s*[\"'])"
ON_ANSWER = rx.compile(
    r"(?:(?<![\w$.>])(?P<n>\$?[A-Za-z_]\w*)|(?P<b>\.body|\.parsed_response|->(?:json|toArray)\(\)))"
    r"\s*(?P<k>" + KEYED + r"|\??\.|->)$"
)
KEY_ONLY = rx.compile(KEYED + "$")


def is_script(name: str, first: str) -> bool:
    """Whether a file is PHP or Ruby (Elixir's text is read as Ruby)."""
    return name.lower().endswith(PHP_ENDINGS) or answers.is_ruby(name, first)


def parsed_bindings(text: str) -> list[tuple[int, str]]:
    """Where the text binds a name to a parsed answer, and the name (see PARSED_BOUND)."""
    return [(m.start(), m.group("n")) for m in PARSED_BOUND.finditer(text)]


def response_names(lines: list[str], calls: Collection[int], parsed: set[str]) -> set[str]:
    """The names bound to an AKOOL call's response (on its line, or where its chain opens),
    those bound to a parsed answer (`parsed`) left out."""
    responses = set()
    for i in calls:
        for j in range(i, max(-1, i - CHAIN_LINES), -1):
            bound = CALL_BOUND.match(lines[j]) if j < len(lines) else None
            if bound is not None:
                responses.add(bound.group("n"))
                break
            if not lines[j].lstrip().startswith(("->", ".")) and j != i:
                break
    return responses - parsed


def on_answer(before: str, names: tuple[set[str], set[str]]) -> bool:
    """Whether the text before a `code` read ends in a read of a parsed answer's key."""
    on = ON_ANSWER.search(before)
    if on is None:
        return False
    if on.group("b"):
        return True
    parsed, responses = names
    name = on.group("n")
    return name in parsed or (name in responses and KEY_ONLY.match(on.group("k")) is not None)
