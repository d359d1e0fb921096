"""Issue 17's break-it runs 17h and 17i, helper fixB's part: a create in flight of a process
killed while a child it forked lives on (I2), a recorded job its server no longer has (H3, I6),
the hint for a sandbox's job after a sandbox session (H1), and `batch --dry-run --retry-unknown`
(I7).

Each test fails on akool before its fix."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest

from akool_cli.core.clock import SystemClock
from akool_cli.sandbox import Sandbox, SandboxConfig
from tests.conftest import Isolation
from tests.support.batches import write_rows
from tests.support.runner import AKOOL, invoke, process_env
from tests.support.sandboxes import running
from tests.support.waiting import wait_for
from tests.test_key_destinations import PROD_KEY, prod  # noqa: F401 (a fixture)
from tests.test_sigterm_create import Stall

E = "https://example.com"

# A library user's script: one create (this process now owns a lock file), a worker forked
# (multiprocessing's 'fork' does the same), then a second create the test kills it during.
FORKING_SCRIPT = f"""
import os, signal, sys
import akool_cli
client = akool_cli.Client(base_url=os.environ["AKOOL_BASE_URL"])
client.talk("{E}/fork0.jpg", "{E}/fork0.mp3", check=False)
child = os.fork()
if child == 0:
    signal.pause()  # a worker that outlives its parent, until the test ends it
    os._exit(0)
