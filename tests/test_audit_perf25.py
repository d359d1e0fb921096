"""perf25: the audit's speed, counted (calls, steps and lines run, never seconds): a call's answer
walk passes the lines it cannot read from once per file, not once per call; each call's method and
each line's function definition are worked out once; routes are looked for only on lines that may
hold one; a handle's or a playbook task's lines and a member chain's or a string's data run cost in
proportion to their size; module patterns compile on first use (rx.py)."""

from __future__ import annotations

import importlib
import random
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from akool_cli.audit import (
    answers,
    dtos,
    handles,
    rules,
    rx,
    scopes,
    source,
    ties,
    workflows,
    wrappers,
)
from akool_cli.audit.scan import audit_text
from tests.support.benchfile import bench_file, counted


def test_an_answer_walk_passes_free_lines_once_per_file() -> None:
    # A call bound to a name is followed through up to ties.WINDOW lines after it; the lines that
    # cannot read from or change its scope were tested again by each call's walk (bench's file:
    # 2,000 walks of about 29 lines, 4 tests a line). Past the last line a nameless read may be
    # the call's, a walk now passes them by the file's free runs, each line tested about once.
    text = bench_file(200)
    lines = text.count("\n")
    with counted(ties.Lines, "plain") as plain:
        audit_text(text, "calls.py")
    assert plain[0] < 3 * lines, (plain[0], lines)  # (main: about 12 a line)


def test_free_runs_are_the_lines_a_plain_walk_passes() -> None:
    lines = ["x = 1", "y = 2", "def f(a):", "    z = a", "print(x)", "return y", "w = 3", "v = 4"]
    facts = ties.Lines(lines, False)

    def walk(i: int, limit: int) -> int:
        while i < limit and facts.plain(i) and not facts.starts_function(i):
            i += 1
        return i

    for start in range(len(lines)):
        for limit in range(start, len(lines) + 1):
            assert facts.free_until(start, limit) == walk(start, limit), (start, limit)


def test_a_calls_method_is_worked_out_once() -> None:
    # Several rules ask each call's method (a path's fix is guarded by it, guessed paths say it).
    text = bench_file(40)
    worked_out = "_call_method" if hasattr(rules, "_call_method") else "call_method"  # (main's)
    with counted(rules, worked_out) as worked:
        audit_text(text, "calls.py")
    # (two of each five calls are no documented call: each is asked by three rules)
    assert worked[0] <= 2 * 40, worked[0]


@pytest.mark.parametrize("seed", range(4))
def test_an_assignments_equals_is_found_as_the_walk_finds_it(seed: int) -> None:
    rng = random.Random(seed)
    pieces = ["a", " ", "=", "==", "=>", "!=", "<=", "(", ")", "[", "]", "{", "}", '"', "'"]
    pieces += ["`", "\\", "x.y", "r0 ", "json=", ":"]
    for _ in range(3000):
        line = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        # (the walk from the first `=` when nothing before it is heeded, and from the start)
        assert ties._depth_zero_equals(line) == ties._depth_zero_equals(line, 0), line


