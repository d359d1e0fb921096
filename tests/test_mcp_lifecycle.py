"""`akool mcp` over time: progress at least every heartbeat while AKOOL is slow to answer, and
a session that ends (stdin closed, Ctrl-C, SIGTERM, a second signal) with its run closed in
the ledger and every create it sent recorded: made, or claimed with an unknown outcome."""

from __future__ import annotations

import json
import signal
from typing import Any

from mcp.client.session import ClientSession

from akool_cli.sandbox import Sandbox
from tests.conftest import Isolation
from tests.support.rawmcp import RawServer
from tests.support.runner import invoke
from tests.support.waiting import wait_for
from tests.test_mcp import AUDIO, IMAGE, serve

TALK = {"image_url": IMAGE, "audio_url": AUDIO}


def test_wait_sends_a_heartbeat_while_akool_is_slow_to_answer(
    isolated: Isolation, sandbox: Sandbox
) -> None:
    notes: list[tuple[float, float | None, str]] = []

    async def body(session: ClientSession) -> None:
        made = await session.call_tool("talk", TALK)
        job_id = (made.structured_content or {})["job_id"]

        async def on_progress(progress: float, total: float | None, message: str | None) -> None:
            notes.append((progress, total, message or ""))
            if sum("asking AKOOL" in m for _, _, m in notes) >= 3:
                isolated.clock.advance(10)  # the job is done when the held answer goes
                sandbox.state.release()

        sandbox.state.inject("hold")  # the wait's first status request: held until released
        result = await session.call_tool("wait", {"job_id": job_id}, progress_callback=on_progress)
        assert not result.is_error and (result.structured_content or {})["finished"] is True

    # A heartbeat of 50 ms instead of 10 s: the same loop, no long sleeps.
    serve(isolated, sandbox, body, "--heartbeat", "0.05", "--wait-ceiling", "60")
    beats = [n for n in notes if "asking AKOOL" in n[2]]
    assert len(beats) >= 3, notes  # while AKOOL had not answered at all
    progress = [p for p, _, _ in notes]
    assert progress == sorted(progress) and all(total == 60 for _, total, _ in notes)
    assert notes[-1][2].endswith(": done")


def test_the_heartbeat_is_a_setting_never_longer_than_15_seconds(isolated: Isolation) -> None:
    (isolated.tmp / "d").mkdir()
    failed = invoke(["mcp", "--dir", str(isolated.tmp / "d"), "--heartbeat", "20"], expect=2)
    assert "--heartbeat '20' is outside the allowed range" in failed.stderr


def _runs() -> list[dict[str, Any]]:
    spend = json.loads(invoke(["spend", "--json", "--by", "batch"]).stdout)
    runs: list[dict[str, Any]] = spend["runs"]
    return runs


def _held_create(server: RawServer, sandbox: Sandbox) -> int:
    """A talk call whose create request AKOOL is holding (sent, not answered)."""
    server.initialize()
    sandbox.state.inject("hold", at="create_talking_photo")
    call = server.call("talk", TALK)
    wait_for(lambda: sandbox.state.holding == 1)
    return call


def _refused_in_a_new_session(isolated: Isolation, api_env: Sandbox) -> None:
    """The held talk call, made again in a new session: a tool error (its outcome is unknown)."""
    again = RawServer(isolated.tmp, isolated.home, api_env.base_url)
    try:
        again.initialize()
        retried = again.answer(again.call("talk", TALK))["result"]
        assert retried["isError"] and "unknown outcome" in retried["content"][0]["text"]
        again.close_stdin()
        assert again.wait() == 0
    finally:
        again.kill()


def test_closing_stdin_mid_create_records_the_job_and_closes_the_run(
    isolated: Isolation, api_env: Sandbox
) -> None:
    server = RawServer(isolated.tmp, isolated.home, api_env.base_url)
    try:
        _held_create(server, api_env)
        server.close_stdin()  # the client went away while the create was on its way
        api_env.state.release()
        assert server.wait() == 0, server.stderr()
    finally:
        server.kill()
    assert "Traceback" not in server.stderr()
    [job] = json.loads(invoke(["history", "--json"]).stdout)  # answered, so recorded
    assert job["id"] in api_env.state.jobs
    assert [(r["kind"], r["outcome"]) for r in _runs()] == [("mcp", "closed")]


