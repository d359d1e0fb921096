"""`akool mcp`, the promises a break-it run found open: one heartbeat for a whole `wait`, runs of a
killed server closed as lost, documented size caps, expired results, clear errors for names and
URLs no system takes, MCP's own hints, jobs of unknown cost in `akool spend`, and a head swap
whose analysis outlasts a client's call timeout."""

from __future__ import annotations

import itertools
import json
import os
import signal
from typing import Any

import anyio
from mcp.client.session import ClientSession

from akool_cli.core import contract
from akool_cli.sandbox import Sandbox
from tests.conftest import Isolation
from tests.support.rawmcp import RawServer
from tests.support.runner import invoke
from tests.test_faces import sent
from tests.test_mcp import AUDIO, IMAGE, call, refused, serve
from tests.test_mcp_lifecycle import _runs

TALK = {"image_url": IMAGE, "audio_url": AUDIO}


def test_wait_keeps_one_heartbeat_across_state_reads_and_the_pauses_between_them(
    isolated: Isolation, sandbox: Sandbox
) -> None:
    """A read answered at once, a pause (--poll), then a read AKOOL holds: the gap between two
    notifications stays near --heartbeat (before: a pause plus a heartbeat, twice as long)."""
    heartbeat = 0.5
    notes: list[tuple[float, str]] = []

    async def body(session: ClientSession) -> None:
        made = await call(session, "talk", **TALK)

        async def on_progress(progress: float, total: float | None, message: str | None) -> None:
            notes.append((progress, message or ""))
            if len(notes) == 1:  # the first state read: AKOOL holds the next one
                sandbox.state.inject("hold", at="video_info")
            if sum("asking AKOOL" in m for _, m in notes) >= 3:
                isolated.clock.advance(10)  # done when the held answer goes
                sandbox.state.release()

        result = await session.call_tool(
            "wait", {"job_id": made["job_id"]}, progress_callback=on_progress
        )
        assert not result.is_error and (result.structured_content or {})["finished"] is True
        await anyio.sleep(0)

    serve(
        isolated,
        sandbox,
        body,
        "--heartbeat",
        str(heartbeat),
        "--poll",
        "0.8",
        "--wait-ceiling",
        "60",
    )
    assert sandbox.state.faults_injected.get("hold") == 1, notes
    progress = [p for p, _ in notes]
    gaps = [b - a for a, b in itertools.pairwise(progress)]
    # Progress is the server's own seconds since the call began: the gaps it measured.
    assert max(gaps) < 1.5 * heartbeat, (gaps, notes)


async def _done(session: ClientSession, isolated: Isolation) -> str:
    """A talking photo made and followed to its end: its job id."""
    made = await call(session, "talk", **TALK)
    isolated.clock.advance(10)
    assert (await call(session, "wait", job_id=made["job_id"]))["finished"] is True
    return str(made["job_id"])


def test_download_over_another_file_names_the_tools_own_parameter_not_a_cli_flag(
    isolated: Isolation, sandbox: Sandbox
) -> None:
    folder = isolated.tmp / "work"
    folder.mkdir()
    (folder / "clip.mp4").write_bytes(b"mine")

    async def body(session: ClientSession) -> None:
        job_id = await _done(session, isolated)
        message = await refused(session, "download", job_id=job_id, path="clip.mp4")
        assert "already exists" in message and "--force" not in message, message
        assert "replace: true" in message, message
        assert (folder / "clip.mp4").read_bytes() == b"mine"
        saved = await call(session, "download", job_id=job_id, path="clip.mp4", replace=True)
        assert (folder / "clip.mp4").read_bytes()[4:8] == b"ftyp", saved

    serve(isolated, sandbox, body)


def test_names_and_hosts_no_system_takes_are_clear_tool_errors_not_unexpected_ones(
    isolated: Isolation, sandbox: Sandbox
) -> None:
    async def body(session: ClientSession) -> None:
        job_id = await _done(session, isolated)
        for path in ("x" * 300 + ".mp4", "y" * 300 + "/", "a/" * 2100 + "v.mp4"):
            message = await refused(session, "download", job_id=job_id, path=path)
            assert "unexpected" not in message and "Hint: give a shorter" in message, message
        message = await refused(session, "upload", path="z" * 300 + ".png", role="image")
        assert "unexpected" not in message and "at most 255" in message, message
        for host in ("a" * 64 + ".example.com", "a." * 200 + "com", "a..b"):
            url = f"https://{host}/portrait.jpg"
            message = await refused(session, "talk", image_url=url, audio_url=AUDIO)
            assert "has no valid host name" in message and "unexpected" not in message, message

    serve(isolated, sandbox, body)
    assert len(sandbox.state.jobs) == 1  # none for a host no server can have
    assert list((isolated.tmp / "work").iterdir()) == []


