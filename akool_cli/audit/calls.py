"""The places in one file that call AKOOL (each path judged against the docs, with the base it is
joined to), which of them are not calls at all (prose comments, docs links, other hosts), and
the file's context that the audit's rules read."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import PurePath
from typing import Any

from akool_cli.audit import authheaders, datapaths, fields, printed, rx, source, unsent
from akool_cli.audit.hosts import AKOOL_DOMAIN, akool_host, api_named, host_kind
from akool_cli.audit.paths import (
    Judgement,
    akool_shaped,
    judge,
    names_a_product,
    resource_words,
)
from akool_cli.audit.sites import (
    AKOOL_URL,
    ENV_PREFIX,
    OPEN_API_PATH,
    UNSEEN_PREFIX,
    Bases,
    Site,
    sites,
)
from akool_cli.audit.source import WEBSITE_HOSTS
from akool_cli.audit.unseen import names_akool, plausible, shaped
from akool_cli.core import catalogue, contract
from akool_cli.core.catalogue import DocEndpoint

# How far (in lines) a header may sit from the call it belongs to.
NEARBY_LINES = 20
SAME_REQUEST_LINES = 10

SHELL_SUFFIXES = (".sh", ".bash", ".zsh")
JS_SUFFIXES = (".js", ".mjs", ".cjs", ".ts", ".tsx", ".jsx")
# The other languages whose text the field rules read apart, by suffix.
LANGUAGES = {
    ".cs": "csharp",
    ".vb": "csharp",  # (VB.NET, read as C#: see vbnet.py)
    ".go": "go",
    ".rs": "rust",
    ".kt": "kotlin",
    ".kts": "kotlin",
    ".rb": "ruby",
    ".pl": "perl",
    ".pm": "perl",
    ".swift": "swift",
    ".r": "r",
    ".ps1": "powershell",
    ".psm1": "powershell",
    ".tf": "hcl",  # (Terraform: `k = v` keys, the http data source's request_body)
}
API_KEY_HEADER = rx.compile(re.escape(contract.API_KEY_HEADER), re.IGNORECASE)
# A header being set ("Authorization: Bearer", 'Authorization': ..., addHeader("Authorization", ...)),
# not a table row or a sentence that names it.
BEARER_HEADER = rx.compile(authheaders.header_set(re.escape(contract.BEARER_HEADER)), re.IGNORECASE)
AKOOL_HOST_IN_URL = AKOOL_DOMAIN  # (a host of AKOOL's domain: hosts.akool_domain's test)


@dataclass(frozen=True)
class Mention:
    """A place that names a path on AKOOL, and the docs' verdict on it."""

    line: int
    column: int
    end: int
    text: str  # the path as written
    judgement: Judgement
    site: Site

    # (kept on the mention once read: the rules ask each mention's about 18 times)
    @cached_property
    def endpoint(self) -> DocEndpoint | None:
        return self.judgement.endpoint

    @cached_property
    def verdict(self) -> str:
        return self.judgement.verdict


@dataclass
class Served:
    """The bases, by the file and line that bind them, that a path of AKOOL's website is joined
    to, each with the first such path (`BASE + "/api/v1/public/login"`), and those that a call of
    the open API is joined to: a base serving both is not the open-API call's alone to move."""

    website: dict[tuple[str, int], str] = field(default_factory=dict)
    api: set[tuple[str, int]] = field(default_factory=set)


