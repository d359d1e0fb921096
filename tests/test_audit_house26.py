"""house26's tests: the audit's fixed costs (start-up, output, --diff's patch), each counted
(calls, comparisons, compiles), never timed."""

from __future__ import annotations

import ast
import io
import json
import os
import random
import re
import subprocess
import sys
from pathlib import Path
from types import FrameType, SimpleNamespace
from typing import Any, ClassVar

import pytest

from akool_cli.audit import credentials, fixes, gitignores, mocks, scan
from akool_cli.audit.rules import Fix
from akool_cli.audit.scan import AuditResult, Finding
from akool_cli.audit.source import line_starts
from akool_cli.cli import audit_cmd, output
from akool_cli.cli.output import Output


class Counted(int):
    """An int that counts the comparisons made with it (and keeps counting through sums)."""

    seen: ClassVar[list[int]] = [0]

    def __add__(self, other: Any) -> Counted:
        return Counted(int(self) + int(other))

    def __lt__(self, other: Any) -> bool:
        Counted.seen[0] += 1
        return int(self) < int(other)

    def __gt__(self, other: Any) -> bool:
        Counted.seen[0] += 1
        return int(self) > int(other)

    def __eq__(self, other: Any) -> bool:
        Counted.seen[0] += 1
        return int(self) == int(other)

    __hash__ = int.__hash__


def _comparisons(count: int) -> int:
    text = "".join(f'r{i} = get("https://api.akool.com/x")\n' for i in range(count))
    starts: list[int] = [Counted(s) for s in line_starts(text)]
    found = [
        Fix(
            i,
            len(f'r{i} = get("https://'),
            len(f'r{i} = get("https://api.akool.com'),
            "api.akool.com",
            "openapi.akool.com",
        )
        for i in range(count)
    ]
    Counted.seen[0] = 0
    new, made = fixes._apply(text, starts, found)
    assert len(made) == count and new.count("openapi.akool.com") == count
    return Counted.seen[0]


def test_a_patchs_fixes_are_checked_against_their_neighbours_not_all_taken() -> None:
    """break21h #20: each fix was checked against every span taken before it (and the text
    rebuilt once a fix): 40,000 fixes cost 144 s. Per fix, a few comparisons (a bisection)."""
    small, big = _comparisons(500), _comparisons(4000)
    assert big / 4000 < 100, (small, big)  # now ~41 a fix; main: ~2,000 at 4,000 fixes
    assert big / small < 12, (small, big)  # 8x the fixes


def _applied_as_before(text: str, starts: list[int], found: list[Fix]) -> tuple[str, set[Fix]]:
    """fixes._apply as it was (quadratic): the reference its order must keep."""
    spans: list[tuple[int, int, str]] = []
    made: set[Fix] = set()
    for fix in sorted(set(found), key=lambda f: (f.line, f.start)):
        if fix.line >= len(starts):
            continue
        start, end = starts[fix.line] + fix.start, starts[fix.line] + fix.end
        if text[start:end] != fix.old or any(start < e and s < end for s, e, _ in spans):
            continue
        spans.append((start, end, fix.new))
        made.add(fix)
    for start, end, new in sorted(spans, reverse=True):
        text = text[:start] + new + text[end:]
    return text, made


def test_a_patchs_text_is_what_fixing_right_to_left_made() -> None:
    """Guard (passes on main too): overlapping, touching, empty and repeated spans, fixes past
    the last line and stale ones give the text and the fixes taken that the old way gave."""
    chance = random.Random(26)
    for _ in range(3000):
        lines = [
            "".join(chance.choice("ab ") for _ in range(chance.randint(0, 6)))
            for _ in range(chance.randint(1, 4))
        ]
        text = "\n".join(lines) + chance.choice(["", "\n"])
        starts = line_starts(text)
        found = []
        for _ in range(chance.randint(0, 8)):
            line = chance.randint(0, len(lines))
            length = len(lines[line]) if line < len(lines) else 0
            start = chance.randint(0, length)
            end = chance.randint(start, length)
            old = lines[line][start:end] if line < len(lines) else ""
            if chance.random() < 0.1:
                old += "z"  # (the file changed since)
            found.append(Fix(line, start, end, old, chance.choice(["", "X", "YY", "Z"])))
        assert fixes._apply(text, starts, found) == _applied_as_before(text, starts, found)


