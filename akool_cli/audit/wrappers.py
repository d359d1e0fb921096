"""A script's own wrapper functions around AKOOL: a function whose body joins one of its
parameters to an AKOOL base (`def _post(self, path, body): ... self.base + path`, `request(endpoint,
body)` with `${BASE}${endpoint}`, `call() { curl "$BASE$1" ...; }`), and the HTTP method it sends
(its own, or the one its caller passes it); a function that joins no parameter is not one."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache

from akool_cli.audit import arguments, curlargs, rx, ties
from akool_cli.audit.methods import METHOD_ARGUMENT, METHOD_GROUPS, METHODS
from akool_cli.audit.scopes import (
    FUNCTION_DEF,
    NOT_FUNCTIONS,
    defines,
    enclosing_class,
    function_def,
    indent,
    ordered_parameters,
    parameters,
)
from akool_cli.audit.sites import (
    HTTP_MODULES,
    QUERY_KEYWORDS,
    Base,
    Bases,
    client_named,
    host_parts,
    literal_base,
)

PASSED = "*"  # the wrapper sends the method its caller gives it ("*POST": POST when none given)
BODY_LINES = 15  # how far after the join the request that sends it may be
STATEMENT_LINES = 8

# A base and a parameter joined: `{B}{P}` (f-strings, C#, PHP `{$this->b}{$p}`), `${B}${P}`,
# `$B$P`, `$B/api/open/v4$1`, Ruby `#{B}#{P}`, `B + P`, `B + "/" + P`, PHP `B . $p`,
# `"%s%s", B, P` (Sprintf, String.format, `%`), `"{}{}".format(B, P)`, `urljoin(B, P)`,
# `new URL(P, B)`. Between the two only a slash or an /api/open[/vN] prefix of the wrapper's own.
MID = r"(?P<mid>/?(?:api/open(?:/v\d+)?/?)?)"
PARAM = r"(?P<p>[A-Za-z_]\w*)"


def join_patterns(param: str, shell_param: str) -> tuple[re.Pattern[str], ...]:
    """The joins above, of a base and a name that `param` matches (`shell_param` in the shell's
    forms, where a positional `$1` is one too)."""
    return (
        rx.compile(r"\{(?P<b>\$?[A-Za-z_][\w.>-]*(?:\(\))?)\}" + MID + r"\{\$?" + param),
        rx.compile(r"\$\{(?P<b>[A-Za-z_][\w.#]*)\}" + MID + r"\$\{?" + shell_param),
        rx.compile(r"(?<![\w$\\])\$(?P<b>[A-Za-z_]\w*)" + MID + r"\$\{?" + shell_param),
        rx.compile(r"#\{(?P<b>[\w.:@]+)\}" + MID + r"#\{" + param),
        rx.compile(
            r"(?<![\w.$>-])(?P<b>(?:\$this->|\$)?[A-Za-z_][\w.>-]*(?:\(\))?"
            r"(?:\[[\"'][\w-]+[\"']\])*)\s*"  # (a dict's entry: `AKOOL["base"] + path`)
            r"(?:\+|\.(?=\s*[$\"']))\s*(?:[\"'`]/[\"'`]\s*(?:\+|\.)\s*)?\$?"
            + param
            + r"(?!\w)(?!\s*\()"
        ),
        rx.compile(
            r"[\"'`](?:%s|\{\d?\})" + MID + r"(?:%s|\{\d?\})[\"'`]\s*(?:,|%\s*\(?|\.format\()\s*"
            r"(?P<b>[\w.$>-]+)\s*,\s*\$?" + param
        ),
        rx.compile(r"\burljoin\(\s*(?P<b>[\w.$>-]+?)\s*(?:\+\s*[\"']/[\"'])?\s*,\s*" + param),
        rx.compile(r"\bnew URL\(\s*" + param + r"\s*,\s*(?P<b>[\w.$>-]+)\s*\)"),
        # Go's url.JoinPath(B, P) (Go 1.19+)
        rx.compile(r"\burl\.JoinPath\(\s*(?P<b>[\w.]+)\s*,\s*" + param + r"\b"),
        # a base trimmed of its trailing slash first: rtrim($base, '/') . $path,
        # strings.TrimRight(base, "/") + path, base.rstrip("/") + path, base.replace(/\/$/, "") + path
        rx.compile(
            r"(?:\brtrim|\bstrings\.Trim(?:Right|Suffix))\(\s*(?P<b>\$?[A-Za-z_][\w.>-]*)\s*,\s*"
            r"[\"']/+[\"']\s*\)\s*(?:\.|\+)\s*\$?" + param + r"\b(?!\s*\()"
        ),
        rx.compile(
            r"(?<![\w.$>-])(?P<b>(?:\$this->|\$)?[A-Za-z_][\w.>-]*)\.(?:rstrip|trimEnd|TrimEnd|replace)"
            r"\([^()]*\)\s*\+\s*" + param + r"\b(?!\s*\()"
        ),
    )


JOINS = join_patterns(PARAM, r"(?P<p>[A-Za-z_]\w*|\d)")
# A local that is a parameter as it is or trimmed (`endpoint = path.lstrip("/")`, `local
# path="$2"`): a parameter too; one made from it (`suffix = name + ".json"`) is not.
FROM_PARAMETER = rx.compile(
    r"(?:^|[\s;(])(?:local\s+|const\s+|let\s+|var\s+|val\s+|my\s+)?\$?(?P<n>[A-Za-z_]\w*)\s*:?=\s*"
    r"[\"']?\$?\{?(?P<src>[A-Za-z_]\w*|\d)\}?[\"']?"
    r"(?=\s*(?:$|[;),])|\s+[A-Za-z_]\w*=|\.(?:l?strip|trim\w*|removeprefix|replace)\()"
)
# A parameter that carries the HTTP method.
METHOD_PARAMETER = rx.compile(r"(?i)^(?:http_?)?(?:method|verb)$")
# The verb of the client method the URL is given to: session.post(, axios.get(, PostAsync(,
# http.Get(, restTemplate.postForEntity(, OkHttp's .post(body)
VERB_CALL = rx.compile(
    r"(?:\.|->|::)\s*(?P<verb>get|post|put|delete|patch)"
    r"(?:Async|_json|ForObject|ForEntity|AsJsonAsync)?\s*(?:<[^<>()]*>)?\(",
    re.IGNORECASE,
)
# A lookup's `.get(` on the environment, a mapping or options (`os.environ.get("HOOK")`,
# `kwargs.get("timeout")`, `body.get("webhookUrl")`): no HTTP verb.
LOOKUP_GET = rx.compile(
    r"(?<![\w$])(?:os\.environ|environ|kwargs|opts|options|config|settings|params|headers|body"
    r"|payload|data|defaults|extra|self\.(?:config|settings|options|defaults))\s*\.\s*get\("
)
PHP_METHOD = rx.compile(r"CURLOPT_CUSTOMREQUEST\s*,\s*[\"'](?P<m>[A-Za-z]+)[\"']")
METHOD_NAMED = rx.compile(
    r"\bmethod\s*[:=]\s*(?P<name>\$?[A-Za-z_]\w*)\b|[({,]\s*(?P<arg>\w+)\s*[,}]"
)
CURL = rx.compile(r"(?:^|[\s;{(|&`])curl\s")
PHP_POST = rx.compile(r"CURLOPT_POST(?:FIELDS)?\b")
BOUND = rx.compile(r"^\s*(?:const|let|var|val|my|local|final|auto)?\s*\$?(?P<n>[A-Za-z_]\w*)\s*:?=")


LONGEST_LINE = 2000
# A parameter given on to another function, a method argument before it or not:
# self._url(path), this.request(method, path, body), _request("POST", endpoint)
PASSED_ON = rx.compile(
    r"(?<![\w$])(?:self\.|this\.|\$this->|cls\.|@)?(?P<h>[A-Za-z_]\w*)"
    r"(?:<(?:[^<>()\n]|<[^<>()\n]*>){0,200}>)?\s*\(\s*"  # (TypeScript's `akoolGet<T>(path`)
    r"(?:[\"']?[A-Za-z_.]+[\"']?\s*,\s*)?\$?(?P<p>[A-Za-z_]\w*)\s*[,)]"
)


# A parameter given to a client's verb: api.post(path, data), self.client.get(path, ...),
# $this->client->post($path, ...), http.request("POST", path)
CLIENT_CALL = rx.compile(
    r"(?P<recv>[A-Za-z_$][\w.$>-]*?)\s*(?:\.|->)\s*(?P<verb>(?i:get|post|put|delete|patch|request))"
    r"(?:Async)?\s*(?:<[^<>()]*>)?\(\s*(?:[\"'][A-Za-z]+[\"']\s*,\s*)?\$?(?P<p>[A-Za-z_]\w*)\s*[,)]"
)


# A method parameter's default: `method = "POST"`, `method: str = "POST"`, `$method = 'POST'`
METHOD_DEFAULT = rx.compile(
    r"(?i)(?<![\w.])\$?(?:http_?)?(?:method|verb)\s*(?::\s*[\w\[\]|.]+\s*)?=\s*"
    r"[\"'](?P<m>GET|POST|PUT|DELETE|PATCH)[\"']"
)
HEADER_LINES = 4


@dataclass
class Function:
    name: str
    line: int
    params: set[str] = field(default_factory=set)
    method_default: str = ""  # the default of its method parameter, if any
    order: list[str] = field(default_factory=list)  # its parameters, as a caller gives them


def method_default(lines: list[str], line: int, after: int) -> str:
    """The default of a function's method parameter (`method = "POST"`), read in its parameter
    list (up to the first closing parenthesis)."""
    first = lines[line][after - 1 :] if lines[line][after - 1 : after] == "(" else lines[line]
    head = "\n".join([first, *lines[line + 1 : line + HEADER_LINES]]).split(")", 1)[0]
    m = METHOD_DEFAULT.search(head)
    return m.group("m").upper() if m is not None else ""


def branches_on_method(lines: list[str], current: Function, line: int) -> bool:
    """Whether the function's body, up to a line, branches on its method parameter (`if method
    == "GET":`, `method === "GET" ?`, `switch (method)`): the verb of the branch a join is in is
    then not the method of every call."""
    names = [p for p in current.params if METHOD_PARAMETER.match(p)]
    if not names:
        return False
    word = "|".join(re.escape(n) for n in names)
    branch = re.compile(
        rf"\b(?:if|elif|switch|match|case|when)\b.*(?<![\w.])\$?(?:{word})\b"
        rf"|(?<![\w.])\$?(?:{word})\b(?:\.\w+\(\))?\s*(?:===?|!==?)"
    )
    return any(branch.search(t) for t in lines[current.line : line + 1])


def find_helpers(lines: list[str], bases: Bases) -> None:
    """Functions whose body joins a base to a parameter: their path arguments join that base,
    sent with the wrapper's method (`Base.method`; PASSED when the caller gives it). A function
    that passes its parameter on to one (`requests.post(self._url(path), ...)`) is one too, so
    a second reading finds those that call a wrapper defined below them."""
    known = len(bases.helpers)
    facts = ties.Lines(lines, False)  # (one per file: its per-line and per-file facts kept)
    _read(lines, bases, facts)
    if len(bases.helpers) > known:
        _read(lines, bases, facts)


def _read(lines: list[str], bases: Bases, facts: ties.Lines) -> None:
    current: Function | None = None
    scopes = bases.scopes if bases.scopes is not None and bases.scopes.lines is lines else None
    for i, line in enumerate(lines):
        fn = scopes.function_def_at(i) if scopes is not None else function_def(line)
        if fn is not None and defines(lines, i, fn):
            name = next((g for g in fn.groups() if g), "")
            if name and name not in NOT_FUNCTIONS:
                params = parameters(lines, i, fn.end())
                current = Function(name, i, params, method_default(lines, i, fn.end()))
                current.order = ordered_parameters(lines, i, fn.end())
        if current is None or len(line) > LONGEST_LINE:
            continue  # (a minified line defines no wrapper the audit can read)
        for m in FROM_PARAMETER.finditer(line):
            if m.group("src") in current.params and m.group("n") not in current.params:
                current.params.add(m.group("n"))
        if current.name in bases.helpers:
            _more_paths(lines[i], i, bases, current)
            continue
        found = (
            _joined_here(lines, i, bases, current)
            or _passed_on(lines, i, bases, current)
            or _given_to_client(lines, i, bases, current)
        )
        if found is not None:
            gives = _gives(facts, i, current.name, found.gives)
            made = replace(query_carrier(lines, current, found), gives=gives)
            bases.helpers[current.name] = replace(made, positions=())
            bases.owners[current.name] = enclosing_class(lines, current.line)
            _more_paths(lines[i], i, bases, current)


def _more_paths(line: str, i: int, bases: Bases, current: Function) -> None:
    """The positions of a wrapper's parameters that a line of its body sends as a path (joined
    to a base, or given to another wrapper where that one takes a path), added to those of its
    base (see Base.positions): `createJob(primary, body, fallback)` gives both to `post`."""
    helper = bases.helpers.get(current.name)
    if helper is None or len(line) > LONGEST_LINE or i - current.line > FUNCTION_LINES:
        return  # (the lines after its body, up to the next function, are not its own)
    if not any(p and p in line for p in current.order):
        return
    found = {current.order.index(p) for p in path_params(line, i, bases, current)}
    if found - set(helper.positions):
        bases.helpers[current.name] = replace(
            helper, positions=tuple(sorted(found | set(helper.positions)))
        )


def path_params(line: str, i: int, bases: Bases, current: Function) -> list[str]:
    """The parameters of the function a line sends as a path: joined to a base, or given to a
    wrapper at a position it takes a path at."""
    names = [
        param
        for ref, param, _ in joins(line)
        if param in current.params and param in current.order and bases.find(ref, i) is not None
    ]
    for m in arguments.CALL.finditer(line) if "(" in line else ():
        helper = bases.helpers.get(m.group("fn"))
        if helper is None or m.group("fn") == current.name:
            continue
        args = [line[a:b].lstrip("$") for a, b in arguments.spans(line, m.end())]
        for k, arg in enumerate(args):
            if arg in current.order and _takes_path(helper, k, args):
                names.append(arg)
    return names


def _takes_path(helper: Base, k: int, args: list[str]) -> bool:
    """Whether a wrapper takes a path as its k-th argument: at one of its positions, or (those
    unknown) first, after a method if one comes first (`request("POST", path)`)."""
    if helper.positions:
        return k in helper.positions
    first = args[0] if args else ""
    method = METHOD_PARAMETER.match(first) or first.strip("\"'").upper() in METHODS
    return k == (1 if method else 0)


def _gives(facts: ties.Lines, i: int, name: str, inner: str) -> str:
    """What a wrapper returns of the answer of the request it makes at a line ("field", "body"
    or "" when its code does not say): followed from that line as a returner's is (returns.py);
    `inner`: what the wrapper it passes its parameter on to gives. `facts`: the file's lines,
    read once for all its wrappers (one made per wrapper read the file again for each: a chain
    of helpers each calling the one before cost the square of its length)."""
    lines = facts.lines
    if len(lines[i]) > LONGEST_LINE:
        return ""
    bound = facts.binding(i)  # (the call is on the right of `res = ...`)
    column = (
        len(lines[i]) - len(bound.rhs)
        if bound is not None
        else len(lines[i]) - len(lines[i].lstrip())
    )
    last = ties.Scope()
    for _, scope in ties.scopes(facts, i, column, inner):
        last = scope
    if name not in last.returned:
        return ""
    return "field" if name in last.fields else "body" if name in last.bodies else ""


# What sends a wrapper's parameter as the request's query: requests' or axios' `params=params`,
# `{ params: query }`, `{ params }`, `new URLSearchParams(params)`, `http_build_query($params)`,
# `urlencode(params)`, `URI.encode_www_form(params)`, `qs.stringify(params)`.
QUERY_CARRIED = rx.compile(
    r"\bparams\s*(?:=|:(?!:))\s*\$?(?P<a>[A-Za-z_]\w*)\b(?!\s*[.(\[])"
    r"|[{,]\s*(?P<b>params)\s*[,}]"
    r"|(?:\bURLSearchParams|\bhttp_build_query|\burlencode|\bencode_www_form"
    r"|\b(?:qs|querystring)\.stringify)\(\s*\$?(?P<c>[A-Za-z_]\w*)!?\s*(?:as\s+[^()]*?)?[,)]"
    # Guzzle's ['query' => $params], got's or ky's { searchParams: params }, HTTParty's query:
    r"|[\"']?\b(?:query|searchParams)[\"']?\s*(?:=>|:(?!:))\s*\$?(?P<g>[A-Za-z_]\w*)\b(?!\s*[.(\[])"
    # Object.entries(params).forEach(([k, v]) => url.searchParams.set(k, v))
    r"|\bObject\.(?:entries|keys)\(\s*(?P<e>[A-Za-z_$][\w$]*)\s*\)(?=.*searchParams)"
    # requests.get(url, **kwargs): the params= keyword its caller gives
    r"|\b(?:requests|httpx|session|client|http)\s*\.\s*(?:get|request)\([^)]*\*\*(?P<k>[A-Za-z_]\w*)"
)
FUNCTION_LINES = 40  # how far a wrapper's body is read for what it does with its parameters


def query_carrier(lines: list[str], current: Function, base: Base) -> Base:
    """The wrapper's base, with the parameter it sends as the request's query, if one: the
    keys its caller gives there (`akool_get("/v4/voice/list", {"page": 1})`) are that GET's
    query, with the names the wrapper writes in a query of its own (see Base.query)."""
    body: list[str] = []
    for j in range(current.line, min(current.line + FUNCTION_LINES, len(lines))):
        fn = function_def(lines[j]) if j > current.line else None
        if fn is not None and defines(lines, j, fn) and not re.search(r"=>|\blambda\b", lines[j]):
            break  # (the next function)
        body.append(lines[j])
    own = tuple(q.group("name") for t in body[1:] for q in OWN_QUERY.finditer(t))
    for text in body:
        for m in QUERY_CARRIED.finditer(text) if len(text) <= LONGEST_LINE else ():
            if m.group("k") in current.order:  # (a keyword its caller gives: no position)
                return replace(base, query=("params", -1, own))
            name = m.group("a") or m.group("b") or m.group("c") or m.group("g") or m.group("e")
            if name in current.order:  # (not a default: `params=None`)
                added = ("*",) if _changed(body[1:], name) else ()
                # (`def get(path, **params)`: the keyword arguments its caller gives)
                at = QUERY_KEYWORDS if _gathers(body[0], name) else current.order.index(name)
                return replace(base, query=(name, at, own + added))
    return base


def _gathers(header: str, name: str) -> bool:
    """Whether a Python function's header gathers its keyword arguments under a name (`**name`)."""
    return "**" in header and re.search(r"\*\*\s*" + re.escape(name) + r"\b", header) is not None


def _changed(body: list[str], name: str) -> bool:
    """Whether a wrapper adds to or replaces the parameter it sends as the query (`params =
    {"type": 1, **(params or {})}`, `params.setdefault(...)`, `$params['type'] = 1`, `{ ...params,
    type }`, `Object.assign(params, ...)`, `array_merge($params, ...)`): then it may send a name
    its caller leaves out ("*" among its own names)."""
    word = re.escape(name)
    changes = re.compile(
        rf"^\s*(?:(?:const|let|var)\s+)?\$?{word}\s*(?:\[[^\]]+\]\s*)?(?:\?\?|\|\||\+)?=(?![=>])"
        rf"|(?<![\w$]){word}\s*\??\.\s*(?:update|setdefault|append|set)\s*\("
        rf"|(?<![\w$]){word}\s*\.\s*\w+\s*=(?![=>])|\.\.\.\s*{word}\b|\*\*\s*\(?{word}\b"
        rf"|\b(?:Object\.assign|array_merge|array_replace)\(\s*[^)]*\$?{word}\b"
    )
    defaulted = re.compile(  # params = params or {}: nothing added
        rf"\s*(?:(?:const|let|var)\s+)?\$?{word}\s*=\s*\$?{word}\s*(?:\bor\b|\?\?|\|\||\?:)\s*"
        r"(?:\{\s*\}|\[\s*\]|dict\(\)|array\(\)|None|null)\s*;?\s*(?:(?:#|//).*)?"
    )
    return any(
        changes.search(text) and not defaulted.fullmatch(text) for text in body if name in text
    )


OWN_QUERY = rx.compile(r"[\"'`][^\"'`\n]*?[?&](?P<name>[A-Za-z_]\w*)=")


