"""Issue 22's second break-it run, budgets and expiry: cost estimates learnt on one server never
stand for another's, and `akool sync` calls a result expired as every other command does."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from akool_cli.sandbox import Sandbox, SandboxConfig
from tests.conftest import Isolation
from tests.support.batches import write_rows
from tests.support.runner import invoke
from tests.support.sandboxes import pointed_at, running

IMAGE = "https://example.com/portrait.jpg"
AUDIO = "https://example.com/speech.mp3"


@pytest.fixture
def dearer(isolated: Isolation) -> Iterator[Sandbox]:
    """A second server whose talking photos cost 40 credits (the default sandbox's: 10)."""
    config = SandboxConfig(processing_seconds=6.0, prices={"talking_photo": 40.0})
    with running(config, isolated.clock) as server:
        yield server


def test_costs_seen_on_one_server_are_no_estimate_on_another(
    api_env: Sandbox, dearer: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(3):  # a rehearsal on the sandbox: 10 credits a job
        invoke(["talk", f"https://example.com/s{n}.jpg", AUDIO, "--wait"])
    rows = write_rows(isolated.tmp / "camp.csv", 20)
    monkeypatch.setenv("AKOOL_BASE_URL", dearer.base_url)
    plan = json.loads(invoke(["batch", str(rows), "--dry-run", "--json"]).stdout)
    assert plan["rows"][0]["estimate"] == {"credits": None, "source": "unknown"}
    stopped = invoke(["batch", str(rows), "-c", "4", "--max-credits", "50", "--json"], expect=13)
    assert "Traceback" not in stopped.stderr
    isolated.clock.advance(60)
    spent = 1234.5 - float(invoke(["credit"]).stdout)
    # Unknown here: one job at a time until its cost (40) is seen, then the cap stops the next.
    assert spent == 40 and len(dearer.state.jobs) == 1
    # The batch can stop on the balance's drop before its own status read saw the job done
    # (a race left open, see issue 22's note); `status` records the job's cost as a user's would.
    invoke(["status"])
    plan = json.loads(invoke(["batch", str(rows), "--dry-run", "--json"]).stdout)
    assert plan["rows"][1]["estimate"] == {"credits": 40, "source": "largest seen: 1 job(s)"}
    monkeypatch.setenv("AKOOL_BASE_URL", api_env.base_url)  # and the sandbox keeps its own
    plan = json.loads(invoke(["batch", str(rows), "--dry-run", "--json"]).stdout)
    assert plan["rows"][1]["estimate"] == {"credits": 10, "source": "largest seen: 3 job(s)"}


DAY = 86400.0


def test_sync_calls_a_result_past_its_expiry_expired_asks_nothing_and_exits_0(
    api_env: Sandbox, isolated: Isolation
) -> None:
    job_id = invoke(["talk", IMAGE, AUDIO]).stdout.strip()  # recorded unfinished, not followed
    isolated.clock.advance(60)
    invoke(["status", job_id])  # done now: expires 7 days after it was last seen unfinished
    isolated.clock.advance(7 * DAY - 58)  # past that, though AKOOL (6 s later) still has it
    [row] = json.loads(invoke(["history", "--json"]).stdout)
    assert row["expired"] is True
    files = api_env.state.requests.get("file", 0)
    shown = invoke(["sync", "-o", str(isolated.tmp / "late")])  # exit 0: nothing failed
    assert f"{job_id}: the result expired on AKOOL before it was saved" in shown.stderr
    assert "0 saved, 0 not saved, 1 expired" in shown.stderr
    result = json.loads(invoke(["sync", "-o", str(isolated.tmp / "late"), "--json"]).stdout)
    assert result["expired"] == [job_id] and result["failed"] == []
    assert api_env.state.requests.get("file", 0) == files  # as status and MCP: not asked for


@pytest.fixture
def forgetful(isolated: Isolation, monkeypatch: pytest.MonkeyPatch) -> Iterator[Sandbox]:
    """A server that deletes results an hour after they finish (before akool's expires_at)."""
    config = SandboxConfig(processing_seconds=6.0, retention_seconds=3600.0)
    with pointed_at(config, isolated.clock, monkeypatch) as server:
        yield server


def test_a_result_akool_deleted_early_is_marked_expired_once_and_a_daily_sync_exits_0(
    forgetful: Sandbox, isolated: Isolation
) -> None:
    job_id = invoke(["talk", IMAGE, AUDIO, "--wait", "--json"]).stdout
    job_id = json.loads(job_id)["id"]
    isolated.clock.advance(DAY)  # AKOOL deleted it: its result URL answers 404
    out = isolated.tmp / "daily"
    first = invoke(["sync", "-o", str(out), "--json"])  # exit 0: not a failure to retry daily
    result = json.loads(first.stdout)
    assert result["expired"] == [job_id] and result["failed"] == [], first.stderr
    [row] = json.loads(invoke(["history", "--json"]).stdout)
    assert row["expired"] is True  # everywhere, from now on
    files = forgetful.state.requests.get("file", 0)
    isolated.clock.advance(DAY)
    again = json.loads(invoke(["sync", "-o", str(out), "--json"]).stdout)
    assert again["expired"] == [job_id] and forgetful.state.requests.get("file", 0) == files
    assert not list(out.glob("*"))  # no half-written file left
