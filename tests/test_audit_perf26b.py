"""perf26b: the audit's speed on the request and site side, counted (calls, steps, never seconds):
a line's words are read for another server's name only when it reads the environment; a name's
reference and a path's patterns are worked out without re's cache per call; a binding's name is
taken whole by fields.ASSIGNED (the same matches as before)."""

from __future__ import annotations

import random
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from akool_cli.audit import fields, methods, sites
from akool_cli.audit.scan import audit_text

# bench's shape (bench/run.py's write_audit_file): a body, a call bound to a name and read, then
# four calls that bind nothing, in a row, at the top level.
BENCH_SHAPE = (
    'body{n} = {{"talking_photo_url": "u", "audio_url": "a", "resolution": "720p"}}\n'
    'r{n} = requests.post(f"{{BASE}}/content/video/createbytalkingphoto", json=body{n})\n'
    'job{n} = r{n}.json()["data"]["task_id"]\n'
    'requests.get(BASE + "/content/video/infobymodelid", params={{"video_model_id": job}})\n'
    'requests.post("https://api.akool.com/photo/talking", json={{"image_url": "u"}})\n'
    'requests.post(f"{{BASE}}/content/image/createbyprompt", json={{"prompt": "p", "size": "1:1"}})\n'
    'requests.get("%s/content/video/result/%s" % (BASE, job))\n'
)
HEAD = 'import requests\nBASE = "https://openapi.akool.com/api/open/v3"\n'


def _bench_file(groups: int) -> str:
    return HEAD + "".join(BENCH_SHAPE.format(n=5 * k) for k in range(groups))


@contextmanager
def _counted(owner: Any, name: str) -> Iterator[list[int]]:
    """Count the calls of owner.name while the block runs."""
    count = [0]
    original = getattr(owner, name)

    def counting(*args: Any, **kwargs: Any) -> Any:
        count[0] += 1
        return original(*args, **kwargs)

    setattr(owner, name, counting)
    try:
        yield count
    finally:
        setattr(owner, name, original)


def test_a_lines_words_are_read_for_another_server_only_when_it_reads_the_environment() -> None:
    # sites.definitions read every line's words (names_elsewhere) to say whether it names a
    # webhook's or another vendor's URL, used only on a line that also reads the environment.
    text = _bench_file(40)
    with _counted(sites, "names_elsewhere") as asked:
        audit_text(text, "calls.py")
    assert asked[0] < 10, asked  # (main: 282, one a line)
    env = 'HOOK = os.getenv("MY_WEBHOOK_URL")\nrequests.post(HOOK + "/content/video/x")\n'
    with _counted(sites, "names_elsewhere") as asked:
        audit_text("import os, requests\n" + env, "hook.py")
    assert asked[0] >= 1  # (a line reading the environment still is)


def test_a_per_call_pattern_of_the_site_side_is_compiled_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # `re.match(r"...", ref)` in a function asks re's cache for the pattern at each call: about
    # 40,000 times in bench's file (sites._name_of, _words, _definitions_on, _literal_base, ...).
    owned = {"sites.py", "fields.py", "calls.py", "methods.py", "datapaths.py", "rules.py"}
    asked = [0]
    original = re._compile  # type: ignore[attr-defined]

    def counting(pattern: Any, flags: Any) -> Any:
        caller = sys._getframe(2).f_code
        if isinstance(pattern, str) and caller.co_filename.rsplit("/", 1)[-1] in owned:
            asked[0] += 1
        return original(pattern, flags)

    monkeypatch.setattr(re, "_compile", counting)
    audit_text(_bench_file(40), "calls.py")
    assert asked[0] < 20, asked  # (main: 1,530)


# fields.ASSIGNED as it was before its names were taken whole (perf26b): the same matches.
OLD_ASSIGNED = re.compile(
    r"(?=[A-Za-z_])(?<!\w)(?:(?<![.$])|(?<=\$)|(?<=self\.)|(?<=this\.))"
    r"(?:(?P<n>[A-Za-z_]\w*)(?:[ \t]*,[ \t]*[A-Za-z_]\w*){1,6}[ \t]*(?::=|=(?![=>]))"
    r"|(?P<n2>[A-Za-z_]\w*)(?=(?P<sp>[ \t]*))(?P=sp)"
    r"(?::(?:(?=(?P<tl>[ \t]*))(?P=tl)(?:\[\w+:[ \t]*\w+\]|[\w<>\[\], .|?\"'])*?"
    r"(?:\[\w+:[ \t]*\w+\]|[\w<>\[\],.|?\"'])|\t*[ ]))?[ \t]*"
    r"(?::=|\?\?=|=(?![=>])))[ \t]*"
)
PIECES = [
    "a", "bc", "x1", "_y", "self.", "this.", "$", ".", " ", "\t", "\n", ",", ":", "=", "==",
    "=>", "?", "??=", ":=", "[", "]", "<", ">", "|", '"', "'", "(", ")", "{", "}", "é", "ü1",
    "str", "Dict[str, Any]", "[String: Any]", "let ", "var ",
]  # fmt: skip


