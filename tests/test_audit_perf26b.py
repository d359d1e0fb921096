"""perf26b: the audit's speed on the request and site side, counted (calls, steps, never seconds):
a line's words are read for another server's name only when it reads the environment; a name's
reference and a path's patterns are worked out without re's cache per call; a binding's name is
taken whole by fields.ASSIGNED (the same matches as before)."""

from __future__ import annotations

import random
import re
import sys
from typing import Any

import pytest

from akool_cli.audit import calls, datapaths, fields, methods, paths, receivers, sites
from akool_cli.audit.scan import audit_text
from tests.support.benchfile import bench_file, counted


def test_a_lines_words_are_read_for_another_server_only_when_it_reads_the_environment() -> None:
    # sites.definitions read every line's words (names_elsewhere) to say whether it names a
    # webhook's or another vendor's URL, used only on a line that also reads the environment.
    text = bench_file(40)
    with counted(sites, "names_elsewhere") as asked:
        audit_text(text, "calls.py")
    assert asked[0] < 10, asked  # (main: 282, one a line)
    env = 'HOOK = os.getenv("MY_WEBHOOK_URL")\nrequests.post(HOOK + "/content/video/x")\n'
    with counted(sites, "names_elsewhere") as asked:
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
    audit_text(bench_file(40), "calls.py")
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
    text = bench_file(40)
    with counted(sites.WORD, "findall") as read:
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
        with counted(methods, "_sent_method") as worked:
            audit_text(bench_file(40), "calls.py")
    finally:
        methods.sent_method = original
    assert len(asked) > len(set(asked))  # (some asked twice)
    assert worked[0] == len(set(asked)), (worked[0], len(set(asked)))


def test_a_names_place_is_looked_at_only_for_the_words_the_call_holds() -> None:
    # fields._passed_names searched each passed name's left for `as`/`satisfies` (a type) and
    # for `?` (a query's text) in every call; only a call holding those words is searched now.
    with (
        counted(fields.TYPE_PLACE, "search") as typed,
        counted(fields.QUERY_PLACE, "search") as queried,
    ):
        audit_text(bench_file(40), "calls.py")
    assert typed[0] == 0 and queried[0] == 0, (typed, queried)  # (main: 320 and 280)
    text = 'import requests\nq = "a=1"\nrequests.get(f"{BASE}/content/video/infobymodelid?{q}")\n'
    with counted(fields.QUERY_PLACE, "search") as queried:
        audit_text('BASE = "https://openapi.akool.com/api/open/v3"\n' + text, "q.py")
    assert queried[0] >= 1


def test_a_files_string_literals_are_read_only_for_a_key_without_quotes() -> None:
    # fields._events read every string literal of the file (a pass over the whole text) to tell
    # whether a key without quotes lies in one; bench's keys are all quoted.
    with counted(fields, "_string_spans") as read:
        audit_text(bench_file(40), "calls.py")
    assert read[0] == 0  # (main: 1 a file)
    js = "fetch(`${BASE}/content/video/createbytalkingphoto`, { body: JSON.stringify({ a: 1 }) })\n"
    with counted(fields, "_string_spans") as read:
        audit_text('const BASE = "https://openapi.akool.com/api/open/v3";\n' + js, "a.js")
    assert read[0] >= 1


def test_a_parenthesis_is_tried_as_a_maps_only_after_a_maps_name() -> None:
    # CONTAINER_OPENERS was searched before each `(` of the file (bench: 15,000); only after the
    # last two letters of one of its names now.
    with counted(fields.CONTAINER_OPENERS, "search") as tried:
        audit_text(bench_file(40), "calls.py")
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
        with counted(pattern, method) as tried:
            audit_text(bench_file(40), "calls.py")
        counts.append(tried[0])
    # (main: 201, 201, 161, 201; INLINE_FIELD's words are in bench's BASE: only the lines
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


RECEIVER_PIECES = [
    "requests", "r0", "_x", "$s", "a1", "2fa", "é", ".", "->", "::", " ", "\n", "(", ")", "()",
    "(x, y)", "get", "post", "Async", "<T>", "<", ">", "=", '"', "[", "]", "self", "this.",
]  # fmt: skip


