"""Names bound to what a call given an AKOOL URL returns rather than to the URL itself: a response (`r = http.request("GET", URL, fields={...})`, `r = requests.get(URL, params=q)`) or the URL with a query added (C#'s `var url = QueryHelpers.AddQueryString(URL, q)`), so that the rules that follow a URL held in a name do not take the name's later uses (`json.loads(r.data)`, `GetStringAsync(url)`) for the URL sent alone."""

from __future__ import annotations

from akool_cli.audit import fields, methods, rx
from akool_cli.audit.fields import Text

# Calls that return their URL argument with a query added (ASP.NET's QueryHelpers, Flurl's
# SetQueryParams, Ktor's and OkHttp's builders, Python's furl/yarl, query-string's stringifyUrl).
QUERY_ADDERS = rx.compile(
    r"(?:AddQueryString|SetQueryParams?|SetQueryParam|addQueryParameter|addQueryParameters"
    r"|add_query_params|add_query_param|with_query|update_query|withQuery|stringifyUrl"
    r"|appendQueryParameter)\s*(?:<[^<>()]*>)?\s*$"
)


def holds_result(doc: Text, statement: int, at: int) -> bool:
    """Whether the statement starting at `statement` binds its name to what a call given the URL
    at `at` returns: a query adder's, or a request's (a method said, as `request("GET", URL)`)."""
    around = doc.paren_around(at)
    if around is None or around[0] < statement:
        return False  # (the URL is the statement's value)
    if QUERY_ADDERS.search(doc.text, max(0, around[0] - 40), around[0]) is not None:
        return True
    call = fields.enclosing_call(doc, at)  # (past the builders: `urljoin(BASE, "/x")` is none)
    return call is not None and call[0] >= statement and methods.sent_method(doc, at) is not None
