"""The audit's rules as data: each has a name, a severity, a one-line summary (the docs' rule
table is made from them) and a check that yields the places of one file that break it, each
with the documented replacement and, when the docs justify one, a mechanical fix."""

from __future__ import annotations

import bisect
import math
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache, partial
from itertools import chain
from operator import attrgetter
from typing import Literal

from akool_cli.audit import (
    answers,
    answerwords,
    authheaders,
    authschemes,
    branches,
    curlargs,
    dtomissing,
    hooks,
    jsonobjects,
    jvmbodies,
    keycase,
    methods,
    netqueries,
    parsedanswers,
    readhints,
    receivers,
    returns,
    rx,
    scriptanswers,
    stringified,
    ties,
    tostrings,
    tstypes,
    twins,
    urlbuilders,
    valuekinds,
    webhookpayloads,
)
from akool_cli.audit import fields as f
from akool_cli.audit.answermodels import decoded_reads
from akool_cli.audit.builders import query_set
from akool_cli.audit.calls import (
    AKOOL_HOST_IN_URL,
    API_KEY_HEADER,
    BEARER_HEADER,
    SAME_REQUEST_LINES,
    FileContext,
    Mention,
    api_versioned,
    sibling_call,
)
from akool_cli.audit.fallbacks import boolean_flag, converted
from akool_cli.audit.hosts import URL_HOST, akool_domain
from akool_cli.audit.paths import (
    akool_shaped,
    describe,
    for_method,
    guesses,
    judge,
    replacement_note,
)
from akool_cli.audit.sites import (
    AKOOL_URL,
    ENV_PREFIX,
    OPEN_API_PATH,
    QUERY_KEYWORDS,
    VARIABLE_PREFIX,
    host_parts,
)
from akool_cli.audit.source import WEBSITE_HOSTS
from akool_cli.audit.statuses import status_hits
from akool_cli.core import catalogue, contract
from akool_cli.core.catalogue import DocEndpoint, DocField

Severity = Literal["error", "warning", "info"]
AUTH_PAGE = catalogue.page_url("authentication/usage")
# Field names scripts use for a documented one whose spelling differs more than in case and
# underscores (those are found without a list): wrong -> the documented names it may stand for.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "size": ("scale",),
    "image_url": ("talking_photo_url", "image", "source_image"),
    "photo_url": ("talking_photo_url",),
    "image": ("talking_photo_url", "source_image"),
    "audio": ("audio_url",),
    "webhook": ("webhookUrl", "webhookurl"),
    "callback_url": ("webhookUrl", "webhookurl"),
    "callbackUrl": ("webhookUrl", "webhookurl"),
    "callback": ("webhookUrl", "webhookurl"),
    "task_id": ("video_model_id", "image_model_id", "audio_model_id", "_id"),
    "id": ("video_model_id",),
    "text": ("input_text",),
    "voice": ("voice_id",),
    "source_url": ("source_image", "sourceImage"),
    "target_url": ("targetImage",),
    "target_language": ("language",),
    "target_lang": ("language",),
}


@dataclass(frozen=True)
class Fix:
    """Replace text[start:end] of one line (0-based) with `new`: a change the docs justify."""

    line: int
    start: int
    end: int
    old: str
    new: str
    also: tuple[Fix, ...] = ()  # edits made with this one (a Postman url's path array)

    def moved(self, edit: Callable[[Fix], Fix | None]) -> Fix | None:
        """The fix with each of its edits moved by `edit` (into the file that holds the code it
        was found in: a notebook, a workflow), or None when one of them cannot be."""
        edits = [edit(one) for one in (self, *self.also)]
        if any(one is None for one in edits):
            return None
        first, *rest = [one for one in edits if one is not None]
        return replace(first, also=tuple(rest))


@dataclass(frozen=True)
class Hit:
    line: int  # 0-based
    column: int  # 0-based
    found: str
    documented: str
    message: str
    help: str = catalogue.DOCS_SITE  # the docs page that says what is right
    fix: Fix | None = None
    severity: Severity | None = None  # (the rule's, unless said: see _on_a_guess)


@dataclass(frozen=True)
class Rule:
    name: str
    severity: Severity
    summary: str  # one line for the docs' rule table
    check: Callable[[FileContext], Iterator[Hit]]


def _page(endpoint: DocEndpoint | None) -> str:
    return endpoint.url if endpoint else catalogue.DOCS_SITE


# -- paths --------------------------------------------------------------------------------------------


# A character that says a path is not a plain literal (a variable, a placeholder, a format).
PATH_VARIABLE = rx.compile(r"[{}$%<]")


def _path_fix(m: Mention, replacement: DocEndpoint | None) -> Fix | None:
    """The path as written, replaced by the documented one, when that is mechanical: a plain
    literal (no variable in it) under a base whose prefix the documented path keeps."""
    if replacement is None or "{" in replacement.path or PATH_VARIABLE.search(m.text):
        return None
    if m.site.named:
        return None  # a name holding the path: the literal is elsewhere
    prefix = m.site.base.prefix if m.site.base else ""
    full = m.text.startswith("/api/open/") or m.text.startswith("api/open/")
    if m.site.base is None and not full and not m.site.host:
        return None
    if m.site.base is None and m.site.host and not full:
        prefix = ""
    if not replacement.path.startswith(prefix.rstrip("/") + "/"):
        return None
    new = replacement.path[len(prefix.rstrip("/")) :]
    if not m.text.startswith("/"):
        new = new.lstrip("/")
    if m.text.endswith("/") and not new.endswith("/"):
        return None
    return Fix(m.line, m.column, m.end, m.text, new)


# How a call says its method: curl's -X (or a body flag: POST), a method option, a client's verb.
METHOD = rx.compile(
    r"(?:-X|--request)\s*[\"']?(?P<x>GET|POST|PUT|DELETE|PATCH)\b"
    r"|method\s*[:=]\s*[\"'](?P<m>[A-Za-z]+)[\"']"
    r"|\.(?P<f>get|post|put|delete|patch)(?:Async|_json|ForObject|ForEntity)?\s*\("
    r"|(?P<d>\s(?:-d|--data(?:-raw|-binary|-urlencode)?|--json|-F|--form)[\s=])"
    r"|(?P<c>\bcurl\b|\bfetch\s*\()",
    re.IGNORECASE,
)


def call_method(ctx: FileContext, m: Mention) -> str | None:
    """The HTTP method of the call a path is written in, when its statement says (None: the
    path is held apart from its call, or the call does not say); worked out once a call."""
    key = (m.line, m.column, m.end)
    if key not in ctx.methods:
        ctx.methods[key] = _call_method(ctx, m)
    return ctx.methods[key]


def _call_method(ctx: FileContext, m: Mention) -> str | None:
    line = ctx.lines[m.line]
    if len(line) > ties.STATEMENT_CHARS:  # a minified line: the text around the call only
        text = line[max(0, m.column - 300) : m.end + 600]
    else:
        text = "\n".join(ctx.lines[m.line : ties.statement_end(ctx.lines, m.line) + 1])
    curl = "curl" in text and curlargs.CURL_WORD.search(text)  # (its word first: most calls)
    if curl:  # curl's options as curl reads them (`-sG`, `-sd DATA`)
        said = curlargs.curl_method(text, 0, m.column)
        if said is not None:
            return said.method.upper() if said.method.upper() in methods.METHODS else None
    found: dict[str, str] = {}
    for hit in METHOD.finditer(text):
        kind = hit.lastgroup or ""
        found.setdefault(kind, (hit.group(kind) or "").strip())
    if "x" in found or "m" in found or "f" in found:
        return (found.get("x") or found.get("m") or found.get("f") or "").upper()
    if "d" in found:
        return "POST"
    return "GET" if "c" in found else None  # curl or fetch with neither: a GET


def _method_guard(
    ctx: FileContext, m: Mention, endpoint: DocEndpoint | None, fix: Fix | None
) -> tuple[Fix | None, str]:
    """A path fix is made only when the call's method is the documented call's: a bodiless GET
    is not turned into a POST endpoint's path (the finding stays, without a patch, saying why)."""
    method = call_method(ctx, m) if endpoint is not None and fix is not None else None
    if fix is None or endpoint is None:
        return fix, ""
    if method is not None and method != endpoint.method:
        return (
            None,
            f"; not fixed: this call is a {method} and the documented call a {endpoint.method}",
        )
    if not ctx.name.endswith(".json"):
        return fix, ""
    array = postman_path(ctx.lines, m.line)
    if array is None or [t for *_, t in array] != fix.old.strip("/").split("/"):
        return fix, ""
    also = _array_fixes(array, fix.new.strip("/").split("/"), ctx.lines)
    if also is None:
        return None, "; not fixed: the request's url.path array would need another shape"
    return replace(fix, also=also), ""


POSTMAN_PATH = rx.compile(r"\"path\"\s*:\s*\[")
JSON_STRING = rx.compile(r"\"(?P<s>[^\"\\]*(?:\\.[^\"\\]*)*)\"|(?P<end>\])")


def postman_path(lines: list[str], line: int) -> list[tuple[int, int, int, str]] | None:
    """The segments of the `"path": [...]` array of a Postman url whose raw is on `line` (each
    with its line and columns), looked for in the same url object: the nearest lines around it
    that reach no other request's raw URL."""
    order = sorted(range(max(0, line - 8), min(len(lines), line + 9)), key=lambda i: abs(i - line))
    for i in order:
        between = lines[min(i, line) + 1 : max(i, line)]
        if any('"raw"' in text for text in between) or (i != line and '"raw"' in lines[i]):
            continue
        opened = _path_array(lines[i])
        if opened < 0:
            continue
        items: list[tuple[int, int, int, str]] = []
        at, j = opened, i
        while j < min(len(lines), i + 16):
            for s in JSON_STRING.finditer(lines[j], at):
                if s.group("end"):
                    return items
                items.append((j, s.start("s"), s.end("s"), s.group("s")))
            j, at = j + 1, 0
        return None
    return None


@lru_cache(maxsize=8192)  # (asked for each call of a line: a one-line collection holds thousands)
def _path_array(text: str) -> int:
    """Where the first `"path": [` array of a line opens (its items start), or -1."""
    m = POSTMAN_PATH.search(text)
    return m.end() if m is not None else -1


def _array_fixes(
    array: list[tuple[int, int, int, str]], new: list[str], lines: list[str]
) -> tuple[Fix, ...] | None:
    if len(array) == len(new):
        return tuple(
            Fix(ln, a, b, old, n) for (ln, a, b, old), n in zip(array, new, strict=True) if old != n
        )
    if len({ln for ln, *_ in array}) != 1:
        return None  # one segment a line, and a different number of them: left to a person
    ln, first, last = array[0][0], array[0][1], array[-1][2]
    return (Fix(ln, first, last, lines[ln][first:last], '", "'.join(new)),)


def check_guessed_paths(ctx: FileContext) -> Iterator[Hit]:
    for m in ctx.written():
        guess = m.judgement.guess
        if guess is not None:
            endpoint = m.judgement.replacement
            said = call_method(ctx, m) or guess.method  # (a bare curl's GET: the call's own)
            message = f"{said} {m.text} is not in AKOOL's documentation ({_page(endpoint)})"
            # only a guess whose documented call is just another path is fixed mechanically
            plain = endpoint and guess.replacement == f"{endpoint.method} {endpoint.path}"
            fix, why = _method_guard(ctx, m, endpoint, _path_fix(m, endpoint) if plain else None)
            message += why
            yield Hit(m.line, m.column, m.text, guess.replacement, message, _page(endpoint), fix)


def path_stays(ctx: FileContext, m: Mention) -> bool:
    """Whether a call judged against an endpoint its path does not name (a known guess, another
    version's) keeps that path after the patch. What it sends is then not patched either: it is
    judged against a call it does not make (break21c L2: `getvideostatus?task_id=` is not made
    `infobymodelid`'s `video_model_id` while the path stays `getvideostatus`)."""
    if m.verdict == "documented":
        return False
    j = m.judgement
    if j.guess is not None:
        endpoint = j.replacement
        plain = endpoint is not None and j.guess.replacement == f"{endpoint.method} {endpoint.path}"
        fix = _path_fix(m, endpoint) if plain else None
    else:
        fix = _path_fix(m, j.replacement) if j.sure and certain_mapping(m) else None
    return _method_guard(ctx, m, j.replacement, fix)[0] is None


def check_unknown_paths(ctx: FileContext) -> Iterator[Hit]:
    for m in ctx.written():
        if m.verdict != "unknown":
            continue
        j = m.judgement
        replacement = j.replacement
        said = call_method(ctx, m) if replacement is not None else None
        if replacement is not None and said is not None and said != replacement.method:
            replacement = for_method(j.path, said) or replacement  # DELETE .../session/{id}
        if replacement is not None:
            documented = describe(replacement) + replacement_note(j.path, replacement)
        elif j.candidates:
            documented = "one of " + ", ".join(f"{e.method} {e.path}" for e in j.candidates)
        else:
            documented = "an endpoint in AKOOL's documentation (list them: akool api --list)"
        why = f": {m.site.resolved}" if m.site.resolved else ""
        where = f" (as {j.path}{why})" if j.path != m.text or why else ""
        message = f"{m.text}{where} is not in AKOOL's documentation"
        sure = j.sure and not m.site.resolved  # (the base's ending, not the path, is wrong)
        sure = sure and certain_mapping(m)  # (another API's `/api/v1/...`: advice, no patch)
        fix, why = _method_guard(
            ctx, m, j.replacement, _path_fix(m, j.replacement) if sure else None
        )
        message += why
        yield Hit(m.line, m.column, m.text, documented, message, _page(replacement), fix)
    yield from check_postman_arrays(ctx)


def check_postman_arrays(ctx: FileContext) -> Iterator[Hit]:
    """A Postman request whose url.raw is a documented path and whose url.path array says
    another (a hand edit, or a fix made to one of them): the array is what Postman sends."""
    if not ctx.name.endswith(".json"):
        return
    for m in ctx.mentions:
        if m.verdict != "documented" or m.endpoint is None or "{" in m.text:
            continue
        array = postman_path(ctx.lines, m.line)
        want = m.text.strip("/").split("/")
        if not array or [t for *_, t in array] == want or any("{" in t for *_, t in array):
            continue
        written = "/".join(t for *_, t in array)
        if judge("/" + written).verdict == "documented" or len(array) != len(want):
            continue  # another documented path, or an array that holds only part of it
        line, column = array[0][0], array[0][1]
        message = f"this request's url.path ({written}) is not its url.raw ({m.text.strip('/')})"
        also = _array_fixes(array, want, ctx.lines)
        fix = replace(also[0], also=also[1:]) if also else None
        documented = f"{m.endpoint.method} {m.endpoint.path}"
        yield Hit(line, column, written, documented, message, m.endpoint.url, fix)


def check_retired_paths(ctx: FileContext) -> Iterator[Hit]:
    for m in ctx.written():
        retired = m.judgement.retired
        if retired is None:
            continue
        endpoint = m.judgement.replacement
        documented = describe(endpoint) if endpoint else "no documented replacement"
        message = (
            f"{m.judgement.path} is no longer in AKOOL's documentation (last documented "
            f"{retired.last_documented}); it may still answer today"
        )
        found = m.judgement.path if "," in m.text else m.text  # one of /a/{create,close}
        fix, why = _method_guard(ctx, m, endpoint, _path_fix(m, endpoint))
        unfit = _request_unfit(ctx, m, endpoint) if fix is not None and endpoint else ""
        if unfit:  # (the patched call would send the old endpoint's request to the new one)
            fix, why = None, f"; not fixed: {unfit}, so the request needs rewriting by hand"
        yield Hit(m.line, m.column, found, documented, message + why, _page(endpoint), fix)


def _request_unfit(ctx: FileContext, m: Mention, endpoint: DocEndpoint) -> str:
    """Why the request a retired endpoint's call sends is not one the documented replacement
    takes ("" when it is, or when none is read): a key that is none of its fields, or, of a body
    read, a field it requires that the body lacks. Its path alone is then no fix the docs justify
    (the patched file would fail the field rules the retired call was not judged by)."""
    get = endpoint.method == "GET"
    documented = endpoint.query if get else endpoint.body
    names = {d.name for d in documented} | set(endpoint.example_fields)
    required = [
        d.name for d in documented if d.required and d.name not in endpoint.required_unshown
    ]
    for request in f.requests_of(ctx.doc(), m.line, m.column):
        sent = [k.name for k in (request.query if get else request.body)]
        strange = [n for n in sent if n not in names]
        if strange:
            return f"{strange[0]} is not a field of the documented call"
        missing = [n for n in required if n not in sent]
        if sent and missing:
            return f"the documented call requires {missing[0]}, which this request lacks"
    return ""


def check_deprecated_paths(ctx: FileContext) -> Iterator[Hit]:
    for m in ctx.written():
        if m.verdict == "deprecated" and m.endpoint is not None:
            message = (
                f"{m.endpoint.method} {m.endpoint.path} is documented as deprecated and no longer "
                f"available ({m.endpoint.url}); the docs name no replacement (the request's "
                "fields are not checked against a page for an API that no longer answers)"
            )
            yield Hit(
                m.line, m.column, m.text, "no documented replacement", message, m.endpoint.url
            )


def check_token_flow(ctx: FileContext) -> Iterator[Hit]:
    for m in ctx.written():
        if (
            m.endpoint is not None
            and m.endpoint.path == contract.GET_TOKEN.path
            and m.verdict == "documented"
        ):
            documented = f"the {contract.API_KEY_HEADER} header with an API key"
            message = (
                "the legacy getToken flow: an API key in the x-api-key header needs no token "
                f"({AUTH_PAGE})"
            )
            yield Hit(m.line, m.column, m.text, documented, message, AUTH_PAGE)


# -- hosts --------------------------------------------------------------------------------------------


# A host whose first label names an API (`contentapi.`, `open.`, `api.`): bare, it is a base a
# script joins paths to; a content or media host bare is a link (`https://content.akool.com/`).
API_HOST_LABEL = rx.compile(r"^[^.]*(?:api|open)[^.]*\.")


def doubtful_base(host: str, base: bool) -> bool:
    """Whether a doubtful host written with no path is a base of calls rather than a link."""
    return base and API_HOST_LABEL.match(host) is not None


# Right before a URL a request sends it: a request-named call's first argument (`fetch("`,
# `requests.post("`, `axios.get(\``, `http.Post("`, `urlopen("`), or a curl/wget command's word.
REQUESTED_BEFORE = rx.compile(
    r"(?:\b(?:fetch|get|post|put|patch|delete|request|urlopen|Get|Post|Put|Patch|Delete|Request)"
    r"\s*\(\s*(?:[\"'`]?[A-Z]+[\"'`]?\s*,\s*)?|(?<![\w/.:-])(?:curl|wget|http|https|xh)\s[^|;&\n{]*\s)"
    r"[\"'`]?$"
)


def _doubtful_call_lines(ctx: FileContext) -> set[int]:
    """The lines where a URL on a doubtful host is a call's: a base a path is joined to
    (`BASE = "https://content.akool.com"`, then `BASE + "/api/open/v3/..."`), a URL whose path the
    audit judges as AKOOL's, or one a request sends (`fetch("https://contentapi.akool.com/detect",
    ...)`); never a media file's URL given as a field's value, nor a link no request takes."""
    doubtful = catalogue.load().doubtful_hosts
    found = {
        m.site.base.line
        for m in ctx.mentions
        if m.site.joined
        and m.site.base is not None
        and m.site.base.host in doubtful
        and m.site.base.file == ctx.name
    }
    found |= {m.line for m in ctx.mentions if not m.site.joined and m.site.host in doubtful}
    for i, line in enumerate(ctx.lines):
        if i in found or not any(h in line for h in doubtful):
            continue
        for m in AKOOL_URL.finditer(line):
            if m.group("host") in doubtful and REQUESTED_BEFORE.search(
                line, max(0, m.start() - 80), m.start()
            ):
                found.add(i)
    return found


def _host_problem(
    host: str, path: str, siblings: frozenset[tuple[str, str]] = frozenset(), client: bool = False
) -> Literal["wrong", "doubtful"] | None:
    docs = catalogue.load()
    # (Not AKOOL's domain, hosts.host_kind's "other": a host that only has the word in its name,
    # akool-proxy.example.com, the script's own gateway, is someone else's, never "fixed".)
    if host in docs.hosts or not akool_domain(host):
        return None
    # A base (no path) or a path of the open API's shape on another AKOOL host is a wrong host;
    # other paths there (api.akool.com/api/v1/public/login) belong to AKOOL's website, not to it.
    base = path in ("", "/") or client  # (a client's base URL, whatever path it ends in)
    api_like = (
        path.startswith("/api/open")
        or any(p.search(path) for _, p in guesses())
        or akool_shaped(path)
        or sibling_call(host, path, siblings)  # /api/v1/upload beside /api/v1/faceswap/...
        or api_versioned(host, path)  # api.akool.com/v1/avatars
    )
    if host in docs.doubtful_hosts:  # (a media file's URL or a link there is no call: break21r)
        return "doubtful" if api_like or client or doubtful_base(host, base) else None
    if host in WEBSITE_HOSTS:
        return "wrong" if api_like else None
    return "wrong" if api_like or (base and host.startswith("api.")) else None


def _host_hits(ctx: FileContext, kind: str) -> Iterator[Hit]:
    from akool_cli.audit import printed

    api_host = catalogue.load().api_host
    clients = {n for n, _ in ctx.bases.clients}
    if kind == "doubtful":  # (a doubtful host's URL is a call where a request sends it)
        clients |= _doubtful_call_lines(ctx)
    for i, line in enumerate(ctx.lines):
        if "akool" not in line.lower():
            continue
        for m in AKOOL_URL.finditer(line):
            host, path = m.group("host"), m.group("path") or ""
            if (
                ctx.in_prose(i, m.start())
                or _host_problem(host, path, ctx.siblings, i in clients) != kind
                or printed.host_as_text(ctx.name, ctx.lines, i, m.start(), ctx.language == "shell")
            ):
                continue  # (a host named in a sentence, a message or a pattern: no call)
            based = (path or "/") == "/" or i in clients
            website = ctx.served.website.get((ctx.name, i)) if based else None
            if website is not None and (ctx.name, i) not in ctx.served.api:
                continue  # a base of AKOOL's website only (a clone's sign-in): not the open API's
            if kind == "doubtful":
                message = f"{host} appears in AKOOL's pages only in an example that looks mistaken"
            else:
                message = f"{host} is not AKOOL's API host ({AUTH_PAGE})"
            fix: Fix | None = Fix(i, m.start("host"), m.end("host"), host, api_host)
            if website is not None:  # it serves the website's paths too: not this call's alone
                fix, message = None, message + website_note(website)
            yield Hit(i, m.start("host"), host, api_host, message, AUTH_PAGE, fix)
        yield from _host_part_hits(ctx, i, line, kind)


def _host_part_hits(ctx: FileContext, i: int, line: str, kind: str) -> Iterator[Hit]:
    """A wrong AKOOL host given apart from its URL (`url.URL{Host: "api.akool.com", Path: ...}`,
    `hostname: "api.akool.com"`: sites.host_parts), with the open API's path beside it if any."""
    api_host = catalogue.load().api_host
    for m in host_parts(line):
        host = m.group("host")
        near = OPEN_API_PATH.search(" ".join(ctx.lines[i : i + 3]))
        if ctx.in_prose(i, m.start()) or _host_problem(host, near.group(0) if near else "") != kind:
            continue
        message = f"{host} is not AKOOL's API host ({AUTH_PAGE})"
        if kind == "doubtful":
            message = f"{host} appears in AKOOL's pages only in an example that looks mistaken"
        fix = Fix(i, m.start("host"), m.end("host"), host, api_host)
        yield Hit(i, m.start("host"), host, api_host, message, AUTH_PAGE, fix)


def website_note(path: str) -> str:
    """Why a wrong host on a base is not fixed: the base serves a path of AKOOL's website too."""
    return (
        f"; not fixed: this base also serves {path}, a path of AKOOL's website, not of its open API"
    )


def check_wrong_hosts(ctx: FileContext) -> Iterator[Hit]:
    yield from _host_hits(ctx, "wrong")
    yield from _endpoint_host_hits(ctx)


# A documented endpoint the docs mean to replace, with what they recommend instead (face detect's
# legacy page: "Replace `https://sg3.akool.com/detect` with `https://openapi.akool.com/interface/
# detect-api/detect_faces`", its `image_url` renamed `url`).
SUCCESSORS = {
    ("sg3.akool.com", "/detect"): (
        "POST https://openapi.akool.com/interface/detect-api/detect_faces (with url for image_url)"
    ),
}


def _endpoint_host_hits(ctx: FileContext) -> Iterator[Hit]:
    """A documented path sent to one of AKOOL's hosts that the docs do not give it: face detect's
    legacy /detect is on sg3.akool.com, detect_faces and the open API on openapi.akool.com. Fixed
    where the URL is written whole on the call's line; else said at the call."""
    hosts = catalogue.load().hosts
    for m in ctx.written():
        endpoint, host = m.endpoint, m.site.host
        if m.verdict != "documented" or endpoint is None or host not in hosts:
            continue
        if host == endpoint.host:
            continue
        right = f"{endpoint.method} https://{endpoint.host}{endpoint.path}"
        message = f"{endpoint.method} {endpoint.path} is documented on {endpoint.host}, not {host}"
        successor = SUCCESSORS.get((endpoint.host, endpoint.path))
        if successor is not None:
            message += f" (a legacy endpoint: the docs recommend {successor})"
        line = ctx.lines[m.line]
        at = line.rfind("//" + host, 0, m.column) + 2
        fix = None
        if at >= 2 and not m.site.joined and line[at + len(host) : m.column] in ("", "/"):
            fix = Fix(m.line, at, at + len(host), host, endpoint.host)
        column = at if at >= 2 else m.column
        yield Hit(m.line, column, host, right, f"{message} ({endpoint.url})", endpoint.url, fix)


def check_doubtful_hosts(ctx: FileContext) -> Iterator[Hit]:
    return _host_hits(ctx, "doubtful")


# -- request fields -----------------------------------------------------------------------------------


def _requests(ctx: FileContext) -> list[tuple[Mention, DocEndpoint, list[f.Key]]]:
    """Each call to a documented endpoint (or a known guess of one) with the fields it sends
    (worked out once per file: three rules read them)."""
    if ctx.requests is None:
        ctx.requests = list(_find_requests(ctx))
        if keycase.snakes_keys(ctx.doc().text, ctx.in_prose):  # (keys sent in snake_case)
            ctx.requests = [(m, e, keycase.as_sent(keys, e)) for m, e, keys in ctx.requests]
    return ctx.requests


def _find_requests(ctx: FileContext) -> Iterator[tuple[Mention, DocEndpoint, list[f.Key]]]:
    doc = ctx.doc()
    seen: set[tuple[int, int]] = set()  # (key, value)
    read: set[tuple[int, bool]] = set()  # (request, its query or body) taken by a path already
    starts = _path_starts(doc, ctx.mentions)
    owned = {id(m): _own_query(doc, m, starts) for m in ctx.mentions}
    literal = {k.offset for keys in owned.values() for k in keys}  # (each its own path's)
    for m in ctx.mentions:
        endpoint = m.endpoint
        if m.verdict == "unknown" and m.judgement.sure and certain_mapping(m):
            endpoint = m.judgement.replacement  # another version or letter case of a documented one
        elif m.verdict not in ("documented", "guess"):
            continue  # a retired or deprecated endpoint: its own finding says what to call
        if endpoint is None:
            continue
        # A query written in the path's own literal is its own, wherever the literal is (an
        # array of candidate URLs tried in turn, a URL held in a name): never another path's.
        own = owned[id(m)] if endpoint.method == "GET" else []
        if endpoint.method == "GET" and ctx.name.endswith(".json"):
            own = own + _postman_pairs(ctx, m, own)  # what a Postman request really sends
        for request in f.requests_of(doc, m.line, m.column):
            part = (id(request), endpoint.method == "GET")
            if part in read:
                continue  # a call holding many paths: its keys are all another path's by now
            read.add(part)
            keys = list(request.query) if endpoint.method == "GET" else list(request.body)
            # (a typed object's member is judged again for another instance's value)
            keys = [
                k for k in keys if (k.offset, k.value_start) not in seen and k.offset not in literal
            ]
            seen |= {(k.offset, k.value_start) for k in keys}
            if keys and (
                _is_request(keys, endpoint)
                or (_twin_version_body(ctx, endpoint, keys) and _complete(ctx, m, keys))
                or _in_path(doc, m, keys, starts)
                or (
                    endpoint.method != "GET" and keys == list(request.body) and _whole(doc, request)
                )
            ):  # (a body that is all the call sends is its body, whatever keys it has)
                yield m, endpoint, keys
        if own:
            yield m, endpoint, own
        given = helper_query(doc, m) if endpoint.method == "GET" else None
        if given is not None:  # akool_get("/v4/voice/list", {"language": "en"}): its query
            keys = [k for k in given[0] if (k.offset, k.value_start) not in seen]
            seen |= {(k.offset, k.value_start) for k in keys}
            if keys:
                yield m, endpoint, keys