@pytest.mark.parametrize("seed", range(3))
def test_a_calls_receiver_is_the_one_receivers_finds(seed: int) -> None:
    # methods._receiver_name tries receivers.RECEIVER only where a name may start: tried from
    # each letter of each word of a call's opener (60 characters), a word was read again and
    # again (receiver_name was a third of sent_method's time). Guard: the same names.
    rng = random.Random(seed)
    for _ in range(4000):
        opener = "".join(rng.choice(RECEIVER_PIECES) for _ in range(rng.randint(1, 12)))
        assert methods._receiver_name(opener) == receivers.receiver_name(opener), opener


def test_a_receivers_kind_is_worked_out_once_per_name() -> None:
    # receivers.is_container (a search of the name, then of the file's bindings of it) was asked
    # for each call through a verb (bench: 4,000 times for the one name `requests`).
    with counted(receivers, "is_container") as asked:
        audit_text(bench_file(40), "calls.py")
    assert asked[0] <= 3, asked  # (main: 160)


STRUCTURE_PIECES = [
    "{", "}", "[", "]", "(", ")", '"k": ', "'q': ", "k: ", "x = ", ", ", "mapOf(", "dict(",
    "put(\"a\", ", "${", "#{", '"', "'", "\n", "1", "a", " to ",
]  # fmt: skip


def _structure_of(doc: fields.Text) -> Any:
    keys = [[(k.name, k.offset) for k in c.keys] for c in doc.containers]
    return [(c.start, c.end, c.parent, c.label) for c in doc.containers], keys, doc.parens


@pytest.mark.parametrize("seed", range(3))
def test_a_text_without_comments_is_structured_as_the_full_pass_does(seed: int) -> None:
    # Guard for fields._plain_structure: a text with no comment and no prose takes a pass that
    # does not look for them; the full pass (made to run by a remark past the text's end) reads
    # the same containers, keys and parentheses.
    rng = random.Random(seed)
    for _ in range(600):
        text = "".join(rng.choice(STRUCTURE_PIECES) for _ in range(rng.randint(1, 30)))
        plain = fields.Text(text, [0], [], True, "")
        fields._structure(plain, sites.Spans())
        full = fields.Text(text, [0], [], True, "")
        fields._structure(full, sites.Spans([(len(text) + 5, len(text) + 6)]))
        assert _structure_of(plain) == _structure_of(full), text


@pytest.mark.parametrize("seed", range(3))
def test_a_seen_name_is_found_where_its_word_pattern_finds_it(seed: int) -> None:
    # Guard for sites._as_word (NamesSeen's patterns, the name's text first): the same places
    # as `\bname\b` for any name, word characters at its ends or not.
    rng = random.Random(seed)
    names = ["BASE", "b", "this.base", "$base", "a.b", "x1", "_", "base_", "é"]
    pieces = [*names, "x", ".", "$", " ", "_", "1", "(", "é", "->"]
    for _ in range(3000):
        name = rng.choice(names)
        line = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        old = re.compile(r"\b" + re.escape(name) + r"\b")
        found = [m.span() for m in sites._as_word(name).finditer(line)]
        assert found == [m.span() for m in old.finditer(line)], (name, line)


@pytest.mark.parametrize("seed", range(3))
def test_a_lines_called_words_and_word_pairs_are_found_as_before(seed: int) -> None:
    # Guard for datapaths.CALLED_WORD and TWO_WORDS, their words taken whole.
    old_called = re.compile(r"\b(\w+)\s*\(")
    old_two = re.compile(r"(?<![A-Za-z])[A-Za-z]{2,}\s+[A-Za-z]{2,}")
    rng = random.Random(seed)
    pieces = ["print", "x", "ab", "é", "1", " ", "\t", "(", ")", ".", "_", "Error", "sel ect", "\n"]
    for _ in range(3000):
        line = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        assert datapaths.CALLED_WORD.findall(line) == old_called.findall(line), line
        old = old_two.search(line)
        new = datapaths.TWO_WORDS.search(line)
        assert (new and new.span()) == (old and old.span()), line


