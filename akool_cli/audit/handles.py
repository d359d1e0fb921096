"""Requests whose body is set on a handle after the call that names their URL: PHP's procedural
cURL (`$ch = curl_init($url)`, then `curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode($body))` or
`curl_setopt_array($ch, [CURLOPT_URL => ..., CURLOPT_POSTFIELDS => ...])`), pycurl's
`c.setopt(pycurl.POSTFIELDS, ...)`, Ruby's Net::HTTP (`req = Net::HTTP::Post.new(uri)`, then
`req.body = {...}.to_json`, or `http.request(req, body.to_json)`), Node's `https.request`
(`req.write(data)`), Swift's URLRequest (`var req = URLRequest(url: ...)`, then `req.httpMethod =
"POST"` and `req.httpBody = try JSONSerialization.data(withJSONObject: [...])`), Perl's
HTTP::Request (`$req->content(...)`) and XMLHttpRequest (`xhr.open("POST", url)`, then
`xhr.send(JSON.stringify({...}))`); a reused handle's options are those set since its send before,
the method of a PHP cURL handle's request among them, and the method such a handle is given after
its call (`req.httpMethod = "POST"`)."""

from __future__ import annotations

import bisect
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from akool_cli.audit import brackets, rx

if TYPE_CHECKING:
    from akool_cli.audit.fields import Text

# A call whose result is a request handle, bound to a name: `$ch = curl_init(`,
# `req = Net::HTTP::Post.new(`, `c = pycurl.Curl(`, Node's `const req = https.request(`,
# RestSharp's `var request = new RestRequest(` (matched on the text before its `(`).
MADE = rx.compile(
    r"(?<![\w.$@])[$@]?(?P<h>[A-Za-z_]\w*)\s*=\s*"
    r"(?:curl_init|(?:[A-Z]\w*::)*(?:Post|Put|Patch|Get|Delete)\.new|pycurl\.Curl|https?\.request"
    r"|new\s+RestRequest|URLRequest|HTTP::Request\s*->\s*new|new\s+UnityWebRequest"
    r"|new\s+HttpRequestMessage|new\s+Http(?:Post|Put|Patch))\s*$"  # (Apache HttpClient's)
)
# A call whose arguments are a URL and headers, never a body: Ruby's `Net::HTTP::Post.new(path,
# initheader)`, `Net::HTTP::Get.new(uri, { "x-api-key" => key })` (its body is set on it later).
HEADERS_ONLY = rx.compile(r"(?:[A-Z]\w*::)+(?:Post|Put|Patch|Get|Delete)\.new\s*$")
# A call that configures a handle it is given (the URL may be written in it): PHP's
# `curl_setopt($ch, CURLOPT_URL, ...)` and `curl_setopt_array($ch, [...])`, pycurl's
# `c.setopt(pycurl.URL, ...)` (matched on the text before and after its `(`).
CONFIGURES = rx.compile(r"\bcurl_setopt(?:_array)?\s*$")
CONFIGURED = rx.compile(r"\(\s*\$(?P<h>[A-Za-z_]\w*)\s*,")
RECEIVES = rx.compile(r"(?<![\w.$])(?P<h>[A-Za-z_]\w*)\s*\.\s*(?:setopt|open)\s*$")
BEFORE = 80  # characters before a call's `(` in which its callee and binding are read
# A handle given a URL (its answer is the URL's call's): `curl_setopt($ch, CURLOPT_URL, $url)`,
# `c.setopt(pycurl.URL, url)`; `url` is what follows.
URL_GIVEN = rx.compile(
    r"\bcurl_setopt\(\s*\$(?P<h>[A-Za-z_]\w*)\s*,\s*CURLOPT_URL\s*,(?P<url>[^;]*)"
    r"|(?<![\w.$])(?P<p>[A-Za-z_]\w*)\.setopt\(\s*(?:pycurl|[A-Za-z_]\w*)\.URL\s*,(?P<purl>.*)"
)


@dataclass(frozen=True)
class Setter:
    """Where a setter of a handle's body starts its value: `pattern` (with `{h}`, the handle's
    name) matched from the handle's binding on; with `within`, the pattern opens a call whose
    value is the entry `within` matches inside that call's parentheses; `words`: one of them is
    in each of its matches (a span holding none is not searched: no pattern compiled for it)."""

    pattern: str
    within: str = ""
    words: tuple[str, ...] = ()