@dataclass
class FileContext:
    name: str
    lines: list[str]
    bases: Bases = field(default_factory=Bases)
    mentions: list[Mention] = field(default_factory=list)
    call_lines: list[int] = field(default_factory=list)
    comments: dict[int, source.Comment] = field(default_factory=dict)
    comments_read: bool = False  # (comments worked out: an empty dict is read, not missing)
    _calls: frozenset[int] = frozenset()
    _doc: fields.Text | None = None
    # The requests of the calls to documented endpoints, worked out once by the field rules.
    requests: list[Any] | None = None
    reads: dict[int, list[Any]] = field(default_factory=dict)  # what each line reads of an answer
    answers: list[Any] | None = None  # the answer rules' hits, (rule, hit), worked out once
    # (host, /api/vN) of the open-API-shaped calls the file makes on AKOOL hosts (see siblings)
    siblings: frozenset[tuple[str, str]] = frozenset()
    # Calls of functions that return an AKOOL answer (see returns.py): read for their answer only.
    returned: list[Mention] = field(default_factory=list)
    # Whether the file imports a scanned module that names AKOOL (set by the scan).
    imports_akool: Callable[[], bool] = field(default=lambda: False)
    # What the bases serve (shared by the files of one scan: a base may be another file's).
    served: Served = field(default_factory=lambda: Served())
    # A Postman url's query names, by where they are written (see rules.postman_query): the
    # entry of its url.query array that a name of its url.raw stands with, what to say when
    # the two disagree, and the names of its own side (a rename must repeat none of them).
    postman: dict[int, tuple[Any, str, set[str]]] = field(default_factory=dict)
    # Lines read after the file's own by the field rules: the request model classes it imports
    # from other files of the folder (foreignmodels.py).
    appended: list[str] = field(default_factory=list)
    # The method each call's statement says, by (line, column, end) of its path (rules.call_method:
    # several rules ask for each call; a line's text does not change during the audit).
    methods: dict[tuple[int, int, int], str | None] = field(default_factory=dict)

    def doc(self) -> fields.Text:
        """The text as the field rules read it (made on first use: most files need none)."""
        if self._doc is None:
            suffix = PurePath(self.name).suffix.lower()
            # (a Markdown file's code blocks are in any language: both kinds of comment)
            style = source.COMMENTS.get(
                suffix, (("//", "#"), True) if suffix in source.DOCS else None
            )
            prose = source.code_walls(self.name, self.lines, self.comments)
            lines = [*self.lines, *self.appended] if self.appended else self.lines
            self._doc = fields.read(lines, self.is_python, self.language, style, prose)
            self._doc.scopes = self.bases.scopes
            self._doc.path_tables = frozenset(self.bases.path_tables)
        return self._doc

    @property
    def is_js(self) -> bool:
        return self.name.endswith(JS_SUFFIXES)

    @property
    def language(self) -> str:
        """The languages whose text the field rules read apart ("" for the others)."""
        suffix = PurePath(self.name).suffix.lower()
        first = self.lines[0] if self.lines else ""
        if suffix in SHELL_SUFFIXES or (not suffix and first.startswith("#!") and "sh" in first):
            return "shell"
        if self.is_js:
            return "js"
        return LANGUAGES.get(suffix, "")

    @property
    def is_python(self) -> bool:
        return self.name.endswith((".py", ".pyw"))

    def in_prose(self, line: int, column: int) -> bool:
        comment = self.comments.get(line)
        return comment is not None and comment.prose and column >= comment.column

    def near_call(self, line: int, distance: int = NEARBY_LINES) -> bool:
        return any(n in self._calls for n in range(line - distance, line + distance + 1))

    def written(self) -> list[Mention]:
        """The mentions whose path is written where they are (a name that only carries a path
        judged where it is written is not judged again where it is used)."""
        return [m for m in self.mentions if not m.site.echo]

    def calls(self) -> list[Mention]:
        """The mentions of documented endpoints, in file order."""
        return [m for m in self.mentions if m.endpoint is not None and m.verdict != "guess"]


@lru_cache(maxsize=4096)
def documented(method: str | None, path: str) -> DocEndpoint | None:
    return catalogue.load().find(method, path)


