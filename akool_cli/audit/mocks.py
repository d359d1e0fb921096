"""JavaScript HTTP mocks, which name AKOOL's URLs without calling them: msw's handlers
(`http.post(url, () => HttpResponse.json({...}))`, v1's `rest.post`), nock's interceptors
(`nock(host).get(path).query({...}).reply(...)`, also through a name bound to `nock(host)`),
Playwright's `page.route(url, (route) => route.fulfill({ json }))` and Cypress' `cy.intercept`.
What they are given is a mocked answer or a matcher, never a request's body or query."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from akool_cli.audit import brackets

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


def mocked(doc: Text, call: int) -> bool:
    """Whether the call whose argument list opens at `call` is a mock library's (see the
    module's docstring), in a file that imports one."""
    if doc.mock_libraries is None:
        found = {m.group("m").split("/")[0] for m in MOCK_IMPORT.finditer(doc.text)}
        doc.mock_libraries = frozenset(found)
    libraries = doc.mock_libraries
    if not libraries:
        return False
    before = doc.text[max(0, call - 60) : call]
    if "msw" in libraries and MSW_CALLEE.search(before):
        return True
    if libraries & {"@playwright", "playwright", "playwright-core"} and ROUTE_CALLEE.search(before):
        return True
    if "cypress" in libraries and CYPRESS_CALLEE.search(before):
        return True
    return "nock" in libraries and _nock_chain(doc, call)


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
            close = brackets.matching(text, at, 1, call)
            if close < 0:
                return False
            at = close + 1
        link = CHAIN_LINK.match(text, at, call + 1)
        if link is None or link.end() == at:
            return False
        at = link.end()
    return at == call