HANDLE = r"(?<![\w.])[$@]?{h}\b"
SETTERS = (
    Setter(r"\bcurl_setopt\(\s*\${h}\s*,\s*CURLOPT_POSTFIELDS\s*,", "", ("CURLOPT_POSTFIELDS",)),
    Setter(
        r"\bcurl_setopt_array\(\s*\${h}\s*,", r"\bCURLOPT_POSTFIELDS\s*=>", ("curl_setopt_array(",)
    ),
    Setter(HANDLE + r"\.setopt\(\s*(?:pycurl|{h})\.POSTFIELDS\s*,", "", (".POSTFIELDS",)),  # pycurl
    # Ruby's Net::HTTP request objects; Net::HTTP#request(req, body)
    Setter(HANDLE + r"\s*\.\s*body\s*=(?![=~>])", "", ("body",)),
    Setter(r"\.request\(\s*@?{h}\s*,", "", (".request(",)),
    # Node's http.request: req.write(data)
    Setter(HANDLE + r"\.(?:write|end)\(\s*(?=\S)(?!\))", "", (".write(", ".end(")),
    # RestSharp's RestRequest
    Setter(
        HANDLE + r"\.(?:AddJsonBody|AddBody)\s*(?:<[^<>()]*>)?\(", "", (".AddJsonBody", ".AddBody")
    ),
    Setter(HANDLE + r"\s*\.\s*httpBody\s*=(?!=)", "", ("httpBody",)),  # Swift's URLRequest
    # Apache HttpClient's request: `post.setEntity(new StringEntity(json, ContentType...))`
    Setter(HANDLE + r"\s*\.\s*setEntity\(\s*new\s+StringEntity\(\s*", "", ("setEntity(",)),
    Setter(HANDLE + r"\s*->\s*content\(\s*", "", ("content(",)),  # Perl's HTTP::Request
    Setter(HANDLE + r"\s*\.\s*send\(\s*", "", ("send(",)),  # XMLHttpRequest
    # Unity's UnityWebRequest
    Setter(HANDLE + r"\s*\.\s*uploadHandler\s*=(?!=)", "", ("uploadHandler",)),
    # C#'s HttpRequestMessage: `req.Content = JsonContent.Create(new {...})` (or a serialized
    # StringContent), its value the object serialized
    Setter(
        HANDLE + r"\s*\.\s*Content\s*=\s*(?:JsonContent\.Create\s*(?:<[^<>()]*>)?\(|new\s+"
        r"StringContent\(\s*(?:JsonSerializer\.Serialize|JsonConvert\.SerializeObject)\s*(?:<[^<>()]*>)?\()",
        "",
        ("Content",),
    ),
)
# The words one of the setters holds: a file without any has no body set on a handle.
HINTS = (
    "POSTFIELDS",
    ".body",
    ".request(",
    ".write(",
    ".end(",
    ".AddJsonBody",
    ".AddBody",
    "httpBody",
    ".setEntity(",
    "->content(",
    ".send(",
    "uploadHandler",
    ".Content",
)
# What sends a handle's request, or clears its options (with `{h}`, the handle's name): a
# reused handle (`$ch = curl_init();` then URL, body, `curl_exec($ch)`, URL, body, `curl_exec($ch)`)
# sends, at each, the options set since the one before.
SENT = r"\bcurl_(?:exec|reset)\(\s*\${h}\s*\)|" + HANDLE + r"\.(?:perform|reset)\(\s*\)"
# The method a handle is given after its call: Swift's `req.httpMethod = "POST"`, Perl's
# `$req->method('POST')`.
METHOD_SETTER = HANDLE + r"\s*(?:\.\s*httpMethod\s*=|->\s*method\()\s*[\"'](?P<m>[A-Za-z]+)[\"']"


def body_extents(doc: Text, call: tuple[int, int]) -> list[tuple[int, int]]:
    """The text of each body set on the handle that the call [start, end) makes (`$ch =
    curl_init(...)`) or configures (`curl_setopt($ch, CURLOPT_URL, ...)`), between the handle's
    binding and its next one, in the function the call is in."""
    hinted = doc.handle_hints
    if hinted is None:
        hinted = doc.handle_hints = any(word in doc.text for word in HINTS)
    if not hinted:
        return []
    found = _chained_bodies(doc, call)
    handle = _handle_spans(doc, call, reused=True)
    if handle is None:
        return found
    name, spans = handle
    for setter in SETTERS:
        words = setter.words
        if words and not any(doc.text.find(w, a, b) >= 0 for w in words for a, b in spans):
            continue  # (no match in the spans: its pattern is not compiled for the handle)
        for m in _matches(doc, call, name, spans, setter.pattern):
            value = _entry(doc, m.end(), setter.within) if setter.within else m.end()
            if value is not None:
                braced = NEW_THEN_BRACE.match(doc.text, value)  # (C#'s `new` ending its line)
                value = braced.end() if braced is not None else value
                found.append((value, value_end(doc.text, value)))
    return found