def _skipped(ctx: FileContext) -> dict[int, list[tuple[int, int]]]:
    """Spans of each line that are not calls: prose comments, URLs on other hosts (localhost
    callbacks, the script's own server, AKOOL's website and docs), paths held as data."""
    skip = datapaths.file_spans(ctx.name, ctx.lines, ctx.language == "shell")
    shell = ctx.language == "shell"
    unsent.add_spans(skip, ctx.lines, frozenset(ctx.bases.helpers), ctx.name, shell)  # (unsent)
    for i in source.own_spec_paths(ctx.lines, AKOOL_HOST_IN_URL):
        skip[i] = [(0, len(ctx.lines[i]))]
    feign = source.feign_file(ctx.lines)
    ivars = source.assigned_ivars(ctx.lines)
    clients = lru_cache(maxsize=1)(lambda: _client_names(ctx))  # (asked only beside a route)
    for i, line in enumerate(ctx.lines):
        spans = source.foreign_spans(line, AKOOL_HOST_IN_URL) if "//" in line else []
        spans += [s for s in source.route_spans(line, feign, ivars) if not _sent(line, s, clients)]
        spans += printed.link_spans(ctx.name, line)  # (a JSX `<a href="...">`: a link)
        comment = ctx.comments.get(i)
        if comment is not None and comment.prose:
            spans.append((comment.column, len(line)))
        if spans:
            skip.setdefault(i, []).extend(spans)
    for i, spans in source.split_routes(ctx.lines, feign, ivars).items():  # (routes over lines)
        head = ctx.lines[i - 1].rstrip() if i > 0 else ""
        skip.setdefault(i, []).extend(s for s in spans if not _sent(head, (len(head), 0), clients))
    return skip


# The receiver of a verb whose argument list opens right before a column (`router.post(`).
VERB_RECEIVER = rx.compile(
    r"(?<![\w$.])(?:this\.|self\.)?(?P<n>[A-Za-z_$][\w$]*)\s*\.\s*[A-Za-z_]\w*\s*\(\s*$"
)


def _client_names(ctx: FileContext) -> frozenset[str]:
    """The names the file binds to an HTTP client it makes or gives a base (`const router =
    axios.create({ baseURL })`, `app = httpx.Client(base_url=...)`): what a name was made from
    says whether its verbs send requests or declare routes, not what it is called."""
    return ctx.bases.made_clients() | frozenset(ctx.bases.named_clients)


def _sent(line: str, span: tuple[int, int], clients: Callable[[], frozenset[str]]) -> bool:
    """Whether a route-looking path at `span` is the argument of a client's verb (see
    _client_names) opened on its line before it."""
    m = VERB_RECEIVER.search(line, 0, span[0])
    return m is not None and m.group("n") in clients()


def find_mentions(ctx: FileContext) -> None:
    """Judge every place of the file that names a path on AKOOL."""
    if not ctx.comments_read:
        ctx.comments = ctx.comments or source.comments(ctx.name, ctx.lines)
    tied = lru_cache(maxsize=1)(lambda: ties_to_akool(ctx))
    talks = _names_open_api(ctx, tied)
    seen = [b for b in [*ctx.bases.helpers.values(), *ctx.bases.methods.values()] if b]
    seen += [*ctx.bases.names.values(), *ctx.bases.imported.values()]
    talks = talks or bool(
        ctx.bases.clients or any(b.prefix not in (UNSEEN_PREFIX, ENV_PREFIX) for b in seen)
    )
    ctx.siblings = api_siblings(ctx)
    # A file that names AKOOL throughout talks to it too, through a base not in view
    # (`${process.env.AKOOL_BASE_URL}/v4/...`): there, its versioned AKOOL-shaped paths are calls.
    named = lru_cache(maxsize=1)(lambda: names_akool(ctx.name, ctx.lines, ctx.in_prose))
    found = sites(ctx.lines, ctx.bases, _skipped(ctx))
    ctx.siblings |= joined_siblings(found)
    dropped = []
    for site in found:
        judgement = _judge_site(site, talks, ctx.siblings, site.unseen or (not talks and named()))
        _note_base(ctx, site, judgement)
        if judgement is None and _hidden_key(site):
            dropped.append(site)
        if judgement is None or (_out_of_view(site, judgement) and not (talks or tied())):
            continue
        ctx.mentions.append(Mention(site.line, site.start, site.end, site.text, judgement, site))
    if dropped:
        by_siblings(ctx, dropped)
    ctx.call_lines = sorted(
        {m.line for m in ctx.mentions}
        | {i for i, line in enumerate(ctx.lines) if AKOOL_URL.search(line)}
    )
    ctx._calls = frozenset(ctx.call_lines)


