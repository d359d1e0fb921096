"""`akool mcp`, creates made of two steps (a head swap: AKOOL's analysis, then the task) across
sessions: the same call in a later session is the first call's job, the analysis id a create tool
answered resolves to its job in any session and in the CLI, and avatars_add's same call too."""

from __future__ import annotations

import sqlite3
from typing import Any

from mcp.client.session import ClientSession

from akool_cli.core import contract
from akool_cli.sandbox import Sandbox
from tests.conftest import Isolation
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
                return
        raise AssertionError("the head swap of two faces for one person was not refused")

    serve(isolated, sandbox, body)
    assert "code 1202" in messages[0] and "without lipsync" in messages[0], messages
    assert "2 faces for 1 person" in messages[1] and "1 URLs in faces" in messages[1], messages
    assert not [m for m in messages if " --" in m], messages
