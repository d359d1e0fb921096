"""The HTTP method a call sends, where its code says so: the verb of the client method the path
is given to (`requests.post`, `axios.delete`, `PostAsync`, `http.Get`, `Net::HTTP::Post.new`),
a method argument or option (`http.NewRequest("POST", ...)`, `method: "POST"`,
`HttpMethod.Post`), an OkHttp or WebClient chain's verb, a Postman request's `method`, and
curl's (`-X`, a body flag, or its GET default), the method an operations table pairs a path with
(entries.py); None when the code does not say."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from akool_cli.audit import brackets, curlargs, entries, fields, handles, receivers, rx
from akool_cli.audit.fields import Text

METHODS = ("GET", "POST", "PUT", "DELETE", "PATCH")


@dataclass(frozen=True)
class Evidence:
    method: str  # upper case
    offset: int  # where the text that says it starts
    text: str  # that text as written (a literal method can be replaced by the documented one)
    literal: bool  # a method string or curl's -X token, which a fix may change in place


# The verb of the client method the path is passed to: requests.post(, $client->post(,
# Http::post(, client.PostAsync(, restTemplate.postForEntity(, http.Get(, Net::HTTP::Post.new(
VERB_CALLEE = rx.compile(
    r"[\w$)\]]\s*(?:\.|->|::)\s*(?P<verb>get|post|put|delete|patch)"
    r"(?:Async|_json|ForObject|ForEntity|ForLocation)?(?:<[^<>()]*>)?\s*$"
    r"|::(?P<ruby>Get|Post|Put|Delete|Patch)\.new\s*$"
    r"|(?<![\w$])(?:\$|jQuery)\.(?P<jq>get)JSON\s*$",  # jQuery's $.getJSON
    re.IGNORECASE,
)
# A method given as an argument or an option inside the call's parentheses.
METHOD_ARGUMENT = rx.compile(
    r"(?:^|[(,])\s*(?P<q>[\"'])(?P<lit>(?i:GET|POST|PUT|DELETE|PATCH))(?P=q)\s*,"
    # (Spring's RequestMethod.POST too, and the mock library responses' `responses.POST`)
    r"|\b(?:HttpMethod|Method|RequestMethod|responses)(?:\.|::)"
    r"(?P<const>Get|Post|Put|Delete|Patch|GET|POST|PUT|DELETE|PATCH)\b"
    r"|\bhttp\.Method(?P<go>Get|Post|Put|Delete|Patch)\b"
    # (`"method": "POST"` too: a Postman, Insomnia or HAR request's, a JSON options object's)
    r"|\bmethod[\"']?\s*[:=]\s*(?P<q2>[\"'])(?P<opt>[A-Za-z]+)(?P=q2)"
    r"|\bmethod\s*:\s*\.(?P<swift>get|post|put|delete|patch)\b"  # Alamofire's `method: .post`
    # Perl's HTTP::Request->new(POST => $url), HTTP::Request::Common's `request(POST $url, ...)`
    r"|\(\s*(?P<perl>GET|POST|PUT|DELETE|PATCH)(?:\s*=>|\s+(?=[\"'$]))"
    # (a Ruby symbol given first: `request(:post, "/x", body)`, the helper picking Net::HTTP::Post)
    r"|\(\s*:(?P<sym>get|post|put|delete|patch)\s*,",
)
METHOD_GROUPS = ("lit", "const", "go", "opt", "swift", "perl", "sym")
# A link of a builder chain: .post(body), .get(), .method("POST", body), .header(...)
CHAIN_LINK = rx.compile(r"\)?\s*\.\s*(?P<name>\w+)\s*\(")
METHOD_LITERAL = rx.compile(r"\s*(?P<q>[\"'])(?P<lit>[A-Za-z]+)(?P=q)")
# The verb before the URL in a chain: WebClient's .post().uri(, OkHttp's .post(body).url(
VERB_BEFORE_URI = rx.compile(
    r"\.\s*(?:(?P<verb>get|post|put|delete|patch)\s*\([^()]*\)"
    r"|method\s*\(\s*HttpMethod\.(?P<constant>GET|POST|PUT|DELETE|PATCH)\s*\))"  # (WebClient's)
    r"\s*\.\s*(?:uri|url)\s*$"
)
FETCH = rx.compile(r"(?<![\w.])fetch\s*$")
FETCH_UNSURE = rx.compile(r"\.\.\.|\bbody\b")
# A shell line that runs curl itself (not a string that names it): at the start of the line,
# after $( or a pipe, or as a CI step's run:.
CURL_START = rx.compile(r"(?:^\s*(?:[$>]\s+)?|\$\(\s*|[|&;`]\s*|\brun:\s*)curl\s")
HTTPIE_START = rx.compile(
    r"(?:^\s*(?:[$>]\s+)?|\$\(\s*|[|&;`]\s*|\brun:\s*)(?:https?|xhs?)\s+(?:-\S+\s+)*"
    r"(?P<m>GET|POST|PUT|DELETE|PATCH)\s"
)


# akool's own `akool api POST /api/open/...` (see curlargs.AKOOL_API)
AKOOL_API_START = rx.compile(
    r"(?:^\s*(?:[$>]\s+)?|\$\(\s*|[|&;`]\s*|\brun:\s*)akool\s+api\s+(?P<m>GET|POST|PUT|DELETE|PATCH)\s"
)


def sent_method(doc: Text, offset: int) -> Evidence | None:
    """The method of the request a path at `offset` is written in, when its code says (worked
    out once per path: the method and the missing-query rules both ask)."""
    said: dict[int, Evidence | None] = doc.sent_methods
    if offset not in said:
        said[offset] = _sent_method(doc, offset)
    return said[offset]


def _sent_method(doc: Text, offset: int) -> Evidence | None:
    line = doc.line_of(offset)
    if doc.is_command(line) or doc.is_command(doc.line_of(fields.shell_command(doc, line)[0])):
        return _curl(
            doc, line, offset
        )  # a curl command, or a line its trailing backslashes continue
    call = fields.enclosing_call(doc, offset)
    if call is not None:  # (a pair in a call's arguments: Kotlin's listOf("POST" to "/..."))
        return _call(doc, offset, call) or _entry(doc, offset)
    found = fields.request_object(doc, offset)  # a Postman request, a config entry
    said = _option(doc, found[0], found[1]) if found is not None else None
    return said if said is not None else _entry(doc, offset)


def _entry(doc: Text, offset: int) -> Evidence | None:
    """The method an operations table's entry pairs the path with (entries.py)."""
    said = entries.entry_method(doc, offset)
    return Evidence(said.method, said.offset, said.text, said.literal) if said else None


