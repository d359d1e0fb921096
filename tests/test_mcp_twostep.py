"""`akool mcp`, creates made of two steps (a head swap: AKOOL's analysis, then the task) across
sessions: the same call in a later session is the first call's job, the analysis id a create tool
answered resolves to its job in any session and in the CLI, and avatars_add's same call too."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from mcp.client.session import ClientSession

from akool_cli.core import contract
from akool_cli.sandbox import Sandbox
from tests.conftest import Isolation
from tests.support.runner import invoke
from tests.test_faces import sent
from tests.test_mcp import call, refused, serve

FACES = ["https://example.com/anna.jpg"]
SWAP = {"video_url": "https://example.com/oneperson.mp4", "faces": FACES}


def _swaps(sandbox: Sandbox) -> list[Any]:
    return [j for j in sandbox.state.jobs.values() if j.kind == "head_swap"]


def _first_session(isolated: Isolation, sandbox: Sandbox) -> dict[str, Any]:
    """A session whose head swap call is answered, then followed until its job is made."""
    answers: dict[str, Any] = {}

    async def body(session: ClientSession) -> None:
        answers["made"] = await call(session, "headswap", **SWAP)
        isolated.clock.advance(10)  # the analysis ends: the session makes the task
        for _ in range(100):
            view = await call(session, "wait", job_id=answers["made"]["job_id"])
            if view.get("analysis_id"):
                answers["job"] = view["id"]
                return
        raise AssertionError("the head swap was never made")

    serve(isolated, sandbox, body)
    return answers


def test_the_same_headswap_call_in_a_later_session_is_the_first_calls_job(
    isolated: Isolation, sandbox: Sandbox
) -> None:
    first = _first_session(isolated, sandbox)
    seen: dict[str, Any] = {}

    async def body(session: ClientSession) -> None:
        seen["again"] = await call(session, "headswap", **SWAP)

    serve(isolated, sandbox, body)
    assert len(_swaps(sandbox)) == 1, seen
    assert seen["again"]["repeated_call"] is True and seen["again"]["job_id"] == first["job"]


AVATAR = {"url": "https://example.com/me.mp4", "name": "me"}


def _age_attempts(isolated: Isolation, seconds: float) -> None:
    """Every create in the history sent `seconds` earlier (the server's clock is the system's)."""
    with sqlite3.connect(isolated.home / "jobs.sqlite3") as db:
        db.execute("UPDATE attempts SET started_at = started_at - ?", (seconds,))


def test_the_same_avatars_add_call_in_a_later_session_is_the_first_calls_job(
    isolated: Isolation, sandbox: Sandbox
) -> None:
    """break17f F6: AKOOL keeps each avatar_id once, which refused the same call made again in a
    later session; after the hour it is refused, its hint naming the tools' arguments."""
    made: list[dict[str, Any]] = []

    async def body(session: ClientSession) -> None:
        made.append(await call(session, "avatars_add", **AVATAR))

    serve(isolated, sandbox, body)
    serve(isolated, sandbox, body)
    assert len(sent(sandbox, contract.CREATE_AVATAR)) == 1
    assert made[1]["repeated_call"] is True and made[1]["job_id"] == made[0]["job_id"]
    _age_attempts(isolated, 2 * 3600)
    messages: list[str] = []

    async def later(session: ClientSession) -> None:
        messages.append(await refused(session, "avatars_add", **AVATAR))

    serve(isolated, sandbox, later)
    assert "was made already" in messages[0], messages
    assert "--" not in messages[0] and "avatars_add" in messages[0], messages
    assert len(sent(sandbox, contract.CREATE_AVATAR)) == 1


def test_tool_errors_name_the_tools_arguments_never_a_cli_flag(
    isolated: Isolation, sandbox: Sandbox
) -> None:
    """Hints the library words with the command line's flags (--lipsync, --face), as a tool's
    answer: its arguments."""
    translate = {"url": "https://example.com/talk.mp4", "language": "fr", "lipsync": True}
    swap = {"video_url": "https://example.com/one.mp4", "faces": [*FACES, *FACES]}
    messages: list[str] = []

    async def body(session: ClientSession) -> None:
        await call(session, "translate", **translate)
        messages.append(await refused(session, "translate", **translate, name="again"))
        made = await call(session, "headswap", **swap)
        isolated.clock.advance(10)  # the analysis ends: it shows one person for two faces
        for _ in range(100):
            result = await session.call_tool("wait", {"job_id": made["job_id"]})
            if result.is_error:
                messages.append(result.content[0].text)  # type: ignore[union-attr]
                break
        else:
            raise AssertionError("the head swap of two faces for one person was not refused")
        # This session still runs, but nothing will come of that analysis: said so elsewhere.
        later = invoke(["status", made["job_id"]], expect=2).stderr
        assert "never became a job" in later and "nothing was billed" in later, later
        messages.append(await refused(session, "status", job_id="0" * 24))  # AKOOL's 1008

    serve(isolated, sandbox, body)
    assert "code 1202" in messages[0] and "without lipsync" in messages[0], messages
    assert "2 faces for 1 person" in messages[1] and "1 URLs in faces" in messages[1], messages
    assert "1008" in messages[2] and "the history tool" in messages[2], messages
    assert not [m for m in messages if "akool status" in m or "the command" in m], messages
    assert not [m for m in messages if " --" in m], messages


