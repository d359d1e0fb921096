"""A new credential on the same server and profile is never silently taken for the same account,
nor for another one (issue 17, H1).

Each test fails on akool before the fix: a job's scope named the credential's fingerprint, so a
rerun after a key rotation (or after switching from clientId/clientSecret to the API key) made
every row again, billing the same account twice, without a word.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

import akool_cli
from akool_cli.sandbox import Sandbox, SandboxConfig
from akool_cli.sandbox.state import SANDBOX_API_KEY, SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET
from akool_cli.store.credentials import Credential
from tests.conftest import Isolation
from tests.support.batches import write_rows
from tests.support.runner import invoke
from tests.support.sandboxes import pointed_at

ROTATED = "rotated-key-0123456789abcdef012345"
OLD_FP = Credential("api_key", "t", api_key=SANDBOX_API_KEY).account()
NEW_FP = Credential("api_key", "t", api_key=ROTATED).account()
TEXT = ["talk", "https://example.com/p.jpg", "--text", "Hello there", "--voice", "sbx-en-f-ava"]


@pytest.fixture
def server(isolated: Isolation, monkeypatch: pytest.MonkeyPatch) -> Iterator[Sandbox]:
    with pointed_at(SandboxConfig(processing_seconds=0.0), isolated.clock, monkeypatch) as sandbox:
        yield sandbox


def rotate(server: Sandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    """The account's key is rotated: the old one stops working, the new one is set."""
    server.state.config.api_key = ROTATED
    monkeypatch.setenv("AKOOL_API_KEY", ROTATED)


def run(*args: str, expect: int = 0) -> dict[str, Any]:
    result = invoke(["batch", *args, "--json"], expect=expect)
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_a_rotated_key_is_refused_until_told_then_picks_up_the_rows(
    isolated: Isolation, server: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = str(write_rows(isolated.tmp / "rows.csv", 3))
    assert run(rows)["done"] == 3 and len(server.state.jobs) == 3
    rotate(server, monkeypatch)
    plan = run(rows, "--dry-run")
    assert {r["action"] for r in plan["rows"]} == {"made with another credential"}
    assert {r["other_account"] for r in plan["rows"]} == {OLD_FP}
    told = invoke(["batch", rows, "--dry-run"]).stderr
    assert "3 row(s) were made with another credential" in told and "--same-account" in told
    refused = invoke(["batch", rows], expect=3)
    error = [line for line in refused.stderr.splitlines() if line.startswith("Error:")]
    assert len(error) == 1 and "3 rows have a job on" in error[0]
    assert OLD_FP in error[0] and NEW_FP in error[0]
    assert "--same-account" in refused.stderr and "--new-account" in refused.stderr
    assert len(server.state.jobs) == 3  # nothing was created
    # The same account: the rows are picked up and refreshed with the new key, nothing made.
    same = run(rows, "--same-account", "-o", str(isolated.tmp / "out"))
    assert same["done"] == 3 and all(r["resumed"] for r in same["results"])
    assert len(server.state.jobs) == 3
    # Recorded once: the next run (a CI resume) needs no flag, and status refreshes the jobs.
    assert all(r["resumed"] for r in run(rows)["results"]) and len(server.state.jobs) == 3
    invoke(["status"])
    invoke(["watch", same["results"][0]["job_id"]])


def test_another_account_creates_again_once_and_is_asked_once(
    isolated: Isolation, server: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = str(write_rows(isolated.tmp / "rows.csv", 2))
    run(rows)
    rotate(server, monkeypatch)
    invoke(["batch", rows, "--same-account", "--new-account"], expect=2)
    fresh = run(rows, "--new-account")
    assert fresh["done"] == 2 and not any(r["resumed"] for r in fresh["results"])
    assert len(server.state.jobs) == 4
    again = run(rows)
    assert all(r["resumed"] for r in again["results"]) and len(server.state.jobs) == 4


def test_clientid_and_secret_then_an_api_key_is_asked_not_billed_twice(
    isolated: Isolation, server: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The break-it run's repro: the legacy pair, then the API key of the same account.
    rows = str(write_rows(isolated.tmp / "rows.csv", 3))
    monkeypatch.delenv("AKOOL_API_KEY")
    monkeypatch.setenv("AKOOL_CLIENT_ID", SANDBOX_CLIENT_ID)
    monkeypatch.setenv("AKOOL_CLIENT_SECRET", SANDBOX_CLIENT_SECRET)
    run(rows)
    monkeypatch.delenv("AKOOL_CLIENT_ID")
    monkeypatch.delenv("AKOOL_CLIENT_SECRET")
    monkeypatch.setenv("AKOOL_API_KEY", SANDBOX_API_KEY)
    invoke(["batch", rows], expect=3)
    assert len(server.state.jobs) == 3
    assert all(r["resumed"] for r in run(rows, "--same-account")["results"])
    assert len(server.state.jobs) == 3


def test_a_speech_made_with_the_old_key_is_not_paid_for_twice(
    isolated: Isolation, server: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    invoke(TEXT)
    rotate(server, monkeypatch)
    refused = invoke(TEXT, expect=3)
    assert "1 speech has a job on" in refused.stderr and NEW_FP in refused.stderr
    assert len(server.state.speech) == 1 and len(server.state.jobs) == 1
    invoke([*TEXT, "--same-account"])
    assert len(server.state.speech) == 1 and len(server.state.jobs) == 2


def test_login_rotate_records_the_new_key_as_the_same_account(
    isolated: Isolation, server: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("AKOOL_API_KEY")
    invoke(["login"], input=SANDBOX_API_KEY)
    rows = str(write_rows(isolated.tmp / "rows.csv", 2))
    run(rows)
    server.state.config.api_key = ROTATED
    invoke(["login", "--rotate"], input=ROTATED)
    assert all(r["resumed"] for r in run(rows)["results"]) and len(server.state.jobs) == 2
    # Without a key to replace, --rotate saves nothing.
    refused = invoke(["--profile", "fresh", "login", "--rotate"], input=ROTATED, expect=2)
    assert "nothing was saved" in refused.stderr


def test_the_library_raises_a_typed_error_with_the_facts(
    isolated: Isolation, server: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = write_rows(isolated.tmp / "rows.csv", 2)
    run(str(rows))
    rotate(server, monkeypatch)
    with akool_cli.Client() as client:
        with pytest.raises(akool_cli.OtherCredentialError) as caught:
            client.prepare_batch(client.batch_plan(rows, check=False))
        assert caught.value.count == 2 and caught.value.others == (OLD_FP,)
        assert caught.value.fingerprint == NEW_FP and caught.value.exit_code == 3
        client.account_choice = "same"
        result = client.batch(client.batch_plan(rows, check=False))
        assert all(o.resumed for o in result.outcomes) and len(server.state.jobs) == 2