def _curl(doc: Text, line: int, offset: int) -> Evidence | None:
    """curl's method as curl reads its options (bundled short ones too: `-sG`, `-sXPOST`,
    `-sd DATA`), of the curl command the path at `offset` is given to."""
    start, end = fields.shell_command(doc, line)
    command, curl, word = _command(doc.text, start, end)
    if doc.language == "powershell" and PS_COMMAND.search(command):
        return _powershell(command, start)
    if not curl:
        return Evidence(word["m"], start + word.start("m"), word["m"], True) if word else None
    said = curlargs.curl_method(command, 0, offset - start)
    if said is None:
        return None
    if said.explicit:
        method = said.method.upper()
        written = said.method
        return Evidence(method, start + said.at, written, True) if method in METHODS else None
    shown = {"GET": "curl", "POST": "curl -d", "PUT": "curl -T"}[said.method]
    return Evidence(said.method, start, shown, False)


@lru_cache(maxsize=64)
def _command(text: str, start: int, end: int) -> tuple[str, bool, re.Match[str] | None]:
    """A shell command's text, whether its first line runs curl, and else the method word of the
    httpie or `akool api` command it runs (`http POST url`): cut and searched once per command,
    not once per path of it (a line of N curls joined by `;` is one command)."""
    command = text[start:end]
    first = command.split("\n", 1)[0]
    if CURL_START.search(first):
        return command, True, None
    return command, False, HTTPIE_START.search(first) or AKOOL_API_START.search(first)