# C#'s anonymous object with its brace on the next line (the default layout): `Create(new` then
# `{` alone: the value is the braces, not the `new` the line ends with.
NEW_THEN_BRACE = rx.compile(r"[ \t]*new[ \t]*\r?\n\s*(?=\{)")


# RestSharp's body chained to the request it makes: `new RestRequest("x", Method.Post)` then
# `.AddHeader(...).AddJsonBody(new { ... })` in the same statement (bound to a name or not).
REST_MADE = rx.compile(r"\bnew\s+RestRequest\s*$")
CHAINED_BODY = rx.compile(r"\)\s*\.\s*(?:AddJsonBody|AddBody)\s*(?:<[^<>()]*>)?\(")


def _chained_bodies(doc: Text, call: tuple[int, int]) -> list[tuple[int, int]]:
    """The bodies chained to a RestSharp request in its own statement (see CHAINED_BODY)."""
    if not REST_MADE.search(doc.text, max(0, call[0] - BEFORE), call[0]):
        return []
    end = doc.text.find(";", call[1])
    end = end if end >= 0 else len(doc.text)
    found = []
    for m in CHAINED_BODY.finditer(doc.text, call[1] - 1, end):
        if doc.innermost(m.start()) == doc.innermost(call[0] - 1):  # (the request's own chain)
            found.append((m.end(), value_end(doc.text, m.end())))
    return found


def method_set(doc: Text, call: tuple[int, int]) -> re.Match[str] | None:
    """Where the method of the handle the call [start, end) makes is set after it
    (`req.httpMethod = "POST"`; group `m`), if it is."""
    if not doc.holds(*METHOD_WORDS):
        return None
    return next(_set_on(doc, call, METHOD_SETTER), None)


# METHOD_SETTER's words: a text without them gives no handle its method (looked for once per
# file: each call of a file asks, break21d #1, a file of 32,000 GETs: 37 s).
METHOD_WORDS = ("httpMethod", "->method(")


def _set_on(
    doc: Text, call: tuple[int, int], pattern: str, reused: bool = False
) -> Iterator[re.Match[str]]:
    """The matches of a setter's pattern on the handle the call [start, end) makes or
    configures, between the handle's binding and its next one, in the function the call is in
    (`reused`: and those after its request is sent, while the handle keeps the call's URL)."""
    handle = _handle_spans(doc, call, reused)
    if handle is not None:
        yield from _matches(doc, call, *handle, pattern)


def _handle_spans(
    doc: Text, call: tuple[int, int], reused: bool
) -> tuple[str, list[tuple[int, int]]] | None:
    """The handle the call makes or configures and the spans its options are set in (see
    _set_on), worked out once for all of the setters (each compiled its own per handle)."""
    name = handle_of(doc, call[0])
    if name is None:
        return None
    spans = [_segment(doc, name, call)]
    if reused:
        spans += _reuses(doc, name, call, spans[0][1])
    return name, spans


def _matches(
    doc: Text, call: tuple[int, int], name: str, spans: list[tuple[int, int]], pattern: str
) -> Iterator[re.Match[str]]:
    """A setter's pattern's matches for the handle `name` in its spans (see _set_on)."""
    line = doc.line_of(call[0])
    opened = re.compile(pattern.replace("{h}", re.escape(name)))
    for start, stop in spans:
        for m in opened.finditer(doc.text, start, stop):
            if doc.scopes is None or doc.scopes.visible(
                name, line, doc.line_of(m.start()), doc.column(call[0])
            ):
                yield m  # (not another function's handle of that name)


# What ends a handle's reuse for the URL it was given: its options cleared, or another URL set
# (a PHP cURL handle's `CURLOPT_URL`, pycurl's `c.setopt(c.URL, ...)`: that call's own request).
REUSE_ENDS = r"\bcurl_reset\(\s*\${h}\s*\)|" + HANDLE + r"\.reset\(\s*\)|\bCURLOPT_URL\b|\.URL\b"
SEND = r"\bcurl_exec\(\s*\${h}\s*\)|" + HANDLE + r"\.perform\(\s*\)"