# The head of a path before its words: an API prefix and a version (`/api/open/v3`, `/api/v1`, `/v2`).
PATH_HEAD = rx.compile(r"^(?P<prefix>(?:/api)?(?:/open)?)(?:/(?P<version>v\d+))?(?=/|$)", re.I)


@lru_cache(maxsize=1)
def _documented_versions() -> frozenset[str]:
    """The versions AKOOL's documented and retired paths have (v3, v4, v5)."""
    docs = catalogue.load()
    paths = [e.path for e in docs.endpoints] + [r.path for r in docs.retired]
    return frozenset(m.group(1) for p in paths if (m := re.match(r"/api/open/(v\d+)/", p)))


def certain_mapping(m: Mention) -> bool:
    """Whether an undocumented path surely is the documented one it is sure of (paths.judge): the
    same words but for AKOOL's prefix, its version or letter case (`/api/open/v3/voice/clone`,
    `/v4/voice/clone` under a base without `/api/open`), or changed by URL resolution. A path with
    a version AKOOL never had outside AKOOL's `/api/open` (`/api/v1/voice/clone`, `/v2/...` on a
    host of its own making) is another API's shape sharing only its last words: what it sends and
    reads is judged against no page (heldout21k F3), its path's own finding names the call."""
    if m.site.resolved:
        return True  # (the base's ending, not the path, is wrong)
    head = PATH_HEAD.match(m.judgement.path)
    if head is None or head.group("prefix").lower() == "/api/open" or not head.group("version"):
        return True
    return head.group("version").lower() in _documented_versions()


KEYWORD_ARGUMENT = rx.compile(r"\s*(?P<k>[A-Za-z_]\w*)\s*=(?![=>])\s*")
EMPTY_QUERY = rx.compile(r"\s*(?:None|null|nil|undefined|\{\s*\}|\[\s*\]|array\(\s*\))?\s*")


def helper_query(doc: f.Text, m: Mention) -> tuple[list[f.Key], bool] | None:
    """For a GET through a wrapper that sends one of its parameters as the request's query
    (sites.Base.query: `def akool_get(path, params=None): requests.get(..., params=params)`),
    the keys the call gives there (`akool_get("/v4/voice/list", {"page": 1})`, `params={...}`,
    PHP's `['page' => 1]`) and whether they are all the query it sends with the path's own: a
    literal of keys only, or nothing given. None when the call is not read so (a name given,
    a spread, a path held elsewhere)."""
    base = m.site.base
    carrier = base.query if base is not None else None
    if carrier is None or m.site.named or m.site.echo:
        return None
    name, index, _ = carrier
    at = doc.offset(m.line, m.column)
    paren = doc.paren_around(at)
    if paren is None:
        return None
    spans = f.split_top(doc.text, paren[0] + 1, paren[1] - 1)
    if not any(a <= at < b and not doc.text[a:at].strip(" \t\n\"'`fFrRuU$@") for a, b in spans):
        return None  # (the path is not one of the call's arguments as written)
    if index == QUERY_KEYWORDS:  # `get("/v4/voice/list", page=1)` to `def get(path, **params)`
        return keyword_query(doc, spans)
    positional, value, keywords = [], None, False
    for a, b in spans:
        if doc.text[a:b].lstrip().startswith(("*", "...")):
            return None  # (a spread may carry the query)
        kw = KEYWORD_ARGUMENT.match(doc.text, a, b) if doc.python else None
        if kw is None:
            positional.append((a, b))
        elif kw.group("k") == name:
            value = (kw.end(), b)
        else:
            keywords = True
    if value is None and 0 <= index < len(positional):
        value = positional[index]
    if value is None and keywords:
        return None  # (`get("/x", video_model_id=v)` to `def get(path, **params)`: its query)
    if value is None or EMPTY_QUERY.fullmatch(doc.text, *value):
        return [], True
    given = doc.text[value[0] : value[1]].strip()
    start = value[0] + doc.text[value[0] : value[1]].find(given)
    held = _held_literal(doc, given, start) if NAME_ONLY.fullmatch(given) else None
    k = held if held is not None else doc.container_at(start)
    if k is None or doc.text[doc.containers[k].start] not in "{[":
        return None
    container = doc.containers[k]
    return list(container.keys), f.only_keys(doc, container)


NAME_ONLY = rx.compile(r"\$?[A-Za-z_]\w*")


def keyword_query(doc: f.Text, spans: list[tuple[int, int]]) -> tuple[list[f.Key], bool] | None:
    """The keyword arguments of a call (its argument spans) to a wrapper that sends them as the
    query (`def get(path, **params)`): all of it, unless a spread gives more (None)."""
    keys: list[f.Key] = []
    for a, b in spans:
        if doc.text[a:b].lstrip().startswith("*"):
            return None  # (`get(path, **extra)`: what the spread holds is not in view)
        kw = KEYWORD_ARGUMENT.match(doc.text, a, b)
        if kw is not None:
            keys.append(f.Key(kw.group("k"), kw.start("k"), kw.end(), b))
    return keys, True


def _held_literal(doc: f.Text, name: str, at: int) -> int | None:
    """The literal a name given as a call's params holds (`params = {"page": 1}`, then
    `akool_get(path, params)`): bound in the same function, and not changed after (else None)."""
    spot = doc.last_assignment(name.lstrip("$"), at) or doc.last_assignment(name, at)
    if spot is None:
        return None
    rhs = doc.text[spot[1] : at]
    k = doc.container_at(spot[1] + len(rhs) - len(rhs.lstrip()))
    scopes = doc.scopes
    if k is None or (
        scopes is not None and scopes.at(doc.line_of(spot[0])) != scopes.at(doc.line_of(at))
    ):
        return None
    changed = re.search(
        rf"(?<![\w$]){re.escape(name)}\s*(?:\[|\.\s*(?:update|setdefault|append|push|set)\b|\+=)",
        doc.text[doc.containers[k].end : at],
    )
    return k if changed is None else None


def _path_starts(doc: f.Text, mentions: list[Mention]) -> list[int]:
    """Where each path written in a literal starts, in order (see _own_literal)."""
    return sorted({doc.offset(m.line, m.column) for m in mentions if not m.site.named})


def _own_literal(doc: f.Text, at: int, starts: list[int]) -> str:
    """The rest of the literal a path starting at `at` is written in: up to its closing quote or
    the line's end, and never into the next path (`starts`): on a line of unquoted URLs (a log,
    a HAR or JSON export on one line) each URL's query is its own, and reading it costs the
    URL's length, not the rest of the line's."""
    after = bisect.bisect_right(starts, at)
    end = starts[after] if after < len(starts) else len(doc.text)
    string = f.STRING_AT.match(doc.text, at, end)
    return string.group(0) if string else ""


def _own_query(doc: f.Text, m: Mention, starts: list[int]) -> list[f.Key]:
    """The query names written in a path's own literal (`/voice/list?lang=en`)."""
    if m.site.named:
        return []
    at = doc.offset(m.line, m.column)
    text = _own_literal(doc, at, starts)
    if "?" not in text:
        return []
    return [
        f.Key(
            q.group("name"), at + q.start("name"), at + q.start("value"), at + q.end("value"), True
        )
        for q in f.QUERY_FIELD.finditer(text)
    ]


# A JSON string at a key's value (`"key": "videoModelId"`), and a `"disabled": true`.
JSON_VALUE = rx.compile(r"\s*\"(?P<s>[^\"\\]*(?:\\.[^\"\\]*)*)\"")
JSON_TRUE = rx.compile(r"\s*true\b")


def postman_query(doc: f.Text, m: Mention) -> list[f.Key] | None:
    """The entries of the `"query": [{"key": ..., "value": ...}]` array of the Postman url whose
    `raw` holds a path, each as a query name with its value (a disabled one is not sent); None
    when the url has no such array. Postman and Newman send these, not the raw URL's text."""
    index = doc.innermost(doc.offset(m.line, m.column))
    held = doc.key_map(index) if index >= 0 else {}
    if "raw" not in held or "query" not in held:
        return None
    start = held["query"].value_start
    spaces = f.BLANK.match(doc.text, start)  # (no copy of the text's rest per url: a collection's)
    array = doc.container_at(spaces.end() if spaces else start)
    if array is None or doc.text[doc.containers[array].start] != "[":
        return None
    found: list[f.Key] = []
    for item in doc.containers[array].children:
        entry = {k.name: k for k in doc.containers[item].keys}
        name = JSON_VALUE.match(doc.text, entry["key"].value_start) if "key" in entry else None
        off = "disabled" in entry and JSON_TRUE.match(doc.text, entry["disabled"].value_start)
        if name is None or off:
            continue
        value = JSON_VALUE.match(doc.text, entry["value"].value_start) if "value" in entry else None
        span = (value.start("s"), value.end("s")) if value else (name.end(), name.end())
        found.append(f.Key(name.group("s"), name.start("s"), *span, raw=True))
    return found


def _postman_pairs(ctx: FileContext, m: Mention, raw: list[f.Key]) -> list[f.Key]:
    """The url.query entries of a Postman request beside its url.raw's own query names: an
    entry of a name the raw has is its twin (judged and fixed with it, not apart); the others
    are what Postman sends besides. When the two say different names, each finding says so."""
    entries = postman_query(ctx.doc(), m)
    if entries is None:
        return []
    written = [k.name for k in raw]
    sent = [k.name for k in entries]
    note = ""
    if sorted(written) != sorted(sent):
        said = "&".join(written) or "no query"
        note = (
            f"; this request's url.query ({'&'.join(sent) or 'empty'}) is not its url.raw ({said})"
        )
    twins = {k.name: k for k in entries}
    raw_names, array_names = set(written), set(sent)  # (a rename repeats no name of its side)
    for key in raw:
        ctx.postman[key.offset] = (twins.get(key.name), note, raw_names)
    alone = [k for k in entries if k.name not in written]
    for key in alone:
        ctx.postman[key.offset] = (None, note, array_names)
    return alone


def _in_path(doc: f.Text, m: Mention, keys: list[f.Key], starts: list[int]) -> bool:
    """Whether a query key is written in the path's own literal (`/voice/list?type=2&page=1`):
    certainly this request's, whatever the docs list."""
    at = doc.offset(m.line, m.column)
    end = at + len(_own_literal(doc, at, starts))
    return any(k.raw and at < k.offset < end for k in keys)


def _is_request(keys: list[f.Key], endpoint: DocEndpoint) -> bool:
    """Whether keys are plausibly this request's: one of them is documented or a known near miss
    (a container of headers or of something else has none), or there is only one."""
    return len(keys) == 1 or any(
        _known(k.name, endpoint) or _near(k.name, endpoint) or k.name in _nested_names(endpoint)
        for k in keys
    )


def _twin_version_body(ctx: FileContext, endpoint: DocEndpoint, keys: list[f.Key]) -> bool:
    """Whether a body's keys are all those of another documented endpoint of the same method
    and last word (v3 audio/clone's `{input_text, voice_url, rate}` sent to v4 voice/clone:
    AKOOL's fields, the wrong version), that endpoint called nowhere in the file (a loop over
    both versions' paths sends the body to the one it is right for too); the caller asks too
    that they are all the body the call sends (no `**more` beside them)."""
    if endpoint.method == "GET":
        return False
    other = other_body(endpoint, frozenset(k.name for k in keys))
    last = endpoint.path.rsplit("/", 1)[-1]
    if other is None or other.path.rsplit("/", 1)[-1] != last:
        return False
    return all(m.endpoint is not other for m in ctx.mentions)


def _nested_names(endpoint: DocEndpoint) -> frozenset[str]:
    """The names of the fields the docs nest in the endpoint's fields (talking avatar's
    `elements[].avatar_id`): a body that flattens them is still this request's."""

    def below(fields: tuple[DocField, ...]) -> Iterator[str]:
        for spec in fields:
            for child in spec.fields:
                yield child.name
            yield from below(spec.fields)

    return frozenset(below((*endpoint.body, *endpoint.query)))


def _nested_home(name: str, endpoint: DocEndpoint) -> str | None:
    """Where the docs put a field they document only inside another one, the shallowest first
    (`elements[].avatar_id` for talking avatar's `avatar_id`)."""
    level: list[tuple[str, DocField]] = [("", spec) for spec in (*endpoint.body, *endpoint.query)]
    while level:
        below: list[tuple[str, DocField]] = []
        for prefix, spec in level:
            here = prefix + spec.name + ("[]" if spec.type == "array" else "")
            for child in spec.fields:
                if child.name == name:
                    return f"{here}.{name}"
                below.append((here + ".", child))
        level = below
    return None


def _names(endpoint: DocEndpoint) -> frozenset[str]:
    return endpoint.request_names


def _known(name: str, endpoint: DocEndpoint) -> bool:
    return name in _names(endpoint)


def _squash(name: str) -> str:
    return name.replace("_", "").replace("-", "").lower()


def _near(name: str, endpoint: DocEndpoint) -> str | None:
    """The documented field a misspelt name stands for: the same letters but for case, `_` and
    `-` (webhook_url: webhookUrl), or a known synonym the endpoint documents (size: scale)."""
    return _near_in(name, _names(endpoint))


@lru_cache(maxsize=4096)
def _near_in(name: str, names: frozenset[str]) -> str | None:
    """_near of a name among an endpoint's documented names (once per name and endpoint: each
    key of each request is asked by four rules: bench's file 21,000 times, of six pairs)."""
    same = [n for n in _squashed(names).get(_squash(name), ()) if n != name]
    if len(same) == 1:
        return same[0]
    return next((n for n in SYNONYMS.get(name, ()) if n in names), None)


@lru_cache(maxsize=256)
def _squashed(names: frozenset[str]) -> dict[str, list[str]]:
    """The names by their letters but for case, `_` and `-` (once per endpoint's names)."""
    found: dict[str, list[str]] = {}
    for n in names:
        found.setdefault(_squash(n), []).append(n)
    return found


# -- nested fields: the items of elements[], sourceImage[]'s {path, opts}, voice_params' keys ------------

# The name a list is bound to (`elements = [`, `const elements: El[] = [`), to follow what is added.
LIST_NAME = rx.compile(r"(?:\$|self\.|this\.)?(?P<n>[A-Za-z_]\w*)\s*(?::[^=\n]+)?=\s*$")
MAX_APPENDED = 4000  # characters after a list in which what is appended to it is read
# (C#'s anonymous object or array, `voice_options = new { speed = 1.0 }`, `new[] { new { ... } }`)
# (Go's map literal, `"voice_options": map[string]any{"stability": 0.5}`, or a slice of them or
# of a built-in type, `"docs": []string{"https://..."}`; not of a named type, whose fields are
# not JSON names)
OPENER = rx.compile(
    r"\s*(?:(?:mapOf|hashMapOf|mutableMapOf|Map\.of|dict)(?=\()|new\s*(?:\[\s*\]\s*)?(?=\{)"
    r"|(?:\[\]\s*)?map\[[^\]\n]*\](?:interface\{\}|[\w.*]+)(?=\{)"
    r"|\[\](?:string|u?int\d*|float\d+|bool|any|interface\{\})(?=\{))?"
)
VALUE_NAME = rx.compile(r"\s*(?:\$|self\.|this\.)?(?P<n>[A-Za-z_]\w*)\s*(?:[,}\])\n]|$)")


def _value_container(doc: f.Text, key: f.Key) -> int | None:
    """The object or array a key's value is (a name is followed to the one assigned to it)."""
    text = doc.text
    pos = OPENER.match(text, key.value_start)
    at = pos.end() if pos else key.value_start
    if text[at : at + 1] in ("{", "[", "("):
        return _not_a_part(doc, doc.container_at(at))
    name = VALUE_NAME.match(text, key.value_start, key.value_start + 80)
    if name is None and not text[key.value_start : max(key.value_start, key.value_end)].strip():
        return f._assigned_container(doc, key.name, key.offset)  # a shorthand: { elements }
    if name is None or name.group("n") in ("null", "None", "nil", "undefined", "true", "false"):
        return None
    return _not_a_part(doc, _list_origin(doc, name.group("n"), key.offset))


# What follows a container that makes the value a part of it, not the container itself: a
# subscript or a member (`{"i2v": 1501, "t2v": 1502}[kind]`, `{...}.get(kind)`, `[a, b][0]`).
PART_OF = rx.compile(r"[ \t]*(?:\[|\.\s*[A-Za-z_]|\?\.)")


def _not_a_part(doc: f.Text, index: int | None) -> int | None:
    """The container, unless the value is a part of it (see PART_OF)."""
    if index is None:
        return None
    return None if PART_OF.match(doc.text, doc.containers[index].end) else index


# Go's `items = append(items, ...)`: the list is the literal the name was bound to before.
APPEND_TO = r"\s*append\(\s*&?{name}\s*,"


def _list_origin(doc: f.Text, name: str, before: int) -> int | None:
    """The container bound to a name, past the assignments that append to it (Go)."""
    spot = doc.last_assignment(name, before)
    appending = re.compile(APPEND_TO.format(name=re.escape(name)))
    for _ in range(50):
        if spot is None or not appending.match(doc.text, spot[1]):
            break
        before, spot = spot[0], doc.last_assignment(name, spot[0])
    return f._assigned_container(doc, name, before)


# A Go slice literal's type before its `{`: []map[string]interface{}, []M, []*Element.
GO_SLICE = rx.compile(r"\[\](?:[\w.*]|\[[^\]]*\]|\{\})+$")


# A Go composite literal of a named type, `T{` (`g.Slice{}`, `jsonArray{}`, `gin.H{}`), not a map's.
GO_NAMED_LITERAL = rx.compile(r"(?<![\w.\]])[A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)?$")


def _go_named_empty(doc: f.Text, index: int) -> bool:
    """Whether a container is an empty Go literal of a named type (`g.Slice{}`, then appended
    to): a list or a map by its type's declaration, which the file may not hold."""
    c = doc.containers[index]
    return doc.language == "go" and not c.keys and bool(GO_NAMED_LITERAL.search(c.label))


CS_ARRAY = rx.compile(r"\bnew\s*(?:[\w.<>]*\s*)?\[\s*\]\s*$")  # C#'s `new[] {`, `new T[] {`


def _is_list(doc: f.Text, index: int) -> bool:
    """A [...] without keys is a list, and so is Go's []T{...} or C#'s new[] {...}; {...}, mapOf(...) and PHP's
    ['k' => v] are objects."""
    c = doc.containers[index]
    if c.keys:
        return False
    opener = doc.text[c.start]
    return opener == "[" or (
        opener == "{"
        and (
            (doc.language == "go" and bool(GO_SLICE.search(c.label)))
            or (doc.language == "csharp" and bool(CS_ARRAY.search(c.label)))
        )
    )


def _items(doc: f.Text, index: int) -> list[int]:
    """The objects a value holds: itself, or each object item of a list, and the objects added to
    the list by name after it was made (`elements.append({...})`, `elements.push({...})`)."""
    if not _is_list(doc, index):
        return [index]
    found = [k for k in doc.containers[index].children if not _is_list(doc, k)]
    start, end = doc.containers[index].start, doc.containers[index].end
    before = doc.text[max(0, start - 80) : start]
    bound = LIST_NAME.search(before) or GO_LIST_NAME.search(before)
    if bound is None:
        return found
    name = re.escape(bound.group("n"))
    added = re.compile(
        rf"(?<![\w.$]){name}\.(?:append|push|add)\(\s*(?=[{{\[(])"
        rf"|(?<![\w.$])append\(\s*{name}\s*,\s*{GO_ITEM_TYPE}(?=\{{)"
    )
    for m in added.finditer(doc.text, end, end + MAX_APPENDED):
        k = doc.container_at(m.end())
        if k is not None and not _is_list(doc, k):
            found.append(k)
    return found


# `elements := []map[string]any{`: the name a Go slice literal is bound to; and the type of an
# item appended to it (`append(elements, map[string]interface{}{...})`, `M{...}`, `&El{...}`).
GO_LIST_NAME = rx.compile(r"(?P<n>[A-Za-z_]\w*)\s*:?=\s*(?:make\(\s*)?\[\][^=\n]*$")
GO_ITEM_TYPE = r"&?(?:map\[[^\]]*\](?:interface\{\}|[\w.*]+)|[A-Za-z_][\w.]*)?"


@dataclass(frozen=True)
class NestedKey:
    key: f.Key
    parent: DocField  # the field it is inside
    path: str  # where: "elements[]", "voice_params"


def nested_keys(doc: f.Text, spec: DocField, key: f.Key, path: str) -> Iterator[NestedKey]:
    """The keys sent inside a documented object or array field, at every documented depth."""
    typed = f.go_item_keys(doc, key) if doc.structs and spec.fields else None
    if typed is not None:  # Go: the file's item struct (`Mappings []mapping`), at its tags
        yield from _typed_nested(doc, spec, typed, path)
        return
    index = _value_container(doc, key) if spec.fields else None
    if index is None and doc.language == "csharp" and spec.fields:
        index = _constructed_container(doc, key)  # new Dictionary<string, object> { ... }
    if index is None and spec.fields:  # (org.json's `.put("k", JSONObject().put(...))`)
        yield from _put_nested(doc, spec, jsonobjects.value_keys(doc, key), path)
    if index is None:
        return
    label = f"{path}[]" if spec.type == "array" else path
    for item in _items(doc, index):
        owner = doc.containers[item]
        for inner in owner.keys:
            f.value_end(doc, inner, owner)
            yield NestedKey(inner, spec, label)
            inner_spec = spec.field(inner.name)
            if inner_spec is not None:
                yield from nested_keys(doc, inner_spec, inner, f"{label}.{inner.name}")


# C#'s collection made by a constructor with an initializer, as a value: `new Dictionary<string,
# object> { ["volume"] = 150 }`, `new Dictionary<string, object>() { ... }`, `new JObject { ... }`.
CONSTRUCTED = rx.compile(
    r"\s*new\s+(?:System\.Collections\.Generic\.)?(?:Dictionary|SortedDictionary|JObject|Hashtable)"
    r"\s*(?:<[^<>;{}]*(?:<[^<>;{}]*>[^<>;{}]*)*>)?\s*(?:\(\s*\))?\s*(?=\{)"
)


def _constructed_container(doc: f.Text, key: f.Key) -> int | None:
    """The initializer of a C# collection a key's value constructs (see CONSTRUCTED)."""
    m = CONSTRUCTED.match(doc.text, key.value_start)
    return doc.container_at(m.end()) if m is not None else None


def _put_nested(doc: f.Text, spec: DocField, keys: list[f.Key], path: str) -> Iterator[NestedKey]:
    """The keys of an org.json / Gson object given as a field's value (see jsonobjects.py)."""
    label = f"{path}[]" if spec.type == "array" else path
    yield from (NestedKey(inner, spec, label) for inner in keys)


def _typed_nested(doc: f.Text, spec: DocField, keys: list[f.Key], path: str) -> Iterator[NestedKey]:
    label = f"{path}[]" if spec.type == "array" else path
    for inner in keys:
        yield NestedKey(inner, spec, label)
        inner_spec = spec.field(inner.name)
        if inner_spec is not None:
            yield from nested_keys(doc, inner_spec, inner, f"{label}.{inner.name}")


def _all_nested(ctx: FileContext, endpoint: DocEndpoint, keys: list[f.Key]) -> Iterator[NestedKey]:
    for key in keys:
        spec = endpoint.field(key.name)
        if spec is not None and spec.fields:
            yield from nested_keys(ctx.doc(), spec, key, key.name)


def _nested_field_hits(
    ctx: FileContext, endpoint: DocEndpoint, keys: list[f.Key], misnamed: bool
) -> Iterator[Hit]:
    """A key inside a nested field that the docs do not list there (`layer_number` in
    talking avatar's elements[])."""
    doc = ctx.doc()
    for nested in _all_nested(ctx, endpoint, keys):
        names = nested.parent.names()
        key = nested.key
        if key.name in names:
            continue
        same = [n for n in names if _squash(n) == _squash(key.name)]
        right = same[0] if len(same) == 1 else None
        if (right is not None) != misnamed:
            continue
        line, column = doc.line_of(key.offset), doc.column(key.offset)
        message = f"{key.name} is not a field of {nested.path} in {describe(endpoint)}"
        documented = right or ", ".join(sorted(names))
        yield Hit(line, column, key.name, documented, message, endpoint.url)


SHORTHAND_AFTER = rx.compile(r"\s*(?:,|}|$)")
# Ruby 3.1's shorthand, `{ prompt:, size: }` or `JSON.generate(prompt:, size:)`: the key's colon
# with no value after it, before `,`, `}` or `)`.
RUBY_SHORTHAND_AFTER = rx.compile(r":(?!:)\s*(?:,|}|\)|$)")


def _key_rename(ctx: FileContext, key: f.Key, right: str) -> tuple[int, str]:
    """How a misnamed key is renamed: how many characters from its name's start are replaced,
    and with what. A shorthand key also names the variable that holds its value, so the value is
    kept: `{ prompt, size }` -> `{ prompt, scale: size }` (JS, TS), `{ prompt:, size: }` ->
    `{ prompt:, scale: size }` (Ruby 3.1), `new { prompt, size }` -> `new { prompt, scale = size }`
    (C#); any other key just changes its name."""
    text, start = ctx.doc().text, key.offset
    end = start + len(key.name)
    if text[start:end] != key.name:
        return len(key.name), right  # (quoted, or not where it was found)
    i = start - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    if i < 0 or text[i] not in "{,(":
        return len(key.name), right
    if text[i] != "(" and SHORTHAND_AFTER.match(text, end):
        said = " = " if ctx.doc().language == "csharp" else ": "  # (C#'s `new { prompt, size }`)
        return len(key.name), f"{right}{said}{key.name}"
    if ctx.doc().language == "ruby" and RUBY_SHORTHAND_AFTER.match(text, end):
        return len(key.name) + 1, f"{right}: {key.name}"
    return len(key.name), right


def _versionless(m: Mention) -> bool:
    """Whether a call's version is not in view (a base whose version the code picks, an
    environment's, a variable host's: `f"{BASE}/{version}/voice/list"`), so its path may be
    any version's."""
    base = m.site.base
    shown = (m.site.path or "").lstrip("/")
    unknown = base is None or base.prefix in (ENV_PREFIX, VARIABLE_PREFIX)
    return unknown and not OPEN_API_VERSIONED.match(shown)


OPEN_API_VERSIONED = rx.compile(r"api/open/v\d+/")  # (a path written with its version)


@lru_cache(maxsize=256)
def _versions(method: str, path: str) -> tuple[DocEndpoint, ...]:
    """The endpoints AKOOL documents with the same method and path under other versions."""
    tail = re.sub(r"^/api/open/v\d+", "", path)
    return tuple(
        e
        for e in catalogue.load().endpoints
        if e.method == method and e.path != path and re.sub(r"^/api/open/v\d+", "", e.path) == tail
    )


def check_fields(ctx: FileContext, misnamed: bool) -> Iterator[Hit]:
    members: set[int] = set()  # the members of the file's own types reported
    for m, endpoint, keys in _requests(ctx):
        hits = _field_checks(ctx, m, endpoint, keys, misnamed, members)
        if _guessed_get(m, endpoint):  # (its query once moved to the endpoint: a note)
            hits = (_on_a_guess(m, endpoint, hit) for hit in hits)
        stays = path_stays(ctx, m)  # (its path not fixed: nor what it sends)
        yield from (replace(h, fix=None) for h in hits) if stays else hits


