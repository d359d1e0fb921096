"""`akool audit` as a CI gate meets hostile trees and stops (issue 22, house22): a folder it cannot
list or enter fails the gate and is said in every format; links, FIFOs and a file that vanishes
neither hang nor pass silently; a stop signal's SARIF log carries the process's own exit code;
--include/--exclude globs match in linear time; two equal calls on one line are two findings;
a Bruno value ending in `\\` stays one JS string."""

from __future__ import annotations

import contextlib
import errno
import io
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from akool_cli.audit import brunofiles, scan, walking
from akool_cli.audit.scan import audit, audit_text
from tests.support.growth import growth
from tests.support.runner import ROOT, invoke
from tests.test_audit_sarif import validate

BAD = 'import requests\nrequests.get("https://api.akool.com/api/open/v3/faceswap/quota/info")\n'


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _locked(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Listing a folder named `name` fails as `chmod 000` makes it fail (also for root)."""
    real = os.scandir

    def scandir(path: Any = ".") -> Any:
        if os.path.basename(os.fspath(path)) == name:
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)


# -- 1. a folder that cannot be listed fails the gate --------------------------------------------


def test_an_unlistable_folder_fails_the_gate_in_every_format(
    here: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """break21d #2: `chmod 000 locked` gave `[]` and exit 0 though locked/bad.py was never read."""
    Path("locked").mkdir()
    Path("locked/bad.py").write_text(BAD)
    Path("ok.py").write_text("print('hello')\n")
    _locked(monkeypatch, "locked")
    text = invoke(["audit", "."], expect=8)
    [line] = [x for x in text.stderr.splitlines() if "locked" in x]
    assert "locked/: not scanned (a folder that cannot be listed: Permission denied)" in line
    assert "--exclude it" in line and text.stdout == ""
    assert "1 file(s) scanned, 0 with findings; 1 folder(s) not listed" in text.stderr
    document = json.loads(invoke(["audit", "--json", "."], expect=8).stdout)
    assert [(d["file"], d["rule"], d["severity"]) for d in document] == [
        ("locked/", "not-scanned", "error")
    ]
    sarif = json.loads(invoke(["audit", "--format", "sarif", "."], expect=8).stdout)
    validate(sarif)
    [invocation] = sarif["runs"][0]["invocations"]
    [note] = invocation["toolExecutionNotifications"]
    assert invocation["exitCode"] == 8 and note["level"] == "error"
    assert "locked/: not scanned" in note["message"]["text"]
    # named itself: the same verdict, not "holds no text file" (exit 2)
    invoke(["audit", "locked"], expect=8)
    # left out on purpose: the gate passes
    for glob in ("locked", "locked/", "./locked", "lock*"):
        invoke(["audit", "--exclude", glob, "."], expect=0)


def _unprivileged() -> list[str]:
    """A prefix that runs a command without root's right to read any folder (none needed when
    the tests run as a user)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("root without setpriv: permissions cannot be dropped")
    caps = "-dac_override,-dac_read_search"
    return [setpriv, f"--inh-caps={caps}", f"--bounding-set={caps}", "--"]


def test_folders_that_cannot_be_listed_or_entered_for_real(tmp_path: Path) -> None:
    """Real permissions, in a real process: a folder with no rights (not listed) and one that
    can be listed but not entered (its files cannot be looked at)."""
    for name in ("locked", "shut"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "bad.py").write_text(BAD)
    (tmp_path / "ok.py").write_text("print('hello')\n")
    (tmp_path / "locked").chmod(0)
    (tmp_path / "shut").chmod(0o644)
    try:
        run = subprocess.run(
            [*_unprivileged(), sys.executable, "-m", "akool_cli", "audit", "--json", "."],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            check=False,
        )
    finally:
        (tmp_path / "locked").chmod(0o755)
        (tmp_path / "shut").chmod(0o755)
    assert run.returncode == 8, run.stderr
    document = json.loads(run.stdout)
    assert sorted((d["file"], d["message"].split(";")[0]) for d in document) == [
        ("locked/", "not scanned (a folder that cannot be listed: Permission denied)"),
        ("shut/bad.py", "not scanned (unreadable (Permission denied))"),
    ]
    assert "Traceback" not in run.stderr


def test_links_and_fifos_in_a_tree_pass_without_hanging(here: Path) -> None:
    """A link is not content (its target is read where it lives), a FIFO is no file: neither a
    broken link, a loop nor a FIFO blocks the walk or fails the gate."""
    Path("ok.py").write_text("print('hello')\n")
    os.symlink("nowhere", "broken")
    os.symlink("l2", "l1")
    os.symlink("l1", "l2")
    os.mkfifo("pipe")
    result = invoke(["audit", "--json", "."], expect=0)
    assert json.loads(result.stdout) == []


def test_a_fifo_in_a_files_place_is_not_waited_on(tmp_path: Path) -> None:
    """A file that became a FIFO after the walk looked at it: its open returns at once."""
    os.mkfifo(tmp_path / "swapped.py")
    got: list[tuple[str | None, str]] = []
    reader = threading.Thread(target=lambda: got.append(walking.read(tmp_path / "swapped.py")))
    reader.daemon = True
    reader.start()
    reader.join(timeout=30)
    if reader.is_alive():  # (the thread is stuck on the open: free it before failing)
        with open(tmp_path / "swapped.py", "wb"):
            pass
        pytest.fail("reading a FIFO waited for a writer")
    assert got == [(None, "no longer a regular file")]


def test_a_file_that_vanishes_mid_scan_is_not_passed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.py").write_text("print('a')\n")
    (tmp_path / "b.py").write_text(BAD)
    real = scan.iter_files

    def vanishing(*args: Any) -> Iterator[tuple[Path, str]]:
        for path, shown in real(*args):
            if path.name == "a.py":
                (tmp_path / "b.py").unlink()
            yield path, shown

    monkeypatch.setattr(scan, "iter_files", vanishing)
    result = audit([tmp_path])
    assert not result.passed
    assert result.skipped == [(str(tmp_path / "b.py"), "gone before it could be read")]


# -- 2. a stop signal's SARIF log says the process's exit code ------------------------------------

STALLED = """
import os, sys
from akool_cli.audit import walking
ready = int(os.environ["READY_FD"])

def stalled(path):
    os.write(ready, b"r")  # the audit is reading its first file
    os.read(os.pipe()[0], 1)  # never written: only the stop signal ends this
    raise AssertionError("not stopped")

walking.read = stalled
from akool_cli.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_stopped_sarif_run_says_the_exit_code_it_exits_with(
    tmp_path: Path, signum: int, code: int
) -> None:
    """break21d #13: SIGTERM exited 143 while the log said 130 "interrupted with Ctrl-C"."""
    (tmp_path / "a.py").write_text(BAD)
    ready, ready_w = os.pipe()
    process = subprocess.Popen(
        [sys.executable, "-c", STALLED, "audit", "--format", "sarif", str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        pass_fds=(ready_w,),
        env={**os.environ, "PYTHONPATH": str(ROOT), "READY_FD": str(ready_w)},
    )
    os.close(ready_w)
    try:
        assert os.read(ready, 1) == b"r", "the audit ended before it read a file"
        process.send_signal(signum)
        out, err = process.communicate(timeout=120)
    finally:
        os.close(ready)
        if process.poll() is None:
            process.kill()
    assert process.returncode == code, err.decode()
    log = json.loads(out)
    validate(log)
    [invocation] = log["runs"][0]["invocations"]
    assert invocation["exitCode"] == code and invocation["executionSuccessful"] is False
    assert "before the audit finished" in invocation["exitCodeDescription"]
    assert "jobs" not in invocation["exitCodeDescription"]
    assert b"Traceback" not in err


# -- 3. globs in linear time --------------------------------------------------------------------


def _old_regex(glob: str) -> re.Pattern[str]:
    """The glob as the regular expression it used to be (the reference for its answers)."""
    out, i = [], 0
    while i < len(glob):
        if glob.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if glob.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        c, close = glob[i], glob.find("]", i + 2)
        if c == "[" and close > 0:
            body = glob[i + 1 : close]
            negated = body.startswith("!")
            body = body[1:] if negated else body
            out.append("[" + ("^/" if negated else "") + body.replace("\\", "\\\\") + "]")
            i = close + 1
            continue
        out.append({"*": "[^/]*", "?": "[^/]"}.get(c, re.escape(c)))
        i += 1
    return re.compile("".join(out), re.S)


def test_globs_answer_as_the_regular_expressions_did() -> None:
    pieces = ["*", "**", "**/", "?", "a", "b", "/", ".", "[ab]", "[!a]", "x"]
    letters = "ab/.x"
    rng = random.Random(22)
    for _ in range(3000):
        glob = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 6)))
        text = "".join(rng.choice(letters) for _ in range(rng.randint(0, 8)))
        want = _old_regex(glob).fullmatch(text) is not None
        assert walking.Glob(glob).matches(text) == want, (glob, text)


