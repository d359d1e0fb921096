"""Where a script names an AKOOL path: literal URLs and /api/open/vN/... paths, and paths joined to
a base URL held elsewhere (a variable, constant, config or environment default, class attribute,
client base_url, or a helper that joins its argument to a base), in Python, JavaScript and
TypeScript, shell, Go, Java, Kotlin, C# and PHP; bases may come from other files of the folder."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from typing import NamedTuple

from akool_cli.audit import arguments, brackets, commandcalls, jsclients, rx
from akool_cli.audit.generics import flat_generics
from akool_cli.audit.hosts import AKOOL_HOST, RESERVED, akool_host
from akool_cli.audit.localpaths import BINDING, local_names, names_a_file
from akool_cli.audit.otherhosts import class_prefix, other_vendor
from akool_cli.audit.paths import akool_shaped
from akool_cli.audit.scopes import FUNCTION_DEF, NOT_FUNCTIONS, TOP_LEVEL, Homes, Scopes
from akool_cli.audit.source import feign_file

__all__ = ["AKOOL_HOST", "FUNCTION_DEF", "NOT_FUNCTIONS", "Base", "Bases", "Site"]

# An AKOOL host in a URL (hosts.AKOOL_HOST's names: a placeholder's is not one).
HOST = r"(?P<host>(?:[A-Za-z0-9-]+\.)*akool\." + RESERVED + r"[A-Za-z]{2,})(?!\.?[A-Za-z0-9-])"
# user info before the host (`https://svc:pw@api.akool.com/x`): passed over, never echoed
USERINFO = r"(?:[\w.~%!$&*+,;=:-]+@)?"
AKOOL_URL = rx.compile(
    r"https?://" + USERINFO + HOST + r"(?P<path>/[^\s\"'`)<>\\\[\]*|]*[^\s\"'`)<>\\\[\]*|.,;:])?"
)
OPEN_API_PATH = rx.compile(
    r"(?:/|(?<=[\"'`])(?=api/open/v\d+/))api/open/v\d+/(?:[A-Za-z0-9_./$%-]|\{[^{}\s]*\})*(?:[A-Za-z0-9_/]|\{[^{}\s]*\})"
)
# A base: an AKOOL URL with nothing after the host but /api/open[/vN], or such a prefix alone.
BASE_URL = rx.compile(
    r"https?://" + USERINFO + HOST + r"(?P<prefix>/api/open(?:/v\d+)?)?/?"
    r"(?![\w/.{$%-])"
)
BASE_PREFIX = rx.compile(r"(?<![\w/])(?P<prefix>/api/open(?:/v\d+)?)/?(?=[\"'`]|$)")
# name = value, in the assignment, declaration and config forms of the languages above.
DEFINITION = rx.compile(
    r"(?P<name>(?:\$this->|self\.|this\.|cls\.|@|#(?=[A-Za-z_]))?\$?[A-Za-z_][\w]*)[\"']?\s*"
    r"(?:,\s*(?:_|err)\s*)?"  # (Go's `base, _ := url.Parse("https://...")`)
    r"(?::\s*[\w<>\[\]|.? ]+?\s*)?(?::=|\?\?=|(?<![=!<>])=(?![=>])|:(?!:)|=>|\s<-(?=\s))"
    r"\s*(?P<rhs>.+)$"  # (R's `base <- "https://..."`)
)
DEFINE_CALL = rx.compile(
    r"define\(\s*[\"'](?P<name>\w+)[\"']\s*,\s*(?P<rhs>.+)$"
    r"|[\"']key[\"']\s*:\s*[\"'](?P<pname>\w+)[\"']\s*,\s*[\"']value[\"']\s*:\s*(?P<prhs>.+)$"
)
# Where a client is given its base: httpx/requests-style base_url, axios baseURL, .NET BaseAddress,
# ky's prefixUrl, Go resty's SetBaseURL (SetHostURL before v2.7).
CLIENT_BASE = rx.compile(
    r"\b(?:base_url|baseURL|baseUrl|baseURI|base_uri|BaseAddress|baseAddress|prefixUrl|prefixURL"
    r"|SetBaseURL|SetHostURL)\b"
    # Ruby's Faraday.new(url: BASE) / Faraday.new("https://..."), Excon.new, RestClient::Resource
    r"|\b(?:Faraday|Excon|RestClient::Resource)\.new\s*\(\s*(?:url:\s*|:url\s*=>\s*)?(?=[\"'\w])"
    r"|@FeignClient\b"  # (its `url = "..."`: the base of the paths its methods' mappings give)
    r"|\bcreateForBaseUri\b"  # (Symfony's HttpClient::createForBaseUri("https://..."))
    + jsclients.FACTORY_BASE  # (wretch(BASE), mande(BASE): the base given first)
)
# What a line must hold for CLIENT_BASE to match there, one word of each of its alternatives: a
# test of words is some 30x cheaper than the pattern's search, which find_clients asks of every
# line (an alternation of words tried at each character: about 5 % of bench's file's audit).
CLIENT_BASE_WORDS = (
    "base_u",  # base_url, base_uri
    "baseU",  # baseURL, baseUrl
    "BaseURL",  # SetBaseURL
    "HostURL",  # SetHostURL
    "aseAddress",  # BaseAddress, baseAddress
    "prefixU",  # prefixUrl, prefixURL
    "Faraday",
    "Excon",
    "RestClient",
    "@FeignClient",
    "createForBaseUri",
    *jsclients.FACTORY_WORDS,
)

PATH_TEXT = r"(?P<path>/?[A-Za-z_{$%][^\s\"'`?#)]*(?:\?[^\s\"'`)]*)?)"
# {base}/x (f-strings, C#, PHP "{$base}"), ${base}/x (JS, shell, Kotlin), $base/x (shell, Kotlin, PHP),
# \(base)/x (Swift), {{base}}/x (Postman; Insomnia's {{ _.base }})
INTERPOLATION = rx.compile(
    r"(?:\{\{\s*(?:_\.)?(?P<e>\w+)\s*\}\}|\{\$?(?P<a>(?:type\((?:self|cls)\)\.)?[A-Za-z_][\w.$\[\]'\"-]*(?:->\w+)?)\}|\$\{(?P<b>[A-Za-z_][\w.#\[\]'\"]*)(?::-[^}]*)?\}"
    r"|\$(?P<c>[A-Za-z_]\w*(?:->\w+)?)|#\{(?P<d>[\w.@]+(?:::\w+)*(?:\[:\w+\])*)\}|\\\((?P<s>[A-Za-z_][\w.]*)\))"
    r"(?P<path>/(?:[^\s\"'`?#){]|\{[^{}\s/()]*\}|\{)*(?:\?[^\s\"'`)]*)?)"
)  # (a segment's own {d["kind"]}, quotes and all: Python 3.12 nests them in an f-string)
# The same interpolations with the path's first segment straight after (`${BASE}content/x`,
# f"{BASE}content/x", "$BASE"content/x): a join only to a base written ending in "/".
BARE_INTERPOLATION = rx.compile(
    INTERPOLATION.pattern.split("(?P<path>")[0]
    + r"(?P<path>[A-Za-z_][\w-]*/(?:[^\s\"'`?#){]|\{[^{}\s/()]*\}|\{)*(?:\?[^\s\"'`)]*)?)"
)
# base + "x", base . 'x', base+`x` (and Go's base+"x")
CONCATENATION = rx.compile(
    r"(?<![\w.$>])(?P<a>(?:\$this->|self\.|this\.|cls\.|\$)?[A-Za-z_][\w.]*(?:\[[\"'][\w]+[\"']\])*(?:\(\))?)\s*(?:\+|\.(?=\s*[\"']))\s*"
    r"[fr]?[\"'`]" + PATH_TEXT
)
# R's paste0(base, "/x") and paste(base, "/x", sep = "")
PASTE = rx.compile(r"\bpaste0?\(\s*(?P<a>[A-Za-z_.][\w.$]*)\s*,\s*[\"']" + PATH_TEXT + r"[\"']")
CONCATENATION_DOT = rx.compile(r"\.\s*[\"']")  # PHP's base . '/x'
# "%s/x" % base, "{}/x".format(base), fmt.Sprintf("%s/x", base), String.format("%s/x", base)
FORMAT = rx.compile(r"[\"'`](?:%s|\{\}|\{0\}|\{(?P<n>\w+)\})" + PATH_TEXT + r"[\"'`]")
# urljoin(base, "x"), new URL("x", base)
URLJOIN = rx.compile(
    r"(?:urljoin|urllib\.parse\.urljoin|resolve)\(\s*(?P<a>[^,()]+?)\s*,\s*[fr]?[\"'`]"
    + PATH_TEXT
    + r"|new URL\(\s*[\"'`]"
    + PATH_TEXT.replace("path", "path2")
    + r"[\"'`]\s*,\s*(?P<b>[^,()]+?)\s*\)"
)
# A call whose argument is a relative path literal: client.post("/x"), self._post("/x", ...),
# request("x"), api.get(`/x`), post("POST", "/x")
RECEIVER = rx.compile(r"(?P<r>[\w$][\w.$>-]*?)\s*(?:\.|->)\s*$")
# The head of such a call, up to its path: the function, a Go context, a method argument.
CALL_HEAD = (
    r"(?<!\w)(?P<fn>[A-Za-z_][\w]*)(?:<[\w\s,.\[\]|{}:;?<>]{0,160}>)?\(\s*"
    r"(?:(?:ctx|context\.\w+\(\)|[\w.]+\.Context\(\))\s*,\s*)?(?:(?:[\"'](?:GET|POST|PUT|DELETE|PATCH|get|post|put|delete|patch)[\"']"
    r"|(?:HttpMethod|Method|http\.Method)(?:\.|::)?(?i:Get|Post|Put|Delete|Patch))\s*,\s*)?"
)
PATH_ARGUMENT = rx.compile(
    CALL_HEAD
    + r"(?:[fFrR]{1,2}|\$@?|@\$?)?[\"'`](?P<path>/?[A-Za-z_][\w-]*/[^\s\"'`?#)]*(?:\?[^\s\"'`)]*)?"
    r"|/[A-Za-z_][\w-]*(?:\?[^\s\"'`)]*)?)[\"'`]"
)
HTTP_METHODS = frozenset({"get", "post", "put", "patch", "delete", "request", "head"})
# HTTP libraries called as modules: `axios.post(path)` is no client with a base.
HTTP_MODULES = frozenset(
    {"requests", "axios", "httpx", "http", "https", "urllib", "aiohttp", "got", "ky", "superagent"}
)
# .NET's HttpClient: GetAsync, PostAsJsonAsync, GetStringAsync, GetFromJsonAsync, SendAsync ...
ASYNC_METHOD = rx.compile(r"(?:get|post|put|patch|delete|send)\w*async", re.IGNORECASE)
# A shell function called with a path: akool_post "/faceswap/..." "$BODY"
# (also inside a test's command substitution: `until [ "$(akool "/x" | jq ...)" = 3 ]`, `if [[ $(akool ...`)
# (and as a one-line function's first command: `new_photo() { akool_post "/x" "$BODY"; }`)
SHELL_HEAD = r"^\s*(?:(?:function\s+)?[A-Za-z_][\w:.-]*\s*\(\s*\)\s*\{\s+|function\s+[A-Za-z_][\w:.-]*\s*\{\s+)?(?:(?:local\s+|export\s+|readonly\s+)?[A-Za-z_]\w*=[\"']?(?:\$\(|`)\s*|(?:(?:if|elif|until|while)\s+)?(?:!\s+)?\[\[?\s+(?:!\s+)?[\"']?\$\(\s*)?(?P<fn>[A-Za-z_][\w-]*)\s+(?:[\"']?(?P<verb>GET|POST|PUT|DELETE|PATCH)[\"']?\s+)?"
SHELL_CALL = rx.compile(SHELL_HEAD + r"[\"']?(?P<path>/[A-Za-z_][^\s\"'`?#)]*(?:\?[^\s\"'`)]*)?)")


# A host given apart from the rest of its URL, by the way each library takes one: Go's
# `url.URL{Scheme: "https", Host: "..."}`, Node's `https.request({ hostname: "..." })`, Ruby's
# `URI::HTTPS.build(host: "...")`, Python's `http.client.HTTPSConnection("...")` and
# `urlunparse(("https", "...", path, ...))`, Java's `new URI("https", "...", path, null)`, OkHttp's
# `HttpUrl.Builder().host("...")`, C#'s `new UriBuilder("https", "...")` / `{ Host = "..." }`,
# Ruby's `Net::HTTP.new("...", 443)`, Swift's URLComponents `c.host = "..."`. Only an AKOOL host is
# read (see HOST).
QUOTED_HOST = r"(?P<q>[\"'`])" + HOST + r"(?P=q)"
HOST_PART = rx.compile(
    r"(?:\b(?:Host|hostname|host)\s*:\s*|\bHost\s*=\s*|\.host\s*=\s*|\bHTTPS?Connection\(\s*"
    r"|\burlun(?:parse|split)\(\s*[(\[]\s*[\"']https?[\"']\s*,\s*"
    r"|\bnew\s+(?:URI|URL|UriBuilder|Uri)\(\s*\"https?\"\s*,\s*|\.host\(\s*"
    r"|\bNet::HTTP\.(?:new|start)\(\s*)" + QUOTED_HOST
)


HOST_PART_WORDS = ("host", "Host", "Connection", "urlun", "URI(", "URL(", "Uri", "Net::HTTP")


def host_parts(line: str) -> Iterator[re.Match[str]]:
    """The AKOOL hosts a line gives apart from their URL (see HOST_PART; group `host`)."""
    if "akool" not in line or not any(w in line for w in HOST_PART_WORDS):
        return iter(())
    return HOST_PART.finditer(line)


@dataclass(frozen=True)
class Base:
    """A base URL held in a name: its host when the text shows one (None: a variable host) and
    the path it ends in ("", "/api/open" or "/api/open/vN")."""

    host: str | None
    prefix: str
    file: str
    line: int
    # For a wrapper function's base: the method the wrapper sends ("" when its code does not
    # say, "*" when its caller passes it). Not part of the base's identity.
    method: str = field(default="", compare=False)
    # For a hidden helper's base (UNSEEN_PREFIX): the helper's own name or module names AKOOL
    # (`akoolRequest` from "@/lib/akool"), so every versioned path given to it is AKOOL's.
    akool: bool = field(default=False, compare=False)
    # For a wrapper function that sends one of its parameters as the request's query
    # (`requests.get(BASE + path, params=params)`, `new URLSearchParams(params)`,
    # `http_build_query($params)`): that parameter's name, its position among the parameters a
    # caller gives, and the query names the wrapper adds itself. See wrappers.query_carrier.
    query: tuple[str, int, tuple[str, ...]] | None = field(default=None, compare=False)
    # For a wrapper function: what it returns of the answer, when its code says ("field": the
    # answer's data, `return (await res.json()).data`; "body": the parsed answer; see
    # ties.scopes' `gives`), so reads of what its caller gets back are placed right.
    gives: str = field(default="", compare=False)
    # For a wrapper function that sends more than one of its parameters as a path
    # (`createJob(primary, body, fallback)` giving both to a request helper): their positions
    # among the parameters a caller gives, the first one's included. See wrappers.path_params.
    positions: tuple[int, ...] = field(default=(), compare=False)
    # For a hidden helper's base (UNSEEN_PREFIX): the helper's name, so the paths given to one
    # helper are known as such (see calls.by_siblings).
    via: str = field(default="", compare=False)
    # Whether the base's URL, as written, ends in "/" (None: its text does not say): what
    # `urljoin(BASE, "x")` and `new URL("x", BASE)` resolve a relative path against.
    slash: bool | None = field(default=None, compare=False)
    # For a client's base: whether the client resolves a relative path against it as RFC 3986
    # does (.NET's BaseAddress, Retrofit, Faraday, requests_toolbelt's BaseUrlSession: see
    # RESOLVING_CLIENTS), rather than appending it (httpx, axios).
    resolves: str = field(default="", compare=False)


# Base.query's position of a wrapper's `**params` parameter: its caller's keyword arguments are
# the query (`get("/v4/voice/list", page=1)` to `def get(path, **params)`).
QUERY_KEYWORDS = -2


@dataclass(frozen=True)
class Site:
    """A place that names a path on AKOOL: the text of the path as written (line, columns) and
    the full path it stands for, with the host when known."""

    line: int
    start: int
    end: int
    text: str
    path: str | None  # None: the base is unknown (a relative path given to an unknown base)
    host: str | None
    base: Base | None = None
    joined: bool = False  # the path is joined to a base held elsewhere
    continued: bool = False  # the text goes on with "/" and a variable
    options: tuple[str, ...] = ()  # prefixes to try when the base is unknown
    foreign: bool = False  # joined to a base on another host: a place that is not a call
    named: bool = False  # the text is a name that holds the path (see pathnames.py): no fix here
    echo: bool = False  # the path is judged where it is written; here only its request is read
    # given to a request helper imported from a module not scanned (see unseen.py): its base is
    # not in view, and only a versioned AKOOL-shaped path is a call (any versioned path, when
    # the helper's own name or module names AKOOL: `akool_helper`)
    unseen: bool = False
    akool_helper: bool = False
    # the call of a function that returns this call's answer (see returns.py): what it returns
    returned: str = ""
    via: str = ""  # the hidden helper the path is given to (see Base.via)
    # how URL resolution moved the path off its base (`urljoin(".../v3", "x")`: v3 replaced),
    # said in the finding; "" when the path is joined as written
    resolved: str = ""


@dataclass
class Bases:
    """Names that hold AKOOL bases (one file's own, then those imported from the folder), and the
    helpers and clients that join a path to one."""

    names: dict[str, Base] = field(default_factory=dict)
    imported: dict[str, Base] = field(default_factory=dict)
    helpers: dict[str, Base | None] = field(default_factory=dict)
    clients: list[tuple[int, Base]] = field(default_factory=list)
    # Every binding of a name in the file, in line order: an AKOOL base, or None for a URL on
    # another host (a storage service's BASE_URL beside AKOOL's, in another class), and whether
    # it binds an attribute (`self.base = ...`, which any method reads as `self.base`).
    bindings: dict[str, list[tuple[int, Base | None, bool]]] = field(default_factory=dict)
    # Names bound to a whole AKOOL URL with a path (`BASE = ".../api/open/v3/content/image"`), by
    # the line that binds them: a base when a path is joined to it, else the URL of a call.
    held: dict[int, Base] = field(default_factory=dict)
    # The file's functions: a name bound in one is not another's parameter or local.
    scopes: Scopes | None = None
    lines: list[str] = field(default_factory=list)
    _local: frozenset[str] | None = None
    _plain: dict[str, bool] = field(default_factory=dict)  # names bound only at the top level
    _homes: dict[str, Homes[Base | None]] = field(default_factory=dict)  # by function
    _members: dict[str, Homes[Base | None]] = field(default_factory=dict)  # attributes, fields
    # The places where a name holding a path is joined to a base or given to a wrapper, by line.
    named: dict[int, list[Site]] = field(default_factory=dict)
    path_tables: set[str] = field(default_factory=set)  # objects whose entries are paths
    owners: dict[str, str] = field(default_factory=dict)  # helper: the class that defines it
    # Verb-named methods of client classes of other files of the folder, by the name an object
    # of the class is held in: ("client", "post") for `client = new AkoolClient()`.
    methods: dict[tuple[str, str], Base] = field(default_factory=dict)
    unseen: bool = False  # some helper or method is imported from a module not scanned
    # Names the file binds to a value it does not show (a helper's call, a config lookup, a
    # relative path built from a prefix): not an environment variable read under that name.
    opaque: set[str] = field(default_factory=set)
    _made: frozenset[str] | None = None  # see made_clients
    _made_at: dict[str, list[int]] = field(default_factory=dict)  # see made_at
    _feign: bool | None = None  # see feign
    # The names the file binds a client to where it gives it its base (`_v3 = new HttpClient {
    # BaseAddress = ... }`, `@v3 = Faraday.new(url: ...)`, `v3 = WebClient.builder().baseUrl(...)`,
    # `c.BaseAddress = ...`), with the line and the base (None: another host's): see client_names.
    named_clients: dict[str, list[tuple[int, Base | None]]] = field(default_factory=dict)
    _later: frozenset[str] | None = None  # see later_helpers (worked out once per sites())

    def take_imported(self, given: dict[str, Base]) -> None:
        """The bases of other files of the folder that this file imports; a name another file
        binds to another host or to the app's own server holds no AKOOL base here either."""
        for name, base in given.items():
            if base.prefix == ELSEWHERE:
                self.bind(name, 0, None)
            else:
                self.imported[name] = base

    def method_of(self, line: str, at: int, fn: str) -> Base | None:
        """The base of `receiver.fn(` at a column, when the receiver holds an object of a
        client class of the folder whose method `fn` joins its path to a base."""
        if not self.methods:
            return None
        m = RECEIVER.search(line, max(0, at - 80), at)
        return self.object_method(_name_of(m.group("r")), fn) if m is not None else None

    def object_method(self, name: str, fn: str) -> Base | None:
        """The base of `name.fn(`: a client class's method, or any request method (`get_json`,
        `akoolPost`) of a module or an object imported from a module not scanned."""
        found = self.methods.get((name, fn))
        hidden = self.methods.get((name, "request")) if found is None and self.unseen else None
        if hidden is not None and (REQUEST_NAME.search(fn) or hidden.akool):
            # (any method of a module that names AKOOL: `akoolApi.createJob("/v3/x", body)`)
            own = self.helpers.get(fn)  # (a wrapper method of the folder's, its base in view)
            if own is not None and own.prefix != UNSEEN_PREFIX:
                return None
            return hidden if hidden is not None and hidden.prefix == UNSEEN_PREFIX else None
        return found

    def local(self, ref: str) -> bool:
        """Whether a name holds a path on the script's own machine (`$ROOT`, `__dirname`, a
        name made from `os.path` or `$(pwd)`), or says it holds a file or a folder (`OUT_DIR`):
        what is joined to it is a file, not an AKOOL call."""
        name = _name_of(ref)
        if self._local is None:
            self._local = local_names(self.lines)
        return name in self._local or names_a_file(name)

    def bind(self, name: str, line: int, base: Base | None, attribute: bool = False) -> None:
        spots = self.bindings.setdefault(name, [])
        if spots and spots[-1][0] > line:  # (bound out of line order: rare)
            spots.insert(
                bisect.bisect_right([at for at, _, _ in spots], line), (line, base, attribute)
            )
        else:
            spots.append((line, base, attribute))
        self._plain.pop(name, None)
        scopes = self.scopes
        if scopes is None:
            return
        self._homes.setdefault(name, Homes(name, scopes)).add(line, base)
        if attribute or scopes.at(line) < 0:  # what `self.name` or `Config.name` can read
            self._members.setdefault(name, Homes(name, TOP_LEVEL)).add(line, base)

    def find(self, ref: str, line: int | None = None) -> Base | None:
        """The base a name holds at a line: its binding in effect there (the first one when the
        name is bound only below, as a module constant read in a function above it). A bare
        name reads only the bindings in its scope: not another function's local, nor an outer
        name that a parameter of its own function shadows."""
        return self.lookup(ref, line)[1]

    def foreign(self, ref: str, line: int) -> bool:
        """Whether a name holds a URL on another host at a line: paths joined to it are not
        AKOOL's, whatever they look like."""
        bound, base = self.lookup(ref, line)
        return bound and base is None

    def lookup(self, ref: str, line: int | None) -> tuple[bool, Base | None]:
        """(whether the file binds the name in scope at the line, the base it holds there)."""
        name = _name_of(ref)
        if not name:
            return False, None
        spots = self.bindings.get(name)
        if spots and line is not None:
            return self._in_scope(name, spots, line, _is_attribute(ref))
        if (
            line is not None
            and self.scopes is not None
            and not _is_attribute(ref)
            and self.scopes.parameter_at(name, line)
        ):
            return False, None  # a parameter of the same name as another file's base
        return False, self.names.get(name) or self.imported.get(name)

    def _in_scope(
        self, name: str, spots: list[tuple[int, Base | None, bool]], line: int, attribute: bool
    ) -> tuple[bool, Base | None]:
        scopes = self.scopes
        if scopes is not None and attribute:  # self.base: an attribute or a class's field
            members = self._members.get(name)
            return members.at(line) if members is not None else (False, None)
        if scopes is not None:
            plain = self._plain.get(name)
            if plain is None:  # (the common case: module constants, no parameter of their name)
                plain = not scopes.shadowed_anywhere(name) and all(
                    scopes.at(s[0]) < 0 for s in spots
                )
                self._plain[name] = plain
            if not plain:
                return self._homes[name].at(line)
        k = bisect.bisect_right([at for at, _, _ in spots], line) - 1
        return True, spots[max(k, 0)][1]

    def later_helpers(self) -> frozenset[str]:
        """The wrappers that send a later parameter as a path too (see Base.positions)."""
        if self._later is None:
            named = (n for n, b in self.helpers.items() if b is not None and _later(b.positions))
            self._later = frozenset(named)
        return self._later

    def later_arguments(
        self, line: str, opened: int | None = None
    ) -> Iterator[tuple[Base, tuple[int, int]]]:
        """Each argument a line gives a wrapper at a later position it sends as a path (see
        Base.positions: sorted), with that wrapper: `createJob(primary, body, fallback)`; of
        the calls that open before `opened` only, when given."""
        later = self.later_helpers()
        for m in arguments.CALL.finditer(line, 0, len(line) if opened is None else opened):
            helper = self.helpers.get(m.group("fn")) if m.group("fn") in later else None
            if helper is None:
                continue
            args = arguments.spans(line, m.end())
            for k in helper.positions[1:] if helper.positions[0] == 0 else helper.positions:
                if k >= len(args):
                    break
                yield helper, args[k]

    def made_clients(self) -> frozenset[str]:
        """The names the file binds to a client it makes (`http = axios.create(...)`, `self.http
        = httpx.Client(...)`): a module's name so bound is that client, not the module."""
        if self._made is None:
            text = "\n".join(self.lines)
            self._made = frozenset(m.group("n") for m in MADE_CLIENT.finditer(text))
            self._made |= defaults_clients(text)  # (`axios.defaults.baseURL = BASE`)
            self._made |= jsclients.called_clients(text)  # (up-fetch's `up(fetch, ...)`)
        return self._made

    def feign(self) -> bool:
        """Whether the file's Spring mappings declare a Feign client's calls (source.feign_file)."""
        if self._feign is None:
            self._feign = feign_file(self.lines)
        return self._feign

    def made_at(self, name: str) -> list[int]:
        """The lines that bind a name to a client they make (MADE_CLIENT), found once a name."""
        if name not in self._made_at:
            self._made_at[name] = [n for n, text in enumerate(self.lines) if _makes(name, text)]
        return self._made_at[name]

    def client_at(self, line: int) -> Base | None:
        before = [b for n, b in self.clients if n <= line]
        return before[-1] if before else (self.clients[0][1] if self.clients else None)


# A module's name bound to a client the file makes: `const http = axios.create(`, `this.http =
# new HttpClient(`, `var http = new HttpClient {`, `http = httpx.Client(`, `self.http =
# httpx.AsyncClient(`, PHP's `$v3 = new Client([...])` and `new \GuzzleHttp\Client([...])` (its
# namespace written out) (not `const http = require("http")`).
MADE_CLIENT = rx.compile(
    r"(?<![\w$])(?:this\.|self\.|\$this->|\$)?(?P<n>[A-Za-z_]\w*)\s*(?::[^=\n]*)?=\s*(?:new\s+)?"
    r"\\?(?:[\w$]+[.\\])*(?:create|(?:[A-Z]\w*)?Client|Session|Instance)\s*[({]"
)


# A module whose own defaults the file gives a base (`axios.defaults.baseURL = BASE`): its verbs
# (`axios.post("/x")`) are that client's, not the bare module's.
DEFAULTS_BASE = rx.compile(r"(?<![\w$.])(?P<n>[A-Za-z_$][\w$]*)\.defaults\.baseURL\s*=(?!=)")


def defaults_clients(text: str) -> frozenset[str]:
    """The names whose defaults a file gives a base (see DEFAULTS_BASE)."""
    if ".defaults." not in text:
        return frozenset()
    return frozenset(m.group("n") for m in DEFAULTS_BASE.finditer(text))


CLASS_OF_SELF = rx.compile(r"^(?:type\((?:self|cls)\)|self\.__class__)\.")


@lru_cache(maxsize=4096)
def _later(positions: tuple[int, ...]) -> bool:
    """Whether a wrapper sends a parameter after its first as a path (`createJob(primary, body,
    fallback)`, `createJob(kind, path, body)`)."""
    return len(positions) > 1 or (len(positions) == 1 and positions[0] > 0)


REF_LEAD = rx.compile(r"[\w.$>\[\]\"'@#-]+")
QUOTED_KEY_END = rx.compile(r"\[(?:[\"']|:(?=\w+\]$))(\w+)[\"']?\]$")
PLAIN_NAME = rx.compile(r"[A-Za-z_]\w*")


@lru_cache(maxsize=4096)
def _name_of(ref: str) -> str:
    """The name a reference uses: self.BASE_URL, this.base, $this->base, Config.BASE, $BASE,
    process.env.AKOOL_BASE, os.environ["AKOOL_BASE"], settings["base_url"] -> the last name."""
    ref = CLASS_OF_SELF.sub("self.", ref.strip())  # f"{type(self).BASE}/x": the class's BASE
    lead = REF_LEAD.match(ref.replace("::", "."))  # BASE + "/" -> BASE
    ref = (lead.group(0) if lead else "").removesuffix("()")
    quoted = QUOTED_KEY_END.search(ref)  # (Ruby's [:root])
    if quoted:
        return quoted.group(1)
    ref = ref.split("->")[-1].split(".")[-1].lstrip("$@#")
    return ref if PLAIN_NAME.fullmatch(ref) else ""


def name_of(ref: str) -> str:
    """The name a reference uses (see _name_of)."""
    return _name_of(ref)


ATTRIBUTE_REF = rx.compile(r"\s*(?:\$this->|self\.|this\.|cls\.|@|type\(|[\w$]+(?:\.|::|->)\w)")


@lru_cache(maxsize=4096)
def _is_attribute(ref: str) -> bool:
    """A reference to an attribute or a member (self.base, this.base, $this->base, Config.BASE),
    which no parameter shadows."""
    return bool(ATTRIBUTE_REF.match(ref))


def foreign_url(rhs: str) -> bool:
    """A right-hand side that holds a URL on another host and none on AKOOL's."""
    return not AKOOL_URL.search(rhs) and any(
        not akool_host(m.group("host")) for m in FOREIGN_URL.finditer(rhs)
    )


FOREIGN_URL = rx.compile(r"https?://(?P<host>[A-Za-z0-9.\-_]+|\[[0-9a-fA-F:]+\])")


# A base trimmed as it is bound: base_url.rstrip("/"), base.trimEnd(), baseUrl.replace(/\/$/, "")
TRIMMED = rx.compile(
    r"\.(?:rstrip|strip|trim|trimEnd|TrimEnd|removesuffix|replace|toString|ToString)\([^()]*\)"
)


SLASH_WORD = rx.compile(r"/[A-Za-z_]")  # (a path's segment after a slash)
REF_TEXT = rx.compile(r"[\w.$>\[\]\"'-]+")
ALIAS = rx.compile(r"\s*[\w.$>\[\]\"'-]+\s*[;,]?\s*(?:(?:#|//).*)?")


def _literal_base(rhs: str, bases: Bases, line: int | None = None) -> Base | None:
    """The base a definition's right-hand side holds, if it holds one: a literal base URL (an
    environment default included), a /api/open[/vN] prefix, or another base plus a prefix."""
    url = BASE_URL.search(rhs)
    if url is not None:
        host, prefix = url.group("host"), url.group("prefix") or ""
        more = BASE_PREFIX.search(rhs, url.end())
        slash = url.group(0).endswith("/") if not more and not TRIMMED.search(rhs) else None
        return Base(host, prefix or (more.group("prefix") if more else ""), "", 0, slash=slash)
    if AKOOL_URL.search(rhs):
        return None  # a full endpoint URL, not a base
    if "/v" in rhs and (joined := version_joined(rhs, bases, line)) is not None:
        return joined  # V4 = API_ROOT + "/v4"
    if SLASH_WORD.search(OPEN_PREFIX.sub("", rhs)):
        return None  # a path joined to a base: an endpoint URL, not a base
    for ref in REF_TEXT.findall(TRIMMED.sub("", rhs)):
        found = bases.find(ref, line) if _name_of(ref) else None
        if found is not None:
            after = BASE_PREFIX.search(rhs)
            if after is not None and found.prefix in (
                "",
                ENV_PREFIX,
            ):  # (the env's host + "/api/open/v3")
                return Base(found.host, after.group("prefix"), found.file, found.line)
            if OPEN_PATH_START.search(rhs):
                return None
            alias = ALIAS.fullmatch(rhs)
            return found if alias else replace(found, slash=None)
    prefix = BASE_PREFIX.search(rhs)
    if prefix is not None and not OPEN_PATH_START.search(rhs[prefix.end() :]):
        return Base(None, prefix.group("prefix"), "", 0)
    return None


# A right-hand side that is one name and a version segment, nothing else: `API_ROOT + "/v4"`,
# PHP's `$root . '/v4'`, f"{API_ROOT}/v4", `${API_ROOT}/v4`, "$ROOT/v4", Ruby's "#{ROOT}/v4",
# C#'s $"{Root}/v4", Go's fmt.Sprintf("%s/v4", root), "{}/v4".format(root).
VERSION_JOIN = rx.compile(
    r"^\s*(?:(?P<a>\$?[A-Za-z_][\w.$]*)\s*(?:\+|\.)\s*[\"'`]/(?P<v1>v\d+)/?[\"'`]"
    r"|[fF$]?[\"'`](?:\$?\{(?P<b>[A-Za-z_][\w.]*)\}|\$(?P<c>[A-Za-z_]\w*)|#\{(?P<d>[\w.@]+)\})"
    r"/(?P<v2>v\d+)/?[\"'`]"
    r"|(?:fmt\.Sprintf|String\.format)\(\s*\"%s/(?P<v3>v\d+)/?\"\s*,\s*(?P<e>[A-Za-z_][\w.]*)\s*\)"
    r"|[\"']\{\}/(?P<v4>v\d+)/?[\"']\.format\(\s*(?P<f>[A-Za-z_][\w.]*)\s*\))"
    r"\s*[;,]?\s*(?:(?:#|//).*)?$"
)


def version_joined(rhs: str, bases: Bases, line: int | None = None) -> Base | None:
    """The base a definition makes of a base ending in /api/open and a version segment
    (`V4 = API_ROOT + "/v4"`): that version's base. Any other base so joined (a host's, an
    environment's) stays unknown: its version is not in view."""
    m = VERSION_JOIN.match(rhs)
    if m is None:
        return None
    ref = next(g for g in m.group("a", "b", "c", "d", "e", "f") if g)
    found = bases.find(ref, line)
    if found is None or found.prefix != "/api/open":
        return None
    version = next(v for v in m.group("v1", "v2", "v3", "v4") if v)
    return Base(found.host, f"/api/open/{version}", found.file, found.line)


def literal_base(text: str, bases: Bases) -> Base | None:
    """The base a literal AKOOL URL with no path past /api/open[/vN] is (for pathnames.py)."""
    return _literal_base(text, bases) if BASE_URL.fullmatch(text) else None


# A base whose version is a variable: `/api/open/${version}`, f"/api/open/{v}", "/api/open/" + v
VARIABLE_VERSION = rx.compile(r"/api/open/(?:\$\{|\{|\$[A-Za-z_]|[\"'`]\s*(?:\+|\.)\s*[$\w])")
VARIABLE_PREFIX = "/api/open/{}"
UNSEEN_PREFIX = "/{unseen}"  # the base of a request helper imported from a module not scanned
ENV_PREFIX = "/{env}"  # a base read from an AKOOL-named environment variable with no default
# An environment variable read as a whole value, with no default: process.env.X, os.environ["X"],
# os.getenv("X"), os.Getenv("X"), System.getenv("X"), ENV["X"], getenv('X'), Deno.env.get("X"),
# import.meta.env.X, a shell's "$X" or ${X} (a non-null `!`, a cast and a trim may follow).
ENV_READ = rx.compile(
    r"^\s*(?:await\s+)?[\"']?(?:process\.env\.(?P<a>\w+)|process\.env\[\s*[\"'](?P<b>\w+)[\"']\s*\]"
    r"|os\.environ\[\s*[\"'](?P<c>\w+)[\"']\s*\]|os\.(?:environ\.get|getenv)\(\s*[\"'](?P<d>\w+)[\"']\s*\)"
    r"|(?:os\.Getenv|System\.getenv|Environment\.GetEnvironmentVariable|getenv|Deno\.env\.get"
    r"|ENV\.fetch)\(\s*[\"'](?P<e>\w+)[\"']\s*\)|(?:ENV|\$_ENV|\$_SERVER)\[\s*[\"'](?P<f>\w+)[\"']\s*\]"
    r"|import\.meta\.env\.(?P<g>\w+)|\$\{?(?P<h>[A-Z][A-Z0-9_]*)\}?)[\"']?"
    r"(?:\s*(?:!|as\s+string|\.(?:rstrip|strip|trimEnd|trim|removesuffix)\([^()]*\)))*"
    r"(?:\s*(?:\?\?|\|\||\bor\b|\?:)\s*(?:[\"']{2}|None|null|undefined))?\s*[;,]?\s*(?:(?:#|//).*)?$"
)
# The words of a name that say it holds an API's base, and those that say it holds something else
# (the key, a webhook of the script's own, a proxy or mock in front of AKOOL).
BASE_WORDS = frozenset(
    {"url", "base", "api", "host", "endpoint", "server", "origin", "domain", "uri"}
)
NOT_BASE_WORDS = frozenset(
    {"key", "token", "secret", "webhook", "callback", "notify", "redirect", "hook", "proxy", "mock"}
    | {"id", "local", "stub", "fake", "cdn", "bucket", "storage", "upload", "file", "dir", "path"}
)


# The words of a name that say it holds another server's URL than AKOOL's API (the script's own
# webhook or callback, a CDN, a bucket): a path joined to it is no AKOOL call, whatever its shape.
ELSEWHERE_WORDS = frozenset({"webhook", "callback", "hook", "notify", "redirect", "cdn", "bucket"})


def _words(name: str) -> set[str]:
    """The words of a name, in lower case: AKOOL_WEBHOOK_URL, akoolApiBase, web_hook."""
    # (finditer: a long line's words are never all held at once, only the distinct ones)
    return {m.group().lower() for m in NAME_WORD.finditer(name)}


NAME_WORD = rx.compile(r"[A-Z]?[a-z0-9]+|[A-Z0-9]+(?![a-z])")


def akool_base_name(name: str) -> bool:
    """Whether an environment variable's name says it holds AKOOL's base (`AKOOL_API_URL`,
    `AKOOL_BASE`, `akoolApiBase`), not its key, a webhook or a proxy of the script's own."""
    words = _words(name)
    return "akool" in words and bool(words & BASE_WORDS) and not words & NOT_BASE_WORDS


# Other vendors a script may call beside AKOOL (comparison scripts, pipelines): a name that says
# one of them (`HEYGEN_API_URL`, `didBase`, `OPENAI_BASE`) and not AKOOL holds that vendor's server.
OTHER_VENDORS = frozenset(
    {"heygen", "did", "synthesia", "elevenlabs", "openai", "replicate", "runway", "runwayml"}
    | {"tavus", "hedra", "fal", "stability", "midjourney", "pika", "luma", "lumaai", "kling"}
    | {"klingai", "vidu", "minimax", "hailuo", "gemini", "anthropic", "deepgram", "assemblyai"}
    | {"azure", "google", "aws", "cloudinary", "supabase", "firebase", "stripe", "twilio"}
    | {"slack", "discord", "github", "shopify", "notion", "airtable", "ideogram", "leonardo"}
    | {"deepseek", "cohere", "mistral", "groq", "huggingface", "playht", "resemble", "murf"}
    | {"colossyan", "vapi", "livekit", "agora", "sora", "veo", "suno", "udio", "captions"}
)


def names_elsewhere(name: str) -> bool:
    """Whether a name says it holds another server's URL (`AKOOL_WEBHOOK_URL`, `callbackUrl`,
    another vendor's `HEYGEN_API_URL`)."""
    words = _words(name)
    return bool(words & ELSEWHERE_WORDS) or (bool(words & OTHER_VENDORS) and "akool" not in words)


def env_base(rhs: str) -> Base | None:
    """The base an environment variable named for AKOOL's base holds, read with no default
    (`process.env.AKOOL_API_URL`): its value is not in view, its paths are AKOOL's."""
    m = ENV_READ.match(rhs)
    name = next((g for g in m.groups() if g), "") if m is not None else ""
    return Base(None, ENV_PREFIX, "", 0) if name and akool_base_name(name) else None


# A relative path as a base's value or fallback, the app's own server (a proxy in front of AKOOL):
# `?? '/api/akool'`, `|| "./api"`, `or "/api"`, either branch of a ternary (`X ? X : '/api'`,
# `"/api" if ... else X`), a call's last argument (`os.getenv("X", "/api")`, `env("X", "/api")`,
# `${X:-/api}`, `Field(default="/api/akool")`), a destructuring default (`{ X = '/api/akool' } =
# process.env`), or the whole value.
RELATIVE_FALLBACK = rx.compile(
    r"(?:^|\?\?|\|\||\bor\b|\?:|[?:,]|\belse\b|:-|\bdefault\s*=)\s*[\"'`]?(?P<d>\.{0,2}/[\w.~/-]*)[\"'`]?"
    r"(?=\s*(?:[)}\]]\s*)*(?:[;,:?]|$|//|#|\bif\b|\belse\b|=|\)))"
)
# The words of a name that say it holds a base (of AKOOL's or of the app's own server).
OWN_BASE_WORDS = BASE_WORDS | {"akool", "root", "prefix", "proxy"}


def own_server_default(rhs: str, name: str = "") -> bool:
    """Whether a name bound to a right-hand side holds the app's own server: a base-like name
    whose value or fallback is a relative path (`process.env.AKOOL_API_URL ?? '/api/akool'`,
    `os.getenv("X", "./api")`, `cond ? "/api/akool" : env.X`), no AKOOL URL and no AKOOL path
    in it. AKOOL's own `/api/open` prefix as a fallback stays AKOOL's."""
    if "/" not in rhs or AKOOL_URL.search(rhs):
        return False
    words = _words(name)
    if name and not words & OWN_BASE_WORDS:
        return False
    return any(_relative(m.group("d")) for m in RELATIVE_FALLBACK.finditer(rhs.strip()))


# A helper's name that says it makes requests: get, post, akoolGet, api_request, fetchJson, call
# (a word of the name, not letters inside one: `capitalize` is no `api`).
REQUEST_NAME = rx.compile(
    r"(?:^|_|(?<=[a-z0-9])(?=[A-Z]))(?i:get|post|put|patch|delete|request|fetch|call|send|http|api)"
)
OPEN_PREFIX = rx.compile(r"/api/open(?:/v\d+)?(?=/?(?:[\"'`}]|$))")
OPEN_PATH_START = rx.compile(r"/api/open/v\d+/\w")
BASE_ONLY = rx.compile(r"^/api/open(?:/v\d+)?/?$")


def definitions(name: str, lines: list[str], bases: Bases) -> dict[str, Base]:
    """The names one file binds to AKOOL bases, in the order the file binds them. Only lines that
    name AKOOL or a base already known can bind one (most lines of a file are skipped)."""
    found: dict[str, Base] = {}
    known = NamesSeen({*bases.names, *bases.imported})
    functions = FunctionStarts(lines)
    fields: dict[str, int | None] = {}  # the class field each name declares (_field_declared)
    settings: bool | None = None  # whether the file defines a pydantic BaseSettings (when asked)
    for i, line in enumerate(lines):
        if not _may_bind(line) and not known.search(line):
            continue
        statement = _binding_statement(lines, i)
        for raw, rhs in _definitions_on(statement):
            key, attribute = _name_of(raw), _is_attribute(raw)
            if not key:
                continue
            if _elsewhere(rhs, key, i, bases):
                bases.bind(key, i, None, attribute)
                if bases.scopes is None or bases.scopes.at(i) < 0:
                    found[key] = Base(None, ELSEWHERE, name, i)  # (for the files importing it)
                continue
            if VARIABLE_VERSION.search(rhs) and not AKOOL_URL.search(rhs):
                # `/api/open/${version}`: a base whose version the code picks; its joined paths
                # are judged like those of an unknown base (documented under some version is fine)
                bases.bind(key, i, Base(None, VARIABLE_PREFIX, name, i), attribute)
                continue
            base = _overridden_default(statement, key, bases)  # (a config file's value wins)
            base = base or _literal_base(rhs, bases, i) or _held_url(rhs, name, i, bases)
            base = base or env_base(rhs) or _env_within(rhs) or configured(rhs, bases)
            base = base or config_base(rhs)
            if base is None and _own_server_value(rhs, functions):
                bases.opaque.add(key)
            if base is not None and base.host is not None and SETTINGS_FIELD.match(statement):
                settings = _settings_class(lines) if settings is None else settings
                base = Base(None, ENV_PREFIX, "", 0) if settings else base
            if base is not None:
                base = Base(base.host, base.prefix, base.file or name, base.line or i)
                base = replace(base, slash=_slash_of(rhs, base))
                bases.bind(key, i, base, attribute)
                if bases.scopes is not None and bases.scopes.at(i) >= 0:
                    if key not in fields:
                        fields[key] = _field_declared(lines, key, bases)
                    field = fields[key]
                    if field is not None:  # C#'s `_base = config[...]` in a constructor
                        bases.bind(key, field, base)
                else:
                    found[key] = base  # (a function's own local or parameter is not exported)
                _name_base(key, base, bases, known)
    return found


def _may_bind(line: str) -> bool:
    """Whether a line names AKOOL, an API path or a URL, or reads the environment for a name of
    the kind (a webhook's, HEYGEN_API_URL: its words read only then); a line that does none of
    these binds a base only through a name already known (definitions' NamesSeen), or binds a
    name to a relative path (the app's own server)."""
    low = line.lower()
    named = "akool" in low or "/api/open" in line or "://" in line
    named = named or ("env" in low and _names_elsewhere_line(line, low))
    return named or _relative_literal_bound(line)  # (`const BASE = "/api"`: the app's own)


def _binding_statement(lines: list[str], i: int) -> str:
    """The statement at line i that may bind a base: a Postman variable's key before its value,
    a Spring `@Value("${akool.url}")` with the field it annotates on the next line."""
    statement = _statement(lines, i)
    if '"value"' in lines[i]:
        statement = _postman_key(lines, i) + statement
    spring = "@Value(" in statement  # (SPRING_VALUE_ALONE's words: most lines hold none)
    if spring and i + 1 < len(lines) and SPRING_VALUE_ALONE.match(statement):
        statement += " " + lines[i + 1].strip()  # @Value("${akool.url}")⏎ private String url;
    return statement


def _name_base(key: str, base: Base, bases: Bases, known: NamesSeen) -> None:
    """A base a name of the file holds, as the file's (the names later lines may bind from)."""
    if key not in bases.names and key not in bases.imported:
        known.add(key)
    bases.names[key] = base


def _names_elsewhere_line(line: str, low: str) -> bool:
    """Whether a line names another server's URL (see names_elsewhere), by its words."""
    return any(w in low for w in ELSEWHERE_WORDS) or names_elsewhere(line)


def _field_declared(lines: list[str], name: str, bases: Bases) -> int | None:
    """The line declaring a class's field of this name with no value (`private readonly string
    _baseUrl;`, Java's `private String baseUrl;`), outside any function: a constructor's
    assignment of the bare name sets that field, which every method reads."""
    declared = re.compile(
        r"^\s*(?:(?:private|protected|public|internal|readonly|final|static)\s+)+"
        r"[\w.<>?\[\]]+\s+" + re.escape(name) + r"\s*;"
    )
    for n, text in enumerate(lines):
        if name in text and declared.match(text):
            return n if bases.scopes is None or bases.scopes.at(n) < 0 else None
    return None


def _slash_of(rhs: str, base: Base) -> bool | None:
    """Whether a definition's base URL, as written, ends in "/" (see Base.slash)."""
    url = BASE_URL.search(rhs)
    if url is None or BASE_PREFIX.search(rhs, url.end()) or TRIMMED.search(rhs):
        return None
    return url.group(0).endswith("/")


# An environment variable read anywhere in a value: process.env.X, os.environ["X"], getenv("X").
ENV_NAMED = rx.compile(
    r"(?:(?:process|import\.meta)\.env\.|(?:process\.env|os\.environ|ENV|\$_ENV)\[\s*[\"']"
    r"|(?:os\.environ\.get|getenv|Getenv|ENV\.fetch|Deno\.env\.get|GetEnvironmentVariable)\(\s*[\"'])"
    r"(?P<v>\w+)"
)


def _env_within(rhs: str) -> Base | None:
    """A value read from an environment variable named for AKOOL's base, in a form env_base does
    not take whole (`String(process.env.AKOOL_API_URL)`, `os.environ["AKOOL_BASE"].strip("/")`),
    with no path joined in it: AKOOL's base, its value not in view."""
    if "env" not in rhs.lower() or SLASH_WORD.search(rhs):
        return None
    named = any(akool_base_name(m.group("v")) for m in ENV_NAMED.finditer(rhs))
    return Base(None, ENV_PREFIX, "", 0) if named else None


# A framework's config value read by key: Spring's `env.getProperty("akool.api.url")`, .NET's
# `configuration["Akool:BaseUrl"]` / `GetValue<string>("Akool:BaseUrl")`, node-config's
# `config.get("akool.baseUrl")`, viper's `GetString("akool.base_url")`, Laravel's
# `config('services.akool.base_url')`, and a Spring `${key}` placeholder (see SPRING_VALUE).
CONFIG_READ = rx.compile(
    r"(?:(?i:[\w.$>]*(?:config|settings|env|environment|viper|props|properties|cfg|conf)\w*)"
    r"\s*(?:\.\s*(?:get|getProperty|getString|getValue|GetValue|GetString|Get|value|required)"
    r"(?:<[^<>()]*>)?\s*\(|\[)|(?<![\w.$])config\()\s*[\"'](?P<key>[\w.:\-]+)[\"']"
    r"|^\$\{(?P<placeholder>[\w.\-]+)\}$"
)
# Rails' custom settings read (`Rails.configuration.x.akool.base_url`): see railsconfig.py.
RAILS_READ = rx.compile(r"\bRails\.(?:configuration|application\.config)\.(?P<k>x(?:\.\w+)+)")
# Spring's injected property, on the field's line or the line before it (Kotlin's `\${...}` too):
# `@Value("${akool.api.url}") private String baseUrl;`, `@Value("${akool.url:https://...}")`.
SPRING_VALUE = rx.compile(
    r"@Value\(\s*\"\\?\$\{(?P<key>[\w.\-]+)(?::(?P<default>[^}\"]*))?\}\"\s*\)\s*"
    r"(?:(?:private|protected|public|final|static|lateinit|var|val|readonly)\s+)*"
    r"(?:[\w.<>?]+\s+(?=\w))?(?P<name>[A-Za-z_]\w*)"
)
SPRING_VALUE_ALONE = rx.compile(r"^\s*@Value\([^()]*\)\s*$")


# An annotated field of a class (`    akool_base: str = "https://openapi.akool.com"`).
SETTINGS_FIELD = rx.compile(r"^\s+[A-Za-z_]\w*\s*:\s*[\w.\[\]|, ]+=(?!=)")


def _settings_class(lines: list[str]) -> bool:
    """Whether a file defines pydantic settings (`class Settings(BaseSettings):`): the defaults
    of their fields are what the environment or a `.env` file does not override, no certain base."""
    return any("BaseSettings" in line and "class " in line for line in lines)


def _overridden_default(statement: str, key: str, bases: Bases) -> Base | None:
    """The base a config file of the folder sets under the key of a Spring field whose default
    is written beside the key (`@Value("${akool.url:https://openapi.akool.com}")` with
    application.yml's `akool.url`): at runtime the file's value wins over the default."""
    if "@Value" not in statement or not bases.imported:
        return None
    for m in SPRING_VALUE.finditer(statement):
        if m.group("name") == key and m.group("default"):
            return bases.imported.get("${" + m.group("key") + "}")
    return None


def config_base(rhs: str) -> Base | None:
    """A value a framework's config gives under a key named for AKOOL's base (`akool.api.url`,
    `Akool:BaseUrl`), with no path joined in it: AKOOL's base, its value not in view (a
    default written beside the key is read as a literal base first)."""
    if SLASH_WORD.search(rhs) or not any(w in rhs.lower() for w in ("akool",)):
        return None
    for m in CONFIG_READ.finditer(rhs):
        if akool_base_name(m.group("key") or m.group("placeholder")):
            return Base(None, ENV_PREFIX, "", 0)
    return None


# A framework's config file: Spring's application.properties / application-dev.yml, a bare
# config.properties; read for the AKOOL bases its keys set (see config_values).
CONFIG_FILE = rx.compile(r"(?:^|/)(?:application|bootstrap|config)[\w-]*\.(?:properties|ya?ml)$")
PROPERTY_LINE = rx.compile(r"^\s*(?P<k>[A-Za-z_][\w.\-]*)\s*[=:]\s*(?P<v>\S.*?)\s*$")
YAML_KEY = rx.compile(
    r"^(?P<i>\s*)(?P<k>[A-Za-z_][\w\-]*)\s*:(?:\s+(?P<v>[^#\s][^#]*?))?\s*(?:#.*)?$"
)


def config_values(name: str, text: str) -> dict[str, Base]:
    """The AKOOL bases a config file sets, by key (`akool.api.url=https://.../api/open/v3`, or
    the same key nested in YAML): what `@Value("${akool.api.url}")` or
    `env.getProperty("akool.api.url")` gives the code of the folder."""
    if not CONFIG_FILE.search(name.replace("\\", "/")) or "akool" not in text.lower():
        return {}
    found: dict[str, Base] = {}
    yaml = not name.endswith(".properties")
    path: list[tuple[int, str]] = []  # (indent, key) of the YAML maps around a line
    for i, line in enumerate(text.splitlines()):
        m = YAML_KEY.match(line) if yaml else PROPERTY_LINE.match(line)
        if m is None or line.lstrip().startswith("#"):
            continue
        key = m.group("k")
        if yaml:
            indent = len(m.group("i"))
            path = [(n, k) for n, k in path if n < indent]
            key = ".".join([*(k for _, k in path), key])
            path.append((indent, m.group("k")))
        value = (m.group("v") or "").strip("\"' ")
        base = _literal_base(f'"{value}"', Bases()) if "akool" in value.lower() else None
        if base is not None and base.host is not None:
            found[key] = Base(base.host, base.prefix, name, i, slash=base.slash)
    return found


def configured(rhs: str, bases: Bases) -> Base | None:
    """The base a config file of the folder sets under the key a value reads (a Spring
    `${key}` placeholder, `env.getProperty("key")`): see config_values."""
    named = [k for k in bases.imported if k.startswith("${") and k[2:-1] in rhs]
    for m in CONFIG_READ.finditer(rhs) if named else ():  # (only a value that names a key)
        found = bases.imported.get("${" + (m.group("key") or m.group("placeholder")) + "}")
        if found is not None:
            return found
    for m in RAILS_READ.finditer(rhs) if named and "Rails." in rhs else ():
        found = bases.imported.get("${" + m.group("k") + "}")
        if found is not None:
            return found
    return None


ELSEWHERE = "/{elsewhere}"  # (exported) a name bound to another host or the app's own server
ALIAS_OF = rx.compile(r"^\s*(?P<r>[A-Za-z_$][\w.$]*)\s*[;,]?\s*(?:(?:#|//).*)?$")


def _elsewhere(rhs: str, key: str, line: int, bases: Bases) -> bool:
    """Whether a name is bound to a base that is not AKOOL's: a URL on another host, the app's
    own server (a relative fallback), an environment variable named for another server
    (`process.env.AKOOL_WEBHOOK_URL`), or another name that holds one (`API = config.proxyBase`)."""
    if foreign_url(rhs.split("#")[0]) or own_server_default(rhs, key):
        return True
    if _words(key) & OTHER_VENDORS and "akool" not in _words(key) and not AKOOL_URL.search(rhs):
        return True  # HEYGEN = os.environ["X"], heygenBase = getBase(): another vendor's
    if not AKOOL_URL.search(rhs) and any(
        names_elsewhere(m.group("v")) for m in ENV_NAMED.finditer(rhs)
    ):
        return True
    alias = ALIAS_OF.match(rhs) if "." in rhs or key.isupper() else None
    return alias is not None and bases.foreign(alias.group("r"), line)


# A relative path as a part of a value: `${process.env.BASE_PATH ?? ''}/api/akool`, base + "/api".
RELATIVE_PART = rx.compile(r"[\"'`}](?P<d>\.{0,2}/[\w.~/-]*)[\"'`]")
CALLED_FIRST = rx.compile(r"^\s*(?:await\s+)?(?P<fn>[A-Za-z_$][\w$]*)\s*\(")
FUNCTION_BODY_LINES = 15


# A function the file defines (`function f`, `const f =`, `def f`), all found in one pass, not one
# per value (break21b M4: a scan of the whole file for each `const rN = await fetch(...)`).
LOCAL_FUNCTIONS = rx.compile(
    r"\bfunction\s+(?P<f>[A-Za-z_$][\w$]*)|\b(?:const|let|var)\s+(?P<v>[A-Za-z_$][\w$]*)\s*="
    r"|\bdef\s+(?P<d>[A-Za-z_]\w*)"
)


@dataclass
class FunctionStarts:
    """The line each function of a file is first defined on, by name, found on first use."""

    lines: list[str]

    @cached_property
    def first(self) -> dict[str, int]:
        found: dict[str, int] = {}
        for i, line in enumerate(self.lines):
            for m in LOCAL_FUNCTIONS.finditer(line):
                found.setdefault(m.group("f") or m.group("v") or m.group("d"), i)
        return found


def _own_server_value(rhs: str, functions: FunctionStarts) -> bool:
    """Whether a value the audit cannot read is the app's own server: a relative path is part of
    it, or it is what a function of the file gives that returns one (`env("X")` with `env =
    (k) => process.env[k] || '/api/akool'`, a function returning '/api/akool' in a branch)."""
    if any(_relative(m.group("d")) for m in RELATIVE_PART.finditer(rhs)):
        return True
    called = CALLED_FIRST.match(rhs)
    if called is None:
        return False
    i = functions.first.get(called.group("fn"))
    if i is None:
        return False
    body = " ".join(functions.lines[i : i + FUNCTION_BODY_LINES])
    return any(_relative(m.group("d")) for m in RELATIVE_PART.finditer(body))


# A name bound to a relative path literal on its line: `const BASE = "/api";`, `API = '/backend'`.
RELATIVE_BOUND = rx.compile(r"=\s*[\"'`]\.{0,2}/[\w.~/-]*[\"'`]\s*[;,]?\s*(?:(?://|#).*)?$")


def _relative_literal_bound(line: str) -> bool:
    return "/" in line and RELATIVE_BOUND.search(line) is not None


def _relative(path: str) -> bool:
    """A relative path that is a base of the app's own server (`/api/akool`, `./api`), not
    AKOOL's prefix (`/api/open/v3`), an API version (`/v3`) or an AKOOL-shaped path."""
    return (
        len(path) > 1
        and not path.startswith("/api/open")
        and not API_VERSION.match(path)
        and not akool_shaped(path)
    )


API_VERSION = rx.compile(r"^/(?:api/)?v\d+/?$")


# How a statement goes on to the next line: it ends in an operator (`=`, `??`, `||`, `?`, `or`)
# or the next line starts with one (`?? '/api/akool'`, `: '/api/akool'`).
GOES_ON = ("=", "??", "||", "?", " or")
NOT_GOING_ON = ("==", "!=", "<=", ">=")
GOES_ON_NEXT = ("??", "||", "?", ":", "or ")
STATEMENT_LINES = 4


def _goes_on(line: str, following: str) -> bool:
    end = line.rstrip()
    if end.endswith(GOES_ON) and not end.endswith(NOT_GOING_ON):
        return True
    start = following.lstrip()
    return start.startswith(GOES_ON_NEXT) and not start.startswith("::")


def _statement(lines: list[str], i: int) -> str:
    """A line, with the lines its statement goes on to (a multi-line binding's value)."""
    text, j = lines[i], i
    while j + 1 < min(len(lines), i + STATEMENT_LINES) and _goes_on(lines[j], lines[j + 1]):
        j += 1
        text = text.rstrip() + " " + lines[j].strip()
    return text


# A pretty-printed Postman variable (as Postman exports a collection's or an environment's):
# `"key": "base",` on a line of its own, its `"value": "https://..."` on one of the next lines of
# the same object (`"type": "string"` may come between).
POSTMAN_KEY_LINE = rx.compile(r"\s*\"key\"\s*:\s*\"(?P<name>\w+)\"\s*,\s*$")
POSTMAN_VALUE_LINE = rx.compile(r"\s*\"value\"\s*:")
POSTMAN_BETWEEN = rx.compile(r"\s*\"\w+\"\s*:\s*(?:\"[^\"{}]*\"|\w+)\s*,\s*$")


def _postman_key(lines: list[str], i: int) -> str:
    """`"key": "NAME", ` for a line that is a pretty-printed Postman variable's value, so that
    the variable reads as the one-line `{"key": "NAME", "value": ...}` it is; else nothing."""
    if not POSTMAN_VALUE_LINE.match(lines[i]):
        return ""
    for j in range(i - 1, max(-1, i - 4), -1):
        key = POSTMAN_KEY_LINE.match(lines[j])
        if key is not None:
            return f'"key": "{key.group("name")}", '
        if not POSTMAN_BETWEEN.match(lines[j]):
            return ""  # (another object's line, or a value of more than a string)
    return ""


HELD_URL = rx.compile(r"[\"'`]" + AKOOL_URL.pattern + r"/?[\"'`]")


def _held_url(rhs: str, file: str, line: int, bases: Bases) -> Base | None:
    """A whole AKOOL URL with a path and nothing else in its string, held in a name: a base if
    paths are joined to it (see `sites`)."""
    m = HELD_URL.search(rhs)
    if m is None or not m.group("path"):
        return None
    base = Base(m.group("host"), m.group("path").rstrip("/"), file, line)
    bases.held[line] = base
    return base


WORD = rx.compile(r"\w+")


class NamesSeen:
    """Whether a line names one of a growing set of names (each as `\\bname\\b`), looked up
    by the line's words: a name's every word is a whole word of a line naming it. A name that is
    one word is one of the line's words (no pattern: bench's file binds a name per call, and
    each compiled its own); another name compiles its own pattern only (one pattern of all
    names, rebuilt at each, made an alias chain `a1 = a0`, `a2 = a1`, ... quadratic)."""

    def __init__(self, names: Iterable[str]) -> None:
        self.words: set[str] = set()  # (the names that are one word each)
        self.by_word: dict[str, list[re.Pattern[str]]] = {}
        self.wordless: list[re.Pattern[str]] = []
        for name in names:
            self.add(name)

    def add(self, name: str) -> None:
        if WORD.fullmatch(name):
            self.words.add(name)
            return
        pattern = _as_word(name)
        words = WORD.findall(name)
        (self.by_word.setdefault(words[-1], []) if words else self.wordless).append(pattern)

    def search(self, line: str) -> bool:
        if any(p.search(line) for p in self.wordless):
            return True
        words: Iterable[str]
        if len(self.words) > FEW_NAMES:
            if not self.words.isdisjoint(WORD.findall(line)):
                return True
        else:  # (their text first, then each found as a whole word: no list of the line's words)
            for word in [w for w in self.words if w in line]:
                if _whole_word_in(line, word):
                    return True
        if len(self.by_word) <= FEW_NAMES:  # (a name's last word is in any line that names it)
            words = [w for w in self.by_word if w in line]
        else:
            words = self.by_word.keys() & WORD.findall(line)
        return any(p.search(line) for w in words for p in self.by_word[w])


def _whole_word_in(line: str, word: str) -> bool:
    """Whether a word (a run of word characters) is written in a line as a whole word, as
    `\\bword\\b` finds it, without a pattern: its text, then the characters around it."""
    at = line.find(word)
    while at >= 0:
        end = at + len(word)
        before = line[at - 1] if at else " "
        after = line[end] if end < len(line) else " "
        # (what `\\w` matches: a character str.isalnum() takes, or `_`)
        if not (before.isalnum() or before == "_" or after.isalnum() or after == "_"):
            return True
        at = line.find(word, at + 1)
    return False


FEW_NAMES = 8  # (up to this many, each looked for in the line; beyond, the line's words in them)


# An environment variable read with a literal default, as a dict's or an object's entry gives it
# (`"base": os.environ.get("AKOOL_BASE", "https://..."),`, `base: process.env.X || "https://..."`).
ENV_WITH_DEFAULT = (
    r"(?:os\.environ\.get|os\.getenv|ENV\.fetch)\(\s*[\"']\w+[\"']\s*,\s*[\"'][^\"']*[\"']\s*\)"
    r"|process\.env\.\w+\s*(?:\|\||\?\?)\s*[\"'`][^\"'`]*[\"'`]"
)
INLINE_FIELD = rx.compile(
    r"[{,]\s*[\"']?(?P<name>(?i:\w*(?:base|host|api|endpoint|server|root|origin)\w*))[\"']?\s*:\s*"
    r"(?P<rhs>[\"'`][^\"'`]*[\"'`]|[A-Za-z_][\w.]*(?=\s*[,}])|" + ENV_WITH_DEFAULT + ")"
)


PARAMETER_DEFAULT = rx.compile(
    r"[(,]\s*(?:(?:private|public|protected|internal|readonly|val|var)\s+)*"
    r"(?P<name>[A-Za-z_]\w*)\s*(?::\s*\w+\??\s*)?=\s*"
    r"(?P<rhs>[\"'][^\"']*[\"']|[A-Za-z_][\w.]*(?=\s*[,)]))"
)

# A Ruby method's keyword parameter and its default (`def initialize(key, base: DEFAULT_BASE)`,
# `base_url: "https://..."`); a Python definition's line ends with `:`, and its `x: T` is a type.
RUBY_DEF = rx.compile(
    r"^\s*def\s+(?:self\.)?[A-Za-z_]\w*[?!]?\s*\((?P<params>[^()]*)\)\s*(?:#.*)?$"
)
RUBY_KEYWORD_DEFAULT = rx.compile(
    r"(?:^|,)\s*(?P<name>[a-z_]\w*):\s*(?P<rhs>[\"'][^\"']*[\"']|[A-Za-z_][\w.:]*(?=\s*(?:,|$)))"
)


# A PHP function's typed parameter and its literal default (`function __construct(string $key,
# string $base = 'https://...')`): the default is what the body's `$base` holds when not given.
PHP_PARAMETER_DEFAULT = rx.compile(
    r"[(,]\s*(?:\??[\w\\]+\s+)?\$(?P<name>[A-Za-z_]\w*)\s*=\s*(?P<rhs>[\"'][^\"']*[\"'])"
)


def _php_parameter_defaults(line: str) -> Iterator[tuple[str, str]]:
    """The parameters a PHP function's definition gives literal defaults (see PHP_PARAMETER_DEFAULT)."""
    if "$" not in line or not re.search(r"\bfunction\s+\w*\s*\(", line):
        return
    for m in PHP_PARAMETER_DEFAULT.finditer(line):
        yield "$" + m.group("name"), m.group("rhs")


def _ruby_keyword_defaults(line: str) -> Iterator[tuple[str, str]]:
    """The keyword parameters a Ruby method's definition gives defaults (see RUBY_DEF)."""
    m = RUBY_DEF.match(line)
    for k in RUBY_KEYWORD_DEFAULT.finditer(m.group("params")) if m is not None else ():
        yield k.group("name"), k.group("rhs")


PROMOTED = rx.compile(
    r"(?:^|[(,])\s*(?:public|private|protected)(?:\s+readonly)?\s+(?:\??[\w\\]+\s+)?\$?"
    r"(?P<name>[A-Za-z_]\w*)\s*(?::\s*\w+\??\s*)?=\s*(?P<rhs>[\"'][^\"']*[\"'])"
)


# The words that declare a binding before its name (`export const`, `private static final String`).
DECLARATION_WORDS = rx.compile(
    r"^\s*(?:export\s+|(?:public|private|protected|internal|static|final|readonly|const|let|"
    r"var|val|local|declare|override|open|lateinit|late|final)\s+)*"
    r"(?:(?:[A-Z][\w<>\[\],.?]*|string|str)\s+(?=[$A-Za-z_][\w$]*\s*[:=]))?"
)


# The shell's default assignment as a command's argument: `: "${AKOOL_URL:=https://...}"`.
COLON_DEFAULT = rx.compile(
    r"(?:^|(?<=\s)):\s+\"?\$\{(?P<name>[A-Za-z_]\w*):?=(?P<rhs>[^}\s\"]+)\}\"?(?=\s|;|$)"
)


def _definitions_on(line: str) -> Iterator[tuple[str, str]]:
    """(name, right-hand side) for each binding a line makes (each pattern tried only on a line
    holding the words it needs; every binding but PHP's define and Spring's @Value is written
    with `=`, `:` or R's `<-`)."""
    if not any(w in line for w in BINDING_MARKS):
        return
    define = DEFINE_CALL.search(line) if "define" in line or "key" in line else None
    if define is not None:  # PHP's define('NAME', ...), a Postman variable {"key", "value"}
        yield (
            define.group("name") or define.group("pname"),
            define.group("rhs") or define.group("prhs"),
        )
        return
    # (the shell's `: "${NAME:=default}"`: NAME=${NAME:-default}; a statement may join several)
    colons = list(COLON_DEFAULT.finditer(line)) if ":=" in line else None
    if colons:
        for c in colons:
            yield c.group("name"), "${" + c.group("name") + ":-" + c.group("rhs") + "}"
        return
    stripped = DECLARATION_WORDS.sub("", line)
    m = DEFINITION.match(stripped.lstrip("{, \t"))
    if m is not None:
        yield m.group("name"), m.group("rhs")
    elif "," in stripped:
        yield from _unpacked(stripped)
    # a JSON or YAML config's key: "akoolBase": "https://...", read as config.akoolBase
    key = CONFIG_KEY.match(line)
    if key is not None:
        yield (
            "this." + (key.group("name") or key.group("name2")),
            key.group("rhs") or key.group("rhs2"),
        )
    # a base-like field of an object or struct written inline: &Client{baseURL: "https://..."}
    for m in INLINE_FIELD.finditer(line) if _holds_field_word(line) else ():
        yield "this." + m.group("name"), m.group("rhs")  # (a field: read as an attribute)
    # keyword arguments and parameter defaults: base_url="https://...", (host = "https://..."),
    # and in a function's definition a default that names a base: (self, base_url=DEFAULT_BASE)
    for m in PARAMETER_DEFAULT.finditer(line):
        if m.group("rhs")[0] in "\"'" or FUNCTION_DEF.search(line):
            yield m.group("name"), m.group("rhs")
    yield from _ruby_keyword_defaults(line) if "def" in line else ()
    yield from _php_parameter_defaults(line) if "function" in line else ()
    # a constructor's promoted parameter or a property, with a visibility: a property of the
    # object (PHP 8's `private string $base = '...'` in `__construct(...)`, on its own line
    # too; TypeScript's `private baseUrl: string = "..."`): read as `$this->base`
    visible = "public" in line or "private" in line or "protected" in line  # (VISIBILITIES)
    for m in PROMOTED.finditer(line) if visible else ():
        yield "this." + m.group("name"), m.group("rhs")
    # an attribute set after a brace or a semicolon: `constructor() { this.base = API; }`
    for m in ATTRIBUTE_SET.finditer(line) if "this" in line or "self" in line else ():
        yield m.group("name"), m.group("rhs")
    # a Spring field injected from a property: its default, or the property's key
    for m in SPRING_VALUE.finditer(line) if "@Value" in line else ():
        yield m.group("name"), m.group("default") or "${" + m.group("key") + "}"


# What every binding _definitions_on reads is written with (`=`, `:=`, `=>`, `:`, R's `<-`, PHP's
# define(), Spring's @Value).
BINDING_MARKS = ("=", ":", "<-", "define", "@Value")
# The words INLINE_FIELD's names hold (in any letter case), and PROMOTED's visibilities.
FIELD_WORDS = ("base", "host", "api", "endpoint", "server", "root", "origin")
VISIBILITIES = ("public", "private", "protected")


def _holds_field_word(line: str) -> bool:
    """Whether an ASCII line holds one of FIELD_WORDS in any case (a line of other characters may,
    as re's case folding sees them: `ſ` is an `s`)."""
    if not line.isascii():
        return True
    low = line.lower()
    return any(w in low for w in FIELD_WORDS)


CONFIG_KEY = rx.compile(
    r"^\s*\"(?P<name>[A-Za-z_]\w*)\"\s*:\s*(?P<rhs>\"[^\"]*\")\s*,?\s*$"
    # (a dict's entry on a line of its own: `    "base": os.environ.get("AKOOL_BASE", "https://..."),`)
    r"|^\s*[\"'](?P<name2>[A-Za-z_]\w*)[\"']\s*:\s*(?P<rhs2>" + ENV_WITH_DEFAULT + r")\s*,?\s*$"
)
ATTRIBUTE_SET = rx.compile(
    r"[{;]\s*(?P<name>(?:this|self|\$this->)\.?\w+)\s*=(?![=>])\s*(?P<rhs>[^;{}]+)"
)
TUPLE = rx.compile(r"^\s*(?P<names>[\w.$>-]+(?:\s*,\s*[\w.$>-]+)+)\s*=(?!=)\s*(?P<values>[^=]+)$")


def _unpacked(statement: str) -> Iterator[tuple[str, str]]:
    """Each binding of a tuple assignment: `self.s, self.base = s, base`."""
    m = TUPLE.match(statement)
    if m is None:
        return
    names = [n.strip() for n in m.group("names").split(",")]
    values = [v.strip() for v in m.group("values").split(",")]
    if len(names) == len(values):
        yield from zip(names, values, strict=True)


# A base given as a call's argument (Laravel's `Http::baseUrl($base)`): the argument alone, not
# the chain after it.
BASE_CALL = rx.compile(r"\s*\(\s*(?P<a>[^()]*?)\s*\)")


def find_clients(lines: list[str], bases: Bases) -> None:
    """Clients given an AKOOL base (base_url=..., baseURL: ...): their relative paths join it,
    wherever the client is made (a factory function's `return axios.create({...})` too). A
    whole AKOOL URL given as the base (`"https://api.akool.com/v1"`, a wrong prefix) is one
    as well: the paths joined to it are judged, not the URL alone."""
    for i, line in enumerate(lines):
        if not any(word in line for word in CLIENT_BASE_WORDS):
            continue  # (most lines: no client's base)
        several = "akool" in line and len(line) <= 2000  # (not a minified line's every one)
        for m in CLIENT_BASE.finditer(line) if several else _first(CLIENT_BASE, line):
            _client(lines, i, m, bases)
    if not bases.clients:
        _retrofit_client(lines, bases)


def _first(pattern: re.Pattern[str], line: str) -> list[re.Match[str]]:
    m = pattern.search(line)
    return [] if m is None else [m]


def _client(lines: list[str], i: int, m: re.Match[str], bases: Bases) -> None:
    """The client given its base at a match of CLIENT_BASE on line i (see find_clients)."""
    line = lines[i]
    rest = line[m.end() :].lstrip(" \"':=>(")
    given = BASE_CALL.match(line, m.end())  # Laravel's ->baseUrl($base)->post('/x'): $base
    rest = given.group("a") if given is not None else rest
    value = rest[: brackets.walk(rest, 0, len(rest), ",;")]  # (`'base_uri' => $this->base]`)
    base = _literal_base(value, bases, i) or _literal_base(line[m.end() :], bases, i)
    option = OPTION_VALUE.match(rest) if base is None else None
    if option is not None:  # baseURL: BASE, url: "/x" (one request's options)
        base = _literal_base(option.group("v"), bases)
    if base is None and HELD_URL.search(line, m.end()):
        base = bases.held.get(i) or _held_url(line[m.end() :], "", i, bases)
    if base is None and SHORTHAND_OPTION.match(line, m.end()):
        base = _shorthand_base(line, m, bases, i)
    if base is None and bases.imported:  # (`BaseAddress = new Uri(config["Akool:BaseUrl"]!)`)
        base = configured(line[m.end() :], bases)
    if base is not None:
        made = Base(base.host, base.prefix, base.file, base.line or i)
        base = _resolving(made, base, lines, i, m)
        bases.clients.append((i, base))
    if base is not None or FOREIGN_BASE.match(line[m.end() :].lstrip(" :=>(")):
        name_client(lines, i, m.start(), base, bases)


# An object literal's shorthand property (`axios.create({ baseURL, timeout })`): the name is the
# value, and nothing but the next property or the object's end follows it.
SHORTHAND_OPTION = rx.compile(r"\s*[,}]")
SHORTHAND_BEFORE = rx.compile(r"[{,]\s*$")


def _shorthand_base(line: str, m: re.Match[str], bases: Bases, i: int) -> Base | None:
    """The base a shorthand option (`{ baseURL }`) gives: the one its name holds where the
    option is written (a module constant, a constructor parameter's default)."""
    if not SHORTHAND_BEFORE.search(line, 0, m.start()):
        return None
    return _literal_base(m.group(0), bases, i)


# A client given a literal URL on another host as its base (`new Uri("https://api.example.com/")`).
FOREIGN_BASE = rx.compile(r"(?:new\s+Uri\(\s*)?[\"'`]https?://(?![^\"'`/]*akool\.)[\w.-]+[\"'`/:]")
# A name bound (`name = `, `name: Type = `) or keyed (`name: `, Go's and JS's object literals).
CLIENT_BINDING = rx.compile(
    r"(?<![\w$.@>])(?:\$this->|this\.|self\.|@|\$)?(?P<n>[A-Za-z_]\w*)\s*"
    r"(?:(?::\s*[\w<>\[\]?.]+\s*)?:?=(?![=>])|:(?![:=]))"
)
# The receiver whose base is set: `c.BaseAddress = ...`, `client.SetBaseURL(...)`.
BASE_RECEIVER = rx.compile(
    r"(?<![\w$.@>)])(?:\$this->|this\.|self\.|@|\$)?(?P<n>[A-Za-z_]\w*)\s*(?:\.|->)\s*$"
)


def name_client(lines: list[str], i: int, at: int, base: Base | None, bases: Bases) -> None:
    """Note the name the client given its base at a column of line i is bound to, when the text
    shows one (see Bases.named_clients)."""
    own = BASE_RECEIVER.search(lines[i], 0, at)
    if own is not None:
        bases.named_clients.setdefault(own.group("n"), []).append((i, base))
        given = jsclients.intercepted(lines, i, own.group("n"))  # (config.baseURL = ...)
        if given is not None:
            bases.named_clients.setdefault(given, []).append((i, base))
        return
    for k in range(i, max(-1, i - OPTIONS_SCAN), -1):
        text = lines[k] if k < i else lines[i][:at]
        found = [m for m in CLIENT_BINDING.finditer(text)]
        for m in reversed(found):
            rhs = "\n".join([text[m.end() :], *lines[k + 1 : i], lines[i][:at]][: i - k + 1])
            if _holds(rhs, k < i and not _continued(lines, k, i)):
                bases.named_clients.setdefault(m.group("n"), []).append((k, base))
                return
        if k < i and not (_opens(lines[k]) > 0 or _continued(lines, k, i)):
            return


def _holds(rhs: str, inside: bool) -> bool:
    """Whether a binding's right-hand side, up to a base given in it, is one expression: no
    comma or semicolon outside its brackets (and, when `inside`, the base within a bracket)."""
    depth = 0
    for c in rhs:
        if c in "({[":
            depth += 1
        elif c in ")}]":
            depth -= 1
            if depth < 0:
                return False
        elif c in ",;" and depth == 0:
            return False
    return depth > 0 or not inside


def _continued(lines: list[str], k: int, i: int) -> bool:
    """Whether every line after k up to i continues line k's expression (`.baseUrl(...)`)."""
    return all(lines[j].lstrip().startswith((".", "{", "?.")) for j in range(k + 1, i + 1))


# Clients that resolve a relative path against their base as RFC 3986 does (a leading "/"
# replaces the base's whole path; without one, a base not ending in "/" loses its last
# segment): (kind, the text that gives the base, a word on its line or in the file's imports,
# the base's ending when the client sets it itself, the verbs that resolve). .NET's HttpClient
# (`new Uri(BaseAddress, path)`, its *Async verbs; Refit's `[Get("/x")]` appends), Retrofit's
# `baseUrl` (HttpUrl.resolve, its `@GET("x")` annotations; Spring's WebClient `.baseUrl`
# appends), requests_toolbelt's BaseUrlSession (urljoin), Guzzle's `base_uri` (RFC 3986, its
# docs' table), Faraday (it adds the missing trailing "/" itself, build_exclusive_url: only a
# leading "/" replaces the base's path). httpx, axios, ky, resty and HTTParty append.
RESOLVING_CLIENTS: tuple[tuple[str, re.Pattern[str], re.Pattern[str], bool | None], ...] = (
    ("dotnet", rx.compile(r"[Bb]aseAddress$"), rx.compile(r"\bUri\b|BaseAddress"), None),
    (
        "retrofit",
        rx.compile(r"baseUrl$"),
        rx.compile(r"\bRetrofit\b|^import retrofit2\b", re.M),
        None,
    ),
    ("toolbelt", rx.compile(r"base_url$"), rx.compile(r"\bBaseUrlSession\("), None),
    ("guzzle", rx.compile(r"base_uri$"), rx.compile(r"[\"']base_uri[\"']\s*=>"), None),
    # (Symfony's HttpClient resolves its base_uri as RFC 3986 does, as Guzzle's)
    ("guzzle", rx.compile(r"createForBaseUri$"), rx.compile(r"createForBaseUri\("), None),
    # (CodeIgniter 4's CURLRequest resolves a path against its `baseURI` option as RFC 3986 does:
    # URI::resolveRelativeURI)
    ("guzzle", rx.compile(r"baseURI$"), rx.compile(r"[\"']baseURI[\"']\s*=>"), None),
    ("faraday", rx.compile(r"Faraday\.new"), rx.compile(r"Faraday"), True),
    ("aiohttp", rx.compile(r"base_url$"), rx.compile(r"\bClientSession\("), None),
    ("ky", rx.compile(r"prefixU(?:rl|RL)$"), rx.compile(r"\b(?:ky|got)\b"), True),
)
RESOLVING_VERBS = {
    "dotnet": rx.compile(r"(?<![\[\w])(?:Get|Post|Put|Patch|Delete|Send)\w*Async"),
    "retrofit": rx.compile(r"(?<=@)(?:GET|POST|PUT|PATCH|DELETE|HTTP)\b"),
    "toolbelt": rx.compile(r"(?<![@\w])(?:get|post|put|patch|delete|request)"),
    "guzzle": rx.compile(r"(?<=->)(?:get|post|put|patch|delete|request)(?:Async)?"),
    "faraday": rx.compile(r"(?<![@\w])(?:get|post|put|patch|delete|run_request)"),
    "aiohttp": rx.compile(r"(?<![@\w])(?:get|post|put|patch|delete|request|ws_connect)"),
    "ky": rx.compile(r"(?<![@\w])(?:get|post|put|patch|delete|head)\b"),
}
# What a leading "/" does under a client's base, where it is not RFC 3986's "replaces the base's
# whole path": ky and got refuse it when `prefixUrl` is set (they throw "`input` must not begin
# with a slash when using `prefixUrl`"; without one they append to the base, adding its "/").
LEADING_SLASH = {"ky": 'ky and got throw on a path that begins with "/" when prefixUrl is set'}
# `BaseAddress = new Uri(BASE)`: the base's ending is that of the name's URL
URI_OF_NAME = rx.compile(r"\s*[=:]?\s*new\s+Uri\(\s*(?P<n>[\w.]+)\s*\)")


def _resolving(made: Base, given: Base, lines: list[str], i: int, m: re.Match[str]) -> Base:
    """A client's base, marked as resolved against (see RESOLVING_CLIENTS) with the ending its
    URL is written with, when the client is one that resolves."""
    line = lines[i]
    for kind, key, word, slash in RESOLVING_CLIENTS:
        if not key.match(m.group(0)):
            continue
        if word.search(line) or (kind == "retrofit" and word.search("\n".join(lines[:i]))):
            named = URI_OF_NAME.match(line, m.end()) if given.slash is None else None
            ending = given.slash if named is None else _slash_named(lines, named.group("n"), i)
            return replace(made, resolves=kind, slash=ending if slash is None else slash)
    return made


def _slash_named(lines: list[str], name: str, i: int) -> bool | None:
    """Whether the URL a name is bound to (its last binding before line i) ends in "/"."""
    bound = re.compile(r"\b" + re.escape(name.split(".")[-1]) + r"\s*(?::[^=]*)?=\s*(?P<rhs>.+)")
    for text in reversed(lines[:i]):
        m = bound.search(text)
        if m is not None:
            url = BASE_URL.search(m.group("rhs"))
            return (
                None
                if url is None or TRIMMED.search(m.group("rhs"))
                else url.group(0).endswith("/")
            )
    return None


# A Retrofit (or Ktorfit) interface's method: `@POST("content/video/createbytalkingphoto")`.
RETROFIT_VERB = rx.compile(r"^\s*@(?:GET|POST|PUT|DELETE|PATCH)\(\s*\"")


def _retrofit_client(lines: list[str], bases: Bases) -> None:
    """The base of a Retrofit interface whose `Retrofit.Builder().baseUrl(...)` is not in the
    file (another file builds it): the AKOOL base the file holds (`BASE_URL = "https://openapi.
    akool.com/api/open/v3/"`), or, in a file that imports retrofit2 and names AKOOL, AKOOL's
    base of unknown prefix (its relative paths judged as under an AKOOL-named env base)."""
    # (RETROFIT_VERB's `@` first: a file without one has no such method)
    first = next((i for i, t in enumerate(lines) if "@" in t and RETROFIT_VERB.match(t)), None)
    if first is None:
        return
    held = [b for b in bases.names.values() if b.host is not None and akool_host(b.host)]
    if held:
        bases.clients.append((0, replace(held[0], line=held[0].line or 0)))
    elif any("retrofit2" in line for line in lines[:first]) and any(
        "akool" in line.lower() for line in lines
    ):
        bases.clients.append((0, Base(None, ENV_PREFIX, "", 0)))


# An option's value up to the next option: `BASE` of `baseURL: BASE, url: "/x"`.
OPTION_VALUE = rx.compile(r"(?P<v>[\w.$\[\]\"'-]+|[\"'`][^\"'`]*[\"'`])\s*,\s*\w+\s*:")


def sites(lines: list[str], bases: Bases, skip: dict[int, list[tuple[int, int]]]) -> list[Site]:
    """Every place in a file that names a path on AKOOL, longest reading first, without overlaps."""
    found: list[Site] = []
    bases._later = None  # (the helpers are all known now)
    for i, line in enumerate(lines):
        spans = Spans(skip.get(i, []))
        taken = Spans()
        at: dict[int, Site] = {}  # the site taken at each start
        prev = lines[i - 1] if i else ""
        if (bases.unseen or bases.clients) and OPTION_KEYS.search(
            line
        ):  # an options object's opener
            prev = _options_opener(lines, i) or prev
        for site in _line_sites(i, line, bases, prev):
            if spans.holds(site.start):
                continue
            first = at.get(site.start)
            if first is not None and _sibling(site, first):
                found.append(site)
                continue
            if taken.overlaps(site.start, site.end):
                continue
            taken.add(site.start, site.end)
            at[site.start] = site
            if not site.foreign:
                found.append(site)
    return _extended_names(_held_sites(found, bases), lines)


# What follows a name that a further segment is joined to: `NAME + "/" + id`, `NAME . "/"`,
# `NAME + f"/{id}"`, f"{NAME}/{id}", `${NAME}/${id}`, "$NAME/$id".
EXTENDED = rx.compile(r"\}?/|\s*[+.]\s*[frb$@]?[\"'`]/")
# The end of a binding's value after the path: its closing quote, `;`, a comment.
VALUE_END = rx.compile(r"[\"'`]?\s*;?\s*(?:(?:#|//).*)?")


def _extended_names(found: list[Site], lines: list[str]) -> list[Site]:
    """A path that ends the value of a name which every use joins a further segment to
    (`STATUS_URL = BASE + "/api/open/v4/x/detail"`, then `STATUS_URL + "/" + id`) is judged as
    the joined form: the path with one more segment (an id), not the name's value alone. Each
    such joined use is a place of that call too (judged where the path is written; there, its
    request and the answer it reads belong to the endpoint of the joined form)."""
    bindings = Bindings(lines)
    bound = {k: n for k, site in enumerate(found) if (n := bindings.ended_by(site))}
    holding = _lines_holding(lines, set(bound.values()))
    entries = {
        k: key
        for k, site in enumerate(found)
        if k not in bound and (key := _entry_key(site, lines))
    }
    held = _lines_holding(lines, set(entries.values())) if entries else {}  # (one pass for all)
    kept = []
    taken = {(s.line, s.start) for s in found}
    for k, site in enumerate(found):
        name = bound.get(k, "")
        if not name:
            key = entries.get(k, "")
            kept.append(_entry_extended(site, lines, key, held[key]) if key else site)
            continue
        uses = _uses(lines, name, site.line, holding[name], bindings)
        if all(extended for *_, extended in uses):
            # (a name not used here, an .env line's `AKOOL_VIDEO_URL=.../content/video`, may be
            # a base of another file's: a prefix of documented paths is fine, another path not)
            site = replace(site, continued=True)
        kept.append(site)
        kept += [
            replace(
                site,
                line=at,
                start=a,
                end=b,
                text=name,
                continued=True,
                named=True,
                echo=True,
            )
            for at, a, b, extended in uses
            if extended and (at, a) not in taken
        ]
    if len(kept) > len(found):
        kept.sort(key=lambda s: (s.line, s.start))
    return kept


# An entry of a table of paths written on its own line, up to its value's quote (`voiceResult:
# "`, `"detail": "`, `:detail => "`, `'detail' => '`), and its value's end (`",`, `"`, `'),`).
ENTRY_HEAD = rx.compile(r"^\s*:?[\"']?(?P<k>[A-Za-z_$][\w$]*)[\"']?\s*(?::|=>)\s*[\"'`]$")
ENTRY_END = rx.compile(r"[\"'`]\s*\)?\s*,?\s*(?:(?:#|//).*)?")


def _entry_key(site: Site, lines: list[str]) -> str:
    """The key of a table's entry the site's path is the value of, on a line of its own
    (`voiceResult: "/api/open/v4/voice/resource/detail",`): "" for any other place."""
    text = lines[site.line]
    # (matched up to the site, not on a copy of the line up to it: a copy per site of a minified
    # line was the line's length per call)
    head = ENTRY_HEAD.match(text, 0, site.start) if not site.continued else None
    if head is None or not ENTRY_END.fullmatch(text, site.end):
        return ""
    return head.group("k")


def _entry_extended(site: Site, lines: list[str], key: str, holding: list[int]) -> Site:
    """A table's entry (`voiceResult: "/api/open/v4/voice/resource/detail",` in `const
    ENDPOINTS = {`) whose every use in the file (`ENDPOINTS.voiceResult`, `EP["detail"]`,
    `EP[:detail]`) goes on with "/" and an id, or which nothing here uses (an SDK's methods in
    another file), is judged as going on, as a name's value is (see _extended_names);
    `holding`: the lines holding the key."""
    used = re.compile(r"(?:\.|->|\[\s*[\"':]?)" + re.escape(key) + r"(?![\w$])[\"']?\s*\]?")
    for at in holding:
        if at == site.line:
            continue
        for m in used.finditer(lines[at]):
            if EXTENDED.match(lines[at], m.end()) is None:
                return site
    return replace(site, continued=True)


class Bindings:
    """The binding (`name = value`) of each line, matched once per line: a minified line holds
    thousands of places, and BINDING reads the whole line (`.*$`) each time it is matched."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.found: dict[int, re.Match[str] | None] = {}

    def at(self, line: int) -> re.Match[str] | None:
        if line not in self.found:
            self.found[line] = BINDING.match(self.lines[line])
        return self.found[line]

    def ended_by(self, site: Site) -> str:
        """The name whose bound value the site ends ("": none)."""
        m = None if site.continued else self.at(site.line)
        if m is None or site.start < m.start("rhs"):
            return ""
        return m.group("n") if VALUE_END.fullmatch(self.lines[site.line], site.end) else ""


WORD = rx.compile(r"\w+")


def _lines_holding(lines: list[str], names: set[str]) -> dict[str, list[int]]:
    """The lines holding each name as a word: a few names each looked for as itself (a name's
    text first: most lines lack it), more from one pass over the file's words (a name bound in
    each of thousands of functions, `base = "https://..."`, is not looked for again in every
    line after each binding)."""
    holding: dict[str, list[int]] = {name: [] for name in names}
    if len(names) > FEW_NAMES:
        for i, text in enumerate(lines):
            for word in names.intersection(WORD.findall(text)):
                holding[word].append(i)
        return holding
    for name in names:
        whole = _word_of(name)
        holding[name] = [i for i, text in enumerate(lines) if name in text and whole.search(text)]
    return holding


def _as_word(name: str) -> re.Pattern[str]:
    """`\\bname\\b`, its text first when the name starts and ends with word characters (the
    same places: see _word_of)."""
    if WORD.fullmatch(name[:1]) and WORD.fullmatch(name[-1:]):
        return _word_of(name)
    return re.compile(r"\b" + re.escape(name) + r"\b")


def _word_of(name: str) -> re.Pattern[str]:
    """A name as a whole word (a run of word characters), its text first: a search finds the
    text fast, then looks at the characters around it."""
    quoted = re.escape(name)
    return re.compile(rf"{quoted}(?<!\w{quoted})(?!\w)")


# What may stand before a name's use: nothing that makes it part of another name or a member of
# another object (`x.base`), or the object's own field (`this.apiUrl`, `self.url`, `$this->url`,
# `@url`); then an interpolation's `$`, `{` or `${` (see _used_at).
USE_LEFT = rx.compile(r"(?<![\w.$>@])|(?<=\bthis\.)|(?<=\bself\.)|(?<=\$this->)|(?<=@)")


def _uses(
    lines: list[str], name: str, line: int, holding: list[int], bindings: Bindings
) -> list[tuple[int, int, int, bool]]:
    """Where a name is used after the line binding it, up to the next line binding it again:
    (line, start, end, whether the use goes on with "/"); `holding`: the lines holding it. (The
    name's text is found first, then what stands before it: see _used_at.)"""
    named = re.compile(re.escape(name) + r"\b(?!\s*[:=][^=])")
    found = []
    for k in range(bisect.bisect_right(holding, line), len(holding)):
        at = holding[k]
        bound = bindings.at(at)
        if bound is not None and bound.group("n") == name:
            break
        text = lines[at]
        for m in named.finditer(text):
            if _used_at(text, m.start()):
                found.append((at, m.start(), m.end(), bool(EXTENDED.match(text, m.end()))))
    return found


def _used_at(text: str, at: int) -> bool:
    """Whether a name at `at` is used there as itself (see USE_LEFT), after nothing, `$`, `{` or
    `${`."""
    if USE_LEFT.match(text, at) is not None:
        return True
    before = text[max(0, at - 2) : at]
    if before[-1:] in ("$", "{") and USE_LEFT.match(text, at - 1) is not None:
        return True
    return before == "${" and USE_LEFT.match(text, at - 2) is not None


def _held_sites(found: list[Site], bases: Bases) -> list[Site]:
    """A URL bound to a name that paths are joined to is a base, not a call (the joined paths
    are judged); one no path is joined to here may be a base of another file: it goes on with
    a path (`continued`), so a prefix of documented paths is fine and any other path is not."""
    if not bases.held:
        return found
    joined = {s.base for s in found if s.joined}
    kept = []
    sent: frozenset[str] | None = None  # (the names requests are sent to as they are)
    for site in found:
        base = bases.held.get(site.line)
        if base is None or site.joined or site.path != base.prefix:
            kept.append(site)
            continue
        sent = sent_names(bases.lines) if sent is None else sent
        as_is = bound_name(bases.lines, site.line) in sent
        if base not in joined:
            kept.append(site if as_is else replace(site, continued=True))
        elif as_is:  # (a base paths are joined to that a request is sent to as it is, too)
            kept.append(site)
    return kept


# The name a line binds, a field of an object too (`this.endpoint = "..."`, `self.url = ...`,
# `$this->url = ...`, `@url = ...`, `private readonly url = ...`, `static final String URL = ...`).
BOUND_NAME = rx.compile(
    r"^\s*(?:(?:this|self)\s*\.\s*|\$this->|@)?(?:(?:export|const|let|var|val|final|static|private"
    r"|public|protected|readonly|internal|String|string|str)\s+)*\$?(?P<n>[A-Za-z_]\w*)"
    r"\s*(?::\s*[\w.<>\[\]|?]+\s*)?(?::=|=(?![=>~]))"
)
# A request given a URL as its first argument, or an options object's url (the name follows).
SENDS_URL = rx.compile(
    r"(?:(?:\bfetch|\bURI\.create|\bUri\.parse|\.url|\bnew\s+(?:HttpPost|HttpGet|HttpPut|Request)"
    r"|(?:\.|->|::)\s*(?i:get|post|put|delete|patch|request|send)\w*)\s*(?:<[^<>()]*>)?\(\s*"
    r"(?:[\"'](?i:get|post|put|patch|delete)[\"']\s*,\s*)?(?:url\s*=\s*)?"
    # (an options object's `url: X`, `'url' => X`, a keyword argument `url=X`; not `self.url = X`,
    # nor a client's base: Faraday's `Faraday.new(url: BASE)`, whose paths are given to its verbs)
    r"|(?:(?<!\.new)[{(,]\s*|^\s*)[\"']?url[\"']?\s*(?::|=>)\s*|[(,]\s*url\s*=\s*"
    r"|\bNewRequest(?:WithContext)?\(\s*(?:\w+\s*,\s*)?(?:\"[A-Za-z]+\"|http\.Method\w+)\s*,\s*)"  # (Go's)
    r"(?:(?:this|self)\s*\.\s*|\$this->|@|\$)?(?P<n>[A-Za-z_]\w*)\s*[,)}\]]"
)
LONGEST_USE = 2000  # (a minified line is not looked through for a name's use)


def bound_name(lines: list[str], line: int) -> str:
    """The name a line binds (see BOUND_NAME), "" for none."""
    bound = BOUND_NAME.match(lines[line]) if 0 <= line < len(lines) else None
    return bound.group("n") if bound is not None else ""


def sent_names(lines: list[str]) -> frozenset[str]:
    """The names the file sends a request to as they are (`fetch(this.endpoint, {...})`,
    `requests.post(self.url, ...)`, `URI.create(ENDPOINT)`): a name holding an AKOOL URL that is
    one holds the call's URL, not a base another file joins to (one pass over the file)."""
    return frozenset(
        m.group("n")
        for text in lines
        if "(" in text or "url" in text
        if len(text) <= LONGEST_USE
        for m in SENDS_URL.finditer(text)
    )


class Spans:
    """Spans of one line ([start, end)), looked up by bisection: a line of a minified file can
    hold thousands of places, and comparing each with every other would be quadratic."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.spans = sorted(spans)
        if not self.spans:  # (most lines skip nothing)
            self.starts: list[int] = []
            self.reach: list[int] = []
            return
        self.starts = [a for a, _ in self.spans]
        self.reach = list(itertools.accumulate((b for _, b in self.spans), max))

    def holds(self, point: int) -> bool:
        k = bisect.bisect_right(self.starts, point) - 1
        return k >= 0 and self.reach[k] > point

    def overlaps(self, start: int, end: int) -> bool:
        k = bisect.bisect_left(self.starts, max(end, start + 1)) - 1
        return k >= 0 and self.reach[k] > start

    def add(self, start: int, end: int) -> None:
        """Add a span that overlaps none of those held."""
        k = bisect.bisect_left(self.starts, start)
        self.spans.insert(k, (start, end))
        self.starts.insert(k, start)
        self.reach.insert(k, max(end, self.reach[k - 1] if k else end))
        for j in range(k + 1, len(self.reach)):
            if self.reach[j] >= self.reach[k]:
                break
            self.reach[j] = self.reach[k]


def _sibling(a: Site, b: Site) -> bool:
    """Two readings of one brace list (/a/{create,close}): both are places."""
    return a.start == b.start and a.text == b.text and a.path != b.path and "," in a.text


def _line_sites(i: int, line: str, bases: Bases, prev: str = "") -> Iterator[Site]:
    """The readings of one line, the most informed first: URLs with an AKOOL host, paths joined
    to a known base, then literal /api/open/vN paths, then relative paths of unknown bases."""
    yield from bases.named.get(i, ())
    for m in AKOOL_URL.finditer(line):
        path = m.group("path") or ""
        if path:
            yield _site(i, m.start("path"), path, path, m.group("host"), line)
    yield from _joins(i, line, bases)
    if bases.clients and "Mapping(" in line and bases.feign():
        yield from _feign_paths(i, line, bases)
    if (bases.unseen or bases.clients) and OPTION_KEYS.search(line):
        yield from _url_options(i, line, bases, prev)
    if (bases.helpers or bases.clients or bases.methods) and prev.rstrip().endswith("("):
        joined = _rejoin(prev) + line.lstrip()
        shift = len(line) - len(joined)
        yield from _path_arguments(i, joined, bases, shift, line)
    for m in OPEN_API_PATH.finditer(line) if "api/open/v" in line else ():  # (its words)
        for path in _expand_braces(m.group(0)):
            yield _site(i, m.start(), m.group(0), "/" + path.lstrip("/"), None, line)
    for m in VERSION_PICKED.finditer(line) if "/api/open/" in line else ():
        yield _site(i, m.start("path"), m.group("path"), m.group("path"), None, line)
    if bases.imported and "(" in line:
        yield from _imported_urls(i, line, bases)


# An /api/open path whose version the code picks (`/api/open/${cfg.version}/voice/tts`,
# f"/api/open/{version}/...", "/api/open/%s/..."): the path after it, judged as one of an unknown
# base's (documented under some version is fine).
VERSION_PICKED = rx.compile(
    r"/api/open/(?:\$\{[^{}\s]+\}|\{[^{}\s]+\}|%s|\$[A-Za-z_]\w*)"
    r"(?P<path>/[A-Za-z_][^\s\"'`?#)]*[A-Za-z0-9_}])"
)
# An AKOOL endpoint's path past its version: a whole endpoint URL, not a base (`/api/open/v3`).
ENDPOINT_PREFIX = rx.compile(r"/api/open/v\d+/[A-Za-z_]")


def _imported_urls(i: int, line: str, bases: Bases) -> Iterator[Site]:
    """A request sent to a name another file of the folder binds to a whole AKOOL endpoint URL
    (`fetch(AKOOL_TP_URL, {...})` with `export const AKOOL_TP_URL = process.env.X || "https://
    openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"`): a call of that endpoint
    with the request written here; its path is judged where it is written (`echo`)."""
    for m in SENDS_URL.finditer(line) if len(line) <= LONGEST_USE else ():
        name = m.group("n")
        base = bases.imported.get(name)
        if base is None or base.host is None or not ENDPOINT_PREFIX.match(base.prefix):
            continue
        if bases.lookup(name, i)[0]:
            continue  # (the file binds the name itself)
        at = m.start("n")
        yield Site(i, at, at + len(name), name, base.prefix, base.host, named=True, echo=True)


# A request's options given to a helper: request({ url: "/v4/x", method: "get" }), its `{` on
# the line before or on the same one.
URL_OPTION = rx.compile(
    r"(?:^|[{,])\s*(?P<key>url|path|endpoint|uri)\s*:\s*"
    r"[\"'`](?P<path>/?[A-Za-z_][^\s\"'`?#]*(?:\?[^\s\"'`]*)?)[\"'`]"
)
OPTION_KEYS = rx.compile(r"\b(?:url|path|endpoint|uri)\s*:")
OPTIONS_CALL = rx.compile(
    r"(?<![\w$.])(?P<r>[\w$]+(?:\(\))?\s*\.\s*)?(?P<fn>[A-Za-z_$][\w$]*)(?:<[^<>()]*>)?\(\s*\{[^{}()]*$"
)


def _options_opener(lines: list[str], i: int) -> str:
    """The line that opens the options object a line's `url:` entry is in, when entries
    (`method: "delete",`) come between (up to four lines up), else ""."""
    for j in range(i - 1, max(i - 5, -1), -1):
        if OPTIONS_CALL.search(lines[j].rstrip()):
            return lines[j] if j < i - 1 else ""
        if not OPTION_ENTRY.match(lines[j]):
            return ""
    return ""


OPTION_ENTRY = rx.compile(r"^\s*[\"']?[A-Za-z_$][\w$]*[\"']?\s*:\s*[^{}()]*,\s*$")


def _url_options(i: int, line: str, bases: Bases, prev: str) -> Iterator[Site]:
    """The `url` of an options object given to a request helper imported from a module not
    scanned (`request({ url: "/v4/headswap/task/info", method: "get" })`), or to a client's
    verb (`api.request({ url: `/content/video/${id}`, method: "get" })`, axios' own excepted)."""
    for m in URL_OPTION.finditer(line):
        head = OPTIONS_CALL.search(line, 0, m.start("path")) or OPTIONS_CALL.search(prev.rstrip())
        if head is None:
            continue
        receiver = (head.group("r") or "").rstrip(". ")
        fn = head.group("fn")
        base = bases.object_method(receiver, fn) if receiver else bases.helpers.get(fn)
        if base is not None and base.prefix == UNSEEN_PREFIX:
            yield from _joined_to(i, line, m.start("path"), m.group("path"), base)
        elif m.group("key") != "url":
            continue  # (a client's options: axios takes `url` only)
        elif base is None and AXIOS_CONFIG.search(head.group(0)) and (own := _own_base(bases, i)):
            yield from _joined_to(i, line, m.start("path"), m.group("path"), own)
        elif base is None and receiver and bases.clients and fn.lower() in HTTP_METHODS:
            module = module_named(receiver, bases)
            client = client_named(_name_of(receiver), i, bases) if not module else None
            if client is not None:  # (a request's own `baseURL` wins over its client's: axios)
                client = (
                    _own_base(bases, i) or _spread_base(bases, i) or _named_base(bases, i) or client
                )
                yield from _joined_to(i, line, m.start("path"), m.group("path"), client)


# axios called with a request's config: axios({ ... }), axios.request({ ... })
AXIOS_CONFIG = rx.compile(r"^(?:axios\s*\.\s*)?(?:axios|request)\b")


def _own_base(bases: Bases, i: int) -> Base | None:
    """The `baseURL` a request gives itself among its options (`axios.post(path, body, {
    baseURL: BASE })`, `axios({ baseURL: BASE, url })`), on the call's line or the next ones
    while the call is open."""
    return _base_within(bases, [i])


# An object spread into a call's options (`akool.get("/x", { ...V4, params })`).
SPREAD = rx.compile(r"\.\.\.(?P<n>[A-Za-z_$][\w$]*)")


# A request's own base among its options, whatever its value (`baseURL: process.env.V4`).
OWN_BASE_OPTION = rx.compile(r"(?<![\w$.])baseURL\s*:")


def _named_base(bases: Bases, i: int) -> Base | None:
    """The call's own `baseURL` whose value is not in view (`{ baseURL: process.env.V4 }`):
    AKOOL's, its version unknown (judged as a path under any version), not the instance's."""
    for n in range(i, min(i + OPTIONS_SCAN, len(bases.lines))):
        if "baseURL" in bases.lines[n] and OWN_BASE_OPTION.search(bases.lines[n]):
            return Base(None, ENV_PREFIX, "", 0)
        if _opens("".join(bases.lines[i : n + 1])) <= 0:
            return None  # (the call closed)
    return None


def _spread_base(bases: Bases, i: int) -> Base | None:
    """The `baseURL` of an options object a call on line i spreads into its own (`const V4 = {
    baseURL: BASE }` then `akool.get("/x", { ...V4 })`): the call's own base, as axios merges it."""
    line = bases.lines[i]
    for m in SPREAD.finditer(line) if "..." in line else ():
        name = m.group("n")
        made = r"(?<![\w$.])" + re.escape(name) + r"\s*=\s*\{"  # (`const V4 = {`)
        bound = [
            j for j, text in enumerate(bases.lines[:i]) if name in text and re.search(made, text)
        ]
        if bound and (base := _base_within(bases, bound[-1:])) is not None:
            return base
    return None


BRACE_LIST = rx.compile(r"\{([^{}]*,[^{}]*)\}")


def _expand_braces(path: str) -> list[str]:
    """/a/{create,close} (shell brace notation) names /a/create and /a/close."""
    m = BRACE_LIST.search(path)
    if m is None:
        return [path]
    return [path[: m.start()] + alt.strip() + path[m.end() :] for alt in m.group(1).split(",")]


# A string closed and joined at once to a variable (`"/content/video/createby" + mode`, PHP's
# `"..." . $mode`): the last segment goes on at run time.
GLUED_NAME = rx.compile(r"""["'`]\s*(?:\+|\.(?=\s*\$))\s*\$?[A-Za-z_][\w.]*\s*(?:[,;)\]}]|$)""")


# A string's `.format(...)` given only string literals (`"/content/video/{}".format("infobymodelid")`).
FORMAT_LITERALS = rx.compile(r"""["']\.format\(\s*((?:["'][\w-]*["']\s*,?\s*)+)\)""")


def _formatted(path: str, line: str, end: int) -> str | None:
    """The path a `.format` of string literals makes of a template with as many `{}` holes."""
    # (a quote, then `.format(` at once: most paths are not formatted so)
    m = FORMAT_LITERALS.match(line, end) if line.startswith(".format(", end + 1) else None
    if m is None:
        return None
    words = re.findall(r"""["']([\w-]*)["']""", m.group(1))
    if path.count("{}") != len(words) or "{" in path.replace("{}", ""):
        return None
    for word in words:
        path = path.replace("{}", word, 1)
    return path


def _site(
    i: int, start: int, text: str, path: str, host: str | None, line: str, base: Base | None = None
) -> Site:
    text = text.split("?")[0]
    end = start + len(text)
    continued = line[end : end + 1] == "/" or text.endswith("/")
    if text.endswith("/") and len(text) > 1:
        path = path.split("?")[0].rstrip("/")
    elif (filled := _formatted(path, line, end)) is not None:
        path = filled
    elif "?" not in path and GLUED_NAME.match(line, end):
        path += "{}"  # (`"/content/video/createby" + mode`: the last segment is completed there)
    return Site(i, start, end, text, path.split("?")[0], host, base, base is not None, continued)


# An environment variable read in place and joined: os.getenv("AKOOL_API_URL") + "/x",
# f"{os.environ.get('AKOOL_API_URL')}/x", System.getenv("AKOOL_API_URL") + "/x", getenv('X') . '/x'
ENV_CALL_JOIN = rx.compile(
    r"(?:os\.getenv|os\.environ\.get|System\.getenv|os\.Getenv|getenv|Deno\.env\.get|ENV\.fetch"
    r"|Environment\.GetEnvironmentVariable)\(\s*[\"'](?P<v>\w+)[\"']\s*\)"
    r"(?:\}(?=/)|\s*(?:\+|\.)\s*[fr]?[\"'`](?=/))" + PATH_TEXT
)


def _env_joins(i: int, line: str) -> Iterator[Site]:
    """Paths joined to an environment variable named for AKOOL's base, read in place."""
    for m in ENV_CALL_JOIN.finditer(line):
        if akool_base_name(m.group("v")):
            base = Base(None, ENV_PREFIX, "", 0)
            yield from _joined_to(i, line, m.start("path"), m.group("path"), base)


# A hole of a path segment or a query value that calls a function: a template literal's
# `${encodeURIComponent(id)}`, `${String(id)}`, an f-string's `{quote(id)}`, C#'s
# `{Uri.EscapeDataString(id)}`.
HOLE_CALL = rx.compile(r"(?<=[/=])(?P<o>\$?\{)(?P<e>[^{}`\"'()]*\([^{}`]*?)\}")


def _called_holes(i: int, line: str, bases: Bases) -> Iterator[Site]:
    """Relative template paths given to a client or a helper whose holes call a function
    (`client.get(`/x/${encodeURIComponent(id)}`)`): read with each such hole as a plain name of
    its length, the site's text and path as written."""
    flat = HOLE_CALL.sub(lambda m: m["o"] + re.sub(r"[^\w$]", "_", m["e"]) + "}", line)
    for site in _path_arguments(i, flat, bases, 0, line):
        text = line[site.start : site.end]
        yield replace(site, text=text, path=site.path and site.path.replace(site.text, text))


def _joins(i: int, line: str, bases: Bases) -> Iterator[Site]:
    # each form is looked for only on lines that have its punctuation (most lines have none);
    # a path given to a client or a helper first (`api.get(`/x/${id}/y`)`: not `${id}/y`)
    clients = bool(bases.helpers or bases.clients or bases.methods)
    if clients:
        yield from _path_arguments(i, line, bases)
        command = commandcalls.parenthesized(line)  # (Ruby's `conn.get "x", k: v`)
        if command is not None:
            yield from _path_arguments(i, command, bases, 0, line)
        if "{" in line and HOLE_CALL.search(line):
            yield from _called_holes(i, line, bases)
    if bases.helpers and "(" in line and bases.later_helpers():
        yield from _later_paths(i, line, bases)
    if "env" in line or "Env" in line:
        yield from _env_joins(i, line)
    if "{" in line or "$" in line or "\\(" in line:
        for m in INTERPOLATION.finditer(line):
            ref = m.group("e") or m.group("a") or m.group("b") or m.group("c") or m.group("d")
            ref = ref or m.group("s")
            yield from _joined(i, line, m.start("path"), m.group("path"), ref, bases)
        yield from _bare_interpolations(i, line, bases)
    if "+" in line or CONCATENATION_DOT.search(line):
        for m in CONCATENATION.finditer(line):
            yield from _joined(i, line, m.start("path"), m.group("path"), m.group("a"), bases)
        if ".get(" in line:
            yield from _getter_joins(i, line, bases)
    if "%s" in line or "{" in line:
        for m in FORMAT.finditer(line):
            ref = m.group("n") or _format_argument(line[m.end() :])
            yield from _joined(i, line, m.start("path"), m.group("path"), ref, bases)
    if "%s://%s%s" in line:  # (Go's Sprintf("%s://%s%s/x", scheme, host, root))
        for m in FORMAT_SCHEME.finditer(line):
            ref = _format_arguments(line[m.end() :], 3)
            yield from _joined(i, line, m.start("path"), m.group("path"), ref, bases)
    if "paste" in line:
        for m in PASTE.finditer(line):
            yield from _joined(i, line, m.start("path"), m.group("path"), m.group("a"), bases)
    if ("oin" in line or "implode" in line) and JOIN_PATH_HINT.search(line):  # (join, JoinPath)
        yield from _join_path(i, line, bases)
    if "strings.Join" in line:
        yield from _go_strings_join(i, line, bases)
    if any(w in line for w in BUILDER_WORDS) and BUILDER_HINT.search(line):
        yield from _builders(i, line, bases)
    rfc = "join(" in line or "esolve" in line or "Parse(" in line or "Uri(" in line
    if "relativeTo" in line or (rfc and RFC_HINT.search(line)):
        yield from _rfc_joins(i, line, bases)
    if "join" not in line and "URL(" not in line and "resolve(" not in line:
        return
    for m in URLJOIN.finditer(line):
        key = "path" if m.group("path") else "path2"
        ref = m.group("a") if m.group("path") else m.group("b")
        for site in _joined(i, line, m.start(key), m.group(key), ref, bases, "/"):
            yield resolved(site, ref)


# A settings store's getter given a literal key, joined to a path: electron-store's and conf's
# `store.get("apiBase") + "/content/..."`, whose key the file binds to a base (their `defaults:
# { apiBase: "https://..." }`).
GETTER_JOIN = rx.compile(
    r"(?<![\w$.])[A-Za-z_$][\w$.]*\.get\(\s*[\"'](?P<k>[A-Za-z_$]\w*)[\"']\s*\)\s*\+\s*[\"'`]"
    + PATH_TEXT
)


def _getter_joins(i: int, line: str, bases: Bases) -> Iterator[Site]:
    """Paths joined to a store's getter of a key the file binds to a base (see GETTER_JOIN)."""
    for m in GETTER_JOIN.finditer(line):
        ref = next((r for r in (m["k"], "this." + m["k"]) if bases.lookup(r, i)[1]), None)
        if ref is not None:
            yield from _joined(i, line, m.start("path"), m.group("path"), ref, bases)


def _bare_interpolations(i: int, line: str, bases: Bases) -> Iterator[Site]:
    """Paths written straight after an interpolated base that ends in "/" (`BASE =
    ".../api/open/v3/"`, `${BASE}content/video/status`); any other base gives nothing (`${id}x/y`
    is no join)."""
    for m in BARE_INTERPOLATION.finditer(line):
        ref = m.group("e") or m.group("a") or m.group("b") or m.group("c") or m.group("d")
        ref = ref or m.group("s")
        base = bases.find(ref, i) if ref else None
        if base is not None and base.slash:
            yield from _joined(i, line, m.start("path"), m.group("path"), ref, bases)


# Other languages' URL builders given a base and one relative path literal. Resolved as RFC 3986
# resolves (`r`: Java's base.resolve("x"), C#'s new Uri(base, "x"), Ruby's URI.join(base, "x")) or
# appended with a "/" between (`j`: Swift's appendingPathComponent, OkHttp's newBuilder()
# .addPathSegments, Python's posixpath.join).
BUILDER_HINT = rx.compile(
    r"\.resolve\(|new Uri\(|URI\.join\(|appendingPathComponent\(|addPathSegments?\(|posixpath\.join\("
    r"|\.appending\(|\bos\.path\.join\(|\bpath\.join\(|\bpath\.posix\.join\(|\bFile\.join\("
)
BUILDER_WORDS = (
    "resolve",
    "Uri",
    "URI",
    "Path",
    "posix",
    "appending",
    "join",  # (os.path.join, path.join, path.posix.join, File.join)
)  # (one in each of its names)
BUILDER = rx.compile(
    r"(?:(?P<r1>[A-Za-z_][\w.]*?)\.resolve\(\s*|(?:\bnew Uri|\bURI\.join)\(\s*(?P<r2>[A-Za-z_][\w.]*)\s*,\s*"
    r"|(?P<j1>[A-Za-z_][\w.]*?)(?:(?:\.newBuilder\(\)\s*\.addPathSegments?|\.appendingPathComponent)\(\s*"
    r"|\.appending\(\s*(?:path|component):\s*)"
    # (file-path joins that put a "/" between on Linux and macOS: os.path.join, Node's path.join
    # and path.posix.join, Ruby's File.join)
    r"|\b(?:posixpath|os\.path|path\.posix|(?<![\w.])path|(?<![\w.])File)\.join\(\s*(?P<j2>[A-Za-z_][\w.]*)\s*,\s*)[\"'](?P<path>[A-Za-z_][\w-]*(?:/[^\s\"'?#]*)?(?:\?[^\s\"'#]*)?)[\"']"
)


def _builders(i: int, line: str, bases: Bases) -> Iterator[Site]:
    """Relative paths other languages' URL builders join to a base AKOOL's (see BUILDER); a
    base of another host or none in view gives nothing (`Promise.resolve("a/b")`)."""
    for m in BUILDER.finditer(line):
        ref = m.group("r1") or m.group("r2")
        joined = ref is None
        ref = ref or m.group("j1") or m.group("j2")
        for site in _joined(i, line, m.start("path"), m.group("path"), ref, bases, "/"):
            if site.base is not None:
                yield site if joined else resolved(site, ref)


# RFC 3986 resolutions BUILDER leaves (its relative paths have no leading "/"): Java's
# `base.resolve("/x")`, C#'s `new Uri(base, "/x")`, Ruby's `URI.join(base, "/x")`, Rust's
# `base.join("x")` (the url crate), Go's `base.Parse("x")` method, and Go's
# `ref, _ := url.Parse("/x")` given later to `base.ResolveReference(ref)` (GO_REFERENCE), Swift's
# `URL(string: "/x", relativeTo: base)`.
RFC_HINT = rx.compile(r"\.(?:resolve|join|Parse)\(\s*[\"']|\b(?:new Uri|URI\.join)\(|url\.Parse\(")
RFC_JOIN = rx.compile(
    r"(?:(?P<r1>[A-Za-z_][\w.]*?)\.(?:resolve|join|Parse)\(\s*"
    r"|(?:\bnew Uri|\bURI\.join)\(\s*(?P<r2>[A-Za-z_][\w.]*)\s*,\s*)"
    r"[\"'](?P<path>/?[A-Za-z_][\w-]*(?:/[^\s\"'?#]*)?(?:\?[^\s\"'#]*)?)[\"']\s*\)"
)
SWIFT_RELATIVE = rx.compile(  # Swift's `URL(string: "/x", relativeTo: base)`
    r"\bURL\(\s*string:\s*\"(?P<path>/?[A-Za-z_][\w-]*(?:/[^\s\"?#]*)?(?:\?[^\s\"#]*)?)\"\s*,"
    r"\s*relativeTo:\s*(?P<r>[A-Za-z_][\w.]*)\s*\)"
)
GO_REFERENCE = rx.compile(
    r"(?P<n>[A-Za-z_]\w*)\s*,\s*(?:_|err)\s*:?=\s*url\.Parse\(\s*"
    r"\"(?P<path>/?[A-Za-z_][\w-]*(?:/[^\s\"?#]*)?(?:\?[^\s\"#]*)?)\""
)


def _rfc_joins(i: int, line: str, bases: Bases) -> Iterator[Site]:
    """Relative paths resolved against a base AKOOL's as RFC 3986 resolves them (see RFC_JOIN):
    a leading "/" replaces the base's whole path; without one, a base not ending in "/" loses its
    last segment. A method of another receiver (`os.path.join`, `url.Parse`) gives nothing."""
    found = [(m.group("r1") or m.group("r2"), m) for m in RFC_JOIN.finditer(line)]
    found += [(m.group("r"), m) for m in SWIFT_RELATIVE.finditer(line) if "relativeTo" in line]
    if "ResolveReference" not in line:
        for m in GO_REFERENCE.finditer(line):
            later = "\n".join(bases.lines[i + 1 : i + OPTIONS_SCAN])
            use = re.search(
                r"([A-Za-z_]\w*)\.ResolveReference\(\s*&?" + m.group("n") + r"\s*\)", later
            )
            found += [(use.group(1), m)] if use is not None else []
    for ref, m in found:
        if ref == "url" or bases.find(ref, i) is None:
            continue
        for site in _joined(i, line, m.start("path"), m.group("path"), ref, bases, "/"):
            if site.base is not None:
                yield resolved(site, ref)


# A base given a trailing slash where it is resolved against: urljoin(BASE + "/", ...)
SLASHED = rx.compile(r"\+\s*[\"'`]/[\"'`]\s*$")


def resolved(site: Site, ref: str) -> Site:
    """A relative path as URL resolution joins it to its base (`urljoin(base, path)`, `new
    URL(path, base)`, `url.resolve(base, path)`): a leading "/" replaces the base's whole path;
    without one, a base that does not end in "/" loses its last segment (`.../api/open/v3` +
    `content/x` is `/api/open/content/x`). Unchanged when the base's ending is not in view."""
    base = site.base
    if base is None or base.host is None or site.path is None or base.prefix in ("",):
        return site
    text = site.text
    if text.startswith("/"):
        why = f"a leading slash replaces the base's whole path, {base.prefix}"
        why = LEADING_SLASH.get(base.resolves, why)
        return replace(site, path=text.split("?")[0], resolved=why)
    slash = True if SLASHED.search(ref) else base.slash
    if slash is None or slash:
        return site
    kept, _, dropped = base.prefix.rstrip("/").rpartition("/")
    why = f"the base {base.prefix} has no trailing slash, so URL resolution replaces {dropped}"
    return replace(site, path=kept + "/" + text.split("?")[0], resolved=why)


def _later_paths(i: int, line: str, bases: Bases) -> Iterator[Site]:
    """Paths given to a wrapper after its first path argument, at the positions it sends as a
    path (`createJob("/v3/x/create", body, "/v3/x/fallback")`: see Base.positions)."""
    for helper, span in bases.later_arguments(line):
        literal = arguments.PATH_LITERAL.fullmatch(line, *span)
        if literal is not None:
            yield from _joined_to(i, line, literal.start("path"), literal.group("path"), helper)
    if line.count("(") > line.count(")") and bases.lines:
        yield from _later_paths_below(i, line, bases)


LATER_LINES = 12  # (how many lines a wrapper's call written one argument a line is read over)


def _later_paths_below(i: int, line: str, bases: Bases) -> Iterator[Site]:
    """_later_paths of a call that opens on line i and gives its arguments on the lines below
    (`createJob(\n  "/v3/x/create",\n  body,\n  "/v3/x/fallback"\n)`): each later path is
    placed on its own line."""
    lines = bases.lines[i : i + LATER_LINES]
    starts = list(itertools.accumulate((len(t) + 1 for t in lines), initial=0))
    joined = "\n".join(lines)
    for helper, span in bases.later_arguments(joined, len(line)):
        if span[0] <= len(line):
            continue  # (on the call's own line: read above)
        k = bisect.bisect_right(starts, span[0]) - 1
        own = lines[k]
        at = (span[0] - starts[k], span[1] - starts[k])
        literal = arguments.PATH_LITERAL.fullmatch(own, *at) if at[1] <= len(own) else None
        if literal is not None:
            path = literal.group("path")
            yield from _joined_to(i + k, own, literal.start("path"), path, helper)


# Go's url.JoinPath(base, "content", "video", id), Python's "/".join([base, "content", id]),
# PHP's implode('/', [$base, 'content', $id]): the segments after the base, joined by "/"
JOIN_PATH = rx.compile(
    r"(?:\burl\.JoinPath\(|[\"']/[\"']\.join\(\s*[\[(]|\bimplode\(\s*[\"']/[\"']\s*,\s*(?:\[|array\())"
    r"\s*(?P<a>\$?[A-Za-z_][\w.]*)\s*,\s*(?=[\"'`])"
)
# Go's method `base.JoinPath("content", "video", id)` (every argument a segment), and JavaScript's
# `[ORIGIN, "api/open/v3", "content", id].join("/")` (the list's first item the base).
JOIN_METHOD = rx.compile(r"(?<![\w.])(?P<a>(?!url\b)[A-Za-z_]\w*)\.JoinPath\(\s*(?=[\"'`])")
LIST_JOIN = rx.compile(r"\[\s*(?P<a>[A-Za-z_$][\w$.]*)\s*,\s*(?=[\"'`])")
LIST_JOINED = rx.compile(r"\s*\]\s*\.\s*join\(\s*[\"'`]/[\"'`]\s*\)")
JOIN_PATH_HINT = rx.compile(r"JoinPath\(|[\"']/[\"']\.join\(|implode\(|\.join\(\s*[\"'`]/")
SEGMENT = rx.compile(r"(?P<q>[\"'`])(?P<lit>[^\"'`\s]*)(?P=q)|(?P<var>[A-Za-z_][\w.]*)")


def _join_path(i: int, line: str, bases: Bases) -> Iterator[Site]:
    """The path Go's `url.JoinPath(base, "content", "video", "status", id)` requests (or one of
    the other joins of segments: JOIN_PATH, JOIN_METHOD, LIST_JOIN): its segments joined (a
    variable one stands for a value: `{id}`), placed at the first segment; no fix (the path is
    written in pieces)."""
    for m in JOIN_PATH.finditer(line):
        opener = max(line.rfind("(", 0, m.start("a")), line.rfind("[", 0, m.start("a")))
        yield from _segments(i, line, m, arguments.spans(line, opener + 1)[1:], bases)
    for m in JOIN_METHOD.finditer(line) if "JoinPath" in line else ():
        yield from _segments(i, line, m, arguments.spans(line, m.end()), bases)
    for m in LIST_JOIN.finditer(line) if ".join(" in line else ():
        spans = arguments.spans(line, m.start() + 1)
        if spans and LIST_JOINED.match(line, spans[-1][1]):
            yield from _segments(i, line, m, spans[1:], bases)


# Go's strings.Join([]string{base, "content", "video", id}, "/"): the list's first item the base.
GO_STRINGS_JOIN = rx.compile(
    r"\bstrings\.Join\(\s*\[\]string\{\s*(?P<a>[A-Za-z_][\w.]*)\s*,\s*(?=[\"`])"
)
GO_STRINGS_JOINED = rx.compile(r"\s*\}\s*,\s*\"/\"\s*\)")


def _go_strings_join(i: int, line: str, bases: Bases) -> Iterator[Site]:
    """The path Go's `strings.Join([]string{base, "content", "x"}, "/")` requests (see
    _segments), its list joined by "/" and nothing else."""
    for m in GO_STRINGS_JOIN.finditer(line):
        spans = arguments.spans(line, line.index("{", m.start()) + 1)
        if spans and GO_STRINGS_JOINED.match(line, spans[-1][1]):
            yield from _segments(i, line, m, spans[1:], bases)


def _segments(
    i: int, line: str, m: re.Match[str], spans: list[tuple[int, int]], bases: Bases
) -> Iterator[Site]:
    """The path of segments joined to the base `m` names (see _join_path)."""
    parts: list[str] = []
    for a, b in spans:
        seg = SEGMENT.fullmatch(line, a, b)
        if seg is None:
            return
        lit, var = seg.group("lit"), seg.group("var")
        parts.append(lit.strip("/") if lit is not None else "{" + var.split(".")[-1] + "}")
    if not parts or not parts[0] or parts[0].startswith("{"):
        return
    start = spans[0][0] + 1
    for site in _joined(i, line, start, "/".join(parts), m.group("a"), bases):
        yield replace(site, end=start + len(parts[0]), named=True)


OPEN_CALL_END = rx.compile(r"([A-Za-z_]\w*)(?:<[^()=;\n]{0,160}>)?\(\s*$")


def _rejoin(prev: str) -> str:
    """The name of the call a line's first argument belongs to, when the call opens on the line
    before (a formatter's `client.post(` + newline + `"/path", ...`)."""
    prev = flat_generics(prev)  # (type arguments too, nested)
    m = OPEN_CALL_END.search(prev)
    return m.group(1) + "(" if m else ""


def _path_arguments(
    i: int, line: str, bases: Bases, shift: int = 0, real: str = ""
) -> Iterator[Site]:
    """Relative paths given to a helper or to a client that has a base; `shift` maps columns of a
    rejoined line back to the real one."""
    for m in PATH_ARGUMENT.finditer(line):
        if shift and m.start("path") + shift < 0:
            continue
        at, real = m.start("fn") + shift, real or line
        given = _argument_base(i, real, m, shift, bases)
        if given is None or (given.receiver and other_vendor(bases.lines, i, real, at)):
            continue  # (the one question: is the receiver made with another vendor's base?)
        joined = _joined_to(i, real, m.start("path") + shift, m.group("path"), given.base)
        yield from (resolved(s, "") for s in joined) if given.resolves else joined
    shell = SHELL_CALL.match(line) if bases.helpers and not shift else None
    if shell is not None and shell.group("fn") in bases.helpers:
        base = bases.helpers[shell.group("fn")]
        yield from _joined_to(i, line, shell.start("path"), shell.group("path"), base)


class _Given(NamedTuple):
    """The base a path argument is joined to (None: a helper's base not known, the path judged as
    written); `receiver`: the base is the receiver's (a client's method, a helper, a client's
    verb), so another vendor's receiver takes the path out; `resolves`: the client resolves the
    path as a URL reference (its sites are resolved)."""

    base: Base | None
    receiver: bool = False
    resolves: bool = False


def _argument_base(i: int, real: str, m: re.Match[str], shift: int, bases: Bases) -> _Given | None:
    """The base the call a path argument is given to joins it to (None: no base, or none known)."""
    fn, at = m.group("fn"), m.start("fn") + shift
    method = bases.method_of(real, at, fn)
    if method is not None:  # client.post("/x") with client = new AkoolClient() of the folder
        return _Given(method, receiver=True)
    if fn in bases.helpers and not _foreign_receiver(real, m, shift, bases.helpers[fn]):
        helper = bases.helpers[fn]  # (None: a helper of unknown base, its path judged as written)
        if bases.owners.get(fn):  # (a method every class defines: its own class's version)
            helper = _own_class_version(helper, bases.lines, i)
        return _Given(helper, receiver=True)
    if (
        (fn.lower() in HTTP_METHODS or ASYNC_METHOD.fullmatch(fn))
        and bases.clients
        and not _module_call(real, at, bases)
    ):
        client = receiver_client(real, at, i, bases)
        if client is None:
            return None
        client = (
            _own_base(bases, i) or _spread_base(bases, i) or _named_base(bases, i) or client
        )  # (the call's own wins)
        return _Given(client, receiver=True, resolves=_resolves(client, real, at))
    based: Base | None = None
    if bases.clients and (called := _called_client(real, at, i, bases)):
        based = called
    elif fn in jsclients.PATH_LINKS and (linked := _linked_client(real, m, shift, i, bases)):
        based = linked  # wretch's .url("/x")
    elif fn in ("uri", "path") and bases.clients:
        based = chain_client(real, at, i, bases)
    elif fn.lower() in HTTP_METHODS and bases.clients:
        based = _own_base(bases, i)  # axios.get(p, { baseURL })
    return _Given(based) if based is not None else None


# A Feign client's method annotation, its path joined to the client's `url` (a controller's own
# route mappings are skipped before: see source.route_spans).
FEIGN_MAPPING = rx.compile(
    r"@(?:Get|Post|Put|Delete|Patch|Request)Mapping\("
    r"\s*(?:(?:\w+\s*=\s*[\w.]+\s*,\s*)*(?:value|path)\s*=\s*)?\{?\s*\""
    r"(?P<path>/?[A-Za-z_][^\"\s?#]*(?:\?[^\"\s]*)?)\""
)


def _feign_paths(i: int, line: str, bases: Bases) -> Iterator[Site]:
    """The paths of a Feign client's method mappings, joined to its `url`."""
    for m in FEIGN_MAPPING.finditer(line):
        yield from _joined_to(i, line, m.start("path"), m.group("path"), bases.client_at(i))


# A fetch that takes its base as an option: ofetch's `ofetch("/x", { baseURL })`, Nuxt's `$fetch`.
BASED_FETCH = rx.compile(r"(?:(?<![\w$.])ofetch|(?<![\w.])\$fetch)\s*$")
OPTIONS_SCAN = 6  # lines of a call's options object in which its `baseURL:` is looked for


def _called_client(line: str, at: int, i: int, bases: Bases) -> Base | None:
    """The base of a client called as a function (`akool("/x", { method: "POST", body })` where
    `const akool = ofetch.create({ baseURL: BASE })`, an axios instance called the same way), or
    of ofetch's own `ofetch("/x", { baseURL: BASE })` (the base among its options)."""
    name = WORD.match(line, at)
    if name is None:
        return None
    if BASED_FETCH.search(line, 0, name.end()):
        return _base_within(bases, [i])
    if (at > 0 and line[at - 1] in ".$") or name.group(0) not in bases.made_clients():
        return None  # a method of an object (`cache.get`), not the client itself
    return _base_within(bases, bases.made_at(name.group(0)))


def _base_within(bases: Bases, calls: list[int]) -> Base | None:
    """The client base given inside a call that opens on one of the lines (its options object
    may run on over a few lines: the lines between leave the call open)."""
    for n, base in bases.clients:
        for k in calls:
            if k <= n < k + OPTIONS_SCAN and all(_opens(bases.lines[j]) > 0 for j in range(k, n)):
                return base
    return None


def _opens(text: str) -> int:
    """How many more brackets a line opens than it closes."""
    return sum(text.count(c) for c in "({[") - sum(text.count(c) for c in ")}]")


def _makes(name: str, text: str) -> bool:
    """Whether a line binds the name to a client it makes (MADE_CLIENT)."""
    if name not in text:
        return False
    made = any(m.group("n") == name for m in MADE_CLIENT.finditer(text))
    return made or name in jsclients.called_clients(text)


def _own_class_version(helper: Base | None, lines: list[str], i: int) -> Base | None:
    """A helper's base with the version of the AKOOL base the class around the call binds as
    its own, where every class defines the helper alike (`class V3` and `class V4` each with
    `_get`, the file's helper base being one of them)."""
    if helper is None or not helper.prefix.startswith("/api/open/v") or not helper.host:
        return helper
    own = class_prefix(lines, i)
    return replace(helper, prefix=own) if own and own.startswith("/api/open/v") else helper


def _foreign_receiver(line: str, m: re.Match[str], shift: int, base: Base | None) -> bool:
    """A one-segment path given to a verb of another object than the file's own (`cache.get(
    "/avatars")` beside the script's `get(path)` wrapper): no call of that wrapper; nor is any
    path given to a method of an object (`self.get(...)`, `cache.get(...)`) that has the name
    of a function the file imports."""
    fn = m.group("fn")
    unseen = base is not None and base.prefix == UNSEEN_PREFIX
    if not unseen and ("/" in m.group("path").strip("/") or fn.lower() not in HTTP_METHODS):
        return False
    at = m.start("fn") + shift
    receiver = RECEIVER.search(line, max(0, at - 80), at)
    if unseen:
        return receiver is not None
    return receiver is not None and receiver.group("r") not in ("self", "this", "$this", "cls")


# Spring WebClient's verb before its `.uri(...)`: `web.post().uri("/x")`, `web.method(HttpMethod.
# POST).uri(...)`, and the path of a URI builder there: `.uri(u -> u.path("/x").build())`.
CHAIN_VERB = rx.compile(
    r"(?P<r>[\w$][\w.$]*?)?\s*\.\s*(?:(?:get|post|put|patch|delete)\s*\(\s*\)"
    r"|method\s*\([\w.]+\))\s*\.\s*(?:uri\s*\(\s*(?P<u>\w+)\s*->\s*(?P=u)\s*\.\s*)?$"
)
CHAIN_LINES = 3  # lines up from a `.uri(...)` link in which its chain's verb is looked for


def chain_client(line: str, at: int, i: int, bases: Bases) -> Base | None:
    """The base of the client whose WebClient chain gives a path to `.uri(` (or to a URI
    builder's `.path(` inside it) at a column of line i; the chain may start lines above
    (`web.post()` then `.uri("/x")` on the next line)."""
    text = line[:at]
    for k in range(i - 1, max(-1, i - 1 - CHAIN_LINES), -1):
        if not text.lstrip().startswith("."):
            break
        text = bases.lines[k].rstrip() + text.lstrip() if k < len(bases.lines) else text
    m = CHAIN_VERB.search(text)
    if m is None or bool(m.group("u")) != line.startswith("path", at):
        return None  # (`.uri("/x")` after the verb, `u.path("/x")` inside `.uri(u -> ...)`)
    return client_named(_name_of(m.group("r") or ""), i, bases)


def _linked_client(line: str, m: re.Match[str], shift: int, i: int, bases: Bases) -> Base | None:
    """The base of the client whose chain appends a path in a link (wretch's `akool.url("/x")`,
    see jsclients.PATH_LINKS): only a receiver the file binds to a client it gives a base."""
    at = m.start("fn") + shift
    own = RECEIVER.search(line, max(0, at - 80), at)
    name = _name_of(own.group("r")) if own is not None else ""
    return client_named(name, i, bases) if name in bases.named_clients else None


def receiver_client(line: str, at: int, i: int, bases: Bases) -> Base | None:
    """The base of the client whose verb is at a column of a line (see client_named)."""
    m = RECEIVER.search(line, max(0, at - 80), at)
    if m is None:
        text = _chain_text(line[:at], i, bases.lines)
        m = RESTY_RECEIVER.search(text, max(0, len(text) - 240))
    return client_named(_name_of(m.group("r")) if m is not None else "", i, bases)


def _chain_text(text: str, i: int, lines: list[str]) -> str:
    """The text of a call chain up to a column, with the lines above it continues (`.Get(` after
    `c.R().` / `SetQueryParam(...).` lines, Go's trailing dots; or lines starting with `.`)."""
    for k in range(i - 1, max(-1, i - 1 - CHAIN_LINES), -1):
        above = lines[k].rstrip() if k < len(lines) else ""
        if not (text.lstrip().startswith(".") or above.endswith(".")):
            break
        text = above + text.lstrip()
    return text


# Go resty's request chain: `c.v3.R().SetQueryParam("k", v).Get(` is a verb of the client c.v3.
RESTY_RECEIVER = rx.compile(r"(?P<r>[\w$][\w.$]*?)\s*\.\s*R\(\)(?:\s*\.\s*\w+\([^()]*\))*\s*\.\s*$")


def client_named(name: str, i: int, bases: Bases) -> Base | None:
    """The base of the client a verb on line i is called on: the one the file makes under the
    receiver's name (`V4.get(...)` with `V4 = httpx.Client(base_url=".../v4")`, the nearest such
    binding before the line), None when that client is given no AKOOL base (another service's,
    `httpx.Client(base_url="https://api.elevenlabs.io/v1")`); a receiver the file makes no
    client under (a parameter, `with ... as c`) is the last client made before the line."""
    named = bases.named_clients.get(name) if name else None
    if named:
        held = [base for k, base in named if k <= i]
        return held[-1] if held else named[0][1]
    made = bases.made_at(name) if name and name in bases.made_clients() else []
    if not made and name and _ambiguous(bases):
        return None  # (a receiver of its own among clients of two bases: which one is not said)
    if not made:
        return bases.client_at(i)
    before = [k for k in made if k <= i]
    return _base_within(bases, [before[-1] if before else made[0]])


def _ambiguous(bases: Bases) -> bool:
    """Whether the file binds clients of more than one base under names (`_v3`, `_v4`)."""
    held = {
        (b.host, b.prefix) if b else None
        for spots in bases.named_clients.values()
        for _, b in spots
    }
    return len(held) > 1


def _module_call(line: str, at: int, bases: Bases) -> bool:
    """Whether the verb at a column is an HTTP module's own (`requests.post(`, `axios.get(`),
    not that of a client the file binds to a module's name (`this.http = axios.create(...)`)."""
    m = RECEIVER.search(line, max(0, at - 80), at)
    ivar = m is not None and line[m.start("r") - 1 : m.start("r")] == "@"  # (Ruby's `@http.post`)
    return m is not None and module_named(("@" if ivar else "") + m.group("r"), bases)


def module_named(ref: str, bases: Bases) -> bool:
    """Whether a receiver names an HTTP module (`requests`, `axios`, `http`): not a client the
    file binds to a module's name, nor a PHP variable or a Ruby instance variable (`$http =
    Http::baseUrl(...)`, Laravel's client; `@http = Faraday.new(url: ...)`: never a module)."""
    name = _name_of(ref)
    own = ref.lstrip().startswith(("$", "@")) and not ref.lstrip().startswith("${")
    return name in HTTP_MODULES and not own and name not in bases.made_clients()


# A format string that puts a scheme, a host and a root before the path: "%s://%s%s/x".
FORMAT_SCHEME = rx.compile(r"[\"'`]%s://%s%s" + PATH_TEXT + r"[\"'`]")


def _format_arguments(rest: str, k: int) -> str:
    """The k-th argument after a format string (`, scheme, host, root)`: root for k=3)."""
    skipped = r"\s*,((?:\s*[\w.$>\[\]\"'-]+\s*,){" + str(k - 1) + "})"
    m = re.match(skipped + r"\s*(?P<a>[\w.$>\[\]\"'-]+)", rest)
    return m.group("a") if m else ""


FORMAT_ARGUMENT = rx.compile(r"\s*(?:%\s*\(?|\.format\(|,)\s*(?P<a>[\w.$>\[\]\"'-]+)")


def _format_argument(rest: str) -> str:
    """The first argument after a format string: % BASE, .format(BASE), , base)."""
    m = FORMAT_ARGUMENT.match(rest)
    return m.group("a") if m else ""


def _joined(
    i: int, line: str, start: int, text: str, ref: str | None, bases: Bases, sep: str = ""
) -> Iterator[Site]:
    text = text.rstrip("\\")  # (an escaped quote's backslash after it: `\"${BASE}/x/${ID}\"`)
    if not ref or BASE_ONLY.match(text):
        return  # a base being built (API="${HOST}/api/open/v3"), not a call
    if PLACEHOLDER_PATH.match(text):
        return  # a wrapper joining its parameter (f"{BASE}{path}", "%s%s"): its callers' paths
    bound, base = bases.lookup(ref, i)
    if not bound and base is None and _env_reference(ref, i, bases):
        base = Base(None, ENV_PREFIX, "", 0)  # ${process.env.AKOOL_API_URL}/x, "$AKOOL_API/x"
    if bound and base is None:  # a path on another host: no other reading of it is a call
        yield Site(i, start, start + len(text.split("?")[0]), text, None, None, foreign=True)
        return
    picked = PICKED_VERSION.match(text) if base is not None and base.prefix == "/api/open" else None
    if picked is not None:  # f"{BASE}/{version}/voice/list": the code picks the version
        rest = picked.group("rest")
        held = _held_version_base(text, base, bases) if base is not None else None
        yield from _joined_to(
            i, line, start + picked.start("rest"), rest, held or VARIABLE_BASE, sep
        )
    elif base is not None and ("/api/open/" in text or base.prefix == "/api/open"):
        # (f"{BASE}/api/open/{VERSION}/x", `${API}/${cfg.apiVersion}/x`: see _held_version)
        yield from (_held_version(s, bases) for s in _joined_to(i, line, start, text, base, sep))
    elif base is not None:
        yield from _joined_to(i, line, start, text, base, sep)
    elif bases.local(ref) or names_elsewhere(_name_of(ref)) or FILE_NAME.search(text.split("?")[0]):
        # a file on the script's own machine ("$ROOT/content/x", f"{out_dir}/videos/a.mp4"), or
        # another server named so (`${process.env.AKOOL_WEBHOOK_URL}/x`, `${callbackUrl}/x`)
        yield Site(i, start, start + len(text.split("?")[0]), text, None, None, foreign=True)
    elif text.startswith("/") and not text.startswith("/api/open/"):
        # an unknown base (a variable host, a parameter): judged by what the path shows
        yield _site(i, start, text, text, None, line)


def _env_reference(ref: str, line: int, bases: Bases) -> bool:
    """Whether a reference the file does not bind reads an environment variable named for
    AKOOL's base: `process.env.AKOOL_API_URL`, `os.environ["AKOOL_BASE_URL"]`, a shell's
    `$AKOOL_API_URL` (not a parameter of the function it is in)."""
    name = _name_of(ref)
    if not name or not akool_base_name(name):
        return False
    if env_base(ref) is not None and not ref.lstrip().startswith("$"):
        return True
    if name in bases.opaque:
        return False  # (bound here to a value not in view: `AKOOL_API_URL = env("X")`)
    scopes = bases.scopes
    return name.isupper() and not (scopes is not None and scopes.parameter_at(name, line))


# A version segment held in a name (`/{VERSION}/`, `/${config.apiVersion}/`, `/$version/`,
# Ruby's `/#{VERSION}/`), after /api/open or first in a path joined to a base ending in it.
HELD_VERSION = rx.compile(
    r"(?:^|/api/open)/(?P<h>\{(?P<a>[A-Za-z_][\w.]*)\}|\$\{(?P<b>[A-Za-z_][\w.]*)\}"
    r"|\$(?P<c>[A-Za-z_]\w*)|#\{(?P<d>[\w.@]+)\})(?=/)"
)


def version_constant(ref: str, lines: list[str]) -> str | None:
    """The version a name holds when the file binds it to one literal version and nothing else
    (`VERSION = "v3"`, `const API_VERSION = 'v4';`, an object's `apiVersion: "v3",`): the last
    member of a dotted name is the key looked for. None when it is bound to two versions."""
    name = ref.rsplit(".", 1)[-1].lstrip("@$")
    if not name:
        return None
    pattern = re.compile(
        r"(?<![\w.$])(?:self\.|this\.|@|\$)?[\"']?" + re.escape(name) + r"[\"']?\s*"
        r"(?::\s*[\w.]+\s*)?(?P<op>:=|=(?!=)|:|=>)\s*[\"'`](?P<v>v\d+)[\"'`]"
    )
    versions = {
        m.group("v")
        for text in lines
        if name in text
        for m in pattern.finditer(text)
        if not _tuple_target(text, m)
    }
    return versions.pop() if len(versions) == 1 else None


def _tuple_target(text: str, m: re.Match[str]) -> bool:
    """Whether a name is one of several assigned side by side (`V3, V4 = "v3", "v4"`: the first
    literal after the `=` is the first name's, not this one's)."""
    return m.group("op") in ("=", ":=") and text[: m.start()].rstrip().endswith(",")


def _held_version_name(text: str) -> tuple[re.Match[str], str] | None:
    m = HELD_VERSION.search(text)
    return (m, next(g for g in m.group("a", "b", "c", "d") if g)) if m is not None else None


def _held_version_base(text: str, base: Base, bases: Bases) -> Base | None:
    """The base of a path joined to a base ending in /api/open whose first segment is a name
    holding one version (`VERSION = "v3"`; f"{API}/{VERSION}/voice/list"): that version's."""
    held = _held_version_name(text)
    version = version_constant(held[1], bases.lines) if held is not None else None
    return replace(base, prefix=f"/api/open/{version}") if version is not None else None


def _held_version(site: Site, bases: Bases) -> Site:
    """A site whose path has its version segment held in a name (f"{BASE}/api/open/{VERSION}/x",
    `VERSION = "v3"`), with that version in its path when the file binds the name to one."""
    held = _held_version_name(site.path or "")
    version = version_constant(held[1], bases.lines) if held is not None else None
    if held is None or version is None or site.path is None:
        return site
    m = held[0]
    return replace(site, path=site.path[: m.start("h")] + version + site.path[m.end("h") :])


# A path whose first segment is a version the code picks, joined to a base ending in /api/open
# (`f"{BASE}/{version}/voice/list"`, `${BASE}/${v}/voice/list`): judged under any version.
PICKED_VERSION = rx.compile(r"^/(?:\{\w+\}|\$\{\w+\}|\$\w+|%s)(?P<rest>/[A-Za-z_][^\s\"'`]*)$")
VARIABLE_BASE = Base(None, VARIABLE_PREFIX, "", 0)
# The last segment of a file's path: a name with an extension (AKOOL's paths have none).
FILE_NAME = rx.compile(r"/[^/]*\.[A-Za-z][A-Za-z0-9]{0,4}$")
# A joined "path" that is only a placeholder: `{path}`, `/{path.lstrip(`, `%s`, `${endpoint}`.
PLACEHOLDER_PATH = rx.compile(r"^/?(?:\{[^}/]*\}?|\$\{?\w*\}?|%[sv])[^/]*$")


def _resolves(client: Base, line: str, at: int) -> bool:
    """Whether the client's verb at a column resolves its path against the client's base (see
    RESOLVING_VERBS): `Http.GetAsync("x")`, Retrofit's `@GET("x")`, not Refit's `[Get("x")]`."""
    verbs = RESOLVING_VERBS.get(client.resolves) if client.resolves else None
    return verbs is not None and verbs.match(line, at) is not None


def _joined_to(
    i: int, line: str, start: int, text: str, base: Base | None, sep: str = "/"
) -> Iterator[Site]:
    if base is not None and base.prefix == UNSEEN_PREFIX:
        path = "/" + text.split("?")[0].lstrip("/")
        # (AKOOL's whole /api/open/vN prefix given to a hidden helper: judged as such a literal)
        hidden = not OPEN_PATH_START.match(path)
        site = _site(i, start, text, path, None, line)
        yield replace(site, unseen=hidden, akool_helper=hidden and base.akool, via=base.via)
        return
    if base is None or base.prefix == VARIABLE_PREFIX:
        yield _site(i, start, text, text, None, line)
        return
    if base.prefix == ENV_PREFIX:  # judged as AKOOL's path under any prefix (see calls)
        path = text if text.startswith(("/", "$", "{")) else "/" + text  # (Retrofit's "content/x")
        yield replace(_site(i, start, text, path, None, line), base=base, joined=True)
        return
    relative = text.split("?")[0]
    path = base.prefix.rstrip("/") + "/" + relative.lstrip("/")
    site = _site(i, start, text, path, base.host, line, base)
    yield site
