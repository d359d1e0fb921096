"""Break-it 17j's last LOW findings (J14, J4, J8): each test fails on akool before its fix.

J14: a batch run again under another profile name with the same key (one AKOOL account) made
every row again, billed twice, while `talk --reuse` under that profile reused the row's job.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from akool_cli.sandbox import Sandbox, SandboxConfig
from tests.conftest import Isolation
from tests.support.batches import AUDIO, write_rows
from tests.support.runner import invoke
from tests.support.sandboxes import point_at, running

OTHER_KEY = "another-accounts-key-0123456789ab"


@pytest.fixture
def server(isolated: Isolation) -> Iterator[Sandbox]:
    with running(SandboxConfig(processing_seconds=0.0), isolated.clock) as sandbox:
        yield sandbox


def batch(*args: str, expect: int = 0) -> dict[str, Any]:
    found: dict[str, Any] = json.loads(invoke(["batch", *args, "--json"], expect=expect).stdout)
    return found


# -- J14: one account, two profile names --------------------------------------------------------


def test_the_same_batch_under_another_profile_with_the_same_key_bills_nothing_again(
    server: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    point_at(server, monkeypatch)
    rows = write_rows(isolated.tmp / "rows.csv", 2)
    first = batch(str(rows))
    assert first["done"] == 2 and len(server.state.jobs) == 2
    plan = batch(str(rows), "--dry-run", "--profile", "ci")
    assert [row["action"] for row in plan["rows"]] != ["create", "create"], plan
    again = batch(str(rows), "--profile", "ci", "-o", str(isolated.tmp / "out"))
    assert len(server.state.jobs) == 2  # the account's rows: picked up, not billed again
    assert all(r["resumed"] for r in again["results"]), again
    assert {r["job_id"] for r in again["results"]} == {r["job_id"] for r in first["results"]}
    assert sorted(p.name for p in (isolated.tmp / "out").iterdir()) == sorted(
        f"{r['job_id']}.mp4" for r in first["results"]
    )
    # As `talk --reuse` under that profile does with the very same row's request.
    reused = invoke(["--profile", "ci", "talk", "https://example.com/r0.jpg", AUDIO, "--reuse"])
    assert reused.stdout.split() == [first["results"][0]["job_id"]]
    assert len(server.state.jobs) == 2


def test_another_key_under_another_profile_still_makes_every_row(
    server: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rehearsal with another key (another account) never stands for a row."""
    point_at(server, monkeypatch)
    rows = write_rows(isolated.tmp / "rows.csv", 2)
    batch(str(rows))
    server.state.config.api_key = OTHER_KEY
    monkeypatch.setenv("AKOOL_API_KEY", OTHER_KEY)
    other = batch(str(rows), "--profile", "client-b")
    assert len(server.state.jobs) == 4 and not any(r["resumed"] for r in other["results"])