# The verdicts that show a base not in view is AKOOL's: a documented path, or a known guess.
EVIDENCE = frozenset({"documented", "deprecated", "retired", "guess"})
# First segments of a web project's own routes, never AKOOL's (its own backend's /v1/users/me).
OWN_ROUTES = frozenset(
    {"auth", "oauth", "user", "users", "account", "accounts", "login", "logout", "signup"}
    | {"register", "me", "profile", "admin", "health", "healthz", "payment", "payments"}
    | {"billing", "order", "orders", "team", "teams", "org", "orgs", "settings", "config"}
    | {"upload", "uploads", "file", "files", "webhook", "webhooks", "callback", "callbacks"}
)


def _own_route(path: str) -> bool:
    parts = path.strip("/").split("/")
    return len(parts) < 3 or parts[1].lower() in OWN_ROUTES


def _hidden_key(site: Site) -> str:
    """What a path given to a base not in view goes through: a hidden helper (by its name) or
    an AKOOL-named environment variable ("" for any other place)."""
    if site.unseen and site.via:
        return "helper:" + site.via
    base = site.base
    return "env" if base is not None and base.prefix == ENV_PREFIX else ""


def by_siblings(ctx: FileContext, dropped: list[Site]) -> None:
    """The versioned paths of no AKOOL shape (`/v3/product-ad/create`) given to a base not in
    view that the file also gives a documented path of AKOOL's or a known guess at one
    (`/v3/content/video/createbytalkingphoto`, through the same hidden helper or AKOOL-named
    environment variable): that base is AKOOL's /api/open, so they are calls of paths AKOOL does
    not document; not a project's own routes (`/v1/users/me`, `/v1/auth/login`)."""
    known = {_hidden_key(m.site) for m in ctx.mentions if m.judgement.verdict in EVIDENCE} - {""}
    added = False
    for site in dropped:
        path = site.path or ""
        if _hidden_key(site) not in known or not VERSIONED_PATH.match(path) or _own_route(path):
            continue
        found = judge("/api/open" + path.split("?")[0], site.continued)
        if found.verdict in ("guess", "unknown"):
            ctx.mentions.append(Mention(site.line, site.start, site.end, site.text, found, site))
            added = True
    if added:
        ctx.mentions.sort(key=lambda m: (m.line, m.column))


# What a path of AKOOL's (not another API's) is judged to be: known to AKOOL's documentation.
AKOOL_VERDICTS = frozenset({"documented", "deprecated", "retired"})


def _out_of_view(site: Site, judgement: Judgement) -> bool:
    """An /api/open/vN path AKOOL does not document, on no host in view (a literal path, or one
    joined to a base whose value the file does not show: `${provider.apiBase}/api/open/v1/x`).
    `/api/open/v1` is a prefix of many vendors' open APIs: such a path is AKOOL's only in a file
    tied to AKOOL (ties_to_akool)."""
    if judgement.verdict in AKOOL_VERDICTS or site.host is not None or site.unseen:
        return False
    base = site.base
    if base is not None and (base.host is not None or base.prefix in (ENV_PREFIX, UNSEEN_PREFIX)):
        return False
    return (site.path or "").startswith("/api/open/")


def _names_open_api(ctx: FileContext, tied: Callable[[], bool]) -> bool:
    """Whether the file talks to AKOOL by URL: an AKOOL host, or an /api/open/vN path that is
    AKOOL's (documented, or in a file tied to AKOOL: `/api/open/v1` is other vendors' too)."""
    opened: set[str] = set()
    for line in ctx.lines:
        if AKOOL_URL.search(line):
            return True
        m = OPEN_API_PATH.search(line) if "api/open" in line else None
        if m is not None:
            opened.add(m.group(0))
    if not opened:
        return False
    return any(judge(p).verdict in AKOOL_VERDICTS for p in opened) or tied()


def ties_to_akool(ctx: FileContext) -> bool:
    """Whether a file is tied to AKOOL: AKOOL named anywhere in it or its path (a host, an
    import, a class, an environment variable, a key, a comment), a base or helper of AKOOL's
    that the scanned folder gives it, or an import of a scanned module that names AKOOL. Of its
    path, only its name and its folder's count (`lib/akool/client.ts`): the folders above are
    where the scan happens to run (a checkout named akool/ would tie every file in it)."""
    near = "/".join(PurePath(ctx.name).parts[-2:]).lower()
    if "akool" in near or any("akool" in line.lower() for line in ctx.lines):
        return True
    given = [*ctx.bases.imported.values(), *ctx.bases.helpers.values()]
    return any(b is not None and b.host is not None for b in given) or ctx.imports_akool()