def _joined_here(lines: list[str], i: int, bases: Bases, current: Function) -> Base | None:
    """The base a line of the function joins one of its parameters to, with the method sent."""
    for ref, param, mid in joins(lines[i]):
        base = bases.find(ref, i) if param in current.params else None
        if base is None:
            continue
        if mid.strip("/"):  # "$AKOOL/api/open/v4$1": the wrapper's own prefix
            base = replace(base, prefix=base.prefix.rstrip("/") + "/" + mid.strip("/"))
        return replace(base, method=_own_method(lines, i, current))
    literal = _literal_joined(lines[i], bases, current) if "akool" in lines[i] else None
    if literal is None and "/api/open" in lines[i]:
        literal = _options_joined(lines, i, bases, current)
    return replace(literal, method=_own_method(lines, i, current)) if literal else None


# Node's http(s).request options, the host given apart (`hostname: "openapi.akool.com"`) and the
# path AKOOL's prefix written out, joined to a parameter: `path: "/api/open/v3" + path`,
# `` path: `/api/open/v3${path}` ``.
OPTIONS_PATH_JOIN = rx.compile(
    r"\bpath\s*:\s*(?:[\"'](?P<a>/api/open(?:/v\d+)?)/?[\"']\s*\+\s*|`(?P<b>/api/open(?:/v\d+)?)/?\$\{)"
    + PARAM
)
HOST_LINES = 4  # how far from the path the options' host may be written


