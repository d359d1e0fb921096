"""Credentials sent where AKOOL does not read them, for the rule wrong-auth-header: the API key
under a header name AKOOL does not read (`api-key`, `x-akool-key`, `X-Api-Token`, ...; header
names are case-insensitive, so `X-API-KEY` is AKOOL's own), and an Authorization header whose
value certainly lacks the Bearer scheme (`f"Token {KEY}"`, `"Basic ..."`, a bare key:
`-H "Authorization: $AKOOL_API_KEY"`). Headers are found with the patterns that find
Authorization for both-auth-headers (authheaders.header_set and hash_set); a value that may hold
"Bearer ..." itself (`token`, `authHeader`, a call) is not judged."""

from __future__ import annotations

import re

from akool_cli.audit import brackets, rx
from akool_cli.audit.authheaders import hash_set, header_set

# Header names scripts give the API key that AKOOL does not read (authentication/usage.mdx
# documents `x-api-key: {API Key}` and `Authorization: Bearer {token}` only), matched whole and
# in any case. (An underscore's name is another header: proxies drop it, AKOOL reads none.)
WRONG_NAMES = (
    "api-key",
    "api_key",
    "apikey",
    "x-apikey",
    "x_api_key",
    "x-api_key",
    "api-token",
    "x-api-token",
    "x-akool-key",
    "x-akool-api-key",
    "akool-api-key",
    "akool-key",
    "x-akool-token",
    "x-api-secret",
    "x-auth-token",
    "x-access-token",
)
_NAMES = "|".join(re.escape(n) for n in sorted(WRONG_NAMES, key=len, reverse=True))
WRONG_HEADER = rx.compile(header_set(_NAMES) + "|" + hash_set(_NAMES), re.IGNORECASE)
# What precedes a header's name where it is certainly being set: curl's -H, a call that sets one
# (`addHeader(`, `.header(`, `defaultHeader(`, `setRequestProperty(`, `req.Header.Set(`,
# `DefaultRequestHeaders.Add(`, `headers.append(`), a headers' or a request's subscript assigned
# (`session.headers["api-key"] = k`, Ruby's `req["api-key"] = k`).
SETTER_BEFORE = rx.compile(
    r"(?:(?:^|\s)(?:-H|--header)\s*=?\s*[\"']?"
    r"|(?i:header)\w*\s*\(\s*[\"']"
    r"|(?:setRequestProperty|TryAddWithoutValidation)\s*\(\s*[\"']"
    r"|(?i:headers?)\s*\.\s*(?:Set|Add|set|add|append|put)\s*\(\s*[\"']"
    r"|(?i:\w*head\w*|hdrs?|req\w*)\s*\[\s*[\"']"
    r")$"
)
# A Ruby client's positional headers hash, the header's key in it: Faraday's third argument
# (`Faraday.get(url, params, { "api-key" => k })`, `Faraday.post(url, body, {...})`),
# RestClient's last (`RestClient.get(url, {...})`, `RestClient.post(url, payload, {...})`),
# Net::HTTP's request's second (`Net::HTTP::Get.new(uri, "api-key" => k)`).
_ARG = r"(?:[^{}(),\n]|\{[^{}\n]*\}|\([^()\n]*\))*"
RUBY_HEADERS_ARG = rx.compile(
    r"(?:\bFaraday\.(?:get|head|delete|post|put|patch)\(" + _ARG + ","
    r"|\bRestClient\.(?:post|put|patch)\(" + _ARG + ","
    r"|\bRestClient\.(?:get|head|delete)\(|\bNet::HTTP::\w+\.new\()" + _ARG + r",\s*\{?[^{}\n]*$"
)
# A name for headers: `headers`, `HEADERS`, `default_headers`, `myHeaders`, Go's `http.Header`,
# PHP's `CURLOPT_HTTPHEADER` (not `overhead`, `HeaderValue`).
_HEADS = (
    r"(?:\b(?:[A-Za-z]\w*?)?Head(?:er)?s?\b"
    r"|(?<![A-Za-z])(?:\w*_)?(?:head(?:er)?s?|HEAD(?:ER)?S?|hdrs?|HDRS?)\b"
    r"|CURLOPT_HTTPHEADER)"
)
# The label of an object or array that holds headers: `headers={`, `"headers": {`, `'headers' =>
# [`, `HEADERS = {`, `session.headers.update({`, `new Headers({`, `-Headers @{`, `http.Header{`,
# `curl_setopt($ch, CURLOPT_HTTPHEADER, [`.
HEADERS_LABEL = rx.compile(
    _HEADS + r"[\"']?\s*\]?\s*(?:=>|\|\|=|[=:,(]|\.\s*(?:update|merge!?|putAll|extend)\s*\()?"
    r"\s*(?:@|new\s+[\w.<>]*\s*\(?)?$"
)
# An object or array bound to a name (`const H = {`, `h := map[string]string{`), whose use as a
# request's headers (`headers: H`, `headers=H`) says it holds them.
BOUND_LABEL = rx.compile(
    r"(?<![\w.$])\$?(?P<name>[A-Za-z_]\w*)\s*(?::\s*[\w<>\[\], .]+)?\s*:?=\s*(?:[\w.\[\]]*\s*)?$"
)