# PowerShell's web cmdlets: `-Method Post` (a literal the fix may change), GET when none is given;
# no method said when it is a variable's (`-Method $m`) or splatted (`@params`).
PS_COMMAND = rx.compile(r"(?i)(?<![\w-])(?:Invoke-RestMethod|Invoke-WebRequest|irm|iwr)(?![\w-])")
PS_METHOD = rx.compile(r"(?i)(?<![\w-])-Method\s+(?P<q>[\"']?)(?P<m>[A-Za-z$@(][\w$.]*)(?P=q)")
PS_SPLAT = rx.compile(r"(?<![\w@])@[A-Za-z_]\w*")


def _powershell(command: str, start: int) -> Evidence | None:
    """The method of a PowerShell web cmdlet's command at `start` (see PS_COMMAND)."""
    said = PS_METHOD.search(command)
    if said is not None:
        method = said.group("m").upper()
        return (
            Evidence(method, start + said.start("m"), said.group("m"), True)
            if method in METHODS
            else None
        )
    if PS_SPLAT.search(command):
        return None
    cmdlet = PS_COMMAND.search(command)
    return Evidence("GET", start + cmdlet.start(), cmdlet.group(0), False) if cmdlet else None


# receivers.RECEIVER tried only where a name may start (not after a letter, `_` or `$`: a match
# there is never the first, the one from the name's start is), not from each of its letters.
RECEIVER_START = rx.compile(r"(?<![A-Za-z_$])" + receivers.RECEIVER.pattern)


def _receiver_name(opener: str) -> str | None:
    """receivers.receiver_name of a call's opener (the same name, found in fewer tries)."""
    found = RECEIVER_START.search(opener)
    return found.group("name") if found is not None else None


def _is_container(doc: Text, name: str) -> bool:
    """receivers.is_container, worked out once per name of the file."""
    said = doc.containers_named
    if name not in said:
        said[name] = receivers.is_container(doc, name)
    return said[name]


R_VERB = rx.compile(r"(?<![\w.$])(?:httr::)?(?P<v>GET|POST|PUT|DELETE|PATCH)\s*$")


def _call(doc: Text, offset: int, call: tuple[int, int]) -> Evidence | None:
    start, end = call
    opener = doc.text[max(0, start - 60) : start]
    verb = VERB_CALLEE.search(opener)
    if verb is not None:
        name = _receiver_name(opener[: verb.end()])
        if name is not None and _is_container(doc, name):
            return None  # `cache.get(URL)`, `seen.delete(URL)`, `q.put(URL)`: not a request
        if not _first_argument(doc.text, start, offset):
            return None  # `json.put("endpoint", URL)`: a client's verb takes the URL first
        group = next(g for g in ("verb", "ruby", "jq") if verb.group(g))
        word = verb.group(group)
        at = start - len(opener) + verb.start(group)
        return Evidence(word.upper(), at, word, False)
    httr = R_VERB.search(opener) if doc.language == "r" else None
    if httr is not None and _first_argument(doc.text, start, offset):  # R's httr: POST(url, ...)
        return Evidence(
            httr.group("v"), start - len(opener) + httr.start("v"), httr.group("v"), False
        )
    annotated = ANNOTATED_VERB.search(opener)
    if (
        annotated is not None
    ):  # a Feign client's method: @PostMapping("/x"), @RequestLine("POST /x")
        return _annotated(doc, start, annotated)
    rest = REST_METHOD.match(doc.text, start) if REST_REQUEST.search(opener) else None
    if rest is not None:  # RestSharp's `new RestRequest("x", Method.Post)`
        return Evidence(rest.group("m").upper(), rest.start("m"), rest.group("m"), False)
    before_uri = VERB_BEFORE_URI.search(opener)
    if before_uri is not None:
        group = "verb" if before_uri.group("verb") else "constant"
        at = start - len(opener) + before_uri.start(group)
        return Evidence(before_uri.group(group).upper(), at, before_uri.group(group), False)
    if fields.chained_url(opener):
        return _chain(doc, start, end)
    handle = handles.sent_method(doc, call)  # a PHP cURL handle's: its options say
    if handle is not None:
        return Evidence(*handle) if handle[0] in METHODS else None
    said = fields.stream_context_method(doc, start, end)  # (PHP: ['http' => ['method' => 'POST']])
    if said is not None and said.group("m").upper() in METHODS:
        return Evidence(said.group("m").upper(), said.start("m"), said.group("m"), True)
    found = _option(doc, start, end) or _set_later(doc, call) or _held_options(doc, offset, call)
    found = found or _held_method(doc, call)
    if found is None and JQUERY_AJAX.search(opener):  # $.ajax({ url, type: "POST" })
        said = AJAX_TYPE.search(doc.text, start, end)
        if said is not None and said.group("m").upper() in METHODS:
            return Evidence(said.group("m").upper(), said.start("m"), said.group("m"), True)
    if found is not None or not FETCH.search(opener):
        return found
    return _fetch_default(doc, offset, start, end)


