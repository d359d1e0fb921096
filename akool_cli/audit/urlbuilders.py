"""URLs the JVM's URL builders make from an AKOOL base and path segments: OkHttp's
`HttpUrl.Builder().host("openapi.akool.com").addPathSegments("api/open/v3/content/x")` and
`BASE.toHttpUrl().newBuilder().addPathSegment("content")...`, Spring's
`UriComponentsBuilder.fromHttpUrl(BASE).path("/content/x")` (`.pathSegment("a", "b")`), Ktor's
`url { takeFrom(BASE); appendPathSegments("content", "x") }`: each a place that names the path the
segments join to the base (`bases.named`, by line)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import PurePath

from akool_cli.audit import declared, flurl, httpfactory, ktorclients, netqueries, rx, sites
from akool_cli.audit.sites import Base, Bases, Site

JVM_SUFFIXES = frozenset({".java", ".kt", ".kts", ".scala", ".groovy"})
# Words one of which a line that gives a builder its base holds (a cheap test before the regex).
BASE_LINE_WORDS = (
    ".host(",
    "HttpUrl",
    "UriComponentsBuilder",
    "takeFrom(",
    "URLBuilder(",
    ".target(",
)
# Where a builder is given its base: OkHttp's host (a base of no path), a URL parsed into a
# builder, Spring's factory methods, Ktor's takeFrom; the base a string or a name.
ARGUMENT = r"\(\s*(?P<a>\"[^\"]*\"|[A-Za-z_][\w.]*(?:\(\))?)\s*\)"
BUILDER_BASE = rx.compile(
    r"\.host"
    + ARGUMENT
    + r"|(?:HttpUrl\.(?:parse|get)|\.toHttpUrl(?:OrNull)?|UriComponentsBuilder\.from(?:HttpUrl"
    r"|UriString)|takeFrom|URLBuilder|(?<=\.)target)"  # (JAX-RS' client.target(BASE).path("x"))
    + ARGUMENT.replace("(?P<a>", "(?P<b>")
    + r"|(?P<c>\"[^\"]*\"|[A-Za-z_][\w.]*)\s*\.\s*toHttpUrl(?:OrNull)?\(\)"
)
# A step that adds path segments: its literal segments (a name ends the literal path).
SEGMENTS = rx.compile(
    r"(?<![\w.])\.?(?P<fn>addPathSegments?|addEncodedPathSegments?|pathSegment|appendPathSegments"
    r"|path)\(\s*(?P<args>[^()]*)\)"
)
SEGMENT = rx.compile(r"\"(?P<s>[^\"]*)\"|(?P<n>[A-Za-z_][\w.]*(?:\(\))?)")
CHAIN_LINES = 8  # (how far a builder's chain or block runs past its base)
STATEMENT_END = rx.compile(r";\s*$|^\s*\}\s*$")


# Words a text holds when it may build a URL so (read once per file: the bench's 5,000 calls
# hold none).
TEXT_WORDS = (
    "HttpUrl",
    "UriComponentsBuilder",
    "takeFrom(",
    "URLBuilder(",
    ".host(",
    "URL(",
    ".target(",
)


def url_builder_sites(name: str, text: str, lines: list[str], bases: Bases) -> None:
    """The paths the file's URL builders join to an AKOOL base, as sites (`bases.named`)."""
    declared.declared_sites(name, text, lines, bases)  # (Feign's, Spring's, Refit's interfaces)
    httpfactory.factory_clients(name, text, lines, bases)  # (.NET's CreateClient("akool"))
    ktorclients.default_request_clients(name, text, lines, bases)  # (Ktor's defaultRequest)
    restsharp_sites(name, text, lines, bases)  # (RestSharp's `new RestRequest("x", Method.Post)`)
    flurl.segment_sites(name, text, lines, bases)  # (Flurl's `BASE.AppendPathSegment("x")`)
    if not any(word in text for word in TEXT_WORDS):
        return
    builder_sites(name, lines, bases)
    slash_sites(name, lines, bases)


