"""The webhook URL is where AKOOL reports, not what it makes or bills: a rerun whose only change
is its callback address (a new tunnel, a CI run id, none) is the same request, refused over an
unknown outcome and found by `--reuse`; the URL given is still the one sent (break17i I5).

Fails on akool before the fix: the webhook URL was part of the request's identity, so the rerun
was sent and billed again."""

from __future__ import annotations

import json

from akool_cli.sandbox import Sandbox
from tests.conftest import Isolation
from tests.support.runner import invoke
from tests.test_settle import lose_answer_once, settle_command

E = "https://example.com"
TALK = ["talk", f"{E}/wh1.jpg", f"{E}/wh1.mp3"]


def test_a_new_callback_url_is_the_same_request(api_env: Sandbox, isolated: Isolation) -> None:
    made = lose_answer_once(api_env, "create_job")
    lost = invoke([*TALK, "--webhook-url", "https://ci.example.com/hook?run=101"], expect=5)
    attempt, _ = settle_command(lost.stderr)
    for hook in (["--webhook-url", "https://ci.example.com/hook?run=102"], []):
        refused = invoke([*TALK, *hook], expect=5)
        assert f"akool settle {attempt}" in refused.stderr, refused.stderr
    assert len(made) == 1 and len(api_env.state.jobs) == 1
    invoke(["settle", str(attempt), "--created", made[0].id])
    reused = invoke([*TALK, "--reuse", "--webhook-url", "https://ci.example.com/hook?run=103"])
    assert reused.stdout.strip() == made[0].id and len(api_env.state.jobs) == 1


def test_the_callback_url_given_is_the_one_sent(api_env: Sandbox, isolated: Isolation) -> None:
    invoke([*TALK, "--webhook-url", "https://ci.example.com/hook?run=7"])
    sent = json.loads(api_env.state.received[-1].body)
    assert sent["webhookUrl"] == "https://ci.example.com/hook?run=7"
