"""Flurl's fluent URLs (C#): a base, a string or a name, given path segments
(`BASE.AppendPathSegment("content/x")`, `.AppendPathSegments("content", "x")`) as a site joined to
it; the request a URL string's chain sends (`"https://.../x".WithHeader(...).PostJsonAsync(new
{...})`: the send verb's arguments are its body); and the query its chain sets
(`.SetQueryParam("k", v)`, `.SetQueryParams(new { k = v })`)."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from akool_cli.audit import brackets, rx, sites
from akool_cli.audit.sites import Bases

WORD = "AppendPathSegment"  # (a file without it joins no segment so: asked once per file)
QUERY_WORD = "SetQueryParam"
# The receiver a segment is appended to (a string literal or a name, perhaps on the line before
# when the chain goes on with `.AppendPathSegment(` on a line of its own), then the segments.
RECEIVER = rx.compile(r"(?P<r>\"[^\"\n]*\"|(?<![\w.\"])[A-Za-z_][\w.]*)\s*$")
APPEND = rx.compile(r"\.\s*AppendPathSegments?\(\s*(?P<args>[^()\n]*)\)")
SEGMENT = rx.compile(r"\"(?P<s>[^\"\n]*)\"|(?P<n>[^\s,][^,]*)")
# The links of a Flurl chain (configuration, path and query steps) and the verbs that send it.
LINK = rx.compile(r"\s*\.\s*(?P<name>[A-Z]\w*)\s*(?:<[^<>()]*>)?\s*\(")
SENDS = frozenset(
    {
        *("GetAsync", "GetJsonAsync", "GetStringAsync", "GetBytesAsync", "GetStreamAsync"),
        *("PostAsync", "PostJsonAsync", "PostStringAsync", "PostUrlEncodedAsync"),
        *("PutAsync", "PutJsonAsync", "PatchAsync", "PatchJsonAsync", "DeleteAsync"),
        *("SendAsync", "SendJsonAsync", "SendUrlEncodedAsync"),
    }
)
BODY_VERBS = (
    "PostJsonAsync",
    "PutJsonAsync",
    "PatchJsonAsync",
    "PostUrlEncodedAsync",
    "SendJsonAsync",
)
CHAIN_LINKS = 12  # (links of a chain read from its URL)
# The query a chain sets: `.SetQueryParam("k", v)` and `.SetQueryParams(new { k = v, ... })`.
QUERY_PARAM = rx.compile(r"\.\s*SetQueryParam\(\s*\"(?P<k>[A-Za-z_][\w.\[\]-]*)\"\s*,\s*")
QUERY_PARAMS = rx.compile(r"\.\s*SetQueryParams\(\s*new\s*\{")
MEMBER = rx.compile(r"(?:^|,)\s*(?P<k>[A-Za-z_]\w*)\s*=(?!=)\s*(?P<v>[^,]*?)\s*(?=,|$)")
STATEMENT = 3000  # (how far a chain's statement is read around a request)


def segment_sites(name: str, text: str, lines: list[str], bases: Bases) -> None:
    """The paths the file's Flurl chains append to an AKOOL base, as sites (`bases.named`)."""
    if not name.lower().endswith((".cs", ".csx")):
        return
    if CLIENT_WORD in text:
        client_sites(lines, bases)
    if WORD not in text:
        return
    taken = -1  # (the last line of a chain read already)
    for i, line in enumerate(lines):
        appended = APPEND.search(line) if i > taken and WORD in line and len(line) <= 2000 else None
        if appended is None:
            continue
        before = line[: appended.start()]
        receiver = RECEIVER.search(before) if before.strip() else _line_end_receiver(lines, i)
        base = sites._literal_base(receiver["r"], bases, i) if receiver else None
        if base is None or base.host is None or not sites.AKOOL_HOST.fullmatch(base.host):
            continue
        taken, segments = _chain_segments(lines, i, appended.start())
        site = _segments_site(i, line, appended, segments, base)
        if site is not None:
            bases.named.setdefault(i, []).append(site)


# A FlurlClient made with a base (`var akool = new FlurlClient(BASE)`, `FlurlClient c = new(BASE)`),
# and a request it makes of segments (`akool.Request("content", "x")`).
CLIENT_WORD = "FlurlClient("
CLIENT = rx.compile(
    r"(?<![\w.])(?P<n>[A-Za-z_]\w*)\s*=\s*new\s*(?:FlurlClient\s*)?\(\s*(?P<b>\"[^\"\n]*\"|[A-Za-z_][\w.]*)\s*\)"
)
REQUEST = r"(?<![\w.]){n}\s*(?:\.\s*With\w+\([^()\n]*\)\s*)*\.\s*Request\(\s*(?P<args>[^()\n]*)\)"


