"""perf24: the audit's per-line and per-call work is done once and grows with its input; measured
by counts (patterns tried, characters read), not clocks."""

from __future__ import annotations

import importlib
import random
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from akool_cli.audit import (
    answers,
    arguments,
    fields,
    rules,
    scopes,
    source,
    ties,
    twins,
    wrappers,
)
from akool_cli.audit.scan import audit_text

BASE = "https://openapi.akool.com/api/open/v3"
PATH = "/content/video/createbytalkingphoto"
COMPILER: Any = importlib.import_module("re._compiler")  # (what re calls when its cache misses)


class _Counted:
    """A compiled pattern whose finditer calls are counted."""

    def __init__(self, pattern: re.Pattern[str], seen: list[str]) -> None:
        self.pattern, self.seen = pattern, seen

    def finditer(self, text: str, *args: Any) -> Iterator[re.Match[str]]:
        self.seen.append(text)
        return self.pattern.finditer(text, *args)


def test_a_wrappers_lines_are_tried_for_joins_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """find_helpers reads a file twice when its first reading found a wrapper (a wrapper may call
    one defined below it): each line's join patterns are tried once, not once per reading (a
    5,000-method client class: 1.2 -> 0.7 s)."""
    seen: list[str] = []
    monkeypatch.setattr(wrappers, "JOINS", [_Counted(p, seen) for p in wrappers.JOINS])
    methods = "".join(
        f"    def job{i}(self, p{i}, a):\n"
        f'        return self._post("{PATH}", {{"talking_photo_url": p{i}, "audio_url": a}})\n\n'
        for i in range(40)
    )
    text = (
        f'import requests\n\nclass Akool{id(seen)}:\n    BASE = "{BASE}"\n\n'
        "    def _post(self, path, body):\n"
        f"        r = requests.post(self.BASE + path, json=body)  # {id(seen)}\n"
        "        return r.json()\n\n" + methods
    )
    audit_text(text, "client.py")
    tried = [line for line in seen if "requests.post(self.BASE" in line]
    assert tried, "the wrapper's line was never tried"
    assert len(tried) == len(wrappers.JOINS)  # (each pattern once on it, not once per reading)


class _Matches:
    """A compiled pattern whose match calls are counted."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern, self.calls = pattern, 0

    def match(self, text: str, *args: Any) -> re.Match[str] | None:
        self.calls += 1
        return self.pattern.match(text, *args)


CHAINS = {
    "dots": "console.log(j.data{links});",
    "optional": "console.log(j?.data{optional});",
    "data-named links": "console.log(j.x{named});",
}


def _chain(kind: str, n: int) -> str:
    links = {
        "links": "".join(f".f{i}" for i in range(n)),
        "optional": "".join(f"?.f{i}" for i in range(n)),
        "named": "".join(f".data{i}" for i in range(n)),
    }
    return CHAINS[kind].format(**links)


@pytest.mark.parametrize("kind", sorted(CHAINS))
def test_a_long_member_chain_is_matched_from_few_places(
    kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """break21f #2: `j.data.f0.f1...f8000` took 20 s CPU: each place after the read's `data` was
    tried and each try read the chain to its end. A match is tried only where a `data` that an
    accessor follows lies ahead in the chain (or a bracket after it), whatever the chain's length."""
    counted = _Matches(answers.DATA_READ)
    monkeypatch.setattr(answers, "DATA_READ", counted)
    tries = []
    for n in (1000, 3000):
        counted.calls = 0
        list(answers.data_reads(_chain(kind, n)))
        tries.append(counted.calls)
    assert tries[1] <= tries[0] <= 3


def test_a_member_chain_file_audits_in_linear_time() -> None:
    """break21f #2's file: a fetch, its answer, a 3,000-link chain read from its data (8,000: 20 s)."""
    text = (
        f'const r = await fetch("{BASE}/content/video/infobymodelid?video_model_id=1");\n'
        "const j = await r.json();\n" + _chain("dots", 3000) + "\n"
    )
    counted = _Matches(answers.DATA_READ)
    answers_data_read = answers.DATA_READ
    try:
        answers.DATA_READ = counted  # type: ignore[assignment]
        audit_text(text, "m.js")
    finally:
        answers.DATA_READ = answers_data_read
    assert counted.calls < 100


