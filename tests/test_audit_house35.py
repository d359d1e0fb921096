"""house35's tests: the audit's house (one index per file for what each line is in, one word
index, no copies of the bracket walk, short functions) and its summary's wording."""

from __future__ import annotations

import inspect
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from akool_cli.audit import statuses
from akool_cli.audit.scan import audit_text

B = "https://openapi.akool.com/api/open/v3"


# -- item 4: the comparison count is asked of short lines alone ----------------------------------


def test_a_minified_lines_comparisons_are_never_counted(monkeypatch: pytest.MonkeyPatch) -> None:
    """_tests' cache held whole lines (a minified bundle's line: megabytes, 64 of them); a line
    longer than LONG opens no branch the status rules read, so it is never counted."""
    asked: list[int] = []
    counted = statuses._tests

    def recording(line: str) -> int:
        asked.append(len(line))
        return counted(line)

    monkeypatch.setattr(statuses, "_tests", recording)
    one = (
        f'const r{{n}}=await fetch("{B}/content/video/infobymodelid?video_model_id="+id);'
        "const j{n}=await r{n}.json();if(j{n}.data.video_status===3){{done({n})}}"
        "else if(j{n}.data.video_status===4){{fail({n})}}"
    )
    bundle = "".join(one.format(n=n) for n in range(40)) + "\n"
    short = one.format(n=0) + "\n"
    audit_text(bundle + short, "bundle.js")
    assert asked and max(asked) <= statuses.LONG


# -- item 6: the summary says how many files were read and how many have findings -------------

CLEAN = f'import requests\nrequests.get("{B}/content/video/infobymodelid", params={{"video_model_id": v}})\n'


def test_the_summary_of_a_clean_file_says_it_was_scanned(tmp_path: Path) -> None:
    """`0 of 1 file(s) scanned` read as if nothing was read: the file was read, and had no
    finding."""
    from akool_cli.audit.scan import audit

    (tmp_path / "ok.py").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "bad.py").write_text(CLEAN.replace("/content/", "/contnt/"), encoding="utf-8")
    clean = audit([tmp_path / "ok.py"])
    assert clean.summary() == "0 error(s), 0 warning(s), 0 info: 1 file(s) scanned, 0 with findings"
    both = audit([tmp_path])
    assert both.summary().endswith(": 2 file(s) scanned, 1 with findings"), both.summary()


@pytest.mark.parametrize(
    "summary",
    [
        "1 error(s), 0 warning(s), 0 info: 1 file(s) scanned, 1 with findings",
        "1 error(s), 0 warning(s), 0 info in 1 of 1 file(s) scanned",  # (written before house35)
    ],
)
def test_a_report_saved_with_either_summary_is_a_report(tmp_path: Path, summary: str) -> None:
    """A --json report saved with its stderr is left out, the summary as it is written now or
    as earlier versions wrote it."""
    from akool_cli.audit import outputs
    from akool_cli.audit.scan import audit

    (tmp_path / "bad.py").write_text(CLEAN.replace("/content/", "/contnt/"), encoding="utf-8")
    document = json.dumps([f.to_json() for f in audit([tmp_path / "bad.py"]).findings])
    assert outputs.own_output(document + "\n" + summary + "\n") is not None
    assert outputs.own_output(document + "\n" + summary + "\ndone\n") is None


# -- item 2: one bracket walk, one word index ------------------------------------------------------


def test_the_entries_elements_are_split_by_the_one_bracket_walk() -> None:
    """entries._elements was a copy of brackets.walk's loop (quotes, depth, commas)."""
    from akool_cli.audit import entries

    source = inspect.getsource(entries)
    assert "depth" not in source and "brackets.walk(" in source


@pytest.mark.parametrize(
    ("entry", "line"),
    [
        ('("POST", "{B}/content/video/infobymodelid")', [2]),  # (documented: GET)
        ('("GET", "{B}/content/video/infobymodelid")', []),
        ('({{"a, b": 1}}, "POST", "{B}/content/video/infobymodelid")', [2]),
        ('("x, (y", "POST", "{B}/content/video/infobymodelid")', [2]),
        ('("x, (y", "GET", "{B}/content/video/infobymodelid")', []),
    ],
)
def test_a_tables_entry_is_read_element_by_element(entry: str, line: list[int]) -> None:
    text = f"import requests\nOPS = [{entry.format(B=B)}]\n"
    found = [f.line for f in audit_text(text, "ops.py") if f.rule == "wrong-method"]
    assert found == line