def test_an_analysis_id_leads_to_its_head_swap_in_a_later_session_and_in_the_cli(
    isolated: Isolation, sandbox: Sandbox
) -> None:
    """break17f F5: the analysis id the headswap tool answered was asked of AKOOL as a talking
    photo once its session ended ("content does not exist (code 1008)")."""
    first = _first_session(isolated, sandbox)
    analysis_id, job_id = first["made"]["job_id"], first["job"]
    seen: dict[str, Any] = {}

    async def body(session: ClientSession) -> None:
        seen["status"] = await call(session, "status", job_id=analysis_id)
        isolated.clock.advance(10)  # the head swap ends
        for _ in range(100):
            view = await call(session, "wait", job_id=analysis_id)
            if view["finished"]:
                break
        seen["wait"] = view
        seen["saved"] = await call(session, "download", job_id=analysis_id)

    serve(isolated, sandbox, body)
    assert seen["status"]["id"] == job_id and seen["status"]["analysis_id"] == analysis_id
    assert seen["wait"]["state"] == "done" and seen["wait"]["id"] == job_id, seen
    assert seen["saved"]["path"].endswith(f"{job_id}.mp4"), seen
    shown = json.loads(invoke(["status", analysis_id, "--json"]).stdout)
    assert [job["id"] for job in shown] == [job_id], shown
    assert len(_swaps(sandbox)) == 1


def test_an_analysis_that_never_became_a_job_says_so_in_a_later_session(
    isolated: Isolation, sandbox: Sandbox
) -> None:
    """A session closed while AKOOL was still analysing: no head swap was made, and its id says
    so (not AKOOL's "content does not exist" for a talking photo)."""
    made: list[dict[str, Any]] = []

    async def first(session: ClientSession) -> None:
        made.append(await call(session, "headswap", **SWAP))  # closed before the analysis ends

    serve(isolated, sandbox, first)
    analysis_id = made[0]["job_id"]
    messages: list[str] = []

    async def later(session: ClientSession) -> None:
        for tool in ("status", "wait", "download"):
            messages.append(await refused(session, tool, job_id=analysis_id))

    serve(isolated, sandbox, later)
    for message in messages:
        assert "never became a job" in message and "nothing was billed" in message, messages
        assert "1008" not in message and "headswap tool" in message, messages
    result = invoke(["status", analysis_id], expect=2)
    assert "never became a job" in result.stderr and "akool headswap" in result.stderr
    assert not _swaps(sandbox)


def test_an_analysis_whose_head_swap_has_an_unknown_outcome_names_the_attempt_later(
    isolated: Isolation, sandbox: Sandbox
) -> None:
    """The head swap's create got no answer: a later session's status of the analysis id says
    the outcome is unknown and how to settle it; the same call, and the same request with
    another idempotency_key, are refused, not billed."""
    sandbox.state.inject("drop", at="create_headswap")
    made: list[dict[str, Any]] = []

    async def first(session: ClientSession) -> None:
        made.append(await call(session, "headswap", **SWAP))
        isolated.clock.advance(10)  # the analysis ends: the create is sent, its answer lost
        for _ in range(100):
            if (await session.call_tool("wait", {"job_id": made[0]["job_id"]})).is_error:
                return
        raise AssertionError("the head swap's lost answer was never reported")

    serve(isolated, sandbox, first)
    messages: list[str] = []

    async def later(session: ClientSession) -> None:
        messages.append(await refused(session, "status", job_id=made[0]["job_id"]))
        messages.append(await refused(session, "headswap", **SWAP))
        messages.append(await refused(session, "headswap", **SWAP, idempotency_key="other"))

    serve(isolated, sandbox, later)
    assert "unknown outcome" in messages[0] and "akool settle 1" in messages[0], messages
    assert all("unknown outcome" in m and "settle 1" in m for m in messages[1:]), messages
    assert len(_swaps(sandbox)) == 1


def test_an_older_historys_analysis_ids_lead_to_their_head_swaps_after_migrating(
    isolated: Isolation, api_env: Sandbox
) -> None:
    """A history written before m018 kept each head swap's analysis id only in its inputs: the
    migration makes those ids lead to their jobs (and to an unknown create's attempt)."""
    made = invoke(["headswap", "https://example.com/oneperson.mp4", "--face", FACES[0]])
    job_id = made.stdout.split()[0]
    api_env.state.inject("drop", at="create_headswap")
    invoke(["headswap", "https://example.com/other.mp4", "--face", FACES[0]], expect=5)
    path = isolated.home / "jobs.sqlite3"
    with sqlite3.connect(path) as db:  # as akool 0.2 at m017 left it
        steps = dict(db.execute("SELECT id, COALESCE(job_id, attempt_id) FROM first_steps"))
        db.execute("DROP TABLE first_steps")
        db.execute("DELETE FROM _migrations WHERE name = 'm018_first_step_ids'")
        db.execute("PRAGMA user_version = 0")
    analyses = {v: k for k, v in steps.items()}
    assert set(analyses) == {job_id, 2}, steps
    shown = json.loads(invoke(["status", analyses[job_id], "--json"]).stdout)
    assert [job["id"] for job in shown] == [job_id]
    doubt = invoke(["status", analyses[2]], expect=5)
    assert "unknown outcome" in doubt.stderr and "akool settle 2" in doubt.stderr