def test_sigterm_mid_create_waits_for_the_answer_records_it_and_closes_the_run(
    isolated: Isolation, api_env: Sandbox
) -> None:
    server = RawServer(isolated.tmp, isolated.home, api_env.base_url)
    try:
        call = _held_create(server, api_env)
        server.proc.send_signal(signal.SIGTERM)
        wait_for(lambda: "akool mcp: stopping (SIGTERM)" in server.stderr())
        late = server.call("talk", {**TALK, "prompt": "after the signal"})
        api_env.state.release()  # AKOOL answers the create sent before the signal, within 1.2 s
        assert server.wait() == 128 + signal.SIGTERM, server.stderr()
        assert server.answers.get(call, {}).get("result", {}).get("isError") in (None, False)
        if late in server.answers:  # answered unless the session ended first
            refused = server.answers[late]["result"]
            assert refused["isError"] and "no new job" in refused["content"][0]["text"]
    finally:
        server.kill()
    assert "stopped by SIGTERM" in server.stderr() and "Traceback" not in server.stderr()
    [job] = json.loads(invoke(["history", "--json"]).stdout)
    assert list(api_env.state.jobs) == [job["id"]]  # the late call was never sent
    [run] = _runs()
    assert run["outcome"] == "interrupted"
    status = json.loads(invoke(["status", "--json"]).stdout)
    assert "unknown_attempts" not in status or not status["unknown_attempts"]


def test_sigterm_while_akool_stalls_a_create_ends_after_the_grace_leaving_it_unknown(
    isolated: Isolation, api_env: Sandbox
) -> None:
    """reliability.md: a first signal waits 1.2 s for a create in flight, so akool ends within
    2 s of a SIGTERM even while a server stalls the create; the create is an unknown outcome,
    recorded before akool exits, never sent again by itself. Before, `akool mcp` waited for the
    create's own timeout (AKOOL_TIMEOUT: 120 s here) while the server held the request."""
    server = RawServer(isolated.tmp, isolated.home, api_env.base_url, env={"AKOOL_TIMEOUT": "120"})
    try:
        _held_create(server, api_env)
        server.proc.send_signal(signal.SIGTERM)
        assert server.wait(30) == 128 + signal.SIGTERM, server.stderr()
        assert api_env.state.holding == 1  # the server still holds it: akool did not wait
    finally:
        api_env.state.release()
        server.kill()
    stderr = server.stderr()
    assert "Traceback" not in stderr and "akool settle 1 --created JOB_ID" in stderr, stderr
    assert [(r["outcome"], bool(r["ended_at"])) for r in _runs()] == [("interrupted", True)]
    shown = invoke(["status"], expect=None)
    assert "unknown outcome" in shown.stderr, shown
    wait_for(lambda: api_env.state.holding == 0)  # AKOOL made the job, answering no one
    _refused_in_a_new_session(isolated, api_env)
    assert len(api_env.state.jobs) <= 1  # never a second create


def test_a_second_signal_stops_at_once_leaving_the_create_claimed_as_unknown(
    isolated: Isolation, api_env: Sandbox
) -> None:
    server = RawServer(isolated.tmp, isolated.home, api_env.base_url)
    try:
        _held_create(server, api_env)
        server.proc.send_signal(signal.SIGINT)  # Ctrl-C: waits for the create...
        wait_for(lambda: "akool mcp: stopping (SIGINT)" in server.stderr())
        server.proc.send_signal(signal.SIGTERM)  # ...then the client gives up: at once
        assert server.wait() == 128 + signal.SIGTERM, server.stderr()
    finally:
        api_env.state.release()
        server.kill()
    assert "at once" in server.stderr() and "Traceback" not in server.stderr()
    [run] = _runs()
    assert run["outcome"] == "interrupted" and run["ended_at"]
    # The create left before the stop: claimed, never forgotten, never sent again by itself.
    shown = invoke(["status"], expect=None)
    assert "unknown outcome" in shown.stderr, shown
    _refused_in_a_new_session(isolated, api_env)
    assert len(api_env.state.jobs) <= 1  # the held create, if AKOOL made it; never a second


def test_ctrl_c_with_nothing_in_flight_ends_at_once_with_the_run_closed(
    isolated: Isolation, api_env: Sandbox
) -> None:
    server = RawServer(isolated.tmp, isolated.home, api_env.base_url)
    try:
        server.initialize()
        server.proc.send_signal(signal.SIGINT)
        assert server.wait() == 130, server.stderr()
    finally:
        server.kill()
    assert [r["outcome"] for r in _runs()] == ["interrupted"]


def test_jobs_an_agent_never_downloaded_are_saved_by_a_daily_sync_before_they_expire(
    isolated: Isolation, api_env: Sandbox
) -> None:
    made: list[str] = []

    async def body(session: ClientSession) -> None:
        for n in range(3):
            result = await session.call_tool("talk", {**TALK, "prompt": f"take {n}"})
            made.append((result.structured_content or {})["job_id"])

    serve(isolated, api_env, body)
    out = isolated.tmp / "daily"
    for _ in range(8):  # a cron job, once a day, on the sandbox's shifted clock
        isolated.clock.advance(86400.0)
        synced = json.loads(invoke(["sync", "-o", str(out), "--json"]).stdout)
        assert synced["expired"] == [] and synced["failed"] == []
        for saved in synced["saved"]:
            assert not api_env.state.expired(api_env.state.jobs[saved["id"]])
    assert sorted(p.stem for p in out.glob("*.mp4")) == sorted(made)