def _reuses(doc: Text, name: str, call: tuple[int, int], sent: int) -> list[tuple[int, int]]:
    """The text after the call's request is sent (at `sent`) where the handle is sent again
    with the same URL (`curl_setopt($ch, CURLOPT_POSTFIELDS, $next); curl_exec($ch);`, a batch
    over one kept-alive handle): up to its next binding, or its options cleared or a URL set."""
    send = re.compile(SEND.replace("{h}", re.escape(name)))
    first = send.match(doc.text, sent)
    if first is None:
        return []  # (no send after the call: its segment runs to the next binding already)
    spots = doc.assigned.get(name, [])
    k = bisect.bisect_right(spots, (call[1], sys.maxsize))
    stop = spots[k][0] if k < len(spots) else len(doc.text)
    ends = re.compile(REUSE_ENDS.replace("{h}", re.escape(name))).search(
        doc.text, first.end(), stop
    )
    stop = ends.start() if ends is not None else stop
    last = None
    for later in send.finditer(doc.text, first.end(), stop):
        last = later.start()  # (options set after the last send are sent by none)
    return [(first.end(), last)] if last is not None else []


def _segment(doc: Text, name: str, call: tuple[int, int]) -> tuple[int, int]:
    """Where the options of the call's request may be set: from the handle's binding, or the
    last send or reset of it before the call, to its next binding or the first send after."""
    bound = doc.last_assignment(name, call[1])
    start = bound[0] if bound is not None else call[0]
    # (the handle's first binding after the call, by bisection of its bindings in offset order:
    # walked from the first for each call, a handle bound in each of 8,000 functions cost calls x
    # bindings, break21g #14)
    spots = doc.assigned.get(name, [])
    k = bisect.bisect_right(spots, (call[1], sys.maxsize))
    stop = spots[k][0] if k < len(spots) else len(doc.text)
    for m in re.compile(SENT.replace("{h}", re.escape(name))).finditer(doc.text, start, stop):
        if m.end() <= call[0]:
            start = m.end()  # (an earlier request's send: its options are not this one's)
        elif m.start() >= call[1]:
            return start, m.start()
    return start, stop


def headers_only(doc: Text, paren: int) -> bool:
    """Whether the call opened at `paren` is given headers, not a body (HEADERS_ONLY)."""
    return (
        doc.text[paren : paren + 1] == "("
        and all(doc.holds(word) for word in HEADERS_ONLY_WORDS)
        and bool(HEADERS_ONLY.search(doc.text, max(0, paren - BEFORE), paren))
    )


# HEADERS_ONLY's words: a text without both makes no Net::HTTP request object.
HEADERS_ONLY_WORDS = ("::", ".new")


def handle_of(doc: Text, paren: int) -> str | None:
    """The handle a call opened at `paren` makes or configures, if it is such a call."""
    before = doc.text[max(0, paren - BEFORE) : paren]
    made = MADE.search(before)
    if made is not None:
        return made.group("h")
    if CONFIGURES.search(before):
        given = CONFIGURED.match(doc.text, paren)
        return given.group("h") if given is not None else None
    receiver = RECEIVES.search(before)
    return receiver.group("h") if receiver is not None else None


def _entry(doc: Text, opened: int, within: str) -> int | None:
    """Where the value of the entry `within` matches starts, inside the call opened just before
    `opened` (`CURLOPT_POSTFIELDS =>` in `curl_setopt_array($ch, [...])`)."""
    around = doc.paren_around(opened)
    if around is None:
        return None
    m = re.compile(within).search(doc.text, opened, around[1])
    return m.end() if m is not None else None


def value_end(text: str, at: int) -> int:
    """Where a value starting at `at` ends: at a comma, `;`, line break or comment outside its
    brackets and strings, or at a bracket it did not open (brackets.walk)."""
    i, end = at, len(text)
    while (i := brackets.walk(text, i, end, ",;\n#/")) < end and text[i] in "#/":
        if i > at and (text[i] == "#" or text.startswith("//", i)):
            break  # (a comment after the value)
        i += 1  # (a `/` that opens no comment, a `#` at the value's start: part of it)
    return i