def test_the_own_records_uses_ask_the_files_one_word_index() -> None:
    """statuses._uses indexed every word of the file beside printed.Words' index of the same
    lines: one index (printed.words_of) serves the strings shown as text, the keys and the uses
    of the app's own functions."""
    from akool_cli.audit import ownrecords, printed

    assert "findall" not in inspect.getsource(ownrecords._uses)
    lines = ["def notify(job):", "    pass", "notify(j)"]
    assert printed.words_of(lines) is printed.words_of(lines)
    assert printed.words_of(lines).lines_of("notify") == [0, 2]
    assert printed.words_of(lines).lines_of("my-func") == []  # (a shell name is no word)


PAD = "x" * 2100  # (a line longer than printed.LONGEST: a minified bundle's)
HELPERS = {
    "n.py": (
        "import requests\ndef notify(job):\n    if job['video_status'] == 9:\n        print(1)\n"
        f"r = requests.get('{B}/content/video/infobymodelid', params={{'video_model_id': v}})"
        ".json(); notify(r); s = '{PAD}'\n"
    ),
    "n.js": (
        "function notify(job) {\n  if (job.video_status === 9) {\n    console.log(1);\n  }\n}\n"
        f"const r = await (await fetch(`{B}/content/video/infobymodelid?video_model_id=${{v}}`))"
        f'.json(); notify(r); const s = "{PAD}";\n'
    ),
}


@pytest.mark.parametrize("name", sorted(HELPERS))
def test_a_helper_called_on_a_minified_line_with_a_call_is_judged(name: str) -> None:
    """A helper's use on a line longer than the word index reads is still a use: called where
    AKOOL is, its parameter's status is the answer's (9 is no video_status AKOOL gives)."""
    text = HELPERS[name]
    assert [f.line for f in audit_text(text, name) if f.rule == "status-value"] == [
        3 if name == "n.py" else 2
    ]
    alone = text.replace("notify(r); ", "")  # (never called where AKOOL is: the app's own record)
    assert [f.line for f in audit_text(alone, name) if f.rule == "status-value"] == []


# -- item 1: the function a line is in, from the file's outline ----------------------------------


@pytest.mark.parametrize(
    "head",
    ["def f(x):", "async function f(x) {", "func f(x string) {", "public void f(String x) {"],
)
def test_the_function_a_line_is_in_is_read_once_a_file(
    monkeypatch: pytest.MonkeyPatch, head: str
) -> None:
    """ties.enclosing_function and scopes.defined_as_member walked back up to 200 lines a call,
    reading each line's function_def again (a file of 5,000 functions: millions of matches);
    the file's outline reads each line's once, and only of a line that holds the name."""
    from akool_cli.audit import scopes, ties

    read: list[str] = []
    defined = scopes.function_def

    def counting(line: str) -> re.Match[str] | None:
        read.append(line)
        return defined(line)

    monkeypatch.setattr(scopes, "function_def", counting)
    monkeypatch.setattr(ties, "function_def", counting)
    body = ["    if (x) {", *["        y = x;"] * 150, "    }"]
    lines = [head, *body, "}" if head.endswith("{") else "", "z = 1"]
    found = {ties.enclosing_function(lines, i) for i in range(1, len(lines) - 2)}
    assert found == {"f"} and ties.enclosing_function(lines, len(lines) - 1) is None
    assert not any(scopes.defined_as_member(lines, i, "f") for i in range(len(lines)))
    assert len(read) <= 4, len(read)


# -- item 3: short functions, the own records in their own module ---------------------------------

# (fields.py's two are another helper's to split while it works in that file)
LONG_AND_KNOWN = {("fields.py", "_request_keys"), ("fields.py", "literals")}