def _options_joined(lines: list[str], i: int, bases: Bases, current: Function) -> Base | None:
    """The base of a line that joins one of the function's parameters to AKOOL's prefix in the
    `path` of options whose host, on a line near it, is an AKOOL host (see OPTIONS_PATH_JOIN)."""
    m = OPTIONS_PATH_JOIN.search(lines[i])
    if m is None or m.group("p") not in current.params:
        return None
    for j in range(max(0, i - HOST_LINES), min(len(lines), i + HOST_LINES + 1)):
        for host in host_parts(lines[j]):
            url = "https://" + host.group("host") + (m.group("a") or m.group("b"))
            base = literal_base(url, bases)
            if base is not None and base.host is not None:
                return replace(base, line=current.line)
    return None


# AKOOL's API base written in the wrapper's own URL and a parameter straight after it: a shell's
# "https://openapi.akool.com/api/open/v3$path", "${AKOOL_API:-https://.../v3}$1", an f-string's
# f"https://.../v3{path}", a template's `https://.../v3${path}`, "https://.../v3" + path.
LITERAL_JOIN = rx.compile(
    r"(?P<url>https?://(?:openapi\.akool\.com(?:/api/open(?:/v\d+)?)?"
    r"|(?:[A-Za-z0-9-]+\.)*akool\.[A-Za-z]{2,}/api/open(?:/v\d+)?))/?"  # (not a docs page's)
    r"(?:\}(?=\$))?(?:\$\{|\$|\{\$?|#\{|[\"'`]\s*(?:\+|\.)\s*\$?)" + PARAM.replace("w*)", "w*|\\d)")
)