@pytest.mark.parametrize(
    ("glob", "path"),
    [
        ("*a" * 6 + ".py", lambda n: "a" * n + ".txt"),
        ("**/d/**/d/**/d/**/*.zz", lambda n: "d/" * n + "a.sh"),
    ],
)
def test_glob_time_grows_linearly(glob: str, path: Callable[[int], str]) -> None:
    """break21d #20: `**/d/**/d/**/d/**/*.zz` on a 200-deep tree, or 30 `*a` on a 200-letter
    name, backtracked for minutes. Four times the text costs about four times the time (the
    regular expressions took about 600 times as long here: n**4)."""

    def matched(text: str) -> object:
        return [walking._matches(text, text, glob) for _ in range(100)]

    ratio = growth(path, matched, small=30, large=120)
    assert ratio < 16, ratio  # (linear: 4; quadratic: 16)


# -- 4. two equal calls on one line are two findings, each fixed ---------------------------------

INFO = "https://openapi.akool.com/api/open/v3/content/video/infobymodelid?id=1"
MINIFIED = f'const r=fetch("{INFO}");const s=fetch("{INFO}");\n'


def test_two_equal_wrong_calls_on_one_line_are_two_findings(here: Path) -> None:
    """The key that keeps one finding per place had no column: a minified line's second equal
    call gave no finding and no fix."""
    got = [(f.line, f.column, f.rule) for f in audit_text(MINIFIED, "m.js")]
    assert [(line, rule) for line, _, rule in got] == [(1, "misnamed-field")] * 2, got
    assert got[0][1] < got[1][1]
    Path("m.js").write_text(MINIFIED)
    subprocess.run(["git", "init", "-q", "."], check=True)
    patch = invoke(["audit", "--diff", "."], expect=8).stdout
    [added] = [x for x in patch.splitlines() if x.startswith("+") and not x.startswith("+++")]
    assert added.count("?video_model_id=1") == 2 and "?id=1" not in added
    Path("p.diff").write_text(patch)
    subprocess.run(["git", "apply", "p.diff"], check=True)
    assert Path("m.js").read_text() == MINIFIED.replace("?id=1", "?video_model_id=1")
    assert audit_text(Path("m.js").read_text(), "m.js") == []