# RestSharp's request: its method the constructor's second argument (`Method.Post`).
REST_REQUEST = rx.compile(r"\bnew\s+RestRequest\s*$")
REST_METHOD = rx.compile(r"\(\s*\"[^\"]*\"\s*,\s*Method\.(?P<m>Get|Post|Put|Delete|Patch)\b")
JQUERY_AJAX = rx.compile(r"(?<![\w$])(?:\$|jQuery)\.ajax\s*$")
AJAX_TYPE = rx.compile(r"\btype\s*:\s*[\"'](?P<m>[A-Za-z]+)[\"']")


def _set_later(doc: Text, call: tuple[int, int]) -> Evidence | None:
    """The method set on the handle the call makes, after it (`req.httpMethod = "POST"`)."""
    m = handles.method_set(doc, call)
    if m is None or m.group("m").upper() not in METHODS:
        return None
    return Evidence(m.group("m").upper(), m.start("m"), m.group("m"), True)


# The annotation that declares a Feign client's call: Spring's verb mapping or Feign's RequestLine.
# A Feign or Spring interface's `@PostMapping("/x")`, `@RequestLine("POST /x")`, and Retrofit's (and
# Ktorfit's) `@POST("content/...")`, upper case only (a JAX-RS server's `@POST` takes no path).
ANNOTATED_VERB = rx.compile(
    r"@(?:(?P<verb>Get|Post|Put|Delete|Patch)(?:Mapping|Exchange)?|RequestLine"
    r"|(?P<retro>GET|POST|PUT|DELETE|PATCH))\s*$"
    r"|@(?P<jaxrs>GET|POST|PUT|DELETE|PATCH)\s+@Path\s*$"  # (a JAX-RS client's `@POST @Path("/x")`)
    r"|(?<=\[)(?P<refit>Get|Post|Put|Delete|Patch)\s*$"
)
REQUEST_LINE = rx.compile(r"\(\s*\"(?P<m>GET|POST|PUT|DELETE|PATCH)\s")


def _annotated(doc: Text, start: int, m: re.Match[str]) -> Evidence | None:
    group = next((g for g in ("verb", "retro", "refit", "jaxrs") if m.group(g)), "")
    if group:
        at = start - len(m.string) + m.start(group)
        return Evidence(m.group(group).upper(), at, m.group(group), False)
    said = REQUEST_LINE.match(doc.text, start)
    return Evidence(said.group("m"), said.start("m"), said.group("m"), True) if said else None


URL_KEYWORD = rx.compile(r"\s*(?:url|uri)\s*[=:]", re.IGNORECASE)


