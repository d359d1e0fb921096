"""A job whose first status read showed other inputs than its create sent (a server that gave
one create's id to another: core/answers.py) says so wherever it is listed: `akool status`'s
table and --json, and the library's Job (issue 17).

Each test fails on akool before the fix: the detached job was listed like any job (its state
AKOOL's, its name the create's), with no word that it is not that create's job.
"""

from __future__ import annotations

import json

import akool_cli
from akool_cli.sandbox import Sandbox
from tests.conftest import Isolation
from tests.support.runner import invoke
from tests.test_reused_ids import two_talks

NOTE = "detached: AKOOL reports other inputs"


def test_a_detached_job_says_so_in_status_json_table_and_the_library(
    api_env: Sandbox, isolated: Isolation
) -> None:
    attempt, job = two_talks(api_env)
    invoke(["watch", job], expect=5)  # its first status read shows the first talk's inputs
    views = json.loads(invoke(["status", "--json"]).stdout)
    view = next(v for v in views if v["id"] == job)
    assert view["detached"] is not None and view["detached"].startswith(NOTE), view
    assert "akool settle" in view["detached"] and f"attempt {attempt + 1}" in view["detached"]
    assert all(v["detached"] is None for v in views if v["id"] not in (job, None)), views
    # The table: the note where the video would be, on the job's own row.
    rows = [line.split("\t") for line in invoke(["status"]).stdout.splitlines()]
    row = next(r for r in rows if r[0] == job)
    assert row[3].startswith(NOTE) and "akool settle" in row[3], row
    # One job asked for by id: the same note, without the list of unknown outcomes.
    alone = json.loads(invoke(["status", job, "--json"]).stdout)
    assert alone[0]["detached"] == view["detached"]
    with akool_cli.Client() as client:
        assert client.recorded(job).detached == view["detached"]  # type: ignore[union-attr]
        assert client.status(job).detached == view["detached"]
        assert client.jobs()[0].to_json()["detached"] == view["detached"]
    # Settled to the create it belongs to: no longer detached.
    invoke(["settle", str(attempt), "--created", job])
    moved = json.loads(invoke(["status", job, "--json"]).stdout)
    assert moved[0]["detached"] is None


def test_a_job_that_is_its_creates_is_not_detached(api_env: Sandbox, isolated: Isolation) -> None:
    job = invoke(["talk", "https://example.com/mine.jpg", "https://example.com/a.mp3"]).stdout
    views = json.loads(invoke(["status", job.strip(), "--json"]).stdout)
    assert views[0]["detached"] is None


def test_history_and_spend_carry_the_detached_fact(api_env: Sandbox, isolated: Isolation) -> None:
    """`history` (table, --json, --csv) says a detached job is detached, and `spend` counts it
    apart, never as the create's kind and credits (break17c L1: an accountant reading the
    export billed the second create for the first one's video)."""
    _, job = two_talks(api_env)
    invoke(["watch", job], expect=5)
    isolated.clock.advance(3600)
    invoke(["status", "-n", "100"], expect=None)  # AKOOL says it is done, with its credits
    [row] = json.loads(invoke(["history", "--json"]).stdout)
    assert row["id"] == job and row["detached"] is not None and row["detached"].startswith(NOTE)
    table = invoke(["history"])
    [line] = [r.split("\t") for r in table.stdout.splitlines() if r.startswith(job)]
    assert line[2].endswith("(detached)") and f"{job}: {NOTE}" in table.stderr, table
    csv = invoke(["history", "--csv"]).stdout.splitlines()
    assert "detached" in csv[0].split(",") and NOTE in csv[1]
    spend = json.loads(invoke(["spend", "--json"]).stdout)
    total = spend["total"]
    assert (total["jobs"], total["credits"], total["detached"]) == (0, 0, 1), spend
    shown = invoke(["spend"])
    assert "1 detached job(s) not in JOBS or CREDITS" in shown.stderr, shown