def test_labels_keys_and_prompts_have_their_documented_caps_and_avatar_text_akools(
    isolated: Isolation, sandbox: Sandbox
) -> None:
    async def body(session: ClientSession) -> None:
        tools = {t.name: t.input_schema["properties"] for t in (await session.list_tools()).tools}
        assert tools["talk"]["name"]["maxLength"] == 200
        assert tools["image2video"]["prompt"]["maxLength"] == 5000
        for field, cap in (("name", 200), ("idempotency_key", 200), ("prompt", 5000)):
            message = await refused(session, "talk", **TALK, **{field: "x" * (cap + 1)})
            assert f"{field} is too long ({cap + 1} characters; at most {cap})" in message
        at_cap = {"name": "n" * 200, "idempotency_key": "k" * 200, "prompt": "p" * 5000}
        await call(session, "talk", **TALK, **at_cap)
        # AKOOL's largest plan takes 50,000 characters of a talking avatar's text (CJK here:
        # three bytes each, well inside the call's 256 kB).
        text = "語" * 50_000
        made = await call(
            session,
            "avatar",
            avatar_from=3,
            avatar_url="https://example.com/me.mp4",
            input_text=text,
            voice_id="v1",
        )
        assert made["job_id"] in sandbox.state.jobs
        message = await refused(
            session,
            "avatar",
            avatar_from=3,
            avatar_url=IMAGE,
            input_text=text + "語",
            voice_id="v1",
        )
        assert "input_text is too long (50001 characters; at most 50000)" in message

    serve(isolated, sandbox, body)
    assert len(sandbox.state.jobs) == 2


def test_a_result_past_its_expiry_is_called_expired_and_no_download_is_offered(
    isolated: Isolation, api_env: Sandbox
) -> None:
    from akool_cli.client import Client

    with Client() as client:  # the test's clock: the job finishes in June 2025
        job = client.talk(IMAGE, AUDIO)
        isolated.clock.advance(10)
        assert client.status(job.id).done
    isolated.clock.advance(8 * 86400)  # AKOOL deleted it a day ago
    status = invoke(["status"])
    assert "expired on AKOOL" in status.stderr and "0 h" not in status.stderr, status.stderr
    assert "sync" not in status.stderr and "expired on AKOOL" in status.stdout
    assert json.loads(invoke(["status", "--json"]).stdout)[0]["expired"] is True
    assert json.loads(invoke(["history", "--json"]).stdout)[0]["expired"] is True
    assert "expired" in invoke(["history"]).stdout

    async def body(session: ClientSession) -> None:  # `akool mcp` runs on today's clock
        seen = await call(session, "status", job_id=job.id)
        assert seen["expired"] is True and "0 h" not in seen["warning"]
        assert "can no longer be downloaded" in seen["warning"]
        waited = await call(session, "wait", job_id=job.id)
        assert "call download" not in waited["message"], waited["message"]
        assert "expired on AKOOL" in waited["message"]
        message = await refused(session, "download", job_id=job.id)
        assert "expired on AKOOL" in message and "make it again" in message, message

    serve(isolated, api_env, body)
    assert list((isolated.tmp / "work").iterdir()) == []


def test_spend_counts_jobs_never_seen_finished_as_of_unknown_cost(
    isolated: Isolation, api_env: Sandbox
) -> None:
    async def body(session: ClientSession) -> None:  # an agent that never calls wait
        await call(session, "talk", **TALK)
        await call(session, "image2video", image_url=IMAGE, prompt="zoom")

    serve(isolated, api_env, body)
    isolated.clock.advance(10)  # both finished (and charged) on AKOOL; nobody asked since
    report = json.loads(invoke(["spend", "--json", "--by", "batch"]).stdout)
    assert report["total"]["jobs"] == 0 and report["total"]["cost_unknown"] == 2, report
    assert [g["cost_unknown"] for g in report["groups"]] == [2]
    shown = invoke(["spend"])
    assert "total\t0\t0\t2\t" in shown.stdout and "2 job(s) never seen finished" in shown.stderr
    invoke(["status"])  # asks AKOOL about them
    report = json.loads(invoke(["spend", "--json"]).stdout)
    assert report["total"]["jobs"] == 2 and report["total"]["cost_unknown"] == 0
    assert report["total"]["credits"] == 10 + 20
    assert "never seen finished" not in invoke(["spend"]).stderr


def test_a_killed_servers_run_is_closed_as_lost_by_the_next_command_and_a_live_one_is_not(
    isolated: Isolation, api_env: Sandbox
) -> None:
    server = RawServer(isolated.tmp, isolated.home, api_env.base_url)
    try:
        server.initialize()
        made = server.answer(server.call("talk", TALK))["result"]["structuredContent"]
        assert made["job_id"] in api_env.state.jobs
        # While it runs, its run is its own: no command may close it.
        assert [(r["kind"], r["outcome"]) for r in _runs()] == [("mcp", "running")]
        server.proc.send_signal(signal.SIGKILL)  # nothing of it runs to close its run
        server.wait()
    finally:
        server.kill()
    shown = invoke(["spend", "--by", "batch"])
    assert "mcp run 1" in shown.stderr and "closed as lost" in shown.stderr, shown.stderr
    assert f"process {server.proc.pid}" in shown.stderr
    assert [(r["kind"], r["outcome"]) for r in _runs()] == [("mcp", "lost")]
    assert "closed as lost" not in invoke(["spend"]).stderr  # said once, when it was closed
    [job] = json.loads(invoke(["history", "--json"]).stdout)
    assert job["id"] == made["job_id"]  # its job stays in the history


