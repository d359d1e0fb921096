"""Break-it findings on spending: a cap that cannot stop anything is refused, and the history's
CSV never hands a spreadsheet a formula."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from akool_cli.sandbox import Sandbox
from tests.conftest import Isolation
from tests.support.batches import write_rows
from tests.support.runner import invoke

IMAGE = "https://example.com/portrait.jpg"
AUDIO = "https://example.com/speech.mp3"
NOT_A_CAP = ["nan", "inf", "-inf", "1e999", "NaN"]


@pytest.mark.parametrize("cap", NOT_A_CAP)
def test_a_batch_refuses_a_cap_that_is_not_a_number_of_credits(
    cap: str, api_env: Sandbox, isolated: Isolation
) -> None:
    rows = write_rows(isolated.tmp / "campaign.csv", 2)
    refused = invoke(["batch", str(rows), "--max-credits", cap], expect=2)
    assert "--max-credits" in refused.stderr and "Traceback" not in refused.stderr
    assert len(refused.stderr.strip().splitlines()) <= 2  # the line and its hint
    assert api_env.state.jobs == {} or len(api_env.state.jobs) == 0  # nothing paid for


@pytest.mark.parametrize("cap", NOT_A_CAP)
def test_the_mcp_server_refuses_a_cap_that_is_not_a_number_of_credits(
    cap: str, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    refused = invoke(["mcp", "--dir", str(isolated.tmp), "--max-credits", cap], expect=2)
    assert "--max-credits" in refused.stderr
    monkeypatch.setenv("AKOOL_MCP_MAX_CREDITS", cap)
    from_env = invoke(["mcp", "--dir", str(isolated.tmp)], expect=2)
    assert "AKOOL_MCP_MAX_CREDITS" in from_env.stderr


@pytest.mark.parametrize(
    "name", ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1", " =1"]
)
def test_history_csv_neutralises_cells_a_spreadsheet_would_run(
    name: str, api_env: Sandbox, isolated: Isolation
) -> None:
    invoke(["talk", IMAGE, AUDIO, "--name", name, "--wait"])
    [row] = list(csv.DictReader(io.StringIO(invoke(["history", "--csv"]).stdout)))
    assert row["label"].startswith("'") and row["label"][1:].strip() == name.strip()
    assert float(row["credits"]) == 10  # numbers stay numbers


@pytest.mark.parametrize("fault", ["500", "html", "429"])
def test_an_unreadable_balance_is_akool_s_error_not_a_budget_stop(
    fault: str, api_env: Sandbox, isolated: Isolation
) -> None:
    rows = write_rows(isolated.tmp / "campaign.csv", 3)
    # The run's first read works; every later one fails, past the retries of a safe read.
    api_env.state.inject("none", *[fault] * 40, at="credit")
    stopped = invoke(["batch", str(rows), "--max-credits", "500", "--json"], expect=5)
    assert "balance" in stopped.stderr and "--max-credits 1000" not in stopped.stderr
    api_env.state.inject("none", at="credit")  # AKOOL answers again: the ledger's last read
    isolated.clock.advance(60)
    [run] = json.loads(invoke(["spend", "--json"]).stdout)["runs"]
    assert run["outcome"] == "error"


def test_a_balance_read_that_fails_once_is_retried(api_env: Sandbox, isolated: Isolation) -> None:
    rows = write_rows(isolated.tmp / "campaign.csv", 2)
    api_env.state.inject("none", "500", "html", at="credit")
    done = json.loads(invoke(["batch", str(rows), "--max-credits", "500", "--json"]).stdout)
    assert done["done"] == 2


def _i2v_rows(path: Path, count: int) -> Path:
    lines = ["id,kind,image_url,prompt"]
    lines += [f"i{n},image2video,https://example.com/i{n}.png,zoom {n}" for n in range(count)]
    path.write_text("\n".join(lines) + "\n")
    return path


def test_a_cost_seen_above_the_documented_price_is_the_estimate(
    api_env: Sandbox, isolated: Isolation
) -> None:
    api_env.state.config.prices["image2video"] = 100.0  # AKOOL now charges more than documented
    invoke(["image2video", IMAGE, "--prompt", "first", "--wait"])
    rows = _i2v_rows(isolated.tmp / "i2v.csv", 3)
    plan = json.loads(invoke(["batch", str(rows), "--dry-run", "--json"]).stdout)
    estimate = plan["rows"][0]["estimate"]
    assert estimate["credits"] == 100 and "largest seen: 1 job(s)" in estimate["source"]
    assert "documented" in estimate["source"]  # the price it overrides is named
    made = len(api_env.state.jobs)
    invoke(["batch", str(rows), "-c", "1", "--max-credits", "250"], expect=13)
    isolated.clock.advance(60)
    spent = 100 * (len(api_env.state.jobs) - made)
    assert spent <= 250, spent  # the documented 20 would have let all three start (300)


def test_an_mcp_create_whose_balance_cannot_be_read_is_refused_as_akool_s_error(
    isolated: Isolation, sandbox: Sandbox
) -> None:
    from mcp.client.session import ClientSession

    from tests.test_mcp import call, serve

    async def body(session: ClientSession) -> None:
        await call(session, "image2video", image_url=IMAGE, prompt="zoom")
        sandbox.state.inject(*["500"] * 40, at="credit")
        result = await session.call_tool("image2video", {"image_url": IMAGE, "prompt": "pan"})
        assert result.is_error and result.structured_content is not None
        error = result.structured_content["error"]
        assert error["exit_code"] == 5 and "balance" in error["message"], error
        assert "max_credits 300 stops" not in error["message"]

    serve(isolated, sandbox, body, "--max-credits", "300")
    assert len(sandbox.state.jobs) == 1


@pytest.mark.parametrize("cap", [[], ["--max-credits", "300"]])
def test_an_mcp_session_records_the_balance_it_started_from(
    cap: list[str], isolated: Isolation, sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mcp.client.session import ClientSession

    from tests.test_mcp import call, serve

    async def body(session: ClientSession) -> None:
        one = await call(session, "image2video", image_url=IMAGE, prompt="zoom")
        isolated.clock.advance(10)
        await call(session, "wait", job_id=one["job_id"])

    serve(isolated, sandbox, body, *cap)
    monkeypatch.setenv("AKOOL_BASE_URL", sandbox.base_url)
    [run] = json.loads(invoke(["spend", "--json"]).stdout)["runs"]
    assert run["balance_before"] == 1234.5 and run["balance_after"] == 1234.5 - 20
    assert run["balance_drop"] == 20


@pytest.mark.parametrize("age", ["99999999d", "999999999999999999999d"])
def test_an_age_reaching_before_1970_is_refused_in_one_line(
    age: str, api_env: Sandbox, isolated: Isolation
) -> None:
    for command in (["spend"], ["history", "--json"]):
        refused = invoke([*command, "--since", age], expect=2)
        assert "--since" in refused.stderr and len(refused.stderr.strip().splitlines()) == 2


def test_the_one_at_a_time_refusal_never_names_an_empty_job_id(
    isolated: Isolation, api_env: Sandbox
) -> None:
    from tests.support.rawmcp import RawServer
    from tests.support.waiting import wait_for

    talk = {"image_url": IMAGE, "audio_url": AUDIO}
    server = RawServer(isolated.tmp, isolated.home, api_env.base_url, "--max-credits", "300")
    try:
        server.initialize()
        api_env.state.inject("hold", at="create_talking_photo")  # the probe's create, unanswered
        server.call("talk", talk)
        wait_for(lambda: api_env.state.holding == 1)
        second = server.answer(server.call("talk", {**talk, "prompt": "another"}))["result"]
        text = second["content"][0]["text"]
        assert second["isError"] and "one runs at a time" in text, text
        assert "wait for  first" not in text and "the job being created now" in text
        api_env.state.release()
    finally:
        server.kill()


def test_status_json_says_when_a_job_finished_and_when_its_result_expires(
    api_env: Sandbox, isolated: Isolation
) -> None:
    done = json.loads(invoke(["talk", IMAGE, AUDIO, "--wait", "--json"]).stdout)
    [job] = json.loads(invoke(["status", done["id"], "--json"]).stdout)
    assert job["finished_at"] and job["expires_at"] and job["expires_at"] > job["finished_at"]