def builder_sites(name: str, lines: list[str], bases: Bases) -> None:
    """The paths the file's URL builders join to an AKOOL base, as sites (`bases.named`)."""
    if PurePath(name).suffix.lower() not in JVM_SUFFIXES:
        return
    for i, line in enumerate(lines):
        if len(line) > 2000 or not any(word in line for word in BASE_LINE_WORDS):
            continue
        for m in BUILDER_BASE.finditer(line):
            base = _base(m, bases, i)
            if base is not None:
                block = m.group(0).startswith("takeFrom")
                site = _chain_site(lines, i, m.end(), base, block)
                if site is not None:
                    bases.named.setdefault(site.line, []).append(site)


def _base(m: re.Match[str], bases: Bases, i: int) -> Base | None:
    given = m.group("a") or m.group("b") or m.group("c") or ""
    if m.group("a") is not None:  # (OkHttp's host: a base of no path)
        host = given.strip('"')
        return Base(host, "", "", i) if sites.AKOOL_HOST.fullmatch(host) else None
    return sites._literal_base(given.removesuffix("()"), bases, i)


def _chain_site(lines: list[str], i: int, start: int, base: Base, block: bool) -> Site | None:
    """The site of the segments a chain adds after its base (from column `start` of line i): on
    the lines that go on with its chain (`.addPathSegment(...)`), or in a Ktor `url { }` block
    (`block`) up to its end."""
    first: tuple[int, int, str] | None = None  # (line, column, text) of the first segment
    path, continued = "", False
    for k in range(i, min(len(lines), i + CHAIN_LINES)):
        line = lines[k]
        if k > i and not block and not line.lstrip().startswith("."):
            break
        for m in SEGMENTS.finditer(line, start if k == i else 0):
            if m.group("fn") == "path" and not m.group(0).startswith("."):
                continue  # (Ktor's path(...) inside url { } is a call, not a method)
            for s in SEGMENT.finditer(m.group("args")):
                if s.group("s") is None:
                    continued = True
                    break
                if first is None:
                    first = (k, m.start("args") + s.start("s"), s.group("s"))
                path += "/" + s.group("s").strip("/")
            if continued:
                break
        if (
            continued
            or (k > i and STATEMENT_END.search(line))
            or (k == i and line.rstrip().endswith(";"))
        ):
            break
    if first is None:
        return None
    k, column, text = first
    full = base.prefix.rstrip("/") + path
    site = sites._site(k, column, text, full, base.host, lines[k], base)
    one = path == "/" + text.strip("/")  # (one literal: its text is the whole path)
    return site if one and not continued else replace(site, named=True, continued=continued)


# yarl's `/` join (`BASE / "content" / "video"`, `URL(BASE) / "content/x"`): a name that holds an
# AKOOL base, or a URL made of one, then literal segments.
SLASH_JOIN = rx.compile(
    r"(?<![\w.])(?:(?:yarl\.)?URL\(\s*(?P<u>[A-Za-z_][\w.]*|\"[^\"]*\"|'[^']*')\s*\)"
    r"|(?P<n>[A-Za-z_][\w.]*))"
    r"(?P<segs>(?:\s*/\s*(?:\"[^\"\n]*\"|'[^'\n]*'))+)"
)
# yarl's query given to the URL the join makes: `.with_query(k=v)`, `% {"k": v}`.
QUERY_AFTER = rx.compile(r"\)?\s*(?:\.(?:with|update|extend)_query\(|%\s*[{\w])")
SLASH_SEGMENT = rx.compile(r"\"(?P<d>[^\"]*)\"|'(?P<s>[^']*)'")


def slash_sites(name: str, lines: list[str], bases: Bases) -> None:
    """The paths Python's yarl joins to an AKOOL base with `/`, as sites (`bases.named`)."""
    if not name.endswith(".py") or not (bases.names or bases.imported):
        return
    for i, line in enumerate(lines):
        if ('/ "' not in line and "/ '" not in line) or len(line) > 2000:
            continue
        for m in SLASH_JOIN.finditer(line):
            given = m.group("u") or m.group("n")
            base = sites._literal_base(given, bases, i)
            if base is None:
                continue
            segments = list(SLASH_SEGMENT.finditer(m.group("segs")))
            first = segments[0]
            text = first.group("d") if first.group("d") is not None else first.group("s")
            path = "".join(
                "/" + (s.group("d") if s.group("d") is not None else s.group("s")).strip("/")
                for s in segments
            )
            column = m.start("segs") + first.start() + 1
            site = sites._site(
                i, column, text, base.prefix.rstrip("/") + path, base.host, line, base
            )
            # (several segments: no one literal to patch; a query given to the URL it makes:
            # the request's query is not all in the call's view)
            if len(segments) > 1 or QUERY_AFTER.match(line, m.end()):
                site = replace(site, named=True)
            bases.named.setdefault(i, []).append(site)


