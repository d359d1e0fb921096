"""Issue 22's second break-it run, `akool mcp`: a session the SDK's own client ends normally is
recorded `closed` even when AKOOL is slow to tell the closing balance."""

from __future__ import annotations

import json

import pytest
from mcp.client.session import ClientSession

from akool_cli.sandbox import Sandbox
from tests.conftest import Isolation
from tests.support.runner import invoke
from tests.test_mcp import AUDIO, IMAGE, call, serve

TALK = {"image_url": IMAGE, "audio_url": AUDIO}


def test_a_normal_shutdown_while_akool_is_slow_closes_the_run_before_the_closing_balance(
    isolated: Isolation, sandbox: Sandbox
) -> None:
    async def body(session: ClientSession) -> None:
        await call(session, "talk", **TALK)
        # AKOOL now answers in 5 s: longer than the SDK's client waits (stdin closed, 2 s,
        # SIGTERM, 2 s, SIGKILL) when it leaves the session.
        sandbox.state.config.latency = 5.0

    stderr = serve(isolated, sandbox, body)
    sandbox.state.config.latency = 0.0
    spend = ["--base-url", sandbox.base_url, "spend", "--json", "--by", "batch"]
    [run] = json.loads(invoke(spend).stdout)["runs"]
    assert run["outcome"] == "closed", stderr
    assert run["balance_before"] == 1234.5 and run["balance_after"] is None
    assert "closing balance" in stderr and "not read" in stderr, stderr
    assert "Traceback" not in stderr


def test_mcp_help_names_its_env_var_once_and_spend_labels_its_columns_in_a_pipe(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "300")  # rich wraps help text to the terminal's width
    shown = invoke(["mcp", "--help"]).stdout
    assert shown.count("AKOOL_MCP_MAX_CREDITS") == 1, shown
    invoke(["talk", IMAGE, AUDIO, "--wait"])
    lines = invoke(["spend"]).stdout.splitlines()
    assert lines[0].split("\t") == [
        "KIND",
        "JOBS",
        "CREDITS",
        "COST UNKNOWN",
        "COST FIELDS (SUMMED)",
    ]
    assert lines[1].startswith("talking_photo\t1\t10\t-\t")
