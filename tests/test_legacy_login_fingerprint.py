"""A login made by an older akool kept no fingerprint of its key, and the OS keyring is shared by
every AKOOL_HOME: the key found there now is sent only when this home's history shows jobs its
profile made on that server with that very key (break17k K13: after the upgrade, a rehearsal home
adopted the production key another home's login had put in the keyring and sent it to the
sandbox's server)."""

# ruff: noqa: F811 (prod and listener are the fixtures of test_key_destinations, imported)
from __future__ import annotations

import json

import pytest

from akool_cli.sandbox import Sandbox
from akool_cli.sandbox.state import SANDBOX_API_KEY
from tests.conftest import Isolation
from tests.support.runner import invoke
from tests.test_key_destinations import PROD_KEY, keys_seen, listener, prod  # noqa: F401

TALK = ["talk", "https://example.com/k13.jpg", "https://example.com/k13.mp3", "--no-check"]


def as_older_akool(isolated: Isolation, home: str) -> None:
    """The home's config.json as an akool before fingerprints left it."""
    path = isolated.tmp / home / "config.json"
    settings = json.loads(path.read_text())
    for entry in settings["profiles"].values():
        entry.pop("verified_account", None)
    path.write_text(json.dumps(settings))


def rehearsal_home(listener: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AKOOL_HOME", str(isolated.tmp / "a"))
    invoke(["--base-url", listener.base_url, "login"], input=SANDBOX_API_KEY)
    invoke(TALK)
    as_older_akool(isolated, "a")


def test_a_legacy_home_never_adopts_another_homes_key(
    prod: Sandbox, listener: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    rehearsal_home(listener, isolated, monkeypatch)
    monkeypatch.setenv("AKOOL_HOME", str(isolated.tmp / "b"))
    # The keyring now holds it (--replace: home A's key is under that name).
    invoke(["--base-url", prod.base_url, "login", "--replace"], input=PROD_KEY)
    monkeypatch.setenv("AKOOL_HOME", str(isolated.tmp / "a"))
    for command in (["credit"], TALK):
        refused = invoke(command, expect=3)
        assert "an older akool made that login" in refused.stderr
    invoke(["status"], expect=None)
    assert PROD_KEY not in keys_seen(listener)
    settings = json.loads((isolated.tmp / "a" / "config.json").read_text())
    assert "verified_account" not in settings["profiles"]["default"]  # nothing adopted


def test_a_legacy_home_whose_jobs_show_its_key_goes_on(
    listener: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    rehearsal_home(listener, isolated, monkeypatch)
    assert invoke(["credit"]).stdout.strip() != ""  # its own key: its jobs show it
    settings = json.loads((isolated.tmp / "a" / "config.json").read_text())
    assert settings["profiles"]["default"]["verified_account"]  # recorded now
