"""house21: one reader per thing in akool_cli/audit (a function's definition, a bracket's match)
and `--diff` honesty: a shorthand key renamed keeps its value, prose comments are no calls, a
saved patch of odd line ends is recognised, a query is never renamed on a path that is not
documented."""

from __future__ import annotations

from pathlib import Path

import pytest

from akool_cli.audit import brackets, outputs
from akool_cli.audit.scan import audit
from akool_cli.audit.scopes import function_def
from akool_cli.audit.ties import enclosing_function, opened_function
from tests.support.audited import found, patched

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


# -- H7: a shorthand key renamed keeps its value --------------------------------------------------

PROMPT = "https://openapi.akool.com/api/open/v3/content/image/createbyprompt"
SHORTHANDS = {
    "ruby hash": (
        "img.rb",
        f'def img(prompt, size)\n  Net::HTTP.post(URI("{PROMPT}"), {{ prompt:, size: }}.to_json)\nend\n',
        "{ prompt:, scale: size }",
    ),
    "ruby hash, no space": (
        "img.rb",
        f'def img(prompt, size)\n  Net::HTTP.post(URI("{PROMPT}"), {{prompt:, size:}}.to_json)\nend\n',
        "{prompt:, scale: size}",
    ),
    "ruby keyword arguments": (
        "img.rb",
        f'def img(prompt, size)\n  Net::HTTP.post(URI("{PROMPT}"), JSON.generate(prompt:, size:))\nend\n',
        "JSON.generate(prompt:, scale: size)",
    ),
    "javascript": (
        "img.js",
        f'async function img(prompt, size) {{\n  await axios.post("{PROMPT}", {{ prompt, size }});\n}}\n',
        "{ prompt, scale: size }",
    ),
    "csharp projection": (
        "Img.cs",
        f'class C {{ Task M(HttpClient http, string prompt, string size) => http.PostAsJsonAsync("{PROMPT}", new {{ prompt, size }}); }}\n',
        "new { prompt, scale = size }",
    ),
    "python keyword": (
        "img.py",
        f'def img(prompt, size):\n    requests.post("{PROMPT}", json=dict(prompt=prompt, size=size))\n',
        "dict(prompt=prompt, scale=size)",
    ),
}


@pytest.mark.parametrize("shape", sorted(SHORTHANDS))
def test_h7_a_shorthand_key_renamed_keeps_its_value(shape: str) -> None:
    name, text, want = SHORTHANDS[shape]
    assert [r for _, r, _ in found(text, name)] == ["misnamed-field"]
    assert want in patched(text, name)


def test_h7_a_ruby_key_with_a_value_is_only_renamed() -> None:
    text = f'Net::HTTP.post(URI("{PROMPT}"), {{ prompt: p, size: s }}.to_json)\n'
    assert "{ prompt: p, scale: s }" in patched(text, "img.rb")


# -- M15: prose comments are no calls; a path with an ellipsis is an example --------------------

CLIENT = 'import httpx\nc = httpx.Client(base_url="https://openapi.akool.com/api/open/v3")\n'


@pytest.mark.parametrize(
    "comment",
    [
        '# httpx base_url + "/content/..." keeps the base path: fine',
        "# real URL: https://openapi.akool.com/api/open/content/video/infobymodelid (v3 dropped)",
        "# fetching https://openapi.akool.com/api/open/v3/content/video/status (gone)",
        "# returns https://openapi.akool.com/api/open/v3/content/video/status (old)",
    ],
)
def test_m15_a_prose_comment_is_no_call(comment: str) -> None:
    assert found(CLIENT + comment + "\n", "a.py") == []


@pytest.mark.parametrize(
    "comment",
    [
        '# e.g. c.get("/content/video/status")',
        '# c.get("/content/video/status")',
        "# curl https://openapi.akool.com/api/open/v3/content/video/status",
        '// fetch("https://openapi.akool.com/api/open/v3/content/video/status");',
    ],
)
def test_m15_a_commented_out_call_still_counts(comment: str) -> None:
    name = "a.js" if comment.startswith("//") else "a.py"
    assert [r for _, r, _ in found(CLIENT + comment + "\n", name)] == ["unknown-endpoint"]


@pytest.mark.parametrize("path", ["/content/...", "/content/…/infobymodelid", "/content/video/…"])
def test_m15_a_path_with_an_ellipsis_is_an_example(path: str) -> None:
    text = f'import requests\nrequests.get("https://openapi.akool.com/api/open/v3{path}")\n'
    assert found(text, "a.py") == []


# -- L1: a saved patch of a lone-CR file and a U+2028 file is a patch -------------------------------

CR_LS_PATCH = (
    "--- a/cr.py\n+++ b/cr.py\n@@ -1 +1 @@\n"
    '-import requests\rr = requests.post("https://api.akool.com/api/open/v3/x", json={"a": "720p"})\r\n'
    "\\ No newline at end of file\n"
    '+import requests\rr = requests.post("https://openapi.akool.com/api/open/v3/x", json={"a": "720"})\r\n'
    "\\ No newline at end of file\n"
    "--- a/ls.py\n+++ b/ls.py\n@@ -1,2 +1,2 @@\n import requests\n"
    '-r = requests.post("https://api.akool.com/api/open/v3/x", json={"a": "\u2028", "b": "\x85"})\n'
    '+r = requests.post("https://openapi.akool.com/api/open/v3/x", json={"a": "\u2028", "b": "\x85"})\n'
)


def test_l1_a_patch_whose_lines_hold_a_lone_cr_or_u2028_is_a_patch(tmp_path: Path) -> None:
    assert outputs.own_output(CR_LS_PATCH) == "a unified diff, a patch rather than a script"
    (tmp_path / "cr_ls.patch").write_bytes(CR_LS_PATCH.encode())
    result = audit([tmp_path])
    assert result.findings == []


# -- L2: nothing a call sends is patched while its path stays undocumented --------------------------


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "render.sh",
            'API="https://openapi.akool.com/api/open/v3"\n'
            "# old status endpoint we used in 2023:\n"
            '# curl -fsS "$API/content/video/getvideostatus?task_id=$id"\n',
        ),
        (
            "Akool.swift",
            "let u = URL(string: "
            '"https://openapi.akool.com/api/open/v3/content/video/getvideostatus?task_id=\\(id)")!\n',
        ),
    ],
)
def test_l2_a_query_is_not_renamed_on_a_path_that_stays(name: str, text: str) -> None:
    rules = {r for _, r, _ in found(text, name)}
    assert "undocumented-path" in rules
    assert patched(text, name) == text


def test_l2_nor_a_read_of_its_answer() -> None:
    text = (
        "import requests\n"
        'BASE_URL = "https://openapi.akool.com/api/open/v3"\n'
        "def token(client_id, secret):\n"
        '    r = requests.post(f"{BASE_URL}/auth", json={"client_id": client_id, "client_secret": secret})\n'
        '    return r.json()["access_token"]\n'
    )
    rules = [r for _, r, _ in found(text, "a.py")]
    assert "undocumented-path" in rules and "response-field" in rules
    assert patched(text, "a.py") == text


def test_h7_a_csharp_collection_initializer_holds_no_keys() -> None:
    text = (
        f'class C {{ Task M(HttpClient http, string a, string size) => http.PostAsJsonAsync("{PROMPT}", '
        "new List<string> { a, size }); }\n"
    )
    assert found(text, "Img.cs") == []