def joins_literal_base(text: str) -> bool:
    """Whether a text joins something to AKOOL's base written out (see LITERAL_JOIN, and
    OPTIONS_PATH_JOIN beside an AKOOL host): a file with no base held in a name may still define
    wrappers."""
    if "akool" not in text:
        return False
    return LITERAL_JOIN.search(text) is not None or (
        "/api/open" in text and OPTIONS_PATH_JOIN.search(text) is not None
    )


def _literal_joined(line: str, bases: Bases, current: Function) -> Base | None:
    """The base of a line that joins one of the function's parameters to AKOOL's base written
    out in its own URL (see LITERAL_JOIN)."""
    for m in LITERAL_JOIN.finditer(line):
        if m.group("p") in current.params or m.group("p").isdigit():
            base = literal_base(m.group("url"), bases)
            if base is not None and base.host is not None:
                return replace(base, line=current.line)
    return None


def _own_method(lines: list[str], i: int, current: Function) -> str:
    """The method a wrapper's join at a line sends: PASSED (with the parameter's default, when
    it has one) for a method the caller gives, or where the body branches on that parameter."""
    method = wrapper_method(lines, i, current.params)
    if method != PASSED and branches_on_method(lines, current, i):
        method = PASSED
    return method + current.method_default if method == PASSED else method


