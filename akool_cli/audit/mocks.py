"""HTTP mocks, which name AKOOL's URLs (and methods) without calling them: JavaScript's msw
handlers (`http.post(url, () => HttpResponse.json({...}))`, v1's `rest.post`), nock's
interceptors (`nock(host).get(path).query({...}).reply(...)`, also through a name bound to
`nock(host)`), fetch-mock's `fetchMock.post(url, answer)`, axios-mock-adapter's
`mock.onPost(url)`, Playwright's `page.route(url, (route) => route.fulfill({ json }))` and
Cypress' `cy.intercept`; Go's `httpmock.RegisterResponder("POST", url, responder)`; Python's
`responses.add(responses.POST, url, json=...)`, requests-mock's `m.post(url, json=...)`,
respx's `respx.post(url).mock(...)`, pytest-httpx's `httpx_mock.add_response(url=..., json=...)`
aioresponses' `m.post(url, payload=...)`, httpretty's `httpretty.register_uri(...)`. What they
are given is a mocked answer or a matcher, never a request's body or query (CALLEES is the table,
by library)."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from akool_cli.audit import brackets, rx

if TYPE_CHECKING:
    from akool_cli.audit.fields import Text

# A mock library the file imports or requires, by the name the table below knows it by.
MOCK_IMPORT = rx.compile(
    r"(?:from\s+|require\(\s*)[\"'](?P<m>msw(?:/[\w/]*)?|nock|@playwright/test|playwright"
    r"|playwright-core|cypress|fetch-mock|axios-mock-adapter)[\"']"
    r"|\"github\.com/(?P<go>jarcoal/httpmock)\""
    r"|^[ \t]*(?:import|from)[ \t]+(?P<py>responses|requests_mock|respx|aioresponses|httpretty)\b",
    re.MULTILINE,
)
VERBS = "get|post|put|patch|delete|head|options|all|any"
# Each library's mock calls, by what is written before the argument list (`fetchMock.post`); a
# library listed under "" is a name that says it is a mock whatever the file imports (a test
# framework's global or fixture: jest's `fetchMock`, pytest's `httpx_mock`, `requests_mock`).
CALLEES: dict[str, str] = {
    "msw": rf"(?<![\w$.])(?:http|rest)\s*\.\s*(?:{VERBS})",
    "@playwright": r"(?<![\w$])(?:[A-Za-z_$][\w$]*\s*\.\s*)?route",
    "playwright": r"(?<![\w$])(?:[A-Za-z_$][\w$]*\s*\.\s*)?route",
    "playwright-core": r"(?<![\w$])(?:[A-Za-z_$][\w$]*\s*\.\s*)?route",
    "cypress": r"(?<![\w$.])cy\s*\.\s*intercept",
    "axios-mock-adapter": r"\.\s*on(?:Get|Post|Put|Patch|Delete|Head|Options|Any)",
    "jarcoal/httpmock": r"\.\s*Register(?:Regexp)?Responder\w*",
    "responses": rf"(?<![\w.])responses\s*\.\s*(?:add|upsert|replace|add_callback|{VERBS})",
    "respx": rf"(?<![\w.])respx\s*\.\s*(?:route|{VERBS})",
    "httpretty": r"(?<![\w.])httpretty\s*\.\s*register_uri",
    "": r"(?<![\w$.])(?:fetchMock\s*\.\s*\w+|httpx_mock\s*\.\s*add_\w+"
    rf"|(?:requests_mock|respx_mock)\s*\.\s*(?:register_uri|route|{VERBS})"
    r"|stub_request)",  # (Ruby's WebMock: a global of its RSpec and Minitest helpers)
}
# A name bound to a mock object, whose verbs are mocks: `with requests_mock.Mocker() as m:`,
# `rsps = responses.RequestsMock()`, `with aioresponses() as m:`, `const mock = new
# MockAdapter(axios)`, `with respx.mock(base_url=...) as router:`.
MOCK_MAKERS = r"(?:requests_mock\.Mocker|requests_mock\.Adapter|responses\.RequestsMock|respx\.mock|aioresponses|MockAdapter)"
BOUND_MOCK = rx.compile(
    rf"(?P<a>[A-Za-z_$][\w$]*)\s*=\s*(?:new\s+)?{MOCK_MAKERS}\s*\("
    rf"|{MOCK_MAKERS}\s*\([^()\n]*\)\s+as\s+(?P<b>\w+)"
)
CHAIN_LINK = rx.compile(r"\s*\.\s*[A-Za-z_$][\w$]*\s*")
NOCK_ROOT = rx.compile(r"(?<![\w$.])nock\s*(?=\()")
NOCK_NAME = rx.compile(r"(?<![\w$.])(?P<n>[A-Za-z_$][\w$]*)\s*=\s*nock\s*\(")
# Where a name may start and how far its characters run (a use of a bound name is a prefix of it).
NAME_RUN = rx.compile(r"(?<![\w$.])[A-Za-z_$][\w$]*")
CHAIN_SCAN = 1500


def mocked(doc: Text, call: int) -> bool:
    """Whether the call whose argument list opens at `call` is a mock library's (see the
    module's docstring), in a file that imports one or by a name that says so."""
    if doc.mock_libraries is None:
        doc.mock_libraries = _libraries(doc.text)
    libraries = doc.mock_libraries
    if not libraries and not doc.holds(*NAMED_MOCKS):
        return False  # (no library: only CALLEES[""]'s names could say so, and none is written)
    if doc.mock_callee is None:
        doc.mock_callee = _callee(doc.text, libraries)
    before = doc.text[max(0, call - 60) : call]
    if doc.mock_callee.search(before):
        return True
    return "nock" in libraries and _nock_chain(doc, call)


