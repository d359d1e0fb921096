"""An unknown create outcome blocks every create of the same request, whichever way made either:
`akool talk` (any product command, the library), an `akool mcp` tool call, a batch row (break17c
H1, issue 17).

Each test kills akool for real (SIGKILL) while its create is in flight on a slow sandbox, then
counts the creates the sandbox made. Each fails on akool before the fix: a keyed create (an MCP
call, a batch row) and a plain one never saw each other's unknown outcome, so an agent retrying
what a killed `akool talk` left in doubt (or `akool talk` over a killed MCP session's or batch
row's create) paid twice.
"""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from mcp.client.session import ClientSession

import akool_cli
from akool_cli.core import contract
from akool_cli.core.clock import SystemClock
from akool_cli.sandbox import Sandbox, SandboxConfig, start_sandbox
from akool_cli.store.journal import SCHEMA_VERSION, Journal
from tests.conftest import Isolation
from tests.support.rawmcp import RawServer
from tests.support.runner import AKOOL, invoke, process_env
from tests.support.waiting import wait_for
from tests.test_accounts import NEW_FP, OLD_FP, ROTATED
from tests.test_mcp import call, refused, serve

IMAGE = "https://example.com/same-portrait.jpg"
AUDIO = "https://example.com/same-speech.mp3"
TALK = {"image_url": IMAGE, "audio_url": AUDIO}
ROTATED_ENV = {"AKOOL_API_KEY": ROTATED}
CREATE = contract.CREATE_TALKING_PHOTO.path


@pytest.fixture
def slow(isolated: Isolation) -> Iterator[Sandbox]:
    """A real-time sandbox whose every answer takes 0.6 s: time to kill akool mid-create."""
    server = start_sandbox(SandboxConfig(processing_seconds=0.2, latency=0.6), clock=SystemClock())
    yield server
    server.stop()


def creates(sandbox: Sandbox) -> int:
    """The talking-photo creates the sandbox received (each one billed on AKOOL)."""
    return sum(1 for r in sandbox.state.received if r.path == CREATE)


def akool(
    isolated: Isolation, sandbox: Sandbox, *args: str, **env: str
) -> subprocess.CompletedProcess[str]:
    environ = process_env(isolated.home, sandbox.base_url, **env)
    return subprocess.run([AKOOL, *args], env=environ, capture_output=True, text=True)


