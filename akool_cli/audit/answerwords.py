"""Answer fields AKOOL's docs give as one of a few words (Jarvis Moderator's `final_conclusion`:
Non-Compliant, Compliant or Unknown): a read of one compared with a word the docs do not give
(`d["final_conclusion"] == "Rejected"`) never holds, so the branch it guards never runs. Judged
only in a file that calls the endpoint whose answer gives the field."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from akool_cli.audit.calls import FileContext
from akool_cli.audit.statuses import Found

# (method, path, field): the words the docs give (jarvis-moderator.mdx, the infobyid answer's
# table and its example).
WORDS = {
    ("GET", "/api/open/v3/content/analysis/infobyid", "final_conclusion"): (
        "Non-Compliant",
        "Compliant",
        "Unknown",
    ),
}

# A read of the field compared for equality with a quoted word: `d["final_conclusion"] ==
# "Rejected"`, `d.final_conclusion === 'x'`, `.get("final_conclusion") != "x"`, Java's
# `.get("final_conclusion").asText().equals("x")`, Ruby's `d.dig("data", "final_conclusion") == "x"`.
COMPARED = (
    r"""(?:\[\s*["']{f}["']\s*\]|\??\.{f}\b|\.(?:get|dig|fetch)\((?:\s*["']\w+["']\s*,)*\s*["']{f}["']\s*\))"""
    r"""(?:\.\w+\(\))?\s*(?:===?|!==?|\.equals\()\s*(?P<q>["'])(?P<w>[^"'\n]{{1,40}})(?P=q)"""
)


@lru_cache(maxsize=8)
def _pattern(field: str) -> re.Pattern[str]:
    return re.compile(COMPARED.format(f=re.escape(field)))


def word_hits(ctx: FileContext) -> Iterator[Found]:
    """Each comparison of a worded answer field with a word its docs do not give."""
    called = {
        (m.endpoint.method, m.endpoint.path): m.endpoint.url
        for m in ctx.mentions
        if m.endpoint is not None and m.verdict == "documented"
    }
    text = ctx.doc().text
    for (method, path, field), words in WORDS.items():
        url = called.get((method, path))
        if url is None or field not in text:
            continue
        for m in _pattern(field).finditer(text):
            word = m.group("w")
            if word in words:
                continue
            doc = ctx.doc()
            line, column = doc.line_of(m.start("q")), doc.column(m.start("q"))
            listed = ", ".join(words[:-1]) + f" or {words[-1]}"
            message = (
                f'"{word}" is not a value of {field}: AKOOL\'s answer to {method} {path} gives '
                f"{listed} ({url})"
            )
            yield Found(line, column, f'"{word}"', listed, message, url)
