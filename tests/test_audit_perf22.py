"""perf22: the audit's per-call work does not grow with the file (per-file caches, windows that
stay windows), measured as ratios within one run: 10x the input, at most ~12x the cost."""

from __future__ import annotations

import ast
import time
from collections.abc import Callable
from pathlib import Path

from akool_cli.audit import answers, fields, handles, mocks, rules
from akool_cli.audit.scan import audit_text

AUDIT = Path(__file__).resolve().parent.parent / "akool_cli" / "audit"
GROWTH_LIMIT = 12.0  # cost for 10x the input, at most (linear: 10x; a rescan per call: ~100x)
BASE = "https://openapi.akool.com/api/open/v3"


def _seconds(work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return max(best, 1e-4)


def _growth(make: Callable[[int], str], work: Callable[[str], object], n: int) -> float:
    """The cost of 10x the input over the cost of the input: the smallest of up to three
    measurements, so that a busy machine's pause in one timing of a few milliseconds (14.7x once
    in CI) is not read as a rescan, which gives ~100x every time."""
    small, large = make(n), make(10 * n)
    work(small)  # (warm: the first run compiles patterns)
    ratio = float("inf")
    for _ in range(3):
        ratio = min(ratio, _seconds(lambda: work(large)) / _seconds(lambda: work(small)))
        if ratio <= GROWTH_LIMIT:
            break
    return ratio


def _doc(text: str) -> fields.Text:
    return fields.read(text.split("\n"), python=False, language="js")


def _get_lines(n: int) -> str:
    return f'const BASE = "{BASE}";\n' + "fetch(`${BASE}/faceswap/quota/info`);\n" * n


def _per_call(ask: Callable[[fields.Text, int], object], at: str = "(") -> Callable[[str], None]:
    """A work that asks `ask` at each `(` of a text's file (at `at`'s: `at` ends with it), the
    file read once per text (untimed after the first round)."""
    docs: dict[str, fields.Text] = {}

    def work(text: str) -> None:
        doc = docs.get(text) or docs.setdefault(text, _doc(text))
        k = text.find(at)
        while k >= 0:
            ask(doc, k + len(at) - 1)
            k = text.find(at, k + 1)

    return work


def test_whether_a_file_sets_a_handles_method_is_looked_for_once() -> None:
    """break21d #1: `handles.method_set` asked the whole file whether it names `httpMethod` once
    per call (a file of 32,000 documented GETs, one per line: 37 s)."""
    work = _per_call(lambda doc, at: handles.method_set(doc, (at, at + 1)))
    assert _growth(_get_lines, work, 1_000) <= GROWTH_LIMIT


def _nock_line(n: int) -> str:
    calls = "nock(h).post('/api/open/v3/content/video/createbytalkingphoto').reply(200, {});"
    return 'const nock = require("nock");\n' + calls * n + "\n"


def _nock_scope(n: int) -> str:
    calls = "scope.post('/api/open/v3/content/video/createbytalkingphoto').reply(200, {});\n"
    return f'const nock = require("nock");\nconst scope = nock("{BASE}");\n' + calls * n


def test_the_names_bound_to_nock_are_found_once_per_file() -> None:
    """finalread21 #2: `mocks._nock_chain` searched the file before each call for names bound to
    `nock(host)`, and then each name's uses (4,000 nock calls on one line: 56 s)."""
    for make in (_nock_line, _nock_scope):
        growth = _growth(make, _per_call(mocks._nock_chain, ".post("), 150)
        assert growth <= GROWTH_LIMIT, make.__name__


def test_a_nock_chain_is_still_found_through_a_bound_name() -> None:
    """The cached names give what the search did: a name bound before the call, used in the
    chain's window; not a name bound after it, nor a longer name it starts."""
    text = 'const s = nock(h);\ns.post("/x").reply(200);\nconst t$ = 1; t$.post("/y");\n'
    doc = _doc(text)
    first, second = text.index('("/x")'), text.index('("/y")')
    assert mocks._nock_chain(doc, first)
    assert not mocks._nock_chain(doc, second)
    later = _doc('sx.post("/x"); s.get("/y");\nconst s = nock(h);\n')
    assert not mocks._nock_chain(later, later.text.index('("/y")'))
    assert not mocks._nock_chain(later, later.text.index('("/x")'))
    dollar = _doc('const $s = nock(h);\n$s.post("/x");\n')
    assert mocks._nock_chain(dollar, dollar.text.index('("/x")'))


def test_nock_calls_on_one_line_are_audited_in_linear_time() -> None:
    assert _growth(_nock_line, lambda t: audit_text(t, "t.test.js"), 100) <= GROWTH_LIMIT


def test_the_bracket_tables_are_brackets_own() -> None:
    """finalread21 #8: arguments.py repeated brackets.py's QUOTES/OPENERS/CLOSERS (and handles.py
    a CLOSERS of its own): one table, brackets.py's."""
    for module in AUDIT.glob("*.py"):
        if module.name == "brackets.py":
            continue
        for node in ast.parse(module.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Assign):
                names = {getattr(t, "id", "") for t in node.targets}
                assert not names & {"QUOTES", "OPEN", "CLOSE", "OPENERS", "CLOSERS"}, module.name


def _get_line(n: int) -> str:
    return f'const BASE="{BASE}";' + "fetch(`${BASE}/faceswap/quota/info`);" * n + "\n"


def test_a_long_lines_quotes_are_found_once_per_line() -> None:
    """break21d #1: on a minified line, rules._string_around counted a call's quotes from the
    line's start for every call (64,000 documented GETs on one 2.4 MB line: over 300 s)."""
    lines = {n: _get_line(n) for n in (2_000, 20_000)}

    def work(text: str) -> None:
        at = text.find("/faceswap")
        while at >= 0:
            rules._string_around(text, at)
            at = text.find("/faceswap", at + 1)

    assert _growth(_get_line, work, 2_000) <= GROWTH_LIMIT
    line = lines[2_000]
    for at in (0, 5, line.find("`"), line.find("/faceswap"), len(line) - 2, len(line) + 5):
        assert rules._string_around(line, at) == _string_around_short(line, at), at


def _string_around_short(line: str, column: int) -> tuple[int, int]:
    """rules._string_around as it reads a short line (its counts from the line's start)."""
    start, quote = max((line.rfind(q, 0, column + 1), q) for q in "\"'`")
    if start < 0 or line.count(quote, 0, start) % 2:
        return 0, 0
    end = line.find(quote, max(column, start + 1))
    return (start, end) if end > 0 else (0, 0)


def _spaces_after_a_cast(n: int) -> str:
    return (
        f'const r = await fetch("{BASE}/content/video/infobymodelid?video_model_id=1");\n'
        "const d = await r.json();\nconsole.log((d as " + " " * n + "x.data.video_url));\n"
    )


def test_a_run_of_spaces_after_a_cast_is_read_in_linear_time() -> None:
    """finalread21: after answers.CAST, 20,000 spaces after `(d as` still took 1.7 s: fields'
    ASSIGNED gave the blanks after a name back to the `[ \\t]*` after them, every way."""
    growth = _growth(_spaces_after_a_cast, lambda t: audit_text(t, "d.ts"), 2_000)
    assert growth <= GROWTH_LIMIT


def _spaces_in_a_type(n: int) -> str:
    return (
        f'const r = await fetch("{BASE}/content/video/infobymodelid?video_model_id=1");\n'
        "let x:" + " " * n + "y\nlet z: a" + " " * n + "b\n"
    )


def test_a_run_of_spaces_in_a_type_annotation_is_read_in_linear_time() -> None:
    """perf22: fields.ASSIGNED's type annotation (`k: str = v`) split a run of blanks between the
    blanks after `:`, the type's own characters and the blanks before `=` (`x:` and 2,000
    spaces: 10 s); the same bindings are found."""
    growth = _growth(_spaces_in_a_type, lambda t: audit_text(t, "d.ts"), 1_000)
    assert growth <= GROWTH_LIMIT
    text = "x: int = 1\ny:  = 2\nz: \t = 3\nw:\t= 4\nv: [a: b] ??= 5\nu: T == 6\nt :  ?= 7\n"
    found = [(m.group("n2"), m.end()) for m in fields.ASSIGNED.finditer(text)]
    assert [name for name, _ in found] == ["x", "y", "z", "v", "t"]


def _chain(n: int) -> str:
    return (
        "curl -s $U | python3 -c 'import json,sys; d = json.load(sys.stdin); " + "a." * n + " data'"
    )


def test_a_long_chain_of_names_is_read_for_data_in_linear_time() -> None:
    """finalread21 #13: answers.DATA_READ was tried from each `.` of a long chain, each try read
    to the chain's end (`python3 -c` and `a.` x N: quadratic); a run of name characters that holds
    no `data` is passed over whole, and the matches are finditer's."""
    growth = _growth(_chain, lambda t: list(answers._line_reads(0, t)), 2_000)
    assert growth <= GROWTH_LIMIT
    line = "x = " + "a.b." * 600 + ' r.json()["data"]["video_url"] + b.data.x + d->{data}{y}'
    found = [(m.span(), m.groupdict()) for m in answers.data_reads(line)]
    assert found == [(m.span(), m.groupdict()) for m in answers.DATA_READ.finditer(line)]
    assert len(found) == 3


def test_a_file_that_names_no_mock_nor_ruby_request_is_not_searched_for_them_per_call() -> None:
    """perf22: cheap gates per file: a file with no mock library and none of the names that say
    a mock (`fetchMock`, `httpx_mock`, ...) builds no mock pattern and searches none before its
    calls; a file without `::` and `.new` is not searched for `Net::HTTP::Post.new(` per call."""
    plain = _doc(f'requests.post("{BASE}/content/video/createbytalkingphoto", json=body)\n')
    assert not mocks.mocked(plain, plain.text.index("("))
    assert plain.mock_callee is None
    jest = _doc(f'fetchMock.post("{BASE}/content/video/createbytalkingphoto", {{}})\n')
    assert mocks.mocked(jest, jest.text.index("("))
    ruby = _doc('req = Net::HTTP::Post.new(uri, { "x-api-key" => key })\n')
    assert handles.headers_only(ruby, ruby.text.index("("))
    assert all(ruby.holds(word) for word in handles.HEADERS_ONLY_WORDS)
    assert not all(plain.holds(word) for word in handles.HEADERS_ONLY_WORDS)