FILE_PATH = rx.compile(r"\.[A-Za-z][A-Za-z0-9]{0,4}/?$")


# A path that starts with an API version (`/v1/avatars`): on an API host of AKOOL's, a call.
VERSIONED_PATH = rx.compile(r"^/v\d+/[\w-]")


def api_versioned(host: str, path: str) -> bool:
    """Whether a path on an AKOOL host is a call of an API by its shape alone: a versioned path
    (`https://api.akool.com/v1/talking-photo`) on an API host of AKOOL's domain."""
    return bool(VERSIONED_PATH.match(path)) and api_named(host)


def _api_base(site: Site, host: str) -> bool:
    """Whether a joined path is on a base of AKOOL's API (`${base}/status` on api.akool.com as on
    openapi.akool.com, or any base ending in /api/open): every path there is a call, one segment
    included; a file's path (`/static/logo.png`) is not. A literal URL is, when its path is
    versioned (api_versioned)."""
    if host in WEBSITE_HOSTS or FILE_PATH.search(site.path or "") or website_path(site):
        return False
    if not site.joined:
        return api_versioned(host, site.path or "")
    prefix = site.base.prefix if site.base is not None else ""
    return api_named(host) or prefix.startswith("/api/open")


# The paths AKOOL's website serves on its own hosts (`api.akool.com/api/v1/public/login`): under
# /api/vN, not /api/open. Joined to a base on such a host, as written whole in one URL, they are
# judged as the website's unless they have the open API's shape (website_path).
WEBSITE_PATH = rx.compile(r"^/api/v\d+/")


def website_path(site: Site) -> bool:
    """Whether a joined path is judged as on AKOOL's website: an /api/vN/ path on a host of
    AKOOL's domain that the docs do not give as an API host (`BASE + "/api/v1/public/login"`
    with BASE on api.akool.com), whatever join wrote it: the same path in one literal URL is the
    website's sign-in, not an open-API call, and so it is here. One whose first segment is a
    word of AKOOL's API (`/api/v1/faceswap`, `/api/v1/content/...`) is still a call."""
    host, path = (site.host or "").lower(), site.path or ""
    prefix = WEBSITE_PATH.match(path) if site.joined else None
    return (
        prefix is not None
        and path[prefix.end() :].split("/")[0].lower() not in resource_words()
        and host_kind(host) in ("doubtful", "website", "retired")
    )


def _note_base(ctx: FileContext, site: Site, judgement: Judgement | None) -> None:
    """Record what a base (this file's, or another's of the folder) serves: a path of AKOOL's
    website (left silent) or a call of the open API; the wrong-host rule does not move a base
    that serves both, and a base of the website only is no finding (rules.py, scan.py)."""
    base = site.base
    if base is None or not site.joined or base.host is None:
        return
    if not base.file and all(i != base.line for i, _ in ctx.bases.clients):
        return  # (a client's literal base names no file; any other such base is no binding)
    key = (base.file or ctx.name, base.line)
    if judgement is None and website_path(site):
        ctx.served.website.setdefault(key, site.path or "")
    elif judgement is not None:
        ctx.served.api.add(key)


def joined_siblings(found: list[Site]) -> frozenset[tuple[str, str]]:
    """The AKOOL hosts (with their /api/vN) that paths of the open API's shape are joined to
    (`BASE + "/api/v1/faceswap/create"`): like api_siblings for paths written whole."""
    return frozenset(
        ((site.host or "").lower(), version.group(0))
        for site in found
        if site.joined
        and site.host is not None
        and (version := VERSION_PREFIX.match(site.path or "")) is not None
        and akool_shaped(site.path or "")
    )


# A path of one segment under /api/vN (`/api/v1/upload`), and the /api/vN of a longer path.
ONE_SEGMENT = rx.compile(r"^(?P<prefix>/api/v\d+)/[\w.~-]+/?$")
VERSION_PREFIX = rx.compile(r"^/api/v\d+(?=/)")


