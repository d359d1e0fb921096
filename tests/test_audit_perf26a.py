"""perf26a: the answer side's speed, counted (calls and lines run, never seconds): a call whose
answer nothing holds is not stepped through line by line; an earlier branch, a promise chain, a
jQuery call, a client's interceptor and a bundler's marks are looked for once per file, not once
per call."""

from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Any

from akool_cli.audit import answers, branches, receivers, rules, scopes, ties
from akool_cli.audit.scan import audit_text
from tests.support.benchfile import bench_file, counted

CORPUS = Path(__file__).parent / "audit_corpus"


class _CountingPattern:
    """A pattern whose match and search calls are counted."""

    def __init__(self, pattern: Any) -> None:
        self.pattern, self.count = pattern, 0

    def match(self, *args: Any) -> Any:
        self.count += 1
        return self.pattern.match(*args)

    def search(self, *args: Any) -> Any:
        self.count += 1
        return self.pattern.search(*args)

    def finditer(self, *args: Any) -> Any:
        self.count += 1
        return self.pattern.finditer(*args)


def test_a_call_whose_answer_nothing_holds_is_not_stepped_through() -> None:
    # Four of bench's five calls bind nothing: their walk reads the next line for a nameless
    # read, but an empty scope stays empty on it (only a `resolve(` may fill it), so the line's
    # loops, shadows and bindings are not worked out for that call (main: 5 a group).
    groups = 100
    with counted(ties, "_loops_and_shadows") as stepped:
        audit_text(bench_file(groups), "calls.py")
    assert stepped[0] <= 2 * groups, stepped[0]


def _token_file(settle: str) -> str:
    """A Promise around a call whose statement binds nothing, settled on line 7 with `settle`."""
    return (
        'const https = require("https");\n'
        "function getToken() {\n"
        "  return new Promise((resolve, reject) => {\n"
        '    https.request({ hostname: "openapi.akool.com", path: "/api/open/v3/getToken", '
        'method: "POST" }, (res) => {\n'
        '      let body = "";\n'
        '      res.on("data", (c) => (body += c));\n'
        f"      {settle}\n"
        '    }).end(JSON.stringify({ clientId: "a", clientSecret: "b" }));\n'
        "  });\n"
        "}\n"
        "async function main() {\n"
        "  const response = await getToken();\n"
        "  console.log(response.data.token);\n"
        "}\n"
    )


SETTLES = [
    'res.on("end", () => resolve(JSON.parse(body)));',
    "const settled = resolve(JSON.parse(body));",  # (a binding: the walk does not settle it)
    "resolved = JSON.parse(body);",
    'res.on("end", () => { resolve(JSON.parse(body)); });',
]


def test_an_empty_scope_is_passed_as_a_step_through_passes_it(monkeypatch: Any) -> None:
    # The one step an empty scope may take is a Promise settled with the answer (`resolve(`):
    # with the fast path (an empty scope's line not stepped through) and without it, the same.
    for settle in SETTLES:
        text = _token_file(settle)
        fast = [(f.line, f.rule, f.found) for f in audit_text(text, "token.js")]
        with monkeypatch.context() as m:
            m.setattr(ties.Scope, "holds_nothing", lambda self: False)
            slow = [(f.line, f.rule, f.found) for f in audit_text(text, "token.js")]
        assert fast == slow, settle
    found = audit_text(_token_file(SETTLES[0]), "token.js")
    assert [(f.line, f.found) for f in found if f.rule == "response-field"] == [(13, "token")]


def test_an_earlier_branch_is_looked_for_once_per_file() -> None:
    # A call bound to a name looked up to ties.BRANCH_LINES lines above it for an `else:` (or
    # `except`, `} else {`) whose branch binds the same name: each line was matched again for
    # each call (bench: 30 lines for each bound call); the branches are indexed once a file.
    groups = 100
    text = bench_file(groups)
    counting = _CountingPattern(ties.ELSE)
    original, ties.ELSE = ties.ELSE, counting  # type: ignore[assignment]
    try:
        audit_text(text, "calls.py")
    finally:
        ties.ELSE = original
    assert counting.count == 0, counting.count  # (no line holds any branch's word)


