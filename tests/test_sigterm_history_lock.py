"""SIGTERM ends akool at once also while another process holds the history's write lock (break17d
M3): a frozen akool, a `sqlite3` shell or a backup tool inside a transaction kept akool in SQLite's
own busy wait, deaf to signals, for its whole 30 s; without a signal the wait still ends in exit 10.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from akool_cli.core.errors import LocalStateError
from akool_cli.sandbox import Sandbox
from akool_cli.store import journal as journal_module
from akool_cli.store.config import JOURNAL_FILE
from akool_cli.store.journal import Journal
from tests.conftest import Isolation
from tests.support.rawmcp import RawServer
from tests.support.runner import AKOOL, exit_report, invoke, process_env, traced
from tests.support.waiting import wait_for
from tests.test_mcp import AUDIO, IMAGE

HOLDER = (
    "import sqlite3, sys\n"
    "db = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
    "db.execute('BEGIN IMMEDIATE')\n"
    "print('locked', flush=True)\n"
    "sys.stdin.read()\n"
)


@contextmanager
def lock_held(history: Path) -> Iterator[None]:
    """Another process (not akool) holding the history's write lock until the block ends."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(history)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        yield
    finally:
        holder.kill()
        holder.wait()


def has_open(pid: int, path: Path) -> bool:
    """Whether process `pid` has `path` open (it then waits for the lock: it opens it first)."""
    fds = Path(f"/proc/{pid}/fd")
    try:
        return any(os.path.realpath(fd) == str(path.resolve()) for fd in fds.iterdir())
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")
@pytest.mark.parametrize(
    "argv",
    [["status"], ["talk", "https://example.com/p.jpg", "https://example.com/s.mp3"]],
    ids=["status", "talk"],
)
def test_sigterm_ends_a_wait_for_the_history_lock(argv: list[str], isolated: Isolation) -> None:
    invoke(["history"])  # the history exists, as after any earlier run
    history = isolated.home / JOURNAL_FILE
    env = traced(process_env(isolated.home, "http://127.0.0.1:9", AKOOL_API_KEY="k" * 32))
    with lock_held(history):
        process = subprocess.Popen(
            [AKOOL, *argv], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        try:
            wait_for(lambda: has_open(process.pid, history))
            sent = time.monotonic()
            process.send_signal(signal.SIGTERM)
            _, stderr = process.communicate(timeout=15)
            took = time.monotonic() - sent
        finally:
            process.kill()
            process.wait()
    assert process.returncode == 128 + signal.SIGTERM, exit_report(process.returncode, stderr)
    assert took < 2.0, f"exited {took:.2f} s after SIGTERM"
    assert "Traceback" not in stderr


def test_a_lock_held_for_good_still_ends_in_exit_10_naming_it(
    isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    invoke(["history"])
    history = isolated.home / JOURNAL_FILE
    monkeypatch.setattr(journal_module, "BUSY_TIMEOUT_MS", 300)  # the 30 s, shortened
    # Opened for reading (status shows the states: break17h H16); the first write fails.
    with lock_held(history), Journal(history) as journal, pytest.raises(LocalStateError) as caught:
        journal.begin_attempt("https://openapi.akool.com", "default", "talking_photo", {"x": 1})
    assert "another process holds its write lock" in caught.value.message
    assert caught.value.hint is not None and "another akool holds the history" in caught.value.hint


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")
def test_sigterm_ends_akool_mcp_while_another_process_holds_the_history_lock(
    isolated: Isolation,
) -> None:
    """`akool mcp` closes its session's run in the history when stopped: with the lock held by
    another process that wait took the whole busy timeout, ~30 s (break17e P5)."""
    invoke(["history"])
    history = isolated.home / JOURNAL_FILE
    server = RawServer(
        isolated.tmp, isolated.home, "http://127.0.0.1:9", env={"AKOOL_API_KEY": "k" * 32}
    )
    try:
        server.initialize()
        with lock_held(history):
            sent = time.monotonic()
            server.proc.send_signal(signal.SIGTERM)
            code = server.wait(15)
            took = time.monotonic() - sent
    finally:
        server.kill()
    assert code == 128 + signal.SIGTERM, exit_report(code, server.stderr())
    assert took < 2.0, f"exited {took:.2f} s after SIGTERM"
    assert "could not be written in time" in server.stderr()


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")
def test_a_create_answered_during_the_stop_with_the_lock_held_is_printed_with_its_settle(
    isolated: Isolation, api_env: Sandbox
) -> None:
    """break17f F12: AKOOL answers a create during the stop's grace while another process holds
    the history lock, so the answer cannot be recorded before akool exits. Before, its job id
    was lost (the attempt unknown, nothing printed); now stderr names it and its settle."""
    server = RawServer(isolated.tmp, isolated.home, api_env.base_url)
    try:
        server.initialize()
        api_env.state.inject("hold", at="create_talking_photo")
        server.call("talk", {"image_url": IMAGE, "audio_url": AUDIO})
        wait_for(lambda: api_env.state.holding == 1)
        with lock_held(isolated.home / JOURNAL_FILE):
            server.proc.send_signal(signal.SIGTERM)
            wait_for(lambda: "stopping (SIGTERM)" in server.stderr())
            api_env.state.release()  # AKOOL answers within the grace
            code = server.wait(15)
    finally:
        api_env.state.release()
        server.kill()
    stderr = server.stderr()
    assert code == 128 + signal.SIGTERM, exit_report(code, stderr)
    [job_id] = list(api_env.state.jobs)
    assert f"AKOOL created talking photo job {job_id}, but akool could not record it" in stderr
    assert f"akool settle 1 --created {job_id}" in stderr, stderr
    assert "Traceback" not in stderr
