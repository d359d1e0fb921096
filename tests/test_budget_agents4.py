"""Issue 22's second break-it run, budgets and expiry: cost estimates learnt on one server never
stand for another's, and `akool sync` calls a result expired as every other command does."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from akool_cli.sandbox import Sandbox, SandboxConfig, start_sandbox
from tests.conftest import Isolation
from tests.support.batches import write_rows
from tests.support.runner import invoke

IMAGE = "https://example.com/portrait.jpg"
AUDIO = "https://example.com/speech.mp3"


@pytest.fixture
def dearer(isolated: Isolation) -> Iterator[Sandbox]:
    """A second server whose talking photos cost 40 credits (the default sandbox's: 10)."""
    prices = {"talking_photo": 40.0}
    server = start_sandbox(
        SandboxConfig(processing_seconds=6.0, prices=prices), clock=isolated.clock
    )
    yield server
    server.stop()


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
    plan = json.loads(invoke(["batch", str(rows), "--dry-run", "--json"]).stdout)
    assert plan["rows"][1]["estimate"] == {"credits": 40, "source": "largest seen: 1 job(s)"}
    monkeypatch.setenv("AKOOL_BASE_URL", api_env.base_url)  # and the sandbox keeps its own
    plan = json.loads(invoke(["batch", str(rows), "--dry-run", "--json"]).stdout)
    assert plan["rows"][1]["estimate"] == {"credits": 10, "source": "largest seen: 3 job(s)"}
