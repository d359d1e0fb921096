"""perf23: what the audit works out per call is asked of per-file indexes, not of the whole text
or of a pattern built per call; measured by counts (patterns compiled, passes made), not clocks."""

from __future__ import annotations

import copy
import importlib
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from akool_cli.audit import ties
from akool_cli.audit.scan import audit_text

COMPILER: Any = importlib.import_module("re._compiler")  # (what re calls when its cache misses)
BASE = "https://openapi.akool.com/api/open/v3"
PATH = "/content/video/createbytalkingphoto"

# Ordinary scripts of n calls (break21e #3), each call with its own names: a top-level fetch
# per statement, a Python client class whose methods call self._post, an axios client's
# exported functions, Go's http.Post with a struct decode, bench's own shapes.
SHAPES: dict[str, tuple[str, str, str]] = {
    "js": (
        "calls.js",
        f'const BASE = "{BASE}";\n',
        "const r{i} = await fetch(`${{BASE}}" + PATH + '`, {{ method: "POST", headers: {{ '
        '"x-api-key": k }}, body: JSON.stringify({{ talking_photo_url: "p{i}", audio_url: "a", '
        'resolution: "720p" }}) }});\nconst j{i} = await r{i}.json(); console.log(j{i}.data._id);\n',
    ),
    "py": (
        "client.py",
        f'import requests\n\nclass Akool:\n    BASE = "{BASE}"\n\n'
        "    def _post(self, path, body):\n        r = requests.post(self.BASE + path, json=body)\n"
        "        return r.json()\n\n",
        "    def job{i}(self, p, a):\n"
        f'        out = self._post("{PATH}", {{{{"talking_photo_url": p, "audio_url": a}}}})\n'
        '        return out["data"]["_id"]\n\n',
    ),
    "ts": (
        "client.ts",
        f'import axios from "axios";\nconst api = axios.create({{ baseURL: "{BASE}" }});\n',
        "export async function job{i}(p: string, a: string): Promise<string> {{\n"
        f'  const {{{{ data }}}} = await api.post("{PATH}", {{{{ talking_photo_url: p, audio_url: a }}}});\n'
        "  return data.data._id;\n}}\n",
    ),
    "go": (
        "client.go",
        f'package main\nimport ("bytes"; "encoding/json"; "net/http")\nconst base = "{BASE}"\n',
        "func job{i}(p, a string) string {{\n"
        '\tb, _ := json.Marshal(map[string]string{{"talking_photo_url": p, "audio_url": a}})\n'
        f'\tres, _ := http.Post(base+"{PATH}", "application/json", bytes.NewReader(b))\n'
        '\tvar out struct {{ Data struct {{ ID string `json:"_id"` }} `json:"data"` }}\n'
        "\tjson.NewDecoder(res.Body).Decode(&out)\n\treturn out.Data.ID\n}}\n",
    ),
}


def _script(kind: str, n: int) -> tuple[str, str]:
    name, head, shape = SHAPES[kind]
    return name, head + "".join(shape.format(i=i) for i in range(n))


@contextmanager
def _compiles() -> Iterator[list[str]]:
    """The patterns re compiles meanwhile (those its cache did not hold)."""
    seen: list[str] = []
    real: Callable[..., object] = COMPILER.compile

    def counted(p: object, flags: int = 0) -> object:
        seen.append(str(p))
        return real(p, flags)

    COMPILER.compile = counted
    try:
        yield seen
    finally:
        COMPILER.compile = real


@pytest.mark.parametrize("kind", sorted(SHAPES))
def test_an_audit_compiles_no_pattern_per_call(kind: str) -> None:
    """break21e #3: ties._column built a pattern of each name it looked for; with a name per call,
    re's cache missed every time (a 5,000-call file compiled 5,000 patterns, 0.65 s of 5.5 s)."""
    for n in (30, 30, 300):  # (the first run compiles the patterns used once per file)
        name, text = _script(kind, n)
        with _compiles() as seen:
            audit_text(text, name)
    assert len(seen) <= 10, seen[:20]


def test_a_names_first_place_is_found_as_the_pattern_found_it() -> None:
    """ties.first_written gives what `(?<![\\w$.])NAME(?![\\w$])` gave, without compiling it."""
    texts = ["a.r1 = r1(r10)", "$r1 r1$ _r1 é1r1 r1", "x.r1", "(r1)", "", "r1", ". ."]
    for text in texts:
        for name in ("r1", "r", "1", "", ".", "$r1", "(r1)"):
            m = re.search(r"(?<![\w$.])" + re.escape(name) + r"(?![\w$])", text)
            assert ties.first_written(text, name) == (m.start() if m else -1), (text, name)


def test_a_findings_json_copies_nothing_deeply(monkeypatch: pytest.MonkeyPatch) -> None:
    """--json of 7,000 findings: dataclasses.asdict deep-copied every fix only to drop it (a
    third of the output's time). The document holds the same keys in the same order."""
    name, text = _script("js", 3)
    found = audit_text(text.replace("talking_photo_url", "talkingPhotoUrl"), name)
    assert found and all(f.fix is not None for f in found)
    copies: list[object] = []
    real = copy.deepcopy

    def counted(x: object, memo: Any = None) -> object:
        copies.append(x)
        return real(x, memo)

    monkeypatch.setattr(copy, "deepcopy", counted)
    document = [f.to_json() for f in found]
    assert not copies
    keys = ["file", "line", "column", "rule", "severity", "found", "documented", "message"]
    assert all(list(d) == keys for d in document)
    assert document[0]["found"] == "talkingPhotoUrl" and document[0]["line"] == 2


class _Counted:
    """A pattern whose searches are counted."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern, self.searched = pattern, 0

    def search(self, text: str) -> re.Match[str] | None:
        self.searched += 1
        return self.pattern.search(text)


def test_a_statement_that_sends_json_is_not_searched_for_a_parse(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """break21e #3: ties.whole_parse tried PARSED (26 alternatives, most not led by a literal) at
    each place of every statement holding "json" or "JSON": each fetch with JSON.stringify, each
    requests.post(json=...), ~33 microseconds a statement. It is tried only where one of its words is."""
    counted = _Counted(ties.PARSED)
    monkeypatch.setattr(ties, "PARSED", counted)
    sends = [
        'await fetch(u, { method: "POST", body: JSON.stringify({ a: 1 }) })',
        'requests.post(u, json={"a": 1}, headers={"Content-Type": "application/json"})',
    ]
    assert not any(ties.whole_parse(s) for s in sends) and counted.searched == 0
    assert ties.whole_parse("await r.json()") and counted.searched == 1


def test_parsed_words_are_in_every_parse_match() -> None:
    """Every text PARSED matches holds one of PARSED_WORDS: the gate never drops a match (texts
    made of PARSED's own pieces, at random)."""
    import random

    pieces = [*ties.PARSED_WORDS, "json", "JSON", "Json", "(", ")", " ", "await ", "r", "res"]
    pieces += ["parse", "loads", ".then((r) => r", "=", "strict=False", "Parse", "Bytes(", "."]
    pieces += ["data", "body", ";", "getBody()", "(await a.get(u))", "New", "FromReader(", "_"]
    rng = random.Random(23)
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 6)))
        m = ties.PARSED.search(text)
        got = ties.parsed_in(text)
        assert (m and m.span()) == (got and got.span()), text
