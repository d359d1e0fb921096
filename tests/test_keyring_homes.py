"""The OS keyring is shared by every AKOOL_HOME while each home records its own login: another
home's login of the same profile name never makes this home send that key (break17h H19)."""

# ruff: noqa: F811 (prod and listener are the fixtures of test_key_destinations, imported)
from __future__ import annotations

import pytest

from akool_cli.sandbox import Sandbox
from akool_cli.sandbox.state import SANDBOX_API_KEY
from tests.conftest import Isolation
from tests.support.runner import invoke
from tests.test_key_destinations import PROD_KEY, keys_seen, listener, prod  # noqa: F401


def _two_homes(
    prod: Sandbox, listener: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Home A logs in to a sandbox (a rehearsal), then home B logs in for real."""
    monkeypatch.setenv("AKOOL_HOME", str(isolated.tmp / "a"))
    invoke(["--base-url", listener.base_url, "login"], input=SANDBOX_API_KEY)
    invoke(["talk", "https://example.com/a.jpg", "https://example.com/a.mp3"])
    monkeypatch.setenv("AKOOL_HOME", str(isolated.tmp / "b"))
    invoke(["--base-url", prod.base_url, "login"], input=PROD_KEY)
    monkeypatch.setenv("AKOOL_HOME", str(isolated.tmp / "a"))


@pytest.mark.parametrize("command", [["status"], ["credit"], ["auth", "status"]])
def test_another_homes_login_never_sends_its_key_to_this_homes_server(
    prod: Sandbox,
    listener: Sandbox,
    isolated: Isolation,
    monkeypatch: pytest.MonkeyPatch,
    command: list[str],
) -> None:
    _two_homes(prod, listener, isolated, monkeypatch)
    result = invoke(command, expect=None)
    assert PROD_KEY not in keys_seen(listener)
    if command == ["credit"]:
        assert result.exit_code == 3
        assert "another AKOOL_HOME's login replaced it" in result.stderr
        assert f"--base-url {listener.base_url} login" in result.stderr


def test_logging_in_again_here_makes_this_homes_key_go_again(
    prod: Sandbox, listener: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    _two_homes(prod, listener, isolated, monkeypatch)
    invoke(["--base-url", listener.base_url, "login"], input=SANDBOX_API_KEY)
    assert invoke(["credit"]).stdout.strip() != ""
    assert keys_seen(listener) == {SANDBOX_API_KEY}


def test_logout_in_one_home_keeps_another_homes_login(
    prod: Sandbox, listener: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    _two_homes(prod, listener, isolated, monkeypatch)
    assert "nothing removed" in invoke(["logout"]).stderr
    monkeypatch.setenv("AKOOL_HOME", str(isolated.tmp / "b"))
    assert invoke(["credit"]).stdout.strip() != ""
    assert keys_seen(prod) == {PROD_KEY}