def test_a_lines_join_forms_are_looked_for_only_with_their_words() -> None:
    # sites._line_sites/_joins searched every line for /api/open/vN paths, join helpers and URL
    # builders; a line without their words is passed now.
    counts = []
    for pattern, method in [
        (sites.OPEN_API_PATH, "finditer"),
        (sites.JOIN_PATH_HINT, "search"),
        (sites.BUILDER_HINT, "search"),
    ]:
        with counted(pattern, method) as tried:
            audit_text(bench_file(40), "calls.py")
        counts.append(tried[0])
    assert max(counts) < 5, counts  # (main: 282 each, one a line)


@pytest.mark.parametrize("seed", range(3))
def test_a_join_forms_words_are_in_every_line_it_finds(seed: int) -> None:
    # Guard for the words above.
    pieces = ["api/open/v3/", "api/open/", "/x", '"', "url.JoinPath(", "'/'.join(", "implode(",
              ".join(", " `/", ".resolve(", "new Uri(", "URI.join(", "appendingPathComponent(",
              "addPathSegments(", "posixpath.join(", "a", "(", ",", " "]  # fmt: skip
    rng = random.Random(seed)
    for _ in range(3000):
        line = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 6)))
        if sites.OPEN_API_PATH.search(line):
            assert "api/open/v" in line, line
        if sites.JOIN_PATH_HINT.search(line):
            assert "oin" in line or "implode" in line, line
        if sites.BUILDER_HINT.search(line):
            assert any(w in line for w in sites.BUILDER_WORDS), line


def test_a_container_without_keys_is_not_read_for_a_body() -> None:
    # fields._collect read the label of each container in a call (an interpolation's `{BASE}`
    # too: bench's f-strings) to tell a body from a query; one with no key sends nothing.
    with counted(fields.QUERY_LABELS, "search") as read:
        audit_text(bench_file(40), "calls.py")
    assert read[0] <= 160, read  # (main: 240; the bodies with keys: 160)


@pytest.mark.parametrize("seed", range(3))
def test_a_line_without_a_binding_mark_binds_nothing(seed: int) -> None:
    # Guard for sites.BINDING_MARKS: _definitions_on passes a line holding none of them; every
    # line its patterns read a binding from holds one.
    pieces = ["base", " ", "<-", "<", "-", '"https://a.b/v3"', "define('X', 'y')", "@Value(",
              '"${a.b:c}")', " url", "(", ")", ",", "$", "this.", "{", ";", "x", "'k'", "key"]  # fmt: skip
    marks = sites.BINDING_MARKS
    rng = random.Random(seed)
    for _ in range(3000):
        line = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
        if not any(w in line for w in marks):
            assert not sites.DEFINITION.match(sites.DECLARATION_WORDS.sub("", line)), line
            assert not sites.DEFINE_CALL.search(line) and not sites.SPRING_VALUE.search(line), line
        for pattern in (sites.DEFINITION, sites.PARAMETER_DEFAULT, sites.PROMOTED):
            if pattern.search(line):
                assert any(w in line for w in marks), line


def test_a_mentions_verdict_and_endpoint_are_read_once() -> None:
    # The rules ask each mention's verdict and endpoint about 18 times (bench: 90,000 property
    # calls each); they are kept on the mention once read.
    mention = calls.Mention(1, 2, 3, "/x", paths.judge("/api/open/v3/content/video/x"), _site())
    assert mention.verdict == mention.judgement.verdict
    assert mention.endpoint is mention.judgement.endpoint
    assert {"verdict", "endpoint"} <= set(vars(mention))  # (main: properties, read each time)


def _site() -> sites.Site:
    return sites.Site(1, 2, 3, "/x", "/x", "openapi.akool.com")


def test_a_requests_keys_are_one_per_offset_in_offset_order() -> None:
    # Guard for fields._unique (a tuple at once; none or one key returned as it is).
    rng = random.Random(7)
    for _ in range(500):
        keys = [fields.Key(f"k{n}", rng.randint(0, 9), 0, 0) for n in range(rng.randint(0, 6))]
        expected, seen = [], set()
        for k in sorted(keys, key=lambda k: k.offset):
            if k.offset not in seen:
                seen.add(k.offset)
                expected.append(k)
        assert fields._unique(keys) == tuple(expected)
