"""A stop signal at an unlucky moment is still a clean stop: the signal's exit code, nothing lost.

Each test sends akool a real SIGTERM (signal.raise_signal, handled by akool's own handler) at one
precise point that a signal from outside hits only now and then under load, where it once turned
into an unexpected error (exit 1).
"""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from akool_cli.sandbox import Sandbox
from tests.conftest import Isolation
from tests.support.runner import exit_report, invoke, process_env

IMAGE = "https://example.com/portrait.jpg"
AUDIO = "https://example.com/speech.mp3"
STOPPED = 128 + signal.SIGTERM


def three_row_batch(isolated: Isolation) -> tuple[list[str], Path]:
    """`akool batch` of three talking photos, and the folder their videos go to."""
    rows = isolated.tmp / "rows.csv"
    lines = [f"r{n},https://example.com/r{n}.jpg,{AUDIO}" for n in range(3)]
    rows.write_text("\n".join(["id,image_url,audio_url", *lines]) + "\n")
    out = isolated.tmp / "out"
    return ["batch", str(rows), "-o", str(out), "--interval", "0.1"], out


def runs() -> list[dict[str, Any]]:
    """The runs the ledger records (akool spend)."""
    found: list[dict[str, Any]] = json.loads(invoke(["spend", "--json"]).stdout)["runs"]
    return found


def sigterm_as_thread_starts(monkeypatch: pytest.MonkeyPatch, name: str) -> Callable[[], int]:
    """SIGTERM arrives just as akool starts its first thread called `name` (before the thread
    runs: under load a new thread can wait a while for a core). Returns how often it was sent."""
    start = threading.Thread.start
    sent = 0

    def starting(thread: threading.Thread) -> None:
        nonlocal sent
        if thread.name == name and not sent:
            sent += 1
            signal.raise_signal(signal.SIGTERM)
        start(thread)

    monkeypatch.setattr(threading.Thread, "start", starting)
    return lambda: sent