# The options of a PHP cURL handle that say its method, in a `curl_setopt($ch, CURLOPT_X, v)` or a
# `curl_setopt_array($ch, [CURLOPT_X => v])` of it.
METHOD_OPTION = rx.compile(
    r"\bCURLOPT_(?P<o>CUSTOMREQUEST|POSTFIELDS|POST|HTTPGET|NOBODY|PUT|UPLOAD)\b\s*(?:,|=>)\s*"
    r"(?P<v>[\"'](?P<lit>[A-Za-z]+)[\"']|[^,;)\]]*)"
)
FLAG_OFF = rx.compile(r"\s*(?:false|0)\s*$", re.I)
IMPLIED = {"POSTFIELDS": "POST", "POST": "POST", "HTTPGET": "GET", "PUT": "PUT", "UPLOAD": "PUT"}
PHP_HANDLE_CALL = rx.compile(r"\bcurl_(?:init|setopt|setopt_array)\s*$")
# Options in view: `curl_setopt($ch, CURLOPT_X, ...)`, `curl_setopt_array($ch, [...])` (not `$opts`).
IN_VIEW = rx.compile(r"\(\s*\$\w+\s*,\s*(?:CURLOPT_\w+|\[|array\s*\()")


def sent_method(doc: Text, call: tuple[int, int]) -> tuple[str, int, str, bool] | None:
    """The method a PHP cURL handle's request is sent with, for the call [start, end) that makes
    or configures it (`curl_init($url)`, `curl_setopt($ch, CURLOPT_URL, ...)`): (method, where
    it is said, as written, whether a literal): CURLOPT_CUSTOMREQUEST's value, else the last of
    CURLOPT_POST/POSTFIELDS/HTTPGET/PUT set since the send before, else cURL's GET for a handle's
    first request when every option given it is in view; None when its code does not say."""
    if not PHP_HANDLE_CALL.search(doc.text, max(0, call[0] - BEFORE), call[0]):
        return None
    name = handle_of(doc, call[0])
    if name is None:
        return None
    start, stop = _segment(doc, name, call)
    handed = re.compile(rf"(?<![\w$])(?P<f>\w+)\s*\(\s*\${re.escape(name)}\b")
    said, custom, first = None, None, doc.last_assignment(name, call[1])
    for m in handed.finditer(doc.text, start, stop):
        if m.group("f") in ("curl_exec", "curl_close", "curl_getinfo", "curl_error", "curl_errno"):
            continue
        pair = doc.paren_around(m.end())
        if pair is None or not (
            m.group("f").startswith("curl_setopt") and IN_VIEW.match(doc.text, pair[0])
        ):
            return None  # (a function of the script's given the handle, `$opts`: may set it)
        for option in METHOD_OPTION.finditer(doc.text, pair[0], pair[1]):
            said, custom = _said(option, said, custom)
            if option.group("o") == "CUSTOMREQUEST" and custom is None:
                return None  # (CURLOPT_CUSTOMREQUEST, $method)
    if custom is not None:
        return custom
    sent = doc.text.startswith("curl_exec", stop)  # (a handle returned may be set up elsewhere)
    if said is None and sent and first is not None and start == first[0]:
        return ("GET", call[0], "curl_exec", False)
    return said


def _said(
    option: re.Match[str],
    said: tuple[str, int, str, bool] | None,
    custom: tuple[str, int, str, bool] | None,
) -> tuple[tuple[str, int, str, bool] | None, tuple[str, int, str, bool] | None]:
    """(the method the options imply, the one CURLOPT_CUSTOMREQUEST gives) after one option."""
    kind = option.group("o")
    if kind == "CUSTOMREQUEST":
        lit = option.group("lit")
        return said, (lit.upper(), option.start("lit"), lit, True) if lit else None
    if kind == "NOBODY" or (kind != "POSTFIELDS" and FLAG_OFF.match(option.group("v"))):
        return (None if kind == "NOBODY" else said), custom
    return (IMPLIED[kind], option.start(), option.group(0), False), custom


# A RestSharp request's JSON body (`request.AddJsonBody(` or chained on `new RestRequest(...)`),
# matched on the text before the body; and the calls that give a request more than that body
# (`request.AddParameter("k", v)`, `.AddObject(o)`, a file, a string body).
REST_BODY_BEFORE = rx.compile(r"\.\s*(?:AddJsonBody|AddBody)\s*(?:<[^<>()]*>)?\(\s*$")
REST_PARAMETERS = rx.compile(
    r"\.\s*(?:AddParameter|AddObject|AddOrUpdateParameter|AddFile|AddStringBody)\b"
)
REST_LOOK = 2000  # (how far around the body its request may be given more: a method)


def rest_body(text: str, at: int) -> bool:
    """Whether the value at `at` is a RestSharp request's JSON body, in a file that gives no request
    parameters besides their bodies within REST_LOOK of it (the body then is all it sends)."""
    if REST_BODY_BEFORE.search(text, max(0, at - 40), at) is None:
        return False
    return REST_PARAMETERS.search(text, max(0, at - REST_LOOK), at + REST_LOOK) is None