def test_a_speech_is_reused_under_another_profile_of_the_same_account(
    server: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    point_at(server, monkeypatch)
    talk = ["talk", "https://example.com/p.jpg", "--text", "Hello there", "--voice", "sbx-en-f-ava"]
    invoke(talk)
    invoke(["--profile", "client-b", *talk])
    assert len(server.state.speech) == 1 and len(server.state.jobs) == 2
    server.state.config.api_key = OTHER_KEY
    monkeypatch.setenv("AKOOL_API_KEY", OTHER_KEY)
    invoke(["--profile", "client-c", *talk])  # another account: its own speech
    assert len(server.state.speech) == 2 and len(server.state.jobs) == 3


# -- J4: a download's hints name the job; a stalled download is not a running job ---------------

E = "https://example.com"


def done_job(server: Sandbox, monkeypatch: pytest.MonkeyPatch) -> str:
    point_at(server, monkeypatch)
    return invoke(["talk", f"{E}/j4.jpg", f"{E}/j4.mp3", "--wait"]).stdout.split()[0]


def test_a_download_that_is_no_video_hints_at_the_jobs_own_status(
    server: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    import akool_cli.sandbox.server as sandbox_server

    job = done_job(server, monkeypatch)

    def page(handler: Any, name: str) -> None:
        handler._send(200, b"<html><body>Sign in</body></html>", "text/html")

    monkeypatch.setattr(sandbox_server, "serve_file", page)
    failed = invoke(["watch", job, "-o", f"{isolated.tmp}/out/"], expect=6)
    hint = failed.stderr.split("Hint:")[1]
    assert f"akool status {job}" in hint and "JOB_ID" not in failed.stderr, failed.stderr


def test_a_stalled_download_of_a_done_job_is_said_to_be_the_download(
    server: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The heartbeat said "still waiting for 1 job(s)", and a stop "the job(s) keep running on
    AKOOL", of a job done on AKOOL whose result's host said nothing."""
    import signal
    import threading

    import akool_cli.sandbox.server as sandbox_server

    job = done_job(server, monkeypatch)
    over, stop = threading.Event(), threading.Event()

    def silent(handler: Any, name: str) -> None:
        isolated.clock.advance(62)  # a minute passes with the download stalled
        if stop.is_set():
            signal.raise_signal(signal.SIGTERM)
        over.wait(60)

    monkeypatch.setattr(sandbox_server, "serve_file", silent)
    try:
        late = invoke(["watch", job, "-o", f"{isolated.tmp}/out/", "--timeout", "61s"], expect=7)
        stop.set()
        stopped = invoke(["watch", job, "-o", f"{isolated.tmp}/out/"], expect=143)
    finally:
        over.set()
    beats = [line for line in late.stderr.splitlines() if line.startswith("still waiting")]
    assert beats == ["still waiting for the download of 1 finished job(s) after 1 min"], beats
    said = " ".join(stopped.stderr.split())
    assert "keep running on AKOOL" not in said and "the download of 1 finished job(s) stopped" in (
        said
    ), said
    assert f"akool watch {job} -o" in said


# -- J8: settle's words for an attempt made on another server -----------------------------------

PRODUCTION_KEY = "production-key-0123456789abcdef01"


def test_settling_a_sandbox_attempt_with_a_production_job_names_the_attempts_server(
    isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """It said the *job* "was made on" the (gone) sandbox and sent the user to ask that sandbox
    about a production id; the attempt was made there, the job never was."""
    with running(SandboxConfig(processing_seconds=0.0), isolated.clock) as sandbox:
        point_at(sandbox, monkeypatch)
        sandbox.state.inject("drop", at="create_talking_photo")
        invoke(["talk", f"{E}/j8.jpg", f"{E}/j8.mp3"], expect=5)
        gone = sandbox.base_url
    with running(SandboxConfig(processing_seconds=0.0), isolated.clock) as production:
        production.state.config.api_key = PRODUCTION_KEY
        point_at(production, monkeypatch, PRODUCTION_KEY)
        job = invoke(["talk", f"{E}/j8.jpg", f"{E}/j8.mp3"]).stdout.split()[0]
        refused = invoke(["settle", "1", "--created", job], expect=3)
    said = " ".join(refused.stderr.split())
    assert f"attempt 1 was a create on {gone}" in said, said
    assert "only a job of that server can be its job" in said and "--not-created" in said
    assert f"job {job} was made on" not in said and f"akool status {job}" not in said


# -- J8 nit: numbers and durations are read in the digits 0-9 only ------------------------------

ARABIC_3 = "\u0663"  # ARABIC-INDIC DIGIT THREE, which Python's float() reads as 3
TALK = ["talk", f"{E}/d.jpg", f"{E}/d.mp3"]


@pytest.mark.parametrize(
    "args",
    [
        [*TALK, "--timeout", ARABIC_3],
        [*TALK, "--url-ttl", f"{ARABIC_3}h"],
        [*TALK, "--interval", "\uff13"],  # FULLWIDTH DIGIT THREE
        ["reage", f"{E}/d.jpg", "--age", ARABIC_3],
        ["status", "--limit", ARABIC_3],
        ["history", "--since", f"{ARABIC_3}d"],
    ],
)
def test_other_scripts_digits_are_refused_in_one_line(api_env: Sandbox, args: list[str]) -> None:
    refused = invoke(args, expect=2)
    assert "digits 0-9" in refused.stderr.splitlines()[0], refused.stderr
    assert not api_env.state.jobs


def test_other_scripts_digits_are_refused_in_a_batch_and_in_the_environment(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    import akool_cli

    rows = isolated.tmp / "rows.csv"
    rows.write_text(f"id,image_url,text,voice,speed\nd1,{E}/d.jpg,Hi,sbx-en-f-ava,{ARABIC_3}\n")
    assert "digits 0-9" in invoke(["batch", str(rows), "--concurrency", "2"], expect=2).stderr
    assert "digits 0-9" in invoke(["batch", str(rows), "--concurrency", ARABIC_3], expect=2).stderr
    with akool_cli.Client() as client, pytest.raises(akool_cli.UsageError, match="digits 0-9"):
        client.wait("0123456789abcdef01234567", timeout=ARABIC_3)
    monkeypatch.setenv("AKOOL_TIMEOUT", ARABIC_3)
    assert "digits 0-9" in invoke(["credit"], expect=2).stderr
    assert not api_env.state.jobs
