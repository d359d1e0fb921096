"""The per-request config argument of a JavaScript HTTP client's call (axios' `axios.post(url,
body, { timeout })`, `axios.get(url, { timeout })`, `axios(url, config)`, an instance's
`api.post(path, body, config)`): its keys say how the request is sent, never what it sends."""

from __future__ import annotations

from akool_cli.audit import rx

# The callee of a call, its TypeScript type arguments (`axios.post<Resp>(`) allowed, matched on
# the text before the `(` read backwards (forwards, `[\w$.]+\s*$` would try every start).
CALLEE_BACKWARDS = rx.compile(r"\s*(?:>[^()=;]{0,200}?<\s*)?(?P<callee>[\w$]+(?:\s*\.\s*[\w$]+)*)")

# Where a verb's config goes among its arguments: after the body for the verbs that send one
# (`post(url, body, config)`), after the URL for the others (`get(url, config)`).
CONFIG_PLACE = {"post": 2, "put": 2, "patch": 2, "get": 1, "delete": 1, "head": 1, "options": 1}
# The clients called bare whose second argument is the config (`axios(url, config)`, got's and
# ky's options); a function of the script's own called so may take a body there.
BARE_CLIENTS = frozenset({"axios", "got", "ky"})
# jQuery's `$.get(url, data)`: its second argument is the query, not a config.
QUERY_RECEIVERS = frozenset({"$", "jQuery"})
# The keys of the config objects of axios, got, ky, Angular's HttpClient and fetch's init. A
# second argument (`get(path, {...})`) is taken for a config only when it holds none but these: a
# wrapper of the script's own may take the query there (`akool.get(path, { video_model_id })`).
CONFIG_KEYS = frozenset(
    {
        # axios
        "url",
        "method",
        "baseURL",
        "headers",
        "params",
        "data",
        "timeout",
        "withCredentials",
        "responseType",
        "responseEncoding",
        "auth",
        "proxy",
        "signal",
        "maxRedirects",
        "validateStatus",
        "cancelToken",
        "adapter",
        "transformRequest",
        "transformResponse",
        "paramsSerializer",
        "xsrfCookieName",
        "xsrfHeaderName",
        "onUploadProgress",
        "onDownloadProgress",
        "maxContentLength",
        "maxBodyLength",
        "decompress",
        "httpAgent",
        "httpsAgent",
        "socketPath",
        "insecureHTTPParser",
        "beforeRedirect",
        "maxRate",
        "transitional",
        "env",
        "fetchOptions",
        "lookup",
        "family",
        "formSerializer",
        "allowAbsoluteUrls",
        # got's and ky's
        "json",
        "body",
        "form",
        "searchParams",
        "prefixUrl",
        "retry",
        "hooks",
        "throwHttpErrors",
        "resolveBodyOnly",
        "followRedirect",
        "methodRewriting",
        "http2",
        "agent",
        "dnsCache",
        "cache",
        "context",
        "cookieJar",
        "https",
        "username",
        "password",
        "encoding",
        "parseJson",
        "stringifyJson",
        "allowGetBody",
        "isStream",
        "fetch",
        # Angular's HttpClient's and fetch's init's
        "observe",
        "reportProgress",
        "transferCache",
        "credentials",
        "mode",
        "redirect",
        "referrer",
        "referrerPolicy",
        "integrity",
        "keepalive",
        "priority",
        "duplex",
        "window",
        "dispatcher",
    }
)


def holds_config(place: int, keys: set[str] | None) -> bool:
    """Whether the argument at a config's place (see config_place) is a config: the third of a
    `post(url, body, config)` always; the second only when its keys, if known, are all
    CONFIG_KEYS (`get(url, { timeout })`, not `get(path, { video_model_id })`)."""
    if keys is None:
        return place == 2
    return place == 2 or keys <= CONFIG_KEYS


def config_place(text: str, paren: int) -> int | None:
    """Which argument of the call whose `(` is at `paren` is its client's config (see
    CONFIG_PLACE, BARE_CLIENTS), or None when none is."""
    m = CALLEE_BACKWARDS.match(text[max(0, paren - 260) : paren][::-1])
    if m is None:
        return None
    parts = [p.strip() for p in m.group("callee")[::-1].split(".")]
    if len(parts) == 1:
        return 1 if parts[0] in BARE_CLIENTS else None
    if parts[-2] in QUERY_RECEIVERS:
        return None
    return CONFIG_PLACE.get(parts[-1])