def test_no_function_of_the_audit_is_over_60_lines() -> None:
    """sites.definitions (61) and fixes.file_diff (63) were split readably."""
    import ast

    long = []
    for path in sorted(Path(statuses.__file__).parent.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > 60 and (path.name, node.name) not in LONG_AND_KNOWN:
                    long.append(f"{path.name}:{node.lineno} {node.name} ({length})")
    assert long == []


def test_the_own_records_are_read_in_their_own_module() -> None:
    from akool_cli.audit import ownrecords

    for name in ("handed_in", "_bound_elsewhere", "_akool_functions", "_uses", "INBOUND"):
        assert hasattr(ownrecords, name) and not hasattr(statuses, name), name
    assert not hasattr(statuses, "OTHER_REQUEST") and ownrecords.__doc__


# -- speed: a string-path reader is tried only on a line that holds its words ---------------------

GO_LINE = (
    'func f7(id string) int { resp, _ := http.Get(base + "/content/video/infobymodelid?video_model_'
    'id=" + id); var out map[string]interface{}; json.NewDecoder(resp.Body).Decode(&out); return '
    'int(out["data"].(map[string]interface{})["video_status"].(float64)) }'
)
STRING_PATHS = [  # (each reader's forms, in the languages that write them)
    ('s = j.SelectToken("data.video_status");', "video_status"),
    ('s = benedict(j)["data.video_status"]', "video_status"),
    ('s = node.at("/data/video_status").asInt();', "video_status"),
    ('s = jsonpointer.get(j, "/data/video_status")', "video_status"),
    ('s = dpath.get(j, "data/video_status")', "video_status"),
    ('s = jmespath.search("data.video_status", j)', "video_status"),
    ('const s = R.path(["data", "video_status"], j);', "video_status"),
    ('$s = data_get($j, "data.video_status");', "video_status"),
    ('s := gjson.Get(body, "data.video_status").Int()', "video_status"),
]


@pytest.mark.parametrize(("line", "field"), STRING_PATHS)
def test_each_string_path_reader_still_reads(line: str, field: str) -> None:
    from akool_cli.audit import stringpaths

    assert [r[1] for r in stringpaths.reads(line)] == [field]


def test_a_line_without_a_readers_words_is_not_searched(monkeypatch: pytest.MonkeyPatch) -> None:
    """A reader whose pattern opens with a name (`j.SelectToken(`, `node.at("/data/`) was tried
    at each column of every line with `"data"` and a getter: 0.6 ms a line of bench's Go shape,
    half its audit."""
    from akool_cli.audit import stringpaths

    searched: list[str] = []

    class Counting:
        def __init__(self, name: str, pattern: re.Pattern[str]) -> None:
            self.name, self.pattern = name, pattern

        def finditer(self, line: str) -> object:
            searched.append(self.name)
            return self.pattern.finditer(line)

    monkeypatch.setattr(stringpaths, "POINTER", Counting("POINTER", stringpaths.POINTER))
    readers = tuple((Counting(str(w), p), w) for p, w in stringpaths.READERS)
    monkeypatch.setattr(stringpaths, "READERS", readers)
    assert stringpaths.reads(GO_LINE) == []
    assert searched == ["()"]  # (OBJECT_FIRST's, which names no word)


# -- speed: a URL's name bound in each of many functions ------------------------------------------


class Counted(list[tuple[int, int]]):
    """A list that counts its items read (by index or by a walk over it)."""

    reads = 0

    def __getitem__(self, k: Any) -> Any:
        Counted.reads += 1
        return super().__getitem__(k)

    def __iter__(self) -> Iterator[tuple[int, int]]:
        for item in super().__iter__():
            Counted.reads += 1
            yield item


def test_a_urls_next_binding_is_found_by_bisection() -> None:
    """fields.url_uses walked the name's bindings from the file's first to the one after the
    statement: `j = requests.post(f"{BASE}/...").json()` in each of 5,000 functions (bench's
    py-fn shape) made 12 million steps."""
    from akool_cli.audit import fields

    one = 'def f{n}(v):\n    j = requests.post(f"{{BASE}}/content/video/lipsync", json=v).json()\n'
    text = f'import requests\nBASE = "{B}"\n' + "".join(one.format(n=n) for n in range(300))
    doc = fields.read(text.split("\n"), True)
    doc.assigned["j"] = Counted(doc.assigned["j"])
    Counted.reads = 0
    at = [m.start() for m in re.finditer("/content/video/lipsync", text)]
    found = [fields.url_uses(doc, offset) for offset in at]
    assert all(f is not None for f in found) and Counted.reads <= 20 * len(at), Counted.reads
