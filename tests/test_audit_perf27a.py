"""The request side's cost: per-file indexes built once instead of per-call scans, and inputs that
once grew quadratically, counted in calls or steps (no wall-clock limits)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from akool_cli.audit import answers, apart, fields, sites
from akool_cli.audit.scan import audit_text
from tests.support import growth
from tests.support.benchfile import bench_file, counted

BASE = "https://openapi.akool.com/api/open/v3"


def test_a_files_word_checks_are_made_once_per_file_not_per_call() -> None:
    # mocks, handles, block queries, removed keys and enums each ask, for every call, whether the
    # file holds their words at all; a cache keyed by the text compared the whole file at each
    # ask (the file's own text is an equal copy of the one the calls are read in): 5,000 calls,
    # 5,000 whole-file comparisons a check. The answer is the file's, kept on it.
    looked = [0]
    original = fields.Text.holds

    def looking(self: fields.Text, *words: str) -> bool:
        looked[0] += words not in self._holds
        return original(self, *words)

    fields.Text.holds = looking  # type: ignore[method-assign]
    try:
        with counted(fields.Text, "holds") as asked:
            audit_text(bench_file(40), "calls.py")
    finally:
        fields.Text.holds = original  # type: ignore[method-assign]
    assert asked[0] >= 200  # (each of the 200 calls asks)
    assert looked[0] <= 10  # (each check once)


def _continued_curls(curls: int) -> str:
    """`curls` curl commands, each continued over lines, one of them `-d "$B<n>"` (its data read
    from a name), after a here-document `read` gives B0 its text."""
    head = ["#!/bin/sh", "read -r -d '' B0 <<'EOF'", '{"talking_photo_url": "u", "size": 1}', "EOF"]
    command = (
        f"curl -X POST {BASE}/content/video/createbytalkingphoto \\\n"
        '  -H "x-api-key: $K" \\\n  -H "Content-Type: application/json" \\\n  -d "$B{n}"\n'
    )
    return "\n".join(head) + "\n" + "".join(command.format(n=n) for n in range(curls))


class _ReadCounter:
    """apart's `re`, whose compiled patterns count the characters their finditer is given."""

    def __init__(self) -> None:
        self.read = 0

    def compile(self, pattern: str) -> _ReadCounter.Pattern:
        return _ReadCounter.Pattern(re.compile(pattern), self)

    class Pattern:
        def __init__(self, pattern: re.Pattern[str], counter: _ReadCounter) -> None:
            self.pattern, self.counter = pattern, counter

        def finditer(self, text: str, pos: int = 0, endpos: int = -1) -> Iterator[re.Match[str]]:
            endpos = len(text) if endpos < 0 else endpos
            self.counter.read += endpos - pos
            return self.pattern.finditer(text, pos, endpos)

    def escape(self, text: str) -> str:
        return re.escape(text)


def _read_for_names(text: str, monkeypatch: pytest.MonkeyPatch) -> int:
    counter = _ReadCounter()
    with monkeypatch.context() as patched:
        patched.setattr(apart, "re", counter)
        findings = audit_text(text, "send.sh")
    assert any(f.rule == "unknown-field" for f in findings)  # (B0's here-document is read)
    return counter.read


def test_curls_continued_with_data_names_read_each_names_read_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Each `-d "$NAME"` of a curl command looked for a `read` of its name in the whole file
    # before the command: 4x the commands read ~16x the characters. The file's `read`s are found
    # once, by the names they give; a name none gives reads nothing.
    small = _read_for_names(_continued_curls(100), monkeypatch)
    big = _read_for_names(_continued_curls(400), monkeypatch)
    assert big <= 4.5 * small, (small, big)


