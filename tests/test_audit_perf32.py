"""perf32's tests: the audit's cost on files of many URLs, counted (keys looked at, characters
copied out of the file's text, never seconds): each shape's work at 4x the URLs stays near 4x
the work, so a per-URL pass over the whole file or its enclosing object fails them."""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable, Iterator
from typing import Any, ClassVar, SupportsIndex
from unittest import mock

import pytest

from akool_cli.audit import datapaths, fields, rules
from akool_cli.audit.scan import audit_text
from tests.support.benchfile import bench_file, counted

URL = "https://openapi.akool.com/api/open/v3/content/video/infobymodelid?video_model_id="


class _Keys(list[Any]):
    """A container's keys that count each one looked at."""

    seen: ClassVar[list[int]] = [0]

    def __iter__(self) -> Iterator[Any]:
        for key in super().__iter__():
            self.seen[0] += 1
            yield key


class _Text(str):
    """A file's text that counts the characters each slice of it copies."""

    copied: ClassVar[list[int]] = [0]

    def __getitem__(self, at: SupportsIndex | slice) -> str:
        got = str.__getitem__(self, at)
        self.copied[0] += len(got)
        return got


def _work(text: str, name: str) -> tuple[int, int, list[str]]:
    """The keys looked at and the characters copied by the audit of a file, and its rules."""
    original: Callable[..., fields.Text] = fields.read
    _Keys.seen[0] = _Text.copied[0] = 0

    def counting_read(*args: Any, **kwargs: Any) -> fields.Text:
        doc = original(*args, **kwargs)
        doc.text = _Text(doc.text)
        for c in doc.containers:
            c.keys = _Keys(c.keys)
        return doc

    with mock.patch.object(fields, "read", counting_read):
        found = [f.rule for f in audit_text(text, name)]
    return _Keys.seen[0], _Text.copied[0], found


def _grows_linearly(make: Callable[[int], str], name: str, count: int = 100) -> list[str]:
    """The rules found in the small file, after checking that 4x the entries cost at most 5x the
    keys looked at and the characters copied (a quadratic shape costs 16x)."""
    small_keys, small_copied, found = _work(make(count), name)
    large_keys, large_copied, _ = _work(make(4 * count), name)
    assert large_keys <= 5 * max(small_keys, count), (small_keys, large_keys)
    assert large_copied <= 5 * max(small_copied, count), (small_copied, large_copied)
    return found


# -- json-data-file-many-akool-urls-quadratic ----------------------------------------------------


def _jobs(count: int) -> str:
    """A batch script's export: job ids to their AKOOL result URLs, one a line."""
    jobs = {f"job{i:05d}": f"{URL}65{i:022d}" for i in range(count)}
    return json.dumps({"exported": "2026-12-01", "jobs": jobs}, indent=2)


def test_a_json_data_file_of_many_urls_looks_at_its_objects_keys_once() -> None:
    # (main: the 2,000 keys around each URL gathered three times per URL: 4x the URLs, 16x)
    assert _grows_linearly(_jobs, "jobs.json") == []


def _js_urls(count: int) -> str:
    """A JavaScript module's object literal of job ids to their AKOOL result URLs."""
    entries = "".join(f"  job{i}: '{URL}{i}',\n" for i in range(count))
    return f"const URLS = {{\n{entries}}};\nmodule.exports = URLS;\n"


def test_a_js_object_of_many_urls_looks_at_its_keys_once() -> None:
    assert _grows_linearly(_js_urls, "urls.js") == []


def _postman(count: int) -> str:
    """A Postman collection of `count` requests, each with its url.query array."""
    items = [
        {
            "name": f"job {i}",
            "request": {
                "method": "GET",
                "url": {
                    "raw": f"{URL}{i}",
                    "host": ["openapi", "akool", "com"],
                    "query": [{"key": "video_model_id", "value": str(i)}],
                },
            },
        }
        for i in range(count)
    ]
    return json.dumps({"info": {"name": "jobs"}, "item": items}, indent=2)


def test_a_postman_collections_query_arrays_copy_no_rest_of_the_file() -> None:
    # (main: the rest of the file copied twice per request to find its query array)
    assert _grows_linearly(_postman, "jobs.postman_collection.json") == []


# -- a Ruby file of many `x.get(` calls: Faraday's binding searched once per name -----------------


def _faraday_calls(count: int) -> str:
    """A Ruby script of `count` GETs through a Faraday connection, each given its query."""
    calls = "".join(
        f"r{i} = conn.get('/api/open/v3/content/video/infobymodelid', video_model_id: 'm{i}')\n"
        for i in range(count)
    )
    return f"require 'faraday'\nconn = Faraday.new(url: 'https://openapi.akool.com')\n{calls}"


def test_a_ruby_files_faraday_calls_search_the_text_for_its_binding_once() -> None:
    # (main: the text before each call copied and searched for `conn = Faraday.new`)
    assert _grows_linearly(_faraday_calls, "jobs.rb") == []


