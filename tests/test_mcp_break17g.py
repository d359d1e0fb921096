"""Issue 17's break-it run 17g, helper mcp19's part: two sessions' head swap analyses of one call
(G17), signed result URLs in tool results (G13), a client that stops reading (G5) and the
JSON-RPC edges (N1, N6, invalid UTF-8, an unknown prompt).

Each test fails on akool before its fix."""

from __future__ import annotations

from typing import Any

from akool_cli.sandbox import Sandbox
from tests.conftest import Isolation
from tests.support.runner import invoke

E = "https://example.com"
VIDEO, FACES = f"{E}/g17.mp4", [f"{E}/g17-face.jpg"]


def test_the_analysis_of_a_call_another_session_made_leads_to_its_job(
    api_env: Sandbox, isolated: Isolation
) -> None:
    """break17g G17: two sessions make the same head swap call at once, each asks its analysis,
    one task is made (by the first to claim); the other's analysis id said "never became a job
    … nothing was billed; make it again", and making it again billed a second head swap."""
    from akool_cli import Client, Once

    other: dict[str, Any] = {}
    steps: list[str] = []

    def meanwhile(step_id: str) -> None:
        steps.append(step_id)
        # While this call's analysis runs, another session's same call is analysed and made.
        with Client() as second:
            other["job"] = second.headswap(VIDEO, FACES, once=Once("mcp:g17"), check=False)

    with Client() as client:
        job = client.headswap(
            VIDEO,
            FACES,
            once=Once("mcp:g17"),
            check=False,
            on_analysis=meanwhile,
        )
        assert job.repeated and job.id == other["job"].id
        mine = steps[0]
        assert mine != other["job"].inputs["analysis_id"]  # two analyses, one task
        step = client.first_step(mine)
        assert step is not None and step.state == "made" and step.job_id == job.id, step
    assert sum(1 for j in api_env.state.jobs.values() if j.kind == "head_swap") == 1
    shown = invoke(["status", mine, "--json"])
    assert job.id in shown.stdout and "never became" not in shown.stderr, shown.stderr


def test_the_analysis_of_a_call_whose_other_create_is_in_doubt_names_that_attempt(
    api_env: Sandbox, isolated: Isolation
) -> None:
    """G17's other ending: the other session's create of the same call has an unknown outcome,
    so this one's is refused; its analysis id names that attempt, never "nothing was billed"."""
    import pytest

    from akool_cli import Client, Once, UnknownOutcomeError, UnsettledAttemptError

    steps: list[str] = []

    def meanwhile(step_id: str) -> None:
        steps.append(step_id)
        api_env.state.inject("drop", at="create_headswap")
        with Client() as second, pytest.raises(UnknownOutcomeError):
            second.headswap(VIDEO, FACES, once=Once("mcp:g17b"), check=False)

    with Client() as client, pytest.raises(UnsettledAttemptError) as refused:
        client.headswap(
            VIDEO,
            FACES,
            once=Once("mcp:g17b"),
            check=False,
            on_analysis=meanwhile,
        )
    shown = invoke(["status", steps[0]], expect=5)
    assert f"attempt {refused.value.attempt_id}" in shown.stderr, shown.stderr
    assert "nothing was billed" not in shown.stderr, shown.stderr