def test_the_branches_near_a_line_are_those_the_walk_up_finds() -> None:
    rng = random.Random(7)
    pieces = ["x = 1", "else:", "  else:", "} else {", "elif a:", "except E:", "catch (e) {"]
    pieces += ["elsewhere = 1", "r = get(u)", "  rescue", "    y = r.json()", "", "elsif b"]
    for _ in range(200):
        lines = [rng.choice(pieces) for _ in range(rng.randint(0, 80))]
        facts = ties.Lines(lines, False)
        for i in range(len(lines)):
            near = range(i, max(i - ties.BRANCH_LINES, -1), -1)
            expected = any(ties.ELSE.match(lines[p]) for p in near)
            assert facts.branches_near(i) == expected, (lines, i)


def test_a_files_chains_jquery_and_interceptors_are_looked_for_once() -> None:
    # Each call's set-up looked for a jQuery call on its line and the three above, and for the
    # callee an interceptor may unwrap, in a file with neither (main: 4 and 1 a call).
    groups = 100
    text = bench_file(groups)
    with counted(ties, "_jquery_line") as jquery, counted(ties, "_callee") as callee:
        audit_text(text, "calls.py")
    assert jquery[0] == 0, jquery[0]
    assert callee[0] <= 2 * groups, callee[0]  # (bound calls' rebinding still asks)


def test_a_file_without_a_bundlers_words_is_not_searched_for_its_marks() -> None:
    counting = _CountingPattern(rules.BUNDLE_MARK)
    original, rules.BUNDLE_MARK = rules.BUNDLE_MARK, counting  # type: ignore[assignment]
    try:
        assert not rules._bundled(bench_file(20).splitlines())
        assert rules._bundled(["var a = 1;", "self.webpackChunk_N_E = []"])
    finally:
        rules.BUNDLE_MARK = original
    assert counting.count == 1, counting.count


def test_every_bundle_mark_holds_a_bundlers_word() -> None:
    for mark in re.findall(r"[\w$]+", rules.BUNDLE_MARK.pattern.replace("\\b", "")):
        assert any(w in mark for w in rules.BUNDLE_WORDS), mark


def test_every_branch_and_chain_word_is_in_its_pattern() -> None:
    # (the words the prefilters look for are those the patterns need)
    for word in ties.ELSE_WORDS:
        assert ties.ELSE.match(f"{word} x") is not None or ties.ELSE.match(word) is not None
    assert ties.ELSE.match("elsewhere = 1") is None
    for hint in ties.JQUERY_WORDS:
        assert ties._jquery_line(f"{hint}ajax(") is True


def test_a_json_argument_is_not_searched_for_top_level_reads() -> None:
    # `requests.post(u, json=body)` holds TOP_READ's word but no read: every request line of
    # bench was searched (main: 4 of its 7 lines a group); only a `.json()[...]` line now.
    groups = 50
    counting = _CountingPattern(answers.TOP_READ)
    original, answers.TOP_READ = answers.TOP_READ, counting  # type: ignore[assignment]
    try:
        audit_text(bench_file(groups), "calls.py")
    finally:
        answers.TOP_READ = original
    assert counting.count <= groups + 1, counting.count


def test_every_top_level_read_passes_its_prefilter() -> None:
    rng = random.Random(3)
    pieces = ["json", "answer", ".json()", "resp_json", " ", "  ", ".", "?.", "!.", "->", "[", '"']
    pieces += ["'", "x", "data", "=", "(", ")", ".get(", "jq", " -r ", "\u00a0", "\t", "status"]
    pieces += ["-m ", "\n"]
    for _ in range(20000):
        line = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        if answers.TOP_READ.search(line) is not None:
            assert answers.may_read_top(line), line
    assert not answers.may_read_top('requests.post(u, json={"a": 1})')
    assert answers.may_read_top("r.json() ['x']") and answers.may_read_top("answer ?.x")