def _guessed_get(m: Mention, endpoint: DocEndpoint) -> bool:
    """Whether a call is to a guessed path that stands for a documented GET (a status path such
    as `/content/video/getvideostatus?task_id=`, taken for infobymodelid): its query names the
    guessed API's id and its reads the guessed answer's fields, both of that one wrong guess."""
    return m.verdict == "guess" and endpoint.method == "GET"


def _on_a_guess(m: Mention, endpoint: DocEndpoint, hit: Hit) -> Hit:
    """A finding on the query or a read of a call to a guessed status path (see _guessed_get),
    judged against the documented endpoint the path is taken for: one wrong path is one error
    (its own), so this is a note (info, no fix) for when the call is moved there."""
    where = f"{endpoint.method} {endpoint.path}"
    note = f" (a note for when the call to {m.text}, not in AKOOL's docs, is moved to {where})"
    return replace(hit, severity="info", fix=None, message=hit.message + note)


def _field_checks(
    ctx: FileContext,
    m: Mention,
    endpoint: DocEndpoint,
    keys: list[f.Key],
    misnamed: bool,
    members: set[int],
) -> Iterator[Hit]:
    """The field findings of one request (see check_fields)."""
    yield from _nested_field_hits(ctx, endpoint, keys, misnamed)
    taken = {k.name for k in keys}  # a rename to a name the request has would repeat a key
    others = _versions(endpoint.method, endpoint.path) if _versionless(m) else ()
    stood = _twins(endpoint, taken, partial(_complete, ctx, m, keys), others)
    claimed = _claimed(ctx, endpoint, keys)
    for key in keys:
        if (
            _known(key.name, endpoint)
            and key.name not in endpoint.deprecated_fields
            and key.name not in stood  # (an example's key for a field its schema requires)
        ):
            continue
        if any(_known(key.name, e) for e in others):
            continue  # (documented under another version the call may be sent to)
        twin = stood.get(key.name)
        extra = claimed.get(key.offset)
        for hit in _field_hits(ctx, endpoint, key, taken, misnamed, twin, extra):
            codable = f.codable_owner(ctx.doc(), key.offset) if ctx.doc().codable else None
            if codable is not None:  # TalkRequest(size: "1:1"): the struct's property too
                note = (
                    f"; {codable} is a Codable struct: rename its property too (left to a person)"
                )
                yield replace(hit, fix=None, message=hit.message + note)
                continue
            typed = _typed(ctx, key)
            if typed is None:
                yield hit
                continue
            yield replace(hit, fix=None, message=hit.message + _typed_note(typed))
            member = _member_hit(ctx, typed, key, hit, members)
            if member is not None:
                yield member


def _typed(ctx: FileContext, key: f.Key) -> tstypes.Typed | None:
    """The named type a TypeScript literal (or a Python dict annotated with a TypedDict) holding
    `key` is given (see tstypes)."""
    if not (ctx.name.endswith(".py") or tstypes.typescript(ctx.name)):
        return None
    return tstypes.literal_type(ctx.doc(), key.offset)


def _typed_note(typed: tstypes.Typed) -> str:
    return f"; the literal is typed {typed.name}: change it there too (left to a person)"


def _member_hit(
    ctx: FileContext, typed: tstypes.Typed, key: f.Key, hit: Hit, reported: set[int]
) -> Hit | None:
    """The member of the file's own type that names the same wrong field as a literal typed by
    it (`interface TalkRequest { webhook_url?: string }`): reported once, fixed by a person."""
    at = tstypes.members(ctx.doc(), typed.name).get(key.name) if typed.declared else None
    if at is None or at in reported:
        return None
    reported.add(at)
    doc = ctx.doc()
    message = f"{typed.name}.{key.name}, sent as this request's body: {hit.message}"
    return replace(hit, line=doc.line_of(at), column=doc.column(at), message=message, fix=None)


def _claimed(ctx: FileContext, endpoint: DocEndpoint, keys: list[f.Key]) -> dict[int, str]:
    """The keys (by offset) that are near misses of a documented field the body sends already,
    or that an earlier key is a near miss of (`_id` beside `id`; `photo_url` after `image_url`,
    both near `talking_photo_url`): extra fields, the same before and after a patch renames the
    first. A Postman request names its query twice (url.raw and the query array): none there."""
    sent = {k.name for k in keys}
    found: dict[int, str] = {}
    for key in keys:
        if _known(key.name, endpoint) or key.offset in ctx.postman:
            continue
        right = _near(key.name, endpoint)
        if right is None:
            continue
        if right in sent:
            found[key.offset] = right
        sent.add(right)
    return found


def _twins(
    endpoint: DocEndpoint,
    names: set[str],
    complete: Callable[[], bool],
    others: tuple[DocEndpoint, ...] = (),
) -> dict[str, twins.Twin]:
    """The unknown keys of a request that stand for a documented field it lacks (twins.py);
    `complete` says whether the keys are certainly all the body the call sends."""
    unknown = names - endpoint.request_names
    if not unknown:  # (every key documented: most bodies; or a key only the examples send)
        return twins.example_twins(endpoint, names, complete) if endpoint.example_fields else {}
    near = {n: _near(n, endpoint) for n in unknown}

    def known(name: str) -> bool:
        return (
            name not in unknown
            or near[name] is not None
            or _nested_home(name, endpoint) is not None
            or any(_known(name, e) for e in others)
        )

    if all(known(n) for n in unknown):
        return {}
    covered = {n for n in near.values() if n is not None}
    if other_body(endpoint, frozenset(unknown)) is not None:
        complete = lambda: False  # noqa: E731  (another endpoint's body: no key is a twin by role)
    return twins.twins(endpoint, names, known, complete, covered)


@lru_cache(maxsize=256)
def other_body(endpoint: DocEndpoint, unknown: frozenset[str]) -> DocEndpoint | None:
    """The one other documented endpoint of the same method whose request fields are all of a
    body's unknown keys (two or more): the body is that endpoint's, sent to this one (v3
    audio/clone's `{input_text, voice_url, rate}` to v4 voice/clone)."""
    if len(unknown) < 2:
        return None
    found = [
        e
        for e in catalogue.load().endpoints
        if e.method == endpoint.method and e is not endpoint and unknown <= e.request_names
    ]
    same = [e for e in found if e.path.rsplit("/", 1)[-1] == endpoint.path.rsplit("/", 1)[-1]]
    return found[0] if len(found) == 1 else same[0] if len(same) == 1 else None


def _other_body(endpoint: DocEndpoint, taken: set[str]) -> DocEndpoint | None:
    """other_body of a request's unknown keys, not worked out (a set of them per key, quadratic
    in a body of thousands: break21f #3) when there are more than any endpoint's fields."""
    if len(taken) - len(endpoint.request_names) > _most_request_names():
        return None
    return other_body(endpoint, frozenset(taken - endpoint.request_names))


@lru_cache(maxsize=1)
def _most_request_names() -> int:
    return max((len(e.request_names) for e in catalogue.load().endpoints), default=0)


def _whole(doc: f.Text, request: f.Request) -> bool:
    return f.sole_literal(doc, request) is not None


def _complete(ctx: FileContext, m: Mention, keys: list[f.Key]) -> bool:
    """Whether these keys are all the body the call is given (fields.sole_literal: one literal,
    nothing added to it), an HTTP library's or the script's own function's (`akoolPost(path,
    { ... })`, which adds headers, not a field of the same role as one the body lacks)."""
    offsets = {k.offset for k in keys}
    doc = ctx.doc()
    requests = f.requests_of(doc, m.line, m.column)
    if not requests and keys:  # (a URL held in a name: the call that sends these keys)
        first = min(offsets)
        requests = f.requests_of(doc, doc.line_of(first), doc.column(first))
    return any(
        (
            {k.offset for k in request.body} == offsets
            and f.sole_literal(doc, request, direct=False) is not None
        )
        or _whole_query_keys(doc, m, request, offsets)
        for request in requests
    )


def _whole_query_keys(doc: f.Text, m: Mention, request: f.Request, offsets: set[int]) -> bool:
    """Whether a GET's keys are its whole query, certainly all in view (fields.whole_query): an
    id-like key there alone stands for the required id the query lacks (`?_id=` for
    `image_model_id`)."""
    query = {k.offset for k in request.query}
    return (
        bool(offsets)
        and query == offsets
        and f.whole_query(doc, request, doc.offset(m.line, m.column))
    )


def _field_hits(
    ctx: FileContext,
    endpoint: DocEndpoint,
    key: f.Key,
    taken: set[str],
    misnamed: bool,
    twin: twins.Twin | None = None,
    beside: str | None = None,
) -> Iterator[Hit]:
    """A key a request sends that the docs do not list (misnamed: one that stands for a
    documented field, by a known near miss or as the twin of one the body lacks; else one that
    stands for none). A twin that may not keep the value is renamed by a person. A near miss
    sent beside the field it is near (`_id` beside `id`) stands for none: an extra field."""
    line, column = ctx.doc().line_of(key.offset), ctx.doc().column(key.offset)
    right = _near(key.name, endpoint)
    right = None if beside is not None else right
    certain = True
    if right is None and twin is not None:
        right, certain = twin.documented, twin.certain
    if right is not None and misnamed:
        message = f"{key.name} is not a field of {describe(endpoint)}"
        if twin is not None and twin.by_role:  # (twins are found only for keys with no near miss)
            part = "query" if endpoint.method == "GET" else "body"
            message += f", and the {part} lacks the required {right}, a value of the same kind"
            if twin.example:
                message = (
                    f"{key.name} is sent only by the examples on {endpoint.url}; the schema of "
                    f"{describe(endpoint)} requires {right}, which the body lacks"
                )
        # (where AKOOL's own examples send the key, the docs disagree with themselves: a
        # warning, not an error, for code that copies the page)
        severity: Severity | None = "warning" if twin is not None and twin.example else None
        fix = None
        postman = ctx.postman.get(key.offset)
        # (a Postman url.raw's query and its url.query array each name it once)
        names = taken if postman is None else postman[2]
        fits = certain and _value_fits(ctx, key, endpoint.field(right))
        if not key.shared and right not in names and fits:
            # (break21: { prompt, scale } threw ReferenceError; break21c H7: Ruby's NameError)
            width, new = _key_rename(ctx, key, right)
            old = ctx.doc().text[key.offset : key.offset + width]
            fix = _with_twin(ctx, Fix(line, column, column + width, old, new))
            names.add(right)
        message += postman[1] if postman is not None else ""
        yield Hit(line, column, key.name, right, message, endpoint.url, fix, severity)
    elif right is None and not misnamed:
        yield _unknown_hit(ctx, endpoint, key, taken, beside)


def _unknown_hit(
    ctx: FileContext, endpoint: DocEndpoint, key: f.Key, taken: set[str], beside: str | None
) -> Hit:
    """A key that stands for no documented field (deprecated, documented only nested, another
    endpoint's, or sent beside the field it is near)."""
    line, column = ctx.doc().line_of(key.offset), ctx.doc().column(key.offset)
    where = f"{endpoint.method} {endpoint.path}"
    documented = ", ".join(sorted(endpoint.field_names())) or "no fields"
    inside = _nested_home(key.name, endpoint)
    if key.name in endpoint.deprecated_fields:
        message = f"{key.name} of {where} is deprecated and no longer supported ({endpoint.url})"
    elif inside is not None:  # talking avatar's avatar_id: a field of elements[] items
        home = inside.rsplit(".", 1)[0]
        message = (
            f"{key.name} is not a top-level field of {describe(endpoint)}: "
            f"the docs document it only inside {home}" + (" items" if home.endswith("]") else "")
        )
        documented = inside
    else:
        message = f"{key.name} is not a field of {describe(endpoint)}"
        if beside is not None:
            message += f" (sent beside {beside}, the documented one: an extra field)"
        other = _other_body(endpoint, taken)
        if other is not None and key.name in other.request_names:
            message += f" (a field of {other.method} {other.path}: this is that one's body)"
    message += ctx.postman[key.offset][1] if key.offset in ctx.postman else ""
    return Hit(line, column, key.name, documented, message, endpoint.url)


def _value_fits(ctx: FileContext, key: f.Key, spec: DocField | None) -> bool:
    """Whether the literal values of a misnamed key are the renamed field's (`size: 2` renamed
    `scale` would send a number where the docs list "1:1", ...: no patch then)."""
    if spec is None or not spec.enum:
        return True
    return all(lit.quoted and lit.value in spec.enum for lit in f.literals(ctx.doc(), key))


def _with_twin(ctx: FileContext, fix: Fix) -> Fix:
    """A rename of a Postman url.raw's query name, made in its url.query entry too (the one
    Postman sends): the two are one request's query, patched together."""
    twin = ctx.postman.get(ctx.doc().offset(fix.line, fix.start), (None,))[0]
    if not isinstance(twin, f.Key):
        return fix
    doc = ctx.doc()
    line, column = doc.line_of(twin.offset), doc.column(twin.offset)
    return replace(fix, also=(Fix(line, column, column + len(twin.name), twin.name, fix.new),))


def check_missing_fields(ctx: FileContext) -> Iterator[Hit]:
    """A body that certainly is all a call sends (one complete literal: no spread, nothing added
    or merged later, bound once in its scope; fields.sole_literal) without a field the docs say
    is required. One finding per body, at the literal, naming every missing field; a field a
    misnamed key stands for is that key's finding, not this one. So for each complete item of
    such a body's nested fields (`sourceImage[]` without `path`), and for a GET's query."""
    judged: set[int] = set()  # (a body shared by several calls is reported once)
    # (a request judged against an endpoint gives nothing the second time: every finding it
    # gives is one `judged` holds then; a shell line of N curls is one request of N bodies)
    seen: set[tuple[int, int]] = set()
    for m in ctx.mentions:
        endpoint = m.endpoint
        if m.verdict != "documented" or endpoint is None or m.site.unseen:
            continue  # (a helper imported from elsewhere may add fields before it sends)
        if (comment := ctx.comments.get(m.line)) is not None and m.column >= comment.column:
            continue  # (an example in a comment or a docstring, abridged: it sends nothing)
        if endpoint.method == "GET":
            yield from _missing_query(ctx, m, endpoint)
            continue
        for request in f.requests_of(ctx.doc(), m.line, m.column):
            if (id(request), id(endpoint)) not in seen:
                seen.add((id(request), id(endpoint)))
                yield from _missing_body(ctx, endpoint, request, judged)


def _missing_body(
    ctx: FileContext, endpoint: DocEndpoint, request: f.Request, judged: set[int]
) -> Iterator[Hit]:
    doc = ctx.doc()
    required = [
        f.name for f in endpoint.body if f.required and f.name not in endpoint.required_unshown
    ]
    sent = {k.name for k in (*request.body, *request.query)}  # (a ?id= in the URL too)
    stood_for = {_near(name, endpoint) for name in sent}
    missing = [n for n in required if n not in sent and n not in stood_for]
    if missing and request.body:  # (a certain twin of a lacking field is that key's finding)
        named = _twins(endpoint, {k.name for k in request.body}, lambda: False).values()
        missing = [n for n in missing if n not in {t.documented for t in named if t.certain}]
    missing += _required_by_value(doc, endpoint, request, sent)
    if not request.body and not request.query and missing:
        at = _empty_body(doc, request)  # json={}, body: JSON.stringify({}), -d '{}'
        if at is not None and at not in judged:
            judged.add(at)
            yield _missing_hit(doc, at, missing, "this empty body", endpoint)
        return
    if not request.body:
        return
    if not _is_request(list(request.body), endpoint) and not _whole(doc, request):
        return
    nested = any(spec.fields for spec in endpoint.body)
    index = f.sole_literal(doc, request) if missing or nested else None
    if index is None and missing and (at := jvmbodies.built_at(doc, request)) is not None:
        if at not in judged:  # (a JVM body built by puts on an empty map or JSON object)
            judged.add(at)
            yield _missing_hit(doc, at, missing, "this body", endpoint)
        return
    if index is None and missing and (at := dtomissing.declared_at(doc, request.body)) is not None:
        if at not in judged:  # (a request type sent whole: `PostAsJsonAsync(url, dto)`)
            judged.add(at)
            yield _missing_hit(doc, at, missing, "this request type", endpoint)
        return
    if index is None or index in judged:
        return
    judged.add(index)
    if missing:
        yield _missing_hit(doc, doc.containers[index].start, missing, "this body", endpoint)
    for key in request.body:
        spec = endpoint.field(key.name)
        if spec is not None and spec.fields:
            yield from _missing_nested(doc, spec, key, key.name, endpoint)


# An empty object literal given as a call's body (not a fallback: `json=body or {}` says nothing).
EMPTY_BODY = rx.compile(
    r"(?:\b(?:json|data|body)\s*[=:]\s*|JSON\.stringify\(\s*|json\.dumps\(\s*|json_encode\(\s*"
    r"|(?:\s-d|--data(?:-raw|-binary)?)\s+)(?P<q>['\"]?)\{\s*\}(?P=q)"
)
UPLOAD = rx.compile(r"\bfiles\s*=|FormData|multipart|\s-F\s|--form\b")


def _empty_body(doc: f.Text, request: f.Request) -> int | None:
    """Where a call that sends no field gives `{}` as its body, if it does (an upload's form
    fields are sent apart: none of those)."""
    span = doc._sent_at.get(id(request))
    if span is None or UPLOAD.search(doc.text, *span):
        return None
    m = EMPTY_BODY.search(doc.text, *span)
    return None if m is None else m.start() + m.group(0).rindex("{")


def _missing_nested(
    doc: f.Text, spec: DocField, key: f.Key, path: str, endpoint: DocEndpoint
) -> Iterator[Hit]:
    """The complete items of a nested field written in the body (`{"opts": x}` in sourceImage[])
    without a field the docs require there; an item with a key they do not list has that finding."""
    index = _value_container(doc, key)
    if index is None or index < doc.innermost(key.offset):
        return  # not written inside the body (a name bound elsewhere)
    label = f"{path}[]" if spec.type == "array" else path
    for item in _items(doc, index):
        owner = doc.containers[item]
        names = {k.name for k in owner.keys}
        if not f.only_keys(doc, owner) or not names <= spec.names():
            continue
        missing = [c.name for c in spec.fields if c.required and c.name not in names]
        if missing:
            yield _missing_hit(doc, owner.start, missing, f"this {label} item", endpoint)
        for inner in owner.keys:
            child = spec.field(inner.name)
            if child is not None and child.fields:
                yield from _missing_nested(doc, child, inner, f"{label}.{inner.name}", endpoint)


# A literal value as the docs write it: `2`, `"2"`, `'agora'` (not a name or an expression).
WRITTEN_VALUE = rx.compile(r"^\\?[\"'`]?(?P<v>[\w.-]+)\\?[\"'`]?$")


def _required_by_value(
    doc: f.Text, endpoint: DocEndpoint, request: f.Request, sent: set[str]
) -> list[str]:
    """The optional fields the docs require when another field has one value (image to video's
    audio_url "required when audio_type = 2"), not sent where the body gives that value."""
    written = {k.name: doc.text[k.value_start : k.value_end].strip() for k in request.body}
    found = []
    for spec in endpoint.body:
        if spec.required_when is None or spec.name in sent:
            continue
        other, value = spec.required_when
        plain = WRITTEN_VALUE.match(written.get(other, ""))
        if plain is not None and plain["v"] == value:
            found.append(spec.name)
    return found


def _missing_hit(doc: f.Text, at: int, missing: list[str], what: str, endpoint: DocEndpoint) -> Hit:
    names = ", ".join(missing)
    cases = [
        f"{n} when {w[0]} is {w[1]}"
        for n in missing
        if (spec := endpoint.field(n)) is not None and (w := spec.required_when) is not None
    ]
    message = (
        f"{what} has no {names}, which {describe(endpoint)} requires "
        f"{'(' + ', '.join(cases) + ') ' if cases else ''}"
        f"({'it is' if len(missing) == 1 else 'they are'} not sent)"
    )
    return Hit(
        doc.line_of(at), doc.column(at), names, f"the required {names}", message, endpoint.url
    )


def _missing_query(ctx: FileContext, m: Mention, endpoint: DocEndpoint) -> Iterator[Hit]:
    """A GET whose query is certainly all in view (fields.whole_query) without a query field
    the docs require (`infobymodelid` without `video_model_id`), reported at the path."""
    required = [q.name for q in endpoint.query if q.required]
    if not required or "{" in endpoint.path:
        return
    doc = ctx.doc()
    at = doc.offset(m.line, m.column)
    said = methods.sent_method(doc, at)
    if said is not None and said.method != "GET":
        return  # a POST to a GET endpoint: `wrong-method` says what to send
    for request in f.requests_of(doc, m.line, m.column):
        sent = {k.name for k in (*request.query, *request.body)}
        if any(not _known(name, endpoint) for name in sent):
            return  # a key the docs do not list may stand for it: its own finding says so
        missing = [n for n in required if n not in sent]
        if missing and f.whole_query(doc, request, at):
            names = ", ".join(missing)
            message = (
                f"this request's query has no {names}, which {describe(endpoint)} requires "
                f"({'it is' if len(missing) == 1 else 'they are'} not sent)"
            )
            yield Hit(m.line, m.column, names, f"the required {names}", message, endpoint.url)
            return


def check_helper_queries(ctx: FileContext) -> Iterator[Hit]:
    """A GET of a documented endpoint through a client or a helper (which may add a query of
    its own, so a warning) whose path literal says all it sends (fields.helper_query) without a
    query field the docs require: `akoolGet("/v4/voice/list?page=1")` has no `type`."""
    starts: list[int] | None = None
    for m in ctx.mentions:
        endpoint = m.endpoint
        if m.verdict != "documented" or endpoint is None or endpoint.method != "GET":
            continue
        required = [q.name for q in endpoint.query if q.required]
        if not required or "{" in endpoint.path:
            continue
        doc = ctx.doc()
        at = doc.offset(m.line, m.column)
        given = helper_query(doc, m)
        if given is not None:  # a wrapper that sends what it is given as the query
            yield from _missing_in_given(doc, m, endpoint, required, given)
            continue
        if not m.site.echo and _candidate(doc, at):  # urls = [`${BASE}/v4/voice/list?page=1`]
            starts = _path_starts(doc, ctx.mentions) if starts is None else starts
            url = _own_literal(doc, at, starts)
            yield from _missing_in_literal(m, url, endpoint, required)
            continue
        if not m.site.echo and not f.path_first(doc, at):
            yield from _missing_by_name(doc, m, endpoint, required)
            continue  # (a path held in a name: the calls given the name alone)
        if m.site.echo or not f.path_first(doc, at):
            continue  # (a path joined to a base: not a helper's own literal)
        said = methods.sent_method(doc, at)
        if said is not None and said.method != "GET":
            continue  # a POST to a GET endpoint: `wrong-method` says what to send
        for request in f.requests_of(doc, m.line, m.column):
            if not m.site.unseen and f.whole_query(doc, request, at):
                break  # an HTTP library's own call: `missing-field` judges it
            sent = f.helper_query(doc, request, at)
            if sent is None or any(not _known(name, endpoint) for name in sent):
                break
            missing = [n for n in required if n not in sent]
            if missing:
                names = ", ".join(missing)
                message = (
                    f"this request's query has no {names}, which {describe(endpoint)} requires "
                    "(unless the client or helper it goes through adds it)"
                )
                yield Hit(m.line, m.column, names, f"the required {names}", message, endpoint.url)
            break


def _missing_in_given(
    doc: f.Text,
    m: Mention,
    endpoint: DocEndpoint,
    required: list[str],
    given: tuple[list[f.Key], bool],
) -> Iterator[Hit]:
    """A GET through a wrapper whose query is what its caller gives it (see helper_query),
    with the path's own query and the names the wrapper adds, lacking a required name."""
    keys, whole = given
    at = doc.offset(m.line, m.column)
    string = f.STRING_AT.match(doc.text, at)
    url = string.group(0) if string else ""
    if not whole or f.OPEN_QUERY.search(url):
        return
    carrier = m.site.base.query if m.site.base is not None else None
    if carrier is not None and "*" in carrier[2]:
        return  # (the helper adds names of its own to what it is given)
    sent = {q.group("name") for q in f.QUERY_FIELD.finditer(url)} | {k.name for k in keys}
    sent |= set(carrier[2] if carrier else ())
    yield from _lacking(m, endpoint, required, sent, "the helper sends the query it is given")


def _lacking(
    m: Mention, endpoint: DocEndpoint, required: list[str], sent: set[str], why: str
) -> Iterator[Hit]:
    """A query whose names are certainly all `sent`, all documented, without a required one."""
    missing = [n for n in required if n not in sent]
    if missing and all(_known(name, endpoint) for name in sent):
        names = ", ".join(missing)
        message = (
            f"this request's query has no {names}, which {describe(endpoint)} requires ({why})"
        )
        yield Hit(m.line, m.column, names, f"the required {names}", message, endpoint.url)


# A string that is an element of a list or tuple literal: `[url, ...]`, `, url`, `(url, ...)`.
ELEMENT_START = rx.compile(r"[\[(,]\s*(?:[\w.$]+\s*\+\s*)?[fFrRbB$@]?[\"'`][^\"'`\n]*\Z")
# What ELEMENT_START says before its quote, read backwards from the quote (the text's last one:
# no quote follows it): matched there once, not searched for from each bracket and comma.
ELEMENT_HEAD_BACKWARDS = rx.compile(r"[fFrRbB$@]?(?:\s*\+\s*[\w.$]+)?\s*[\[(,]")
CANDIDATES_OPENER = rx.compile(r"(?:\[|(?:\bin|=|return)\s*\()\s*\Z")


def _element_literal(before: str) -> bool:
    """Whether the text before a path ends in the opening of a literal that is an element of a
    list or a tuple (ELEMENT_START matches it), read backwards from its last quote."""
    quote = max(before.rfind('"'), before.rfind("'"), before.rfind("`"))
    if quote <= 0 or "\n" in before[quote:]:
        return False  # (ELEMENT_START's quote is the last, and no line ends after it)
    return ELEMENT_HEAD_BACKWARDS.match(before[quote - 1 :: -1]) is not None


def _candidate(doc: f.Text, at: int) -> bool:
    """Whether the literal a path is written in is one of a list of URLs (candidates a script
    tries in turn: `urls = [...]`, `for url in (...)`), not a call's argument."""
    before = doc.text[max(0, at - 400) : at]
    if not _element_literal(before):
        return False
    depth = 0
    for k in range(len(before) - 1, -1, -1):
        c = before[k]
        if c in ")]}":
            depth += 1
        elif c in "([{" and depth:
            depth -= 1
        elif c in "([{":
            return bool(CANDIDATES_OPENER.search(before[max(0, k - 12) : k + 1]))
    return False


# A call whose name says it requests (`akoolGet(`, `api.get(`, `fetchJson(`, `request(`), not one
# that prints, logs or builds (`print(`, `console.log(`, `encodeURI(`).
REQUESTING = rx.compile(r"(?i)(?:get|fetch|request|call|api|akool|http|query|load)\w*\s*\($")


# A name given alone, or with options that only say how to send it: `get(VOICES)`,
# `requests.get(VOICES, headers=H, timeout=30)`, `fetch(VOICES, { headers })`.
GIVEN_ALONE = rx.compile(
    r"\s*[\w$.]+(?:\[\s*[\"'][\w-]+[\"']\s*\])?"
    r"(?:\s*,\s*(?:headers|timeout|auth|verify|cookies|allow_redirects|stream)\s*=\s*[\w.\"']+"
    r"|\s*,\s*\{\s*headers(?:\s*:\s*[\w.]+)?\s*,?\s*\})*\s*"
)


# A query given beside a path in the call that builds its URL (Ruby's `URI::HTTPS.build(host:,
# path: "...", query: "k=v")`): the URL held in a name has one, though its path has no "?".
QUERY_BESIDE = rx.compile(r"\bquery[\"']?\s*(?::|=>?)(?![=>])")


