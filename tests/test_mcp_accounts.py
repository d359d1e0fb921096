"""`akool mcp`'s create tools take the account choice the CLI takes as --same-account and
--new-account: an optional `account` ("same" or "new"), in each create tool's schema (issue 17).

Each test fails on akool before the fix: a create tool refused for another credential's creates
named only the command line's flags, and no argument could say which account the key is, so an
agent could neither pick the jobs up nor make them for a new account.
"""

from __future__ import annotations

from mcp.client.session import ClientSession

from akool_cli.sandbox import Sandbox
from tests.conftest import Isolation
from tests.support.runner import invoke
from tests.test_accounts import NEW_FP, OLD_FP, ROTATED
from tests.test_mcp import AUDIO, IMAGE, VIDEO, call, refused, serve
from tests.test_settle import lose_answer_once

TALK = {"image_url": IMAGE, "audio_url": AUDIO}
LIPSYNC = {"video_url": VIDEO, "audio_url": AUDIO}


def made_then_rotated(isolated: Isolation, sandbox: Sandbox) -> str:
    """One session with the old key: a talk made (its job) and a lip sync whose answer is
    lost (an unknown outcome); then the account's key is rotated. The talk's job id."""
    made: dict[str, str] = {}

    async def body(session: ClientSession) -> None:
        made["talk"] = (await call(session, "talk", **TALK))["job_id"]
        lose_answer_once(sandbox, "create_job")
        await refused(session, "lipsync", **LIPSYNC)

    serve(isolated, sandbox, body)
    sandbox.state.config.api_key = ROTATED
    assert len(sandbox.state.jobs) == 2
    return made["talk"]


def test_create_tools_document_the_account_choice_and_refuse_without_it(
    isolated: Isolation, sandbox: Sandbox
) -> None:
    talk_job = made_then_rotated(isolated, sandbox)

    async def body(session: ClientSession) -> None:
        tools = {t.name: t for t in (await session.list_tools()).tools}
        for name in ("talk", "lipsync", "image2video", "headswap", "faceswap_plus"):
            account = tools[name].input_schema["properties"]["account"]
            assert account["enum"] == ["same", "new"] and "credential" in account["description"]
            assert "account" not in tools[name].input_schema["required"]
        for tool, arguments in (("talk", TALK), ("lipsync", LIPSYNC)):
            text = await refused(session, tool, **arguments)
            assert OLD_FP in text and NEW_FP in text, text
            assert 'account: "same"' in text and 'account: "new"' in text, text
            assert "--same-account" not in text and "--new-account" not in text, text
        assert "akool settle 2 --created JOB_ID" in text  # the lip sync's unknown outcome
        # The same account: the talk is picked up; the lip sync is that unknown outcome.
        again = await call(session, "talk", account="same", **TALK)
        assert again["job_id"] == talk_job and again["repeated_call"] is True
        text = await refused(session, "lipsync", **LIPSYNC)
        assert "unknown outcome" in text and "akool settle 2 --created JOB_ID" in text, text
        assert "must be one of same, new" in await refused(
            session, "lipsync", account="mine", **LIPSYNC
        )

    stderr = serve(isolated, sandbox, body, AKOOL_API_KEY=ROTATED)
    assert "Traceback" not in stderr, stderr
    assert len(sandbox.state.jobs) == 2  # nothing was created again


def test_a_new_account_makes_them_again_once(isolated: Isolation, sandbox: Sandbox) -> None:
    talk_job = made_then_rotated(isolated, sandbox)

    async def body(session: ClientSession) -> None:
        again = await call(session, "talk", account="new", **TALK)
        assert again["job_id"] != talk_job and again["repeated_call"] is False
        await call(session, "lipsync", **LIPSYNC)  # recorded: no choice needed any more

    stderr = serve(isolated, sandbox, body, AKOOL_API_KEY=ROTATED)
    assert "Traceback" not in stderr, stderr
    assert len(sandbox.state.jobs) == 4
    invoke(["status"], expect=None)