def _first_argument(text: str, start: int, offset: int) -> bool:
    """Whether `offset` is in the first argument of the call whose `(` is at `start` (or in one
    given as `url=`/`url:`)."""
    after = k = start + 1
    while (k := brackets.walk(text, k, offset, ",")) < offset and text[k] == ",":
        after = k = k + 1
    return after == start + 1 or URL_KEYWORD.match(text, after) is not None


def _option(doc: Text, start: int, end: int) -> Evidence | None:
    """A method given inside [start, end): a quoted verb argument, HttpMethod.Post, method: "X"."""
    for m in METHOD_ARGUMENT.finditer(doc.text, start, end):
        group = next(g for g in METHOD_GROUPS if m.group(g))
        method = m.group(group).upper()
        if method in METHODS:
            literal = group in ("lit", "opt", "perl")
            return Evidence(method, m.start(group), m.group(group), literal)
    return None


def _chain(doc: Text, start: int, end: int) -> Evidence | None:
    """The verb link of a builder chain after its .url(...)/.uri(...): .post(body), .get(),
    .method("POST", body); the links' own arguments are skipped (.header("k", m.get("v")))."""
    around = doc.paren_around(start + 1)
    at = around[1] if around is not None and around[0] == start else end
    while at < end:
        link = CHAIN_LINK.match(doc.text, at)
        if link is None:
            return None
        name = link.group("name")
        if name.upper() in METHODS:
            return Evidence(name.upper(), link.start("name"), name, False)
        if name == "method":
            lit = METHOD_LITERAL.match(doc.text, link.end())
            if lit is None or lit.group("lit").upper() not in METHODS:
                return None
            return Evidence(lit.group("lit").upper(), lit.start("lit"), lit.group("lit"), True)
        around = doc.paren_around(link.end())
        if around is None or around[0] != link.end() - 1:
            return None
        at = around[1]
    return None


# A bare name given as an argument after the URL: `fetch(url, requestOptions)`, `$.ajax(url, settings)`.
HELD_ARGUMENT = rx.compile(r",\s*(?P<name>[A-Za-z_$][\w$]*)\s*(?=[,)])")


def _held_options(doc: Text, offset: int, call: tuple[int, int]) -> Evidence | None:
    """The method of an options object held in a name the call is given after the URL
    (`const requestOptions = { method: "POST", ... }; fetch(url, requestOptions)`, AKOOL's own
    JavaScript samples): the object's `method:` key; a literal a fix may change in place when
    the options serve this call alone."""
    start, end = call
    for m in HELD_ARGUMENT.finditer(doc.text, offset, end):
        if doc.paren_around(m.start()) != (start, end):
            continue  # a name nested in another call's arguments
        found = fields.assigned_container(doc, m.group("name"), start)
        if found is None:
            continue
        c = doc.containers[found]
        if "method" not in {k.name for k in c.keys}:
            continue
        said = _option(doc, c.start, c.end)
        if said is not None:
            once = (
                len(re.findall(rf"(?<![\w$.]){re.escape(m.group('name'))}(?![\w$])", doc.text)) == 2
            )
            return Evidence(said.method, said.offset, said.text, said.literal and once)
    return None


# A method held in a name given as an argument (`method := "POST"`, then Go's
# `http.NewRequest(method, url, payload)`, Postman's Go sample; `requests.request(method, url)`).
METHOD_NAME_ARGUMENT = rx.compile(r"[(,]\s*(?P<name>(?i:method|http_?method|verb))\s*(?=[,)])")
METHOD_VALUE = rx.compile(r"\s*(?P<q>[\"'`])(?P<lit>GET|POST|PUT|DELETE|PATCH)(?P=q)\s*;?\s*$")