# The names CALLEES[""] knows mocks by: a text writing none makes no such mock.
NAMED_MOCKS = ("fetchMock", "httpx_mock", "requests_mock", "respx_mock", "stub_request")


# Each of MOCK_IMPORT's forms names one of these: a text holding none imports no mock library,
# and is not searched for one (a pass over the whole text at each of its places).
MOCK_WORDS = ("msw", "nock", "playwright", "cypress", "fetch-mock", "axios-mock-adapter")
MOCK_WORDS_MORE = ("jarcoal/httpmock", "responses", "requests_mock", "respx", "httpretty")


def _libraries(text: str) -> frozenset[str]:
    if not any(word in text for word in MOCK_WORDS + MOCK_WORDS_MORE):
        return frozenset()
    found = set()
    for m in MOCK_IMPORT.finditer(text):
        name = m.group("m") or m.group("go") or m.group("py")
        found.add(name.split("/")[0] if m.group("m") else name)
    return frozenset(found)


def _callee(text: str, libraries: frozenset[str]) -> re.Pattern[str]:
    """One pattern of the mock calls the file may make, matched at the end of the text before
    an argument list."""
    callees = [CALLEES[name] for name in ("", *sorted(libraries)) if name in CALLEES]
    names = (
        {m.group("a") or m.group("b") for m in BOUND_MOCK.finditer(text)} if libraries else set()
    )
    if names:
        alternatives = "|".join(sorted(re.escape(n) for n in names))
        callees.append(rf"(?<![\w$.])(?:{alternatives})\s*\.\s*(?:register_uri|route|{VERBS})")
        callees.append(rf"(?<![\w$.])(?:{alternatives})\s*\.\s*on[A-Z]\w*")
    return re.compile("(?:" + "|".join(f"(?:{c})" for c in callees) + r")\s*$")


def _nock_chain(doc: Text, call: int) -> bool:
    """Whether `call` is a link of a chain that starts at `nock(...)` or at a name bound to it
    (`scope.post(path)` after `const scope = nock(host)`), within CHAIN_SCAN characters before."""
    text = doc.text
    window = max(0, call - CHAIN_SCAN)
    roots = _nock_roots_between(text, window, call)
    bound = _nock_names(text)
    if bound:
        roots += _uses_before(text, bound, window, call)
    return any(_links_to(text, root, call) for root in sorted(roots, reverse=True))


def _nock_roots_between(text: str, window: int, call: int) -> list[int]:
    """Where each `nock` before a `(` ends, for those in [window, call): what NOCK_ROOT's search
    of the text cut to that span finds (its `(` before `call`), from the text's roots found once
    (a search per call: 2,000 calls on a line, a third of their cost)."""
    starts, ends = _nock_roots(text)
    first = bisect.bisect_left(starts, window)
    return [end for end in ends[first : bisect.bisect_left(ends, call, first)]]


@lru_cache(maxsize=8)
def _nock_roots(text: str) -> tuple[list[int], list[int]]:
    """The starts and ends of a text's NOCK_ROOT matches (in order; they do not overlap)."""
    found = [(m.start(), m.end()) for m in NOCK_ROOT.finditer(text)]
    return [start for start, _ in found], [end for _, end in found]


