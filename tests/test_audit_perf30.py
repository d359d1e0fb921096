"""perf30: the audit's cost, counted (modules loaded, calls made, steps taken, never seconds): a
script's audit loads none of the readers of shapes it does not show (a parent class of another
file, a platform's axios), each still reads the files that show them; a minified line is read
once per line, not once per call; a line is searched for a client's base only when it holds
one of the words that needs; a message many findings share is abridged once."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from unittest import mock

from akool_cli.audit import credentials, rules, shellreads, sites, ties
from akool_cli.audit.scan import audit_text
from tests.test_audit_perf27b import ONE_CALL, _loaded_by_audit

GATED = ["callresults", "inherited", "languages", "platformclients"]


def test_a_scripts_audit_loads_none_of_the_class_and_platform_readers(tmp_path: Path) -> None:
    # (main: all four for every `akool audit x.py`, though this one shows none of their shapes)
    loaded = _loaded_by_audit(tmp_path, "one.py", ONE_CALL)
    assert "akool_cli.audit.scan" in loaded
    assert not {f"akool_cli.audit.{r}" for r in GATED} & loaded


def test_the_gated_readers_still_read_the_files_that_show_their_shapes() -> None:
    base = "https://openapi.akool.com/api/open/v3"
    given_up = (
        "import requests\n"
        "class Base:\n"
        "    def __init__(self, key, base_url):\n"
        "        self.base_url = base_url\n"
        "    def _post(self, path, body):\n"
        "        return requests.post(self.base_url + path, json=body)\n"
        "class Akool(Base):\n"
        "    def __init__(self, key):\n"
        f'        super().__init__(key, "{base}")\n'
        "    def talk(self):\n"
        '        return self._post("/content/video/lipsyncc", {})\n'
    )
    assert [f.rule for f in audit_text(given_up, "client.py")] == ["unknown-endpoint"]
    struct = (
        'package a\n\nimport "net/http"\n\ntype Client struct {\n\tbaseURL string\n}\n\n'
        f'func New() *Client {{\n\treturn &Client{{\n\t\tbaseURL: "{base}",\n\t}}\n}}\n\n'
        "func (c *Client) Bad() (*http.Response, error) {\n"
        '\treturn http.Post(c.baseURL+"/content/video/lipsyncc", "application/json", nil)\n}\n'
    )
    assert [f.rule for f in audit_text(struct, "a.go")] == ["unknown-endpoint"]


# -- minified-fetch-then-reads-one-line-superlinear ----------------------------------------------

THEN_ONLY = (
    'function f{i}(a){{return fetch("https://openapi.akool.com/api/open/v3/content/video/'
    'infobymodelid?video_model_id="+a).then(r=>r.json()).then(j=>j.data.video)}}'
)


def _minified(functions: int, tail: str = "") -> str:
    """A bundle's one line of `functions` one-line functions, each a fetch and its reads."""
    return ";".join(THEN_ONLY.format(i=i) for i in range(functions)) + tail


def _asked(pattern: Any, method: str, text: str, name: str) -> tuple[int, list[str]]:
    """How many times the audit of text asks `pattern.method`, and the rules it reports."""
    with mock.patch.object(pattern, method, wraps=getattr(pattern, method)) as asked:
        found = [f.rule for f in audit_text(text, name)]
    return asked.call_count, found


def test_each_call_of_a_minified_line_reads_the_line_as_a_one_line_function_once() -> None:
    # (main: ONE_LINE read the whole line once per call, and the returned body's end once more)
    for pattern in (ties.ONE_LINE, ties.FIELD_END):
        small, found = _asked(
            pattern, "match" if pattern is ties.ONE_LINE else "search", _minified(50), "bundle.js"
        )
        large, found_large = _asked(
            pattern, "match" if pattern is ties.ONE_LINE else "search", _minified(200), "bundle.js"
        )
        assert large <= small + 2, (pattern, small, large)
        assert found == found_large == []


