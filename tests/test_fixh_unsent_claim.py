"""A claim whose create never left the machine is given back when the history write after it
fails (a full disk, break17k K10): the rerun sends it once, and no hint sends the user to settle."""

from __future__ import annotations

from typing import Any

import pytest

from akool_cli.core.errors import ExitCode, LocalStateError
from akool_cli.sandbox import Sandbox
from akool_cli.store.journal import Journal
from tests.conftest import Isolation
from tests.support.runner import invoke
from tests.test_batch import write_csv

TALK = ["talk", "https://example.com/k10.jpg", "--text", "full disk speech", "--voice"]
TALK += ["sbx-en-f-ava", "--no-check"]


def _disk_full_after_claim(monkeypatch: pytest.MonkeyPatch) -> None:
    """The claim is written; the next write (the body about to be sent) finds the disk full."""

    def full(self: Journal, *args: Any) -> None:
        raise LocalStateError("database or disk is full", path=str(self.path))

    monkeypatch.setattr(Journal, "note_body", full)


def test_a_speech_claim_never_sent_is_given_back_when_the_next_write_fails(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as patch:
        _disk_full_after_claim(patch)
        failed = invoke([*TALK, "-o", str(isolated.tmp)], expect=ExitCode.LOCAL_STATE)
    assert "disk is full" in failed.stderr
    assert not api_env.state.speech and not api_env.state.jobs  # nothing reached AKOOL
    again = invoke([*TALK, "-o", str(isolated.tmp)])
    assert "settle" not in again.stderr and "dashboard" not in again.stderr
    assert len(api_env.state.speech) == 1 and len(api_env.state.jobs) == 1


def test_a_batch_row_claim_never_sent_is_given_back_and_no_id_is_asked_for(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = write_csv(
        isolated.tmp / "k10.csv", ["k10,https://e.com/k10.jpg,https://e.com/k10.mp3,,,,,"]
    )
    with monkeypatch.context() as patch:
        _disk_full_after_claim(patch)
        failed = invoke(["batch", str(rows), "--no-check"], expect=ExitCode.LOCAL_STATE)
    assert "disk is full" in failed.stderr
    assert "keep the ids printed" not in failed.stderr and "settle" not in failed.stderr
    assert not api_env.state.jobs  # nothing reached AKOOL
    again = invoke(["batch", str(rows), "--no-check"])
    assert "settle" not in again.stderr and "dashboard" not in again.stderr
    assert len(api_env.state.jobs) == 1


def test_a_claim_never_sent_is_given_back_even_when_giving_it_back_fails_too(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """break17k K10 after fixH: the disk still full when the claim is given back left it
    `sending` with no body; the rerun was refused as an unknown outcome (exit 5, settle)."""
    with monkeypatch.context() as patch:
        _disk_full_after_claim(patch)
        patch.setattr(Journal, "attempt_not_sent", Journal.note_body)  # (full too)
        invoke([*TALK, "-o", str(isolated.tmp)], expect=ExitCode.LOCAL_STATE)
    assert not api_env.state.speech and not api_env.state.jobs  # nothing reached AKOOL
    again = invoke([*TALK, "-o", str(isolated.tmp)])
    assert "settle" not in again.stderr and "dashboard" not in again.stderr
    assert len(api_env.state.speech) == 1 and len(api_env.state.jobs) == 1
    assert "unknown" not in invoke(["status"]).stderr