def _passed_on(lines: list[str], i: int, bases: Bases, current: Function) -> Base | None:
    """The base of another wrapper the function gives its parameter to (`self._url(path)`,
    `self._request("POST", path, ...)`), with the method this call sends."""
    if not bases.helpers:
        return None
    for m in PASSED_ON.finditer(lines[i]):
        helper = bases.helpers.get(m.group("h"))
        if helper is None or m.group("h") == current.name or m.group("p") not in current.params:
            continue
        method = _own_method(lines, i, current)
        inherited = helper.method if not helper.method.startswith(PASSED) else ""
        if (
            inherited
            and not method.startswith(PASSED)
            and not _said(_statement(lines, i), current.params)
        ):
            method = inherited  # (`got = _post(p, b)`, then `got.get("code")`: _post's POST)
        return replace(helper, method=method or inherited)
    return None


def _given_to_client(lines: list[str], i: int, bases: Bases, current: Function) -> Base | None:
    """The base of a client the function gives its parameter to (`api.post(path, data)` with
    `api = axios.create({ baseURL })`, `self.client.post(path)` with httpx's `base_url`), sent
    with the client method's verb; an HTTP module itself (`axios.post(path)`) has no base."""
    if not bases.clients:
        return None
    for m in CLIENT_CALL.finditer(lines[i]):
        receiver = re.split(r"\.|->", m.group("recv"))[-1].lstrip("$")
        base = client_named(receiver, i, bases)
        module = receiver in HTTP_MODULES and receiver not in bases.made_clients()
        if m.group("p") not in current.params or module or base is None:
            continue
        verb = m.group("verb").upper()
        method = verb if verb in METHODS else wrapper_method(lines, i, current.params)
        return replace(base, method=method)
    return None