def test_a_line_without_a_functions_or_a_loud_word_is_not_searched() -> None:
    # Each line's start of a function (ties.FUNCTION_START) and its loud marks (ties.LOUD) are
    # worked out once per file: a line without any of their words is not searched (bench: none).
    starts, loud = _CountingPattern(ties.FUNCTION_START), _CountingPattern(ties.LOUD)
    originals = ties.FUNCTION_START, ties.LOUD
    ties.FUNCTION_START, ties.LOUD = starts, loud  # type: ignore[assignment]
    try:
        audit_text(bench_file(50), "calls.py")
    finally:
        ties.FUNCTION_START, ties.LOUD = originals
    assert (starts.count, loud.count) == (0, 0), (starts.count, loud.count)


def test_every_function_start_and_loud_line_holds_a_word_of_its_prefilter() -> None:
    rng = random.Random(5)
    pieces = ["def ", "def", "function", "func ", "fun ", "@app.get", "=>", " {", "async ", "x"]
    pieces += ["export ", "default ", "private ", "suspend ", "(", ")", " ", "\t", "->", "&"]
    pieces += ["return", "resolve(", "=", "r", "\n"]
    for _ in range(20000):
        line = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        if ties.FUNCTION_START.search(line) is not None:
            assert any(w in line for w in ties.FUNCTION_WORDS), line
        if ties.LOUD.search(line) is not None:
            assert any(w in line for w in ties.LOUD_WORDS), line


def test_a_misread_fields_near_names_are_worked_out_once_per_endpoint() -> None:
    # A read the docs do not name is compared with each documented field of its endpoint (the
    # same letters, or one letter away): the fields were squashed again and each was tried one
    # letter away for each read; now they are indexed once per endpoint and level (by letters
    # and length), and only a name one letter longer, as long or shorter is tried.
    groups = 100
    with counted(rules, "_squash") as squashed, counted(rules, "_one_edit") as edits:
        audit_text(bench_file(groups), "calls.py")
    assert squashed[0] <= 25 * groups, squashed[0]  # (main: 38 a group)
    assert edits[0] <= 2 * groups, edits[0]


def test_the_line_above_a_call_is_read_for_a_functions_head_once_per_file() -> None:
    # A call's statement may start on a line above it unless that line opens a function:
    # opened_function read the line above each call anew (bench: 4 of each 5 calls); the
    # file's Scopes keep each line's function_def, read once a file.
    groups = 100
    text = bench_file(groups)
    lines = text.count("\n")
    with counted(ties, "function_def") as read, counted(scopes, "function_def") as scoped:
        audit_text(text, "calls.py")
    assert read[0] <= groups // 10, read[0]
    assert scoped[0] <= lines + 50, (scoped[0], lines)


POLLER = (
    "import requests\n"
    'BASE = "https://openapi.akool.com/api/open/v3"\n'
    "def make(p, a):\n"
    '    r = requests.post(f"{BASE}/content/video/createbytalkingphoto", '
    'json={"talking_photo_url": p, "audio_url": a})\n'
    '    return r.json()["data"]["_id"]\n'
    "def wait(job):\n"
    "    while True:\n"
    '        s = requests.get(f"{BASE}/content/video/infobymodelid", '
    'params={"video_model_id": job}).json()\n'
    '        if s["data"]["video_status"] == 3:\n'
    '            return s["data"]["video"]\n'
    '        if s["data"]["video_status"] == 5:\n'
    '            raise RuntimeError(s["data"]["status_msg"])\n'
)


def test_a_calls_answer_reads_are_walked_once_for_every_rule_that_asks() -> None:
    # The answer rules and the status rule (tied_reads) each walked every call's answer: a
    # poller's file (a status read) walked each call twice; now once a file.
    text = POLLER * 20
    calls = text.count("requests.")
    with counted(rules, "_call_reads") as walked:
        found = audit_text(text, "poll.py")
    assert walked[0] <= calls, (walked[0], calls)
    assert [f.rule for f in found if f.line == 9] == []  # (right reads: no finding)


def test_a_calls_arguments_are_placed_only_when_its_statement_reads_an_answer() -> None:
    # A read on the call's own statement is the call's unless it is inside the call's own
    # arguments or its URL's string: both spans were worked out for every call (bench: 5 a
    # group), though most statements read nothing there.
    groups = 100
    with (
        counted(rules, "_call_arguments") as spans,
        counted(rules, "_string_around") as strings,
    ):
        audit_text(bench_file(groups), "calls.py")
    assert spans[0] <= groups // 10 and strings[0] <= groups // 10, (spans[0], strings[0])