def test_a_faraday_calls_query_is_still_read_only_after_its_binding() -> None:
    wrong = "conn.get('/api/open/v3/content/video/infobymodelid', video_model: 'm')\n"
    bound = "conn = Faraday.new(url: 'https://openapi.akool.com')\n"
    assert [f.rule for f in audit_text(bound + wrong, "a.rb")] == ["misnamed-field"]
    assert [f.rule for f in audit_text(wrong + bound, "b.rb")] == []


# -- the bench's margin: each line of a file of calls fails _worth_reading's tests cheaply --------


def test_a_line_of_a_call_is_not_searched_word_by_word_for_a_cue() -> None:
    # (main: every word of every line searched, CALLED_WORD tried at each word's start)
    text = bench_file(20)
    with (
        counted(datapaths.CALLED_WORD, "findall") as forwards,
        counted(datapaths.TWO_WORDS, "search") as pairs,
    ):
        audit_text(text, "bench.py")
    assert forwards == [0] and pairs == [0]


def _worth_reading_as_before(line: str) -> bool:
    """datapaths._worth_reading as it was written: each test in its forward form."""
    if any(op in line for op in datapaths.OPERATORS):
        return True
    if datapaths.ECHO.match(line) or datapaths.KEYED_PATH.search(line):
        return True
    words = datapaths.CALLED_WORD.findall(line) if "(" in line else []
    if any(w in datapaths.CUE_WORDS or w.endswith(datapaths.CUE_ENDINGS) for w in words):
        return True
    lowered = line.lower()
    if any(w in lowered for w in datapaths.SQL_WORDS):
        return True
    return datapaths.TWO_WORDS.search(line) is not None


@pytest.mark.parametrize("seed", range(3))
def test_a_line_is_worth_reading_as_before(seed: int) -> None:
    pieces = ["print", "x", "ab", "é", "1", " ", "\t", "(", ")", ".", "_", "Error", "ValueError"]
    pieces += ["sel", "ect ", "SELECT ", "==", "->", " in ", "[[", "'/a", '"', "startsWith", "ſ"]
    rng = random.Random(seed)
    for _ in range(4000):
        line = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert datapaths._worth_reading(line) is _worth_reading_as_before(line), line


# -- fields.read's whole-text scans: each position that starts no key or word is passed at once ---

OLD_KEY = (
    r"(?P<q>\\?[\"'])(?P<name>[A-Za-z_][\w-]*)(?P=q)\s*(?::(?!:)|=>|\bto\b)"
    r"|(?:^|(?<=[{,\s(]))(?P<bare>[A-Za-z_]\w*)\??\s*:(?![:=/])"
    r"|(?:put|set|add|append|field|addFormDataPart)\(\s*(?P<q2>[\"'])(?P<name2>[A-Za-z_][\w-]*)(?P=q2)\s*,"
)
OLD_WORD = r"(?<![\w\"'])[A-Za-z_]\w*\b(?!\s*(?::=|:(?!:)|=(?![=>])))"


def test_the_key_and_word_scans_look_at_a_places_first_character_first() -> None:
    # (main: every alternative of KEY, and WORD's lookbehind, tried at every character of a file)
    assert fields.KEY.pattern.startswith("(?=[")
    assert fields.WORD.pattern.startswith("[A-Za-z_]")


@pytest.mark.parametrize("seed", range(3))
def test_keys_and_words_are_found_as_before(seed: int) -> None:
    pieces = ['"', "'", "\\", "a", "B_", "1", ":", "::", "=>", " to ", "put(", "(", "{", ","]
    pieces += [" ", "\n", "é", "x:=", "=", "==", "?", "/", "add(", "'k'"]
    old_key, old_word = re.compile(OLD_KEY), re.compile(OLD_WORD)
    rng = random.Random(seed)
    for _ in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        found = [(m.span(), m.groups()) for m in fields.KEY.finditer(text)]
        assert found == [(m.span(), m.groups()) for m in old_key.finditer(text)], text
        assert fields.WORD.findall(text) == old_word.findall(text), text


# -- rules._candidate: whether a path's literal is a list's element, read back from its quote ------


def test_a_paths_literal_is_not_searched_for_from_each_bracket_before_it() -> None:
    # (main: ELEMENT_START searched the 400 characters before each path from each `[`, `(`, `,`)
    with counted(rules.ELEMENT_START, "search") as searched:
        found = audit_text(bench_file(20), "bench.py")
    assert searched == [0] and found


@pytest.mark.parametrize("seed", range(3))
def test_a_literal_is_a_lists_element_as_before(seed: int) -> None:
    pieces = ["[", "(", ",", " ", "\n", "a", "x.y", "+", "f", "$", "@", '"', "'", "`", "/p", ")"]
    rng = random.Random(seed)
    for _ in range(4000):
        before = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        as_before = rules.ELEMENT_START.search(before) is not None
        assert rules._element_literal(before) is as_before, before