def _query_beside(doc: f.Text, at: int) -> bool:
    """Whether the call the path at `at` is given to also gives a query (see QUERY_BESIDE)."""
    call = f.enclosing_call(doc, at)
    if call is not None and QUERY_BESIDE.search(doc.text, call[0], call[1]) is not None:
        return True
    # (a builder's chain after the call: `UriBuilder.of(URL).queryParam("k", v)`)
    if (
        call is not None
        and doc.holds(*urlbuilders.QUERY_WORDS)
        and urlbuilders.builder_query(doc.text, *call)
    ):
        return True
    around = doc.paren_around(at) if doc.holds(netqueries.WORD) else None
    return around is not None and netqueries.adds_query(
        doc.text, around[0]
    )  # (C#'s AddQueryString)


def _holds_result(doc: f.Text, statement: int, at: int) -> bool:
    """callresults.holds_result, loaded only for a GET path held in a name (few files' calls)."""
    from akool_cli.audit import callresults

    return callresults.holds_result(doc, statement, at)


def _missing_by_name(
    doc: f.Text, m: Mention, endpoint: DocEndpoint, required: list[str]
) -> Iterator[Hit]:
    """A GET path held in a name (`VOICES = "/v4/voice/list"`, `ENDPOINTS = { voices: ... }`)
    whose literal has no query, given alone to a requesting call (`akoolGet(VOICES)`,
    `get(ENDPOINTS.voices)`): nothing else is sent as its query. Reported at that call."""
    at = doc.offset(m.line, m.column)
    if m.site.named:  # (the name given to the call: `akoolGet(VOICES)`, its literal above)
        spot = doc.last_assignment(m.site.text, at) if m.site.text.isidentifier() else None
        string = f.STRING_AT.match(doc.text, spot[1] + 1) if spot is not None else None
        held = (at, [at]) if string and "?" not in string.group(0) else None
    else:
        string = f.STRING_AT.match(doc.text, at, at + f.LONG_URL + 1)
        held = f.url_uses(doc, at) if string and "?" not in string.group(0) else None
        held = None if _query_beside(doc, at) else held
        if held is not None and _holds_result(doc, held[0], at):
            return  # `r = http.request("GET", URL, ...)`: `r` holds the answer, not the URL
    for use in held[1] if held is not None else ():
        call = f.enclosing_call(doc, use)
        opener = doc.text[max(0, call[0] - 60) : call[0] + 1] if call is not None else ""
        if call is None or not REQUESTING.search(opener):
            continue
        held_by = receivers.receiver_name(opener[:-1])
        if held_by is not None and receivers.is_container(doc, held_by):
            continue  # `ids.get(INFO_URL)`, `cache.get(URL)`: a map's, not a request
        if not GIVEN_ALONE.fullmatch(doc.text, call[0] + 1, call[1] - 1):
            continue  # (something else given beside it may be the query)
        given = re.match(r"[A-Za-z_$][\w$]*", doc.text[use : use + 100])
        if held is not None and given and query_set(doc.text, given[0], held[0], use):
            continue  # `uri.query = URI.encode_www_form(video_model_id: id)`: it is sent
        names = ", ".join(required)
        message = (
            f"this request's query has no {names}, which {describe(endpoint)} requires "
            "(unless the client or helper it goes through adds it)"
        )
        line, column = doc.line_of(use), doc.column(use)
        yield Hit(line, column, names, f"the required {names}", message, endpoint.url)


def _missing_in_literal(
    m: Mention, url: str, endpoint: DocEndpoint, required: list[str]
) -> Iterator[Hit]:
    """A candidate URL (`url`: its own literal) with a query of its own (`?page=1`) that lacks a
    required name."""
    if "?" not in url or f.OPEN_QUERY.search("?" + url.split("?", 1)[1]):
        return  # (no query of its own, or one another name completes: `?${qs}`)
    sent = {q.group("name") for q in f.QUERY_FIELD.finditer(url)}
    yield from _lacking(
        m, endpoint, required, sent, "the URL's own query, one of the URLs tried in turn"
    )


def check_misnamed_fields(ctx: FileContext) -> Iterator[Hit]:
    return check_fields(ctx, misnamed=True)


def check_unknown_fields(ctx: FileContext) -> Iterator[Hit]:
    return check_fields(ctx, misnamed=False)


def _value_hit(
    ctx: FileContext,
    lit: f.Literal,
    spec: DocField,
    endpoint: DocEndpoint,
    key: f.Key | None = None,
    text: bool = False,
) -> Hit | None:
    """A value that is none of the documented ones (`text`: a query's, where 1 and "1" are the
    same `?x=1`, so only the text written counts)."""
    choices = spec.enum or ()
    if lit.value in choices and (lit.quoted or spec.type != "string" or text):
        return None
    if not lit.quoted and spec.type != "string" and lit.value in choices:
        return None
    doc = ctx.doc()
    line, column = doc.line_of(lit.offset), doc.column(lit.offset)
    documented = " or ".join(f'"{v}"' if spec.type == "string" else v for v in choices)
    message = f"{spec.name} {lit.text} is not one of the documented values of {describe(endpoint)}"
    if len(choices) == 1:  # ("Set the output video width, must be 3840")
        message = f"{spec.name} {lit.text} is not {documented}, which {describe(endpoint)} requires"
    return Hit(
        line,
        column,
        lit.text,
        documented,
        message,
        endpoint.url,
        _value_fix(ctx, line, column, lit, spec, key),
    )


# A map whose declared values are numbers, before a literal in it: a patch may not quote one.
NUMBER_MAP = rx.compile(
    r"(?:(?:Map|Record|Dictionary|mapOf)<\s*[Ss]tring\s*,\s*(?:Integer|Int|int|Long|long|Double|double"
    r"|Float|float|Number|number|decimal)\s*>|\[\s*\w+\s*:\s*string\s*\]\s*:\s*number)"
    r"(?=[^;]*$)"
)


def _union_typed(ctx: FileContext, name: str) -> bool:
    """Whether a TypeScript file declares a union of string literals for the field (`resolution:
    "720p" | "1080p"` in an interface, a `satisfies` type): its values are typed by it."""
    if not tstypes.typescript(ctx.name):
        return False
    return any(declared == name for declared, _ in f.unions(ctx.doc()))


# A written value with its quotes (escaped ones too): `"720p"`, `\\"720p\\"`, `720p`.
QUOTED_VALUE = rx.compile(r"(\"\"|`\"|\\*[\"'`]?)(.*?)(\"\"|`\"|\\*[\"'`]?)", re.S)  # (`""720p""`)


def _value_fix(
    ctx: FileContext, line: int, column: int, lit: f.Literal, spec: DocField, key: f.Key | None
) -> Fix | None:
    """ "720p" -> "720" and 1080 -> "1080" when exactly one documented value is meant, quoted
    and escaped as the literal's surroundings are (`\\"1080\\"` inside an escaped JSON string)."""
    choices = spec.enum or ()
    old = lit.source  # (a query's or a command item's text has no quotes: none are added)
    if tstypes.typed_value(ctx.doc(), lit.offset, ctx.name) or _union_typed(ctx, spec.name):
        return None  # (`resolution: Res = "720p"`: the type must change with it, left to a person)
    if not lit.quoted and spec.type == "string" and lit.value in choices:
        if NUMBER_MAP.search(ctx.doc().text[max(0, lit.offset - 300) : lit.offset]):
            return None  # Map<String, Integer>: a string there would not compile
        quote = _string_quote(ctx, lit, key)
        new = f"{quote}{lit.value}{quote}"
        return Fix(line, column, column + len(old), old, new) if quote else None
    meant = [c for c in choices if c.lower() == lit.value.lower() or c == lit.value.rstrip("pP")]
    if len(meant) == 1 and lit.quoted:
        quoted = QUOTED_VALUE.fullmatch(old)
        if quoted is None:
            return None
        new = quoted.group(1) + meant[0] + quoted.group(3)
        return Fix(line, column, column + len(old), old, new)
    return None


def _iso639_1(value: str) -> tuple[bool, str | None]:
    """languages.iso639_1, loaded only for a field the docs give a format (few files send one)."""
    from akool_cli.audit import languages

    return languages.iso639_1(value)


def _named_codes(value: str) -> tuple[bool, str | None]:
    """languages.named_codes (language codes, regional ones too), loaded as _iso639_1 is."""
    from akool_cli.audit import languages

    return languages.named_codes(value)


def _format_hits(
    ctx: FileContext, key: f.Key, spec: DocField, endpoint: DocEndpoint
) -> Iterator[Hit]:
    """A text written in another form than the format the docs give the field: a language's
    name or regional tag where they ask for its ISO 639-1 code (`"spanish"` for `"es"`)."""
    doc = ctx.doc()
    if spec.format == "percent":
        yield from _percent_hits(ctx, key, spec, endpoint)
        return
    iso = spec.format == "iso639-1"  # (else "language-code": codes, a region's too: `zh-CN`)
    for lit in f.literals(doc, key):
        wrong, code = (_iso639_1 if iso else _named_codes)(lit.value) if lit.quoted else (0, None)
        if not wrong:
            continue
        line, column = doc.line_of(lit.offset), doc.column(lit.offset)
        shown = f'"{code}"' if code else "a two-letter code"
        documented = f"an ISO 639-1 code ({shown})" if iso else f"language codes ({shown})"
        takes = f"an ISO 639-1 code (two lowercase letters, {shown})" if iso else documented
        message = (
            f"{spec.name} {lit.text} is not a language code: {describe(endpoint)} takes {takes}"
        )
        quoted = QUOTED_VALUE.fullmatch(lit.source) if code else None
        fix = None
        if quoted is not None and not (key.shared or lit.shared):
            new = quoted.group(1) + (code or "") + quoted.group(3)
            fix = Fix(line, column, column + len(lit.source), lit.source, new)
        yield Hit(line, column, lit.text, documented, message, endpoint.url, fix)


# A percentage from 0% to 100% as AKOOL's docs write one ("field value ranges（0%-100%）": `"50%"`).
PERCENT = rx.compile(r"\s*(?P<n>\d{1,3}(?:\.\d+)?)\s*%\s*")


def _percent_hits(
    ctx: FileContext, key: f.Key, spec: DocField, endpoint: DocEndpoint
) -> Iterator[Hit]:
    """A text the docs give as a percentage from 0% to 100% (v3 audio `rate`) written otherwise
    (`"1.2"`, `"fast"`, `"150%"`), or a number sent for it (`1.1`: JSON sends no text, and no
    percent sign; which percentage was meant is the script's to say: no patch); an interpolation
    is no value."""
    doc = ctx.doc()
    for lit in f.literals(doc, key):
        m = PERCENT.fullmatch(lit.value) if lit.quoted else None
        if m is not None and float(m.group("n")) <= 100:
            continue
        line, column = doc.line_of(lit.offset), doc.column(lit.offset)
        message = (
            f"{spec.name} {lit.text} is not a percentage from 0% to 100%, which "
            f'{describe(endpoint)} takes (for example "50%")'
        )
        if not lit.quoted:
            message = (
                f"{spec.name} {lit.text} is a number; {describe(endpoint)} takes a string, a "
                'percentage from 0% to 100% (for example "50%")'
            )
        yield Hit(line, column, lit.text, "a percentage (0%-100%)", message, endpoint.url, None)


# The quote written before a body key's name: `\"` (JSON in a double-quoted string), `""` (a C#
# verbatim or VB string), a plain quote, or none (a code object's bare key).
KEY_QUOTE = rx.compile(r"(?:\\+\"|\"\"|`\"|[\"'])$")  # (PowerShell's `")


def _string_quote(ctx: FileContext, lit: f.Literal, key: f.Key | None) -> str | None:
    """The quote that makes a bare number a string where it stands: the one its key is written
    with (`\\"` inside an escaped JSON string, so the patch stays valid code), `"` for a code
    object's bare key; None when unsure (a value reached through a name in an escaped or shell
    string: quoting the assignment would not change what is sent)."""
    if key is None:
        return '"'
    doc = ctx.doc()
    own = doc.source or doc.text  # (the file's `""`, not the `\"` it is read as)
    written = KEY_QUOTE.search(own[max(0, key.offset - 8) : key.offset])
    quote = written.group(0) if written else '"'
    within = key.value_start <= lit.offset < max(key.value_end, key.value_start + 1)
    if not within and (quote not in ('"', "'") or ctx.language == "shell"):
        return None
    return '"' if quote == "'" and not within else quote


NON_STRINGS = frozenset({"integer", "number", "boolean"})

# A value written as a boolean, and one written as a whole number (not a string: _type_hit's).
BOOLEAN = rx.compile(r"\s*(true|false|True|False|TRUE|FALSE|\$true|\$false)\s*")
WHOLE = rx.compile(r"\s*(-?\d+)\s*")


def _kind_hit(ctx: FileContext, key: f.Key, spec: DocField, endpoint: DocEndpoint) -> Hit | None:
    """A boolean where the docs give an integer (v3 face_enhance `true`, documented 0 or 1), or
    a whole number where they give a boolean (v4 face_enhance `1`): JSON sends the other type. The
    patch is the documented value meant: 1 for true where 0 and 1 are listed, true for 1."""
    doc = ctx.doc()
    value = doc.text[key.value_start : max(key.value_start, key.value_end)]
    boolean, whole = BOOLEAN.fullmatch(value), WHOLE.fullmatch(value)
    if boolean and spec.type in ("integer", "number"):
        m, written = boolean, boolean.group(1)
        truth = written.lstrip("$").lower() == "true"
        new = ("1" if truth else "0") if {"0", "1"} <= set(spec.enum or ()) else None
    elif whole and spec.type == "boolean":
        m, written = whole, whole.group(1)
        new = {"1": "true", "0": "false"}.get(written)
        if new is not None and ctx.is_python:
            new = new.title()
        elif new is not None and ctx.doc().language == "powershell":
            new = "$" + new
    elif spec.type in ("integer", "number") and ctx.language != "shell" and value[-1:] in ')`"s':
        return _stringified_hit(ctx, key, spec, endpoint, value)  # (`String(n)`, `${n}`, `n.to_s`)
    elif spec.type in ("integer", "number") and value[-1:].isalnum():  # (a name: a flag's?)
        return _flag_hit(ctx, key, spec, endpoint, value)
    else:
        return None
    offset = key.value_start + m.start(1)
    line, column = doc.line_of(offset), doc.column(offset)
    sent = _article("boolean" if boolean else "integer")
    message = (
        f"{spec.name} {written} is {sent}; {describe(endpoint)} documents {_article(spec.type)}"
    )
    if spec.enum:
        message += " (" + " or ".join(spec.enum) + ")"
    fix = Fix(line, column, column + len(written), written, new) if new else None
    if key.shared:
        fix = None
    return Hit(line, column, written, _article(spec.type), message, endpoint.url, fix)


def _stringified_hit(
    ctx: FileContext, key: f.Key, spec: DocField, endpoint: DocEndpoint, value: str
) -> Hit | None:
    """A name turned into a string as it is sent where the docs give a number (`face_reage:
    String(years)`, `"face_reage": str(years)`; see stringified.py): reported at the value,
    without a patch (the conversion is the script's code, and its number may need a check)."""
    if stringified.converted_name(value) is None:
        return None
    doc = ctx.doc()
    offset = key.value_start + len(value) - len(value.lstrip())
    line, column = doc.line_of(offset), doc.column(offset)
    written = value.strip()
    message = (
        f"{spec.name} {written} is sent as a string; {describe(endpoint)} documents "
        f"{_article(spec.type)}"
    )
    return Hit(line, column, written, _article(spec.type), message, endpoint.url, None)


def _flag_hit(
    ctx: FileContext, key: f.Key, spec: DocField, endpoint: DocEndpoint, value: str
) -> Hit | None:
    """A command-line flag's boolean sent where the docs give an integer (`"face_enhance":
    args.enhance` of `add_argument("--enhance", action="store_true")`, click's `is_flag=True`):
    reported at the value sent, without a patch (the flag is the script's interface)."""
    held = f.HELD_NAME.fullmatch(value) if spec.type in ("integer", "number") else None
    doc = ctx.doc()
    if held is None or (not held.group("o") and doc.last_assignment(held.group("n"), key.offset)):
        return None  # (a name bound again before it is sent: `enhance = 1 if enhance else 0`)
    if boolean_flag(doc, held.group("n")) is None:
        return None
    offset = (
        key.value_start + held.start("n") - (len(held.group("o")) + 1 if held.group("o") else 0)
    )
    line, column = doc.line_of(offset), doc.column(offset)
    written = value.strip()
    message = (
        f"{spec.name} {written} is a command-line flag's boolean; {describe(endpoint)} documents "
        f"{_article(spec.type)}"
    )
    if spec.enum:
        message += " (" + " or ".join(spec.enum) + ")"
    return Hit(line, column, written, _article(spec.type), message, endpoint.url, None)


def _type_hit(
    ctx: FileContext, lit: f.Literal, spec: DocField, endpoint: DocEndpoint
) -> Hit | None:
    """A quoted value for a field the docs type as a number or a boolean ("5" for video_length,
    "true" for face_enhance): JSON sends a string where the API reads another type."""
    if spec.type not in NON_STRINGS or not lit.quoted:
        return None
    doc = ctx.doc()
    if lit.text[:1] not in "\"'":  # (a number converted: `String.valueOf(10)`, `10.ToString()`)
        return _converted_hit(ctx, lit, spec, endpoint)
    if converted(doc.text, lit.offset, len(lit.text)):
        return None  # int(os.environ.get("N", "5") or "5"): made a number before it is sent
    line, column = doc.line_of(lit.offset), doc.column(lit.offset)
    message = (
        f"{spec.name} {lit.text} is a string; {describe(endpoint)} documents {_article(spec.type)}"
    )
    unquoted = lit.value.lower() if spec.type == "boolean" else lit.value
    fine = (
        unquoted in ("true", "false")
        if spec.type == "boolean"
        else re.fullmatch(r"-?\d+" if spec.type == "integer" else r"-?\d+(?:\.\d+)?", unquoted)
    )
    if spec.type == "boolean" and ctx.is_python:
        unquoted = unquoted.title()  # True, False
    if fine and spec.type != "boolean" and not _in_range(float(unquoted), spec):
        fine = None  # (the number is wrong too: no patch makes it a number outside the range)
        message += f", and {unquoted} is outside the range documented ({_range_text(spec)})"
    old = lit.source  # `\\"1\\"` in escaped JSON: its escaped quotes go with it
    fix = Fix(line, column, column + len(old), old, unquoted) if fine else None
    return Hit(line, column, lit.text, _article(spec.type), message, endpoint.url, fix)


def _converted_hit(
    ctx: FileContext, lit: f.Literal, spec: DocField, endpoint: DocEndpoint
) -> Hit | None:
    """A number a script converts to a string before it sends it where the docs give a number
    (see tostrings.py): reported without a patch (the conversion is the script's code)."""
    doc = ctx.doc()
    if spec.type == "boolean" or not tostrings.made_string(doc.text, lit.offset, len(lit.text)):
        return None
    line, column = doc.line_of(lit.offset), doc.column(lit.offset)
    message = (
        f"{spec.name} {lit.text} is sent as a string; {describe(endpoint)} documents "
        f"{_article(spec.type)}"
    )
    return Hit(line, column, lit.text, _article(spec.type), message, endpoint.url, None)


def _range_hit(
    ctx: FileContext,
    lit: f.Literal,
    spec: DocField,
    endpoint: DocEndpoint,
    raw: bool,
    where: str,
    text: bool = False,
) -> Hit | None:
    """A literal number outside the range the docs state for the field (face_reage 80, where
    the reage page says -30 to 30). Only a number as written: never a name, a string sent for
    a number (its own finding; in a query, `text`, the number the string denotes), nor a number
    that is an operand (`30 * 2`)."""
    number = _float(lit.value) if spec.type in ("integer", "number") else None
    if number is None or (lit.quoted and not (raw or text)):
        return None
    finite = math.isfinite(number)
    if finite and ((spec.minimum is None and spec.maximum is None) or _in_range(number, spec)):
        return None
    doc = ctx.doc()
    after = doc.text[lit.offset + len(lit.text) :]
    if not raw and not lit.quoted and re.match(r"\s*(?:[-+*/%^&|]|\*\*|<<|>>)", after):
        return None  # (in a query string, `&` starts the next name)
    line, column = doc.line_of(lit.offset), doc.column(lit.offset)
    ranged = spec.minimum is not None or spec.maximum is not None
    documented = _range_text(spec) if ranged else _article(spec.type)
    message = f"{where} {lit.text} is outside the range documented for {describe(endpoint)}"
    if not finite:  # (json.dumps writes NaN/Infinity, which is no JSON; JSON.stringify null)
        message = (
            f"{where} {lit.text} is not a finite number, which no JSON body can carry, for "
            f"{describe(endpoint)}"
        )
    return Hit(line, column, lit.text, documented, message, endpoint.url)


def _float(value: str) -> float | None:
    """A literal's value as a number (`1e999` inf, `nan`), or None when it is none."""
    if not re.fullmatch(r"[-+]?(?:[\d.]+(?:[eE][+-]?\d+)?|nan|inf)", value, re.I):
        return None
    try:
        return float(value)
    except ValueError:
        return None


def _in_range(number: float, spec: DocField) -> bool:
    low, high = spec.minimum, spec.maximum
    return (low is None or number >= low) and (high is None or number <= high)


def _range_text(spec: DocField) -> str:
    """ "an integer from -30 to 30", "a number of at most 3600"."""

    def shown(bound: float) -> str:
        return str(int(bound)) if float(bound).is_integer() else str(bound)

    kind = _article(spec.type if spec.type in NON_STRINGS else "number")
    if spec.minimum is not None and spec.maximum is not None:
        return f"{kind} from {shown(spec.minimum)} to {shown(spec.maximum)}"
    if spec.minimum is not None:
        return f"{kind} of at least {shown(spec.minimum)}"
    return f"{kind} of at most {shown(spec.maximum or 0)}"


def _article(word: str) -> str:
    return ("an " if word[:1] in "aeiou" else "a ") + word


# A value that is one plain string literal (`'https://x/0.jpg'`, `"pan left"`): a string.
PLAIN_STRING = rx.compile(r"\s*[rRuUbB]?([\"'])[^\"'\\\n{}$]*\1\s*,?\s*")
# A call's (or a VB index's) opening parenthesis before a number: `args(0)`, `int(5)`, `f(2)`
# give what the call returns, of a kind not known.
CALL_ARGUMENT = rx.compile(r"[\w$\])]\s*\(\s*\Z")
# A number that an operator after it makes part of another value (PHP's `42 . ' people'`, a
# string's concatenation; JavaScript's `12 + ""`; `60 * 5`): not the value sent (breakit35).
OPERAND_OF = rx.compile(r"[ \t]*(?:\.(?![\d.])|\+|-(?!>)|\*|/(?![/*])|%)")


def _shape_hit(ctx: FileContext, key: f.Key, spec: DocField, endpoint: DocEndpoint) -> Hit | None:
    """A value of another kind than the documented type takes (valuekinds.TAKES): an object, a
    string (a literal, or one certainly made of a list: `ids.join(",")`) for an array, a string or
    a list for an object, a number for a string without documented values (those are _value_hit's);
    and a list whose items are of another kind than the docs give its items (knowledge `docs`:
    objects {name, url, size}, sent `["https://..."]`). Never a name's or a call's unknown kind,
    nor a kind the docs' own examples send the field as."""
    declared = valuekinds.declared_kind(ctx.doc(), key)
    if declared is not None:
        return _declared_hit(ctx, declared, spec, endpoint)
    if key.raw or spec.type not in valuekinds.TAKES or (spec.type == "string" and spec.enum):
        return None
    if spec.type != "array" and _query_field(endpoint, spec):
        return None  # (a query's values are text: `?page=1`)
    if key.value_end - key.value_start > LONGEST_VALUE:
        return None  # (an unterminated string runs to the file's end: read once per key, cubic)
    doc = ctx.doc()
    index = _value_container(doc, key) if spec.type == "array" else _written_container(doc, key)
    if index is not None and spec.type == "string" and spec.separator is not None:
        index = None  # (a list for "a,b": _joined_hit's, with its patch)
    sent, at, written = None, -1, spec.name
    if index is not None:
        listed = _is_list(doc, index) or _go_named_empty(doc, index)
        sent, at = ("list" if listed else "object"), doc.containers[index].start
        if (
            listed
            and spec.type == "object"
            and not doc.text[at + 1 : doc.containers[index].end - 1].strip()
        ):
            return None  # (PHP's `[]`, written for an empty object: nothing is set)
        if listed and spec.type == "array" and spec.items:
            whole = _written_container(doc, key) == index  # (not `["a"].map(f)`, nor a name's)
            return _items_hit(ctx, index, spec, endpoint) if whole else None
    elif spec.type == "string" and spec.format is None and not _query_field(endpoint, spec):
        if PLAIN_STRING.fullmatch(doc.text, key.value_start, max(key.value_start, key.value_end)):
            return None  # (most values: a string written, read without following anything)
        lits = [
            lit
            for lit in f.literals(doc, key)
            if not lit.quoted
            and not CALL_ARGUMENT.search(doc.text, max(0, lit.offset - 40), lit.offset)
            and not OPERAND_OF.match(doc.text, lit.offset + len(lit.text))
        ]
        sent, at, written = ("number", lits[0].offset, lits[0].text) if lits else (None, -1, "")
    elif spec.type in ("array", "object"):
        lits = [lit for lit in f.literals(doc, key) if lit.quoted]
        value = doc.text[key.value_start : max(key.value_start, key.value_end)]
        if lits:
            sent, at = "string", lits[0].offset
        elif spec.type == "array" and valuekinds.joined(value):
            sent, at = "joined", key.value_start + _indent_of(doc.text, key.value_start)
    kind = "string" if sent == "joined" else sent
    if kind is None or kind in valuekinds.TAKES[spec.type] or kind in spec.sent_as:
        return None
    line, column = doc.line_of(at), doc.column(at)
    shown = "a string (a list joined)" if sent == "joined" else valuekinds.SENT[kind]
    takes = "an array (a list)" if spec.type == "array" else _article(spec.type)
    named = f"{spec.name} {written}" if kind == "number" else spec.name
    message = f"{named} is {shown}; {describe(endpoint)} documents {takes}"
    return Hit(line, column, written, _article(spec.type), message, endpoint.url)


LONGEST_VALUE = 2000  # characters of a value _shape_hit reads (breakit35: a broken file's values)


def _written_container(doc: f.Text, key: f.Key) -> int | None:
    """The object or list written as a key's whole value (`"voice_options": "fast"` is none), not
    one a name is followed to (`page, out = 1, []` binds no list to `page`), nor one a call is
    made on (`["a"].map(f)`)."""
    pos = OPENER.match(doc.text, key.value_start)
    at = pos.end() if pos else key.value_start
    opener = doc.text[at : at + 1]
    if opener not in ("{", "[", "(") or (opener == "(" and not (pos and pos.group(0).strip())):
        return None  # (a parenthesized expression, `("1080" if hd else "720")`, is no literal)
    index = doc.container_at(at)
    if index is None or doc.text[doc.containers[index].end : key.value_end].strip(" \t\n,"):
        return None  # (`["1", "true"].includes(x)`: the call's result is sent)
    return index


def _declared_hit(
    ctx: FileContext, declared: tuple[str, int, str], spec: DocField, endpoint: DocEndpoint
) -> Hit | None:
    """A Go struct field declared with a type that marshals to another kind than the docs give
    (`Resolution int` where talking photo documents the string "720" or "1080"): every request of
    the type sends it so, whatever value is set; reported at the type, without a patch (the code
    that sets it changes with it)."""
    kind, at, spelled = declared
    if spec.type not in valuekinds.TAKES or kind in valuekinds.TAKES[spec.type]:
        return None
    if kind in spec.sent_as or (spec.type == "string" and spec.format is not None):
        return None
    doc = ctx.doc()
    line, column = doc.line_of(at), doc.column(at)
    takes = "an array (a list)" if spec.type == "array" else _article(spec.type)
    message = (
        f"{spec.name} is declared {spelled} ({valuekinds.SENT[kind]}); {describe(endpoint)} "
        f"documents {takes}"
    )
    return Hit(line, column, spelled, _article(spec.type), message, endpoint.url)