# -- 5. a Bruno value ending in a backslash ------------------------------------------------------

BRUNO = (
    'vars {\n  dir: C:\\temp\\\n  note: say "hi"\n  host: https://openapi.akool.com\n}\n\n'
    "post {\n  url: {{host}}/api/open/v3/content/image/createbyprompt\n  body: json\n}\n\n"
    'body:json {\n  {\n    "prompt": "a cat",\n    "scale": "1:1"\n  }\n}\n'
)


def test_a_bruno_value_ending_in_a_backslash_stays_one_js_string(tmp_path: Path) -> None:
    """`dir: C:\\temp\\` was copied as `const dir = "C:\\temp\\";`: a string that never closed."""
    [code] = brunofiles.read(BRUNO)
    text = "\n".join(code.lines)
    for line in code.lines:
        if line.startswith("const "):
            assert re.fullmatch(r'const \w+ = "[^"\\]*";', line), line
    node = shutil.which("node")
    if node is not None:
        (tmp_path / "bru.js").write_text(text)
        check = subprocess.run([node, "--check", str(tmp_path / "bru.js")], capture_output=True)
        assert check.returncode == 0, check.stderr
    assert audit_text(BRUNO, "talk.bru") == []
    wrong = BRUNO.replace('"scale"', '"size"')
    assert [f.rule for f in audit_text(wrong, "talk.bru")] == ["misnamed-field"]


# -- 7. as a gh user expects: --output, a full disk, one document, colour, exit codes -----------


def test_output_writes_the_report_whole(here: Path) -> None:
    Path("src").mkdir()
    Path("src/a.py").write_text(BAD)
    printed = invoke(["audit", "--json", "src"], expect=8).stdout
    result = invoke(["audit", "--json", "--output", "report.json", "src"], expect=8)
    assert result.stdout == "" and Path("report.json").read_text() == printed
    invoke(["audit", "--format", "sarif", "--output", "report.json", "src"], expect=8)
    validate(json.loads(Path("report.json").read_text()))
    assert sorted(p.name for p in here.iterdir()) == ["report.json", "src"]  # (no part file)
    assert invoke(["audit", "--json", "--output", "-", "src"], expect=8).stdout == printed