@lru_cache(maxsize=8)
def _nock_names(text: str) -> dict[str, int]:
    """The names bound to `nock(host)` in a text, each with where its first binding ends: found
    once per text (each call of a file asks; a search per call made 4,000 calls on a line 56 s)."""
    found: dict[str, int] = {}
    for m in NOCK_NAME.finditer(text):
        found.setdefault(m.group("n"), m.end())
    return found


def _uses_before(text: str, bound: dict[str, int], window: int, call: int) -> list[int]:
    """Where each use of a name bound before `call` ends, in [window, call]: `(?<![\\w$.])name\\b`
    in the text cut at `call` (a name's uses start where a run of name characters does)."""
    found = []
    start = max(0, window - max(len(name) for name in bound))
    for m in NAME_RUN.finditer(text, start, call):
        run = m.group()
        if "$" not in run:  # (a word's only boundary is at its end)
            if bound.get(run, call + 1) <= call and m.end() >= window:
                found.append(m.end())
            continue
        for cut in range(1, len(run) + 1):
            after = run[cut] if cut < len(run) else text[m.end()] if m.end() < call else ""
            if _wordy(run[cut - 1]) == _wordy(after):
                continue  # (no word boundary there: `\b` would fail)
            if bound.get(run[:cut], call + 1) <= call and m.start() + cut >= window:
                found.append(m.start() + cut)
    return found


def _wordy(c: str) -> bool:
    """Whether a character is one `\\w` matches (the empty string, a text's end: not)."""
    return c.isalnum() or c == "_"


def _links_to(text: str, at: int, call: int) -> bool:
    """Whether from `at` (after the chain's root) only `(...)` groups and `.name` links lead to
    the argument list at `call`."""
    while at < call:
        if text[at] == "(":
            close = brackets.matching(text, at, 1, call)
            if close < 0:
                return False
            at = close + 1
        link = CHAIN_LINK.match(text, at, call + 1)
        if link is None or link.end() == at:
            return False
        at = link.end()
    return at == call


# -- the body a mock matches, which is the body the code under test sends -------------------------

# A matcher of the request's JSON body inside a mock's arguments: responses' `json_params_matcher(
# {...})`, WebMock's `body: {...}` / `body: hash_including(...)` in the `.with(...)` after it.
BODY_MATCHER = rx.compile(r"(?<![\w.])(?:matchers\s*\.\s*)?json_params_matcher\s*(?=\()")
WITH_BODY = rx.compile(r"(?<![\w$])body\s*:\s*(?:hash_including\s*(?=\()|(?=\{))")
WITH_LINK = rx.compile(r"\s*\.\s*with\s*(?=\()")
# nock's interceptor given the body it expects after its path: `.post(path, { ... })`.
NOCK_BODY = rx.compile(rf"\.\s*(?:{VERBS})\s*$")


def matched_bodies(doc: Text, call: tuple[int, int]) -> list[tuple[int, int]]:
    """The text of each request body the mock whose argument list is `call` matches (see
    BODY_MATCHER, NOCK_BODY): what the code under test must send for the test to pass."""
    text = doc.text
    found = []
    windows = [(BODY_MATCHER, call)]
    link = WITH_LINK.match(text, call[1])
    if link is not None:  # stub_request(:post, url).with(body: ...)
        close = brackets.matching(text, link.end(), 1, min(len(text), link.end() + 4000))
        windows.append((WITH_BODY, (link.end(), close + 1 if close > 0 else link.end())))
    for matcher, (start, end) in windows:
        for m in matcher.finditer(text, start, end):
            opened = m.end()
            close = brackets.matching(text, opened, 1, end)
            if close > 0:
                found.append((opened, close + 1))
    if not found and NOCK_BODY.search(text, max(0, call[0] - 20), call[0]) and _nocked(doc, call):
        comma = brackets.walk(text, call[0] + 1, call[1], ",")
        if comma < call[1] - 1 and text[comma + 1 : call[1]].lstrip().startswith("{"):
            found.append((comma + 1, call[1]))
    return found


def _nocked(doc: Text, call: tuple[int, int]) -> bool:
    """Whether a call is a link of a nock chain (fetch-mock's `fetchMock.post(url, {...})` gives
    its answer there, msw's `http.post(url, resolver)` a function)."""
    return (
        doc.mock_libraries is not None
        and "nock" in doc.mock_libraries
        and _nock_chain(doc, call[0])
    )