# A Postman collection's or a HAR's header, a pair in the request's list of them: `"header": [
# {"key": "api-key", "value": "{{apiKey}}"} ]` (HAR's `"headers": [{"name": ..., "value": ...}]`).
PAIR_KEY = rx.compile(r"[\"'](?:key|name)[\"']\s*:\s*[\"']$")
PAIR_LIST = rx.compile(r"[\"']headers?[\"']\s*:\s*$")
PAIR_VALUE = rx.compile(r"[\"']value[\"']\s*:\s*")
PAIR_LINES = 4  # (how far below its key a pair's value may be written)


def symbol_dashed(line: str, start: int, name: str) -> bool:
    """Whether a header's name with underscores is a Ruby symbol (`x_api_key: k`, `:x_api_key =>
    k`), which RestClient sends with dashes (`X-Api-Key`): AKOOL's own header."""
    if "_" not in name or start < 0:
        return False
    after = line[start + len(name) : start + len(name) + 1]
    return after == ":" or line[start - 1 : start] == ":"


def header_context(text: str, before: str, label: str | None, outer: str | None = None) -> bool:
    """Whether a header name found by WRONG_HEADER is a header being set: what precedes it on its
    line (`before`) is a setter's, or the object or array around it (`label`: what precedes it)
    holds headers, by its own label or by the name it is bound to being given as headers; a
    pair's key (PAIR_KEY) is one when the list around its object (`outer`) is the headers'."""
    if SETTER_BEFORE.search(before) or RUBY_HEADERS_ARG.search(before):
        return True
    if PAIR_KEY.search(before):
        return outer is not None and PAIR_LIST.search(outer) is not None
    if label is None:
        return False
    if HEADERS_LABEL.search(label):
        return True
    bound = BOUND_LABEL.search(label)
    if bound is None:
        return False
    given = _HEADS + r"[\"']?\s*(?:=>|[=:(,])\s*\$?" + re.escape(bound["name"]) + r"\b"
    return re.search(given, text) is not None


def key_header_fix(name: str) -> bool:
    """Whether a wrong header's name says it carries the key (its fix: name it x-api-key), not a
    token (which AKOOL reads as `Authorization: Bearer`)."""
    return "token" not in name.lower()


# -- Authorization's value ----------------------------------------------------------------------

