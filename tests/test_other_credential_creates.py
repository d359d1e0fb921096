"""A single create (`akool talk`, `akool lipsync`, any product command, the library) whose
identical create made with another credential on the same server and profile has an unknown
outcome is refused until the user says which account this credential is (issue 17).

Each test fails on akool before the fix: only keyed creates (batch rows, speech) asked, so a
rerun of `akool lipsync` after a key rotation (or after switching from clientId/clientSecret to
the API key) sent the create again while the first one's job may have been made and billed.
"""

from __future__ import annotations

import pytest

import akool_cli
from akool_cli.sandbox import Sandbox
from tests.conftest import Isolation
from tests.support.runner import invoke
from tests.test_accounts import NEW_FP, OLD_FP, rotate
from tests.test_settle import lose_answer_once, settle_command

VIDEO = "https://example.com/clip.mp4"
IMAGE = "https://example.com/portrait.jpg"
AUDIO = "https://example.com/speech.mp3"
COMMANDS = {
    "lipsync": ["lipsync", VIDEO, AUDIO],
    "talk": ["talk", IMAGE, AUDIO],
    "image2video": ["image2video", IMAGE, "--prompt", "waves"],
}


def lost_then_rotated(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> tuple[int, str]:
    """The command's create is made on AKOOL but its answer is lost (an unknown outcome, exit
    5), then the account's key is rotated: the attempt's number and the job AKOOL made."""
    made = lose_answer_once(sandbox, "create_job")
    lost = invoke(command, expect=5)
    attempt, _ = settle_command(lost.stderr)
    rotate(sandbox, monkeypatch)
    assert len(sandbox.state.jobs) == 1
    return attempt, made[0].id


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_a_create_in_doubt_under_another_credential_is_refused_before_any_create(
    isolated: Isolation, api_env: Sandbox, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    command = COMMANDS[name]
    attempt, job = lost_then_rotated(api_env, monkeypatch, command)
    refused = invoke(command, expect=3)
    errors = [line for line in refused.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1, refused.stderr
    assert OLD_FP in errors[0] and NEW_FP in errors[0] and f"attempt {attempt}" in errors[0]
    hint = refused.stderr.split("Hint:", 1)[1]
    assert "--same-account" in hint and "--new-account" in hint
    assert f"akool settle {attempt} --created JOB_ID" in hint
    assert len(api_env.state.jobs) == 1 and refused.stdout == ""  # nothing was created
    # The same account: it is that unknown outcome, refused until settled (recorded once).
    same = invoke([*command, "--same-account"], expect=5)
    assert f"akool settle {attempt} --created JOB_ID" in same.stderr
    assert "--same-account" not in same.stderr.split("Hint:", 1)[1]
    invoke(command, expect=5)
    assert len(api_env.state.jobs) == 1
    # Settled with the job found in the dashboard: recorded, and refreshed with the new key.
    assert invoke(["settle", str(attempt), "--created", job]).stdout.strip() == job
    invoke(["status", job])


def test_another_account_creates_it_once_told_and_is_asked_once(
    isolated: Isolation, api_env: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    command = COMMANDS["lipsync"]
    lost_then_rotated(api_env, monkeypatch, command)
    invoke([*command, "--json"], expect=3)
    made = invoke([*command, "--new-account"]).stdout.split()[0]
    assert made in api_env.state.jobs and len(api_env.state.jobs) == 2
    # Recorded: the next create with this credential needs no flag.
    invoke(command)
    assert len(api_env.state.jobs) == 3


def test_the_json_error_names_the_choice(
    isolated: Isolation, api_env: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    import json

    attempt, _ = lost_then_rotated(api_env, monkeypatch, COMMANDS["lipsync"])
    refused = invoke([*COMMANDS["lipsync"], "--json"], expect=3)
    document = json.loads(refused.stdout)
    assert document["error"]["exit_code"] == 3, document
    assert "--new-account" in document["error"]["hint"], document
    assert f"akool settle {attempt}" in document["error"]["hint"], document


def test_the_library_raises_the_typed_error_and_takes_the_choice(
    isolated: Isolation, api_env: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    attempt, _ = lost_then_rotated(api_env, monkeypatch, COMMANDS["lipsync"])
    with akool_cli.Client() as client:
        with pytest.raises(akool_cli.OtherCredentialError) as caught:
            client.lipsync(VIDEO, AUDIO)
        error = caught.value
        assert error.count == 1 and error.others == (OLD_FP,) and error.fingerprint == NEW_FP
        assert error.attempts == (attempt,) and error.exit_code == 3
        assert len(api_env.state.jobs) == 1
        client.account_choice = "new"
        assert client.lipsync(VIDEO, AUDIO).id in api_env.state.jobs
    assert len(api_env.state.jobs) == 2