def _held_method(doc: Text, call: tuple[int, int]) -> Evidence | None:
    """The method a name given to the call holds, bound to a literal before it in view."""
    start, end = call
    for m in METHOD_NAME_ARGUMENT.finditer(doc.text, start, end):
        if doc.paren_around(m.start("name")) != (start, end):
            continue
        spot = doc.last_assignment(m.group("name"), start)
        if spot is None:
            continue
        line_end = doc.text.find("\n", spot[1])
        said = METHOD_VALUE.match(doc.text[spot[1] : line_end if line_end >= 0 else None])
        if said is not None:
            at = spot[1] + said.start("lit")
            return Evidence(said.group("lit"), at, said.group("lit"), False)
    return None


def _fetch_default(doc: Text, offset: int, start: int, end: int) -> Evidence | None:
    """fetch(url) and fetch(url, { headers }) are GETs; fetch(url, options) may be anything."""
    text = doc.text
    i = brackets.walk(text, offset, end - 1, ",", quoted=False)
    if i < end - 1 and text[i] == ",":
        rest = text[i + 1 : end - 1].lstrip()
        # options without a method are a GET's, unless they hold a body (fetch refuses a GET
        # with a body: the code means another method and does not say which) or a spread
        if rest.startswith("{") and not FETCH_UNSURE.search(rest):
            return Evidence("GET", start, "fetch", False)
        return None  # an options object held in a name: its method is not said here
    return Evidence("GET", start, "fetch", False)


# The method word a shell wrapper's caller gives before the path: `akool POST /content/...`.
SHELL_VERB = rx.compile(r"(?:^|\s)[\"']?(?P<m>GET|POST|PUT|DELETE|PATCH)[\"']?\s+[\"']?$")


def through_wrapper(doc: Text, offset: int, wrapper_method: str) -> Evidence | None:
    """The method of a call made through the script's own wrapper function, when the call site
    says none itself: the one the wrapper sends, or ("*") the method word its caller passes, or
    ("*POST") the default of the wrapper's method parameter when the caller passes none."""
    if wrapper_method in METHODS:
        return Evidence(wrapper_method, offset, wrapper_method, False)
    if not wrapper_method.startswith("*"):
        return None
    start = doc.offset(doc.line_of(offset), 0)
    said = SHELL_VERB.search(doc.text, start, offset)
    if said is not None:
        return Evidence(said.group("m"), said.start("m"), said.group("m"), True)
    if doc.is_command(doc.line_of(offset)):
        return _forwarded(doc, offset, wrapper_method[1:])
    default = wrapper_method[1:]
    if default not in METHODS or _gives_method(_arguments_after(doc.text, offset)):
        return None
    return Evidence(default, offset, default, False)


def _forwarded(doc: Text, offset: int, default: str) -> Evidence | None:
    """The method a shell call of a wrapper that forwards its words to curl sends: the caller's
    own curl options after the path (`akool /voice/clone -X POST -d '{...}'`), read as curl reads
    them, else the wrapper's (`default`)."""
    line = doc.line_of(offset)
    words = doc.line_text(line)[doc.column(offset) :]
    said = curlargs.curl_method("curl " + words[words.find(" ") + 1 :] if " " in words else "curl")
    if said is not None and (said.explicit or said.method != "GET"):
        if said.method.upper() not in METHODS:
            return None  # (`-X "$method"`: not said here)
        return Evidence(said.method.upper(), offset, said.method, False)
    return Evidence(default, offset, default, False) if default in METHODS else None


# A method the caller gives a wrapper: a method word as an argument, a method keyword, or a
# name holding a method (`req(path, body, method)`).
GIVEN_METHOD = rx.compile(
    r"[\"'](?i:GET|POST|PUT|DELETE|PATCH)[\"']|(?<![\w.])(?i:(?:http_?)?method|verb)\b"
)
ARGUMENTS_SCAN = 2000


def _arguments_after(text: str, offset: int) -> str:
    """The rest of the call's argument list after the path at `offset` (to its closing
    parenthesis)."""
    return text[
        offset : brackets.walk(text, offset, min(len(text), offset + ARGUMENTS_SCAN), quoted=False)
    ]


def _gives_method(arguments: str) -> bool:
    return GIVEN_METHOD.search(arguments) is not None