PIECES = ["j", ".", "?.", "!.", "->", "data", "x", "f1", "[", "]", '"', "'", "(", ")", "{", "}"]
PIECES += ["<", ">", " ", "data0", ".get(", "getString(", ".data", '["data"]', "-", "metadata"]


def test_data_reads_matches_as_finditer_does() -> None:
    """data_reads passes over places only where DATA_READ cannot match: the same matches as
    finditer on 600 random long lines of accessors, names and brackets."""
    rng = random.Random(24)
    for _ in range(600):
        line = ""
        while len(line) <= ties.STATEMENT_CHARS:
            line += "".join(rng.choice(PIECES) for _ in range(rng.randint(20, 200)))
        got = [m.span() for m in answers.data_reads(line)]
        assert got == [m.span() for m in answers.DATA_READ.finditer(line)], line


def test_a_calls_request_extents_are_worked_out_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The field rules ask for each path's requests (requests_of) more than once: the text of
    the call around a path is worked out once per path (bench's file: 8,000 askings, 5,000
    paths), except a URL held in a name, whose uses are followed once on purpose."""
    counted: list[int] = []
    real = fields._call_extents

    def extents(doc: fields.Text, offset: int) -> list[tuple[int, int]]:
        counted.append(offset)
        return real(doc, offset)

    monkeypatch.setattr(fields, "_call_extents", extents)
    lines = ["import requests", f'BASE = "{BASE}"']
    for n in range(20):
        lines.append(
            f'body{n} = {{"talking_photo_url": "u", "audio_url": "a", "resolution": "720p"}}'
        )
        lines.append(f'r{n} = requests.post(f"{{BASE}}{PATH}", json=body{n})')
        lines.append('requests.post(f"{BASE}/content/image/createbyprompt", json={"size": "1:1"})')
    found = audit_text("\n".join(lines) + "\n", "calls.py")
    assert {f.rule for f in found} >= {"bad-value", "misnamed-field"}
    assert len(counted) == len(set(counted)) == 40


def test_argument_spans_of_a_text_ending_in_an_escape() -> None:
    """arguments.spans read one character past a string's `\\` that ends the text: IndexError."""
    assert arguments.spans('f("abc\\', 2) == [(2, 7)]
    assert arguments.spans('f("a\\"b", c)', 2) == [(2, 8), (10, 11)]


ESCAPE_AT_END = {
    # (Python: a `\` at a line's end inside a string continues the string on the next line)
    "join.py": f'import requests\nBASE = "{BASE}"\n'
    'url = "/".join([BASE, "content", "video", "createbytalkingphoto", "a\\\nb"])\n',
    "join.go": f'package main\nimport "net/url"\nconst base = "{BASE}"\nfunc f() {{\n'
    '\tu, _ := url.JoinPath(base, "content", "video", "createbytalkingphoto", "x\\\n',
}


@pytest.mark.parametrize("name", sorted(ESCAPE_AT_END))
def test_a_line_ending_in_an_escape_inside_a_string_is_read(name: str) -> None:
    """A joined path whose last segment's string runs on past the line (`"a\\` then `b"]`) was
    "not scanned (could not be read: IndexError)"."""
    audit_text(ESCAPE_AT_END[name], name)  # (no exception)


def test_one_indent_helper_serves_the_modules_that_measured_indents_alike() -> None:
    """scopes, source and ties each had their own copy of one line's indent (`len(line) -
    len(line.lstrip())`): one helper now (specs.py's counts spaces only, and stays its own)."""
    copy = "return len(line) - len(line.lstrip())\n"
    audit = Path(ties.__file__).parent
    holders = sorted(p.name for p in audit.glob("*.py") if copy in p.read_text(encoding="utf-8"))
    assert holders == ["scopes.py"]
    assert ties.indent is scopes.indent is vars(source)["indent"]


