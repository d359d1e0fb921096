"""A history akool cannot write or read is kept, and no hint offers an empty AKOOL_HOME: a fresh
one forgets every job, claim and unknown outcome, and the same batch run there bills every row
again (break17j J11: the full-disk hint said "or set AKOOL_HOME to a folder on another disk";
J6: a damaged history was answered "or set AKOOL_HOME to another folder")."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from akool_cli.core.errors import LocalStateError
from akool_cli.sandbox import Sandbox
from akool_cli.store import journal
from tests.support.runner import invoke

IMAGE, AUDIO = "https://example.com/p.jpg", "https://example.com/s.mp3"
FRESH_HOME_ADVICE = ("set AKOOL_HOME to a folder", "set AKOOL_HOME to another", "a writable folder")


def hint_of(message: str) -> str:
    with pytest.raises(LocalStateError) as raised, journal._local_state(Path("h"), "write"):
        raise sqlite3.OperationalError(message)
    return raised.value.hint or ""


@pytest.mark.parametrize(
    "message",
    ["database or disk is full", "attempt to write a readonly database", "unable to open database"],
)
def test_no_hint_offers_an_empty_history(message: str) -> None:
    hint = hint_of(message)
    assert not any(advice in hint for advice in FRESH_HOME_ADVICE), hint
    assert "the whole AKOOL_HOME folder" in hint and "bills them again" in hint


def test_a_damaged_history_is_kept_and_recovered(api_env: Sandbox) -> None:
    invoke(["talk", IMAGE, AUDIO, "--no-check"])
    history = Path(os.environ["AKOOL_HOME"]) / "jobs.sqlite3"
    history.write_bytes(b"\x00garbage" * 2048)  # a bad cache restore
    result = invoke(["status"], expect=10)
    assert "damaged" in result.stderr and ".recover" in result.stderr
    assert not any(advice in result.stderr for advice in FRESH_HOME_ADVICE), result.stderr
    assert len(result.stderr.strip().splitlines()) <= 2  # the error and its hint