def _query_field(endpoint: DocEndpoint, spec: DocField) -> bool:
    """Whether a field is sent in the query (a GET's, or one the docs list as a query field):
    its values are text there (`?page=1`), never judged for a JSON type."""
    return endpoint.method == "GET" or any(spec is q for q in endpoint.query)


def _items_hit(ctx: FileContext, index: int, spec: DocField, endpoint: DocEndpoint) -> Hit | None:
    """The first item of a list literal of another kind than the docs give the field's items
    (`docs: ["https://x/faq.pdf"]`, where knowledge docs are objects {name, url, size})."""
    doc = ctx.doc()
    wrong = [(k, at) for k, at in valuekinds.item_kinds(doc, index) if k != spec.items]
    if not wrong or spec.items not in valuekinds.PLURAL:
        return None
    kind, at = wrong[0]
    line, column = doc.line_of(at), doc.column(at)
    items = valuekinds.PLURAL[spec.items or ""]
    if spec.items == "object" and spec.fields:
        items += " {" + ", ".join(field.name for field in spec.fields) + "}"
    documented = f"an array of {items}"
    message = (
        f"the items of {spec.name} are {valuekinds.PLURAL[kind]}; {describe(endpoint)} documents "
        f"{documented}"
    )
    return Hit(line, column, spec.name, documented, message, endpoint.url)


def _list_value(doc: f.Text, key: f.Key) -> tuple[f.Container, bool] | None:
    """The list a key's value is (not a Go literal of a named type, which may be a map), and
    whether it is written right there as the value (not held by a name first)."""
    index = _value_container(doc, key)
    if index is None or not _is_list(doc, index) or _go_named_empty(doc, index):
        return None
    c = doc.containers[index]
    typed = LIST_TYPE_PREFIX.fullmatch(doc.text, key.value_start, c.start)  # (Go's `[]string{`)
    return c, c.start >= key.value_start and typed is not None


SEPARATOR_NAMES = {",": "commas"}
# A list's items that are all plain quoted strings (`"es", "fr"`, `'a', 'b'`), for the joined patch.
QUOTED_ITEMS = rx.compile(r"\s*(?:(?P<q>[\"'])[^\"'\\,\n]*(?P=q)\s*(?:,\s*|$))+")
QUOTED_ITEM = rx.compile(r"[\"'](?P<v>[^\"'\\,\n]*)[\"']")


def _joined_hit(ctx: FileContext, key: f.Key, spec: DocField, endpoint: DocEndpoint) -> Hit | None:
    """A list sent where the docs give one string of values separated by commas (video
    translation's language "ja,zh-CN", delbyids' _ids "a,b"): the API reads one string. A list of
    plain strings written as the value is patched to them joined (`["es", "fr"]`: `"es,fr"`)."""
    if spec.separator is None or spec.type != "string" or key.raw:
        return None
    doc = ctx.doc()
    listed = _list_value(doc, key)
    if listed is None:
        return None
    c, written = listed
    if not written and not _bound_to_list(doc, key, c.start):
        return None  # (`ids = sys.argv[1]`, `job = j["data"]["_id"]`: an index, not a list)
    at = c.start if written else key.value_start + _indent_of(doc.text, key.value_start)
    line, column = doc.line_of(at), doc.column(at)
    by = SEPARATOR_NAMES.get(spec.separator, repr(spec.separator))
    joined = f"one string of values separated by {by}"
    example = spec.separator.join(("a", "b"))
    message = (
        f'{spec.name} is a list; {describe(endpoint)} documents {joined}: join it ("{example}")'
    )
    inner = doc.text[c.start + 1 : c.end - 1]
    fix = None
    plain = written and not doc.text[key.value_start : c.start].strip()  # (no type to remove)
    if plain and "\n" not in inner and QUOTED_ITEMS.fullmatch(inner) and not key.shared:
        items = [m.group("v") for m in QUOTED_ITEM.finditer(inner)]
        quote = inner.strip()[0]
        old = doc.text[c.start : c.end]
        fix = Fix(line, column, column + len(old), old, quote + spec.separator.join(items) + quote)
    return Hit(line, column, spec.name, joined, message, endpoint.url, fix)


# What may stand between a name's `=` and the list literal it is bound to: a Go slice's or a
# C# array's type (`ids := []string{...}`, `var ids = new[] {...}`), or nothing.
LIST_TYPE_PREFIX = rx.compile(r"\s*(?:\[\][\w.*]+|new\s*(?:[\w.<>]*\s*)?\[\s*\])?\s*")


def _bound_to_list(doc: f.Text, key: f.Key, start: int) -> bool:
    """Whether the name a key's value is (or a shorthand's key) was last bound to the list
    literal at `start` itself, not to an expression that holds brackets."""
    name = VALUE_NAME.match(doc.text, key.value_start, key.value_start + 80)
    spot = doc.last_assignment(name.group("n") if name else key.name, key.offset)
    return (
        spot is not None
        and spot[1] <= start
        and LIST_TYPE_PREFIX.fullmatch(doc.text, spot[1], start) is not None
    )


# The words scripts write to ask an API to detect a value itself (a language: "auto"), where the
# docs give their own value for it (source_language: "DEFAULT").
AUTO_WORDS = frozenset({"auto", "automatic", "detect", "auto-detect", "autodetect", "auto_detect"})


def _detect_hits(
    ctx: FileContext, key: f.Key, spec: DocField, endpoint: DocEndpoint
) -> Iterator[Hit]:
    """`"auto"` (and the like) where the docs give another value for "detect it automatically"
    (video translation's source_language: "DEFAULT"): patched to the documented value."""
    doc = ctx.doc()
    for lit in f.literals(doc, key):
        if not lit.quoted or lit.value.lower() not in AUTO_WORDS or spec.detect is None:
            continue
        line, column = doc.line_of(lit.offset), doc.column(lit.offset)
        message = (
            f'{spec.name} "{lit.value}" is not a value the docs give; {describe(endpoint)} '
            f'documents "{spec.detect}" for detecting it automatically'
        )
        plain = lit.source == lit.text and lit.text[:1] in "\"'" and not (key.shared or lit.shared)
        new = lit.text[0] + spec.detect + lit.text[0]
        fix = Fix(line, column, column + len(lit.text), lit.text, new) if plain else None
        yield Hit(line, column, lit.text, f'"{spec.detect}"', message, endpoint.url, fix)


def _indent_of(text: str, at: int) -> int:
    """How many blanks stand at `at` before the text that follows them."""
    return len(text[at : at + 80]) - len(text[at : at + 80].lstrip())


def _valued(
    ctx: FileContext, endpoint: DocEndpoint, keys: list[f.Key]
) -> Iterator[tuple[f.Key, DocField, str]]:
    """Each key sent with the documented field it stands for and where it is (`voice_options.
    speed`), nested keys included."""
    taken = {k.name for k in keys}
    stood = _twins(endpoint, taken, lambda: False)
    for key in keys:
        spec = endpoint.field(key.name)
        if spec is not None:
            yield key, spec, key.name
            continue
        # A misnamed key's value is judged as the field's it stands for (`size: "1024x1024"`
        # for scale: the rename alone would not make the request right).
        twin = stood.get(key.name)
        right = _near(key.name, endpoint) or (twin.documented if twin and twin.certain else None)
        spec = endpoint.field(right) if right is not None else None
        if spec is not None and spec.name not in taken:
            yield key, spec, spec.name
    for nested in _all_nested(ctx, endpoint, keys):
        spec = nested.parent.field(nested.key.name)
        if spec is not None:
            yield nested.key, spec, f"{nested.path}.{nested.key.name}"


def check_values(ctx: FileContext) -> Iterator[Hit]:
    doc = ctx.doc()
    for m, endpoint, keys in _requests(ctx):
        found = _request_values(ctx, endpoint, keys)
        if _guessed_get(m, endpoint):  # (its query once moved to the endpoint: a note)
            found = (_on_a_guess(m, endpoint, hit) for hit in found)
        if path_stays(ctx, m):  # (its path not fixed: nor what it sends)
            found = (replace(hit, fix=None) for hit in found)
        yield from found
    called = {id(m.endpoint): m.endpoint for m in ctx.calls() if m.endpoint is not None}
    judged: set[int] = set()  # (a union's literal, once: by its alias and by each use)
    sent: SentNames | None = None  # (the names sent under documented keys, read once)
    for name, lits in chain(f.unions(doc), tstypes.offered(doc)):  # (Literal[...], z.enum)
        specs = [(e, e.field(name)) for e in called.values()]
        known = [(e, s) for e, s in specs if s is not None and s.enum]
        if known and not _union_sent(ctx, name, lits):
            known = []
        if not known:  # (`resolution: quality`, `model_style: opts.style`)
            sent = _sent_names(ctx) if sent is None else sent
            known = _union_sent_as(sent, name)
        if not known or lits[0].offset in judged:
            continue
        judged.add(lits[0].offset)
        for lit in lits:
            hits = [_value_hit(ctx, lit, s, e) for e, s in known]
            if all(hits) and hits[0] is not None:  # (a type: its values change with it, or not)
                note = "; a type: the values typed by it must change with it (left to a person)"
                yield replace(hits[0], fix=None, message=hits[0].message + note)


# A value sent as it is held: a name or a member chain (`resolution`, `form.resolution`).
PLAIN_VALUE = rx.compile(r"\s*[A-Za-z_$][\w$]*(?:\s*(?:\?\.|\.)\s*[A-Za-z_$][\w$]*)*\s*!?\s*,?\s*$")


def _union_sent(ctx: FileContext, name: str, lits: list[f.Literal]) -> bool:
    """Whether a request of the file may send a value a union types (TypeScript's `resolution:
    "720p" | "1080p"`): one sends the field as a name or a member it holds unchanged, or as one
    of the union's own members; a union no request's value comes from (a player's `Quality`,
    React props, a form field converted before sending) types nothing sent."""
    doc = ctx.doc()
    members = {lit.value for lit in lits}
    for _, _, keys in _requests(ctx):
        for key in keys:
            if key.name != name:
                continue
            value = doc.text[key.value_start : key.value_end]
            if key.value_end <= key.value_start or PLAIN_VALUE.fullmatch(value):
                return True  # (a shorthand `{ resolution }`, `resolution: form.resolution`)
            if any(lit.value in members for lit in f.literals(doc, key)):
                return True
    return False


SentNames = dict[str, list[tuple[DocEndpoint, DocField, str]]]


def _union_sent_as(sent: SentNames, name: str) -> list[tuple[DocEndpoint, DocField]]:
    """The documented fields with values that a union-typed name is sent as under another key:
    `resolution: quality` (a parameter `quality: Res`), `model_style: opts.style` (an options
    member `style?: PlusStyle`); the value is the name itself or a member chain ending in it."""
    return [(e, s) for e, s, key in sent.get(name, ()) if key != name]


# A value that is a name or a member chain, its last name taken: `quality`, `opts.style`.
CHAIN_END = rx.compile(r"\s*(?:[A-Za-z_$][\w$]*\s*\??\.\s*)*(?P<n>[A-Za-z_$][\w$]*)\s*!?\s*,?\s*")


def _sent_names(ctx: FileContext) -> SentNames:
    """Each name (or a chain's last name) sent as the value of a documented field with values,
    with the field (read once per file: every union of the file asks)."""
    doc = ctx.doc()
    found: SentNames = {}
    for _, endpoint, keys in _requests(ctx):
        for key in keys:
            spec = endpoint.field(key.name)
            if spec is None or not spec.enum or key.value_end <= key.value_start:
                continue
            m = CHAIN_END.fullmatch(doc.text, key.value_start, key.value_end)
            if m is not None:
                found.setdefault(m.group("n"), []).append((endpoint, spec, key.name))
    return found


def _request_values(ctx: FileContext, endpoint: DocEndpoint, keys: list[f.Key]) -> Iterator[Hit]:
    """The value findings of one request (see check_values)."""
    doc = ctx.doc()
    for key, spec, where in _valued(ctx, endpoint, keys):
        array = _shape_hit(ctx, key, spec, endpoint) or _joined_hit(ctx, key, spec, endpoint)
        if array is not None:
            yield array
        if spec.format is not None:
            yield from _format_hits(ctx, key, spec, endpoint)
        if spec.detect is not None:
            yield from _detect_hits(ctx, key, spec, endpoint)
        if not spec.enum and spec.type not in NON_STRINGS:
            continue
        # A query's values are all text (`{"page": "1"}` and `{"page": 1}` send `?page=1`):
        # judged only for the documented values and ranges, never for a JSON type.
        text = key.raw or endpoint.method == "GET"
        kind = None if text else _kind_hit(ctx, key, spec, endpoint)
        if kind is not None:
            yield kind
        for lit in f.literals(doc, key):
            hit = _value_hit(ctx, lit, spec, endpoint, key, text) if spec.enum else None
            if not text:
                hit = hit or _type_hit(ctx, lit, spec, endpoint)
            hit = hit or _range_hit(ctx, lit, spec, endpoint, key.raw, where, text)
            if hit is not None and (key.shared or lit.shared):
                hit = replace(hit, fix=None)  # the value is other calls' too
            if hit is not None:
                yield hit


# -- answers ------------------------------------------------------------------------------------------


def _answer_names(endpoint: DocEndpoint) -> tuple[frozenset[str], frozenset[str]]:
    top, under = endpoint.answer_names
    return (top | ENVELOPE if "code" in top else top), under  # (code and msg: every answer's)


# Every answer of AKOOL's open API carries these, success or not.
ENVELOPE = frozenset({"code", "msg"})

# Answer fields that scripts guess (the job id, an OAuth token, a result URL, a status, a success
# flag): a read of one the endpoint's answer lacks is an error (`response-field`). Any other name
# the answer does not document is a warning (`answer-field`), judged only where the read is
# certainly of this call's answer: the docs show example answers, perhaps not every field.
GUESSED_ANSWER_FIELDS = frozenset(
    {
        "task_id",
        "taskId",
        "job_id",
        "jobId",
        "id",
        "access_token",
        "accessToken",
        "expires_in",
        "expiresIn",
        "video_url",
        "videoUrl",
        "image_url",
        "imageUrl",
        "audio_url",
        "audioUrl",
        "url",
        "result_url",
        "resultUrl",
        "output_url",
        "outputUrl",
        "download_url",
        "downloadUrl",
        "status",
        "success",
        "token",
    }
)


# What a list has besides its items, by the language that reads it as a member (`data.length`
# in JavaScript is no field of the answer; `data.count` there, or `data["count"]` anywhere, is
# one: JavaScript's arrays have no count, Python's and Go's lists no members read without a call).
LIST_MEMBERS = {
    (".js", ".mjs", ".cjs", ".ts", ".tsx", ".jsx", ".dart"): frozenset({"length"}),
    (".rb",): frozenset({"length", "size", "count"}),
    (".kt", ".kts", ".scala"): frozenset({"size", "length"}),
    (".java",): frozenset({"length"}),
    (".cs",): frozenset({"Count", "Length"}),
    (".swift",): frozenset({"count"}),
    (".py", ".go", ".php", ".sh", ".bash", ".zsh", ".rs"): frozenset(),
}
ANY_LIST_MEMBER = frozenset({"length", "size", "count", "Count", "Length"})  # (other files)


def list_members(name: str) -> frozenset[str]:
    """The members of a list that a file of this name reads without a call."""
    lower = name.lower()
    return next((m for ends, m in LIST_MEMBERS.items() if lower.endswith(ends)), ANY_LIST_MEMBER)


def _list_member(read: answers.Read, lines: list[str], members: frozenset[str]) -> bool:
    """Whether a read is a list's own member (`data.length`, `{ length } = data`), not a key
    (`data["count"]`, a Go struct's json tag)."""
    if read.name not in members or read.tag:
        return False
    line = lines[read.line] if 0 <= read.line < len(lines) else ""
    return read.pattern or line[: read.column].endswith((".", "->"))


def _as_list_message(endpoint: DocEndpoint, place: str, name: str, right: str = "") -> str:
    """The message of a named field read on what the answer gives as a list (`place`), with the
    read that would be there (`right`) when there is one."""
    there = f": {right}" if right else ""
    return (
        f"AKOOL's answer to {endpoint.method} {endpoint.path} has {place} as a list, so "
        f"{place}.{name} is not there{there} ({endpoint.url})"
    )


def _list_hit(
    read: answers.Read, endpoint: DocEndpoint, under: frozenset[str], member: bool
) -> Hit | None:
    """A named field read on an answer's data that the docs give as a list (avatar/list's
    `data` is a list of avatars: `data.result` is not there)."""
    if member:
        return None
    if read.name in under and (read.place != "data" or read.root == "data"):
        return None  # (`data = json.data[0]; data.avatar_id`: a name called data may hold an item)
    if read.name in under and not endpoint.path.endswith("/list"):
        return None  # (avatar/create's page gives data as a list, its OpenAPI file as one object)
    if read.name in under:  # (an item's field read off the list itself: `j["data"]["avatar_id"]`)
        right = f"data[i].{read.name}"
        message = _as_list_message(endpoint, "data", read.name, right)
        return Hit(read.line, read.column, read.name, right, message, endpoint.url)
    shown = sorted(under)[:4]
    right = "data[i]" + (f" (a list of {{{', '.join(shown)}, ...}})" if shown else "")
    message = _as_list_message(endpoint, "data", read.name)
    return Hit(read.line, read.column, read.name, right, message, endpoint.url)


def _inner_list_hit(read: answers.Read, endpoint: DocEndpoint, place: str) -> Hit:
    """A named field read on a list under the answer's data as if it were one object
    (listbyids' `data.result.url`: `data.result` is a list, its items have `url`)."""
    items = {
        p[len(place) + 1 :].split(".")[0] for p in endpoint.response if p.startswith(place + ".")
    }
    right = f"{place}[i].{read.name}" if read.name in items else f"{place}[i]"
    message = _as_list_message(endpoint, place, read.name, right)
    return Hit(read.line, read.column, read.name, right, message, endpoint.url)


def _read_hit(
    read: answers.Read, endpoint: DocEndpoint, data_holds: str, shared: DocEndpoint, member: bool
) -> tuple[str, Hit] | None:
    """A read judged against the endpoint's answer: (the rule it breaks, the hit) or None.
    `shared` is the endpoint with every product's answer, when the script's are narrower;
    `member` says the read is a list's own member (`.length`), should the answer be a list."""
    if read.place.startswith("item:"):  # (every product's items: the docs show examples)
        return _item_hit(read, shared, read.place[5:])
    place = {"data?": data_holds, "data!": "data" if data_holds == "top" else ""}.get(
        read.place, read.place
    )
    whole = place == "whole" or (place == "top" and (read.on_response or read.place == "data?"))
    if read.listed and whole:  # the whole answer used as a list (axios' res.data.find(...))
        return _whole_list_hit(read, endpoint, read.on_response)
    if read.listed and place and _bare(endpoint):  # data.data[0] where there is no data
        return None if _defended(read, endpoint) else _no_envelope_hit(read, endpoint)
    if read.listed:  # (`ans.data.result[0] || ans.data[0]`: a chain holding the documented list)
        return None if _defended(read, endpoint) else _not_a_list_hit(read, endpoint)
    if place == "top" and member and read.on_response:  # res.data.length (axios)
        return _whole_list_hit(read, endpoint, True)
    if place == "data" and "data" in endpoint.response_arrays:
        listed = _list_hit(read, endpoint, _answer_names(endpoint)[1], member)
        return ("list-answer", listed) if listed is not None else None
    if place == "data" and member and read.name not in _answer_names(endpoint)[1]:
        return _not_a_list_hit(read, endpoint)  # res.data.length where data holds the list
    if place and _defended(read, endpoint):
        return None
    return _fallback(read, _field_read_hit(read, endpoint, place, shared))


def _fallback(read: answers.Read, found: tuple[str, Hit] | None) -> tuple[str, Hit] | None:
    """A chain's later member (`x.image_url || x.url`, the first undocumented too) is the
    script's fallback, guarded by the read it makes first (judged as its primary read): an
    undocumented one is a warning (answer-field), never an error, and no fix."""
    if found is None or read.rank == 0:
        return found
    return "answer-field", replace(found[1], fix=None)


def _not_a_list_hit(read: answers.Read, endpoint: DocEndpoint) -> tuple[str, Hit] | None:
    """The answer's data used as a list where the docs give it as an object holding the list
    (voice/list: `data.result[]`, so `json.data.map(...)` fails)."""
    if "data" in endpoint.response_arrays:
        return None
    lists = sorted(p for p in endpoint.response_arrays if p.count(".") == 1)
    if not lists:
        return None
    where = f"{endpoint.method} {endpoint.path}"
    held = " or ".join(lists)
    message = (
        f"AKOOL's answer to {where} has data as an object; its list is {held} ({endpoint.url})"
    )
    return "response-field", Hit(read.line, read.column, "data", held, message, endpoint.url)


def _whole_list_hit(
    read: answers.Read, endpoint: DocEndpoint, axios: bool
) -> tuple[str, Hit] | None:
    """The whole answer used as a list (axios' `res.data.find(...)`, `res.data.length`, a name
    holding the parsed answer): AKOOL's answer is an object (code, msg, data); its list is one
    level down, at `data` or where the docs of that list put it (`data.result`)."""
    lists = ["data"] if "data" in endpoint.response_arrays else []
    lists = lists or sorted(p for p in endpoint.response_arrays if p.count(".") == 1)
    if not lists:
        return None
    written = "data" if axios else (read.root or "data")
    if read.place == "data?" or read.root is None:
        written = "data"
    held = " or ".join(f"{written}.{p}" for p in lists)
    where = f"{endpoint.method} {endpoint.path}"
    whose = "axios' response.data" if axios else written
    message = (
        f"AKOOL's answer to {where} is an object (code, msg, data), not a list: "
        f"{whose} is the whole answer and its list is {held} ({endpoint.url})"
    )
    return "response-field", Hit(read.line, read.column, written, held, message, endpoint.url)


def _item_hit(read: answers.Read, endpoint: DocEndpoint, place: str) -> tuple[str, Hit] | None:
    """A field read on an item of a list of the answer (`for (const v of voices) v.url`), judged
    against the fields the docs give that list's items (a warning: the docs show examples; an
    error for a name scripts guess, `status` where the items have `faceswap_status`)."""
    if place not in endpoint.response_arrays:
        return None  # (not a list the docs show)
    names = {
        p[len(place) + 1 :].split(".")[0] for p in endpoint.response if p.startswith(place + ".")
    }
    if not names or read.name in names or any(n in names for n in read.beside[: read.rank]):
        return None  # (a chain's members after a documented one are defensive; before it, read)
    where = f"{endpoint.method} {endpoint.path}"
    shown = f"{place}[i].{read.name}"
    message = f"AKOOL's answer to {where} has no {shown} ({endpoint.url})"
    close = readhints.closest(read.name, frozenset(names), frozenset())
    ending = sorted(n for n in names if n.endswith("_" + read.name))  # (status: faceswap_status)
    right = (
        f"{place}[i].{close}"
        if close
        else " or ".join(f"{place}[i].{n}" for n in ending)
        or f"a field of {place}[i] ({', '.join(sorted(names)[:4])}, ...)"
    )
    # (a guessed name whose items name it with a word before it, read alone: an error)
    guessed = read.name in GUESSED_ANSWER_FIELDS and bool(ending) and not read.beside
    rule = "response-field" if guessed else "answer-field"
    return rule, Hit(read.line, read.column, read.name, right, message, endpoint.url)


def _bare(endpoint: DocEndpoint) -> bool:
    """Whether the docs give the endpoint's answer without AKOOL's `{code, msg, data}` envelope:
    its fields at the top (the legacy sg3 `/detect`: error_code, landmarks_str, ...)."""
    top, _ = endpoint.answer_names
    return bool(top) and "code" not in top and "data" not in top


# What a script reads of the envelope an answer without one lacks, and the field that stands for it.
ENVELOPE_TWINS = {"code": "error_code", "msg": "error_msg", "message": "error_msg"}


def _no_envelope_hit(read: answers.Read, endpoint: DocEndpoint) -> tuple[str, Hit] | None:
    """A read of the envelope (`code`, or anything under `data`) on an answer that has none."""
    top, _ = endpoint.answer_names
    where = f"{endpoint.method} {endpoint.path}"
    shown = ", ".join(sorted(top)[:6])
    twin = ENVELOPE_TWINS.get(read.name) if read.place != "data" or read.listed else None
    if twin is not None and read.name != "data" and twin not in top:
        return None
    found = read.name if twin or read.listed else f"data.{read.name}"
    right = twin if twin is not None else f"the top-level fields ({shown})"
    message = (
        f"AKOOL's answer to {where} has no {found}: it comes without the {{code, msg, data}} "
        f"envelope, its fields at the top ({endpoint.url})"
    )
    return "response-field", Hit(read.line, read.column, read.name, right, message, endpoint.url)


def _defended(read: answers.Read, endpoint: DocEndpoint) -> bool:
    """A fallback chain whose earlier member reads a documented field (`data?._id ?? data?.jobId`)
    is a defensive read: its later names are not findings, nor is the same name guessed at another
    level anywhere in it (`d.faces_obj || d.data?.faces_obj`, where the docs put faces_obj at the
    top). Another name before the documented one is the read the code makes first: judged
    (`data?.jobId ?? data?._id`, `data.error ?? msg`)."""
    top, under = _answer_names(endpoint)
    again = read.beside[read.rank + 1 :]
    return any(n in under | top for n in read.beside[: read.rank]) or (
        read.name in again and read.name in under | top
    )


def _field_read_hit(
    read: answers.Read, endpoint: DocEndpoint, place: str, shared: DocEndpoint
) -> tuple[str, Hit] | None:
    """Whether a named read of an answer is judged, and against which of its documented names
    (the top's, or its data's); the finding itself is _unknown_read_hit's."""
    top, under = _answer_names(endpoint)
    guessed = read.name in GUESSED_ANSWER_FIELDS or _guessed_id(read.name, endpoint, place)
    if not place or (read.loose and not guessed):
        return None
    if read.name == "token" and "token" not in top:
        return None  # only getToken answers a token
    if place != "data" and read.name in ENVELOPE_TWINS and read.name not in top and _bare(endpoint):
        return _no_envelope_hit(read, endpoint)  # data.code === 1000 on the legacy /detect
    if place == "data" and _bare(endpoint) and read.name not in top:
        return _no_envelope_hit(read, endpoint)
    if place == "data":
        if read.name in under or "data" not in top:
            if read.name in top and "data" not in top:  # getToken: {"code", "token"}
                return _at_the_top_hit(read, endpoint)
            if top == ENVELOPE:  # delbyids: {"code", "msg"}, no data at all
                return _no_data_hit(read, endpoint)
            if "data" not in top and top - ENVELOPE:  # (getToken's data.expire: no data at all)
                return _fields_at_top_hit(read, endpoint, top)
            return None
        if not under:
            return None  # the docs show no fields of this answer's data
        names = under
    else:
        if read.name in top or not top:
            return None
        names = top
    if read.name not in GUESSED_ANSWER_FIELDS and shared is not endpoint:
        every_top, every_under = _answer_names(shared)
        if read.name in (every_under if place == "data" else every_top):
            return None  # another product's page shows it: only a guessed name is judged by product
    return _unknown_read_hit(read, (endpoint, shared), place, names, guessed)


def _no_data_hit(read: answers.Read, endpoint: DocEndpoint) -> tuple[str, Hit]:
    """A read under the data of an answer the docs give as the envelope alone (delbyids' `{code,
    msg}`: `data.deleted_count`): a warning, the docs showing an example answer, with no fix."""
    where = f"{endpoint.method} {endpoint.path}"
    message = (
        f"AKOOL's answer to {where} has no data.{read.name}: the docs give it as code and msg "
        f"alone, with no data ({endpoint.url})"
    )
    right = "code and msg (no data)"
    return "answer-field", Hit(read.line, read.column, read.name, right, message, endpoint.url)


def _at_the_top_hit(read: answers.Read, endpoint: DocEndpoint) -> tuple[str, Hit]:
    """A read under data of a field an answer without data gives at its top (getToken's)."""
    where = f"{endpoint.method} {endpoint.path}"
    message = (
        f"AKOOL's answer to {where} has {read.name} at the top, not under data ({endpoint.url})"
    )
    right = f"the top-level {read.name} field"
    return "response-field", Hit(read.line, read.column, read.name, right, message, endpoint.url)


