"""perf33a: many calls on one line (a minified bundle, a compact HAR or Postman file, a line of nock
calls) cost linear: a question about the whole line is answered once per line, not once per call
on it. Each cost is counted (searches, characters searched, questions asked), never timed."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import SimpleNamespace
from typing import Any

import pytest

from akool_cli.audit import mocks, ties
from akool_cli.audit.scan import audit_text

NOCK_CALL = "nock(h).post('/api/open/v3/content/video/createbytalkingphoto').reply(200, {});"


def _nock_line(n: int) -> str:
    return 'const nock = require("nock");\n' + NOCK_CALL * n + "\n"


class _CountedPattern:
    """A pattern that counts the characters its searches are given (the span each one reads)."""

    def __init__(self, real: Any) -> None:
        self.real, self.chars = real, 0

    def _span(self, text: str, pos: int = 0, endpos: int | None = None) -> None:
        self.chars += min(len(text), len(text) if endpos is None else endpos) - pos

    def finditer(self, text: str, *span: int) -> Iterator[Any]:
        self._span(text, *span)
        return iter(self.real.finditer(text, *span))

    def search(self, text: str, *span: int) -> Any:
        self._span(text, *span)
        return self.real.search(text, *span)

    def findall(self, text: str, *span: int) -> Any:
        self._span(text, *span)
        return self.real.findall(text, *span)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)


@contextmanager
def _counted(monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> Iterator[_CountedPattern]:
    counted = _CountedPattern(getattr(module, name))
    with monkeypatch.context() as patch:
        patch.setattr(module, name, counted)
        yield counted


def _nock_chars_searched(n: int, monkeypatch: pytest.MonkeyPatch) -> int:
    mocks._nock_roots.cache_clear()
    with _counted(monkeypatch, mocks, "NOCK_ROOT") as root:
        audit_text(_nock_line(n), "t.test.js")
    return root.chars


def test_a_nock_lines_roots_are_found_once_per_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """Item 1: each nock call of a line searched the 1,500 characters before it for `nock(`
    (a third of 2,000 calls' cost); the file's roots are found once and bisected."""
    small, large = (_nock_chars_searched(n, monkeypatch) for n in (100, 400))
    assert large <= 5 * small
    assert small <= 2 * len(_nock_line(100))


def _asked(predicate: Callable[..., Any], text: str, name: str) -> int:
    """How often a function kept per text (an lru_cache) read one (its misses) in one audit."""
    predicate.cache_clear()  # type: ignore[attr-defined]
    audit_text(text, name)
    return int(predicate.cache_info().misses)  # type: ignore[attr-defined]


@pytest.mark.parametrize("predicate", [ties._stdlib_line, ties._xhr_line])
def test_a_lines_own_questions_are_asked_once_per_line(predicate: Callable[..., Any]) -> None:
    """Item 1: `_on_the_call` asked a call's whole line whether it holds `request(` or `get(`
    once per call (2,000 nock calls on one line: 1.7 s of 2.4; 4x the calls ~15x the cost)."""
    assert _asked(predicate, _nock_line(100), "t.test.js") == _asked(
        predicate, _nock_line(400), "t.test.js"
    )


def _bundle(n: int) -> str:
    """A minified bundle (repro32b minified-one-line-bundle-superlinear): n functions, each a
    fetch whose body sends a value the docs do not list, all on one line."""
    return 'const B="https://openapi.akool.com/api/open/v3";' + "".join(
        f'function f{i}(a){{return fetch(B+"/content/video/createbytalkingphoto",{{method:"POST",'
        f'body:JSON.stringify({{resolution:"720p",x:a}})}}).then(r=>r.json()).then(j=>j.data.x)}}'
        for i in range(n)
    )


class _CountedWords(tuple[str, ...]):
    """THROW_WORDS that count how often they are gone through (each time: a line searched)."""

    seen = 0

    def __iter__(self) -> Iterator[str]:
        _CountedWords.seen += 1
        return super().__iter__()


def _throw_word_searches(n: int, monkeypatch: pytest.MonkeyPatch) -> int:
    from akool_cli.audit import hosttests

    _CountedWords.seen = 0
    monkeypatch.setattr(hosttests, "THROW_WORDS", _CountedWords(hosttests.THROW_WORDS))
    found = audit_text(_bundle(n), "bundle.js")
    assert len(found) >= n  # (each call's value is a finding the guard question is asked of)
    return _CountedWords.seen


def test_a_minified_lines_findings_do_not_each_search_it_for_a_test(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Item 2: scan._tests_a_guard searched a bad value's line (the whole bundle) for THROW_WORDS
    once per finding (6,000 functions, 1 MB: 24 s); expects_failure reads no minified line, so
    the line is not searched at all."""
    # (before: once per finding, 200 and 800 here)
    assert _throw_word_searches(50, monkeypatch) <= 2
    assert _throw_word_searches(200, monkeypatch) <= 2


class _MeteredText(str):
    """A file's text (fields.Text.text) that counts the characters `word in text` reads: a rule
    asking that of the whole file once per call costs calls x the file."""

    read = 0

    def __contains__(self, word: object) -> bool:
        _MeteredText.read += len(self)
        return super().__contains__(word)  # type: ignore[operator]


def _whole_text_reads(text: str, name: str, monkeypatch: pytest.MonkeyPatch) -> int:
    """The characters `in` read of the file's whole text, over one audit of `text`."""
    from akool_cli.audit import fields

    real = fields.read

    def metered(*args: Any, **kwargs: Any) -> fields.Text:
        doc = real(*args, **kwargs)
        doc.text = _MeteredText(doc.text)
        return doc

    _MeteredText.read = 0
    with monkeypatch.context() as patch:
        patch.setattr(fields, "read", metered)
        audit_text(text, name)
    return _MeteredText.read


def _postman(n: int) -> str:
    """A compact (one-line) Postman collection of n requests, each a body with a value the docs
    do not list (repro32b's shapes.py postman1)."""
    item = (
        '{"name": "r", "request": {"method": "POST", "url": {"raw": "https://openapi.akool.com'
        '/api/open/v3/content/video/createbytalkingphoto"}, "body": {"mode": "raw", "raw": '
        '"{\\"resolution\\": \\"720p\\"}"}}}'
    )
    schema = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"
    return f'{{"info": {{"schema": "{schema}"}}, "item": [' + ", ".join([item] * n) + "]}"


def _playbook(n: int) -> str:
    """An Ansible playbook of n correct `uri` tasks (repro21x ansible-playbook-uri-tasks-superlinear)."""
    task = (
        "    - name: dub\n      uri:\n"
        '        url: "{{ akool_base }}/content/video/createbytranslate"\n'
        "        method: POST\n        body_format: json\n        body:\n"
        '          url: "https://cdn.example.com/ep.mp4"\n          language: es\n'
    )
    head = "- hosts: localhost\n  vars:\n    akool_base: https://openapi.akool.com/api/open/v3\n"
    return head + "  tasks:\n" + task * n


@pytest.mark.parametrize(
    ("make", "name"),
    [(_postman, "c.postman_collection.json"), (_bundle, "bundle.js"), (_playbook, "site.yml")],
)
def test_the_whole_file_is_not_searched_once_per_call(
    make: Callable[[int], str], name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Item 3: dtomissing.declared_at asked the whole text whether it holds `JsonExtensionData`
    (and four more words) once per body (a one-line Postman collection: 400 -> 1,600 requests,
    16.7x), directcalls.library_call whether it takes undici or makes an ofetch client once per
    call (a playbook's tasks: 400 -> 1,600, x10): what `in` reads of the whole text grows as the
    file, not as calls x the file."""
    small = _whole_text_reads(make(50), name, monkeypatch)
    large = _whole_text_reads(make(200), name, monkeypatch)
    assert large <= 5 * max(small, len(make(50)))


def _notebook(n: int) -> str:
    """A notebook whose one code cell's source is one line of n `;`-joined calls, each sending a
    value the docs do not list."""
    import json

    calls = ";".join(
        f'r{i}=requests.post(B+"/content/video/createbytalkingphoto",json={{"resolution":"720p"}})'
        for i in range(n)
    )
    cell = 'import requests;B="https://openapi.akool.com/api/open/v3";' + calls
    return json.dumps(
        {
            "cells": [{"cell_type": "code", "source": [cell], "metadata": {}, "outputs": []}],
            "metadata": {},
            "nbformat": 4,
            "nbformat_minor": 5,
        }
    )


def _escapes_decoded(n: int, monkeypatch: pytest.MonkeyPatch) -> int:
    from akool_cli.audit import notebooks

    seen = 0
    real = notebooks._decode

    def counted(raw: str) -> str | None:
        nonlocal seen
        seen += 1
        return real(raw)

    notebooks._offsets.cache_clear()
    with monkeypatch.context() as patch:
        patch.setattr(notebooks, "_decode", counted)
        assert len(audit_text(_notebook(n), "n.ipynb")) >= n
    return seen


def test_a_notebook_lines_offsets_are_found_once_per_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """Item 3: notebooks._offsets decoded a line's every character (json.loads each) once per
    finding on it, to map the finding back (a one-line cell of 20 -> 80 calls: 1.1 -> 17.8 s)."""
    small = _escapes_decoded(20, monkeypatch)
    large = _escapes_decoded(80, monkeypatch)
    assert large <= 5 * small


CURL = 'curl -X POST "$B/content/video/createbytalkingphoto" -d \'{"resolution":"720p"}\''


def _curls(n: int, joiner: str = " && ") -> str:
    """A shell script whose one line runs n curls joined by `joiner`, each sending a value the
    docs do not list (one fields.Request holds them all: the shell command is the line)."""
    return "#!/bin/sh\nB=https://openapi.akool.com/api/open/v3\n" + joiner.join([CURL] * n) + "\n"


def _calls_of(module: Any, name: str, make: Callable[[], object]) -> int:
    """How often `module.name` is called while `make` runs."""
    seen = 0
    real = getattr(module, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        nonlocal seen
        seen += 1
        return real(*args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(module, name, counted)
        make()
    return seen


@pytest.mark.parametrize("joiner", [" && ", ";", " || "])
def test_a_shell_lines_request_is_judged_once_per_endpoint(joiner: str) -> None:
    """Item 3: the missing-field rule judged the line's one request (every curl's body) again for
    each curl on it (400 -> 1,600 curls joined by ` && `: 1.2 -> 16 s); and the line was searched
    for a here-document once per curl. Both are asked once per line now, the findings the same."""
    from akool_cli.audit import apart, rules

    for module, name in ((rules, "_missing_body"), (apart, "heredoc")):
        small = _calls_of(module, name, lambda: audit_text(_curls(50, joiner), "run.sh"))
        large = _calls_of(module, name, lambda: audit_text(_curls(200, joiner), "run.sh"))
        assert large == small, name
    assert len(audit_text(_curls(200, joiner), "run.sh")) == 200


def test_a_shell_commands_first_line_is_read_once_per_command() -> None:
    """Item 3: methods._curl cut the command's text and its first line (the whole line) once per
    curl on it, to see whether it runs curl."""
    from akool_cli.audit import methods

    small, large = (_asked(methods._command, _curls(n), "run.sh") for n in (50, 200))
    assert small == large <= 2


class _MeteredSegment(str):
    """A call's text that counts the characters `word in text` reads of it."""

    read = 0

    def __contains__(self, word: object) -> bool:
        _MeteredSegment.read += len(self)
        return super().__contains__(word)  # type: ignore[operator]


def test_a_calls_text_is_searched_for_a_getter_once() -> None:
    """Item 3: fields._passed_names asked the call's whole text whether it holds `.get(` once per
    name it passes (a shell line of N curls is one call's text: N names x the line)."""
    from akool_cli.audit import fields

    def read(n: int) -> int:
        text = _curls(n)
        doc = fields.read(text.split("\n"), python=False, language="shell")
        _MeteredSegment.read = 0
        list(fields._passed_names(doc, 0, [], [], _MeteredSegment(text)))
        return _MeteredSegment.read

    assert read(200) <= 5 * read(50)


def _gets(n: int) -> str:
    """One line of n `;`-joined documented GETs (breakit32's Python shape)."""
    url = "https://openapi.akool.com/api/open/v3/faceswap/quota/info"
    return "import requests\n" + ";".join([f'requests.get("{url}")'] * n) + "\n"


def test_a_lines_node_callback_is_looked_for_once_per_line() -> None:
    """Item 3: stdlibanswers.response_parameter searched a call's whole line for Node's
    `https.get(` once per call on it (1,600 -> 6,400 GETs on a line: x13.9)."""
    from akool_cli.audit import stdlibanswers

    small, large = (_asked(stdlibanswers.response_parameter, _gets(n), "g.py") for n in (50, 200))
    assert small == large <= 2


class _MeteredLine(str):
    """A line that counts the characters its slices copy."""

    copied = 0

    def __getitem__(self, key: Any) -> str:
        part = super().__getitem__(key)
        _MeteredLine.copied += len(part)
        return part


def test_a_sites_table_key_is_read_without_copying_the_line() -> None:
    """Item 3: sites._entry_key copied the line up to each site to match a table entry's key
    there (N sites on a minified line: N x the line); it matches up to the site in place. Its
    answers stay the ones the copy gave."""

    from akool_cli.audit import sites

    def copied(n: int) -> int:
        line = _MeteredLine(";".join(['requests.get("/api/open/v3/faceswap/quota/info")'] * n))
        _MeteredLine.copied = 0
        for at in range(line.find("/api"), len(line), len(line) // n):
            site = SimpleNamespace(line=0, start=at, end=at + 30, continued=False)
            assert sites._entry_key(site, [line]) == ""  # type: ignore[arg-type]
        return _MeteredLine.copied

    assert copied(200) <= 5 * max(copied(50), 1)
    table = '  voiceResult: "/api/open/v4/voice/resource/detail",'
    start, end = table.index("/"), table.rindex('"')
    entry = SimpleNamespace(line=0, start=start, end=end, continued=False)
    assert sites._entry_key(entry, [table]) == "voiceResult"  # type: ignore[arg-type]


def test_an_answers_root_is_found_without_copying_the_line() -> None:
    """Item 3: ties.root_of copied the line up to each blank it walked back over (to see an
    `await ` before it): N reads on a minified line, N x the line."""
    expression = "const j = await r.json();"

    def copied(n: int) -> int:
        line = _MeteredLine(expression * n)
        _MeteredLine.copied = 0
        for k in range(n):
            at = k * len(expression) + expression.index(";")
            assert ties.root_of(line, at) == "r"
        return _MeteredLine.copied

    assert copied(200) <= 5 * copied(50)


def _csharp_line(n: int) -> str:
    """A C# class on one line whose n methods each post a body with a value the docs do not list."""
    method = (
        "async Task m(){var r=await c.PostAsJsonAsync(B+"
        '"/content/video/createbytalkingphoto",new{resolution="720p"});}'
    )
    head = "using System.Net.Http;class A{static HttpClient c=new HttpClient();const string B="
    return head + '"https://openapi.akool.com/api/open/v3";' + method * n + "}"


def test_a_lines_answer_models_are_looked_for_once_per_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Item 3: answermodels.decoded_reads searched a call's whole line for a decoding and split it
    into words once per call on it (a C# class on one line, 200 -> 800 calls: x8.5)."""
    from akool_cli.audit import answermodels

    def searched(n: int) -> int:
        answermodels._may_decode.cache_clear()
        answermodels._words.cache_clear()
        with (
            _counted(monkeypatch, answermodels, "DECODES") as decodes,
            _counted(monkeypatch, answermodels, "WORD") as words,
        ):
            assert len(audit_text(_csharp_line(n), "A.cs")) >= n
        return decodes.chars + words.chars

    assert searched(200) <= 5 * searched(50)


def _php_handles(n: int) -> str:
    """One line of n PHP cURL handles, each given the URL and a body with a value the docs do not
    list, then sent."""
    handle = (
        "$c{i}=curl_init();curl_setopt($c{i},CURLOPT_URL,$b.'/content/video/createbytalkingphoto');"
        "curl_setopt($c{i},CURLOPT_POSTFIELDS,json_encode(['resolution'=>'720p']));curl_exec($c{i});"
    )
    head = "<?php $b='https://openapi.akool.com/api/open/v3';"
    return head + "".join(handle.format(i=i) for i in range(n))


def test_a_handles_setters_are_compiled_only_where_their_words_are() -> None:
    """Item 3: handles.body_extents compiled each of its 13 setters' patterns for each call's
    handle name (a line of 1,200 PHP cURL handles: 10.6 s, most of it compiling); a setter whose
    words are not in the handle's spans is not compiled, nor searched."""
    import re

    from akool_cli.audit import handles

    compiled = 0

    def counted(pattern: str, flags: int = 0) -> re.Pattern[str]:
        nonlocal compiled
        compiled += 1
        return re.compile(pattern, flags)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(handles, "re", SimpleNamespace(compile=counted, escape=re.escape))
        found = audit_text(_php_handles(50), "c.php")
    assert sum(f.rule == "bad-value" for f in found) == 50
    assert compiled <= 6 * 50  # (before: 13 setters and the handle's own patterns, each call)


def test_a_calls_fetch_is_looked_for_near_it_not_in_its_whole_line() -> None:
    """Item 3: rules._fetched asked the call's whole line whether it holds `fetch` once per call
    (minified `c.post(...)` x 4,000 on a line: x14.6 in it); it looks where its search reads."""
    from akool_cli.audit import rules

    call = 'fetch(`${B}/content/video/createbytalkingphoto`, {method: "POST"});'
    line = _MeteredSegment(call * 200)  # (a line here: `in` of it counted as of a call's text)
    _MeteredSegment.read = 0
    for k in range(200):
        at = k * len(call) + call.index("/content")
        m = SimpleNamespace(line=0, column=at)
        assert rules._fetched(SimpleNamespace(lines=[line]), m)  # type: ignore[arg-type]
        other = SimpleNamespace(line=0, column=at - 10)
        assert not rules._fetched(SimpleNamespace(lines=["x" * 300]), other)  # type: ignore[arg-type]
    assert _MeteredSegment.read <= len(line)
