"""perf29: the audit's cost on calls written as real code writes them (a wrapper function per
call that parses the answer, tests its status and reads its fields), counted in steps, never
seconds; the findings of each shape stay what they were."""

from __future__ import annotations

from typing import Any

from akool_cli.audit import answers, fields, rules, sites
from akool_cli.audit.scan import audit_text
from tests.support.benchfile import bench_file, counted, ordinary_file

LIPSYNC = "https://openapi.akool.com/api/open/v3/content/video/lipsync"


def _top_level_counts(owner: Any, name: str) -> list[int]:
    """The calls of owner.name in the audit of the repro's top-level shape (`r<n> =
    requests.post(URL, json=...).json()`, a line a call) of 100 and of 400 calls."""
    line = 'r{n} = requests.post("' + LIPSYNC + '", json={{"video_url": v, "audio_url": a}}).json()'
    counts = []
    for calls in (100, 400):
        text = "import requests\n" + "".join(line.format(n=n) + "\n" for n in range(calls))
        with counted(owner, name) as made:
            assert audit_text(text, "calls.py") == []
        counts.append(made[0])
    return counts


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
    assert max(_top_level_counts(sites, "_as_word")) <= 5


def test_a_line_naming_a_seen_name_as_a_whole_word_only() -> None:
    seen = sites.NamesSeen(["base", "api_url", "cfg.host", "$root"])
    assert seen.search("x = base + '/v3'")
    assert seen.search("requests.get(api_url)")
    assert seen.search("u = cfg.host")
    assert not seen.search("database = 1; my_api_url = 2; base_url = 3; cfg.hosts = 4")
    many = sites.NamesSeen([f"r{n}" for n in range(20)])
    assert many.search("j = r17.json()")
    assert not many.search("j = r170.json(); r1x = 2")


def test_a_name_only_bound_on_its_line_compiles_no_member_pattern() -> None:
    """`r<n> = requests.post(...).json()`: the name holds the parsed answer, and its own line was
    searched for its members with a pattern compiled for the name (answers.members), one per
    call; a line that writes nothing after the name that a member read starts with is not."""
    assert max(_top_level_counts(answers, "members")) <= 5


def test_members_read_after_spaces_a_cast_or_a_getter_are_still_judged() -> None:
    call = f'requests.post("{LIPSYNC}", json={{"video_url": "v", "audio_url": "a"}}).json()'
    text = (
        f"import requests\nr0 = {call}\n"
        'print(r0 ["dataa"])\nprint(r0.get("codee"))\n'
        f"r1 = {call}\nx = r1   .msgg\n"
    )
    found = [(f.line, f.found) for f in audit_text(text, "members.py")]
    assert found == [(3, "dataa"), (4, "codee"), (6, "msgg")], found
    body = 'JSON.stringify({ video_url: "v", audio_url: "a" })'
    ts = (
        f'const r0 = await (await fetch("{LIPSYNC}", {{ method: "POST", body: {body} }})).json();\n'
        "console.log((r0 as any).codee, r0?.msgg, r0!.dataa);\n"
    )
    found = [(f.line, f.found) for f in audit_text(ts, "members.ts")]
    assert found == [(2, "codee"), (2, "msgg"), (2, "dataa")], found


def test_a_line_is_tried_as_a_command_only_when_it_holds_a_command_word() -> None:
    """Doc.is_command tried SHELL_COMMAND (whose `.*curl` alternatives run over the whole line)
    on every line a rule asked of; bench's file names no command. The words it looks for first
    never hide a command the pattern finds."""
    with counted(fields.SHELL_COMMAND, "match") as tried:
        audit_text(bench_file(100), "bench.py")
    assert tried[0] == 0, tried[0]
    lines = [
        "curl -s https://openapi.akool.com/api/open/v3/x",
        '  http POST "$API/x" a=b',
        "xh get $API/x",
        "xhs get $API/x",
        "wget -qO- $API/x",
        "akool api /content/x",
        'R=$(curl -s "$API/x")',
        "echo hi | curl -d @- $API/x",
        "$r = Invoke-RestMethod -Uri $u",
        "Invoke-WebRequest -Uri $u",
        "\u00a0curl $API/x",
        'requests.post(f"{BASE}/x", json=body)',
        "const curly = 1",
    ]
    for line in lines:
        assert fields._command_word(line) or not fields.SHELL_COMMAND.match(line), line
    assert [bool(fields.SHELL_COMMAND.match(t)) for t in lines][:10] == [True] * 10
