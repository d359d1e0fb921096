"""Issue 17's fourth break-it run (break17b): a login of an older akool follows no `config set
base-url`, hints that name where the base URL came from, bounded reads of akool's own files,
non-UTF-8 environment variables, more credential-bearing query names masked."""

# ruff: noqa: F811 (prod and listener are the fixtures of test_key_destinations, imported)
from __future__ import annotations

import json

import pytest

from akool_cli.core.contract import DEFAULT_BASE_URL
from akool_cli.sandbox import Sandbox
from tests.conftest import Isolation
from tests.support.runner import invoke
from tests.test_key_destinations import PROD_KEY, keys_seen, listener, prod  # noqa: F401

LEGACY_KEYS = ("verified_base_url",)  # what akool before 98c615e never wrote


def _as_older_akool_wrote_it(isolated: Isolation) -> dict[str, dict[str, str]]:
    """config.json as an akool before verified_base_url existed left it (login + base_url)."""
    path = isolated.home / "config.json"
    settings = json.loads(path.read_text())
    for entry in settings["profiles"].values():
        for key in LEGACY_KEYS:
            entry.pop(key, None)
    path.write_text(json.dumps(settings))
    return dict(settings["profiles"])


# -- M1: a legacy login's key never follows `config set base-url` -----------------------------


def test_a_login_of_an_older_akool_does_not_follow_config_set_base_url(
    prod: Sandbox, listener: Sandbox, isolated: Isolation
) -> None:
    invoke(["--base-url", prod.base_url, "login"], input=PROD_KEY)
    _as_older_akool_wrote_it(isolated)
    invoke(["config", "set", "base-url", listener.base_url])
    refused = invoke(["credit"], expect=3)
    assert f"verified on {prod.base_url}, not on {listener.base_url}" in refused.stderr
    assert keys_seen(listener) == set()
    # Frozen in the settings: what the login verified, whatever base-url says later.
    saved = json.loads((isolated.home / "config.json").read_text())["profiles"]["default"]
    assert saved["verified_base_url"] == prod.base_url
    invoke(["config", "set", "base-url", prod.base_url])
    invoke(["credit"])
    assert keys_seen(prod) == {PROD_KEY} and keys_seen(listener) == set()


def test_a_legacy_login_read_first_is_frozen_too(
    prod: Sandbox, listener: Sandbox, isolated: Isolation
) -> None:
    # The first command after the upgrade only reads; the next ones change base-url (also an
    # older akool's `config set`, which writes no verified URL: the frozen one stays).
    invoke(["--profile", "p", "--base-url", prod.base_url, "login"], input=PROD_KEY)
    _as_older_akool_wrote_it(isolated)
    invoke(["--profile", "p", "credit"])
    settings_path = isolated.home / "config.json"
    settings = json.loads(settings_path.read_text())
    settings["profiles"]["p"]["base_url"] = listener.base_url  # as an older akool's config set
    settings_path.write_text(json.dumps(settings))
    invoke(["--profile", "p", "credit"], expect=3)
    assert keys_seen(listener) == set()


def test_a_legacy_login_to_akools_host_stays_there(
    prod: Sandbox, listener: Sandbox, isolated: Isolation
) -> None:
    invoke(["--base-url", prod.base_url, "login"], input=PROD_KEY)
    # As an older akool's login to AKOOL's documented host left it: no base_url saved.
    path = isolated.home / "config.json"
    path.write_text(json.dumps({"profiles": {"default": {"login": "keyring"}}}))
    invoke(["config", "set", "base-url", listener.base_url])
    refused = invoke(["credit"], expect=3)
    assert f"verified on {DEFAULT_BASE_URL}, not on {listener.base_url}" in refused.stderr
    assert "run akool config unset base-url to use" in refused.stderr
    assert keys_seen(listener) == set() and keys_seen(prod) == {PROD_KEY}


# -- L1: the hint says how to go back, for where the other base URL came from -----------------


def test_the_hint_names_config_for_a_saved_base_url(prod: Sandbox, listener: Sandbox) -> None:
    invoke(["--profile", "prod", "--base-url", prod.base_url, "login"], input=PROD_KEY)
    invoke(["--profile", "prod", "config", "set", "base-url", listener.base_url])
    refused = invoke(["--profile", "prod", "credit", "--json"], expect=3)
    error = json.loads(refused.stdout)["error"]
    assert "AKOOL_BASE_URL" not in error["hint"] and "--base-url)" not in error["hint"]
    assert f"akool --profile prod config set base-url {prod.base_url} to use" in error["hint"]
    assert "(from the profile's saved base-url)" in error["message"]
    assert keys_seen(listener) == set()


def test_the_error_carries_where_the_base_url_came_from(
    prod: Sandbox, listener: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    import akool_cli
    from akool_cli.core.errors import CredentialScopeError

    invoke(["--base-url", prod.base_url, "login"], input=PROD_KEY)
    origins = {}
    invoke(["config", "set", "base-url", listener.base_url])
    for name, setup in (("saved", {}), ("env", {"AKOOL_BASE_URL": listener.base_url})):
        for key, value in setup.items():
            monkeypatch.setenv(key, value)
        with pytest.raises(CredentialScopeError) as caught, akool_cli.Client() as client:
            client.credit()
        origins[name] = caught.value.origin
    with (
        pytest.raises(CredentialScopeError) as caught,
        akool_cli.Client(base_url=listener.base_url) as client,
    ):
        client.credit()
    assert origins == {"saved": "saved", "env": "env"} and caught.value.origin == "flag"
    assert keys_seen(listener) == set()
