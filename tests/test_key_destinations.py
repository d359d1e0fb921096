"""A profile's keyring key goes only to the base URL its login verified it on (issue 17, M5).

Each test fails on akool before the fix: the keyring key followed any --base-url or a leftover
AKOOL_BASE_URL (the README's sandbox export), so `akool --profile prod credit` sent prod's key
to whatever listened on the sandbox's port.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from akool_cli.sandbox import Sandbox, SandboxConfig
from akool_cli.sandbox.state import SANDBOX_API_KEY
from tests.conftest import Isolation
from tests.support.runner import invoke
from tests.support.sandboxes import running

PROD_KEY = "prod-key-0123456789abcdef0123456789"


@pytest.fixture
def prod(isolated: Isolation) -> Iterator[Sandbox]:
    """AKOOL's production host, as a sandbox that takes the production key."""
    config = SandboxConfig(processing_seconds=0.0, api_key=PROD_KEY)
    with running(config, isolated.clock) as server:
        yield server


@pytest.fixture
def listener(isolated: Isolation) -> Iterator[Sandbox]:
    """Whatever listens on the sandbox's old port now (it logs every key it is sent)."""
    with running(SandboxConfig(processing_seconds=0.0), isolated.clock) as server:
        yield server


def keys_seen(server: Sandbox) -> set[str]:
    return {r.headers["x-api-key"] for r in server.state.received if "x-api-key" in r.headers}


def test_a_leftover_akool_base_url_never_receives_a_profiles_keyring_key(
    prod: Sandbox, listener: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    invoke(["--profile", "prod", "--base-url", prod.base_url, "login"], input=PROD_KEY)
    assert invoke(["--profile", "prod", "credit"]).stdout.strip() != ""
    # The README's sandbox export, still set in this shell.
    monkeypatch.setenv("AKOOL_BASE_URL", listener.base_url)
    refused = invoke(["--profile", "prod", "credit"], expect=3)
    assert f"verified on {prod.base_url}, not on {listener.base_url}" in refused.stderr
    assert "(from AKOOL_BASE_URL)" in refused.stderr
    assert f"akool --profile prod --base-url {listener.base_url} login" in refused.stderr
    assert "AKOOL_API_KEY" in refused.stderr and len(refused.stderr.splitlines()) == 2
    # --base-url too, and --json failures carry the same code.
    monkeypatch.delenv("AKOOL_BASE_URL")
    flagged = invoke(
        ["--profile", "prod", "--base-url", listener.base_url, "credit", "--json"], expect=3
    )
    assert json.loads(flagged.stdout)["error"]["exit_code"] == 3
    # `auth status` checks every profile, and does not send prod's key there either.
    monkeypatch.setenv("AKOOL_BASE_URL", listener.base_url)
    invoke(["auth", "status"], expect=3)
    assert keys_seen(listener) == set()
    assert keys_seen(prod) == {PROD_KEY}


def test_a_key_in_the_environment_still_goes_to_the_current_base_url(
    prod: Sandbox, listener: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    invoke(["--profile", "prod", "--base-url", prod.base_url, "login"], input=PROD_KEY)
    monkeypatch.setenv("AKOOL_BASE_URL", listener.base_url)
    monkeypatch.setenv("AKOOL_API_KEY", SANDBOX_API_KEY)  # the user's explicit choice for it
    invoke(["--profile", "prod", "credit"])
    assert keys_seen(listener) == {SANDBOX_API_KEY} and keys_seen(prod) == {PROD_KEY}


def test_config_set_base_url_does_not_move_a_keyring_key(prod: Sandbox, listener: Sandbox) -> None:
    invoke(["--base-url", prod.base_url, "login"], input=PROD_KEY)
    invoke(["config", "set", "base-url", listener.base_url])
    refused = invoke(["credit"], expect=3)
    assert "the profile's saved base-url" in refused.stderr
    # Logging in there verifies a key for that server; then it is used there.
    invoke(["login"], input=SANDBOX_API_KEY)
    invoke(["credit"])
    assert keys_seen(listener) == {SANDBOX_API_KEY} and keys_seen(prod) == {PROD_KEY}


def test_a_keyring_key_still_opens_callbacks_whatever_the_base_url(
    prod: Sandbox, listener: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Opening a webhook callback uses the key here, sending nothing: no server to refuse.
    from tests.test_webhooks import VECTOR_BODY, VECTOR_ID, VECTOR_PLAIN, VECTOR_SECRET

    prod.state.config.api_key = VECTOR_SECRET  # the API key is the clientSecret
    invoke(["--base-url", prod.base_url, "login"], input=VECTOR_SECRET)
    monkeypatch.setenv("AKOOL_BASE_URL", listener.base_url)
    verify = ["webhook", "verify", "--client-id", VECTOR_ID]
    done = invoke(verify, input=json.dumps(VECTOR_BODY))
    assert json.loads(done.stdout)["_id"] == VECTOR_PLAIN["_id"]
    assert keys_seen(listener) == set()


# -- a piped login with a leftover AKOOL_BASE_URL (17b L9, still open in break17c) ---------------

ELSEWHERE = "https://keys.elsewhere.example"


def _hosts_asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every host name akool looks up from now on (each look-up fails: no network in tests)."""
    import socket

    asked: list[str] = []

    def lookup(host: object, *args: object, **kwargs: object) -> list[object]:
        asked.append(str(host))
        raise socket.gaierror(socket.EAI_NONAME, "not in tests")

    monkeypatch.setattr(socket, "getaddrinfo", lookup)
    return asked


def test_a_piped_login_never_sends_the_key_to_a_leftover_base_url_elsewhere(
    isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = _hosts_asked(monkeypatch)
    monkeypatch.setenv("AKOOL_BASE_URL", ELSEWHERE)
    refused = invoke(["login"], input=PROD_KEY, expect=2)
    assert f"AKOOL_BASE_URL is {ELSEWHERE}, which is neither AKOOL's host" in refused.stderr
    assert f"akool --base-url {ELSEWHERE} login" in refused.stderr
    assert "unset AKOOL_BASE_URL" in refused.stderr and len(refused.stderr.splitlines()) == 2
    assert asked == [] and not (isolated.home / "config.json").exists()
    # Named on the command line, it is the user's choice: the key goes there (unreachable here).
    invoke(["--base-url", ELSEWHERE, "login"], input=PROD_KEY, expect=None)
    assert asked and all(host == "keys.elsewhere.example" for host in asked)


def test_a_piped_login_still_goes_to_a_sandbox_on_this_machine(
    listener: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AKOOL_BASE_URL", listener.base_url)  # the README's sandbox recipe
    done = invoke(["login"], input=SANDBOX_API_KEY)
    assert f"Logged in to {listener.base_url}" in done.stderr
    assert keys_seen(listener) == {SANDBOX_API_KEY}


def test_akools_own_hosts_are_told_apart_from_look_alikes() -> None:
    from akool_cli.core.urls import is_akool_host

    assert is_akool_host("openapi.akool.com") and is_akool_host("OpenAPI.Akool.com.")
    assert not is_akool_host("akool.com.evil.example") and not is_akool_host("notakool.com")
