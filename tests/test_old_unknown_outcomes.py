"""An unknown outcome blocks its create and stays listed until it is settled, however old it is
(issue 17, break-it run 17c M2): AKOOL may have made and billed it; its 7-day retention of
results says nothing about whether the create happened."""

from __future__ import annotations

import json

from akool_cli.sandbox import Sandbox
from tests.conftest import Isolation
from tests.support.runner import invoke

TALK = ["talk", "https://example.com/old1.jpg", "https://example.com/old1.mp3"]


def test_an_unknown_outcome_a_week_old_still_blocks_the_same_create(
    api_env: Sandbox, isolated: Isolation
) -> None:
    sandbox = api_env
    sandbox.state.inject("drop", at="create_talking_photo")  # the create's answer is lost
    invoke(TALK, expect=5)
    made = len(sandbox.state.jobs)
    isolated.clock.advance(8 * 86400)  # a laptop closed for a week, a Friday's CI run
    listed = json.loads(invoke(["status", "--json"]).stdout)
    assert [row["state"] for row in listed] == ["unknown"]
    again = invoke(TALK, expect=5)
    assert "settle" in again.stderr
    assert len(sandbox.state.jobs) == made  # nothing created again
