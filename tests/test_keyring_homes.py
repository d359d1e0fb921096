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
    # --replace: the keyring holds home A's key under that name (break17k K14 keeps it otherwise).
    invoke(["--base-url", prod.base_url, "login", "--replace"], input=PROD_KEY)
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
    invoke(["--base-url", listener.base_url, "login", "--replace"], input=SANDBOX_API_KEY)
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


def test_a_home_without_a_login_of_its_own_sends_no_keyring_key(
    prod: Sandbox, listener: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """break17h H22: home P logs in to a sandbox; a fresh home Q (no login of its own) said the
    keyring key "was verified on https://openapi.akool.com" (it never was) and sent it there.
    Now Q says it has no login and sends the key nowhere (nor removes it on logout), as a home
    whose login was replaced."""
    monkeypatch.setenv("AKOOL_HOME", str(isolated.tmp / "p"))
    invoke(["--base-url", listener.base_url, "login"], input=SANDBOX_API_KEY)
    monkeypatch.setenv("AKOOL_HOME", str(isolated.tmp / "q"))
    seen = len(listener.state.received)
    refused = invoke(["--base-url", listener.base_url, "credit"], expect=3)
    assert "verified on" not in refused.stderr, refused.stderr
    assert "this AKOOL_HOME has no login of profile default" in refused.stderr
    assert f"akool --base-url {listener.base_url} login" in refused.stderr
    plain = invoke(["credit", "--json"], expect=3)  # AKOOL's host: asked nothing either
    assert "has no login" in plain.stdout and "cannot reach" not in plain.stdout
    assert len(listener.state.received) == seen
    assert "nothing removed" in invoke(["logout"]).stderr  # P's key is not Q's to remove
    invoke(["--base-url", listener.base_url, "login"], input=SANDBOX_API_KEY)  # its own now
    assert invoke(["credit"]).stdout.strip() != ""


def test_a_login_never_deletes_another_homes_key_unless_told(
    prod: Sandbox, listener: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """break17k K14: a sandbox login in one home silently deleted the production key another home
    had verified (the OS keyring keeps one entry per profile name for every home)."""
    monkeypatch.setenv("AKOOL_HOME", str(isolated.tmp / "b"))
    invoke(["--base-url", prod.base_url, "login"], input=PROD_KEY)
    monkeypatch.setenv("AKOOL_HOME", str(isolated.tmp / "a"))
    refused = invoke(["--base-url", listener.base_url, "login"], input=SANDBOX_API_KEY, expect=2)
    assert "not saved" in refused.stderr and "--replace" in refused.stderr
    assert "--profile sandbox" in refused.stderr
    monkeypatch.setenv("AKOOL_HOME", str(isolated.tmp / "b"))
    assert invoke(["credit"]).stdout.strip() != ""  # home B's key is still there
    assert keys_seen(listener) == {SANDBOX_API_KEY}  # the check of the key only