def killed_mid_create(isolated: Isolation, sandbox: Sandbox, *args: str) -> None:
    """`akool ARGS` killed (SIGKILL) once its create reached the sandbox, which makes the job:
    the create's outcome is unknown to akool."""
    before = len(sandbox.state.jobs)
    sent = creates(sandbox)
    env = process_env(isolated.home, sandbox.base_url)
    process = subprocess.Popen(
        [AKOOL, *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    wait_for(lambda: creates(sandbox) > sent or process.poll() is not None, 60)
    process.send_signal(signal.SIGKILL)
    assert process.wait() == -signal.SIGKILL, process.stderr
    wait_for(lambda: len(sandbox.state.jobs) == before + 1)  # AKOOL made it; akool never heard


def mcp_killed_mid_create(isolated: Isolation, sandbox: Sandbox) -> None:
    """An `akool mcp` session killed (SIGKILL) while its talk tool's create is in flight."""
    server = RawServer(isolated.tmp, isolated.home, sandbox.base_url)
    try:
        server.initialize()
        server.call("talk", TALK)
        wait_for(lambda: creates(sandbox) == 1 or server.proc.poll() is not None, 60)
        server.proc.send_signal(signal.SIGKILL)
        server.wait()
    finally:
        server.kill()
    wait_for(lambda: len(sandbox.state.jobs) == 1)


def attempts(home: Path) -> list[tuple[int, str | None, str]]:
    with closing(sqlite3.connect(home / "jobs.sqlite3")) as db:
        return list(db.execute("SELECT id, batch_key, outcome FROM attempts ORDER BY id"))


def test_an_mcp_call_over_a_talk_killed_mid_create_is_refused_whatever_its_key(
    isolated: Isolation, slow: Sandbox
) -> None:
    killed_mid_create(isolated, slow, "talk", IMAGE, AUDIO)
    assert creates(slow) == 1

    async def same_key(session: ClientSession) -> None:
        for extra in ({}, {"idempotency_key": "agent-1"}, {"name": "retry"}):
            text = await refused(session, "talk", **TALK, **extra)
            assert "unknown outcome" in text and "attempt 1" in text, text
            assert "akool settle 1 --created JOB_ID" in text, text

    stderr = serve(isolated, slow, same_key)
    assert "Traceback" not in stderr and creates(slow) == 1

    slow.state.config.api_key = ROTATED  # another key, that never said which account it is

    async def other_key(session: ClientSession) -> None:
        text = await refused(session, "talk", **TALK)
        assert OLD_FP in text and NEW_FP in text and "attempt 1" in text, text
        assert 'account: "same"' in text and 'account: "new"' in text, text
        # The same account: it is that unknown outcome, refused until settled.
        text = await refused(session, "talk", account="same", **TALK)
        assert "unknown outcome" in text and "akool settle 1 --created JOB_ID" in text, text

    stderr = serve(isolated, slow, other_key, AKOOL_API_KEY=ROTATED)
    assert "Traceback" not in stderr and creates(slow) == 1
    # Settled as not created: the same call creates it once, and a repeat of it is that job.
    assert akool(isolated, slow, "settle", "1", "--not-created").returncode == 0

    async def settled(session: ClientSession) -> None:
        made = await call(session, "talk", **TALK)
        again = await call(session, "talk", **TALK)
        assert again["job_id"] == made["job_id"] and again["repeated_call"] is True

    serve(isolated, slow, settled, AKOOL_API_KEY=ROTATED)
    assert creates(slow) == 2


def test_a_talk_over_an_mcp_session_killed_mid_create_is_refused(
    isolated: Isolation, slow: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    mcp_killed_mid_create(isolated, slow)
    [(attempt, key, outcome)] = attempts(isolated.home)
    assert key is not None and key.startswith("mcp:call:") and outcome == "sending"
    talk = akool(isolated, slow, "talk", IMAGE, AUDIO, "--json")
    assert talk.returncode == 5, talk.stderr
    error = json.loads(talk.stdout)["error"]
    assert error["type"] == "UnsettledAttemptError" and f"attempt {attempt}" in error["message"]
    assert "akool mcp" in error["message"], error
    assert f"akool settle {attempt} --created JOB_ID" in error["hint"]
    # The library as well, and another key is asked which account it is (exit 3).
    monkeypatch.setenv("AKOOL_BASE_URL", slow.base_url)
    monkeypatch.setenv("AKOOL_API_KEY", process_env(isolated.home, slow.base_url)["AKOOL_API_KEY"])
    with akool_cli.Client() as client, pytest.raises(akool_cli.UnsettledAttemptError) as caught:
        client.talk(IMAGE, AUDIO, check=False)
    assert caught.value.attempt_id == attempt and caught.value.exit_code == 5
    slow.state.config.api_key = ROTATED
    other = akool(isolated, slow, "talk", IMAGE, AUDIO, AKOOL_API_KEY=ROTATED)
    assert other.returncode == 3 and OLD_FP in other.stderr and NEW_FP in other.stderr
    assert "--same-account" in other.stderr and f"akool settle {attempt}" in other.stderr
    assert creates(slow) == 1
    # Settled with the job found in the dashboard: the command creates (a new job, as after
    # any settled create), and the MCP call made once more is that job, not a second one.
    [job] = list(slow.state.jobs)
    same = akool(isolated, slow, "talk", IMAGE, AUDIO, "--same-account", AKOOL_API_KEY=ROTATED)
    assert same.returncode == 5, same.stderr
    settled = akool(isolated, slow, "settle", str(attempt), "--created", job, AKOOL_API_KEY=ROTATED)
    assert settled.returncode == 0, settled.stderr

    async def body(session: ClientSession) -> None:
        again = await call(session, "talk", **TALK)
        assert again["job_id"] == job and again["repeated_call"] is True

    serve(isolated, slow, body, AKOOL_API_KEY=ROTATED)
    assert creates(slow) == 1
    assert akool(isolated, slow, "talk", IMAGE, AUDIO, AKOOL_API_KEY=ROTATED).returncode == 0
    assert creates(slow) == 2


def rows_file(isolated: Isolation, *images: str) -> Path:
    rows = isolated.tmp / "rows.csv"
    lines = [f"r{n},{image},{AUDIO}" for n, image in enumerate(images)]
    rows.write_text("\n".join(["id,image_url,audio_url", *lines]) + "\n")
    return rows


def test_a_talk_over_a_batch_row_in_doubt_is_refused(isolated: Isolation, slow: Sandbox) -> None:
    rows = rows_file(isolated, IMAGE)
    killed_mid_create(isolated, slow, "batch", str(rows), "--no-check")
    [(attempt, key, _)] = attempts(isolated.home)
    assert key is not None and not key.startswith(("mcp:", "run:"))
    # The row done by hand: refused, naming the row's attempt.
    talk = akool(isolated, slow, "talk", IMAGE, AUDIO)
    assert talk.returncode == 5, talk.stderr
    assert f"attempt {attempt}" in talk.stderr and "batch row" in talk.stderr
    assert f"akool settle {attempt} --created JOB_ID" in talk.stderr
    # The batch's own rerun is as it was: the row needs settling (exit 9).
    rerun = akool(isolated, slow, "batch", str(rows), "--json")
    assert rerun.returncode == 9, rerun.stderr
    [row] = json.loads(rerun.stdout)["results"]
    assert row["state"] == "unknown" and row["attempt"] == attempt
    assert creates(slow) == 1
    # Settled as not created: one new create is allowed again.
    assert akool(isolated, slow, "settle", str(attempt), "--not-created").returncode == 0
    assert akool(isolated, slow, "talk", IMAGE, AUDIO).returncode == 0
    assert creates(slow) == 2


def test_a_batch_row_over_a_talk_killed_mid_create_is_not_sent(
    isolated: Isolation, slow: Sandbox
) -> None:
    killed_mid_create(isolated, slow, "talk", IMAGE, AUDIO, "--name", "by hand")
    other = "https://example.com/other-portrait.jpg"
    rows = rows_file(isolated, IMAGE, other)
    plan = akool(isolated, slow, "batch", str(rows), "--dry-run", "--json")
    assert plan.returncode == 0, plan.stderr
    actions = [r["action"] for r in json.loads(plan.stdout)["rows"]]
    assert actions == ["unknown (settle first)", "create"], actions
    for extra in ([], ["--retry-unknown"]):
        run = akool(isolated, slow, "batch", str(rows), "--json", *extra)
        assert run.returncode == 9, run.stderr
        first, second = json.loads(run.stdout)["results"]
        assert first["state"] == "unknown" and first["attempt"] == 1, first
        assert "akool settle 1 --created JOB_ID" in first["error"], first
        assert second["state"] == "done"
        assert "row 2 (r0)" in run.stderr and "akool settle 1" in run.stderr
    assert creates(slow) == 2  # the killed talk and the other row: the row was never sent
    assert akool(isolated, slow, "settle", "1", "--not-created").returncode == 0
    done = akool(isolated, slow, "batch", str(rows), "--json")
    assert done.returncode == 0, done.stderr
    assert [r["state"] for r in json.loads(done.stdout)["results"]] == ["done", "done"]
    assert creates(slow) == 3


# How a history looked before: before m015 (no request column), or with requests computed before
# another migration rewrote the recorded inputs (more query names masked, in whatever order).
BEFORE = {
    "before requests were recorded": (
        "DROP INDEX attempts_request",
        "ALTER TABLE attempts DROP COLUMN request",
        "DELETE FROM _migrations WHERE name = 'm015_attempt_requests'",
    ),
    "before a later migration rewrote its inputs": (
        "UPDATE attempts SET request = 'computed from inputs since rewritten'",
        "DELETE FROM _migrations WHERE name = 'm014_more_masked_query_names'",
    ),
}


@pytest.mark.parametrize("before", sorted(BEFORE))
def test_a_history_from_before_matches_its_creates_in_doubt_by_request(
    isolated: Isolation, api_env: Sandbox, before: str
) -> None:
    """An MCP call's create in doubt recorded by an older akool: migrated, it blocks `akool
    talk` of the same inputs too."""
    path = isolated.home / "jobs.sqlite3"
    key = "mcp:call:0123456789abcdef0123456789abcdef"
    inputs = {**TALK, "label": "from an agent", "batch_key": key}
    with Journal(path) as journal:
        attempt = journal.begin_attempt(
            api_env.base_url, "default", "talking_photo", inputs, batch_key=key, account=OLD_FP
        )
        journal.attempt_unknown(attempt, "killed")
    with closing(sqlite3.connect(path)) as db, db:
        for statement in BEFORE[before]:
            db.execute(statement)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    refused_talk = invoke(["talk", IMAGE, AUDIO], expect=5)
    assert f"attempt {attempt}" in refused_talk.stderr and "akool mcp" in refused_talk.stderr
    assert creates(api_env) == 0


def test_a_batch_row_over_another_keys_talk_in_doubt_asks_which_account(
    isolated: Isolation, slow: Sandbox
) -> None:
    killed_mid_create(isolated, slow, "talk", IMAGE, AUDIO)
    slow.state.config.api_key = ROTATED
    rows = rows_file(isolated, IMAGE)
    asked = akool(isolated, slow, "batch", str(rows), "--json", **ROTATED_ENV)
    assert asked.returncode == 3, asked.stderr
    error = json.loads(asked.stdout)["error"]
    assert error["type"] == "OtherCredentialError" and "attempt 1" in error["message"], error
    assert "--same-account" in error["hint"] and "--new-account" in error["hint"], error
    same = akool(isolated, slow, "batch", str(rows), "--json", "--same-account", **ROTATED_ENV)
    assert same.returncode == 9, same.stderr
    assert json.loads(same.stdout)["results"][0]["attempt"] == 1
    assert creates(slow) == 1
    # Settled (it made none): the row is created once, for the account now said to be one.
    assert akool(isolated, slow, "settle", "1", "--not-created", **ROTATED_ENV).returncode == 0
    done = akool(isolated, slow, "batch", str(rows), "--json", **ROTATED_ENV)
    assert done.returncode == 0, done.stderr
    assert creates(slow) == 2