def _dense_literal(items: int) -> str:
    """A JavaScript file holding one dense nested data literal (a JSON-like array of small
    objects and arrays) beside one AKOOL call, so that it is read."""
    item = '{{"id":{n},"name":"n{n}","tags":["a","b",{n}],"pos":{{"x":{n},"y":-{n}}},"ok":true}}'
    return (
        f'fetch("{BASE}/content/video/createbytalkingphoto", {{method: "POST", '
        'body: JSON.stringify({talking_photo_url: "u", audio_url: "a"})});\n'
        "const DATA = [" + ",".join(item.format(n=n) for n in range(items)) + "];\n"
    )


def test_a_dense_data_literal_is_read_in_a_few_dozen_bytes_a_byte() -> None:
    # Each key's match was kept in a deque of its own (~600 bytes) to the end of the pass, and
    # each Key carried a __dict__ (~300 bytes): a 4 MB literal peaked near 500 MB RSS (~120
    # bytes a byte of Python's own allocations, tracemalloc's peak; ~49 now).
    text = _dense_literal(1500)
    audit_text(text, "data.js")  # (the catalogue and the compiled patterns, loaded once)
    peak = growth.peak_bytes(lambda: audit_text(text, "data.js"))
    assert peak <= 60 * len(text), peak / len(text)


# -- word prefilters tied to the patterns they guard ----------------------------------------------

CORPUS = Path(__file__).resolve().parent / "audit_corpus"


def _corpus_lines() -> list[str]:
    return [
        line
        for path in sorted(CORPUS.rglob("*"))
        if path.is_file()
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines()
    ]


def test_every_map_constructor_name_ends_in_one_of_the_opener_endings() -> None:
    # fields._open tries CONTAINER_OPENERS only after a `(` whose two letters before are one of
    # OPENER_ENDINGS (or a type argument's `>`): a name added to the pattern with another ending
    # would never open a map.
    names, type_arguments, _ = CONTAINER_PATTERN.partition(")(?:<")
    assert type_arguments and names.startswith("(?:")
    forms = [re.sub(r"\(\?<!\\w\)|\\", "", form) for form in names[3:].split("|")]
    assert len(forms) >= 6, forms
    lost = [form for form in forms if form[-2:] not in fields.OPENER_ENDINGS]
    assert lost == []
    for form in forms:  # (and the gate lets each through: a map is opened at its parenthesis)
        assert fields.CONTAINER_OPENERS.search(f"x = {form}("), form


CONTAINER_PATTERN = fields.CONTAINER_OPENERS.pattern


def test_every_binding_line_of_the_corpus_holds_a_binding_mark() -> None:
    # sites._definitions_on tries its patterns only on a line holding one of BINDING_MARKS, and
    # DEFINE_CALL only on one holding `define` or `key`, SPRING_VALUE on one holding `@Value`,
    # ATTRIBUTE_SET on one holding `this` or `self`: no line a pattern matches lacks its words.
    matched = 0
    for line in _corpus_lines():
        stripped = sites.DECLARATION_WORDS.sub("", line).lstrip("{, \t")
        if sites.DEFINITION.match(stripped) or sites.DEFINE_CALL.search(line):
            matched += 1
            assert any(w in line for w in sites.BINDING_MARKS), line
        if sites.DEFINE_CALL.search(line):
            assert "define" in line or "key" in line, line
        if sites.SPRING_VALUE.search(line):
            assert "@Value" in line, line
        if sites.ATTRIBUTE_SET.search(line):
            assert "this" in line or "self" in line, line
    assert matched >= 100


def test_every_answer_read_of_the_corpus_passes_may_read() -> None:
    # answers.reads reads a line only when may_read passes it (READ_HINTS, written out): each
    # hint passes, and no line of the corpus with a data read lacks one.
    assert all(answers.may_read(f"x.{hint}.y") for hint in answers.READ_HINTS)
    assert not answers.may_read("x = y.z")
    matched = 0
    for line in _corpus_lines():
        if answers.DATA_READ.search(line):
            matched += 1
            assert answers.may_read(line), line
        assert answers.may_read(line) == any(h in line for h in answers.READ_HINTS), line
    assert matched >= 50