class _CountingPattern:
    """A pattern whose finditer calls are counted."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern, self.count = pattern, 0

    def finditer(self, text: str, *args: Any) -> Iterator[re.Match[str]]:
        self.count += 1
        return self.pattern.finditer(text, *args)


def test_a_line_without_a_routes_words_is_not_searched_for_routes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # source.ROUTE (a server's own route declarations) was tried on every line with a `(`.
    counting = _CountingPattern(source.ROUTE)
    monkeypatch.setattr(source, "ROUTE", counting)
    audit_text(bench_file(40), "calls.py")
    assert counting.count == 0  # (main: 240, every line of the file that holds a `(`)


def test_every_route_line_of_the_corpus_passes_the_routes_words() -> None:
    # ROUTE_WORDS and ROUTE_HANDLER are an exact test: no line ROUTE matches fails them.
    corpus = Path(__file__).resolve().parent / "audit_corpus"
    matched = 0
    for path in sorted(corpus.rglob("*")):
        if not path.is_file():
            continue
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            if "(" in line and source.ROUTE.search(line):
                matched += 1
                assert any(w in line for w in source.ROUTE_WORDS) or source.ROUTE_HANDLER.search(
                    line
                ), (path.name, line)
    assert matched >= 10
    examples = [
        '@app.post("/api/open/v3/x")',
        "@router.get('/v1/y')",
        '@PostMapping(value = "/z")',
        'app.get("/a", handler)',
        'r.GET("/b", h)',
        'mux.HandleFunc("/c", h)',
        'client.get("/d", async (req, res) => {})',
        "api.post(`/e`, function (ctx) {",
        "Route::post('/f', [C::class, 'x']);",
        'x.put("/g",  (\u00a0c) => 1)',
    ]
    for line in examples:
        assert source.ROUTE.search(line), line
        assert any(w in line for w in source.ROUTE_WORDS) or source.ROUTE_HANDLER.search(line)


# -- break21g #14 cpu-handles-playbooks: a handle re-bound in every function, many uri tasks -----

BASE_URL = "https://openapi.akool.com/api/open/v3"
BODY = "'talking_photo_url' => 'u', 'audio_url' => 'a', 'resolution' => '720p'"
GROWN = {
    "c.php": lambda n: (
        f"<?php\nconst BASE = '{BASE_URL}';\n"
        + "".join(
            f"function f{i}($k) {{\n  $ch = curl_init(BASE . '/content/video/createbytalkingphoto');\n"
            f"  curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode([{BODY}]));\n"
            "  return curl_exec($ch);\n}\n"
            for i in range(n)
        )
    ),
    "m.swift": lambda n: (
        f'let base = "{BASE_URL}"\n'
        + "".join(
            f"func f{i}() throws {{\n"
            '  var request = URLRequest(url: URL(string: "\\(base)/content/video/createbytalkingphoto")!)\n'
            '  request.httpMethod = "POST"\n}\n'
            for i in range(n)
        )
    ),
    "play.yml": lambda n: (
        f"- hosts: localhost\n  vars:\n    akool_base: {BASE_URL}\n  tasks:\n"
        + "".join(
            f'    - name: t{i}\n      uri:\n        url: "{{{{ akool_base }}}}/content/video/createbytalkingphoto"\n'
            "        method: POST\n        body_format: json\n        body:\n          resolution: 720p\n"
            for i in range(n)
        )
    ),
}


def _lines_run(text: str, name: str, code: Any) -> int:
    """The lines of `code` (a function's, with its generator expressions') run while auditing a
    text (sys.settrace's line events in their frames only: a walk with no call in it shows in
    these, not in a profile's calls)."""
    count = [0]

    def local(frame: Any, event: str, arg: Any) -> Any:
        count[0] += event == "line"
        return local

    codes = {code, *(c for c in code.co_consts if hasattr(c, "co_code"))}  # (its generators')

    def calls(frame: Any, event: str, arg: Any) -> Any:
        return local if frame.f_code in codes else None

    sys.settrace(calls)
    try:
        audit_text(text, name)
    finally:
        sys.settrace(None)
    return count[0]


@pytest.mark.parametrize(
    ("name", "owner"),
    [("c.php", "_segment"), ("m.swift", "_segment"), ("play.yml", "read_playbook")],
)
def test_a_handle_or_task_per_function_costs_in_proportion(name: str, owner: str) -> None:
    # handles._segment walked every binding of the handle's name in the file for each call
    # (calls x bindings); workflows.read_playbook asked each line of every task's span.
    code = getattr(handles if owner == "_segment" else workflows, owner).__code__
    small = _lines_run(GROWN[name](60), name, code)
    large = _lines_run(GROWN[name](240), name, code)
    assert small > 0 and large <= 5 * small, (small, large)  # (main: 12-30x for 4x)


# -- break21g #31 cs-member-chain-quadratic: `data.` x N in a C# class, or in a JS string -------


class _Matches:
    """A compiled pattern whose match calls are counted (finditer passed through)."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern, self.calls = pattern, 0

    def match(self, text: str, *args: Any) -> re.Match[str] | None:
        self.calls += 1
        return self.pattern.match(text, *args)

    def finditer(self, text: str, *args: Any) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text, *args)


def test_a_data_run_in_a_string_is_not_read_from_each_of_its_places(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A header name `"x-api-key" + "data." x N`: every `data` of the run has an accessor after it,
    # but none a name other than `data` (DATA_READ's `(?!data\b)`), so no read starts in it.
    text = (
        'const BASE = "https://openapi.akool.com/api/open/v4";\n'
        'export const clone = (file) => fetch(`${BASE}/voice/clone`, { method: "POST", headers: '
        '{ "x-api-key' + "data." * 3000 + '": "k" }, body: JSON.stringify({ source_voice_file: '
        "file }) });\n"
    )
    counted = _Matches(answers.DATA_READ)
    monkeypatch.setattr(answers, "DATA_READ", counted)
    audit_text(text, "s.mjs")
    assert counted.calls < 100, counted.calls  # (main: one a place of the run, 9,000)


PIECES = ["j", ".", "?.", "!.", "->", "data", "x", "f1", "[", "]", '"', "'", "(", ")", "{", "}"]
PIECES += ["<", ">", " ", "data0", ".get(", "getString(", ".data", '["data"]', "-", "data.data"]
PIECES += ["data.", "data.data.", "data?.", "data->", "data .x", "data.x"]


def test_data_reads_still_match_as_finditer_does() -> None:
    rng = random.Random(25)
    for _ in range(600):
        line = ""
        while len(line) <= ties.STATEMENT_CHARS:
            line += "".join(rng.choice(PIECES) for _ in range(rng.randint(20, 200)))
        got = [m.span() for m in answers.data_reads(line)]
        assert got == [m.span() for m in answers.DATA_READ.finditer(line)], line


# JAVA_FIELD as it was: its type tried from every place, inside a word or a dotted run too.
JAVA_FIELD_ANYWHERE = re.compile(
    dtos.JAVA_FIELD.pattern.replace("(?<![A-Za-z0-9_])(?<![A-Za-z0-9_]\\.)", "", 1)
)
CS_PIECES = ["public ", "private ", "static ", "string ", "int ", "List<int> ", "x", "y", "_z", "9"]
CS_PIECES += [" ", ";", "=", " = 1", "{ get; set; }", "data.", "j.", ".", "a.b ", "\n", "[]", "?"]
CS_PIECES += ["Über", "é", ".Foo ", "data.data", "0"]


def test_a_types_fields_are_the_same_as_when_tried_from_everywhere() -> None:
    assert dtos.JAVA_FIELD.pattern != JAVA_FIELD_ANYWHERE.pattern
    rng = random.Random(31)
    for _ in range(3000):
        body = "".join(rng.choice(CS_PIECES) for _ in range(rng.randint(1, 30)))
        new = [m.groupdict() | {"at": m.span()} for m in dtos.JAVA_FIELD.finditer(body)]
        old = [m.groupdict() | {"at": m.span()} for m in JAVA_FIELD_ANYWHERE.finditer(body)]
        if new != old:  # (only where a type starts after a digit: no language's code)
            assert any(
                re.search(r"[0-9]\.?$", body[: m.start("t")])
                for m in JAVA_FIELD_ANYWHERE.finditer(body)
            ), body


def test_each_lines_function_definition_is_read_once() -> None:
    # The scopes (scopes._Finder) and the wrappers (wrappers._read) both read every line's
    # function_def; now both ask the file's Scopes, which works each line's out once.
    text = bench_file(40)
    lines = text.count("\n")
    with counted(scopes, "function_def") as read, counted(wrappers, "function_def") as more:
        audit_text(text, "calls.py")
    assert read[0] + more[0] <= lines + 50, (read[0], more[0], lines)  # (main: twice a line)


# -- module patterns compiled on first use (rx.py; written by /work/notes/perf25_lazy.py) ----------

AUDIT = Path(rules.__file__).resolve().parent


def test_the_audits_module_patterns_compile_on_first_use() -> None:
    # Start-up compiled some 850 module patterns (0.11 s of every run, a one-line file's 0.35 s).
    script = (
        "import re, sys\n"
        "count = [0]\n"
        "original = re._compile\n"
        "def counting(pattern, flags):\n"
        "    count[0] += not isinstance(pattern, re.Pattern)\n"
        "    return original(pattern, flags)\n"
        "re._compile = counting\n"
        "import akool_cli.audit.scan\n"
        "print(count[0])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert int(done.stdout) < 150, done.stdout  # (main: 894)


COMPARED = re.compile(r"\.re\s+(?:is\s+not|is|==|!=)\s+(?:(?P<m>[a-z_]\w*)\.)?(?P<n>[A-Z_]\w*)\b")


def test_a_pattern_that_a_matchs_re_is_compared_with_is_compiled() -> None:
    # `m.re is KEY`: a match's pattern is the compiled one, never rx's stand-in for it.
    compared = 0
    for path in sorted(AUDIT.glob("*.py")):
        module = importlib.import_module(f"akool_cli.audit.{path.stem}")
        for m in COMPARED.finditer(path.read_text(encoding="utf-8")):
            owner = importlib.import_module(f"akool_cli.audit.{m['m']}") if m["m"] else module
            assert isinstance(getattr(owner, m["n"]), re.Pattern), (path.name, m.group(0))
            compared += 1
    assert compared >= 10


def test_a_deferred_pattern_does_what_its_compiled_pattern_does() -> None:
    text = "GET /a/b post /c?x=1\nPUT /d"
    for flags in (0, re.IGNORECASE, re.M | re.S):
        lazy = rx.compile(r"(?P<verb>get|put|post)\s+(?P<path>/\S+)", flags)
        assert lazy.pattern == r"(?P<verb>get|put|post)\s+(?P<path>/\S+)"
        eager = re.compile(lazy.pattern, flags)
        assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in eager.finditer(text)]
        assert lazy.findall(text) == eager.findall(text)
        assert lazy.sub("<\\g<verb>>", text) == eager.sub("<\\g<verb>>", text)
        assert lazy.split(text) == eager.split(text)
        assert (lazy.flags, lazy.groups, lazy.groupindex) == (
            eager.flags,
            eager.groups,
            eager.groupindex,
        )
        assert bool(lazy.match(text)) == bool(eager.match(text))
        assert lazy.search(text, 5) is not None and lazy.fullmatch("post /x") is not None


def test_a_per_call_pattern_is_compiled_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # `re.search(r"...", text)` in a function asks re's cache for the pattern at each call (about
    # a microsecond each): 37,000 times in bench's file. The hot ones are module constants now.
    hot = {"_path_fix", "_versionless", "_value_fix", "literals", "_assigned_container", "binding"}
    asked = [0]
    original = re._compile  # type: ignore[attr-defined]

    def counting(pattern: Any, flags: Any) -> Any:
        if isinstance(pattern, str) and sys._getframe(2).f_code.co_name in hot:
            asked[0] += 1
        return original(pattern, flags)

    monkeypatch.setattr(re, "_compile", counting)
    audit_text(bench_file(40), "calls.py")
    assert asked[0] == 0  # (main: 876)