# A scheme written before the credential: `"Token " + k`, f"Basic {b64}", `Key ${k}`.
SCHEME = rx.compile(r"^[fFrR$@]{0,2}[\"'`](?P<scheme>[A-Za-z][\w-]*) +\S")
# A value that is one name: a string holding only its interpolation (`f"{KEY}"`, `"$KEY"`,
# `` `${this.key}` ``, `"#{key}"`, `"{$key}"`, Postman's `{{apiKey}}`), a placeholder
# (`"YOUR_API_KEY"`, `"<api-key>"`), an environment read (`os.environ["K"]`, `os.getenv("K")`,
# `System.getenv("K")`, `ENV.fetch("K")`, `process.env.K!`), a name or a member (`apiKey`,
# `this.key`, `$key`, `@key`, `self.api_key`).
SOLE_NAME = (
    rx.compile(
        r"^[fF$@]?(?P<q>[\"'`])(?:\$\{|\{\$|\{\{|\{|#\{|\$)\s*(?P<n>[\w.$>-]+?)\s*(?:\}\}|\})?"
        r"(?P=q)$"
    ),
    rx.compile(r"^(?P<q>[\"'])<?(?P<n>[\w-]+)>?(?P=q)$"),
    rx.compile(
        r"^(?:[\w$]+\s*(?:\.|->|::)\s*)*(?:getenv|Getenv|GetEnvironmentVariable|get|fetch|env"
        r"|getProperty)\s*\(\s*[\"'](?P<n>[\w.-]+)[\"']\s*(?:,[^()]*)?\)$"
    ),
    rx.compile(r"^(?:[\w$]+\s*(?:\.|->)\s*)*\$?[\w$]+\s*\[\s*[\"'](?P<n>[\w.-]+)[\"']\s*\]$"),
    rx.compile(r"^(?:(?:\$?[\w]+)\s*(?:\.|->|::)\s*)*[$@]?(?P<n>[A-Za-z_]\w*)!?$"),
)
# Words of a name that say it may hold a whole Authorization value, "Bearer ..." included.
MAY_HOLD_SCHEME = frozenset(
    {"bearer", "token", "auth", "authorization", "header", "headers", "jwt", "access", "value"}
)
KEY_WORDS = frozenset({"key", "apikey", "secret"})
WORD = rx.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
VALUE_ENDS = ",;)}]"


def value_after(line: str, at: int, quote: str | None) -> str:
    """The value of a header whose name ends at `at`: inside a string opened by `quote` (`-H
    "Authorization: $K"`, PHP's `'Authorization: ' . $k`), the rest of that string, or the
    expression joined to it when the string ends there; else the expression after (up to a
    `,`, `;` or closing bracket of its own level)."""
    if quote:
        close = line.find(quote, at)
        if close < 0:
            return ""
        inside = line[at:close].strip()
        if inside:
            return quote + inside + quote
        joined = re.match(r"\s*(?:\+|\.(?!\w)|\.\.)\s*", line[close + 1 :])
        return _expression(line, close + 1 + joined.end()) if joined else ""
    return _expression(line, at)


def pair_value(lines: list[str], i: int, at: int) -> str:
    """The value of the header pair whose key ends at column `at` of line i (PAIR_KEY): the
    `"value": ...` after it, on its line or the few below, before its object closes."""
    for j in range(i, min(len(lines), i + PAIR_LINES)):
        text = lines[j][at:] if j == i else lines[j]
        found = PAIR_VALUE.search(text)
        if found is not None:
            return _expression(text, found.end())
        if "}" in text:
            return ""
    return ""


def _expression(line: str, at: int) -> str:
    """The expression from `at` to the first of VALUE_ENDS outside brackets and strings."""
    return line[at : brackets.walk(line, at, len(line), VALUE_ENDS)].strip()


def without_bearer(value: str, text: str) -> tuple[str, bool] | None:
    """How an Authorization value certainly lacks the Bearer scheme: (its own scheme, False) for
    a literal one (`Token`, `Basic`), (the key's name, True) for a key sent bare; None when it may
    hold "Bearer ..." (Bearer written, a name that does not say key, a call, a name the file
    binds to a Bearer string)."""
    if not value or "bearer" in value.lower():
        return None
    scheme = SCHEME.match(value)
    if scheme is not None:
        return scheme["scheme"], False
    for pattern in SOLE_NAME:
        named = pattern.match(value)
        if named is not None:
            name = named["n"].split(".")[-1].split(">")[-1]
            return (name, True) if _says_key(name) and not _bound_bearer(name, text) else None
    return None


def _says_key(name: str) -> bool:
    words = [w.lower() for w in WORD.findall(name)]
    return bool(words) and words[-1] in KEY_WORDS and not MAY_HOLD_SCHEME.intersection(words)


def _bound_bearer(name: str, text: str) -> bool:
    """Whether the file binds the name to a text with Bearer in it (`key = "Bearer " + raw`)."""
    bound = r"(?<![\w$])\$?" + re.escape(name) + r"\b[^\n=:]{0,40}(?:=|:)[^\n]*bearer"
    return re.search(bound, text, re.IGNORECASE) is not None