# Query parameters a URL builder adds (OkHttp's `.addQueryParameter("k", v)`, Spring's
# `UriComponentsBuilder...queryParam("k", v)`): the query of the request given the URL it builds,
# inline or held in a name (`HttpUrl url = ...build(); ... .url(url)`).
QUERY_WORDS = (
    "QueryParameter(",
    ".queryParam(",
    "encode_www_form(",
    "QueryParam(",  # (Vert.x's addQueryParam, setQueryParam)
    "queryString(",  # (Unirest's)
    "Parameter(",  # (Apache's URIBuilder's addParameter, setParameter)
    "Fuel.get(",  # (Fuel's `listOf("k" to v)` parameters)
)
ADDED_QUERY = rx.compile(
    r"\.\s*(?:[aA]dd(?:Encoded)?QueryParameter|setQueryParameter|queryParam|queryString"
    r"|addQueryParam|setQueryParam|addParameter|setParameter)\(\s*"
    r"\"(?P<k>[A-Za-z_][\w.\[\]-]*)\"\s*,\s*(?P<v>[^,()]*(?:\([^()]*\))?[^,()]*?)\s*\)"
)


def builder_query(text: str, start: int, end: int) -> list[tuple[str, int, int, int]]:
    """The query keys (name, where, value start, value end) the request in text[start:end] takes
    from URL builders (see ADDED_QUERY)."""
    found = netqueries.query_keys(text, start, end, _added_keys)
    made = REST_MADE.search(text, max(0, start - 80), start)
    if made is not None:  # (RestSharp's `request.AddQueryParameter("k", v)` after its binding)
        found += _rest_query(text, made["n"], end)
    if "encode_www_form(" in text:  # (Ruby's `uri.query = URI.encode_www_form(type: 1)`)
        found += _www_form_keys(text, start, end)
    bound = URI_BUILDER_MADE.search(text, max(0, start - 80), start)
    if bound is not None:  # (Apache's `builder = new URIBuilder(url)`, then `builder.addParameter`)
        found += _named_query(text, bound["n"], end, NAMED_QUERY_STEP)
    if FUEL_GET_BEFORE.search(text, max(0, start - 40), start):  # Fuel.get(url, listOf("k" to v))
        found += _fuel_pairs(text, start, end)
    if PATH_STEP_BEFORE.search(text, max(0, start - 40), start) or CHAIN_QUERY_BEFORE.search(
        text, max(0, start - 40), start
    ):  # `.addPathSegments("x")`, `Unirest.get(url)`, `client.getAbs(url)`: the
        limit = end + CHAIN_CHARS  # (bounded: a search to the file's end per request is quadratic)
        ends = [k for k in (text.find(w, end, limit) for w in netqueries.STATEMENT_ENDS) if k >= 0]
        found += _added_keys(text, end, min(ends, default=end))  # chain's steps after it
    return found


# Ruby's URI made and bound (`uri = URI(`, `URI.parse(`), then given a query by
# `uri.query = URI.encode_www_form(type: 1, "page" => 2)`: its keys are the request's query.
RUBY_URI_MADE = rx.compile(r"(?<![\w.@$])@?(?P<n>[A-Za-z_]\w*)\s*=\s*URI(?:\.parse)?\s*$")
WWW_FORM_PAIR = rx.compile(
    r"(?:(?<=[(,])|(?<=[(,]\s))\s*(?::(?P<s>[A-Za-z_]\w*)\s*=>|[\"'](?P<q>[A-Za-z_][\w.-]*)[\"']\s*=>"
    r"|(?P<k>[A-Za-z_]\w*):(?!:))\s*(?P<v>[^,()]*(?:\([^()]*\))?[^,()]*?)\s*(?=[,)])"
)
WWW_FORM_LOOK = 600  # (how far after the URI's binding its query is set: the next lines)


# A request given a URI held in a name first (`Net::HTTP::Get.new(uri, ...)`, `get_response(uri)`).
GIVEN_NAME = rx.compile(r"\(\s*@?(?P<n>[A-Za-z_]\w*)\s*[,)]")


