"""`akool audit` at the edges of its command line, as a CI gate meets them (break-it D21): a run
that scans 0 files is refused, not passed; a file named again inside a folder also given is
read once; a reader that closes the pipe early leaves the audit's own exit code; a SARIF log
tells the story the exit code tells (a file not scanned, a usage error); the size limit is said
in MiB; a symbolic link loop is said to be one."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from akool_cli.audit.scan import MAX_FILE_BYTES
from tests.conftest import Isolation
from tests.support.runner import AKOOL, invoke, process_env
from tests.test_audit_sarif import validate

BAD = (
    "import requests\n"
    'BASE = "https://openapi.akool.com/api/open/v3"\n'
    'requests.post(f"{BASE}/content/video/createbytalkingphoto",\n'
    '    json={"talking_photo_url": p, "audio_url": a, "resolution": "720p"})\n'
)
INFO_ONLY = (  # one info finding: the gate passes (exit 0) with a line on stdout
    "import requests\n"
    'requests.post("https://openapi.akool.com/api/open/v3/getToken",\n'
    '    json={"clientId": c, "clientSecret": s})\n'
)


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def sarif_run(args: list[str], expect: int) -> dict[str, Any]:
    """The one run of the SARIF log `akool audit --format sarif ARGS` prints, validated."""
    result = invoke(["audit", "--format", "sarif", *args], expect=expect)
    document: dict[str, Any] = json.loads(result.stdout)
    validate(document)
    run: dict[str, Any] = document["runs"][0]
    return run


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("Error: ")]


# -- 1. 0 files scanned is refused, not passed ------------------------------------------------------


def test_a_glob_that_selects_nothing_is_refused_not_passed(here: Path) -> None:
    """`--include nomatch` (a typo'd glob) said `0 of 0 file(s) scanned`, `[]`, exit 0: a gate
    passed having read nothing. It exits 2 (the arguments select nothing) with one error, so
    the SARIF step of docs/ci.md (`|| test $? -eq 8`) fails too."""
    Path("bad").mkdir()
    Path("bad/talk.py").write_text(BAD)
    result = invoke(["audit", "--include", "nomatch", "bad"], expect=2)
    [line] = error_lines(result.stderr)
    assert "--include nomatch" in line and "0 files scanned" in line, result.stderr
    assert "Hint: check the globs" in result.stderr and result.stdout == ""
    document = json.loads(
        invoke(["audit", "--json", "--include", "nomatch", "bad"], expect=2).stdout
    )
    assert (
        document["error"]["exit_code"] == 2 and "nothing to audit" in document["error"]["message"]
    )
    run = sarif_run(["--include", "nomatch", "bad"], expect=2)
    [invocation] = run["invocations"]
    assert invocation["executionSuccessful"] is False and invocation["exitCode"] == 2
    [note] = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and "--include nomatch" in note["message"]["text"]
    assert run["results"] == []
    # the glob that matches is read as before
    invoke(["audit", "--include", "*.py", "bad"], expect=8)


@pytest.mark.parametrize("content", [None, b"\x89PNG\r\n\x1a\n\x00\x00binary"])
def test_a_folder_with_no_text_file_is_refused(here: Path, content: bytes | None) -> None:
    Path("scripts").mkdir()
    if content is not None:
        Path("scripts/logo.png").write_bytes(content)
    result = invoke(["audit", "scripts"], expect=2)
    [line] = error_lines(result.stderr)
    assert "nothing to audit: scripts holds no text file (0 files scanned" in line
    assert json.loads(invoke(["audit", "--json", "scripts"], expect=2).stdout)["error"]
    assert sarif_run(["scripts"], expect=2)["invocations"][0]["executionSuccessful"] is False


def test_a_file_too_large_alone_is_still_a_file_not_scanned(here: Path) -> None:
    """0 files read but one not scanned: that is exit 8 and its own entry, as documented."""
    Path("huge.sh").write_text("# padding\n" * (MAX_FILE_BYTES // 10 + 1))
    result = invoke(["audit", "huge.sh"], expect=8)
    assert "0 file(s) scanned, 0 with findings; 1 file(s) not scanned" in result.stderr


# -- 2. a file named twice is read once -------------------------------------------------------------


def test_a_file_named_again_inside_a_folder_is_audited_once(here: Path) -> None:
    """`akool audit bad bad/talk.py` (`akool audit . changed.py`) printed the file's findings
    twice, listed them twice in --json and counted "1 of 3 file(s)"."""
    Path("bad").mkdir()
    Path("bad/talk.py").write_text(BAD)
    Path("bad/other.py").write_text("print('hello')\n")
    os.symlink("talk.py", "bad/link.py")  # named on the command line, it is the same file
    alone = invoke(["audit", "bad"], expect=8)
    for args in (
        ["bad", "bad/talk.py"],
        ["bad/talk.py", "bad"],
        ["bad", "./bad/talk.py", "bad/link.py", "bad"],
    ):
        again = invoke(["audit", *args], expect=8)
        lines = again.stdout.splitlines()
        assert len(lines) == len(set(lines)) == len(alone.stdout.splitlines()), again.stdout
        assert ": 2 file(s) scanned, 1 with findings" in again.stderr, again.stderr
        listed = json.loads(invoke(["audit", "--json", *args], expect=8).stdout)
        places = [(f["line"], f["column"], f["rule"]) for f in listed]
        assert len(places) == len(set(places)) == len(lines)
        assert len(sarif_run(args, expect=8)["results"]) == len(lines)
    assert (
        invoke(["audit", "--diff", "bad", "bad/talk.py"], expect=8).stdout
        == invoke(["audit", "--diff", "bad"], expect=8).stdout
    )


# -- 3. a reader that closes the pipe early ---------------------------------------------------------


@pytest.mark.parametrize(
    ("script", "args", "code"),
    [
        (BAD, [], 8),
        (BAD, ["--json"], 8),
        (BAD, ["--format", "sarif"], 8),
        (BAD, ["--diff"], 8),
        (INFO_ONLY, [], 0),
    ],
)
def test_a_reader_gone_keeps_the_audits_exit_code(
    isolated: Isolation, script: str, args: list[str], code: int
) -> None:
    """`akool audit … | head -0` exited 1 ("unexpected error") with nothing said: a gate with
    `set -o pipefail` failed for the pipe, not for the audit. The reader going away is no error
    (as everywhere in akool): the exit is the audit's (8 with errors, 0 without), the summary
    still on stderr, no traceback."""
    target = isolated.tmp / "talk.py"
    target.write_text(script)
    read, write = os.pipe()
    os.close(read)  # the reader is gone before anything is written (`| head -0`)
    try:
        done = subprocess.run(
            [AKOOL, "audit", *args, str(target)],
            env=process_env(isolated.home),
            stdout=write,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    finally:
        os.close(write)
    assert done.returncode == code, done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
    assert "Error" not in done.stderr and "file(s) scanned" in done.stderr, done.stderr


# -- 4. SARIF: a file not scanned tells the exit code's story ---------------------------------------


def test_sarif_says_a_file_not_scanned_as_an_error_and_the_exit_code(here: Path) -> None:
    """A file not scanned made the run exit 8 while its SARIF notification said "warning": now
    an error-level notification (SARIF: the run's results are not complete), with the
    invocation's exitCode 8; the tool did run to completion, so executionSuccessful stays
    true. A clean run's invocation says exit 0."""
    Path("huge.js").write_text("// padding\n" * (MAX_FILE_BYTES // 11 + 1))
    Path("talk.py").write_text(BAD)
    [invocation] = sarif_run(["."], expect=8)["invocations"]
    assert invocation["executionSuccessful"] is True and invocation["exitCode"] == 8
    [note] = invocation["toolExecutionNotifications"]
    assert (
        note["level"] == "error"
        and "huge.js: not scanned (larger than 5 MiB)" in (note["message"]["text"])
    )
    location = note["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location["uri"] == "huge.js"
    Path("clean.py").write_text(INFO_ONLY)
    [clean] = sarif_run(["clean.py"], expect=0)["invocations"]
    assert clean["exitCode"] == 0 and clean["toolExecutionNotifications"] == []


# -- 5. SARIF: a usage error is a SARIF log too -----------------------------------------------------


@pytest.mark.parametrize(
    ("args", "said"),
    [
        ([], "Missing argument 'PATH...'"),
        (["missing.py"], "no such file or folder: missing.py"),
        (["--select", "no-such-rule", "."], "no audit rule named no-such-rule"),
    ],
)
def test_a_usage_error_with_format_sarif_is_a_sarif_log(
    here: Path, args: list[str], said: str
) -> None:
    """`--format sarif` with a usage error printed nothing on stdout (while --json prints one
    error document), so the upload step had no file or an empty one. It is a valid SARIF log
    whose invocation failed: executionSuccessful false, exitCode 2, the error as an
    error-level notification, no results."""
    for form in (["--format", "sarif"], ["--format=sarif"]):
        result = invoke(["audit", *form, *args], expect=2)
        [line] = error_lines(result.stderr)
        assert said in line
        document = json.loads(result.stdout)
        validate(document)
        [run] = document["runs"]
        assert run["results"] == []
        [invocation] = run["invocations"]
        assert invocation["executionSuccessful"] is False and invocation["exitCode"] == 2
        [note] = invocation["toolExecutionNotifications"]
        assert note["level"] == "error" and said in note["message"]["text"]
    # --json keeps its error document; both formats at once is itself a usage error, in JSON
    assert "error" in json.loads(invoke(["audit", "--json", *args], expect=2).stdout)
    both = invoke(["audit", "--json", "--format", "sarif", "."], expect=2)
    assert "two formats" in json.loads(both.stdout)["error"]["message"]


# -- 6. the size limit said exactly ----------------------------------------------------------------


def test_the_size_limit_is_said_in_mib(here: Path) -> None:
    """MAX_FILE_BYTES is 5 * 1024 * 1024 (5 MiB): the message and the help said "5 MB"."""
    assert MAX_FILE_BYTES == 5 * 1024 * 1024
    Path("huge.sh").write_bytes(b"#" * (MAX_FILE_BYTES + 1))
    Path("edge.sh").write_bytes(b"#" * MAX_FILE_BYTES)  # at the limit: read
    result = invoke(["audit", "huge.sh", "edge.sh"], expect=8)
    assert "huge.sh: not scanned (larger than 5 MiB)" in result.stderr
    assert "edge.sh" not in result.stderr and "1 file(s) not scanned" in result.stderr
    helped = invoke(["audit", "--help"]).stdout
    assert "5 MiB" in " ".join(helped.split()) and "5 MB" not in helped


# -- 7. a symbolic link loop -----------------------------------------------------------------------


def test_a_symlink_loop_is_said_to_be_one(here: Path) -> None:
    """`ln -s l1 l2; ln -s l2 l1; akool audit l1` said "no such file or folder: l1"."""
    os.symlink("l1", "l2")
    os.symlink("l2", "l1")
    result = invoke(["audit", "l1"], expect=2)
    [line] = error_lines(result.stderr)
    assert "l1: a symbolic link loop" in line and "no such file" not in line
    os.symlink("gone.py", "dangling.py")
    dangling = invoke(["audit", "dangling.py"], expect=2)
    assert "dangling.py: a link to gone.py, which does not exist" in dangling.stderr
    assert "no such file or folder: nope.py" in invoke(["audit", "nope.py"], expect=2).stderr