# -- output: one write, documents cleaned where something may change --------------------------


def _findings(count: int) -> list[Finding]:
    return [
        Finding(
            "s.py",
            i,
            4,
            "wrong-host",
            "error",
            "api.akool.com",
            "openapi.akool.com",
            f"api.akool.com is not AKOOL's API host ({i}: docs.akool.com/authentication/usage)",
        )
        for i in range(count)
    ]


class Writes(io.StringIO):
    """A stdout that counts its writes."""

    def __init__(self) -> None:
        super().__init__()
        self.writes = 0

    def write(self, text: str) -> int:
        self.writes += 1
        return super().write(text)


def test_the_text_findings_go_out_in_one_write() -> None:
    """`akool audit`'s text lines were written (and flushed) one by one: one write now."""
    stream = Writes()
    out = Output(stdout=stream, env={})
    audit_cmd._print(out, "text", AuditResult(_findings(300), 1))
    assert stream.writes <= 2, stream.writes  # main: 300
    assert stream.getvalue() == "".join(f.render() + "\n" for f in _findings(300))


def test_a_json_documents_lines_are_cleaned_only_where_something_may_change(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """--json's 70,000 lines each went through the redactor, escape_controls and the CI
    commands' pattern (0.13 s): only lines holding what they change are looked at now."""
    seen: list[str] = []
    out = Output(stdout=io.StringIO(), env={})

    def clean(line: str) -> str:
        seen.append(line)
        return line

    monkeypatch.setattr(out, "_clean", clean)
    document = [f.to_json() for f in _findings(200)]
    document[7]["message"] = "see https://x.test/a?token=abc"
    out.json(document)
    assert len(seen) == 1 and "token=abc" in seen[0], seen[:3]  # main: 2,002 lines


def test_a_json_document_of_flat_records_is_not_written_by_the_python_encoder(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """json.dumps with an indent is pure Python (0.06 s for bench's 7,000 findings): a list
    of flat records is written with C's string encoder instead, the same text."""
    made: list[int] = []
    real = json.encoder._make_iterencode  # type: ignore[attr-defined]

    def made_one(*args: Any, **kwargs: Any) -> Any:
        made.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(json.encoder, "_make_iterencode", made_one)
    stream = io.StringIO()
    document = [f.to_json() for f in _findings(50)]
    Output(stdout=stream, env={}).json(document)
    assert not made  # main: 1
    assert stream.getvalue() == json.dumps(document, indent=2, ensure_ascii=False) + "\n"


LEAVES: list[Any] = [
    "",
    "é",
    'a"b\\c',
    "\udcff",
    "\u2028",
    "x\ty",
    0,
    -5,
    10**30,
    True,
    False,
    None,
]


def test_flat_records_are_what_json_dumps_writes() -> None:
    """Guard (the fast path against json.dumps): leaves of every kind, and None (json's own
    way) for a document that is not a list of flat records."""
    chance = random.Random(7)
    for _ in range(500):
        document = [
            {
                chance.choice(["a", "é", "k\n", 'x"y']) + str(k): chance.choice(LEAVES)
                for k in range(chance.randint(1, 4))
            }
            for _ in range(chance.randint(1, 4))
        ]
        assert output._flat_records(document) == json.dumps(document, indent=2, ensure_ascii=False)
    others: list[Any] = [
        [],
        {},
        [{}],
        [{"a": 1.5}],
        [{"a": [1]}],
        [{1: 2}],
        [{"a": {"b": 1}}],
        [[1]],
    ]
    for other in others:
        assert output._flat_records(other) is None


TEXT_PIECES = [
    "plain",
    " ",
    "a=b",
    "?token=s3cr3t",
    "%3D",
    "%3d",
    "%41",
    "%",
    "@",
    "u:p@h",
    "https://u:p@x.test/?sig=1&k=2",
    "::warning::",
    "##[group]",
    "x ##vso[task]",
    "#",
    "\t",
    "\x1b",
    "\u202e",
    "\x85",
    "é",
    "SECRETKEY123456",
    "secretkey1234",
    "cretkey12345",
    "SEC",
    ":",
    "\r",
]


def _random_text(chance: random.Random) -> str:
    lines = [
        "".join(chance.choice(TEXT_PIECES) for _ in range(chance.randint(0, 5)))
        for _ in range(chance.randint(1, 6))
    ]
    return "\n".join(lines)


@pytest.mark.parametrize("secrets", [(), ("SECRETKEY123456",), ("s3cr3t", "p@ss")])
def test_a_document_is_cleaned_as_line_by_line(secrets: tuple[str, ...]) -> None:
    """Guard (the new path against each line's own cleaning): unsafe characters, CI commands,
    signing values, users in URLs and known secrets (whole, in runs, percent-encoded)."""
    chance = random.Random(len(secrets))
    out = Output(stdout=io.StringIO(), env={})
    out.redactor.add(*secrets)
    for _ in range(1500):
        text = _random_text(chance)
        expected = "\n".join(out._clean(line) for line in text.split("\n"))
        assert out._clean_lines(text) == expected, text
        lines = text.split("\n")
        stream = io.StringIO()
        written = Output(stdout=stream, env={})
        written.redactor.add(*secrets)
        written.lines(lines)
        assert stream.getvalue() == "".join(out._clean(line) + "\n" for line in lines)


# -- credentials: passed over unless a credential's mark is there -----------------------------


def test_a_message_without_a_credentials_mark_is_not_searched(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every message (and found value) went through CREDENTIAL's search at each of its places
    (a tenth of bench's output time): a text without one of its forms' marks is passed over."""
    searched: list[int] = []
    real = credentials.CREDENTIAL

    def sub(*args: Any) -> str:
        searched.append(1)
        return real.sub(*args)

    counting = SimpleNamespace(sub=sub)
    monkeypatch.setattr(credentials, "CREDENTIAL", counting)
    for finding in _findings(50):
        finding.render()
        assert "task_id" in credentials.abridged("AKOOL's answer has no data.task_id, see /api/o")
    assert credentials.abridged("key sk-proj-abcdefghijklmnop here") == "key sk-p… here"
    assert len(searched) == 1  # main: 101


def test_credentials_are_abridged_as_the_full_search_does() -> None:
    """Guard (passes on main too): each form of credential, at a token's start or not."""
    pieces = [
        "sk-proj-abcdefghijklmnop",
        "task_abcdefghijklmnop",
        "xsk_abcdefghijklmnopq",
        "AKIAABCDEFGHIJKLMNOP",
        "ghp_abcdefghijklmnopqrstuv",
        "eyJabcdefghi.abcdefghi.abcd",
        "aB3" * 12,
        "ab" * 20,
        "/" + "aB3" * 12,
        "hf_" + "a1" * 11,
        "007eJ" + "a/" * 8,
        " ",
        "/",
        ".",
        "-",
        "=",
        "é",
        "xoxb-1234567890",
    ]
    chance = random.Random(3)
    for _ in range(3000):
        text = "".join(chance.choice(pieces) for _ in range(chance.randint(1, 6)))
        expected = credentials.CREDENTIAL.sub(lambda m: m.group()[:4] + "…", text)
        assert credentials.abridged(text) == (text if len(text) < 12 else expected), text


# -- scan: fixed costs per file ----------------------------------------------------------------


def test_a_file_without_an_ignore_marker_reads_no_comment_per_finding(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each finding's line had its comment read for an `akool-audit: ignore` marker (a
    PurePath and a comments lookup a line): a file holding no marker reads none."""
    read: list[int] = []
    real = scan._comment_text

    def comment_text(ctx: Any, line: int) -> str:
        read.append(line)
        return real(ctx, line)

    monkeypatch.setattr(scan, "_comment_text", comment_text)
    url = "https://api.akool.com/api/open/v3/faceswap/quota/info"
    calls = "".join(f'r{i} = requests.get("{url}")\n' for i in range(40))
    assert len(scan.audit_text("import requests\n" + calls, "s.py")) >= 40
    assert not read  # main: 40
    lines = calls.splitlines(keepends=True)
    lines[3] = lines[3].rstrip() + "  # akool-audit: ignore[wrong-host]\n"
    found = scan.audit_text("import requests\n" + "".join(lines), "s.py")
    assert read and {f.line for f in found if f.rule == "wrong-host"} == set(range(2, 42)) - {5}


# -- start-up: the audit's patterns compiled on first use ------------------------------------

AUDIT = Path(__file__).resolve().parent.parent / "akool_cli" / "audit"
# The module-level patterns kept compiled at import (re.compile), each with its reason: code
# compares a match's pattern with them (`m.re is NAME`), which a stand-in (rx.compile) is not.
KEPT_COMPILED = {
    **dict.fromkeys(
        [
            ("fields.py", name)
            for name in (
                "TUPLE_KEY",
                "CS_ANON_KEY",
                "PY_KWARG",
                "CS_KEY",
                "PERL_KEY",
                "PS_KEY",
                "HCL_KEY",
            )
        ]
        + [("fields.py", "SHORT_KEY")],
        "fields._pair_in_frame: `m.re is NAME` tells which kind of key a match is",
    ),
    ("keyedpaths.py", "ARGUMENT"): "keyedpaths: `m.re is ARGUMENT` (which form a key came in)",
    ("keyedpaths.py", "JOIN"): "keyedpaths: `m.re is JOIN`",
    ("keyedpaths.py", "BARE"): "pathnames: `m.re is keyedpaths.BARE`",
    ("localpaths.py", "BINDING"): "pathnames: `m.re is BINDING` (imported from localpaths)",
    ("pathnames.py", "PROPERTY"): "pathnames: `m.re is PROPERTY`",
    ("statuses.py", "AFTER"): "statuses: `shown.re is AFTER`",
}


def _compiled_at_import(path: Path) -> list[tuple[str, str | None, int]]:
    """(module, the top-level name assigned, line) of each `re.compile(` outside a function."""
    found: list[tuple[str, str | None, int]] = []

    def walk(node: ast.AST, name: str | None) -> None:
        for child in ast.iter_child_nodes(node):
            held = name
            if isinstance(node, ast.Module) and isinstance(child, ast.Assign | ast.AnnAssign):
                target = child.targets[0] if isinstance(child, ast.Assign) else child.target
                held = getattr(target, "id", None)
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                continue
            func = getattr(child, "func", None)
            if (
                isinstance(child, ast.Call)
                and isinstance(func, ast.Attribute)
                and func.attr == "compile"
                and getattr(func.value, "id", None) == "re"
            ):
                found.append((path.name, held, child.lineno))
            walk(child, held)

    walk(ast.parse(path.read_text(encoding="utf-8")), None)
    return found


def test_the_audits_module_level_patterns_are_compiled_on_first_use() -> None:
    """A pattern written `re.compile(...)` at module level (or in a table of them) is compiled
    at every run's start-up, used or not (a one-line file's audit paid for ~120): write it
    `rx.compile(...)`, or add it to KEPT_COMPILED with the reason it must stay compiled."""
    found = [spot for path in sorted(AUDIT.glob("*.py")) for spot in _compiled_at_import(path)]
    stray = [f"{m}:{line} ({name})" for m, name, line in found if (m, name) not in KEPT_COMPILED]
    assert not stray, stray  # main: 51 (answers, items, sites, multiline, ... tables)
    assert {(m, name) for m, name, _ in found} == set(KEPT_COMPILED)  # (none kept for nothing)
    compared = {
        name
        for path in AUDIT.glob("*.py")
        for name in COMPARED.findall(path.read_text(encoding="utf-8"))
    }
    assert compared <= {name for _, name in KEPT_COMPILED}, compared  # (a stand-in is no m.re)


# A match's pattern compared with a module's pattern: that one must stay compiled at import.
COMPARED = re.compile(r"\.re\s+(?:is\s+not|is|==|!=)\s+(?:[a-z_]\w*\.)*([A-Z_][A-Za-z0-9_]*)\b")


def test_importing_the_audit_compiles_only_the_kept_patterns() -> None:
    """A function run at import that compiles (wrappers.join_patterns: 22 patterns) is not seen
    by the test above: importing the audit compiles only what KEPT_COMPILED keeps."""
    script = (
        "import re._compiler as c, sys\n"
        "seen = []\n"
        "real = c.compile\n"
        "def compile(p, flags=0):\n"
        "    f = sys._getframe(1)\n"
        "    while f is not None and '/re/' in f.f_code.co_filename:\n"
        "        f = f.f_back\n"
        "    if f is not None and '/akool_cli/audit/' in f.f_code.co_filename:\n"
        "        seen.append(f.f_code.co_filename.rsplit('/', 1)[1] + ':' + str(f.f_lineno))\n"
        "    return real(p, flags)\n"
        "c.compile = compile\n"
        "import akool_cli.audit.scan, akool_cli.audit.fixes, akool_cli.audit.sarif\n"
        "print('\\n'.join(seen))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    compiled = done.stdout.split()
    assert len(compiled) <= len(KEPT_COMPILED), compiled  # main: 75


def test_a_shared_names_patterns_are_compiled_once_a_run(tmp_path: Path) -> None:
    """Each file's look for each shared name it uses built its patterns (`\\bNAME\\b.*=
    require(`, `NAME = `, the import lines naming it) through re's cache of 512: a folder of
    300 names shared by 300 files compiled 11,160 patterns (5.6 s). Asked once a run and name
    now (counted as asked of re, whose cache depends on what else a run compiles)."""
    names = 150
    config = "".join(
        f'BASE_{i} = "https://openapi.akool.com/api/open/v3/x{i}"\n' for i in range(names)
    )
    (tmp_path / "config.py").write_text(config, encoding="utf-8")
    chance = random.Random(5)
    for f in range(30):
        used = chance.sample(range(names), 20)
        calls = "".join(
            f'def f{i}():\n    return requests.post(BASE_{i} + "/faceswap/highquality/specifyimage")\n'
            for i in used
        )
        imported = ", ".join(f"BASE_{i}" for i in used)
        (tmp_path / f"m{f}.py").write_text(
            f"from config import {imported}\nimport requests\n\n{calls}", encoding="utf-8"
        )
    asked: list[str] = []
    real = re._compile  # type: ignore[attr-defined]

    def counted(pattern: Any, flags: int = 0) -> Any:
        caller: FrameType | None = sys._getframe(1)
        while caller is not None and "/re/" in caller.f_code.co_filename:
            caller = caller.f_back
        mine = caller is not None and caller.f_code.co_filename.endswith(("scan.py", "modules.py"))
        if mine and "BASE_" in str(pattern):  # (a pattern of one of the names)
            asked.append(str(pattern))
        return real(pattern, flags)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(re, "_compile", counted)
        scan.audit([tmp_path])
    repeated = len(asked) - len(set(asked))
    assert asked and repeated == 0, (repeated, len(asked))  # main: 1,472 asked again of 1,770


# -- relay #3, break21i #1 host-migration-variants: a rewrite of the retired host is no call ------

OLD, NEW = "https://api.akool.com", "https://openapi.akool.com"
QUOTA = "/api/open/v3/faceswap/quota/info"
MIGRATIONS = {
    "pairs.py": f'HOST_REWRITES = [("{OLD}", "{NEW}")]\n\n'
    "def normalise(url):\n    for old, new in HOST_REWRITES:\n"
    "        if url.startswith(old):\n            return new + url[len(old):]\n    return url\n",
    "map.ts": f'const REWRITES = new Map([["{OLD}", "{NEW}"]]);\n'
    "export const normalise = (u: string) => {\n"
    "  for (const [a, b] of REWRITES) if (u.startsWith(a)) return b + u.slice(a.length);\n"
    "  return u;\n};\n",
    "legacy.ts": f'const LEGACY = ["{OLD}"] as const;\n'
    "export const isLegacy = (url: string) => LEGACY.some((l) => url.startsWith(l));\n",
    "legacy.py": f'LEGACY = ("{OLD}", "http://api.akool.com")\n\n'
    "def is_legacy(url):\n    return any(url.startswith(h) for h in LEGACY) or url in LEGACY\n",
    "guard.sh": f'grep -rq "{OLD}" config/ && {{ echo "old host" >&2; exit 1; }}\n'
    f"rg -l '{OLD}' . | xargs sed -i 's#api.akool#openapi.akool#'\n",
    "nginx.conf": f"location /api/open/ {{\n  proxy_pass {NEW};\n  proxy_redirect {OLD}/ {NEW}/;\n"
    f"  sub_filter '{OLD}' '{NEW}';\n}}\n",
    "test_rewrite.py": "from app import normalise\n\ndef test_normalise():\n"
    f'    assert normalise("{OLD}{QUOTA}") == \\\n        "{NEW}{QUOTA}"\n'
    f'    assert normalise("{OLD}/x") == "{NEW}/x"\n',
}


@pytest.mark.parametrize("name", sorted(MIGRATIONS))
def test_a_rewrite_of_the_retired_host_is_no_call(name: str) -> None:
    """A list of (old, new) pairs, a Map's, a list of old hosts searched, a grep guard, nginx's
    proxy_redirect/sub_filter, a test of the rewrite: no wrong-host, and so no patch."""
    found = scan.audit_text(MIGRATIONS[name], name)
    assert not [f for f in found if f.rule == "wrong-host"], found


CALLS_ON_THE_OLD_HOST = {
    "two.py": f'import requests\nURLS = ["{OLD}{QUOTA}", "{NEW}/api/open/v3/content/video/x"]\n'
    "for u in URLS:\n    requests.get(u)\n",
    "loop.py": f'import requests\nLEGACY = ["{OLD}{QUOTA}"]\nfor u in LEGACY:\n    requests.get(u)\n',
    "call.sh": f"curl -s {OLD}{QUOTA} -H 'x-api-key: k'\n",
    "live_test.py": f'import requests\n\ndef test_live():\n    assert requests.get("{OLD}{QUOTA}")'
    ".status_code == 200\n",
    "pair_call.py": f'import requests\nrequests.post("{OLD}{QUOTA}", "{NEW}{QUOTA}")\n',
}


@pytest.mark.parametrize("name", sorted(CALLS_ON_THE_OLD_HOST))
def test_a_call_on_the_retired_host_beside_the_new_one_is_still_reported(name: str) -> None:
    """Controls: two URLs of different paths in a list, a list of old URLs requested in a loop,
    curl, a live test's request, a call's two arguments: wrong-host as before."""
    found = scan.audit_text(CALLS_ON_THE_OLD_HOST[name], name)
    assert [f for f in found if f.rule == "wrong-host"], name


# -- relay #4, break21i git-include-relative-fifo ------------------------------------------------


@pytest.mark.parametrize("value", ["../inc.cfg", "./../inc.cfg", "../cfg/../inc.cfg"])
def test_a_fifo_a_relative_include_path_names_is_not_handed_to_git(
    tmp_path: Path, value: str
) -> None:
    """git reads `[include] path = ../inc.cfg` from the config's folder (.git/): the work
    tree's inc.cfg, a FIFO, blocked git (and the audit) forever. Looked at by stat only here."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "cfg").mkdir()
    (tmp_path / ".git" / "config").write_text(f"[include]\n\tpath = {value}\n", encoding="utf-8")
    os.mkfifo(tmp_path / "inc.cfg")
    found = gitignores.special_source(tmp_path, tmp_path)
    assert found is not None and os.path.samefile(found, tmp_path / "inc.cfg"), found


def test_a_file_naming_no_mock_library_is_not_searched_for_its_import(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Relay #2: mocks._libraries ran MOCK_IMPORT (no literal to start from) over every file
    that makes a request (19 ms for bench's file): a file naming none of its libraries is not
    searched."""
    searched: list[int] = []
    real = mocks.MOCK_IMPORT

    def finditer(text: str) -> Any:
        searched.append(1)
        return real.finditer(text)

    monkeypatch.setattr(mocks, "MOCK_IMPORT", SimpleNamespace(finditer=finditer))
    url = "https://openapi.akool.com/api/open/v3/faceswap/quota/info"
    scan.audit_text(f'import requests\nr = requests.get("{url}", json={{"a": 1}})\n', "s.py")
    assert not searched  # main: 1
    assert mocks._libraries("import responses\nfrom x import y\n") == {"responses"}
    assert searched


def test_the_command_lines_import_is_not_collected(tmp_path: Path) -> None:
    """The cyclic collector passed over what importing the command line makes (no garbage) some
    50 times: a fifth of a one-line file's audit. Paused while importing, then frozen."""
    script = (
        "import gc, os, sys\n"
        "seen = [0]\n"
        "gc.callbacks.append(lambda phase, info: seen.__setitem__(0, seen[0] + (phase == 'start')))\n"
        "from akool_cli.entry import main\n"
        "out = os.dup(1)\n"
        "fd = os.open(os.devnull, os.O_WRONLY); os.dup2(fd, 1); os.dup2(fd, 2)\n"
        "main(['audit', sys.argv[1]])\n"
        "os.write(out, f'{seen[0]} {gc.get_freeze_count()} {gc.isenabled()}'.encode())\n"
    )
    (tmp_path / "one.py").write_text("x = 1\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "one.py")],
        capture_output=True,
        text=True,
        check=True,
    )
    collections, frozen, enabled = done.stdout.split()
    assert enabled == "True" and int(frozen) > 10_000, done.stdout  # main: 0 frozen
    assert int(collections) < 40, done.stdout  # main: 52


# -- relay #5: --diff withholds what the script's own types forbid (break21i #19, #29) -----------

V3 = 'const V3 = "https://openapi.akool.com/api/open/v3";\n'
SEND = "function send<T>(path: string, body: T) { return fetch(V3 + path, { body: JSON.stringify(body) }); }\n"


def _fixes(text: str, name: str, rule: str) -> list[Fix | None]:
    return [f.fix for f in scan.audit_text(text, name) if f.rule == rule]


def test_a_rename_in_a_literal_a_calls_type_argument_types_is_left_to_a_person() -> None:
    """`send<ImageBody>(path, { size })`: the helper's `body: T` types the literal, so renaming
    `size` to `scale` breaks tsc (TS2353); without the type argument the rename is made."""
    typed = "type ImageBody = { prompt: string; size: string };\n" + V3 + SEND
    call = 'export const img = (p: string) => send{}("/content/image/createbyprompt", {{ prompt: p, size: "1:1" }});\n'
    assert _fixes(typed + call.format("<ImageBody>"), "a.ts", "misnamed-field") == [None, None]
    assert [
        f is not None for f in _fixes(V3 + SEND + call.format(""), "a.ts", "misnamed-field")
    ] == [True]


HELPERS = {
    "p.py": (
        "import requests\nBASE = 'https://openapi.akool.com/api/open/v3'\n\n"
        "def post(url: str, body: {}) -> dict:\n    return requests.post(url, json=body).json()\n\n"
        "post(f'{{BASE}}/content/video/createbytranslate', {{'url': 'u', 'language': 'es', "
        "'lipsync': 'true'}})\n",
        "dict[str, str]",
        "dict",
    ),
    "t.ts": (
        'const BASE = "https://openapi.akool.com/api/open/v3";\n'
        "function post(url: string, body: {}) {{ return fetch(url, {{ method: 'POST', "
        "body: JSON.stringify(body) }}); }}\n"
        'post(`${{BASE}}/content/video/createbytranslate`, {{ url: "u", language: "es", lipsync: "true" }});\n',
        "Record<string, string>",
        "object",
    ),
}


@pytest.mark.parametrize("name", sorted(HELPERS))
def test_a_value_the_helpers_parameter_type_forbids_is_left_to_a_person(name: str) -> None:
    """The script's own helper types its body as a map of strings: `"true"` -> `true` there
    would not type-check (break21i #29); an untyped helper's call gets the fix."""
    text, strings, loose = HELPERS[name]
    assert _fixes(text.format(strings), name, "bad-value") == [None]
    assert [f is not None for f in _fixes(text.format(loose), name, "bad-value")] == [True]


# -- relay #6, break21i #31 secret-in-path-echoed -------------------------------------------------

KEY = "sk-proj-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789"
JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"


def test_a_credential_pasted_into_a_url_path_is_not_echoed(tmp_path: Path) -> None:
    """A key as a path segment (`.../v3/sk-proj-.../quota`, a JWT after `/status/`) was quoted
    whole in unknown-endpoint's message and found (text, --json, SARIF): abridged as anywhere."""
    base = "https://openapi.akool.com/api/open/v3"
    text = (
        f'import requests\nrequests.get("{base}/{KEY}/quota")\n'
        f'requests.get("{base}/content/video/status/{JWT}")\n'
    )
    found = scan.audit_text(text, "s.py")
    shown = [f.render() for f in found] + [json.dumps(f.to_json()) for f in found]
    assert found and not any(KEY[8:] in s or JWT[:30] in s for s in shown), shown
    assert any("sk-p…" in s for s in shown)


# -- relay #7, break21i #28 ignore-in-request-files ----------------------------------------------

TALK = (
    "POST https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto\n"
    "Content-Type: application/json\n\n"
    '{{\n  "talking_photo_url": "p", "audio_url": "a", "resolution": "1080p"\n}}\n'
)


@pytest.mark.parametrize("name", ["a.hurl", "b.http"])
def test_a_marker_above_a_request_silences_its_body(name: str) -> None:
    """A request file's JSON body can hold no comment (it would be sent): a marker in the
    comment lines just above the request line silences that request's findings; another
    rule's marker, or none, does not."""
    head = "### talk\n" if name.endswith(".http") else ""
    marked = head + "# akool-audit: ignore[bad-value]\n" + TALK.format()
    other = head + "# akool-audit: ignore[wrong-host]\n" + TALK.format()
    assert not [f for f in scan.audit_text(marked, name) if f.rule == "bad-value"]
    assert [f for f in scan.audit_text(other, name) if f.rule == "bad-value"]
    assert [f for f in scan.audit_text(head + TALK.format(), name) if f.rule == "bad-value"]


# -- relay #8, break21i md-base-leak-stem ---------------------------------------------------------


def test_a_docs_page_named_like_a_module_is_not_imported(tmp_path: Path) -> None:
    """`from app import settings` then `settings.base_url`: docs/settings.md's console line
    `Client(base_url='https://openapi.akool.com')` was taken for app/settings.py's, so the app's
    own render call became an AKOOL one. A Markdown page is no module a code file imports."""
    (tmp_path / "app").mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "app" / "settings.py").write_text(
        'import os\nbase_url = os.environ.get("RENDER_URL", "http://127.0.0.1:8080")\n',
        encoding="utf-8",
    )
    (tmp_path / "app" / "client.py").write_text(
        "import requests\nfrom app import settings\n\n"
        'def render(body):\n    return requests.post(f"{settings.base_url}/render/talking", json=body)\n',
        encoding="utf-8",
    )
    (tmp_path / "docs" / "settings.md").write_text(
        '```console\n$ python -c "from akool import Client; '
        "Client(base_url='https://openapi.akool.com')\"\n```\n",
        encoding="utf-8",
    )
    found = scan.audit([tmp_path / "app", tmp_path / "docs"]).findings
    assert not [f for f in found if f.file.endswith("client.py")], found
