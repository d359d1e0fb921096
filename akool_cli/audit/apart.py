"""Bodies given apart from the parentheses of the call that names their URL: a body link earlier in
the builder chain the call ends (Go resty's `client.R().SetBody(b).Post(path)`), a block or
trailing lambda after the call that sets it (Ruby Faraday's `conn.post(path) do |req| req.body =
... end`, Kotlin Ktor's `client.post(url) { setBody(...) }`), and the JSON a curl command reads
from the here-document that follows it (`curl -d @- <<EOF`)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from akool_cli.audit.handles import value_end

if TYPE_CHECKING:
    from akool_cli.audit.fields import Text

# A link of a chain right before a call's callee, matched on the text before the callee's `(`:
# the `)` of the link before, then `.Post`.
LINK_BEFORE = re.compile(r"\)\s*\.\s*[A-Za-z_]\w*\s*$")
LINK_NAME = re.compile(r"\.\s*(?P<name>[A-Za-z_]\w*)\s*$")
# The links that give a chain's request its body (resty: SetBody, SetFormData).
BODY_LINKS = frozenset({"SetBody", "SetFormData"})
CHAIN_LINKS = 12  # links of a chain read back from its call
BEFORE = 120  # characters before a `(` in which the link's name is read

# A block after a call that is given the request: Ruby's `do |req|` and `{ |req|`.
RUBY_BLOCK = re.compile(r"[ \t]*(?P<open>do|\{)[ \t]*\|[ \t]*(?P<h>[A-Za-z_]\w*)[ \t]*\|")
KOTLIN_LAMBDA = re.compile(r"[ \t]*\{")
BLOCK_LINES = 40  # lines of a `do ... end` block read
RUBY_END = re.compile(r"[ \t]*end\b")
# What sets the request's body inside the block: `req.body =` (Ruby), `setBody(` (Ktor).
RUBY_BODY = r"(?<![\w.@]){h}\s*\.\s*body\s*=(?![=~>])"
KTOR_BODY = re.compile(r"(?<![\w.])setBody\s*\(")


def extents(doc: Text, call: tuple[int, int]) -> list[tuple[int, int]]:
    """The text of each body the call [start, end) is given apart from its parentheses."""
    return [*_chained(doc, call), *_block(doc, call)]


def _chained(doc: Text, call: tuple[int, int]) -> list[tuple[int, int]]:
    """The body links of the builder chain that the call ends."""
    found: list[tuple[int, int]] = []
    at = call[0]
    for _ in range(CHAIN_LINKS):
        link = LINK_BEFORE.search(doc.text, max(0, at - BEFORE), at)
        if link is None:
            break
        close = link.start()
        pair = doc.paren_around(close)
        if pair is None or pair[1] != close + 1:
            break
        name = LINK_NAME.search(doc.text, max(0, pair[0] - BEFORE), pair[0])
        if name is None:
            break
        if name.group("name") in BODY_LINKS:
            found.append(pair)
        at = pair[0]
    return found


def _block(doc: Text, call: tuple[int, int]) -> list[tuple[int, int]]:
    """The bodies set in the block or trailing lambda right after the call's parentheses."""
    if doc.language == "kotlin":
        opened = KOTLIN_LAMBDA.match(doc.text, call[1])
        index = doc.container_at(opened.end() - 1) if opened is not None else None
        if index is None:
            return []
        inner = (opened.end() if opened else 0, doc.containers[index].end)
        return [_call_of(doc, m.end()) for m in KTOR_BODY.finditer(doc.text, *inner)]
    ruby = RUBY_BLOCK.match(doc.text, call[1])
    if ruby is None:
        return []
    end = _block_end(doc, call, ruby)
    setter = re.compile(RUBY_BODY.replace("{h}", re.escape(ruby.group("h"))))
    return [
        (m.end(), value_end(doc.text, m.end())) for m in setter.finditer(doc.text, ruby.end(), end)
    ]


def _call_of(doc: Text, after: int) -> tuple[int, int]:
    """The parentheses of the call whose `(` is right before `after`."""
    pair = doc.paren_around(after)
    return pair if pair is not None else (after, after)


def _block_end(doc: Text, call: tuple[int, int], opened: re.Match[str]) -> int:
    """Where a Ruby block opened after the call ends: its `}`, or the `end` of the call's
    indentation (or less) after a `do`."""
    if opened.group("open") == "{":
        index = doc.container_at(opened.start("open"))
        return doc.containers[index].end if index is not None else opened.end()
    first = doc.line_of(call[0])
    line_text = doc.line_text(first)
    indent = len(line_text) - len(line_text.lstrip())
    for line in range(first + 1, min(first + BLOCK_LINES, len(doc.starts))):
        text = doc.line_text(line)
        if text.strip() and len(text) - len(text.lstrip()) <= indent:
            return doc.starts[line] + (len(text) if RUBY_END.match(text) else 0)
    return doc.starts[min(first + BLOCK_LINES, len(doc.starts) - 1)]