print(child, flush=True)
sys.stdin.readline()
client.talk("{E}/fork1.jpg", "{E}/fork1.mp3", check=False)
"""


@pytest.fixture
def live_sandbox(isolated: Isolation) -> Iterator[Sandbox]:
    with running(SandboxConfig(processing_seconds=0.2), SystemClock()) as server:
        yield server


def test_a_create_of_a_killed_process_whose_forked_child_lives_is_unknown_not_in_flight(
    isolated: Isolation, live_sandbox: Sandbox
) -> None:
    """break17i I2: the child inherited the parent's owner lock (an flock on a file opened once
    per process), so the SIGKILLed parent's create counted as in flight by a live akool, and
    running the same create again sent and billed it a second time."""
    env = process_env(isolated.home, live_sandbox.base_url)
    parent = subprocess.Popen(
        [sys.executable, "-c", FORKING_SCRIPT],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert parent.stdout is not None and parent.stdin is not None
    child = int(parent.stdout.readline() or 0)
    stall = Stall(live_sandbox, "create_job")
    try:
        assert child > 0, parent.communicate()
        parent.stdin.write("go\n")
        parent.stdin.flush()
        wait_for(lambda: stall.arrived.is_set() or parent.poll() is not None, 60)
        assert stall.arrived.is_set(), parent.communicate()
        parent.send_signal(signal.SIGKILL)
        assert parent.wait() == -signal.SIGKILL
        again = subprocess.run(
            [AKOOL, "talk", f"{E}/fork1.jpg", f"{E}/fork1.mp3"],
            env=env,
            capture_output=True,
            text=True,
        )
    finally:
        stall.release.set()
        if child > 0:
            os.kill(child, signal.SIGKILL)
        parent.kill()
        parent.wait()
    assert again.returncode == 5, again.stderr
    assert "unknown outcome" in again.stderr and "akool settle 2" in again.stderr, again.stderr


IMAGE, AUDIO = f"{E}/gone.jpg", f"{E}/gone.mp3"
TALK = ["talk", IMAGE, AUDIO, "--reuse"]


def test_a_reused_job_its_server_no_longer_has_is_marked_gone_and_made_again(
    api_env: Sandbox, isolated: Isolation
) -> None:
    """break17h H3: the sandbox restarted on its fixed port (or a job deleted in AKOOL's
    dashboard) answers 1008 for a recorded job: `talk --reuse` reused it on every run (exit 4)
    with a hint to watch the same dead id."""
    out = isolated.tmp / "out"
    first = invoke([*TALK, "--wait"]).stdout.strip()
    api_env.state.jobs.clear()  # the sandbox restarted: it knows none of them
    again = invoke([*TALK, "-o", f"{out}/"])
    second = again.stdout.split()[0]
    assert second != first and len(api_env.state.jobs) == 1, again.stderr
    assert f"job {first}" in again.stderr and "no longer" in again.stderr, again.stderr
    assert (out / f"{second}.mp4").is_file()
    status = invoke(["status", first, "--json"])
    assert '"deleted_at": null' not in status.stdout, status.stdout
    third = invoke(TALK)  # the new one is reused now; the gone one never again
    assert third.stdout.strip() == second and "Reused job" in third.stderr
    assert len(api_env.state.jobs) == 1


def test_batch_rows_whose_jobs_their_server_no_longer_has_are_made_again(
    api_env: Sandbox, isolated: Isolation
) -> None:
    """break17h H3: after the sandbox restarted, every rerun picked the rows' dead jobs up and
    ended `error` (exit 9) with no hint."""
    rows = write_rows(isolated.tmp / "rows.csv", 2, "g")
    out = isolated.tmp / "rehearsal"
    invoke(["batch", str(rows), "-o", str(out)])
    api_env.state.jobs.clear()  # the sandbox restarted on its fixed port
    shutil.rmtree(out)
    failed = invoke(["batch", str(rows), "-o", str(out)], expect=9)
    assert failed.stderr.count("no longer exists") >= 2, failed.stderr
    assert failed.stderr.count("as a batch row, it no longer picks this one up") == 2
    assert "akool watch" not in failed.stderr, failed.stderr
    assert len(api_env.state.jobs) == 0
    again = invoke(["batch", str(rows), "-o", str(out)])  # the rows are made again, once
    assert len(api_env.state.jobs) == 2 and len(list(out.iterdir())) == 2, again.stderr
    invoke(["batch", str(rows), "-o", str(out)])
    assert len(api_env.state.jobs) == 2
    watched = invoke(["watch", failed.stderr.split("job ")[1][:24]], expect=2)
    assert "no longer exists" in watched.stderr, watched.stderr


def test_reuse_passes_over_a_job_whose_result_url_answered_404(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """break17i I6: AKOOL removed a result before akool's 7-day clock: every `talk --reuse -o`
    reused the job, failed on its dead URL (exit 4), and its hint said running the command
    again would make another job, which it never did."""
    from akool_cli.sandbox import server

    out = isolated.tmp / "out"
    first = invoke([*TALK, "--wait"]).stdout.strip()

    def removed(handler: Any, name: str) -> None:
        handler._send(404, b"<Error><Code>NoSuchKey</Code></Error>", "application/xml")

    with monkeypatch.context() as patched:
        patched.setattr(server, "serve_file", removed)
        failed = invoke([*TALK, "-o", f"{out}/"], expect=4)
    assert f"Reused job {first}" in failed.stderr and "marked it expired" in failed.stderr
    assert "akool watch" not in failed.stderr and "akool status" not in failed.stderr
    assert "--reuse" in failed.stderr.split("Hint:")[1], failed.stderr
    again = invoke([*TALK, "-o", f"{out}/"])  # a new job, saved; the dead one never again
    second = again.stdout.split()[0]
    assert second != first and (out / f"{second}.mp4").is_file(), again.stderr
    assert invoke(TALK).stdout.strip() == second and len(api_env.state.jobs) == 2


def test_the_hint_for_a_sandbox_job_never_replaces_the_production_login(
    isolated: Isolation,
    sandbox: Sandbox,
    prod: Sandbox,  # noqa: F811 (the fixture imported above)
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """break17h H1: after a sandbox session, status/watch told the user to log in to the sandbox
    on the profile holding the production key; following it replaced that key and base URL, and
    the next plain `akool talk` went to the sandbox."""
    from akool_cli.sandbox.state import SANDBOX_API_KEY
    from tests.support.sandboxes import point_at

    for name in ("AKOOL_BASE_URL", "AKOOL_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    invoke(["--base-url", prod.base_url, "login"], input=PROD_KEY)
    with monkeypatch.context() as session:  # the README's sandbox lines, in one shell
        point_at(sandbox, session)
        rehearsed = invoke(["talk", IMAGE, AUDIO]).stdout.strip()
    listed = invoke(["status"]).stderr
    expected = f"AKOOL_BASE_URL={sandbox.base_url} AKOOL_API_KEY=<that sandbox's key> akool status"
    assert "the sandbox's job" in listed and expected in listed, listed
    watched = invoke(["watch", rehearsed, "--timeout", "1"], expect=3).stderr
    assert f"{expected} {rehearsed}" in watched and "akool --profile" not in watched, watched
    # The login that hint used to name is refused before a key is asked for or sent.
    seen = len(sandbox.state.received)
    login = ["--profile", "default", "--base-url", sandbox.base_url, "login"]
    refused = invoke(login, input=SANDBOX_API_KEY, expect=2).stderr
    assert f"holds a key verified on {prod.base_url}" in refused, refused
    assert "--profile sandbox" in refused and "--replace" in refused, refused
    assert len(sandbox.state.received) == seen
    made = invoke(["talk", IMAGE, AUDIO]).stdout.strip()  # still production's
    assert made in prod.state.jobs and made not in sandbox.state.jobs
    # Another server's job, while default holds the production key: a profile of its own.
    key = "another-accounts-key-0123456789abcdef"
    with running(SandboxConfig(processing_seconds=0.0, api_key=key), isolated.clock) as other:
        with monkeypatch.context() as session:
            point_at(other, session, key)
            theirs = invoke(["talk", IMAGE, AUDIO]).stdout.strip()
        hint = invoke(["watch", theirs, "--timeout", "1"], expect=3).stderr.split("Hint:")[1]
        assert "--profile sandbox --base-url" in hint and "--profile default" not in hint, hint
    # Asked for by name, the replacement happens.
    invoke([*login, "--replace"], input=SANDBOX_API_KEY)
    assert invoke(["talk", IMAGE, AUDIO]).stdout.strip() in sandbox.state.jobs


def test_a_dry_run_with_retry_unknown_shows_and_counts_the_rows_it_would_send_again(
    api_env: Sandbox, isolated: Isolation
) -> None:
    """break17i I7: `batch --dry-run --retry-unknown` showed an unknown row as "unknown (settle
    first)" and estimated 0 creates, while the run sent and billed it; and "1 row(s) would run"
    counted a row that would not."""
    rows = write_rows(isolated.tmp / "ru.csv", 2, "ru")
    api_env.state.inject("drop", at="create_talking_photo")  # the first row's answer is lost
    invoke(["batch", str(rows), "-c", "1"], expect=9)
    assert len(api_env.state.jobs) == 2  # both made; akool knows one
    shown = invoke(["batch", str(rows), "--dry-run"])
    plain = shown.stdout + shown.stderr
    assert "unknown (settle first)" in plain and "1 row(s) would run" not in plain, plain
    assert "1 of 2 row(s) would run" in plain and "0 create(s)" in plain, plain
    shown = invoke(["batch", str(rows), "--dry-run", "--retry-unknown"])
    retried = shown.stdout + shown.stderr
    assert "create again (--retry-unknown)" in retried, retried
    assert "2 of 2 row(s) would run" in retried and "1 create(s)" in retried, retried
    plan = json.loads(invoke(["batch", str(rows), "--dry-run", "--retry-unknown", "--json"]).stdout)
    assert plan["estimate"]["creates"] == 1
    ran = invoke(["batch", str(rows), "--retry-unknown"])  # what the dry run said: one create
    assert len(api_env.state.jobs) == 3, ran.stderr