def _fields_at_top_hit(
    read: answers.Read, endpoint: DocEndpoint, top: frozenset[str]
) -> tuple[str, Hit]:
    """A read under data of an answer the docs give whole with no data, its fields at the top
    beside code and msg (getToken's `{code, msg, token}`): `data["data"].get("expire")` after
    `data["data"]["token"]` reads a field of nothing."""
    where = f"{endpoint.method} {endpoint.path}"
    shown = ", ".join(sorted(top))
    message = (
        f"AKOOL's answer to {where} has no data.{read.name}: it has no data at all, its fields "
        f"are at the top ({shown}) ({endpoint.url})"
    )
    right = f"a top-level field of the answer ({shown})"
    return "response-field", Hit(read.line, read.column, read.name, right, message, endpoint.url)


def _unknown_read_hit(
    read: answers.Read,
    endpoints: tuple[DocEndpoint, DocEndpoint],
    place: str,
    names: frozenset[str],
    guessed: bool,
) -> tuple[str, Hit]:
    """A read of a name the answer does not document (`names`: those it does there), with the
    field it most likely means (a near miss, one put deeper, a hint) and the rule it breaks."""
    endpoint, shared = endpoints
    top, under = _answer_names(endpoint)
    where = f"{endpoint.method} {endpoint.path}"
    shown = ("data." if place == "data" else "") + read.name
    near = _near_read(read.name, place, top, under)
    if near is not None:  # a near miss of a documented field, as a misnamed request field is
        right = ("data." if place == "data" else "") + near
        message = (
            f"AKOOL's answer to {where} has no {shown}; the docs name it {right} ({endpoint.url})"
        )
        fix = _read_fix(read, near if "." not in near else None)
        return "response-field", Hit(
            read.line, read.column, read.name, right, message, endpoint.url, fix
        )
    deeper = _deeper(read.name, endpoint, "data." if place == "data" else "")
    close = _closest(read.name, names, under, deeper)
    if close is None and _guessed_id(read.name, endpoint, place):
        close = "data._id"  # (the job's id, the one id a create answer gives)
    put = f"; the docs put it at {deeper}" if deeper and close == deeper else ""
    right, put = (
        (close, put) if close is not None else _hint(read.name, place, names, under, endpoint)
    )
    message = (
        f"AKOOL's answer to {where} has no {shown}{put}{_elsewhere(shown, shared)} ({endpoint.url})"
    )
    fix = _read_fix(read, _renamed(read.name, place, top, under))
    hit = Hit(read.line, read.column, read.name, right, message, endpoint.url, fix)
    # (a URL or a state the docs put deeper, `face_urls` in faces_obj's frames: misplaced)
    misplaced = right == f"data.{read.name}" or (
        deeper is not None and right == deeper and readhints.kind(read.name) in ("url", "status")
    )
    if not (guessed or misplaced) and place == "data":
        return _sole_value_read(read, endpoint, hit)
    return ("response-field" if guessed or misplaced else "answer-field"), hit


def _sole_value_read(read: answers.Read, endpoint: DocEndpoint, hit: Hit) -> tuple[str, Hit]:
    """An unknown field read under the data of an answer whose data the docs give as one value
    (faceswap/quota/info's `{"credit": ...}`, "Account balance": `data.balance` for it): the read
    asks for that value under another name and is always undefined, an error as a near miss is;
    a read of another kind (an id, a URL, a state) asks for something else (a warning)."""
    _, under = _answer_names(endpoint)
    if len(under) != 1:
        return "answer-field", hit
    sole = next(iter(under))
    deeper = any(p.startswith(f"data.{sole}.") for p in endpoint.response)
    other_kind = readhints.kind(read.name) != readhints.kind(sole)
    if deeper or f"data.{sole}" in endpoint.response_arrays or other_kind:
        return "answer-field", hit
    message = (
        f"AKOOL's answer to {endpoint.method} {endpoint.path} has no data.{read.name}; its data "
        f"holds one value, data.{sole} ({endpoint.url})"
    )
    fix = hit.fix or _read_fix(read, sole)  # (the one value there is: `data.credit`)
    return "response-field", replace(hit, documented=f"data.{sole}", message=message, fix=fix)


# The name of a job's or a result's id (`videoId`, `video_id`, `imageID`, `requestId`): on a
# create answer whose data has `_id` (the job's id), a guess of that id. (Another thing's id,
# `resource_id`, `voiceId`, is no such guess: an unknown field, or a near miss of one.)
ID_NAME = rx.compile(
    r"(?:video|image|photo|audio|task|job|request|result|render|generation|video_model|model)"
    r"(?:_id|Id|ID)"
)


def _guessed_id(name: str, endpoint: DocEndpoint, place: str) -> bool:
    """Whether a read under data names an id a create call's answer gives as `data._id`."""
    return (
        place == "data"
        and endpoint.method == "POST"
        and "_id" in endpoint.answer_names[1]
        and ID_NAME.fullmatch(name) is not None
    )


NEAR_READ_LENGTH = 6  # (shorter names one letter apart are too often two fields: url, uri)


def _near_read(name: str, place: str, top: frozenset[str], under: frozenset[str]) -> str | None:
    """The documented answer field a read misspells, at its level (a top-level read may mean a
    field under data, written without its dot: `data_id` for `data._id`): the only one with the
    same letters but for case, `_`, `-` and `.`, or else the only one a letter away (one added,
    dropped, changed or two swapped) in a name of six letters or more."""
    by_letters, by_length = _near_names(place == "data", top, under)
    same = [n for n in by_letters.get(_squash(name).replace(".", ""), ()) if n != name]
    if len(same) == 1:
        return same[0]
    if same or len(name) < NEAR_READ_LENGTH:
        return None
    size = len(name)  # (a name one letter away is one shorter, as long or one longer)
    close = [
        n for k in (size - 1, size, size + 1) for n in by_length.get(k, ()) if _one_edit(name, n)
    ]
    return close[0] if len(close) == 1 else None


@lru_cache(maxsize=256)
def _near_names(
    data: bool, top: frozenset[str], under: frozenset[str]
) -> tuple[dict[str, list[str]], dict[int, list[str]]]:
    """The answer fields a read at a level may misspell (see _near_read), by their letters
    squashed and, those without a dot, by their length: worked out once per endpoint and level,
    not for each read."""
    names = under if data else top | {f"data.{n}" for n in under if "data" in top}
    by_letters: dict[str, list[str]] = {}
    by_length: dict[int, list[str]] = {}
    for n in names:
        by_letters.setdefault(_squash(n).replace(".", ""), []).append(n)
        if "." not in n:
            by_length.setdefault(len(n), []).append(n)
    return by_letters, by_length


def _one_edit(a: str, b: str) -> bool:
    """Whether two different names are one letter added, dropped, changed or two swapped apart."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [k for k in range(len(a)) if a[k] != b[k]]
        return len(diff) == 1 or (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    k = next((k for k in range(len(short)) if short[k] != long_[k]), len(short))
    return short[k:] == long_[k + 1 :]


def _renamed(name: str, place: str, top: frozenset[str], under: frozenset[str]) -> str | None:
    """The documented name a read certainly means at the same level, or None: the one status
    field (`status`: `video_status`), the job's id (`task_id`: `_id`), `token`, `msg`."""
    if place == "data":
        if name == "status":
            found = sorted(n for n in under if n.endswith("_status"))
            return found[0] if len(found) == 1 else None
        ids = ("task_id", "taskId", "job_id", "jobId", "id")
        return "_id" if name in ids and "_id" in under and not set(ids) & under else None
    if name in ("access_token", "accessToken") and "token" in top:
        return "token"
    return "msg" if name in ("message", "error_msg", "errorMessage") and "msg" in top else None


def _read_fix(read: answers.Read, new: str | None) -> Fix | None:
    """A read renamed in place, where renaming changes nothing else: not a destructuring key (a
    variable's name too), nor one name of a fallback chain."""
    if new is None or read.pattern or read.beside or read.loose:
        return None
    return Fix(read.line, read.column, read.column + len(read.name), read.name, new)


def _elsewhere(shown: str, shared: DocEndpoint) -> str:
    """For an endpoint several products share: which products' pages show the field this
    script's products' pages do not (character swap's `data.video_url`, its input video)."""
    products = [p for p, fields in shared.answers_by_product if shown in fields]
    if not products:
        return ""
    return f" (only {', '.join(products)}'s page shows it, and this script makes no such job)"


def _deeper(name: str, endpoint: DocEndpoint, level: str) -> str | None:
    """Where the docs put a field read one level (or more) above them: `data.result.status` for a
    read of `data.status` on voice/resource/detail, with `[i]` after each list on the way
    (`data.result[i].preview` on voice/list), the shallowest such place first."""
    found = sorted(
        (p.count("."), p)
        for p in endpoint.response
        if p.startswith(level) and p.endswith("." + name) and p.count(".") > level.count(".")
    )
    if not found:
        return None
    parts = found[0][1].split(".")
    shown = [
        part + ("[i]" if ".".join(parts[: k + 1]) in endpoint.response_arrays else "")
        for k, part in enumerate(parts[:-1])
    ]
    return ".".join([*shown, name])


def _hint(
    name: str, place: str, names: frozenset[str], under: frozenset[str], endpoint: DocEndpoint
) -> tuple[str, str]:
    """(documented, what the message adds) for a read no field of the answer certainly means:
    the answer's one state field for a state, a result URL or a job's state that the endpoint
    reading the job answers (createbyprompt's image: infobymodelid's data.image), one of this
    answer's result fields, whether the call worked (`success`: code and msg), or, at last,
    the answer's fields. Never a field of another kind (a URL is no status)."""
    states = sorted(n for n in names if readhints.kind(n) == "status")
    if readhints.kind(name) == "status" and len(states) == 1:  # the answer's one state field
        return ("data." if states[0] in under else "") + states[0], ""
    elsewhere = readhints.elsewhere(endpoint, name)
    if elsewhere is not None:
        what, reader, field = elsewhere
        where = f"{reader.method} {reader.path}"
        return f"{field} of {where}", f"; {what} is in the answer of {where} as {field}"
    if readhints.kind(name) == "url":  # a result URL: the answer's result field
        found = [n for n in readhints.RESULT_FIELDS if n in under]
        if found:
            return f"data.{found[0]}", ""
    if name in readhints.SUCCESS_NAMES and place != "data" and "code" in names:
        return readhints.SUCCESS_HINT, (
            "; AKOOL's answers say whether the call worked in code (1000: success) and why not in msg"
        )
    shown = sorted(("data." if n in under and n not in names - under else "") + n for n in names)
    listed = ", ".join(shown[:6]) + (", ..." if len(shown) > 6 else "")
    return (
        f"a field of the documented answer ({listed})"
        if listed
        else "a field of the documented answer",
        "",
    )


def _closest(
    name: str, names: frozenset[str], under: frozenset[str], deeper: str | None = None
) -> str | None:
    if name in under and name not in names:  # read at the top, documented under data
        return f"data.{name}"
    if name in ("task_id", "taskId", "job_id", "jobId", "id") and "_id" in under:
        return "data._id"
    if name in ("access_token", "accessToken") and "token" in names:
        return "token"
    if name in ("message", "error", "errors", "errorMessage", "error_message", "error_msg") and (
        "msg" in names
    ):
        return "msg"
    if name == "status":
        found = sorted(n for n in under if n.endswith("_status"))
        if len(found) == 1:
            return f"data.{found[0]}"
    if deeper is not None:
        return deeper
    return readhints.closest(name, names, under)  # (never one of another kind: _hint's then)


def check_response_reads(ctx: FileContext) -> Iterator[Hit]:
    yield from (hit for rule, hit in _answer_hits(ctx) if rule == "response-field")
    yield from _webhook_hits(ctx, "response-field")


def _webhook_hits(ctx: FileContext, rule: str) -> Iterator[Hit]:
    """A decrypted AKOOL webhook's reads that its documented payload contradicts (see
    webhookpayloads.py), of one rule."""
    for read in webhookpayloads.reads(ctx.lines):
        if read.rule == rule:
            help = webhookpayloads.PAGE
            yield Hit(read.line, read.column, read.found, read.documented, read.message, help)


def check_answer_fields(ctx: FileContext) -> Iterator[Hit]:
    return (hit for rule, hit in _answer_hits(ctx) if rule == "answer-field")


def check_list_answers(ctx: FileContext) -> Iterator[Hit]:
    return (hit for rule, hit in _answer_hits(ctx) if rule == "list-answer")


def check_status_values(ctx: FileContext) -> Iterator[Hit]:
    """A status field compared with a value the docs contradict (see statuses.py), each read
    judged by the call the answer rules tie it to."""
    for one in status_hits(ctx, partial(tied_reads, ctx), partial(parsed_answer_names, ctx)):
        yield Hit(one.line, one.column, one.found, one.documented, one.message, one.help)
    for one in answerwords.word_hits(ctx):  # (`final_conclusion == "Rejected"`)
        yield Hit(one.line, one.column, one.found, one.documented, one.message, one.help)
    yield from _webhook_hits(ctx, "status-value")


def tied_reads(ctx: FileContext) -> dict[tuple[int, int], Mention]:
    """Where each answer read is written (line, column), and the call the answer rules tie it
    to (a call to a guessed or unknown path included: its answer is no documented one)."""
    calls = [m for m in [*ctx.mentions, *ctx.returned] if m.endpoint or m.verdict != "documented"]
    if not calls:
        return {}
    places = sorted({(m.line, m.column) for m in [*ctx.mentions, *ctx.returned]})
    facts = ties.Lines(ctx.lines, ctx.language == "shell", ctx.bases.scopes, _script(ctx))
    reads = LineReads(ctx)
    found: dict[tuple[int, int], Mention] = {}
    for m in calls:
        for read in _reads_of(ctx, m, places, facts, reads):
            found.setdefault((read.line, read.column), m)
    return found


def _script(ctx: FileContext) -> bool:
    """Whether a file is PHP or Ruby, whose clients' parses ties reads too (see scriptanswers.py)."""
    return scriptanswers.is_script(ctx.name, ctx.lines[0] if ctx.lines else "")


def parsed_answer_names(ctx: FileContext) -> set[str]:
    """The names that hold a call's parsed answer (ties.Scope.bodies: `j = r.json()`, Jackson's
    `readTree(...)`, `var root = doc.RootElement`) in the scope of any of the file's calls the
    answer rules tie reads to, as they walk them (see tied_reads)."""
    tied_reads(ctx)
    parsed: dict[int, set[str]] = ctx.__dict__.get("_parsed_of", {})
    calls = [m for m in [*ctx.mentions, *ctx.returned] if m.endpoint or m.verdict != "documented"]
    return set().union(*(parsed.get(id(m), set()) for m in calls))


def _answer_hits(ctx: FileContext) -> list[tuple[str, Hit]]:
    """Each answer read tied to a call (through the name its response is bound to, in its scope;
    see ties.py) is judged against that call's documented answer. A read whose start is not a
    name (a jq filter on a file) is judged against the call before it, up to the next place.
    Worked out once for the two rules that report them."""
    if ctx.answers is None:
        found: list[tuple[str, Hit]] = []
        members: set[int] = set()  # the members of the file's own types reported
        for rule, hit in _find_answer_hits(ctx):
            found.append((rule, _typed_read(ctx, hit)))
            member = _answer_member(ctx, hit, members)
            if member is not None:
                found.append((rule, member))
        ctx.answers = _once_per_line(found)
    return ctx.answers


# A call through fetch, its URL written in it: `fetch(`${BASE}/x`)`, `await fetch("https://...`.
FETCH_URL_BEFORE = rx.compile(r"(?<![\w$.])fetch\(\s*[`\"']?[^`\"'()]*$")


def _fetched(ctx: FileContext, m: Mention) -> bool:
    """Whether a call is made with fetch, its URL written in the call (a file that imports axios
    may fetch too: that answer's `j.data.x` is AKOOL's data, not an axios response's body)."""
    line = ctx.lines[m.line] if m.line < len(ctx.lines) else ""
    # (the word looked for only where the search reads, which a match holds it in: in the whole
    # line, once per call on a minified line, it was calls x the line)
    lo = max(0, m.column - 200)
    return line.find("fetch", lo, m.column) >= 0 and (
        FETCH_URL_BEFORE.search(line, lo, m.column) is not None
    )


# A bundler's module table or its interop (`self.webpackChunk_N_E`, `__webpack_require__`,
# `i.Z.post(` / `o.default.get(` on a module loaded by id): its clients are renamed away.
BUNDLER = rx.compile(
    r"webpackChunk|__webpack_require__|\bparcelRequire|\b[\w$]\.(?:Z|default)\.(?:get|post)\("
)


# A module table's own marks, minified or prettified (a chunk reformatted keeps them), and a
# module loaded by its number (`var i = a(87066)`) whose renamed export is called as a client
# (`i.Z.post(`, `o.default.get(`, webpack 5's `r.Ay.post(`, `(0, i.Z)(`).
BUNDLE_MARK = rx.compile(r"webpackChunk|__webpack_require__|__webpack_exports__|\bparcelRequire")
BUNDLE_WORDS = ("webpack", "parcelRequire")  # (each match of BUNDLE_MARK holds one)
MODULE_BY_ID = rx.compile(r"(?<![\w$.])[\w$]{1,2}\s*=\s*[\w$]{1,2}\(\d{2,6}\)")
RENAMED_CLIENT = rx.compile(
    r"(?<![\w$.])[\w$]{1,2}\.(?:Z|ZP|A|Ay|default)\.(?:get|post|put|patch|delete|request)\("
    r"|\(0,\s*[\w$]{1,2}\.(?:Z|ZP|A|Ay|default)\)\("
)


def _bundled(lines: list[str]) -> bool:
    """Whether a file is a bundle (a line longer than a statement, with a bundler's marks; or,
    reformatted, a module table's marks or a client module loaded by its number): which HTTP
    client a call goes through is renamed away there, so `x.data.y` on what it gives may be
    that client's body wrapper (axios': `.data`) and not AKOOL's data field."""
    if any(len(t) > ties.STATEMENT_CHARS and BUNDLER.search(t) for t in lines):
        return True
    text = "\n".join(lines)
    if any(w in text for w in BUNDLE_WORDS) and BUNDLE_MARK.search(text):
        return True
    renamed = any(w in text for w in (".Z.", ".default.", ".A.", ".Ay.", ".ZP.", "(0,"))
    return bool(renamed and RENAMED_CLIENT.search(text) and MODULE_BY_ID.search(text))


def _once_per_line(found: list[tuple[str, Hit]]) -> list[tuple[str, Hit]]:
    """One finding per line for the same verdict given without a fix (`Array.isArray(json.data)
    && json.data.length` on a list held one level down: one finding); a fixed read keeps each
    place, as --diff must patch each."""
    seen: set[tuple[str, int, str, str]] = set()
    kept = []
    for rule, hit in found:
        key = (rule, hit.line, hit.found, hit.message)
        if hit.fix is None and key in seen:
            continue
        seen.add(key)
        kept.append((rule, hit))
    return kept


@lru_cache(maxsize=256)
def _shape_check(root: str) -> re.Pattern[str]:
    name = re.escape(root)
    return re.compile(
        rf"Array\.isArray\(\s*{name}\s*(?:\?\.|\.)\s*data\s*\)"
        rf"|isinstance\(\s*{name}\s*(?:\[\s*[\"']data[\"']\s*\]|\.get\(\s*[\"']data[\"'][^)]*\)|\.data)"
        r"\s*,\s*(?:list|\(\s*list)"
    )


def _shape_checked(text: str, read: answers.Read) -> bool:
    """Whether the script checks that the answer's data is a list before it uses it as one
    (`Array.isArray(json.data)`, `isinstance(body["data"], list)`): a guarded read, falling back
    when it is not, so a data that the docs give as an object is a warning, not an error."""
    if read.root is None or ("isArray" not in text and "isinstance" not in text):
        return False
    return _shape_check(read.root).search(text) is not None


def _answer_member(ctx: FileContext, hit: Hit, reported: set[int]) -> Hit | None:
    """The member of the file's own type that a wrong read goes through, when the name the read
    starts from is bound with that type (`const body = (await r.json()) as Envelope<VideoInfo>`,
    then `body.data.status`: VideoInfo's `status`): reported once, fixed by a person."""
    if not tstypes.typescript(ctx.name):
        return None
    doc = ctx.doc()
    owner = tstypes.declares_member(doc, hit.found)
    at = doc.offset(hit.line, hit.column)
    if owner is None or not tstypes.bound_with(doc, at, owner):
        return None
    member = tstypes.members(doc, owner)[hit.found]
    if member in reported:
        return None
    reported.add(member)
    message = f"{owner}.{hit.found}, the type this file reads the answer through: {hit.message}"
    line, column = doc.line_of(member), doc.column(member)
    return replace(hit, line=line, column=column, message=message, fix=None)


def _typed_read(ctx: FileContext, hit: Hit) -> Hit:
    """A read renamed in TypeScript whose answer is typed by the code (a type of the file
    declares the member, or the answer is cast or given a type argument): the type must change
    with it, so the fix is left to a person."""
    if hit.fix is None or not tstypes.typescript(ctx.name):
        return hit
    doc = ctx.doc()
    owner = tstypes.declares_member(doc, hit.found)
    if owner is None and not tstypes.typed_answers(doc):
        return hit
    said = f"{owner}.{hit.found}" if owner else "the type the code gives the answer"
    note = f"; {said} must change with it (left to a person)"
    return replace(hit, fix=None, message=hit.message + note)


def _find_answer_hits(ctx: FileContext) -> Iterator[tuple[str, Hit]]:
    every = [*ctx.mentions, *ctx.returned]
    calls = [
        (m, e) for m in every if (e := m.endpoint) and e.response and m.verdict != "deprecated"
    ]
    if not calls:
        return
    seen = _AnswerReading.of(ctx)
    reshaped = {id(m) for m in _reshaped(ctx, [m for m, _ in calls]) + _composed(ctx, calls)}
    calls = [(m, e) for m, e in calls if id(m) not in reshaped]  # (see _reshaped, _composed)
    for m, shared in calls:
        yield from _any_version_answer_hits(ctx, seen, m, shared)
    for judged in seen.tags.values():
        if all(judged) and judged[0] is not None:
            yield judged[0]


@dataclass
class _AnswerReading:
    """What a file's answer reads are judged with (see _find_answer_hits), worked out once per
    file, and the Go struct tags' findings gathered over its calls."""

    text: str  # (the lines joined, once)
    # Typed models rename the answer's fields (`videoUrl` may be bound to `video`): only reads by
    # the answer's own keys (`GetProperty("status")`, `["status"]`) are judged in such a file;
    # after a key-case converter, a documented field in camelCase is the field itself.
    renaming: tuple[bool, bool]
    places: list[tuple[int, int]]
    data_holds: str
    deeper: bool
    # The products the script makes jobs with: an endpoint several products share is judged by
    # their pages' answers (character swap's result has data.video_url, talking photo's not).
    products: frozenset[str]
    reads: LineReads
    # `res.data.x` is axios' body's x (the answer's top); without axios in the file, a name's
    # `.data` is the parsed answer's data (a helper's `res.json()`, a decoded object).
    axios: bool
    bundled: bool
    facts: ties.Lines
    members: frozenset[str]
    go: bool
    written: set[str]  # (fields the script sets on the answer: not judged)
    narrowed: dict[int, tuple[DocEndpoint, DocEndpoint]]  # (each once per file)
    # A Go struct tag is read by every call whose answer is decoded into its type: a finding only
    # when it is one for each of them (a struct of several endpoints' fields is no mistake).
    tags: dict[tuple[int, int], list[tuple[str, Hit] | None]]

    @classmethod
    def of(cls, ctx: FileContext) -> _AnswerReading:
        text = ctx.doc().text
        axios = parsedanswers.data_is_body(text) or "ky." in text
        return cls(
            text=text,
            renaming=(answers.maps_json_names(text), answers.converts_keys(text)),
            places=sorted({(m.line, m.column) for m in [*ctx.mentions, *ctx.returned]}),
            data_holds=answers.data_variable(text),
            deeper=answers.data_deeper(text),
            products=frozenset(
                m.endpoint.product for m in ctx.calls() if m.endpoint and m.endpoint.method != "GET"
            ),
            reads=LineReads(ctx),
            axios=axios,
            bundled=not axios and _bundled(ctx.lines),
            facts=ties.Lines(ctx.lines, ctx.language == "shell", ctx.bases.scopes, _script(ctx)),
            members=list_members(ctx.name),
            go=ctx.name.endswith(".go"),
            written=answers.set_by_default(text),
            narrowed={},
            tags={},
        )


VERSION_SHOWN = rx.compile(r"/?(?:api/open/)?v\d+/")  # (`akoolGet("/v4/voice/list")`: v4's)


def _any_version_answer_hits(
    ctx: FileContext, seen: _AnswerReading, m: Mention, shared: DocEndpoint
) -> Iterator[tuple[str, Hit]]:
    """The findings of one call's answer reads; for a call whose version is not in view
    (`f"{base}/voice/list"`, see _versionless) to a path other versions document too with an
    answer of their own (v3's voice/list gives data as a list, v4's data.result), only the
    reads wrong under every such version: the call may be sent to any of them."""
    versionless = _versionless(m) and not VERSION_SHOWN.match(m.site.path or "")
    others = _versions(shared.method, shared.path) if versionless else ()
    others = tuple(e for e in others if e.response)
    if not others:
        yield from _call_answer_hits(ctx, seen, m, shared)
        return
    found = list(_call_answer_hits(ctx, seen, m, shared))
    for other in others:
        wrong = {(h.line, h.column) for _, h in _call_answer_hits(ctx, seen, m, other)}
        found = [(rule, h) for rule, h in found if (h.line, h.column) in wrong]
    yield from ((rule, replace(h, fix=None)) for rule, h in found)  # (whose fix: not in view)


def _call_answer_hits(
    ctx: FileContext, seen: _AnswerReading, m: Mention, shared: DocEndpoint
) -> Iterator[tuple[str, Hit]]:
    """The findings of one call's answer reads (a Go struct tag's: gathered in seen.tags)."""
    endpoint = shared
    stays: bool | None = None  # (its path not fixed: nor its answer's reads; see below)
    if shared.answers_by_product:
        if id(shared) not in seen.narrowed:
            seen.narrowed[id(shared)] = _narrowed(shared, seen.products)
        endpoint, shared = seen.narrowed[id(shared)]
    call_reads = _reads_of(ctx, m, seen.places, seen.facts, seen.reads)
    modeled = {(r.place, r.name) for r in call_reads if r.tag}  # (a model's: answermodels)
    tagged: list[tuple[answers.Read, bool, tuple[str, Hit] | None]] = []
    for read in call_reads:
        judged = _read_to_judge(ctx, seen, m, read, endpoint, modeled)
        if judged is None:
            continue
        read = judged
        member = _list_member(read, ctx.lines, seen.members)
        found = _judged(ctx, read, endpoint, seen.data_holds, shared, member)
        if found is not None and found[1].found == "data" and _shape_checked(seen.text, read):
            found = ("answer-field", found[1])  # (see _shape_checked)
        if found is not None and _guessed_get(m, endpoint):  # (a note: see _on_a_guess)
            found = (found[0], _on_a_guess(m, endpoint, found[1]))
        stays = path_stays(ctx, m) if found is not None and stays is None else stays
        if found is not None and stays:  # (asked only of a call that has a finding)
            found = (found[0], replace(found[1], fix=None))
        if read.tag:
            tagged.append((read, member, found))
        elif found is not None:
            yield found
    shared_model = _shared_model(ctx, seen, endpoint, tagged)
    for read, _, found in tagged:
        seen.tags.setdefault((read.line, read.column), []).append(None if shared_model else found)