def joins(line: str) -> Iterator[tuple[str, str, str]]:
    """(base reference, parameter, what is between them) for each join on a line."""
    yield from _line_joins(line)


@lru_cache(maxsize=1 << 15)
def _line_joins(line: str) -> tuple[tuple[str, str, str], ...]:
    """joins' finds of a line, kept: find_helpers reads a file twice when its first reading found
    a wrapper, and each line's eleven patterns were tried again (cls5k.py: 1.2 -> 0.7 s)."""
    found = []
    for pattern in JOINS:
        for m in pattern.finditer(line):
            groups = m.groupdict()
            found.append((m.group("b"), m.group("p"), groups.get("mid") or ""))
    return tuple(found)


def wrapper_method(lines: list[str], line: int, params: set[str]) -> str:
    """The method the request made with the join sends: said in the statement that joins
    (`session.post(BASE + path`), or in a later one that sends the URL the join is bound to
    (`url = BASE + path`, then `requests.post(url, ...)`); PASSED for a parameter; "" unsaid."""
    said = _said(_statement(lines, line), params)
    if said:
        return said
    bound = BOUND.match(lines[line])
    if bound is None:
        return ""
    name = re.compile(rf"(?<![\w.]){re.escape(bound.group('n'))}\b")
    depth = indent(lines[line])
    for j in range(line + 1, min(line + BODY_LINES, len(lines))):
        if FUNCTION_DEF.search(lines[j]) or (lines[j].strip() and indent(lines[j]) < depth):
            break  # (the wrapper's body ends: a later `app.post(..., (req, res) =>` is a route's)
        if name.search(lines[j]):
            said = _said(_statement(lines, j), params)
            if said:
                return said
    return ""