def client_sites(lines: list[str], bases: Bases) -> None:
    """The requests of the file's FlurlClients made with an AKOOL base, as sites joined to it."""
    asked = [k for k, line in enumerate(lines) if ".Request(" in line]  # (found once a file)
    for i, line in enumerate(lines):
        made = CLIENT.search(line) if CLIENT_WORD in line or "new(" in line else None
        base = sites._literal_base(made["b"], bases, i) if made is not None else None
        if made is None or base is None or base.host is None:
            continue
        if not sites.AKOOL_HOST.fullmatch(base.host):
            continue
        request = re.compile(REQUEST.format(n=re.escape(made["n"])))
        for k in asked[bisect.bisect_left(asked, i) :]:
            for m in request.finditer(lines[k]):
                segments = [s.group("s") for s in SEGMENT.finditer(m.group("args"))]
                site = _segments_site(k, lines[k], m, segments, base) if segments else None
                bases.named.setdefault(k, []).extend([site] if site is not None else [])


def _line_end_receiver(lines: list[str], i: int) -> re.Match[str] | None:
    """The receiver that ends the line before a chain's `.AppendPathSegment(` line."""
    return RECEIVER.search(lines[i - 1]) if i > 0 else None


def _chain_segments(lines: list[str], i: int, column: int) -> tuple[int, list[str | None]]:
    """The last line of the chain that starts at line i's column and every segment it appends
    (None for one not a literal: a name, an interpolation), over the lines it goes on with `.`."""
    segments: list[str | None] = []
    last = i
    for k in range(i, min(len(lines), i + CHAIN_LINKS)):
        if k > i and not lines[k].lstrip().startswith("."):
            break
        last = k
        for m in APPEND.finditer(lines[k], column if k == i else 0):
            segments += [s.group("s") for s in SEGMENT.finditer(m.group("args"))]
        if lines[k].rstrip().endswith(";"):
            break
    return last, segments


def _segments_site(
    i: int, line: str, appended: re.Match[str], segments: list[str | None], base: sites.Base
) -> sites.Site | None:
    """The site of a chain's literal segments joined to the base, at its first segment."""
    first = SEGMENT.match(appended.group("args").strip())
    if first is None or first.group("s") is None:
        return None  # (`.AppendPathSegment(path)`: a name's path, judged where it is bound)
    literal = []
    for segment in segments:
        if segment is None:
            break
        literal.append(segment)
    start = appended.start("args") + appended.group("args").index('"') + 1
    path = "".join("/" + s.strip("/") for s in literal)
    site = sites._site(
        i, start, first.group("s"), base.prefix.rstrip("/") + path, base.host, line, base
    )
    whole = len(literal) == len(segments)
    return site if whole and len(segments) == 1 else replace(site, named=True, continued=not whole)


def sending_call(text: str, at: int) -> tuple[int, int] | None:
    """The parentheses of the verb that sends the Flurl chain a URL string ends its receiver at
    `at` (the `.` after its closing quote), when the links before it are a chain's."""
    for _ in range(CHAIN_LINKS):
        link = LINK.match(text, at)
        if link is None:
            return None
        close = brackets.matching(text, link.end() - 1, 1, min(len(text), link.end() + 4000))
        if close < 0:
            return None
        if link.group("name") in SENDS:
            return link.end() - 1, close + 1
        at = close + 1
    return None


def query_keys(text: str, start: int, end: int) -> list[tuple[str, int, int, int]]:
    """The query keys the Flurl chain around a request (text[start:end]) sets, in its statement."""
    if QUERY_WORD not in text[max(0, start - STATEMENT) : end + STATEMENT]:
        return []
    first = max(text.rfind(";", max(0, start - STATEMENT), start), text.rfind("{\n", 0, start))
    last = text.find(";", end, end + STATEMENT)
    span = (first + 1, last if last >= 0 else end)
    found = []
    for m in QUERY_PARAM.finditer(text, *span):
        close = brackets.matching(text, m.start() + m.group(0).index("("), 1, span[1])
        value_end = close if close >= 0 else m.end()
        found.append((m["k"], m.start("k"), m.end(), value_end))
    for m in QUERY_PARAMS.finditer(text, *span):
        close = brackets.matching(text, m.end() - 1, 1, span[1])
        inner = text[m.end() : close] if close >= 0 else ""
        for k in MEMBER.finditer(inner):
            found.append(
                (k["k"], m.end() + k.start("k"), m.end() + k.start("v"), m.end() + k.end("v"))
            )
    return found