def test_a_minified_lines_python_pipe_is_looked_for_once() -> None:
    tail = ";const note=\"python3 -c 'import json,sys; print(json.load(sys.stdin))'\""
    small, _ = _asked(shellreads.PYTHON_C, "search", _minified(50, tail), "bundle.js")
    large, _ = _asked(shellreads.PYTHON_C, "search", _minified(200, tail), "bundle.js")
    assert large <= small + 2, (small, large)


# -- bench's margin: the words a pattern needs, tested before the pattern ----------------------


def test_a_line_naming_no_clients_base_is_not_searched_for_one() -> None:
    # (main: CLIENT_BASE, an alternation of words, was searched on every line of every file)
    script = "import requests\n" + "requests.get(f'{BASE}/content/video/result/{job}')\n" * 40
    asked, found = _asked(sites.CLIENT_BASE, "search", script, "calls.py")
    assert asked == 0
    assert found == []


def test_each_way_of_giving_a_client_its_base_holds_one_of_the_words_tested_first() -> None:
    givers = [
        "base_url",
        "baseURL",
        "baseUrl",
        "base_uri",
        "BaseAddress",
        "baseAddress",
        "prefixUrl",
        "prefixURL",
        "SetBaseURL",
        "SetHostURL",
        'Faraday.new(url: "x")',
        'Excon.new("x")',
        'RestClient::Resource.new("x")',
        "@FeignClient",
    ]
    for giver in givers:
        line = f" {giver} "
        assert sites.CLIENT_BASE.search(line) is not None, giver
        assert any(word in line for word in sites.CLIENT_BASE_WORDS), giver
    base = "https://openapi.akool.com/api/open/v3"
    client = (
        f'import httpx\nc = httpx.Client(base_url="{base}")\nc.post("/content/video/lipsyncc")\n'
    )
    assert [f.rule for f in audit_text(client, "c.py")] == ["unknown-endpoint"]


def test_a_message_many_findings_share_is_abridged_once() -> None:
    # (main: each finding's message and found text were searched for credentials, 7,000 times
    # for bench's file's 7,000 findings of 7 texts)
    script = "import requests\n" + 'requests.post("https://api.akool.com/photo/talking")\n' * 50
    found = audit_text(script, "calls.py")
    with mock.patch.object(credentials, "_may_hold", wraps=credentials._may_hold) as asked:
        shown = [f.render() for f in found] + [str(f.to_json()) for f in found]
    assert len(found) >= 50
    assert asked.call_count <= 2 * len({(f.message, f.found) for f in found}) < len(found)
    assert len(set(shown)) == 2 * len(found)


CORPUS = Path(__file__).resolve().parent / "audit_corpus"


def _corpus_texts() -> list[tuple[Path, str]]:
    """Every text file of the audit's corpus (the shapes the audit must keep finding)."""
    found = []
    for path in sorted(CORPUS.rglob("*")):
        if path.is_file() and path.name != "expected.json":
            try:
                found.append((path, path.read_text(encoding="utf-8")))
            except UnicodeDecodeError:
                continue
    return found


def test_every_client_base_of_the_corpus_is_on_a_line_holding_one_of_its_words() -> None:
    for path, text in _corpus_texts():
        for line in text.split("\n"):
            if sites.CLIENT_BASE.search(line) is not None:
                assert any(word in line for word in sites.CLIENT_BASE_WORDS), (path, line)


# -- one-line-json-data-file-superlinear ---------------------------------------------------------


def _records(count: int) -> str:
    """A one-line JSON dump of `count` records, each an AKOOL URL and a body (the repro's)."""
    url = "https://openapi.akool.com/api/open/v3/content/image/createbyprompt"
    items = [
        {"id": i, "url": url, "payload": {"prompt": f"p{i}", "scale": "1:1"}} for i in range(count)
    ]
    return json.dumps(items)


def test_a_one_line_json_files_postman_path_array_is_looked_for_once() -> None:
    # (main: each record's URL searched the whole line for a `"path": [` array: quadratic)
    small, found = _asked(rules.POSTMAN_PATH, "search", _records(50), "dump.json")
    large, found_large = _asked(rules.POSTMAN_PATH, "search", _records(200), "dump.json")
    assert large <= small + 2, (small, large)
    assert len(found_large) == 4 * len(found)
