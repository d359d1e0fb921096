"""The ledger, budgets and expiry: the sandbox charges finished jobs, `akool spend` sums what the
history recorded, `--max-credits` stops a batch, `akool sync` saves results before they expire."""

from __future__ import annotations

import csv
import io
import json
import shlex

from akool_cli.sandbox import Sandbox
from tests.conftest import Isolation
from tests.support.batches import write_rows
from tests.support.runner import invoke

IMAGE = "https://example.com/portrait.jpg"
AUDIO = "https://example.com/speech.mp3"
DAY = 86400.0


def credit() -> float:
    return float(invoke(["credit"]).stdout)


def test_the_sandbox_charges_a_job_when_it_finishes_and_never_a_failed_one(
    api_env: Sandbox, isolated: Isolation
) -> None:
    before = credit()
    job = json.loads(invoke(["talk", IMAGE, AUDIO, "--json"]).stdout)
    assert credit() == before  # queued: nothing charged yet
    done = json.loads(invoke(["talk", IMAGE, AUDIO, "--wait", "--json"]).stdout)
    assert done["cost"]["deduction_duration"] == 10
    invoke(["talk", "https://example.com/fail.jpg", AUDIO, "--wait"], expect=6)
    isolated.clock.advance(60)
    assert credit() == before - 20  # two finished talking photos; the failed one is free
    assert job["cost"].get("deduction_duration") is None


def test_a_budget_stops_a_batch_and_a_larger_one_finishes_it(
    api_env: Sandbox, isolated: Isolation
) -> None:
    rows = write_rows(isolated.tmp / "campaign.csv", 20)
    args = ["batch", str(rows), "-c", "4", "--json"]
    stopped = invoke([*args, "--max-credits", "50"], expect=13)
    made = len(api_env.state.jobs)
    assert 1 <= made <= 5 + 4, made
    assert "Error:" in stopped.stderr
    report = json.loads(stopped.stdout)
    assert report["done"] == made  # every job made was followed to the end
    isolated.clock.advance(60)
    assert credit() == 1234.5 - 10 * made <= 1234.5 - 10  # spent: within the cap's reach
    assert 10 * made <= 50 + 10 * 4
    # The hint's command, as a user would paste it: a budget for the rows left, which ends it.
    hint = stopped.stderr.split("resume with a larger budget", 1)[1].split(": ", 1)[1]
    again = shlex.split(hint.splitlines()[0])
    left = 10 * (20 - made)  # and room for 3 more in flight (-c 4), charged before seen done
    assert f"estimated at {left} credits, 30 more for jobs in flight" in stopped.stderr
    assert again[-2:] == ["--max-credits", str(max(left + 30, 50))]
    assert again[:-2] == ["akool", *args]
    finished = json.loads(invoke(again[1:]).stdout)
    assert finished["done"] == 20 and len(api_env.state.jobs) == 20  # none made twice
    spend = json.loads(invoke(["spend", "--json"]).stdout)
    assert spend["total"]["credits"] == 200 and spend["total"]["jobs"] == 20
    assert [g["group"] for g in spend["groups"]] == ["talking_photo"]
    runs = spend["runs"]
    assert [r["outcome"] for r in runs] == ["budget", "finished"]
    assert runs[0]["balance_before"] == 1234.5 and runs[0]["max_credits"] == 50
    assert runs[0]["balance_drop"] == 10 * made and runs[1]["balance_after"] == 1234.5 - 200
    by_batch = json.loads(invoke(["spend", "--json", "--by", "batch"]).stdout)
    assert sum(g["credits"] for g in by_batch["groups"]) == 200 and len(by_batch["groups"]) == 2
    shown = invoke(["spend"]).stdout
    assert "talking_photo" in shown and "200" in shown


def test_a_first_run_of_an_unpriced_kind_probes_one_job_at_a_time(
    api_env: Sandbox, isolated: Isolation
) -> None:
    rows = write_rows(isolated.tmp / "few.csv", 3)
    # 10 credits a job: the cap admits exactly one (the probe); its cost is then known.
    invoke(["batch", str(rows), "-c", "3", "--max-credits", "15"], expect=13)
    assert len(api_env.state.jobs) == 1


def test_the_dry_run_labels_each_estimate_by_its_source(
    api_env: Sandbox, isolated: Isolation
) -> None:
    rows = write_rows(isolated.tmp / "rows.csv", 2)
    plan = json.loads(invoke(["batch", str(rows), "--dry-run", "--json"]).stdout)
    assert [r["estimate"] for r in plan["rows"]] == [{"credits": None, "source": "unknown"}] * 2
    assert plan["estimate"]["unknown"] == 2
    invoke(["talk", IMAGE, AUDIO, "--wait"])
    plan = json.loads(invoke(["batch", str(rows), "--dry-run", "--json"]).stdout)
    assert plan["rows"][0]["estimate"] == {"credits": 10, "source": "largest seen: 1 job(s)"}
    assert plan["estimate"]["credits"] == 20
    shown = invoke(["batch", str(rows), "--dry-run", "--max-credits", "5"])
    assert "10 (largest seen: 1 job(s))" in shown.stdout and "--max-credits 5" in shown.stderr