def _statement(lines: list[str], line: int) -> str:
    """The statement starting on a line (brackets left open and a trailing `\\` continue it)."""
    text, depth = "", 0
    for j in range(line, min(line + STATEMENT_LINES, len(lines))):
        piece = lines[j]
        text += piece + "\n"
        depth += sum(piece.count(c) for c in "([{") - sum(piece.count(c) for c in ")]}")
        if depth <= 0 and not piece.rstrip().endswith("\\"):
            break
    return text


def _said(statement: str, params: set[str]) -> str:
    if CURL.search(statement):
        return _curl(statement, params)
    named = [m.group("name") or m.group("arg") for m in METHOD_NAMED.finditer(statement)]
    if any(n and n.lstrip("$") in params and METHOD_PARAMETER.match(n.lstrip("$")) for n in named):
        return PASSED
    if ".get" in statement:  # (`os.environ.get("HOOK", "")` in the call's arguments: no GET)
        statement = LOOKUP_GET.sub("", statement)
    verbs = {m.group("verb").upper() for m in VERB_CALL.finditer(statement)}
    for m in METHOD_ARGUMENT.finditer(statement):
        verbs.add(next(m.group(g) for g in METHOD_GROUPS if m.group(g)).upper())
    verbs.update(m.group("m").upper() for m in PHP_METHOD.finditer(statement))
    if not verbs and PHP_POST.search(statement):
        verbs.add("POST")
    verbs &= set(METHODS)
    return verbs.pop() if len(verbs) == 1 else ""


# A shell wrapper's curl given all its caller's words (`curl -sS -H "..." "$@" "$BASE$path"`): the
# caller's `-X POST`, `--request POST` or `-d ...` decide the method ("*GET": GET when it gives none).
FORWARDED = rx.compile(r"(?<![\w\\])\"?\$(?:@|\*|\{[@*](?::\d+)?\})\"?(?![\w])")


def _curl(statement: str, params: set[str]) -> str:
    said = curlargs.curl_method(statement)
    if said is None:
        return ""
    if not said.explicit:
        return PASSED + said.method if FORWARDED.search(statement) else said.method
    name = re.match(r"\$?\{?(\w*)", said.method)
    written = name.group(1) if name else ""
    if written.upper() in METHODS:
        return written.upper()
    return PASSED if written in params else ""
