"""perf29: the audit's cost on calls written as real code writes them (a wrapper function per
call that parses the answer, tests its status and reads its fields), counted in steps, never
seconds; the findings of each shape stay what they were."""

from __future__ import annotations

from akool_cli.audit import rules, sites
from akool_cli.audit.scan import audit_text
from tests.support.benchfile import counted, ordinary_file

LIPSYNC = "https://openapi.akool.com/api/open/v3/content/video/lipsync"


def test_a_function_returning_its_answer_is_followed_past_other_functions_in_few_steps() -> None:
    """Each `def f<n>` returns its call's answer, so its name holds the answer for the calls of
    it below (WINDOW lines); the walk stopped on every later function's `def` and `return` to
    look for reads (about 35 lines a call): now only where the name is written."""
    for calls in (100, 400):
        with counted(rules, "_later_reads") as steps:
            assert audit_text(ordinary_file("py-fn", calls), "sdk.py") == []
        assert steps[0] <= 10 * calls, steps[0]  # (was ~35 a call)


def test_a_read_of_a_returned_answer_below_other_functions_is_still_judged() -> None:
    text = (
        "import requests\n\n"
        "def talk(v, a):\n"
        f'    return requests.post("{LIPSYNC}", json={{"video_url": v, "audio_url": a}}).json()\n\n'
        "def same(x) -> dict:\n    return x\n\n"
        "def other(v, a):\n"
        f'    j = requests.post("{LIPSYNC}", json={{"video_url": v, "audio_url": a}}).json()\n'
        '    return j["data"]["_id"]\n\n'
        "def main():\n"
        "    res = talk(1, 2)\n"
        '    print(res["data"]["videoo_url"])\n'
    )
    found = [(f.line, f.rule) for f in audit_text(text, "sdk.py")]
    assert found == [(15, "answer-field")], found


def test_names_bound_to_calls_compile_no_pattern_each() -> None:
    """`r<n> = requests.post("https://openapi.akool.com/...", json=...).json()` a line: each
    name bound to an AKOOL URL's call was compiled a `\\bname\\b` pattern to look for it in
    every line (1,000 compiles in 1,000 calls); a name of one word is looked up among the line's
    words."""
    line = (
        'r{n} = requests.post("' + LIPSYNC + '", json={{"video_url": v, "audio_url": a}}).json()\n'
    )
    for calls in (100, 400):
        text = "import requests\n" + "".join(line.format(n=n) for n in range(calls))
        with counted(sites, "_as_word") as compiled:
            assert audit_text(text, "calls.py") == []
        assert compiled[0] <= 5, compiled[0]


def test_a_line_naming_a_seen_name_as_a_whole_word_only() -> None:
    seen = sites.NamesSeen(["base", "api_url", "cfg.host", "$root"])
    assert seen.search("x = base + '/v3'")
    assert seen.search("requests.get(api_url)")
    assert seen.search("u = cfg.host")
    assert not seen.search("database = 1; my_api_url = 2; base_url = 3; cfg.hosts = 4")
    many = sites.NamesSeen([f"r{n}" for n in range(20)])
    assert many.search("j = r17.json()")
    assert not many.search("j = r170.json(); r1x = 2")
