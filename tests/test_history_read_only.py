"""A history that cannot be written is still read (environment.md), also when its last writer was
killed and left its -wal and -shm files, and when its disk is full (break17d M5: both were exit 10).

Read-only is made real, not mocked: as root (who writes through chmod) a tmpfs mounted and then
remounted read-only, the way the break-it run did; as another user, chmod of the folder and files.
A full disk needs the tmpfs: without root that test is skipped.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from akool_cli.sandbox import Sandbox
from akool_cli.store.config import JOURNAL_FILE
from tests.conftest import ROOT, Isolation
from tests.support.runner import invoke

ROOTED = hasattr(os, "geteuid") and os.geteuid() == 0
KILLED_WRITER = (  # records a create in doubt, then dies without closing: it is only in the WAL
    "import os, sys\n"
    "from pathlib import Path\n"
    "from akool_cli.store.journal import Journal\n"
    "journal = Journal(Path(sys.argv[1]))\n"
    "journal.begin_attempt('https://openapi.akool.com', 'default', 'talking_photo', {'x': 1})\n"
    "os._exit(0)\n"
)


@pytest.fixture
def disk(isolated: Isolation, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A folder on a small disk of its own (a tmpfs as root), AKOOL_HOME inside it."""
    folder = isolated.tmp / "disk"
    folder.mkdir()
    if ROOTED:
        mounted = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)], capture_output=True
        )
        if mounted.returncode != 0:
            pytest.skip("root, but cannot mount a tmpfs here")
    monkeypatch.setenv("AKOOL_HOME", str(folder / "home"))
    try:
        yield folder
    finally:
        if ROOTED:
            subprocess.run(["umount", "-l", str(folder)], check=False)
        else:
            for path in [folder, *folder.rglob("*")]:
                path.chmod(0o700)


def make_read_only(folder: Path) -> None:
    if ROOTED:
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
    else:
        for path in sorted(folder.rglob("*"), reverse=True):
            path.chmod(0o500 if path.is_dir() else 0o400)


def test_a_read_only_history_a_killed_writer_left_is_read_with_its_newest_rows(
    disk: Path, api_env: Sandbox
) -> None:
    history = disk / "home" / JOURNAL_FILE
    job = invoke(["talk", "https://e.com/p.jpg", "https://e.com/s.mp3"]).stdout.strip()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-c", KILLED_WRITER, str(history)], env=env, check=True)
    assert Path(f"{history}-wal").is_file() and Path(f"{history}-shm").is_file()
    make_read_only(disk)
    result = invoke(["status"])  # asks AKOOL for the job's state, which it cannot save
    assert "cannot be written (it is read-only)" in result.stderr
    assert job in result.stdout
    assert "akool settle 2" in result.stdout  # the attempt only the WAL holds
    refused = invoke(["talk", "https://e.com/p.jpg", "https://e.com/s.mp3"], expect=10)
    assert "it is read-only" in refused.stderr


@pytest.mark.skipif(not ROOTED, reason="a full disk needs a tmpfs (root)")
def test_a_history_on_a_full_disk_is_read(disk: Path, api_env: Sandbox) -> None:
    invoke(["history"])
    with (disk / "filler").open("wb", buffering=0) as filler, contextlib.suppress(OSError):
        while True:  # until the disk is full
            filler.write(b"\0" * 4096)
    result = invoke(["status"])
    assert "cannot be written (its disk is full)" in result.stderr
    refused = invoke(["talk", "https://e.com/p.jpg", "https://e.com/s.mp3"], expect=10)
    assert "its disk is full" in refused.stderr and "free some space" in refused.stderr


def test_watch_o_on_a_read_only_history_refuses_before_downloading(
    disk: Path, api_env: Sandbox, isolated: Isolation
) -> None:
    """break17h H12: `watch ID -o DIR/` on a read-only history saved the video, then said only
    "cannot write the job history" (exit 10) and printed the URL: it read as nothing done, and
    the file was never recorded. Now it refuses before downloading, saying so."""
    job = invoke(["talk", "https://e.com/p.jpg", "https://e.com/s.mp3"]).stdout.strip()
    isolated.clock.advance(60)
    make_read_only(disk)
    out = isolated.tmp / "out"
    refused = invoke(["watch", job, "-o", f"{out}/"], expect=10)
    assert "it is read-only, so nothing was downloaded" in refused.stderr, refused.stderr
    assert not out.exists() or not any(out.iterdir())
    assert refused.stdout == ""


@pytest.mark.skipif(not ROOTED, reason="a full disk needs a tmpfs (root)")
def test_a_fresh_history_on_a_full_disk_says_the_disk_is_full(disk: Path) -> None:
    """break17k K11: a fresh AKOOL_HOME on a nearly full disk was "read-only … make that folder
    and file writable": the folder is writable, the disk is full."""
    (disk / "home").mkdir()
    with (disk / "filler").open("wb", buffering=0) as filler, contextlib.suppress(OSError):
        while True:  # until the disk is full
            filler.write(b"\0" * 4096)
    refused = invoke(["status"], expect=10)
    assert "its disk is full, and it could not be made" in refused.stderr
    assert "free some space" in refused.stderr and "read-only" not in refused.stderr