def test_a_read_in_a_calls_own_arguments_is_still_another_answers() -> None:
    text = (
        "import requests\n"
        'BASE = "https://openapi.akool.com/api/open/v3"\n'
        'r = requests.post(f"{BASE}/content/video/createbytalkingphoto", json={"a": 1})\n'
        'v = requests.get(f"{BASE}/content/video/infobymodelid", '
        'params={"video_model_id": r.json()["data"]["_id"]}).json()["data"]["video_url"]\n'
    )
    found = [(f.line, f.rule, f.found) for f in audit_text(text, "own.py")]
    assert (4, "response-field", "video_url") in found
    assert not [f for f in found if f[2] == "_id"]


def test_a_receivers_container_name_is_judged_once_per_name() -> None:
    # A `.get(`/`.post(` call's receiver is asked whether it is a container for each call made on
    # it (methods._call): by its name once (main: one CONTAINER_NAME search a call).
    groups = 100
    counting = _CountingPattern(receivers.CONTAINER_NAME)
    original, receivers.CONTAINER_NAME = receivers.CONTAINER_NAME, counting  # type: ignore[assignment]
    cached = getattr(receivers, "_container_name", None)  # (main has no such cache)
    try:
        if cached is not None:
            cached.cache_clear()
        audit_text(bench_file(groups), "calls.py")
    finally:
        receivers.CONTAINER_NAME = original
        if cached is not None:
            cached.cache_clear()
    assert counting.count <= 5, counting.count  # (main: 400 for 100 groups)


def test_a_receiver_is_found_where_a_search_from_each_place_finds_it() -> None:
    # RECEIVER tries a name from the start of its run only, and whole (an atomic group): the
    # leftmost match, and its name, are those of the plain pattern tried at each place in turn
    # (what a search did, quadratically in the text before the call).
    head = "(?<![A-Za-z_$])(?=(?P<name>[A-Za-z_$][\\w$]*))(?P=name)"
    assert receivers.RECEIVER.pattern.startswith(head)
    plain = re.compile("(?P<name>[A-Za-z_$][\\w$]*)" + receivers.RECEIVER.pattern[len(head) :])

    def by_places(text: str) -> tuple[int, int, str] | None:
        for at in range(len(text) + 1):
            m = plain.match(text, at)
            if m is not None:
                return m.start(), m.end(), m.group("name")
        return None

    rng = random.Random(11)
    pieces = ["a", "b9", "_", "$", "9", ".", "->", "::", "(", ")", " ", "\n", "<T>", "<", ">"]
    pieces += ["\u00e9", "get", "x.y", "\t", "Cache", "\u00e99", "(x)", "<a<b>>", "requests.post"]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        m = receivers.RECEIVER.search(text)
        found = (m.start(), m.end(), m.group("name")) if m is not None else None
        assert found == by_places(text), text


def test_the_written_out_word_tests_are_their_word_lists() -> None:
    # (the per-line prefilters are written out as `or` chains: each must hold its list's words)
    for words, holds in (
        (answers.READ_HINTS, answers.may_read),
        (ties.ELSE_WORDS, ties._else_word),
        (ties.FUNCTION_WORDS, ties._function_word),
        (ties.LOUD_WORDS, ties._loud_word),
    ):
        for word in words:
            assert holds(f"x {word} y"), word
        assert not holds("x = y")


def test_a_bound_value_without_if_or_a_question_mark_is_not_searched_for_a_choice() -> None:
    # branches._index reads each binding of the file once (on the first read judged again) and
    # searched every bound value for a conditional (`a if c else b`, `c ? a : b`); each match
    # holds `if` or `?` (bench: none does; main: 2 searches a group).
    groups = 50
    counting = _CountingPattern(branches.CONDITIONAL)
    original, branches.CONDITIONAL = branches.CONDITIONAL, counting  # type: ignore[assignment]
    try:
        audit_text(bench_file(groups), "calls.py")
    finally:
        branches.CONDITIONAL = original
    assert counting.count == 0, counting.count
    assert branches._conditional("a if c else b") and branches._conditional("c ? a : b")
    assert branches._conditional("if (c) a else b") and not branches._conditional("f(x)")