def test_sigterm_as_talk_starts_its_poller_thread_exits_143_with_the_id_kept(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    sent = sigterm_as_thread_starts(monkeypatch, "akool-watch")
    target = isolated.tmp / "v.mp4"
    result = invoke(["talk", IMAGE, AUDIO, "-o", str(target)], expect=STOPPED)
    assert sent() == 1
    [job] = list(api_env.state.jobs)
    assert result.stdout.split() == [job]  # the billed job's id reached the user
    assert "stopped watching" in result.stderr and f"akool watch {job} -o" in result.stderr
    invoke(["watch", job, "-o", str(target)])  # and the job is picked up where it stopped
    assert target.is_file()


def test_sigterm_as_batch_starts_its_feeder_thread_exits_143_and_a_rerun_finishes(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    sent = sigterm_as_thread_starts(monkeypatch, "akool-batch-feed")
    args, out = three_row_batch(isolated)
    stopped = invoke(args, expect=STOPPED)
    assert sent() == 1
    assert "stopped the batch" in stopped.stderr
    invoke(args)
    assert len(api_env.state.jobs) == 3 and len(list(out.glob("*.mp4"))) == 3


def test_sigterm_as_batch_starts_a_poller_thread_exits_143_and_a_rerun_finishes(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    sent = sigterm_as_thread_starts(monkeypatch, "akool-watch")
    args, out = three_row_batch(isolated)
    invoke(args, expect=STOPPED)
    assert sent() == 1
    assert [r["outcome"] for r in runs()] == ["stopped"]  # the ledger's run is closed
    invoke(args)  # (the signal is sent once)
    jobs = api_env.state.stats()
    assert jobs["jobs"] == 3 and jobs["duplicates"] == 0
    assert len(list(out.glob("*.mp4"))) == 3


class _SignalAfterBegin(sqlite3.Connection):
    """The history's connection, with SIGTERM arriving during the main thread's BEGIN once armed
    (handled as the call returns, before the transaction's body runs)."""

    armed = False

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
        cursor = super().execute(sql, *args)
        main = threading.current_thread() is threading.main_thread()
        if sql == "BEGIN IMMEDIATE" and main and _SignalAfterBegin.armed:
            _SignalAfterBegin.armed = False
            signal.raise_signal(signal.SIGTERM)
        return cursor


def test_sigterm_as_the_history_begins_a_write_leaves_it_writable_and_the_run_closed(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The batch's first status answer is being recorded (in the main thread) when SIGTERM
    comes: the rest of the run still records what it must (the run's end, in the ledger)."""
    from akool_cli.store import journal

    connect = sqlite3.connect
    monkeypatch.setattr(
        sqlite3, "connect", lambda *a, **k: connect(*a, factory=_SignalAfterBegin, **k)
    )
    update_from = journal.Journal.update_from

    def arming(self: journal.Journal, info: Any) -> str | None:
        sent.append(info.id)
        _SignalAfterBegin.armed = len(sent) == 1  # the first answer recorded
        return update_from(self, info)

    sent: list[str] = []
    monkeypatch.setattr(journal.Journal, "update_from", arming)
    monkeypatch.setattr(_SignalAfterBegin, "armed", False)
    args, out = three_row_batch(isolated)
    stopped = invoke(args, expect=STOPPED)
    assert sent and "could not record" not in stopped.stderr
    assert [r["outcome"] for r in runs()] == ["stopped"]  # the ledger's run is closed
    invoke(args)
    jobs = api_env.state.stats()
    assert jobs["jobs"] == 3 and jobs["duplicates"] == 0
    assert len(list(out.glob("*.mp4"))) == 3


# A second SIGTERM (`timeout` signals akool, then its process group) while the main thread reads
# how much grace is left after the first: before, the handler waited for a lock its own thread
# held, and akool hung for good (only SIGKILL ended it). Run apart: a hang cannot stop pytest.
ECHO_IN_GRACE_LEFT = """
import signal, time
from akool_cli.core import interrupts
with interrupts.installed():
    try:
        signal.raise_signal(signal.SIGTERM)
    except KeyboardInterrupt:
        print("stopped", flush=True)
    real, echoed = time.monotonic, []
    def monotonic():
        if not echoed:
            echoed.append(True)
            signal.raise_signal(signal.SIGTERM)  # inside grace_left's lock
        return real()
    interrupts.time.monotonic = monotonic
    left = interrupts.grace_left()
    print("grace", 0 < left <= interrupts.ANSWER_GRACE_SECONDS, bool(echoed), flush=True)
"""


def test_a_second_sigterm_while_the_grace_is_read_is_the_same_stop_not_a_hang(
    isolated: Isolation,
) -> None:
    process = subprocess.Popen(
        [sys.executable, "-c", ECHO_IN_GRACE_LEFT],
        env=process_env(isolated.home),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        stdout, stderr = process.communicate(timeout=60)  # a bound for a hang, not a speed
    finally:
        process.kill()
        process.wait()
    assert process.returncode == 0, exit_report(process.returncode, stderr)
    assert stdout.split("\n")[:2] == ["stopped", "grace True True"]


# Python reports an exception raised in a finalizer (as "Exception ignored in …"), pytest too.
SWALLOWED = pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")


class _SignalInFinalizer:
    """An object whose finalizer is running when SIGTERM comes: Python reports the handler's
    KeyboardInterrupt as "Exception ignored" and goes on, so only the recorded stop is left."""

    def __del__(self) -> None:
        signal.raise_signal(signal.SIGTERM)


def sigterm_in_a_finalizer_at_the_first_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    """SIGTERM comes while a finalizer runs in the main thread, as the first status answer is
    recorded."""
    from akool_cli.store import journal

    update_from = journal.Journal.update_from
    seen: list[str] = []

    def finalizing(self: journal.Journal, info: Any) -> str | None:
        seen.append(info.id)
        if len(seen) == 1 and threading.current_thread() is threading.main_thread():
            _SignalInFinalizer()  # dropped at once: its finalizer runs here
        return update_from(self, info)

    monkeypatch.setattr(journal.Journal, "update_from", finalizing)


@SWALLOWED
def test_a_stop_whose_keyboardinterrupt_python_swallowed_still_stops_talk_with_143(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    sigterm_in_a_finalizer_at_the_first_answer(monkeypatch)
    target = isolated.tmp / "v.mp4"
    result = invoke(["talk", IMAGE, AUDIO, "-o", str(target)], expect=STOPPED)
    [job] = list(api_env.state.jobs)
    assert result.stdout.split() == [job] and f"akool watch {job} -o" in result.stderr


@SWALLOWED
def test_a_stop_whose_keyboardinterrupt_python_swallowed_still_stops_the_batch_with_143(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    sigterm_in_a_finalizer_at_the_first_answer(monkeypatch)
    args, out = three_row_batch(isolated)
    stopped = invoke(args, expect=STOPPED)
    assert "stopped the batch" in stopped.stderr
    assert [r["outcome"] for r in runs()] == ["stopped"]
    invoke(args)
    jobs = api_env.state.stats()
    assert jobs["jobs"] == 3 and jobs["duplicates"] == 0
    assert len(list(out.glob("*.mp4"))) == 3
