"""Billing promises across processes: one id is one job, and an unknown outcome is never re-billed.

Each test fails on akool before issue 17: a second create answered with an earlier job's id was
merged into it silently, and `talk --text` killed while its speech create was in flight paid for
the speech again when run once more.
"""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from akool_cli.core import contract
from akool_cli.core.clock import SystemClock
from akool_cli.sandbox import Sandbox, SandboxConfig
from tests.conftest import Isolation
from tests.support.batches import write_rows
from tests.support.runner import AKOOL, invoke, process_env
from tests.support.sandboxes import running

AUDIO = "https://example.com/speech.mp3"
VOICE = "sbx-en-f-ava"


def attempts(home: Path) -> list[sqlite3.Row]:
    db = sqlite3.connect(home / "jobs.sqlite3")
    db.row_factory = sqlite3.Row
    try:
        return list(db.execute("SELECT * FROM attempts ORDER BY id"))
    finally:
        db.close()


# -- one id, one job ------------------------------------------------------------------------------


def test_two_creates_answered_with_one_id_are_reported_not_merged(
    api_env: Sandbox, isolated: Isolation
) -> None:
    created = api_env.state.create_job
    first: list[object] = []

    def same_id_twice(*args: object, **kwargs: object) -> object:
        if first:
            return first[0]  # a server that answers the second create with the first one's _id
        first.append(created(*args, **kwargs))  # type: ignore[arg-type]
        return first[0]

    api_env.state.create_job = same_id_twice  # type: ignore[method-assign,assignment]
    rows = write_rows(isolated.tmp / "rows.csv", 2)
    result = invoke(["batch", str(rows), "--json", "-c", "1"], expect=9)
    report = {r["row"]: r for r in json.loads(result.stdout)["results"]}
    assert report[2]["state"] == "done" and report[3]["state"] == "unknown"
    # Both rows are named, and the second row is not given the first one's job.
    assert "row 3 (r1)" in report[3]["error"] and "row 2 (r0)" in report[3]["error"]
    assert report[3]["job_id"] is None
    outcomes = [a["outcome"] for a in attempts(isolated.home)]
    assert outcomes == ["created", "unknown"]
    # And a second run does not pay for row 3 again by itself.
    again = json.loads(invoke(["batch", str(rows), "--json"], expect=9).stdout)
    assert [r["state"] for r in again["results"]] == ["done", "unknown"]


def test_a_talk_answered_with_an_earlier_jobs_id_is_an_unknown_outcome(
    api_env: Sandbox, isolated: Isolation
) -> None:
    job = invoke(["talk", "https://example.com/a.jpg", AUDIO, "--name", "first"]).stdout.strip()
    earlier = api_env.state.jobs[job]
    api_env.state.create_job = lambda *a, **k: earlier  # type: ignore[method-assign]
    result = invoke(["talk", "https://example.com/b.jpg", AUDIO], expect=5)
    assert result.stdout == "" and f"job id {job}" in result.stderr
    assert "talking photo 'first'" in result.stderr and "Hint:" in result.stderr


# -- talk --text killed while its speech create is in flight --------------------------------------


@pytest.fixture
def slow_sandbox(isolated: Isolation) -> Iterator[Sandbox]:
    """A real-time sandbox whose every answer takes 0.6 s: time to kill akool mid-request."""
    with running(SandboxConfig(processing_seconds=0.2, latency=0.6), SystemClock()) as server:
        yield server


def wait_for_request(sandbox: Sandbox, path: str, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 60
    while not any(r.path == path for r in sandbox.state.received):
        assert process.poll() is None and time.monotonic() < deadline
        time.sleep(0.005)


def test_talk_text_killed_mid_speech_create_is_never_billed_again(
    isolated: Isolation, slow_sandbox: Sandbox
) -> None:
    env = process_env(isolated.home, slow_sandbox.base_url)
    talk = [AKOOL, "talk", "https://example.com/p.jpg", "--text", "Hello", "--voice", VOICE]
    process = subprocess.Popen(
        talk, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    wait_for_request(slow_sandbox, contract.CREATE_TTS.path, process)
    process.send_signal(signal.SIGKILL)  # nothing can be done: the create is in flight
    process.wait()
    time.sleep(0.8)  # the sandbox finishes the request it was answering: one speech is made
    assert len(slow_sandbox.state.speech) == 1
    again = subprocess.run(talk, env=env, capture_output=True, text=True)
    assert again.returncode == 5, again.stderr
    assert "unknown outcome" in again.stderr and "Hint:" in again.stderr
    assert len(slow_sandbox.state.speech) == 1 and len(slow_sandbox.state.jobs) == 0


def test_talk_killed_mid_create_is_never_billed_again(
    isolated: Isolation, slow_sandbox: Sandbox
) -> None:
    """SIGKILL while the talking-photo create is in flight: AKOOL may have made (and billed)
    it, so running the same command again sends nothing until the attempt is settled."""
    from tests.support.waiting import wait_for

    env = process_env(isolated.home, slow_sandbox.base_url)
    talk = [AKOOL, "talk", "https://example.com/p.jpg", "https://example.com/a.mp3"]
    process = subprocess.Popen(
        talk, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    wait_for_request(slow_sandbox, contract.CREATE_TALKING_PHOTO.path, process)
    process.send_signal(signal.SIGKILL)
    process.wait()
    wait_for(lambda: len(slow_sandbox.state.jobs) == 1)  # AKOOL made it; akool never heard
    again = subprocess.run([*talk, "--json"], env=env, capture_output=True, text=True)
    assert again.returncode == 5, again.stderr
    error = json.loads(again.stdout)["error"]
    assert error["type"] == "UnsettledAttemptError" and "unknown outcome" in error["message"]
    attempt = error["message"].split("(attempt ", 1)[1].split(")", 1)[0]
    assert f"akool settle {attempt} --created JOB_ID" in error["hint"]
    assert len(slow_sandbox.state.jobs) == 1  # nothing sent again
    # Other inputs are another job: not held up by this one.
    other = [AKOOL, "talk", "https://example.com/q.jpg", "https://example.com/a.mp3"]
    assert subprocess.run(other, env=env, capture_output=True, text=True).returncode == 0
    # Settled (it made no job, say): the same command creates it once.
    settle = [AKOOL, "settle", attempt, "--not-created"]
    assert subprocess.run(settle, env=env, capture_output=True, text=True).returncode == 0
    assert subprocess.run(talk, env=env, capture_output=True, text=True).returncode == 0
    assert len(slow_sandbox.state.jobs) == 3
