"""Query fields a Go request takes from go-resty's query setters on its own chain:
`client.R().SetQueryParam("k", v).Get(path)` and `.SetQueryParams(map[string]string{"k": v})`,
the chain written on one line or over several, each line ending in `.` (gofmt's way):
`client.R().` / `SetQueryParam("_ids", id).` / `Get("/faceswap/result/listbyids")`."""

from __future__ import annotations

from akool_cli.audit import brackets, rx

WORD = "SetQueryParam"  # (a file without it takes no query so: asked once per file)
QUERY_PARAM = rx.compile(r"\bSetQueryParam\(\s*\"(?P<k>[A-Za-z_][\w.\[\]-]*)\"\s*,\s*")
QUERY_PARAMS = rx.compile(r"\bSetQueryParams\(\s*map\[string\]string\s*\{")
ENTRY = rx.compile(r"\"(?P<k>[A-Za-z_][\w.\[\]-]*)\"\s*:\s*(?P<v>[^,}\n]+?)\s*(?=[,}\n])")
CHAIN_LINES = 8  # (lines of a chain read above the request)


def _statement(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the chain the request in text[start:end] is a link of: its line, and the
    lines above that end in `.` (a chain gofmt breaks after each link's dot)."""
    first = text.rfind("\n", 0, start) + 1
    for _ in range(CHAIN_LINES):
        above = text.rfind("\n", 0, max(0, first - 1)) + 1
        if first == 0 or not text[above : first - 1].rstrip().endswith("."):
            break
        first = above
    last = text.find("\n", end)
    return first, last if last >= 0 else len(text)


def query_keys(text: str, start: int, end: int) -> list[tuple[str, int, int, int]]:
    """The query keys (name, where, value start, value end) resty's setters on the request's
    chain give it."""
    span = _statement(text, start, end)
    if WORD not in text[span[0] : span[1]]:
        return []
    found = []
    for m in QUERY_PARAM.finditer(text, *span):
        close = brackets.matching(text, m.start() + m.group(0).index("("), 1, span[1])
        found.append((m["k"], m.start("k"), m.end(), close if close >= 0 else m.end()))
    for m in QUERY_PARAMS.finditer(text, *span):
        close = brackets.matching(text, m.end() - 1, 1, span[1])
        inner = text[m.end() : close + 1] if close >= 0 else ""  # (its `}` ends the last entry)
        for k in ENTRY.finditer(inner):
            at = m.end()
            found.append((k["k"], at + k.start("k"), at + k.start("v"), at + k.end("v")))
    return found
