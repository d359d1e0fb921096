"""`akool api POST` of a create that met another credential's unknown outcome takes the
--same-account / --new-account its own hint names, as every create command does (break17i I4).

Fails on akool before the fix: `akool api` had neither flag ("No such option", exit 2), so the
hint led nowhere."""

from __future__ import annotations

import json

import pytest

from akool_cli.sandbox import Sandbox
from tests.conftest import Isolation
from tests.support.runner import invoke
from tests.test_accounts import rotate
from tests.test_settle import lose_answer_once, settle_command

E = "https://example.com"


def test_api_create_takes_the_account_flags_its_hint_names(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = lose_answer_once(api_env, "create_job")
    lost = invoke(["talk", f"{E}/ak1.jpg", f"{E}/ak1.mp3"], expect=5)
    attempt, _ = settle_command(lost.stderr)
    sent = api_env.state.received[-1]
    body, path = json.dumps(json.loads(sent.body)), sent.path.split("?")[0]
    rotate(api_env, monkeypatch)
    api = ["api", "POST", path, "--input", "-"]
    refused = invoke(api, input=body, expect=3)
    assert "--same-account" in refused.stderr and "--new-account" in refused.stderr
    same = invoke([*api, "--same-account"], input=body, expect=5)  # its unknown outcome: settle
    assert f"akool settle {attempt}" in same.stderr, same.stderr
    assert len(made) == 1 and len(api_env.state.jobs) == 1  # nothing sent again
    invoke(["settle", str(attempt), "--not-created"])
    done = invoke(api, input=body)
    assert json.loads(done.stdout)["code"] == 1000 and len(api_env.state.jobs) == 2


def test_api_create_with_new_account_creates_for_this_one(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    lose_answer_once(api_env, "create_job")
    invoke(["talk", f"{E}/ak2.jpg", f"{E}/ak2.mp3"], expect=5)
    sent = api_env.state.received[-1]
    body, path = json.dumps(json.loads(sent.body)), sent.path.split("?")[0]
    rotate(api_env, monkeypatch)
    done = invoke(["api", "POST", path, "--input", "-", "--new-account"], input=body)
    assert json.loads(done.stdout)["code"] == 1000 and len(api_env.state.jobs) == 2