def test_documented_prices_are_the_estimates_where_the_docs_give_them() -> None:
    from akool_cli.core import prices

    found = prices.documented("image2video", {"resolution": "1080p", "video_length": 10})
    assert found is not None and found.credits == 50 and "image2video.mdx" in found.source
    assert prices.documented("image2video", {}) == prices.Estimate(
        20.0, "documented: ai-tools-suite/image2video.mdx"
    )
    assert prices.documented("talking_photo", {}) is None


def test_status_warns_about_a_result_expiring_unsaved_and_sync_saves_it_once(
    api_env: Sandbox, isolated: Isolation
) -> None:
    job_id = invoke(["talk", IMAGE, AUDIO, "--wait", "--json"]).stdout
    job_id = json.loads(job_id)["id"]
    assert "expires" not in invoke(["status"]).stderr
    isolated.clock.advance(6.5 * DAY)
    warned = invoke(["status"]).stderr
    assert job_id in warned and "expires on AKOOL in" in warned and "akool sync" in warned
    out = isolated.tmp / "saved"
    first = json.loads(invoke(["sync", "-o", str(out), "--json"]).stdout)
    assert [s["id"] for s in first["saved"]] == [job_id]
    assert (out / f"{job_id}.mp4").read_bytes()[4:8] == b"ftyp"
    files = api_env.state.requests.get("file", 0)
    second = json.loads(invoke(["sync", "-o", str(out), "--json"]).stdout)
    assert second["saved"] == [] and api_env.state.requests.get("file", 0) == files
    assert "expires" not in invoke(["status"]).stderr  # saved: nothing to warn about


def test_a_daily_sync_saves_every_result_before_it_expires(
    api_env: Sandbox, isolated: Isolation
) -> None:
    out = isolated.tmp / "daily"
    made: list[str] = []
    for day in range(10):
        for n in range(2):
            made.append(
                invoke(["talk", f"https://example.com/d{day}-{n}.jpg", AUDIO]).stdout.strip()
            )
        isolated.clock.advance(DAY)
        result = json.loads(invoke(["sync", "-o", str(out), "--json"]).stdout)
        assert result["failed"] == [] and result["expired"] == []
        for saved in result["saved"]:  # each saved while AKOOL still had it
            assert not api_env.state.expired(api_env.state.jobs[saved["id"]])
    assert sorted(p.stem for p in out.glob("*.mp4")) == sorted(made)
    isolated.clock.advance(8 * DAY)  # everything has expired on AKOOL by now: nothing was lost
    assert all(api_env.state.expired(job) for job in api_env.state.jobs.values())
    assert json.loads(invoke(["sync", "-o", str(out), "--json"]).stdout)["saved"] == []


def test_a_result_never_synced_is_reported_expired(api_env: Sandbox, isolated: Isolation) -> None:
    job_id = invoke(["talk", IMAGE, AUDIO, "--wait", "--json"]).stdout
    isolated.clock.advance(9 * DAY)
    result = json.loads(invoke(["sync", "-o", str(isolated.tmp / "late"), "--json"]).stdout)
    assert result["expired"] == [json.loads(job_id)["id"]] and result["saved"] == []


def test_history_exports_inputs_outputs_and_costs(api_env: Sandbox, isolated: Isolation) -> None:
    job = json.loads(
        invoke(["talk", IMAGE, AUDIO, "--wait", "-o", str(isolated.tmp / "a.mp4"), "--json"]).stdout
    )
    rows = json.loads(invoke(["history", "--json"]).stdout)
    [row] = rows
    assert row["id"] == job["id"] and row["inputs"]["image_url"] == IMAGE
    assert row["credits"] == 10 and row["cost"]["deduction_duration"] == 10
    assert row["downloaded_path"] == str(isolated.tmp / "a.mp4") and row["sha256"]
    assert row["expires_at"] and row["finished_at"]
    table = list(csv.DictReader(io.StringIO(invoke(["history", "--csv"]).stdout)))
    assert table[0]["id"] == job["id"] and json.loads(table[0]["inputs"])["audio_url"] == AUDIO
    assert json.loads(invoke(["history", "--json", "--since", "1h"]).stdout) == rows
    isolated.clock.advance(2 * 3600)
    assert json.loads(invoke(["history", "--json", "--since", "1h"]).stdout) == []
    invoke(["history", "--since", "yesterday"], expect=2)


def test_a_script_caps_its_run_and_makes_a_keyed_job_once_with_the_library(
    api_env: Sandbox, isolated: Isolation
) -> None:
    import pytest

    from akool_cli import BudgetExceededError, Client, Once

    fields = {"image_url": IMAGE, "prompt": "zoom"}  # 20 credits (documented)
    with Client() as client:
        run = client.start_run("script", "nightly", max_credits=30)
        first = client.make("image2video", fields, once=Once("k1"), run=run)
        again = client.make("image2video", {**fields, "prompt": "pan"}, once=Once("k1"), run=run)
        assert again.id == first.id and again.repeated and not first.repeated
        with pytest.raises(BudgetExceededError, match="max_credits 30"):
            client.make("image2video", fields, once=Once("k2"), run=run)
        client.end_run(run, "finished")
        client.end_run(run, "ignored")  # once
    assert len(api_env.state.jobs) == 1
    [row] = json.loads(invoke(["spend", "--json", "--by", "batch"]).stdout)["runs"]
    assert (row["kind"], row["label"], row["max_credits"], row["outcome"]) == (
        "script",
        "nightly",
        30,
        "finished",
    )