@pytest.mark.parametrize("seed", range(4))
def test_a_bindings_name_taken_whole_finds_the_same_bindings(seed: int) -> None:
    # A name given back a letter at a time was tried again at each: what follows a name in
    # ASSIGNED is never a word character, so taking it whole finds the same matches.
    rng = random.Random(seed)
    for _ in range(1500):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 40)))
        old = [(m.span(), m.group("n"), m.group("n2")) for m in OLD_ASSIGNED.finditer(text)]
        new = [(m.span(), m.group("n"), m.group("n2")) for m in fields.ASSIGNED.finditer(text)]
        assert new == old, text


def _old_uses(lines: list[str], name: str) -> list[tuple[int, int, int, bool]]:
    """sites._uses as it was (one pattern tried at every place of each line), no rebinding."""
    use = re.compile(
        rf"(?:(?<![\w.$>@])|(?<=\bthis\.)|(?<=\bself\.)|(?<=\$this->)|(?<=@))\$?\{{?"
        rf"(?P<n>{re.escape(name)})\b(?!\s*[:=][^=])"
    )
    return [
        (at, m.start("n"), m.end("n"), bool(sites.EXTENDED.match(text, m.end())))
        for at, text in enumerate(lines)
        for m in use.finditer(text)
    ]


USE_PIECES = [
    "BASE", "BASE2", "xBASE", "base", "b", "_", "$", "{", "}", "${", "@", ".", "this.", "self.",
    "$this->", "athis.", ">", " ", "/", "+", '"', ":", "=", "==", "é", "1", "(", ",",
]  # fmt: skip


@pytest.mark.parametrize("seed", range(4))
def test_a_names_uses_found_from_its_text_are_the_uses_of_the_old_pattern(seed: int) -> None:
    # sites._uses tried a pattern with lookbehinds at every place of each line holding the name
    # (bench: BASE in 4,000 lines); it finds the name's text first now, then what stands
    # before it. The lines holding a name as a word are found from its text too.
    rng = random.Random(seed)
    for name in ("BASE", "b", "_"):
        lines = [
            "".join(rng.choice(USE_PIECES) for _ in range(rng.randint(0, 12))) for _ in range(400)
        ]
        words = [i for i, text in enumerate(lines) if name in re.findall(r"\w+", text)]
        assert sites._lines_holding(lines, {name})[name] == words
        bindings = sites.Bindings(["x = 1"] * len(lines))
        every = list(range(len(lines)))
        assert sites._uses(lines, name, -1, every, bindings) == _old_uses(lines, name)


def test_a_name_used_in_every_line_is_looked_for_by_its_text() -> None:
    # Counted: the lines whose words are all read (WORD.findall) to find a few names' lines.
    text = _bench_file(40)
    with _counted(sites.WORD, "findall") as read:
        audit_text(text, "calls.py")
    assert read[0] < 10, read  # (main: one a line, 283)


def test_a_paths_method_is_worked_out_once() -> None:
    # The method rule and the missing-query rule each asked methods.sent_method of the same
    # path (bench: 1,000 GETs asked twice); it is kept per path of the file now.
    asked: list[int] = []
    original = methods.sent_method

    def recording(doc: fields.Text, offset: int) -> Any:
        asked.append(offset)
        return original(doc, offset)

    methods.sent_method = recording
    try:
        with _counted(methods, "_sent_method") as worked:
            audit_text(_bench_file(40), "calls.py")
    finally:
        methods.sent_method = original
    assert len(asked) > len(set(asked))  # (some asked twice)
    assert worked[0] == len(set(asked)), (worked[0], len(set(asked)))


def test_a_names_place_is_looked_at_only_for_the_words_the_call_holds() -> None:
    # fields._passed_names searched each passed name's left for `as`/`satisfies` (a type) and
    # for `?` (a query's text) in every call; only a call holding those words is searched now.
    with (
        _counted(fields.TYPE_PLACE, "search") as typed,
        _counted(fields.QUERY_PLACE, "search") as queried,
    ):
        audit_text(_bench_file(40), "calls.py")
    assert typed[0] == 0 and queried[0] == 0, (typed, queried)  # (main: 320 and 280)
    text = 'import requests\nq = "a=1"\nrequests.get(f"{BASE}/content/video/infobymodelid?{q}")\n'
    with _counted(fields.QUERY_PLACE, "search") as queried:
        audit_text('BASE = "https://openapi.akool.com/api/open/v3"\n' + text, "q.py")
    assert queried[0] >= 1