def _shared_model(
    ctx: FileContext,
    seen: _AnswerReading,
    endpoint: DocEndpoint,
    tagged: list[tuple[answers.Read, bool, tuple[str, Hit] | None]],
) -> bool:
    """Whether the model a call's answer is decoded into is one type shared by sibling AKOOL
    answers (`Info` declaring video_status and image_status, video and image, for both
    infobymodelid GETs): a member wrong here is documented in a sibling's answer (the same
    method and last path segment) while the field the docs give here instead is a member of the
    model too (image_status beside video_status; not a guess, `status` with no video_status).
    Its members are declarations, not reads: none is judged (break34a: false-typed-answer-
    declarations, false-jackson-dto-fields)."""
    wrong = [(r, member, found) for r, member, found in tagged if found is not None]
    if not wrong:
        return False
    fine = {
        r.name if r.place == "top" else f"{r.place}.{r.name}" for r, _, f in tagged if f is None
    }
    paired = [
        (r, member)
        for r, member, found in wrong
        if found is not None and found[1].documented in fine
    ]
    if not paired:
        return False
    tail = endpoint.path.rsplit("/", 1)[-1]
    for other in catalogue.load().endpoints:
        if other.method != endpoint.method or other.path == endpoint.path or not other.response:
            continue
        if other.path.rsplit("/", 1)[-1] != tail:
            continue  # (a sibling: image's and video's infobymodelid, not any answer alike)
        if any(_judged(ctx, r, other, seen.data_holds, other, m) is None for r, m in paired):
            return True
    return False


def _read_to_judge(
    ctx: FileContext,
    seen: _AnswerReading,
    m: Mention,
    read: answers.Read,
    endpoint: DocEndpoint,
    modeled: set[tuple[str, str]],
) -> answers.Read | None:
    """A read of a call's answer as it is judged (its place settled: whose `.data` it reads), or
    None when it is not judged (a write, a Go struct's field, a model's member, a renamed one)."""
    if read.name in seen.written or answers.written(ctx.lines, read):
        seen.written.add(read.name)  # (`j.data.status = j.data.video_status`: a write)
        return None
    via_axios = (seen.axios and not _fetched(ctx, m)) or m.site.returned == "axios"
    via_axios = via_axios and not _unwrapping_client(ctx, seen.facts, m)
    if read.on_response and not via_axios and seen.bundled:
        return None  # (`i.Z.post(u).then((a) => a.data.x)`: whose `.data`: see _bundled)
    if read.on_response and not via_axios:
        read = replace(read, place="data")  # no axios here: x.data.y is the answer's
    if read.listed and read.place == "data?" and seen.deeper:
        return None  # (a variable named data bound to a list inside the answer's data too)
    if read.listed and read.place in ("whole", "data?") and not via_axios:
        read = replace(read, place="data")  # (a helper's `{ data }`: its data, perhaps)
    if seen.go and not read.tag and read.name[:1].isupper():
        return None  # a Go struct's field (out.Data.ID): its tag is the answer's name
    if modeled and not read.tag and (read.place, read.name) in modeled:
        return None  # (a typed model's member, read through it: judged at the member)
    line = ctx.lines[read.line] if read.line < len(ctx.lines) else ""  # (an added model's)
    return None if _renamed_read(line, read, endpoint, seen.renaming) else read


# The client a call is made on, right before the URL it is given: `akool.post("/content/...`,
# `this.http.get<Answer>(`/...`.
CALL_CLIENT = rx.compile(
    r"(?P<client>[A-Za-z_$][\w$]*)\s*\.\s*(?:get|post|put|patch|delete|request|head)\s*"
    r"(?:<[^<>()]*>\s*)?\(\s*[\"'`]?$"
)


def _unwrapping_client(ctx: FileContext, facts: ties.Lines, m: Mention) -> bool:
    """Whether a call is made on an axios client whose response interceptor gives the parsed
    answer (`akool.interceptors.response.use((r) => r.data)`, see ties.Lines.unwrapped): its
    result is no axios response, so `res.data._id` is the answer's data._id."""
    if m.site.returned or not facts.unwraps() or m.line >= len(ctx.lines):
        return False
    before = ctx.lines[m.line][: m.column].rstrip()
    if not before.endswith(("(", '"', "'", "`")) and m.line > 0:
        before = ctx.lines[m.line - 1].rstrip()  # (the URL on a line of its own)
    found = CALL_CLIENT.search(before[-200:])
    return found is not None and facts.unwrapped(found.group("client")) == 1


def _judged(
    ctx: FileContext,
    read: answers.Read,
    endpoint: DocEndpoint,
    data_holds: str,
    shared: DocEndpoint,
    member: bool,
) -> tuple[str, Hit] | None:
    """A read judged against its call's endpoint (see _read_hit) and, when the call's URL is
    chosen at run time, against every other endpoint it may reach (see branches.py)."""
    found = _read_hit(read, endpoint, data_holds, shared, member)
    if found is None:
        return _inner_list_read(ctx, read, endpoint, member)
    found = _unindexed(ctx, read, endpoint, found)
    judge = partial(_branch_hit, read, data_holds, member)
    return branches.rejudge(ctx, read, endpoint, found, judge)


# An item taken by its index right after a read (`d["images"][0]`, `data.videos[0]`,
# `images?.[0]`, `.at(-1)`).
INDEXED_AFTER = rx.compile(r"[\"']?\s*\]?\s*(?:\?\.)?(?:\[\s*[^\]\"'\s]+\s*\]|\.at\()")


def _unindexed(
    ctx: FileContext, read: answers.Read, endpoint: DocEndpoint, found: tuple[str, Hit]
) -> tuple[str, Hit]:
    """A rename kept only where the read is not indexed, or the documented field is a list too:
    `d["images"][0]` renamed `d["image"][0]` would take the first letter of the image's URL."""
    fix = found[1].fix
    if (
        fix is None
        or read.line >= len(ctx.lines)
        or any(p.rsplit(".", 1)[-1] == fix.new for p in endpoint.response_arrays)
    ):
        return found
    if INDEXED_AFTER.match(ctx.lines[read.line], read.column + len(read.name)) is None:
        return found
    return found[0], replace(found[1], fix=None)


# A field read past a list under the answer's data, as if the list were one object: `.url` of
# `json.data.result`, `["url"]` of `j["data"]["result"]` (listbyids' data.result is a list).
PAST_LIST = rx.compile(
    r"[\"']?\s*\]?\s*(?:\?\.|\.)\s*(?P<a>[A-Za-z_]\w*)\b(?!\s*\()"
    r"|[\"']\s*\]\s*\[\s*[\"'](?P<b>[A-Za-z_]\w*)[\"']\s*\]"
)
# (a list's own members in the languages that read one without parentheses: JavaScript's
# `.length`, C#'s `.Count`, Kotlin's `.size`/`.indices`, Swift's `.isEmpty`, Ruby's `.first`)
LIST_OWN_MEMBERS = (
    frozenset({"length", "Length", "Count", "count", "size", "indices", "lastIndex", "isEmpty"})
    | answers.RUBY_METHODS
    | answers.RUBY_PREDICATES
)


def _inner_list_read(
    ctx: FileContext, read: answers.Read, endpoint: DocEndpoint, member: bool
) -> tuple[str, Hit] | None:
    """A documented read of a list under the answer's data followed by a field read on the
    list itself (see PAST_LIST): a list-answer warning naming the items' field."""
    place = f"data.{read.name}"
    if member or read.place != "data" or place not in endpoint.response_arrays:
        return None
    line = ctx.lines[read.line] if read.line < len(ctx.lines) else ""
    m = PAST_LIST.match(line, read.column + len(read.name))
    name = (m.group("a") or m.group("b")) if m is not None else None
    if m is None or name is None or name in LIST_OWN_MEMBERS:
        return None
    inner = replace(read, name=name, column=m.start("a" if m.group("a") else "b"))
    return "list-answer", _inner_list_hit(inner, endpoint, place)


def _branch_hit(
    read: answers.Read, data_holds: str, member: bool, endpoint: DocEndpoint
) -> tuple[str, Hit] | None:
    """A read judged against another endpoint its call may reach (see branches.py)."""
    return _read_hit(read, endpoint, data_holds, endpoint, member)


# Options that give a request's caller something of the answer's own making: axios'
# `transformResponse`, ky's `hooks: { afterResponse }`, ofetch's `onResponse`/`parseResponse`,
# got's `resolveBodyOnly` (the body for the response), a client's `responseInterceptor`, VueUse's
# `afterFetch`.
RESHAPES = rx.compile(
    r"(?<![\w$])(?:transformResponse|afterResponse|onResponse|parseResponse|resolveBodyOnly"
    r"|responseInterceptor|afterFetch)\s*[:=(]"
)
RESHAPE_WORDS = (
    *("transformResponse", "afterResponse", "onResponse", "parseResponse"),
    *("resolveBodyOnly", "responseInterceptor", "afterFetch"),
)


def _composed(ctx: FileContext, calls: list[tuple[Mention, DocEndpoint]]) -> list[Mention]:
    """The calls a function returns through a data-fetching hook (a Nuxt composable's `return
    useFetch(url, ...)`, `return useAsyncData(key, () => $fetch(url), { transform })`): what its
    callers get are the hook's refs, shaped by options not in view there (see hooks.py): not
    judged."""
    found = []
    returning: dict[int, bool] = {}  # (per line: a one-line file's thousands of calls share it)
    for m, _ in calls:
        if m.site.returned or m.line >= len(ctx.lines):
            continue
        if m.line not in returning:
            returning[m.line] = "return" in ctx.lines[m.line]
        if not returning[m.line]:
            continue
        returned = ties.returned_expression(ctx.lines[m.line])
        if returned and hooks.hook_name(returned.strip()):
            found.append(m)
    return found


def _reshaped(ctx: FileContext, calls: list[Mention]) -> list[Mention]:
    """The calls whose answer an option reshapes before the code reads it: given in the call's
    own arguments, that call; anywhere else in the file (a client's defaults, `axios.create({
    transformResponse })`, a URL held in a name), every call of the file, as which calls it
    reaches is not known. What such a call's answer gives is not judged."""
    text = ctx.doc().text
    if not any(word in text for word in RESHAPE_WORDS):
        return []
    doc = ctx.doc()
    spans = {id(m): doc.paren_around(doc.offset(m.line, m.column)) or (0, 0) for m in calls}
    found: list[Mention] = []
    for option in RESHAPES.finditer(text):
        own = [m for m in calls if spans[id(m)][0] < option.start() < spans[id(m)][1]]
        if not own:
            return calls
        found += own
    return found


def _narrowed(shared: DocEndpoint, products: frozenset[str]) -> tuple[DocEndpoint, DocEndpoint]:
    """An endpoint several products' pages document the answer of (image/infobymodelid), as the
    script's products answer it, and as every product does that still makes jobs: a product whose
    every endpoint is deprecated (background change) makes none, so a field only its page shows
    (`data.error_reasons`) is no other product's, unless the script calls it."""
    endpoint = replace(shared, response=shared.answer_for(products))
    gone = {p for p, _ in shared.answers_by_product if p not in products and _retired_product(p)}
    if not gone:
        return endpoint, shared
    kept = tuple((p, fields) for p, fields in shared.answers_by_product if p not in gone)
    live = {name for _, fields in kept for name in fields}
    claimed = {name for _, fields in shared.answers_by_product for name in fields}
    response = tuple(n for n in shared.response if n in live or n not in claimed)
    return endpoint, replace(shared, response=response, answers_by_product=kept)


@lru_cache(maxsize=64)
def _retired_product(product: str) -> bool:
    """Whether every endpoint of a product is documented as deprecated (background change)."""
    own = [e for e in catalogue.load().endpoints if e.product == product]
    return bool(own) and all(e.deprecated for e in own)


def _renamed_read(
    line: str, read: answers.Read, endpoint: DocEndpoint, renaming: tuple[bool, bool]
) -> bool:
    """Whether a read may name a field the code renamed (see _find_answer_hits): a member read
    (not a quoted key) in a file whose models map JSON names, or, in a file that converts keys to
    camelCase, a read that is a documented field of the answer in other letters."""
    models, cased = renaming
    quoted = 0 < read.column <= len(line) and line[read.column - 1] in "\"'"
    if models and not quoted and not read.tag:
        return True
    if not cased or read.name == read.name.lower():
        return False
    squashed = _squash(read.name)
    return any(
        _squash(part) == squashed
        for path in endpoint.response
        for part in path.replace("[]", "").split(".")
    )


class LineReads:
    """The answer reads of each line, in column order and by the name they start from (worked
    out once per line: a minified line holds thousands of calls and reads)."""

    def __init__(self, ctx: FileContext) -> None:
        self.ctx = ctx
        self._by_root: dict[int, dict[str | None, list[answers.Read]]] = {}
        self._columns: dict[int, list[int]] = {}
        self._patterns: dict[int, list[answers.Read]] = {}
        self._indexed: dict[int, list[tuple[str, int, str]]] = {}

    def of(self, i: int) -> list[answers.Read]:
        found = self.ctx.reads.get(i)
        if found is None:
            line = self.ctx.lines[i]
            if not answers.may_read(line) or self.ctx.in_prose(i, 0):
                found = []  # (most lines: none of the words a read needs)
            else:
                ruby = answers.is_ruby(self.ctx.name, self.ctx.lines[0])
                found = sorted(answers.reads(i, line, ruby), key=attrgetter("column"))
            self.ctx.reads[i] = found
        return found

    def between(self, i: int, start: int, end: int) -> list[answers.Read]:
        """The reads of line i from column start up to (not including) column end."""
        found = self.of(i)
        columns = self._columns.get(i)
        if columns is None:  # (once per line: a minified line has thousands of calls)
            columns = self._columns[i] = [r.column for r in found]
        return found[bisect.bisect_left(columns, start) : bisect.bisect_left(columns, end)]

    def patterns(self, i: int) -> list[answers.Read]:
        """The keys of a destructuring the line is (read before the call it destructures)."""
        if i not in self._patterns:
            self._patterns[i] = [r for r in self.of(i) if r.pattern]
        return self._patterns[i]

    def members(self, i: int, name: str, known: set[int]) -> list[answers.Read]:
        """The top-level fields read from a name that holds a parsed answer (`body["success"]`,
        `result.message`), those the line's other reads have not found."""
        line = self.ctx.lines[i]
        if not _member_after(line, name) or self.ctx.in_prose(i, 0):
            return []
        return [r for r in answers.members(i, line, name) if r.column not in known]

    def listed(self, i: int, name: str, scope: ties.Scope) -> list[answers.Read]:
        """A name that holds the answer's data (`d = body["data"]`, `const { data } = await
        akoolGet(...)`) or the parsed answer, used as a list on line i."""
        line = self.ctx.lines[i]
        if name in scope.fields:
            place = "data"
        elif name in scope.bodies:
            place = "top"
        elif name == "data":
            place = "data?"  # (what a variable named data holds: see answers.data_variable)
        else:
            return []
        if name not in line or self.ctx.in_prose(i, 0):
            return []
        return answers.listed_name(i, line, name, place)

    def indexed(self, i: int, scope: ties.Scope) -> Iterator[answers.Read]:
        """The fields read on one item of a list of the answer (`avatars[0]["thumbnail"]`,
        `body["data"]["result"][0]["lang"]`), each at the list's place ("item:data.result")."""
        if self.ctx.in_prose(i, 0):
            return
        found = self._indexed.get(i)
        if found is None:  # (once per line: each call whose answer a line may read asks)
            found = self._indexed[i] = list(answers.indexed(self.ctx.lines[i]))
        for expr, column, name in found:
            place = ties.path_of(expr, scope)
            if place:
                yield answers.Read(i, column, name, f"item:{place}")

    def rooted(self, i: int, root: str | None) -> list[answers.Read]:
        if i not in self._by_root:
            index: dict[str | None, list[answers.Read]] = {}
            for read in self.of(i):
                index.setdefault(read.root, []).append(read)
            self._by_root[i] = index
        return self._by_root[i].get(root, [])


def _member_after(line: str, name: str) -> bool:
    """Whether the name is written on the line with what answers.members reads after it: `.`,
    `?.`, `!.`, `->`, `[`, or a TypeScript cast (` as T).x`). answers.members compiles a pattern
    per name: a file binding a name per call (`r<n> = requests.post(...).json()`) compiled one
    for each, where most lines only bind the name."""
    at = line.find(name)
    while at >= 0:
        j = at + len(name)
        while j < len(line) and line[j].isspace():
            j += 1
        if line[j : j + 1] in MEMBER_STARTS or line.startswith("as", j):
            return True
        at = line.find(name, at + 1)
    return False


MEMBER_STARTS = frozenset("?!.-[")  # (answers.DOT's and a subscript's first characters)


# What walks a call as a list: `for v in client.list_languages():`, `[... for v in f() if ...]`,
# `for (const v of await getVoices())`, `len(f())`, then the call and what closes the walk.
ITERATES_BEFORE = rx.compile(
    r"(?:\bfor\s+\w+(?:\s*,\s*\w+)?\s+in\s+|\bfor\s*\(\s*(?:const|let|var)\s+[\w$]+\s+of\s+"
    r"(?:await\s+)?|\blen\(\s*)(?:(?:self|this|[\w$]+)\s*\.\s*)*$"
)
ITERATES_AFTER = rx.compile(r"\s*(?::|\)|\]|\bif\b)")


def _iterated(line: str, m: Mention) -> bool:
    """Whether the call of a function returning the answer's data is walked as a list right
    where it is made (see ITERATES_BEFORE)."""
    opened = line.find("(", m.column)
    if opened < 0 or not ITERATES_BEFORE.search(line[: m.column]):
        return False
    depth = 0
    for j in range(opened, len(line)):
        depth += (line[j] == "(") - (line[j] == ")")
        if depth == 0:
            return ITERATES_AFTER.match(line, j + 1) is not None
    return False


def _chained_reads(
    reads: LineReads, i: int, scope: ties.Scope, first: int, stop: int
) -> Iterator[answers.Read]:
    """On the call's own statement, what a callback chained to it reads of the answer's data it
    is given (`getVoices().then((voices) => voices.map(...))`, getVoices returning `body.data`):
    the data used as a list, or a field of it."""
    for name in scope.chained & scope.fields if scope.chained else ():
        for read in reads.listed(i, name, scope):
            if first <= read.column < stop:
                yield read
        for read in reads.members(i, name, set()):
            if first <= read.column < stop:
                yield replace(read, place="data")


Span = tuple[int, int]


def _call_gives(ctx: FileContext, m: Mention, facts: ties.Lines, spans: list[Span]) -> str:
    """What the call gives of its answer (see _call_arguments), its arguments' span worked out
    only when a wrapper's base asks for it."""
    if m.site.returned:
        return m.site.returned
    if m.site.base is None or not m.site.base.gives:
        return ""
    return m.site.base.gives if _span(ctx, m, facts, spans) != (0, 0) else ""


def _span(ctx: FileContext, m: Mention, facts: ties.Lines, spans: list[Span]) -> Span:
    """The span of the call's own arguments (_call_arguments), worked out once per walk and only
    when asked: most calls' own statement holds no read to place inside or outside it."""
    if not spans:
        spans.append(_call_arguments(ctx, m, facts)[0])
    return spans[0]


def _call_arguments(ctx: FileContext, m: Mention, facts: ties.Lines) -> tuple[tuple[int, int], str]:
    """The span of the call's own arguments (`request("/x", { id: photo.data._id })` reads another
    answer there), and what the call gives of its answer (see ties.scopes' `gives`)."""
    doc = ctx.doc()
    at = doc.offset(m.line, m.column)
    if m.site.returned:  # (the call of a function that returns the answer: its own parentheses)
        opened = ctx.lines[m.line].find("(", m.column)
        at = doc.offset(m.line, opened + 1) if opened >= 0 else at
    arguments = doc.paren_around(at) or (0, 0)
    if facts.shell or not f.opens_call(doc.text, arguments[0]):
        arguments = (0, 0)  # `$(curl ... | jq .x)`: the substitution holds the read
    # (a path given to a wrapper: what the wrapper returns of the answer; not where the path is
    # only written down, `ENDPOINTS = { talk: "/..." }`)
    wrapper = m.site.base.gives if m.site.base is not None and arguments != (0, 0) else ""
    return arguments, m.site.returned or wrapper


def _reads_of(
    ctx: FileContext,
    m: Mention,
    places: list[tuple[int, int]],
    facts: ties.Lines,
    reads: LineReads,
) -> list[answers.Read]:
    """The answer reads tied to a call (see _call_reads), worked out once per file for the
    rules that ask: the answer rules and the status rule (tied_reads) walk the same calls."""
    done: dict[int, list[answers.Read]] = ctx.__dict__.setdefault("_reads_of", {})
    found = done.get(id(m))  # (a mention lives as long as its file's context)
    if found is None:
        found = done[id(m)] = list(_call_reads(ctx, m, places, facts, reads))
    return found


def _call_reads(
    ctx: FileContext,
    m: Mention,
    places: list[tuple[int, int]],
    facts: ties.Lines,
    reads: LineReads,
) -> Iterator[answers.Read]:
    k = bisect.bisect_right(places, (m.line, m.column))
    after = places[k] if k < len(places) else (len(ctx.lines), 0)
    end = facts.statement_end(m.line)
    home = facts.function_of(m.line)
    doc = ctx.doc()
    spans: list[Span] = []  # (the call's arguments' span, once asked: see _span)
    gives = _call_gives(ctx, m, facts, spans)
    typed: set[str] = set()  # (Go: the struct an answer is decoded into, read once)
    loose = min(after[0], m.line + 40)  # (the last line a read from no name may be the call's)

    def idle(i: int) -> bool:  # nothing to read on line i but what starts from the scope's names
        return i > loose or not reads.of(i)  # (a read's root is written on its line)

    if m.site.returned == "field" and _iterated(ctx.lines[m.line], m):
        yield answers.Read(m.line, m.column, "data", "data", None, listed=True)
    chained = returns.chained_read(ctx.lines[m.line], m) if m.site.returned else None
    if chained is not None and chained.column not in {r.column for r in reads.of(m.line)}:
        yield chained  # (`image_info(iid)["status"]`: see returns.chained_read)
    parsed: set[str] = ctx.__dict__.setdefault("_parsed_of", {}).setdefault(id(m), set())
    for i, scope in ties.scopes(facts, m.line, m.column, gives, idle, idle_after=loose):
        if scope.bodies:  # (the names holding its parsed answer: see parsed_answer_names)
            parsed.update(scope.bodies)
        if i > after[0] and i > end and not scope:
            return
        for name in scope.decoded - typed if scope.decoded else ():
            typed.add(name)
            place = "data" if name in scope.decoded_data else "top"
            yield from answers.go_struct_reads(doc, name, doc.offset(i, 0), place)
        yield from decoded_reads(doc, ctx.lines, i, (m.line, end), scope, typed)
        if facts.shell and facts.function_of(i) != home:
            continue  # another shell function's lines: its names are its own
        first = m.column if i == m.line else 0
        stop = after[1] if i == after[0] else sys.maxsize
        # the call's own statement: requests.post(...).json()["data"], up to the next place
        if i <= end:
            if i == m.line:  # const { data: { data: x } } = await axios.get(...): its keys
                yield from (r for r in reads.patterns(i) if r.column < first)
            # (a read inside the URL's own string, `"$base/x/$($r.data._id)"`, is another's)
            found = reads.between(i, first, stop)
            url = _string_around(ctx.lines[i], m.column) if i == m.line and found else (0, 0)
            for read in found:
                if url[0] < read.column < url[1]:
                    continue
                arguments = _span(ctx, m, facts, spans)
                if not arguments[0] < doc.offset(i, read.column) < arguments[1]:
                    yield read
            for name in scope.callbacks:  # $.post(url, data, (r) => r.data.x): its own callback's
                yield from (r for r in _body_reads(reads, i, name) if first <= r.column < stop)
            yield from _chained_reads(reads, i, scope, first, stop)
            if scope.bodies:  # (see _own_members)
                yield from _own_members(reads, i, scope, (first, stop), _span(ctx, m, facts, spans))
            continue
        yield from _later_reads(ctx, reads, i, scope, loose, stop)


def _own_members(
    reads: LineReads, i: int, scope: ties.Scope, span: tuple[int, int], arguments: tuple[int, int]
) -> Iterator[answers.Read]:
    """On the call's own statement, the members read of a name bound there to its parsed answer
    (`fetch(u).then((r) => r.json()).then((ans) => ans.message)` on one line), outside the call's
    own arguments (another answer's read there is that one's)."""
    if not scope.bodies or len(reads.ctx.lines[i]) > ties.STATEMENT_CHARS:
        return  # (a minified line: each of its calls would search it all again)
    known = {r.column for r in reads.of(i)}
    doc = reads.ctx.doc()
    for name in sorted(scope.bodies):
        for read in reads.members(i, name, known):
            inside = arguments[0] < doc.offset(i, read.column) < arguments[1]
            if span[0] <= read.column < span[1] and not inside:
                yield read


def _later_reads(
    ctx: FileContext, reads: LineReads, i: int, scope: ties.Scope, loose: int, stop: int
) -> Iterator[answers.Read]:
    """What line i, after the call's own statement, reads of its answer: from the names the
    scope holds it in (whole, its data, an item of a list, wrapped), or from no name (`loose`:
    the last line where such a read may be the call's)."""
    listing = "data" in ctx.lines[i] and "data" in scope.all()  # (const { data } = ...)
    held = scope.held.items or scope.held.lists
    gets = ".Get(" in ctx.lines[i] and ctx.name.endswith(".go")  # (gjson: `res.Get("message")`)
    if not (
        reads.of(i) or scope.bodies or scope.fields or held or listing or scope.wrapped or gets
    ):
        return  # (no read on the line, and no name whose members are read)
    if i <= loose:  # a read from no name: the call before it
        yield from (replace(r, loose=True) for r in reads.rooted(i, None) if r.column < stop)
    for name, place in scope.held.items.items():  # for (const v of voices): v.x
        yield from (replace(r, place=f"item:{place}") for r in reads.members(i, name, set()))
    items = list(reads.indexed(i, scope))  # avatars[0]["thumbnail"], in one fallback chain
    yield from answers.rechain(ctx.lines[i], items) if len(items) > 1 else items
    for name in scope.local | scope.lasting:
        yield from reads.listed(i, name, scope)
        if name in scope.fields:  # v = body["data"]: v.x is the answer's data.x
            found = reads.rooted(i, name)
            found += _returned_chains(reads, i, name, scope, "data")
            known = {r.column for r in found}
            given = [replace(r, place="data") if r.place == "data?" else r for r in found]
            given += [replace(r, place="data") for r in reads.members(i, name, known)]
            yield from answers.rechain(ctx.lines[i], given) if len(given) > 1 else given
            continue
        if name in scope.wrapped:  # (`{ statusCode, data: JSON.parse(body) }`: axios' way)
            yield from _wrapped_reads(reads, i, name, scope.wrapped[name])
            continue
        if name not in scope.bodies:
            yield from _response_reads(reads, i, name)
            continue
        yield from _body_reads(reads, i, name)
        yield from _returned_chains(reads, i, name, scope, "top")


def _returned_chains(
    reads: LineReads, i: int, name: str, scope: ties.Scope, place: str
) -> list[answers.Read]:
    """The reads right on calls of the file's own function that returns the answer's data
    (`image_info(iid)["status"]`: place "data") or the parsed answer ("top"), those the line's
    other reads have not found."""
    if name not in scope.returned:
        return []
    known = {r.column for r in reads.of(i)}
    found = returns.chained_reads(i, reads.ctx.lines[i], name, place)
    return [r for r in found if r.column not in known]


def _response_reads(reads: LineReads, i: int, name: str) -> Iterator[answers.Read]:
    """What line i reads from a name that holds a response (or what the code took for one),
    in the fallback chains its members make with them: `d.faces_obj || d.data?.faces_obj`,
    where `d.faces_obj` is the documented read, is a defensive chain (heldout21i: a false
    error on its second member). Its members are no reads of their own."""
    found = reads.rooted(i, name)
    if reads.ctx.name.endswith(".go"):  # (a Go response has no Get: a gjson.Result's read)
        found += answers.go_path_members(i, reads.ctx.lines[i], name, dotted=False)
    if not found or not any(r.on_response for r in found):
        yield from found
        return
    members = reads.members(i, name, {r.column for r in found})
    if not members:
        yield from found
        return
    chained = answers.rechain(reads.ctx.lines[i], [*found, *members])
    own = {r.column for r in found}
    yield from (r for r in chained if r.column in own)