def _big_body(kind: str, n: int) -> tuple[str, str]:
    """break21f #3's shapes: a JS body of n keys, a JS talking-avatar body of n elements, a
    Python body of n unknown keys lacking the required fields."""
    if kind == "js-keys":
        keys = "".join(f"    k{i}: {i},\n" for i in range(n))
        return "flat.js", (
            f'const B = "{BASE}";\nconst r = await fetch(`${{B}}{PATH}`, {{\n  method: "POST",\n'
            f'  headers: {{ "x-api-key": k }},\n  body: JSON.stringify({{\n{keys}'
            '    resolution: "720p" }),\n});\n'
        )
    if kind == "js-elements":
        items = "".join(
            f'      {{ type: "image", url: "https://x/{i}.png", width: 100, offset_x: {i} }},\n'
            for i in range(n)
        )
        return "elements.js", (
            f'const B = "{BASE}";\nconst r = await fetch(`${{B}}/talkingavatar/create`, {{\n'
            '  method: "POST",\n  headers: { "x-api-key": k },\n'
            f"  body: JSON.stringify({{\n    width: 3840, avatar_from: 3,\n    elements: [\n{items}"
            "    ],\n  }),\n});\n"
        )
    keys = "".join(f'    "k{i}": {i},\n' for i in range(n))
    return "keys.py", (
        f'import requests\nrequests.post("{BASE}{PATH}", json={{\n{keys}    "resolution": "720p"}})\n'
    )


def _text_and_name(name: str, text: str) -> tuple[str, str]:
    return text, name


class _Searches:
    """The re module as fields.py calls it, with what its searches read counted."""

    def __init__(self) -> None:
        self.chars = 0

    def __getattr__(self, name: str) -> Any:
        return getattr(re, name)

    def search(self, pattern: str, string: str, flags: int = 0) -> re.Match[str] | None:
        self.chars += len(string)
        return re.search(pattern, string, flags)


def test_a_body_value_is_searched_for_its_calls_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """break21f #3: each name in an option's value (`body: JSON.stringify({... elements: [...]})`)
    was looked for as a call by a search over the whole value: names x value (1,000 elements:
    9.8 s). The value's calls are found in one pass."""
    searches = _Searches()
    monkeypatch.setattr(fields, "re", searches)
    text, name = _text_and_name(*_big_body("js-elements", 400))
    audit_text(text, name)
    assert searches.chars < 2 * len(text)


def _counted_calls(
    monkeypatch: pytest.MonkeyPatch, module: Any, function: str, kind: str, n: int
) -> int:
    calls = [0]
    real = getattr(module, function)

    def counted(*args: Any) -> Any:
        calls[0] += 1
        return real(*args)

    monkeypatch.setattr(module, function, counted)
    audit_text(*_text_and_name(*_big_body(kind, n)))
    monkeypatch.setattr(module, function, real)
    return calls[0]


def test_a_big_bodys_keys_are_not_walked_per_name(monkeypatch: pytest.MonkeyPatch) -> None:
    """break21f #3: whether a name in a body is a field's value walked every key of the body
    (fields._owned_by_field, each key's value_end): 8,000 keys, over a minute."""
    assert _counted_calls(monkeypatch, fields, "value_end", "js-keys", 600) < 10 * 600


def test_a_big_bodys_unknown_keys_are_given_roles_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """break21f #3: each unknown key's role was compared with every other unknown key's
    (twins.twins, a body lacking a required field): quadratic in the body's unknown keys."""
    assert _counted_calls(monkeypatch, twins, "role", "py-keys", 600) < 10 * 600


def test_a_big_bodys_unknown_keys_are_not_gathered_per_key(monkeypatch: pytest.MonkeyPatch) -> None:
    """break21f #3: for each unknown key, every unknown key of its body was gathered into a set to
    ask whether they are another endpoint's body (rules.other_body): quadratic. More unknown keys
    than any endpoint has fields are no endpoint's body, and are not gathered."""
    gathered: list[int] = []
    real = rules.other_body

    def other_body(endpoint: Any, unknown: frozenset[str]) -> Any:
        gathered.append(len(unknown))
        return real(endpoint, unknown)

    monkeypatch.setattr(rules, "other_body", other_body)
    audit_text(*_text_and_name(*_big_body("py-keys", 600)))
    assert sum(gathered) < 600 * 10
