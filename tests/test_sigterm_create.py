"""SIGTERM while a billable create is in flight and the server stalls its answer: akool waits a
short grace for the answer, then records the create as an unknown outcome (never resent by
itself), names the command that settles it and exits 143, while the server still holds the
request.

Each test fails on akool before this: the first SIGTERM let a create in flight wait up to its
90 s deadline, so the process was still running when the test's wait for it ran out (the server
stalls 60 s).
"""

from __future__ import annotations

import json
import re
import signal
import sqlite3
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from akool_cli.core.clock import SystemClock
from akool_cli.sandbox import Sandbox, SandboxConfig
from tests.conftest import Isolation
from tests.support.batches import write_rows
from tests.support.runner import AKOOL, invoke, process_env
from tests.support.sandboxes import pointed_at
from tests.support.waiting import wait_for

STALL_SECONDS = 60.0  # longer than the test ever waits for akool: only the grace can end it
VOICE = "sbx-en-f-ava"


class Stall:
    """The sandbox's `method` holds its first call until released (at most STALL_SECONDS), then
    makes the job: a server that keeps a create's answer."""

    def __init__(self, sandbox: Sandbox, method: str) -> None:
        self.arrived, self.release, self.answered = (threading.Event() for _ in range(3))
        original = getattr(sandbox.state, method)

        def stalled(*args: Any, **kwargs: Any) -> Any:
            setattr(sandbox.state, method, original)
            self.arrived.set()
            self.release.wait(STALL_SECONDS)
            try:
                return original(*args, **kwargs)
            finally:
                self.answered.set()

        setattr(sandbox.state, method, stalled)


@pytest.fixture
def live_sandbox(isolated: Isolation, monkeypatch: pytest.MonkeyPatch) -> Iterator[Sandbox]:
    with pointed_at(SandboxConfig(processing_seconds=0.2), SystemClock(), monkeypatch) as server:
        yield server


def terminated_while_stalled(argv: list[str], env: dict[str, str], stall: Stall) -> tuple[str, str]:
    """Run akool until the stalled create reaches the server, SIGTERM it once, and return its
    output; it must have exited 143 while the server still held the request."""
    process = subprocess.Popen(
        [AKOOL, *argv], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        wait_for(lambda: stall.arrived.is_set() or process.poll() is not None, seconds=60)
        assert stall.arrived.is_set(), process.communicate()
        process.send_signal(signal.SIGTERM)
        stdout, stderr = process.communicate(timeout=STALL_SECONDS / 2)
    finally:
        process.kill()
        process.wait()
    assert not stall.answered.is_set()  # akool did not wait for the answer
    assert process.returncode == 143, stderr
    assert "Traceback" not in stderr
    return stdout, stderr


def outcomes(home: Path) -> list[str]:
    db = sqlite3.connect(home / "jobs.sqlite3")
    try:
        return [row[0] for row in db.execute("SELECT outcome FROM attempts ORDER BY id")]
    finally:
        db.close()


def test_sigterm_while_a_batch_rows_create_stalls(
    isolated: Isolation, live_sandbox: Sandbox
) -> None:
    rows = write_rows(isolated.tmp / "rows.csv", 1)
    stall = Stall(live_sandbox, "create_job")
    env = process_env(isolated.home, live_sandbox.base_url)
    stdout, stderr = terminated_while_stalled(["batch", str(rows), "--json"], env, stall)
    row = json.loads(stdout)["results"][0]
    assert row["state"] == "unknown" and row["job_id"] is None
    assert f"akool settle {row['attempt']} --created JOB_ID" in stderr
    assert outcomes(isolated.home) == ["unknown"]
    stall.release.set()  # the server answers no one now, but it made the job
    wait_for(stall.answered.is_set)
    assert len(live_sandbox.state.jobs) == 1
    # Running the batch again never pays for the row a second time by itself.
    again = json.loads(invoke(["batch", str(rows), "--json"], expect=9).stdout)
    assert again["results"][0]["state"] == "unknown" and len(live_sandbox.state.jobs) == 1


def test_sigterm_while_talk_texts_speech_create_stalls(
    isolated: Isolation, live_sandbox: Sandbox
) -> None:
    stall = Stall(live_sandbox, "create_speech")
    env = process_env(isolated.home, live_sandbox.base_url)
    talk = ["talk", "https://example.com/p.jpg", "--text", "Hello", "--voice", VOICE]
    _, stderr = terminated_while_stalled(talk, env, stall)
    found = re.search(r"akool settle (\d+) --created JOB_ID", stderr)
    assert found and "unknown" in stderr, stderr
    assert outcomes(isolated.home) == ["unknown"]
    stall.release.set()
    wait_for(stall.answered.is_set)
    again = invoke(talk, expect=5)  # never re-billed by running it again
    assert found.group(0) in again.stderr
    assert len(live_sandbox.state.speech) == 1 and not live_sandbox.state.jobs