def test_a_files_string_literals_are_read_only_for_a_key_without_quotes() -> None:
    # fields._events read every string literal of the file (a pass over the whole text) to tell
    # whether a key without quotes lies in one; bench's keys are all quoted.
    with _counted(fields, "_string_spans") as read:
        audit_text(_bench_file(40), "calls.py")
    assert read[0] == 0  # (main: 1 a file)
    js = "fetch(`${BASE}/content/video/createbytalkingphoto`, { body: JSON.stringify({ a: 1 }) })\n"
    with _counted(fields, "_string_spans") as read:
        audit_text('const BASE = "https://openapi.akool.com/api/open/v3";\n' + js, "a.js")
    assert read[0] >= 1


def test_a_parenthesis_is_tried_as_a_maps_only_after_a_maps_name() -> None:
    # CONTAINER_OPENERS was searched before each `(` of the file (bench: 15,000); only after the
    # last two letters of one of its names now.
    with _counted(fields.CONTAINER_OPENERS, "search") as tried:
        audit_text(_bench_file(40), "calls.py")
    assert tried[0] == 0, tried  # (main: 280)


OPENER_PIECES = ["mapOf", "hashMapOf", "mutableMapOf", "Map.of", "dict", "array", "JSONObject"]
OPENER_PIECES += ["(", ")", "x", "O", "f", "c", "t", "a", "y", " ", ".", "_", "1", "\n"]


@pytest.mark.parametrize("seed", range(3))
def test_a_maps_names_all_end_in_an_opener_ending(seed: int) -> None:
    # Guard for fields.OPENER_ENDINGS: every text CONTAINER_OPENERS finds before a `(` ends in one.
    rng = random.Random(seed)
    for _ in range(3000):
        text = "".join(rng.choice(OPENER_PIECES) for _ in range(rng.randint(1, 8))) + "("
        if fields.CONTAINER_OPENERS.search(text[-21:]):
            assert text[-3:-1] in fields.OPENER_ENDINGS, text


def test_a_lines_bindings_are_looked_for_only_with_their_words() -> None:
    # sites._definitions_on tried each binding pattern on every line that names AKOOL or a known
    # base (bench: 6,000 lines); a pattern is tried now only on a line holding its words.
    patterns = [sites.DEFINE_CALL, sites.INLINE_FIELD, sites.PROMOTED, sites.ATTRIBUTE_SET]
    counts = []
    for pattern in patterns:
        method = "search" if pattern is sites.DEFINE_CALL else "finditer"
        with _counted(pattern, method) as tried:
            audit_text(_bench_file(40), "calls.py")
        counts.append(tried[0])
    # (main: 241, 241, 201, 241; INLINE_FIELD's words are in bench's BASE: only the lines
    # without BASE nor `api` are passed)
    assert counts[0] == counts[2] == counts[3] == 0 and counts[1] < 205, counts


BINDING_PIECES = [
    "define(", "'K'", ", ", "\"key\": \"k\", \"value\": 1", "{", ";", "this.", "self.", "$this->",
    "base", "BASE", "Host", "api", "endPoint", "server", "ROOT", "origin", "baſe", "ſerver",
    "public ", "private ", "protected ", "readonly ", "$", "x", "_url", " = ", "=", ": ",
    "\"https://a.b/v3\"", "'/api'", "(", ")", ",", "}", " ",
]  # fmt: skip


@pytest.mark.parametrize("seed", range(3))
def test_a_bindings_words_are_in_every_line_its_pattern_finds(seed: int) -> None:
    # Guard for the words each pattern is tried with (see the test above).
    rng = random.Random(seed)
    for _ in range(3000):
        line = "".join(rng.choice(BINDING_PIECES) for _ in range(rng.randint(1, 10)))
        if sites.DEFINE_CALL.search(line):
            assert "define" in line or "key" in line, line
        if sites.INLINE_FIELD.search(line):
            assert sites._holds_field_word(line), line
        if sites.PROMOTED.search(line):
            assert any(w in line for w in sites.VISIBILITIES), line
        if sites.ATTRIBUTE_SET.search(line):
            assert "this" in line or "self" in line, line
