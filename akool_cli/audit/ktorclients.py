"""Ktor clients given their base by the DefaultRequest plugin: `val akool = HttpClient(CIO) {
defaultRequest { url("https://openapi.akool.com/api/open/v3/") } }` (or `url(BASE)`,
`url.takeFrom(BASE)`), whose verbs (`akool.post("content/video/lipsync") { ... }`) send their path
under that base: the client held in its name is one of the file's clients (`bases`)."""

from __future__ import annotations

from pathlib import PurePath

from akool_cli.audit import rx, sites
from akool_cli.audit.sites import Bases

SUFFIXES = frozenset({".kt", ".kts"})
WORD = "defaultRequest"
DEFAULT_URL = rx.compile(r"(?<![\w.])url(?:\.takeFrom)?\(\s*(?P<b>\"[^\"]*\"|[A-Za-z_][\w.]*)\s*\)")
# The client the block configures: `val akool = HttpClient(CIO) {`, `private val http = HttpClient {`.
MADE = rx.compile(
    r"(?<![\w.])(?:val|var)\s+(?P<n>[A-Za-z_]\w*)\s*(?::\s*HttpClient\s*)?=\s*HttpClient\b"
)
BLOCK_LINES = (
    12  # (how far above its defaultRequest a client's `HttpClient {` may be, and below it its url)
)


def default_request_clients(name: str, text: str, lines: list[str], bases: Bases) -> None:
    """The file's Ktor clients whose defaultRequest names an AKOOL base, as named clients."""
    if WORD not in text or PurePath(name).suffix.lower() not in SUFFIXES:
        return
    own = len(bases.clients)
    for i, line in enumerate(lines):
        if WORD not in line:
            continue
        made = _client_name(lines, i)
        given = _default_url(lines, i)
        base = sites._literal_base(given, bases, i) if made and given else None
        if base is None or base.host is None or not sites.AKOOL_HOST.fullmatch(base.host):
            continue
        bases.named_clients.setdefault(made, []).append((i, base))
        bases.clients.append((i, base))
    if len(bases.clients) > own:
        bases.clients.sort(key=lambda c: c[0])


def _client_name(lines: list[str], i: int) -> str:
    """The name of the client whose configuration block line i is in (the nearest above)."""
    for k in range(i, max(-1, i - BLOCK_LINES), -1):
        m = MADE.search(lines[k])
        if m is not None:
            return m["n"]
    return ""


def _default_url(lines: list[str], i: int) -> str:
    """The URL the defaultRequest block opened on line i gives (`url("...")`, `url(BASE)`)."""
    depth = 0
    for k in range(i, min(len(lines), i + BLOCK_LINES)):
        line = lines[k]
        start = line.find(WORD) if k == i else 0
        m = DEFAULT_URL.search(line, start)
        if m is not None:
            return m["b"]
        depth += line.count("{", start) - line.count("}", start)
        if k > i and depth <= 0:
            break
    return ""