@pytest.mark.parametrize("args", [["--json"], ["--format", "sarif"], ["--diff"], []])
def test_a_full_disk_leaves_output_as_it_was(
    here: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    """ENOSPC (here when the file is synced, as a full disk may first say it): FILE keeps what
    it held, no part file stays, one error line; --json and SARIF still print one document."""
    Path("a.py").write_text(BAD)
    # (an earlier run's text findings: a report, which --output may replace; a file of any other
    # text inside the folder audited is refused as a script: break21g output-over-extensionless)
    last = "a.py:2:1: error: the last good report [wrong-host]\n"
    Path("report").write_text(last)

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    result = invoke(["audit", *args, "--output", "report", "."], expect=1)
    assert Path("report").read_text() == last
    assert sorted(p.name for p in here.iterdir()) == ["a.py", "report"]
    [line] = [x for x in result.stderr.splitlines() if x.startswith("Error: ")]
    assert "cannot write report: No space left on device; nothing was written" in line
    if args in (["--json"], ["--format", "sarif"]):
        json.loads(result.stdout)  # (one document: an error's, or a SARIF log of the failure)
    else:
        assert result.stdout == ""


class _FullFile(io.FileIO):
    """A file on a disk with LIMIT bytes left."""

    LIMIT = 300

    def write(self, data: Any) -> int:
        room = self.LIMIT - self.tell()
        if len(data) > room:
            super().write(bytes(data[: max(room, 0)]))
            raise OSError(errno.ENOSPC, "No space left on device")
        return super().write(data)


@pytest.mark.parametrize("args", [["--json"], ["--diff"]])
def test_stdout_to_a_file_on_a_full_disk_is_taken_back(here: Path, args: list[str]) -> None:
    """`akool audit --diff . > fixes.patch` on a full disk left half a patch in the file."""
    from akool_cli.cli import main

    for n in range(20):
        Path(f"a{n}.py").write_text(BAD)
    Path("out").write_text("kept\n")
    stdout = io.TextIOWrapper(_FullFile("out", "a"), encoding="utf-8")
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = stdout, io.StringIO()
    try:
        code = main(["audit", *args, "."])
        err = sys.stderr.getvalue()
    finally:
        sys.stdout, sys.stderr = saved
        with contextlib.suppress(OSError):
            stdout.close()
    assert code == 1 and Path("out").read_text() == "kept\n", err
    [line] = [x for x in err.splitlines() if x.startswith("Error: ")]
    assert "No space left on device; the part written is taken back" in line
    assert "Traceback" not in err


def test_dev_full_says_so_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(BAD)
    with open("/dev/full", "w") as full:
        run = subprocess.run(
            [sys.executable, "-m", "akool_cli", "audit", "--json", str(tmp_path)],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            timeout=120,
            check=False,
        )
    assert run.returncode == 1 and "No space left on device" in run.stderr
    assert len([x for x in run.stderr.splitlines() if x.startswith("Error: ")]) == 1
    assert "Traceback" not in run.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["--output", "no/such/folder/r.json", "."],
        ["--output", ".", "."],
        ["--select", "no-such-rule", "."],
        ["--include", "*.nothing", "."],
        ["missing"],
    ],
)
def test_json_is_one_document_on_every_usage_error(here: Path, args: list[str]) -> None:
    Path("a.py").write_text(BAD)
    result = invoke(["audit", "--json", *args], expect=2)
    assert json.loads(result.stdout)["error"]["exit_code"] == 2
    assert len([x for x in result.stderr.splitlines() if x.startswith("Error: ")]) == 1


