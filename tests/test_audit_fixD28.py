"""fixD28's tests: `--diff` patches that keep TypeScript building, a folder whose git files would
block the audit, typed parameter defaults across files, JSON bodies in other escapings."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from akool_cli.audit import gitignores

TALK = "https://openapi.akool.com/api/open/v3/content/video/createbytalkingphoto"
SCRIPT = f'import requests\nrequests.post("{TALK}", json={{"resolution": "720p"}})\n'
# A guard against a hang only (the audit of one file takes a second or two): never a speed test.
HANG_GUARD_SECONDS = 90


def _audit_finishes(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`akool audit` of a folder run as users run it, killed if it has not ended by the guard
    (a hang fails the test; the run's own time is never judged)."""
    command = [sys.executable, "-m", "akool_cli", "audit", *args, str(folder)]
    try:
        return subprocess.run(
            command,
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            timeout=HANG_GUARD_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"akool audit {folder} hung (still running after {HANG_GUARD_SECONDS} s)")


def _repository(tmp_path: Path) -> Path:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "talk.py").write_text(SCRIPT, encoding="utf-8")
    return tmp_path


def _include(config: Path, value: str) -> None:
    with config.open("a", encoding="utf-8") as handle:
        handle.write(f"[include]\n\tpath = {value}\n")


def _reported(run: subprocess.CompletedProcess[str]) -> None:
    assert run.returncode == 8, run.stderr  # (the script's finding: the audit read the tree)
    assert "talk.py:2:" in run.stdout, run.stdout


# -- git-include-nested-fifo -----------------------------------------------------------------


def test_a_fifo_an_included_config_includes_is_not_handed_to_git(tmp_path: Path) -> None:
    """.git/config includes inc/other.cfg, which includes deeper/fifo.cfg (relative to its own
    folder, as git reads it): git waited on the FIFO forever (main: the direct include only)."""
    top = _repository(tmp_path)
    (top / "inc" / "deeper").mkdir(parents=True)
    os.mkfifo(top / "inc" / "deeper" / "fifo.cfg")
    _include(top / "inc" / "other.cfg", "deeper/fifo.cfg")
    _include(top / ".git" / "config", "../inc/other.cfg")
    found = gitignores.special_source(top, top)
    assert found is not None and os.path.samefile(found, top / "inc/deeper/fifo.cfg"), found
    _reported(_audit_finishes(top))


def test_an_include_cycle_is_followed_once(tmp_path: Path) -> None:
    """a.cfg includes b.cfg, which includes a.cfg, and b.cfg also includes a FIFO: found, and the
    cycle read once (git itself refuses it: the audit reads the ignore files itself)."""
    top = _repository(tmp_path)
    os.mkfifo(top / "fifo.cfg")
    _include(top / "a.cfg", "b.cfg")
    _include(top / "b.cfg", "a.cfg")
    _include(top / "b.cfg", "fifo.cfg")
    _include(top / ".git" / "config", "../a.cfg")
    found = gitignores.special_source(top, top)
    assert found is not None and os.path.samefile(found, top / "fifo.cfg"), found
    _reported(_audit_finishes(top))


def test_an_include_cycle_without_a_fifo_ends(tmp_path: Path) -> None:
    top = _repository(tmp_path)
    _include(top / "a.cfg", "b.cfg")
    _include(top / "b.cfg", "a.cfg")
    _include(top / ".git" / "config", "../a.cfg")
    assert gitignores.special_source(top, top) is None
    _reported(_audit_finishes(top))


def test_an_excludes_file_that_is_a_fifo_is_not_handed_to_git(tmp_path: Path) -> None:
    top = _repository(tmp_path)
    os.mkfifo(top / "ignores")
    with (top / ".git" / "config").open("a", encoding="utf-8") as handle:
        handle.write(f"[core]\n\texcludesFile = {top / 'ignores'}\n")
    assert gitignores.special_source(top, top) is not None
    _reported(_audit_finishes(top))


def test_an_included_excludes_file_that_is_a_fifo_is_not_handed_to_git(tmp_path: Path) -> None:
    top = _repository(tmp_path)
    os.mkfifo(top / "ignores")
    (top / "more.cfg").write_text("[core]\n\texcludesFile = ignores\n", encoding="utf-8")
    _include(top / ".git" / "config", "../more.cfg")
    assert gitignores.special_source(top, top) is not None
    _reported(_audit_finishes(top))


def test_a_fifo_named_like_a_script_is_skipped(tmp_path: Path) -> None:
    top = _repository(tmp_path)
    os.mkfifo(top / "waits.py")
    _reported(_audit_finishes(top))


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_a_link_to_dev_zero_is_skipped(tmp_path: Path) -> None:
    top = _repository(tmp_path)
    (top / "zero.py").symlink_to("/dev/zero")
    _reported(_audit_finishes(top))
    named = _audit_finishes(top / "zero.py")  # (named on the command line: skipped too)
    assert named.returncode != 8 and "talk.py" not in named.stdout