def _www_form_keys(text: str, start: int, end: int) -> list[tuple[str, int, int, int]]:
    """The query keys of the request in text[start:end] that a URI's `query = ` gives: the URI
    made there (`uri = URI("...")`, its query set after it) or the one it is given by name (its
    query set before it)."""
    made = RUBY_URI_MADE.search(text, max(0, start - 80), start)
    if made is not None:
        return _www_form_query(text, made["n"], end, min(len(text), end + WWW_FORM_LOOK))
    given = GIVEN_NAME.match(text, start)
    if given is None:
        return []
    name = given["n"]
    binding = re.compile(rf"(?<![\w.@]){re.escape(name)}\s*=(?![=~])")
    bindings = list(binding.finditer(text, max(0, start - WWW_FORM_LOOK), start))
    if not bindings:
        return []
    # (from the name's last binding before the request: its query is set after it)
    return _www_form_query(text, name, bindings[-1].end(), start)


def _www_form_query(text: str, name: str, after: int, stop: int) -> list[tuple[str, int, int, int]]:
    """The keys `name.query = URI.encode_www_form(...)` gives the URI bound to `name`, between
    `after` and `stop`, up to the name's next binding."""
    again = re.compile(rf"(?<![\w.@]){re.escape(name)}\s*=(?![=~])").search(text, after, stop)
    given = re.compile(rf"(?<![\w.]){re.escape(name)}\.query\s*=\s*URI\.encode_www_form\(").search(
        text, after, again.start() if again else stop
    )
    if given is None:
        return []
    around = _call_close(text, given.end() - 1)
    found = []
    for m in WWW_FORM_PAIR.finditer(text, given.end() - 1, around):
        group = "s" if m["s"] else "q" if m["q"] else "k"
        found.append((m[group], m.start(group), m.start("v"), m.end("v")))
    return found


def _call_close(text: str, opened: int) -> int:
    """Where the call whose `(` is at `opened` closes (the text's end when it does not)."""
    depth = 0
    for j in range(opened, min(len(text), opened + WWW_FORM_LOOK)):
        depth += (text[j] == "(") - (text[j] == ")")
        if depth == 0:
            return j + 1
    return len(text)


CHAIN_CHARS = 2000  # (how far a builder's chain may run past a path step)
PATH_STEP_BEFORE = rx.compile(r"\.\s*(?:add(?:Encoded)?PathSegments?|pathSegment|path)\s*$")


def _added_keys(text: str, start: int, end: int) -> Iterator[tuple[str, int, int, int]]:
    for m in ADDED_QUERY.finditer(text, start, end):
        yield m["k"], m.start("k"), m.start("v"), m.end("v")


# RestSharp's client and requests: `new RestClient(BASE)` (or `new RestClientOptions(BASE)`, a
# `new Uri(BASE)`), then `new RestRequest("content/x", Method.Post)`, its resource appended to the
# client's base: each resource a site (`bases.named`) under the file's AKOOL RestClient base.
REST_WORD = "RestRequest("
REST_CLIENT = rx.compile(
    r"(?:\bnew\s+RestClient(?:Options)?|\bRestClient(?:Options)?\s+\w+\s*=\s*new\s*)"  # (C# 9's `new(`)
    r"\(\s*(?:new\s+Uri\(\s*)?(?P<b>\"[^\"]*\"|[A-Za-z_][\w.]*)\s*[,)]"
)
REST_REQUEST = rx.compile(r"\bnew\s+RestRequest\(\s*\"(?P<p>(?:/?[A-Za-z_][^\"\s]*)?)\"")


def restsharp_sites(name: str, text: str, lines: list[str], bases: Bases) -> None:
    """The resources of the file's RestSharp requests joined to its RestClient's AKOOL base."""
    if REST_WORD not in text or not name.lower().endswith(".cs"):
        return
    made = next(
        (m for line in lines for m in REST_CLIENT.finditer(line) if len(line) <= 2000), None
    )
    base = sites._literal_base(made["b"], bases, 0) if made is not None else None
    whole = _whole_url(made["b"]) if made is not None and base is None else None
    base = base or whole
    if base is None or base.host is None or not sites.AKOOL_HOST.fullmatch(base.host):
        return
    for i, line in enumerate(lines):
        for m in REST_REQUEST.finditer(line) if REST_WORD in line else ():
            if not m["p"]:  # (`new RestRequest("")`: the client's whole URL, its endpoint)
                bases.named.setdefault(i, []).append(_whole(i, m.start("p"), base))
            elif "://" not in m["p"] and whole is None:
                bases.named.setdefault(i, []).extend(
                    sites._joined_to(i, line, m.start("p"), m["p"], base)
                )