def test_a_live_pid_that_does_not_hold_the_runs_lock_is_no_owner(
    isolated: Isolation, api_env: Sandbox
) -> None:
    """PIDs are reused: a run recorded with this very process's PID (alive) but another
    owner token (whose lock nobody holds) belongs to a process that is gone."""
    from akool_cli.store.journal import Journal, Scope

    with Journal(isolated.home / "jobs.sqlite3") as journal:
        run_id = journal.begin_run("batch", "old", Scope(api_env.base_url, "default"), 10, None)
        with journal._transaction() as db:
            db.execute("UPDATE runs SET owner = ? WHERE id = ?", (f"{os.getpid()}-0000", run_id))

    async def body(session: ClientSession) -> None:
        await call(session, "credit")

    stderr = serve(isolated, api_env, body)
    assert f"batch run {run_id}" in stderr and "closed as lost" in stderr, stderr
    assert [(r["label"], r["outcome"]) for r in _runs()] == [
        ("old", "lost"),
        ("akool mcp", "closed"),
    ]


def test_the_headswap_tool_answers_once_the_analysis_is_taken_and_wait_follows_it_to_the_job(
    isolated: Isolation, sandbox: Sandbox
) -> None:
    faces = ["https://example.com/anna.jpg", "https://example.com/ben.jpg"]
    arguments = {"video_url": "https://example.com/twopeople.mp4", "faces": faces}

    async def follow(session: ClientSession, job_id: str, key: str) -> dict[str, Any]:
        """wait, again and again (each returns within its 1 s ceiling) until `key` is true."""
        for _ in range(100):
            view = await call(session, "wait", job_id=job_id)
            if view.get(key):
                return view
        raise AssertionError(f"{job_id}: no {key}")

    async def body(session: ClientSession) -> None:
        # The analysis ends only when the test moves the sandbox's clock, after this answer: a
        # tool that waited for it would still be waiting at a common client's 60 s timeout.
        made = await session.call_tool("headswap", arguments, read_timeout_seconds=60)
        assert not made.is_error, made.content
        answer = dict(made.structured_content or {})
        analysis_id = answer["job_id"]
        assert answer["state"] == "analysing" and analysis_id in sandbox.state.analyses
        assert not [j for j in sandbox.state.jobs.values() if j.kind == "head_swap"]
        assert (await call(session, "status", job_id=analysis_id))["state"] == "analysing"
        message = await refused(session, "download", job_id=analysis_id)
        assert "still being analysed" in message and "call wait" in message
        again = await call(session, "headswap", **arguments)  # a client's retry
        assert again["job_id"] == analysis_id and again["repeated_call"] is True
        isolated.clock.advance(10)  # AKOOL's analysis ends
        view = await follow(session, analysis_id, "analysis_id")
        assert view["analysis_id"] == analysis_id and view["id"] in sandbox.state.jobs
        isolated.clock.advance(10)  # the head swap ends
        done = await follow(session, analysis_id, "finished")
        assert done["finished"] is True and done["state"] == "done", done
        saved = await call(session, "download", job_id=analysis_id)
        assert saved["path"].endswith(f"{view['id']}.mp4")

    serve(isolated, sandbox, body)
    assert len([j for j in sandbox.state.jobs.values() if j.kind == "head_swap"]) == 1
    assert len(sandbox.state.analyses) == 1


def test_a_products_own_name_and_integer_choices_reach_akool(
    isolated: Isolation, sandbox: Sandbox
) -> None:
    """A cloned voice's and an uploaded avatar's `name` is AKOOL's field (and the job's label),
    and a documented integer choice (url_from 1 or 2) is an integer in the schema."""

    async def body(session: ClientSession) -> None:
        tools = {t.name: t.input_schema["properties"] for t in (await session.list_tools()).tools}
        assert tools["avatars_add"]["url_from"]["enum"] == [1, 2]
        await call(session, "avatars_add", url="https://example.com/me.mp4", name="Me", url_from=1)
        await call(
            session, "voice_clone", source_voice_file="https://example.com/speech.mp3", name="Mine"
        )

    serve(isolated, sandbox, body)
    [avatar] = sent(sandbox, contract.CREATE_AVATAR)
    assert (avatar["name"], avatar["url_from"]) == ("Me", 1)
    [voice] = sent(sandbox, contract.VOICE_CLONE)
    assert voice["name"] == "Mine"