def api_siblings(ctx: FileContext) -> frozenset[tuple[str, str]]:
    """The AKOOL hosts (with their /api/vN) that the file sends paths of the open API's shape
    to, outside prose (`https://api.akool.com/api/v1/faceswap/create`): a one-segment path
    beside them (`/api/v1/upload`, a file's upload before the job) is a call of the same API."""
    found = set()
    for i, line in enumerate(ctx.lines):
        if "akool" not in line.lower():
            continue
        for m in AKOOL_URL.finditer(line):
            version = VERSION_PREFIX.match(m.group("path") or "")
            if version is None or ctx.in_prose(i, m.start()) or not akool_shaped(m.group("path")):
                continue
            found.add((m.group("host").lower(), version.group(0)))
    return frozenset(found)


def sibling_call(host: str, path: str, siblings: frozenset[tuple[str, str]]) -> bool:
    """Whether a one-segment path on an AKOOL host is under the /api/vN the file sends
    open-API-shaped paths to on that host (see api_siblings)."""
    m = ONE_SEGMENT.match(path) if siblings else None
    return m is not None and (host.lower(), m.group("prefix")) in siblings


def _judge_env(path: str, continued: bool) -> Judgement | None:
    """A path joined to a base held in an environment variable named for AKOOL's base: fine when
    AKOOL documents it under some prefix; an AKOOL-shaped one it does not document is a call
    of an endpoint that is not there (a path of no AKOOL shape is left alone)."""
    if path.startswith("/api/open/"):
        found = judge(path, continued)
        return found if found.verdict != "none" else None
    for prefix in ("", "/api/open/v3", "/api/open/v4", "/api/open/v2", "/api/open/v1", "/api/open"):
        found = judge(prefix + path, continued)
        if found.verdict in ("documented", "deprecated", "prefix", "retired"):
            return found
    found = judge(path, continued)
    if found.verdict == "none" and VERSIONED_PATH.match(path) and names_a_product(path):
        found = judge("/api/open" + path, continued)  # ${AKOOL_API_URL}/v3/image/generate
    return found if found.verdict in ("guess", "unknown") else None


def _judge_site(
    site: Site,
    talks: bool,
    siblings: frozenset[tuple[str, str]] = frozenset(),
    named: bool = False,
) -> Judgement | None:
    """The verdict on a site, or None when it is not a call to AKOOL."""
    if site.host is not None and not akool_host(site.host):
        return None
    path = site.path or ""
    if site.akool_helper and VERSIONED_PATH.match(path) and not shaped(path):
        if not names_a_product(path):
            return None  # (`akoolGet("/v3/users/info")`: no product of AKOOL's)
        # a versioned path naming a product, given to an AKOOL helper: AKOOL's, however spelt
        found = judge("/api/open" + path, site.continued)
        return found if found.verdict in ("guess", "unknown") else None
    if site.unseen and not shaped(path):
        return None  # a helper whose base is not in view: only AKOOL's versioned shapes
    if site.base is not None and site.base.prefix == ENV_PREFIX:
        return _judge_env(path, site.continued)
    if site.base is None and not path.startswith("/api/open/") and site.host is None:
        # a path joined to an unknown base: documented under some prefix is fine; otherwise
        # only AKOOL-shaped paths in a file that otherwise talks to AKOOL are judged
        for prefix in ("", "/api/open/v3", "/api/open/v4", "/api/open"):
            found = judge(prefix + path, site.continued)
            if found.verdict in ("documented", "deprecated", "prefix"):
                return found
        found = judge(path, site.continued)
        if found.verdict not in ("guess", "unknown"):
            return None
        if talks or (named and shaped(path) and (site.akool_helper or plausible(path, found))):
            return found
        return None
    host = (site.host or "").lower()
    api_host = host == contract.DOCUMENTED_HOST or _api_base(site, host)
    found = judge(path, site.continued, api_host)
    if found.verdict == "none" and sibling_call(host, path, siblings):
        found = judge(path, site.continued, True)
    if found.verdict == "none":
        return None
    return found
