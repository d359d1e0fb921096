"""Declarative HTTP clients' relative paths joined to the base their wiring names: Feign's
`@RequestLine("POST /content/x")` under `Feign.builder()...target(Api.class, BASE)`, Spring 6's
`@PostExchange("/content/x")` under the interface's `@HttpExchange(BASE)` (or the adapter's client
`baseUrl(BASE)`), Refit's `[Post("/content/x")]` under `RestService.For<IApi>(BASE)` (or
`AddRefitClient<IApi>()...BaseAddress = new Uri(BASE)`): each path a site (`bases.named`, by line)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import PurePath

from akool_cli.audit import rx, sites
from akool_cli.audit.sites import Base, Bases

# The suffixes the clients are written in, and the words a file that declares one holds (read once
# per file: a Python script, the bench's included, holds none of them with the suffix).
SUFFIXES = frozenset({".java", ".kt", ".kts", ".scala", ".groovy", ".cs"})
WORDS = (
    *("@RequestLine(", "Exchange(", "RestService.For", "AddRefitClient", "[Get(", "[Post("),
    *("@Client(", "@RegisterRestClient("),
)
# The base the wiring gives: Feign's `.target(Api.class, BASE)`, Spring's `@HttpExchange(BASE)`
# (or `url = BASE`), Refit's `RestService.For<IApi>(BASE)`; a string or a name.
GIVEN = r"(?P<b>\"[^\"]*\"|[A-Za-z_][\w.]*(?:\(\))?)"
WIRED_BASE = rx.compile(
    r"\.target\(\s*[\w.]+\.class\s*,\s*" + GIVEN + r"\s*\)"
    r"|@HttpExchange\(\s*(?:(?:url|value)\s*=\s*)?" + GIVEN.replace("?P<b>", "?P<e>") + r"\s*[,)]"
    r"|RestService\.For\s*<[^<>]*>\(\s*" + GIVEN.replace("?P<b>", "?P<r>") + r"\s*[,)]"
)
# The bases only a client's own annotation gives (its paths are a server's routes without one):
# Micronaut's `@Client("https://...")` (`value`/`url`; an id is config's), MicroProfile's (Quarkus')
# `@RegisterRestClient(baseUri = "...")`.
ANNOTATED_BASE = rx.compile(
    r"@Client\(\s*(?:(?:value|url)\s*=\s*)?(?P<m>\"https?://[^\"]*\"|[A-Z_][\w.]*)\s*[,)]"
    r"|@RegisterRestClient\([^()]*?\bbaseUri\s*=\s*(?P<q>\"[^\"]*\"|[A-Z_][\w.]*)"
)
# Their paths: Micronaut's `@Post("/x")` (`value`/`uri`), JAX-RS' `@Path("/x")` (a type's own path
# prefixes its methods').
ANNOTATED_PATH = rx.compile(
    r"@(?:Get|Post|Put|Delete|Patch)\(\s*(?:(?:value|uri)\s*=\s*)?\"(?P<m>/?[A-Za-z_][^\"\s]*)\""
    r"|@Path\(\s*(?:value\s*=\s*)?\"(?P<q>/?[A-Za-z_][^\"\s]*)\""
)
TYPE_DECLARATION = rx.compile(r"\b(?:interface|class)\s+[A-Z]\w*")
# A declared call's path: Feign's request line (its verb first), Spring's exchange (`value`/`url`
# named or not), Refit's verb attribute; only a relative path (a full URL is read as one).
DECLARED_PATH = rx.compile(
    r"@RequestLine\(\s*\"(?:GET|POST|PUT|DELETE|PATCH) +(?P<f>/?[A-Za-z_][^\"\s]*)\""
    r"|@(?:Get|Post|Put|Delete|Patch)Exchange\(\s*(?:(?:url|value)\s*=\s*)?"
    r"\"(?P<s>/?[A-Za-z_][^\"\s]*)\""
    r"|\[(?:Get|Post|Put|Delete|Patch)\(\s*\"(?P<r>/?[A-Za-z_][^\"\s]*)\""
)


def declared_sites(name: str, text: str, lines: list[str], bases: Bases) -> None:
    """The relative paths of the file's declarative clients joined to the base their wiring gives
    (or, failing one, the file's AKOOL client base), as sites (`bases.named`)."""
    if PurePath(name).suffix.lower() not in SUFFIXES or not any(w in text for w in WORDS):
        return
    wired = _wired_base(lines, bases)
    if "@Client(" in text or "@RegisterRestClient(" in text:
        _annotated_sites(lines, bases)
    for i, line in enumerate(lines):
        if len(line) > 2000 or ("(" not in line or ("@" not in line and "[" not in line)):
            continue
        for m in DECLARED_PATH.finditer(line):
            group = next(g for g in ("f", "s", "r") if m.group(g) is not None)
            path = m.group(group)
            if path.startswith("/api/open/") or "://" in path:
                continue  # (AKOOL's whole path or URL: read as a literal)
            base = wired or bases.client_at(i)
            if base is None or base.host is None or not sites.AKOOL_HOST.fullmatch(base.host):
                continue
            for site in sites._joined_to(i, line, m.start(group), _template_path(path), base):
                bases.named.setdefault(i, []).append(site)


def _wired_base(lines: list[str], bases: Bases) -> Base | None:
    """The AKOOL base the file's wiring gives its declared interface (the first it names)."""
    for i, line in enumerate(lines):
        if len(line) > 2000 or not any(
            w in line for w in (".target(", "@HttpExchange", "RestService")
        ):
            continue
        for m in WIRED_BASE.finditer(line):
            given = m.group("b") or m.group("e") or m.group("r") or ""
            base = sites._literal_base(given.removesuffix("()"), bases, i)
            if base is not None:
                return base
    return None


# Refit's verb attribute before a method (`[Get("/x")]`), and the parameters of the method it
# declares: each sent as a query field unless the path template names it (`{id}`) or an attribute
# says otherwise (`[Body]`, `[Header("k")]`); named by `[AliasAs("k")]` or the parameter's name.
REFIT_PARAMETER = rx.compile(
    r"(?:\[AliasAs\(\s*\"(?P<alias>[A-Za-z_][\w.\[\]-]*)\"\s*\)\]\s*)?"
    r"(?P<other>\[\w+(?:\([^()]*\))?\]\s*)?"
    r"(?P<type>(?:string|int|long|bool|double|float|decimal)\??)\s+(?P<name>[A-Za-z_]\w*)"
    r"\s*(?=[,)=])"
)
TEMPLATE_NAME = rx.compile(r"\{(?P<n>\w+)[^{}]*\}")


def refit_query(text: str, start: int, end: int) -> list[tuple[str, int, int, int]]:
    """The query fields of the Refit method whose `[Verb("path")]` attribute's `(` is at `start`
    and whose declaration ends at `end` (name, where, value start, value end: the parameter)."""
    if text[max(0, start - 8) : start].lstrip(" [") not in (
        "Get",
        "Post",
        "Put",
        "Delete",
        "Patch",
    ):
        return []
    close = text.find("]", start, end)
    opened = text.find("(", close, end) if close >= 0 else -1
    if opened < 0:
        return []
    templated = {m["n"] for m in TEMPLATE_NAME.finditer(text, start, close)}
    keys: list[tuple[str, int, int, int]] = []
    for m in REFIT_PARAMETER.finditer(text, opened + 1, end):
        other = m["other"] is not None and not m["other"].startswith("[Query")
        if other or m["name"] in templated:
            continue  # ([Body], [Header("k")], [Authorize]: not the query)
        group = "alias" if m["alias"] is not None else "name"
        keys.append((m[group], m.start(group), m.start("name"), m.end("name")))
    return keys


REFIT_VERBS = ("[Get(", "[Post(", "[Put(", "[Delete(", "[Patch(")


def _annotated_sites(lines: list[str], bases: Bases) -> None:
    """Micronaut's and MicroProfile's declared paths under their annotation's base (see
    ANNOTATED_BASE), a JAX-RS type's own `@Path` prefixing its methods'."""
    found = next(
        (m for line in lines for m in ANNOTATED_BASE.finditer(line) if len(line) <= 2000), None
    )
    given = (found["m"] or found["q"]) if found is not None else None
    base = sites._literal_base(given, bases, 0) if given else None
    if base is None or base.host is None or not sites.AKOOL_HOST.fullmatch(base.host):
        return
    kind = "m" if found is not None and found["m"] else "q"
    for i, line in enumerate(lines):
        m = ANNOTATED_PATH.search(line) if "@" in line and len(line) <= 2000 else None
        if m is None or m[kind] is None or "://" in m[kind]:
            continue
        if kind == "q" and _types_path(lines, i):
            base = replace(base, prefix=base.prefix.rstrip("/") + "/" + m[kind].strip("/"))
            continue
        for site in sites._joined_to(i, line, m.start(kind), _template_path(m[kind]), base):
            bases.named.setdefault(i, []).append(site)


# An RFC 6570 query expansion closing a URI template (`/x{?video_model_id}`, `{&a,b}`): Micronaut's
# and Spring's templates write the query there; it is no part of the path.
QUERY_EXPANSION = rx.compile(r"\{[?&][\w,*.]*\}")


def _template_path(path: str) -> str:
    """A declared path without its template's query expansions (see QUERY_EXPANSION)."""
    if "{?" not in path and "{&" not in path:
        return path
    return QUERY_EXPANSION.sub("", path)


def _types_path(lines: list[str], i: int) -> bool:
    """Whether the `@Path` on line i is a type's (its declaration follows its annotations)."""
    for k in range(i + 1, min(len(lines), i + 6)):
        text = lines[k].strip()
        if TYPE_DECLARATION.search(text):
            return True
        if text and not text.startswith("@"):
            return False
    return False
