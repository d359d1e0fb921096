"""JavaScript HTTP mocks, which name AKOOL's URLs without calling them: msw's handlers
(`http.post(url, () => HttpResponse.json({...}))`, v1's `rest.post`), nock's interceptors
(`nock(host).get(path).query({...}).reply(...)`, also through a name bound to `nock(host)`),
Playwright's `page.route(url, (route) => route.fulfill({ json }))`, Cypress' `cy.intercept` and
fetch-mock's `fetchMock.post(url, {...})`;
Python's responses (`responses.add(responses.POST, url, json={...})`), requests-mock (`m.post(url,
json=...)` on a `Mocker() as m` or the `requests_mock` fixture), respx, aioresponses, httpretty.
What they are given is a mocked answer or a matcher, never a request's body or query."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from akool_cli.audit.fields import Text

# A mock library the file imports or requires.
MOCK_IMPORT = re.compile(
    r"(?:from\s+|require\(\s*)[\"'](?P<m>msw(?:/[\w/]*)?|nock|@playwright/test|playwright"
    r"|playwright-core|cypress)[\"']"
)
MSW_CALLEE = re.compile(
    r"(?<![\w$.])(?:http|rest)\s*\.\s*(?:get|post|put|patch|delete|head|options|all)\s*$"
)
ROUTE_CALLEE = re.compile(r"(?<![\w$])(?:[A-Za-z_$][\w$]*\s*\.\s*)?route\s*$")
CYPRESS_CALLEE = re.compile(r"(?<![\w$.])cy\s*\.\s*intercept\s*$")
CHAIN_LINK = re.compile(r"\s*\.\s*[A-Za-z_$][\w$]*\s*")
NOCK_ROOT = re.compile(r"(?<![\w$.])nock\s*(?=\()")
NOCK_NAME = re.compile(r"(?<![\w$.])(?P<n>[A-Za-z_$][\w$]*)\s*=\s*nock\s*\(")
CHAIN_SCAN = 1500
FETCH_MOCK_CALLEE = re.compile(
    r"(?<![\w$.])fetchMock\s*\.\s*(?:mock|get|post|put|patch|delete|head|route|once|any|sticky)"
    r"\w*\s*$"
)
PY_MOCK_IMPORT = re.compile(
    r"^\s*(?:import|from)\s+(?P<m>responses|requests_mock|respx|aioresponses|httpretty)\b"
    r"|^\s*(?:async\s+)?def\s+\w+\([^)]*\b(?P<m2>requests_mock|respx_mock)\b",  # (fixtures)
    re.M,
)
PY_VERBS = r"(?:add|get|post|put|patch|delete|head|options|route|upsert|replace|register_uri)"
PY_MOCK_CALLEE = re.compile(
    rf"(?<![\w.])(?:responses|respx|respx_mock|requests_mock|httpretty)\s*\.\s*{PY_VERBS}\s*$"
)
# A name a mocker is bound to: `with requests_mock.Mocker() as m:`, `with aioresponses() as m:`.
PY_MOCKER_NAME = re.compile(
    r"(?:requests_mock\.Mocker|aioresponses|respx\.mock)\s*\([^()\n]*\)\s+as\s+(?P<n>\w+)"
)


def mocked(doc: Text, call: int) -> bool:
    """Whether the call whose argument list opens at `call` is a mock library's (see the
    module's docstring), in a file that imports one."""
    if doc.mock_libraries is None:
        found = {m.group("m").split("/")[0] for m in MOCK_IMPORT.finditer(doc.text)}
        if doc.python:
            found |= {"python:" + (m["m"] or m["m2"]) for m in PY_MOCK_IMPORT.finditer(doc.text)}
        doc.mock_libraries = frozenset(found)
    libraries = doc.mock_libraries
    before = doc.text[max(0, call - 60) : call]
    if FETCH_MOCK_CALLEE.search(before):
        return True  # (fetch-mock's global, set up by jest-fetch-mock or a test's setup file)
    if not libraries:
        return False
    if doc.python:
        return _python_mock(doc, before)
    if "msw" in libraries and MSW_CALLEE.search(before):
        return True
    if libraries & {"@playwright", "playwright", "playwright-core"} and ROUTE_CALLEE.search(before):
        return True
    if "cypress" in libraries and CYPRESS_CALLEE.search(before):
        return True
    return "nock" in libraries and _nock_chain(doc, call)


def _python_mock(doc: Text, before: str) -> bool:
    """Whether the call the text `before` leads to is a Python mock library's (the file imports
    one): a verb of the library's module or of a name a mocker is bound to."""
    if PY_MOCK_CALLEE.search(before):
        return True
    names = {m.group("n") for m in PY_MOCKER_NAME.finditer(doc.text)}
    callee = re.search(rf"(?<![\w.])(?P<n>\w+)\s*\.\s*{PY_VERBS}\s*$", before)
    return callee is not None and callee.group("n") in names


def _nock_chain(doc: Text, call: int) -> bool:
    """Whether `call` is a link of a chain that starts at `nock(...)` or at a name bound to it
    (`scope.post(path)` after `const scope = nock(host)`)."""
    text = doc.text
    window = max(0, call - CHAIN_SCAN)
    names = {m.group("n") for m in NOCK_NAME.finditer(text, 0, call)}
    roots = [m.end() for m in NOCK_ROOT.finditer(text, window, call)]
    for name in names:
        roots += [m.end() for m in re.finditer(rf"(?<![\w$.]){re.escape(name)}\b", text[:call])]
    return any(_links_to(text, root, call) for root in roots if root >= window)


def _links_to(text: str, at: int, call: int) -> bool:
    """Whether from `at` (after the chain's root) only `(...)` groups and `.name` links lead to
    the argument list at `call`."""
    while at < call:
        if text[at] == "(":
            close = _closing(text, at, call)
            if close < 0:
                return False
            at = close + 1
        link = CHAIN_LINK.match(text, at, call + 1)
        if link is None or link.end() == at:
            return False
        at = link.end()
    return at == call


def _closing(text: str, at: int, limit: int) -> int:
    depth, quote = 0, ""
    for k in range(at, limit):
        c = text[k]
        if quote:
            quote = "" if c == quote and text[k - 1] != "\\" else quote
        elif c in "\"'`":
            quote = c
        elif c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
            if depth == 0:
                return k
    return -1
