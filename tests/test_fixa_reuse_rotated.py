"""`--reuse` after a key rotation (AKOOL_API_KEY changed, as docs/ci.md's "After rotating the key"
says): a job of the very same request made with the other credential on this server and
profile is never made again unasked. Refused with OtherCredentialError (exit 3) until
--same-account (that job is reused, the link recorded) or --new-account (made again) (break17i I3).

Fails on akool before the fix: `--reuse` looked only at the new credential's own jobs and
created (billed) the job again, even with `--same-account`.
"""

from __future__ import annotations

import pytest

import akool_cli
from akool_cli.core.errors import OtherCredentialError
from akool_cli.sandbox import Sandbox
from tests.conftest import Isolation
from tests.support.runner import invoke
from tests.test_accounts import NEW_FP, OLD_FP, rotate

E = "https://example.com"
TALK = [
    "talk",
    f"{E}/rr1.jpg",
    f"{E}/rr1.mp3",
    "--reuse",
    "--resolution",
    "1080",
    "--name",
    "release",
]


def test_reuse_with_a_rotated_key_asks_then_reuses_with_same_account(
    isolated: Isolation, api_env: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = invoke(TALK).stdout.strip()
    rotate(api_env, monkeypatch)
    refused = invoke(TALK, expect=3)
    assert OLD_FP in refused.stderr and NEW_FP in refused.stderr and first in refused.stderr
    assert "--same-account" in refused.stderr and refused.stdout == ""
    assert len(api_env.state.jobs) == 1
    again = invoke([*TALK, "--same-account"])
    assert again.stdout.strip() == first and "Reused job" in again.stderr, again.stderr
    assert invoke(TALK).stdout.strip() == first  # the link is recorded: asked once
    assert len(api_env.state.jobs) == 1


def test_reuse_with_a_rotated_key_and_new_account_makes_it_again(
    isolated: Isolation, api_env: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = invoke(TALK).stdout.strip()
    rotate(api_env, monkeypatch)
    made = invoke([*TALK, "--new-account"]).stdout.strip()
    assert made != first and len(api_env.state.jobs) == 2


def test_the_library_reuse_with_a_rotated_key(
    isolated: Isolation, api_env: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = invoke(TALK).stdout.strip()
    rotate(api_env, monkeypatch)
    with akool_cli.Client() as client:
        with pytest.raises(OtherCredentialError):
            client.talk(
                f"{E}/rr1.jpg", f"{E}/rr1.mp3", resolution="1080", name="release", reuse=True
            )
        client.account_choice = "same"
        job = client.talk(
            f"{E}/rr1.jpg", f"{E}/rr1.mp3", resolution="1080", name="release", reuse=True
        )
    assert job.id == first and job.repeated
    assert len(api_env.state.jobs) == 1
