"""A key in the environment goes to the server chosen for it, never to a base URL that a keyring
login of another key saved in the profile (break17j J13, break17k K12: after a sandbox login, an
exported production key went to the sandbox's old port, which another program may hold now)."""

# ruff: noqa: F811 (prod and listener are the fixtures of test_key_destinations, imported)
from __future__ import annotations

import pytest

from akool_cli.sandbox import Sandbox
from akool_cli.sandbox.state import SANDBOX_API_KEY
from tests.conftest import Isolation
from tests.support.runner import invoke
from tests.test_key_destinations import PROD_KEY, keys_seen, listener, prod  # noqa: F401

TALK = ["talk", "https://example.com/j13.jpg", "https://example.com/j13.mp3", "--no-check"]


@pytest.fixture
def sandbox_login(listener: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch) -> None:
    """A rehearsal: the sandbox's key logged in with --base-url, which saves that base URL."""
    monkeypatch.setenv("AKOOL_HOME", str(isolated.tmp / "home"))
    monkeypatch.delenv("AKOOL_BASE_URL", raising=False)
    monkeypatch.delenv("AKOOL_API_KEY", raising=False)
    invoke(["--base-url", listener.base_url, "login"], input=SANDBOX_API_KEY)
    invoke(TALK)


@pytest.mark.parametrize("command", [["credit"], TALK])
def test_an_exported_key_never_goes_to_the_base_url_another_keys_login_saved(
    sandbox_login: None,
    listener: Sandbox,
    monkeypatch: pytest.MonkeyPatch,
    command: list[str],
) -> None:
    monkeypatch.setenv("AKOOL_API_KEY", PROD_KEY)
    made = len(listener.state.jobs)
    result = invoke(command, expect=3)
    assert PROD_KEY not in keys_seen(listener)
    assert len(listener.state.jobs) == made  # nothing created, nothing claimed in doubt
    assert "AKOOL_API_KEY is not the key profile default's login verified" in result.stderr
    assert "config unset base-url" in result.stderr
    assert invoke(["status"]).exit_code == 0  # no create in doubt was recorded


def test_the_server_named_for_the_exported_key_gets_it(
    sandbox_login: None, prod: Sandbox, listener: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AKOOL_API_KEY", PROD_KEY)
    monkeypatch.setenv("AKOOL_BASE_URL", prod.base_url)
    assert invoke(["credit"]).stdout.strip() != ""
    monkeypatch.delenv("AKOOL_BASE_URL")
    assert invoke(["--base-url", prod.base_url, "credit"]).stdout.strip() != ""
    assert PROD_KEY not in keys_seen(listener)


def test_the_logged_in_key_itself_and_a_base_url_set_by_hand_still_work(
    sandbox_login: None, prod: Sandbox, listener: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AKOOL_API_KEY", SANDBOX_API_KEY)  # the login's own key, exported
    assert invoke(["credit"]).stdout.strip() != ""
    monkeypatch.delenv("AKOOL_API_KEY")
    invoke(["config", "set", "base-url", prod.base_url])  # chosen by hand, for any key
    monkeypatch.setenv("AKOOL_API_KEY", PROD_KEY)
    assert invoke(["credit"]).stdout.strip() != ""
    assert PROD_KEY in keys_seen(prod) and PROD_KEY not in keys_seen(listener)