@lru_cache(maxsize=256)
def _held_key(name: str, key: str) -> re.Pattern[str]:
    """`name.key` or `name["key"]`: a name holding an object whose `key` is the parsed answer."""
    return re.compile(
        r"(?<![\w$.])" + re.escape(name) + r"(?:[?!]?\." + re.escape(key) + r"(?![\w$])"
        r"|\[\s*[\"']" + re.escape(key) + r"[\"']\s*\])"
    )


def _wrapped_reads(reads: LineReads, i: int, name: str, key: str) -> Iterator[answers.Read]:
    """What line i reads from a name holding an object whose `key` is the parsed answer (see
    ties.Lines.gives_wrapped): under `data`, axios' way (`response.data.code` is the answer's
    code); under another key (`sw.d.data._id`), as from a name holding the answer, `sw.d` read
    in place of a body's name of the same length."""
    if key == "data":
        found = reads.rooted(i, name)
        yield from (r if r.listed else replace(r, on_response=False) for r in found)
        return
    line = reads.ctx.lines[i]
    spans = [m.span() for m in _held_key(name, key).finditer(line)] if name in line else []
    if not spans or any(b - a < len("json") for a, b in spans):
        return
    # (a name that holds a body, x.json, as long as each span: `sw.d` and `sw["d"]` differ)
    aliases = sorted({"j" * (b - a - 4) + "json" for a, b in spans})
    text = (
        "".join(
            line[(spans[k - 1][1] if k else 0) : a] + "j" * (b - a - 4) + "json"
            for k, (a, b) in enumerate(spans)
        )
        + line[spans[-1][1] :]
    )
    found = [r for r in answers.reads(i, text) if r.root is not None and r.root.endswith("json")]
    known = {r.column for r in found}
    given = [
        replace(r, place="data", root=name) if r.on_response else replace(r, root=name)
        for r in found
    ]
    for alias in aliases:
        members = answers.members(i, text, alias)
        given += [replace(r, root=name) for r in members if r.column not in known]
        known |= {r.column for r in members}
    yield from answers.rechain(line, given) if len(given) > 1 else given


def _body_reads(reads: LineReads, i: int, name: str) -> Iterator[answers.Read]:
    """What line i reads from a name that holds the parsed answer."""
    found = reads.rooted(i, name)
    given = []
    for read in found:  # r.data.X on a parsed answer: its data's X
        if read.on_response:
            given.append(replace(read, place="data"))
        else:  # (a variable named data that holds the whole answer: data.data.x)
            place = {"data?": "top", "data!": "data"}.get(read.place, read.place)
            given.append(replace(read, place=place))
    given += reads.members(i, name, {r.column for r in found})
    # (one fallback chain of both: `d.faces_obj || d.data?.faces_obj`)
    yield from answers.rechain(reads.ctx.lines[i], given) if len(given) > 1 else given


def _string_around(line: str, column: int) -> tuple[int, int]:
    """The columns of the quotes of the string a place on a line is in, (0, 0) when not seen."""
    if len(line) > ties.STATEMENT_CHARS:
        return _string_around_long(line, column)
    starts = [(line.rfind(q, 0, column + 1), q) for q in "\"'`"]
    start, quote = max(starts)
    if start < 0 or line.count(quote, 0, start) % 2:
        return 0, 0  # (no quote before it, or the one before closes a string)
    end = line.find(quote, max(column, start + 1))
    return (start, end) if end > 0 else (0, 0)


def _string_around_long(line: str, column: int) -> tuple[int, int]:
    """_string_around on a long (minified) line, its quotes found once per line: counting them
    again from the line's start for each call was quadratic (perf22)."""
    places = _quote_places(line)
    starts = [
        (found[k - 1] if k else -1, k - 1, q)
        for q, found in places.items()
        for k in [bisect.bisect_right(found, column)]
    ]
    start, before, quote = max(starts)
    if start < 0 or before % 2:
        return 0, 0  # (no quote before it, or the one before closes a string)
    found = places[quote]
    k = bisect.bisect_left(found, max(column, start + 1))
    return (start, found[k]) if k < len(found) and found[k] > 0 else (0, 0)


@lru_cache(maxsize=8)
def _quote_places(line: str) -> dict[str, list[int]]:
    """Where each quote character is on a line, in order."""
    return {q: [m.start() for m in re.finditer(re.escape(q), line)] for q in "\"'`"}


# -- methods ------------------------------------------------------------------------------------------


def check_methods(ctx: FileContext) -> Iterator[Hit]:
    """A call whose code says its HTTP method (requests.post, -X POST, method: "POST", ...) to
    a documented path the docs give another method, the path written in the call or held in a
    name the call passes (each such call judged); no finding when the code does not say."""
    followed: set[int] = set()  # URL assignments whose uses were judged
    for m in ctx.mentions:
        endpoint = m.endpoint
        if m.verdict != "documented" or endpoint is None:
            continue
        doc = ctx.doc()
        offset = doc.offset(m.line, m.column)
        said = [(offset, methods.sent_method(doc, offset))]
        wrapper = m.site.base.method if m.site.base is not None else ""
        if said[0][1] is None and wrapper:  # a call through the script's own wrapper function
            said = [(offset, methods.through_wrapper(doc, offset, wrapper))]
        held = f.url_uses(doc, offset) if said[0][1] is None and _held(doc, offset) else None
        if held is not None and held[0] not in followed:
            followed.add(held[0])
            said = [(use, methods.sent_method(doc, use)) for use in held[1]]
        for at, evidence in said:
            if evidence is not None and evidence.method != endpoint.method:
                yield _method_hit(doc, at, evidence, endpoint)


def _held(doc: f.Text, offset: int) -> bool:
    """Whether a path is written apart from any call (a URL assigned to a name)."""
    return (
        not doc.is_command(doc.line_of(offset))
        and f.enclosing_call(doc, offset) is None
        and f.request_object(doc, offset) is None
    )


def _method_hit(doc: f.Text, at: int, said: methods.Evidence, endpoint: DocEndpoint) -> Hit:
    documented = f"{endpoint.method} {endpoint.path}"
    message = (
        f"this call sends a {said.method} to {endpoint.path}, which AKOOL documents as a "
        f"{endpoint.method} ({endpoint.url})"
    )
    fix = _method_fix(doc, said, endpoint)
    return Hit(doc.line_of(at), doc.column(at), said.method, documented, message, endpoint.url, fix)


def _method_fix(doc: f.Text, said: methods.Evidence, endpoint: DocEndpoint) -> Fix | None:
    """A method written as a literal ("POST", -X PUT) becomes the documented one, in the same
    letter case, when both send their fields as a body (not a GET, whose fields are a query, nor
    an endpoint whose fields the docs put in the query: knowledge/delete's id)."""
    if not said.literal or "GET" in (said.method, endpoint.method) or endpoint.query:
        return None
    new = endpoint.method
    if said.text.islower():
        new = new.lower()
    elif not said.text.isupper():
        new = new.capitalize()
    line, column = doc.line_of(said.offset), doc.column(said.offset)
    return Fix(line, column, column + len(said.text), said.text, new)


# -- headers ------------------------------------------------------------------------------------------


def check_both_auth_headers(ctx: FileContext) -> Iterator[Hit]:
    # (BEARER_HEADER names the header, in any case: a file that never does is not searched
    # line by line for it, 7,000 searches in bench's file)
    named = AUTHORIZATION_WORD.search(ctx.doc().text) is not None
    for i, line in enumerate(ctx.lines):
        bearer = (BEARER_HEADER.search(line) if named else None) or authheaders.bearer_set(line)
        if (
            not bearer
            or ctx.in_prose(i, bearer.start())
            or DESCRIBED.search(line, 0, bearer.start())
        ):
            continue
        to_akool = _to_akool(ctx, i, bearer.start())
        if to_akool is False or (to_akool is None and not ctx.near_call(i)):
            continue
        apart = authheaders.assigned_apart(ctx.lines, i, bearer)  # (`req["Authorization"] = `)
        request = apart if apart is not None else _one_request(ctx, i, bearer.start())
        if API_KEY_HEADER.search(request):
            documented = f"one of {contract.API_KEY_HEADER} or Authorization"
            message = (
                "both x-api-key and Authorization are set; AKOOL uses Authorization and "
                f"ignores the key ({AUTH_PAGE})"
            )
            yield Hit(i, bearer.start(), contract.BEARER_HEADER, documented, message, AUTH_PAGE)


AUTHORIZATION_WORD = rx.compile(re.escape(contract.BEARER_HEADER), re.IGNORECASE)
# A header named in a description's prose (a Postman collection's or an OpenAPI document's
# `"description": "... Authorization: Bearer ..."`), not set.
DESCRIBED = rx.compile(
    r"[\"']?\bdescription[\"']?\s*:\s*\"[^\"\\]*(?:\\.[^\"\\]*)*$", re.IGNORECASE
)
# The name a URL argument starts from: `GW`, `f"{GW}/x"`, `${GW}/x`, `GW + "/x"`, `self.gw`.
URL_NAME = rx.compile(
    r"\(\s*(?:[fF]?[\"'`](?:\$?\{)\s*)?(?:(?:self|this)\s*\.\s*)?(?P<name>[A-Za-z_]\w*)"
    r"(?=\s*[,)+}])"
)
URL_LITERAL = rx.compile(r"\(\s*[fFrR$@]?[\"'`](?P<url>https?://[^\"'`\s]+)")


def _to_akool(ctx: FileContext, line: int, column: int) -> bool | None:
    """Whether the request whose headers are set at a place goes to AKOOL: True when the call
    holding them names an AKOOL path or a URL on an AKOOL host (written in it, or in the name its
    URL starts from), False when its URL is on another host (an API gateway's, another
    vendor's), None when the code does not say (headers held in a name, a URL given as a
    parameter)."""
    doc = ctx.doc()
    offset = doc.offset(line, column)
    call = f.enclosing_call(doc, offset)
    if call is None:
        return None
    start, end = call
    if any(start <= doc.offset(m.line, m.column) < end for m in ctx.mentions):
        return True
    at = start if doc.text[start : start + 1] == "(" else start - 1
    opened = doc.text[at : at + 400] if doc.text[at : at + 1] == "(" else ""
    written = URL_LITERAL.match(opened)
    if written is not None:
        return _akool_url(written["url"])
    named = URL_NAME.match(opened)
    held = _held_url(doc.text, named["name"]) if named is not None else None
    return _akool_url(held) if held is not None else None


def _held_url(text: str, name: str) -> str | None:
    """The URL literal a name is bound to in the file (`GW = "https://..."`, `const GW = ...`,
    `static final String GW = ...`), if it is bound to one."""
    bound = re.search(
        r"(?<![\w.$])" + re.escape(name) + r"\s*(?::\s*[\w\[\]]+\s*)?:?=\s*[fFrR$@]?[\"'`]"
        r"(?P<url>https?://[^\"'`\s]+)",
        text,
    )
    return bound["url"] if bound is not None else None


def _akool_url(url: str) -> bool | None:
    """Whether a URL is on an AKOOL host (None: its host is filled at run time)."""
    host = url.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0]
    if not host or "{" in host or "$" in host or "%" in host:
        return None
    return bool(AKOOL_HOST_IN_URL.search(host))


def _one_request(ctx: FileContext, line: int, column: int) -> str:
    """The text that sets one request's headers around a place: the object literal holding it
    (a headers dict), else its statement (a builder chain up to `;`, a shell command with its
    continuation lines). Headers set in two branches of an if are two requests."""
    doc = ctx.doc()
    offset = doc.offset(line, column)
    index = doc.innermost(offset)
    if index >= 0:
        c = doc.containers[index]
        return doc.text[c.start : c.end]
    first, last = _statement_lines(ctx, line)
    return "\n".join(ctx.lines[first : last + 1])


def _statement_lines(ctx: FileContext, line: int) -> tuple[int, int]:
    """The first and last lines of the statement around a line (a shell command with its
    continuation lines, a builder chain up to `;`)."""
    first, last = line, line
    shell = ctx.language == "shell" or ctx.doc().is_command(line)
    while (
        first > 0 and first > line - SAME_REQUEST_LINES and _continues(ctx.lines[first - 1], shell)
    ):
        first -= 1
    while (
        last + 1 < len(ctx.lines)
        and last < line + SAME_REQUEST_LINES
        and _continues(ctx.lines[last], shell)
    ):
        last += 1
    return first, last


def _continues(line: str, shell: bool) -> bool:
    """Whether a statement goes on after this line: no `;`, `{` or `}` at its end, not blank;
    a shell command only when the line ends in `\\` or a pipe or `&&`/`||` (breakit33: a curl
    setting both headers made the next line's curl, a command of its own, get the warning)."""
    text = line.rstrip()
    if shell:
        return text.endswith(("\\", "|", "&&"))
    return bool(text) and not text.endswith((";", "{", "}"))


def check_wrong_auth_header(ctx: FileContext) -> Iterator[Hit]:
    """A request to AKOOL whose credential header AKOOL does not read: the key under another
    header's name (`api-key`, `x-akool-key`), or an Authorization value that certainly lacks the
    Bearer scheme (`Token ...`, a bare key)."""
    text = ctx.doc().text
    wrong = authschemes.WRONG_HEADER.search(text) is not None
    named = AUTHORIZATION_WORD.search(text) is not None  # (most files: neither searched by line)
    others: list[bool] = []  # (whether the file calls another host: worked out once, if asked)
    for i, line in enumerate(ctx.lines):
        for m in authschemes.WRONG_HEADER.finditer(line) if wrong else ():
            hit = _wrong_name_hit(ctx, i, m)
            if hit is not None and _goes_to_akool(ctx, i, hit.column, others):
                yield hit
        bearer = (
            (BEARER_HEADER.search(line) or authheaders.BEARER_SET.search(line)) if named else None
        )
        hit = _scheme_hit(ctx, i, bearer) if bearer is not None else None
        if hit is not None and _goes_to_akool(ctx, i, hit.column, others):
            yield hit


AUTH_DOCUMENTED = f"{contract.API_KEY_HEADER}: <key>, or Authorization: Bearer <token>"
AUTH_READ = f"AKOOL reads the API key as `{contract.API_KEY_HEADER}: <key>`, or a token as `Authorization: Bearer <token>`"


def _wrong_name_hit(ctx: FileContext, i: int, m: re.Match[str]) -> Hit | None:
    """The key sent under a header name AKOOL does not read, where the name is certainly a header
    being set and its request sets neither of AKOOL's own (it then reads that one)."""
    group = "header" if m.group("header") else "hashed"
    start, name, line = m.start(group), m.group(group), ctx.lines[i]
    doc = ctx.doc()
    label, outer = _labels(ctx, i, start)
    if (
        ctx.in_prose(i, start)
        or DESCRIBED.search(line, 0, start)
        or authschemes.symbol_dashed(line, start, name)
        or not authschemes.header_context(doc.text, line[:start], label, outer)
        or _sets_documented(ctx, i, start, m)
    ):
        return None
    message = f'the API key is sent in the header "{name}", which AKOOL does not read; {AUTH_READ} ({AUTH_PAGE})'
    fix = Fix(i, start, start + len(name), name, contract.API_KEY_HEADER)
    fix_it = authschemes.key_header_fix(name)
    return Hit(i, start, name, AUTH_DOCUMENTED, message, AUTH_PAGE, fix if fix_it else None)


def _scheme_hit(ctx: FileContext, i: int, m: re.Match[str]) -> Hit | None:
    """An Authorization header whose value certainly lacks the Bearer scheme, on a request that
    does not also send the key as x-api-key (both-auth-headers' case)."""
    group = next((g for g in ("header", "hashed") if m.groupdict().get(g)), None)
    if group is None:  # (a CRLF-joined string's, a typed Bearer value: not read)
        return None
    start, line = m.start(group), ctx.lines[i]
    value = _authorization_value(ctx, i, m, group) or ""
    judged = authschemes.without_bearer(value, ctx.doc().text)
    if (
        judged is None
        or ctx.in_prose(i, start)
        or DESCRIBED.search(line, 0, start)
        or _sets_documented(ctx, i, start, m, key_only=True)
    ):
        return None
    said, bare = judged
    if not bare:
        message = f'Authorization is sent with the scheme "{said}", which AKOOL does not read; {AUTH_READ} ({AUTH_PAGE})'
        return Hit(i, start, value, AUTH_DOCUMENTED, message, AUTH_PAGE)
    message = f"Authorization carries the bare key ({said}) without the Bearer scheme; {AUTH_READ} ({AUTH_PAGE})"
    name = m.group(group)
    fix = Fix(i, start, start + len(name), name, contract.API_KEY_HEADER)
    return Hit(i, start, value, AUTH_DOCUMENTED, message, AUTH_PAGE, fix)


def _authorization_value(ctx: FileContext, i: int, m: re.Match[str], group: str) -> str | None:
    """The value an Authorization header found at m is set to, as written: a string's rest, the
    expression after its key or its setter's comma, a Postman or HAR pair's `"value"`; None
    where the header may be read, not set (`headers.get("Authorization", "")`)."""
    start, line = m.start(group), ctx.lines[i]
    if authschemes.PAIR_KEY.search(line, 0, start):
        outer = _labels(ctx, i, start)[1]
        listed = outer is not None and authschemes.PAIR_LIST.search(outer) is not None
        return authschemes.pair_value(ctx.lines, i, m.end()) if listed else None
    after = line[m.end(group) : m.end()]
    if after.rstrip().endswith(",") and not _set_by_call(line, start):
        return None
    quoted = group == "header" and '"' not in after and "'" not in after
    quote = line[start - 1] if quoted and start > 0 and line[start - 1] in "\"'" else None
    return authschemes.value_after(line, m.end(), quote)


def _pair_list(ctx: FileContext, i: int, start: int) -> str | None:
    """The text of the list that holds the header pair at a place (see authschemes.PAIR_KEY)."""
    doc = ctx.doc()
    index = doc.innermost(doc.offset(i, start))
    parent = doc.containers[index].parent if index >= 0 else -1
    return (
        doc.text[doc.containers[parent].start : doc.containers[parent].end] if parent >= 0 else None
    )


def _labels(ctx: FileContext, i: int, start: int) -> tuple[str | None, str | None]:
    """The labels of the object or array around a place and of the one around that."""
    doc = ctx.doc()
    index = doc.innermost(doc.offset(i, start))
    if index < 0:
        return None, None
    parent = doc.containers[index].parent
    return doc.containers[index].label, doc.containers[parent].label if parent >= 0 else None


def _set_by_call(line: str, start: int) -> bool:
    return authschemes.SETTER_BEFORE.search(line[:start]) is not None


def _sets_documented(
    ctx: FileContext, i: int, start: int, m: re.Match[str], key_only: bool = False
) -> bool:
    """Whether the request whose header is set at a place also sets x-api-key (or, unless
    key_only, Authorization): AKOOL then reads that one."""
    apart = authheaders.assigned_apart(ctx.lines, i, m)
    if apart is None and _set_by_call(ctx.lines[i], start):  # (`addHeader(`: a statement each)
        apart = authheaders.run_around(ctx.lines, i)
    if apart is None and authschemes.PAIR_KEY.search(ctx.lines[i], 0, start):
        apart = _pair_list(ctx, i, start)  # (a Postman pair: the request's list of them)
    request = apart if apart is not None else _one_request(ctx, i, start)
    if API_KEY_HEADER.search(request):
        return True
    return not key_only and AUTHORIZATION_WORD.search(request) is not None


def _goes_to_akool(ctx: FileContext, i: int, column: int, others: list[bool]) -> bool:
    """Whether the request whose header is set at a place goes to AKOOL: its call says so, or it
    does not say and an AKOOL call is near in a file that calls no other host (an API gateway's,
    Supabase's `apikey`)."""
    to_akool = _to_akool(ctx, i, column)
    if to_akool is not None:
        return to_akool
    if ctx.language == "shell" or ctx.doc().is_command(i):
        # (a curl's own AKOOL path, on one of its continuation lines, says where it goes; the
        # media URLs its body names are no other host's call)
        first, last = _statement_lines(ctx, i)
        if any(first <= m.line <= last and m.endpoint is not None for m in ctx.mentions):
            return True
    if not ctx.near_call(i) or _own_path_call(ctx, i, column):
        return False
    if not others:
        others.append(_calls_other_host(ctx.lines))
    return not others[0]


# A call given a literal path that names no AKOOL endpoint (`client.post("/generate", ...)`: a
# test of the script's own server, whose headers are its own).
PATH_CALL = rx.compile(r"\(\s*[fFrR]?[\"'`]/")


def _own_path_call(ctx: FileContext, i: int, column: int) -> bool:
    doc = ctx.doc()
    call = f.enclosing_call(doc, doc.offset(i, column))
    if call is None:
        return False
    at = call[0] if doc.text[call[0] : call[0] + 1] == "(" else call[0] - 1
    return PATH_CALL.match(doc.text, at) is not None


# A line that gives AKOOL a URL of the script's own (a webhook's), or names a schema (a Postman
# collection's), not a URL the script calls.
GIVEN_URL = rx.compile(r"webhook|callback|notify|hook_?url|redirect|schema", re.IGNORECASE)


def _calls_other_host(lines: list[str]) -> bool:
    """Whether a file names a URL on a host outside AKOOL's domain, other than one it gives AKOOL
    to call back."""
    return any(
        "://" in line
        and not GIVEN_URL.search(line)
        and any(not akool_domain(h) for h in URL_HOST.findall(line))
        for line in lines
    )


RULES: tuple[Rule, ...] = (
    Rule(
        "undocumented-path",
        "error",
        "a path AKOOL never documented that scripts often guess (`/auth`, `/photo/talking`, ...), after any prefix",
        check_guessed_paths,
    ),
    Rule(
        "unknown-endpoint",
        "error",
        "an AKOOL path (joined to its base, wherever the base is held) that is not in AKOOL's documentation; names the closest documented one",
        check_unknown_paths,
    ),
    Rule(
        "retired-endpoint",
        "warning",
        "a path AKOOL documented once and no longer does; names the documented replacement",
        check_retired_paths,
    ),
    Rule(
        "deprecated-endpoint",
        "error",
        "an endpoint AKOOL documents as deprecated and no longer available (background change); the docs name no replacement",
        check_deprecated_paths,
    ),
    Rule(
        "wrong-method",
        "error",
        'a call whose code says its HTTP method (`requests.post`, `-X POST`, `method: "POST"`, `http.NewRequest("POST", ...)`) to a path AKOOL documents with another; the documented method is the fix',
        check_methods,
    ),
    Rule(
        "wrong-host",
        "error",
        "an AKOOL host that is not AKOOL's API host (e.g. `api.akool.com`), or a documented path sent to a documented host the docs do not give it (face detect's legacy `/detect` is on `sg3.akool.com`)",
        check_wrong_hosts,
    ),
    Rule(
        "doubtful-host",
        "error",
        "a host that AKOOL's pages show only in an example that looks mistaken",
        check_doubtful_hosts,
    ),
    Rule(
        "misnamed-field",
        "error",
        "a request field the endpoint does not document, where it documents one like it (`size`: `scale`) or the body lacks its twin (`video_url`: `video`)",
        check_misnamed_fields,
    ),
    Rule(
        "missing-field",
        "error",
        "a request body that is certainly all the call sends (one complete literal, or one completed by `body[\"k\"] = v` assignments: no spread, merge or update; Ktor's `setBody(mapOf(...))`, Go's `json.Marshal(map[string]any{...})`, Jackson's `writeValueAsString(Map.of(...))` sent by `HttpRequest.newBuilder`) without a field the docs mark required",
        check_missing_fields,
    ),
    Rule(
        "missing-query-field",
        "warning",
        'a GET through a client or helper (which may add a query itself) whose path literal, or the params its helper sends as the query, says all it sends, without a query field the docs require (`akoolGet("/v4/voice/list?page=1")`, `akool_get("/v4/voice/list", {"page": 1})`: `type`)',
        check_helper_queries,
    ),
    Rule(
        "unknown-field",
        "warning",
        "a request field the endpoint does not document at all, or documents as no longer supported",
        check_unknown_fields,
    ),
    Rule(
        "bad-value",
        "error",
        'a value the field does not list (talking photo resolution: `"720"` or `"1080"`), a number outside the range the docs state (reage `face_reage`: -30 to 30), a string where the docs give a number or a boolean, a number where they give a string (`"prompt": 42`), a string or a list where they give an object, a string (a join\'s too: `ids.join(",")`) or an object where they give an array, list items of another kind than the docs give (knowledge `docs: ["https://..."]`, documented objects), a Go struct field or a request type\'s member declared with a type of another kind (`Resolution int`), a boolean where they give an integer (v3 `face_enhance`: 0 or 1) or a whole number where they give a boolean, a list where they give one string of values separated by commas (video translation `language`: `"es,fr"`), `"auto"` where they give their own value for detecting it (`source_language`: `"DEFAULT"`); literals, fallbacks, defaults and TypeScript unions',
        check_values,
    ),
    Rule(
        "response-field",
        "error",
        "reading a field the endpoint's answer does not have (`data.task_id`; getToken's `token` is at the top)",
        check_response_reads,
    ),
    Rule(
        "answer-field",
        "warning",
        "reading a field that the endpoint's documented answer does not show and scripts seldom guess (`json.message`: AKOOL says `msg`), where the read is certainly of that call's answer",
        check_answer_fields,
    ),
    Rule(
        "list-answer",
        "warning",
        "reading a named field on an answer's `data` that the docs give as a list (avatar/list's `data.result`); a warning, since AKOOL's own demos read some of these",
        check_list_answers,
    ),
    Rule(
        "status-value",
        "error",
        "comparing a documented status field of the call's answer (`video_status`, `faceswap_status`, `data.status`) with a number the docs do not list for it, or with one the code names or treats as success or failure where the docs give that number another state (`STATUS_SUCCESS = 2`, a `done()` that returns `s === 2`: AKOOL's 2 is processing, 3 completed); no fix",
        check_status_values,
    ),
    Rule(
        "both-auth-headers",
        "warning",
        "both `x-api-key` and `Authorization` on one request to AKOOL (AKOOL ignores the key): a headers object or array, a hash's keys (PHP's and Ruby's `=>`, PowerShell's `@{ ... = ... }`), subscripts set together (`req[\"Authorization\"] = ...` beside `req[\"x-api-key\"] = ...`, not in two branches of an if), a CRLF-joined header string (PHP's stream context), Laravel's `Http::withToken($t)` in the chain that sets the key, .NET's typed `Headers.Authorization = new AuthenticationHeaderValue(\"Bearer\", k)` beside the key's `Add`; not on a call whose URL is another host's (an API gateway's), nor in a description's prose",
        check_both_auth_headers,
    ),
    Rule(
        "wrong-auth-header",
        "error",
        'a request to AKOOL whose credential header AKOOL does not read: the API key under another header name (`api-key`, `x-akool-key`, `X-Api-Token`; names are case-insensitive, so `X-API-KEY` is right), or an `Authorization` value that certainly lacks the `Bearer ` scheme (`"Token " + key`, `Basic ...`, a bare key: `-H "Authorization: $AKOOL_API_KEY"`), in code or in the header pairs of a Postman collection or a HAR; not a value that may hold `Bearer ...` (`token`, `authHeader`), nor a request that also sends `x-api-key`, nor another host\'s; the fix names `x-api-key: <key>` or `Authorization: Bearer <token>`',
        check_wrong_auth_header,
    ),
    Rule(
        "legacy-token-flow",
        "info",
        "the getToken flow, which an API key in `x-api-key` makes unnecessary",
        check_token_flow,
    ),
)
# Names of rules that were merged into others, still accepted by --select, --ignore and comments.
ALIASES: dict[str, str] = {
    "bad-resolution": "bad-value",
    "task-id-read": "response-field",
    "oauth-token-field": "response-field",
}


def rules_table() -> str:
    """The rule table of docs/audit.md, made from RULES."""
    lines = ["| rule | severity | finds |", "|---|---|---|"]
    lines += [f"| `{r.name}` | {r.severity} | {r.summary} |" for r in RULES]
    return "\n".join(lines)
