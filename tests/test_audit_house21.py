"""house21: one reader per thing in akool_cli/audit (a function's definition, a bracket's
match)."""

from __future__ import annotations

import pytest

from akool_cli.audit import brackets
from akool_cli.audit.scopes import function_def
from akool_cli.audit.ties import enclosing_function, opened_function

# -- Part A: one reader of a function's definition -------------------------------------------------

OPENED = {
    "def get(self, path):": "get",
    "async def get(path):": "get",
    "def create": "create",  # Ruby, no parentheses
    "def self.post(path, body)": "post",  # Ruby's class method: not `self`
    "export default function Page({ id }) {": "Page",
    "func (c *Client) Get(path string) (map[string]any, error) {": "Get",
    "private suspend fun get(path: String): JSONObject {": "get",
    "public static JSONObject get(String path) throws java.io.IOException {": "get",
    "private HttpRequest.Builder request(String path) {": "request",
    "public List<Map<String, Object>> results(String ids) {": "results",
    "  async firstReady(): Promise<string | undefined> {": "firstReady",
    "const api = async (path) => {": "api",
    "const api = async path => {": "api",
    "export const get = function named(u) {": "get",
    "pub fn detail(client: &Client) -> Result<Value> {": "detail",
    "status() {": "status",
}
NOT_OPENED = [
    "requests.get(url)",  # a call
    "foo(x)",  # a C-like call without a body
    "return function inner(x) {",  # a function in an expression
    "const f = (x) => x + 1;",  # a function written on its line (ONE_LINE's)
    "if (ok) {",
]


@pytest.mark.parametrize("line", sorted(OPENED))
def test_a_definition_is_read_by_one_reader(line: str) -> None:
    assert opened_function(line) == OPENED[line]
    m = function_def(line)
    assert m is not None and OPENED[line] in m.groups()


@pytest.mark.parametrize("line", NOT_OPENED)
def test_a_line_that_opens_no_function_names_none(line: str) -> None:
    assert opened_function(line) in (None, "if")


def test_the_enclosing_function_is_the_definition_above() -> None:
    lines = [
        "public class C {",
        "    private Map<String, Object> get(String path) throws Exception {",
        "        HttpRequest r = HttpRequest.newBuilder(URI.create(BASE + path)).build();",
        "        return new JSONObject(http.send(r, ofString()).body()).toMap();",
        "    }",
        "}",
    ]
    assert enclosing_function(lines, 3) == "get"
    assert enclosing_function(lines, 0) is None


# -- Part A: one bracket scanner, both directions ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "at", "step", "want"),
    [
        ('x = ["GET", "/a(b"]', 4, 1, 18),  # a bracket in a string is no bracket
        ('x = ["GET", "/a(b"]', 12, -1, 4),
        ("f(a, {b: [1, 2]}, c)", 1, 1, 19),
        ("f(a, {b: [1, 2]}, c)", 17, -1, 1),
        ("f(a, {b: [1, 2]}, c)", 7, -1, 5),
        ("f(a", 1, 1, -1),
        ('("a\\"(", 1)', 0, 1, 10),  # an escaped quote does not end the string
    ],
)
def test_one_scanner_matches_brackets_both_ways(text: str, at: int, step: int, want: int) -> None:
    limit = len(text) if step > 0 else -1
    assert brackets.matching(text, at, step, limit) == want