def test_an_unexpected_failure_is_one_line_and_one_document(
    here: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Path("a.py").write_text(BAD)
    monkeypatch.delenv("AKOOL_DEBUG", raising=False)

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("a bug")

    monkeypatch.setattr(scan, "audit", broken)
    result = invoke(["audit", "--json", "."], expect=1)
    assert json.loads(result.stdout)["error"]["exit_code"] == 1
    sarif = json.loads(invoke(["audit", "--format", "sarif", "."], expect=1).stdout)
    assert sarif["runs"][0]["invocations"][0]["exitCode"] == 1


def _stderr_on_a_terminal(folder: Path, env: dict[str, str]) -> bytes:
    """What `akool audit` writes to a terminal's stderr (a pseudo-terminal)."""
    import pty

    main_fd, terminal = pty.openpty()
    try:
        run = subprocess.run(
            [sys.executable, "-m", "akool_cli", "audit", str(folder)],
            stdout=subprocess.PIPE,
            stderr=terminal,
            env={**env, "PYTHONPATH": str(ROOT), "TERM": "xterm"},
            timeout=120,
            check=False,
        )
        os.close(terminal)
        terminal = -1
        chunks = []
        while True:
            try:
                chunk = os.read(main_fd, 65536)
            except OSError:  # (EIO: the terminal's other end is closed and read out)
                break
            if not chunk:
                break
            chunks.append(chunk)
        assert run.returncode == 8 and b"\x1b" not in run.stdout
        return b"".join(chunks)
    finally:
        os.close(main_fd)
        if terminal >= 0:
            os.close(terminal)


def test_no_colour_with_no_color_nor_off_a_terminal(tmp_path: Path) -> None:
    (tmp_path / "big.js").write_text("x" * (walking.MAX_FILE_BYTES + 1))  # (a warning line)
    (tmp_path / "a.py").write_text(BAD)
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    assert b"\x1b[" in _stderr_on_a_terminal(tmp_path, env)  # (colour on a terminal)
    plain = _stderr_on_a_terminal(tmp_path, {**env, "NO_COLOR": "1"})
    assert b"\x1b" not in plain and b"not scanned" in plain
    run = subprocess.run(
        [sys.executable, "-m", "akool_cli", "audit", str(tmp_path)],
        capture_output=True,
        env={**env, "PYTHONPATH": str(ROOT), "TERM": "xterm"},
        timeout=120,
        check=False,
    )
    assert run.returncode == 8 and b"\x1b" not in run.stdout + run.stderr


def test_two_audits_of_one_folder_at_once_do_not_interfere(tmp_path: Path) -> None:
    """Three at once, two writing one --output FILE inside the folder they read: each reads the
    same files (not the other's half-written part file), and FILE is one whole report."""
    for n in range(30):
        (tmp_path / f"a{n}.py").write_text(BAD)
    args = ["audit", "--json", "--exclude", "report.json", str(tmp_path)]
    alone = invoke(args, expect=8).stdout
    command = [sys.executable, "-m", "akool_cli", *args]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    report = tmp_path / "report.json"
    runs = [[*command, "--output", str(report)]] * 2 + [command]
    both = [
        subprocess.Popen(run, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        for run in runs
    ]
    outs = [p.communicate(timeout=300) for p in both]
    assert [p.returncode for p in both] == [8, 8, 8], [e for _, e in outs]
    assert outs[2][0].decode() == alone
    assert report.read_text() == alone
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(".py")) == [
        "report.json"
    ]


EXIT_CODES = {0, 1, 2, 8, 129, 130, 143}


def test_every_exit_code_of_the_audit_is_documented() -> None:
    """docs/audit.md's table of exit codes names each one the command can end with."""
    text = (ROOT / "docs" / "audit.md").read_text(encoding="utf-8")
    table = text[text.index("| exit | when |") :]
    table = table[: table.index("\n\n")]
    codes = {int(m) for m in re.findall(r"^\| (\d+) \|", table, re.M)}
    assert codes == EXIT_CODES


def test_a_part_file_of_another_audit_is_not_read(tmp_path: Path) -> None:
    (tmp_path / f".report.json{walking.PART_MARK}x1y2{walking.PART_SUFFIX}").write_text(BAD)
    (tmp_path / "ok.py").write_text("print('hello')\n")
    result = audit([tmp_path])
    assert result.passed and result.files_scanned == 1


def test_a_link_to_a_file_outside_the_folder_is_read_not_patched(here: Path) -> None:
    """`scripts/common.py -> ../lib/common.py`: the file it stands for was read by no one (links
    were skipped as content read where it lives), and the gate passed over it."""
    Path("lib").mkdir()
    Path("lib/common.py").write_text(BAD)
    Path("scripts").mkdir()
    os.symlink("../lib/common.py", "scripts/common.py")
    Path("scripts/ok.py").write_text("print('hello')\n")
    document = json.loads(invoke(["audit", "--json", "scripts"], expect=8).stdout)
    assert {(d["file"], d["rule"]) for d in document} == {("scripts/common.py", "wrong-host")}
    subprocess.run(["git", "init", "-q", "."], check=True)
    assert invoke(["audit", "--diff", "scripts"], expect=8).stdout == ""  # (git would refuse it)
    # both named: read once, where it lives, and patched there
    document = json.loads(invoke(["audit", "--json", "scripts", "lib"], expect=8).stdout)
    assert {d["file"] for d in document} == {"lib/common.py"}
    assert "+++ b/lib/common.py" in invoke(["audit", "--diff", "scripts", "lib"], expect=8).stdout