# A client given an endpoint's whole URL (`new RestClient("https://.../content/x")`).
WHOLE_URL = rx.compile(r"\"https?://(?P<h>[\w.-]+)(?P<p>/[^\"?#\s]*)\"")


def _whole_url(given: str) -> Base | None:
    m = WHOLE_URL.fullmatch(given)
    return Base(m["h"], m["p"].rstrip("/"), "", 0) if m is not None else None


def _whole(i: int, at: int, base: Base) -> Site:
    """The site of a request that adds nothing to its client's base: the base's own path, judged
    where the URL is written (an echo: here only the request's body and method are read)."""
    return Site(i, at, at, "", base.prefix, base.host, base, True, echo=True)


REST_MADE = rx.compile(r"(?<![\w.])(?P<n>[A-Za-z_]\w*)\s*=\s*new\s+RestRequest\s*$")
REST_LOOK = 2000  # (how far after the request's binding its parameters are added: a method)


def _rest_query(text: str, name: str, after: int) -> list[tuple[str, int, int, int]]:
    """The query keys added to the RestSharp request `name` after its binding, up to its next."""
    return _named_query(text, name, after, "AddQueryParameter")


# The JVM's URI builders bound to a name the request's URL is then built from, and the steps on
# that name that add a query field (Apache HttpClient's URIBuilder, 4 and 5; Micronaut's).
URI_BUILDER_MADE = rx.compile(
    r"(?<![\w.])(?P<n>[A-Za-z_]\w*)\s*=\s*(?:new\s+URIBuilder|UriBuilder\s*\.\s*of)\s*$"
)
NAMED_QUERY_STEP = "(?:addParameter|setParameter|queryParam)"
# Calls whose chained steps after the URL add the query: Unirest's `Unirest.get(url)
# .queryString("k", v)`, Vert.x's `client.getAbs(url).addQueryParam("k", v)`, Micronaut's
# `UriBuilder.of(url).queryParam("k", v)`.
CHAIN_QUERY_BEFORE = rx.compile(
    r"(?:\bUnirest\s*\.\s*\w+|\.\s*(?:get|post|put|delete|patch|head|request)Abs"
    r"|\bUriBuilder\s*\.\s*of)\s*$"
)
# Fuel's GET with its parameters as pairs: `Fuel.get(url, listOf("k" to v))`.
FUEL_GET_BEFORE = rx.compile(r"\bFuel\s*\.\s*(?:get|delete|head)\s*$")
FUEL_PAIR = rx.compile(
    r"\"(?P<k>[A-Za-z_][\w.\[\]-]*)\"\s+to\s+(?P<v>[^,()]*(?:\([^()]*\))?[^,()]*?)\s*(?=[,)])"
)


def _fuel_pairs(text: str, start: int, end: int) -> list[tuple[str, int, int, int]]:
    """The `"k" to v` pairs of the parameters list a Fuel GET is given after its URL."""
    opened = text.find("listOf(", start, end)
    if opened < 0:
        return []
    return [
        (m["k"], m.start("k"), m.start("v"), m.end("v"))
        for m in FUEL_PAIR.finditer(text, opened, end)
    ]


def _named_query(text: str, name: str, after: int, step: str) -> list[tuple[str, int, int, int]]:
    """The query keys added to the request or builder `name` by `step` after its binding, up to
    its next binding."""
    stop = min(len(text), after + REST_LOOK)
    again = re.compile(rf"(?<![\w.]){re.escape(name)}\s*=(?!=)").search(text, after, stop)
    added = re.compile(rf"(?<![\w.]){re.escape(name)}\s*(?=\.\s*{step}\()")
    statement = text.find(";", after, stop)  # (and those chained on the constructor itself:
    found = list(_added_keys(text, after, statement if statement >= 0 else after))  # `new
    for m in added.finditer(
        text, after, again.start() if again else stop
    ):  # RestRequest(..).Add..`)
        key = next(_added_keys(text, m.end(), stop), None)
        found += [key] if key is not None else []
    return found
