"""login, logout, auth status, credit and the credential precedence, with keyrings good and bad."""

from __future__ import annotations

import json

import keyring
import pytest
from keyring.backend import KeyringBackend

from akool_cli.sandbox import Sandbox
from akool_cli.sandbox.state import SANDBOX_API_KEY, SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET
from akool_cli.store.credentials import KEYRING_SERVICE, Credential, mask
from tests.conftest import Isolation
from tests.support.keyrings import (
    ChainedPlaintext,
    FailingKeyring,
    HangingKeyring,
    MemoryKeyring,
    PlaintextKeyring,
)
from tests.support.runner import invoke


@pytest.fixture
def base(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> Sandbox:
    monkeypatch.setenv("AKOOL_BASE_URL", sandbox.base_url)
    return sandbox


def stored(isolated: Isolation, profile: str = "default") -> Credential | None:
    text = isolated.ring.entries.get((KEYRING_SERVICE, profile))
    return Credential.from_json(text) if text else None


def test_login_reads_the_key_from_stdin_verifies_then_stores(
    base: Sandbox, isolated: Isolation
) -> None:
    result = invoke(["login"], input=SANDBOX_API_KEY + "\n")
    assert result.stdout == ""
    assert mask(SANDBOX_API_KEY) in result.stderr and "1234.5" in result.stderr
    assert SANDBOX_API_KEY not in result.stderr
    credential = stored(isolated)
    assert credential is not None and credential.api_key == SANDBOX_API_KEY
    assert base.state.requests == {"credit": 1}
    # Now the keyring credential is used.
    assert invoke(["credit"]).stdout == "1234.5\n"


def test_login_with_a_wrong_key_saves_nothing(base: Sandbox, isolated: Isolation) -> None:
    result = invoke(["login"], input="wrong-key-0000000000000", expect=3)
    assert "1109" in result.stderr and "akool login" in result.stderr
    assert stored(isolated) is None


@pytest.mark.parametrize(
    ("typed", "fragment"),
    [("", "is empty"), ("   \n", "is empty"), ("abc\ndef", "line break"), ("ab cd", "space")],
)
def test_login_refuses_unusable_keys(
    base: Sandbox, isolated: Isolation, typed: str, fragment: str
) -> None:
    result = invoke(["login"], input=typed, expect=2)
    assert fragment in result.stderr
    assert base.state.received == [] and stored(isolated) is None


def test_login_legacy_client_credentials(base: Sandbox, isolated: Isolation) -> None:
    invoke(["login", "--client-id", SANDBOX_CLIENT_ID], input=SANDBOX_CLIENT_SECRET)
    credential = stored(isolated)
    assert credential is not None and credential.kind == "client"
    assert credential.client_id == SANDBOX_CLIENT_ID
    assert credential.token.startswith("sbx-")
    headers = [r.headers for r in base.state.received if r.path.endswith("quota/info")]
    assert headers[-1]["authorization"] == f"Bearer {credential.token}"
    assert "x-api-key" not in headers[-1]


@pytest.mark.parametrize(
    ("client_id", "secret", "code", "fragment"),
    [
        ("a b", SANDBOX_CLIENT_SECRET, 2, "the client id contains a space"),
        ("", SANDBOX_CLIENT_SECRET, 2, "the client id is empty"),
        (SANDBOX_CLIENT_ID, "a b", 2, "the client secret contains a space"),
        (SANDBOX_CLIENT_ID, "", 2, "the client secret is empty"),
        ("0" * 24, SANDBOX_CLIENT_SECRET, 3, "AKOOL did not accept this clientId and clientSecret"),
        (
            SANDBOX_CLIENT_ID,
            "wrong-secret-0000",
            3,
            "AKOOL did not accept this clientId and clientSecret",
        ),
    ],
)
def test_a_bad_client_id_and_a_bad_secret_exit_alike(
    base: Sandbox, isolated: Isolation, client_id: str, secret: str, code: int, fragment: str
) -> None:
    result = invoke(["login", "--client-id", client_id], input=secret, expect=code)
    assert result.stderr.startswith(f"Error: {fragment}"), result.stderr
    assert "$AKOOL_API_KEY" not in result.stderr  # the example for API keys does not fit here
    assert stored(isolated) is None


def test_logout_removes_the_credential(base: Sandbox, isolated: Isolation) -> None:
    invoke(["login"], input=SANDBOX_API_KEY)
    invoke(["logout"])
    assert stored(isolated) is None
    assert "nothing removed" in invoke(["logout"]).stderr
    result = invoke(["credit"], expect=3)
    assert "not logged in" in result.stderr and "akool login" in result.stderr


def test_auth_status_from_the_environment_never_touches_the_keyring(
    base: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AKOOL_API_KEY", SANDBOX_API_KEY)
    keyring.set_keyring(HangingKeyring())  # would hang, or time out, if it were asked
    result = invoke(["auth", "status"])
    assert "$AKOOL_API_KEY" in result.stdout and mask(SANDBOX_API_KEY) in result.stdout
    assert "credential of profile default works" in result.stderr


def test_auth_status_json_and_failure(base: Sandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AKOOL_API_KEY", "not-the-right-key-123456")
    result = invoke(["auth", "status", "--json"], expect=3)
    report = json.loads(result.stdout)
    assert report["valid"] is False and report["source"] == "AKOOL_API_KEY"
    assert "not-the-right-key-123456" not in result.stdout + result.stderr


def test_auth_status_reports_the_keyring_source(base: Sandbox, isolated: Isolation) -> None:
    invoke(["login"], input=SANDBOX_API_KEY)
    report = json.loads(invoke(["auth", "status", "--json"]).stdout)
    assert report["source"] == "keyring" and report["valid"] is True
    assert report["credit"] == 1234.5


def test_precedence_api_key_then_client_pair_then_keyring(
    base: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    invoke(["login"], input=SANDBOX_API_KEY)
    monkeypatch.setenv("AKOOL_CLIENT_ID", SANDBOX_CLIENT_ID)
    monkeypatch.setenv("AKOOL_CLIENT_SECRET", SANDBOX_CLIENT_SECRET)
    assert json.loads(invoke(["auth", "status", "--json"]).stdout)["kind"] == "client"
    monkeypatch.setenv("AKOOL_API_KEY", SANDBOX_API_KEY)
    report = json.loads(invoke(["auth", "status", "--json"]).stdout)
    assert report["kind"] == "api_key" and report["source"] == "AKOOL_API_KEY"


def test_only_half_of_the_client_pair_is_an_auth_error(
    base: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AKOOL_CLIENT_ID", SANDBOX_CLIENT_ID)
    result = invoke(["credit"], expect=3)
    assert "AKOOL_CLIENT_ID alone (for webhooks) is not enough" in result.stderr


def test_environment_client_credentials_use_a_bearer_token(
    base: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AKOOL_CLIENT_ID", SANDBOX_CLIENT_ID)
    monkeypatch.setenv("AKOOL_CLIENT_SECRET", SANDBOX_CLIENT_SECRET)
    assert invoke(["credit"]).stdout == "1234.5\n"
    paths = [r.path for r in base.state.received]
    assert paths == ["/api/open/v3/getToken", "/api/open/v3/faceswap/quota/info"]


@pytest.mark.parametrize(
    ("backend", "fragment"),
    [
        ("keyring.backends.fail.Keyring", "no OS keyring is available"),
        (FailingKeyring, "keyring failed"),
        (HangingKeyring, "did not answer within"),
    ],
)
def test_a_broken_keyring_gives_one_line_pointing_to_the_environment(
    base: Sandbox, backend: object, fragment: str
) -> None:
    if isinstance(backend, str):
        from keyring.backends import fail

        keyring.set_keyring(fail.Keyring())
    else:
        keyring.set_keyring(backend())  # type: ignore[operator]
    for args, stdin in ((["credit"], None), (["login"], SANDBOX_API_KEY)):
        result = invoke(args, input=stdin, expect=3)
        assert fragment in result.stderr
        assert "AKOOL_API_KEY" in result.stderr
        assert result.stderr.count("Error:") == 1
        # The hint points to a secret store, never to a plaintext shell profile.
        assert "secret store" in result.stderr and "shell profile" not in result.stderr
    # login checked the key before it found nowhere to keep it: it says so, then the way on.
    lines = result.stderr.splitlines()
    assert f"{mask(SANDBOX_API_KEY)}" in lines[0] and "it works; credit balance 1234.5" in lines[0]
    assert lines[1].startswith("Error: it was not saved: ") and lines[2].startswith("Hint: ")
    assert SANDBOX_API_KEY not in result.stderr


@pytest.mark.parametrize("backend", [PlaintextKeyring, ChainedPlaintext])
def test_a_plaintext_keyring_is_refused_unless_the_user_opts_in(
    base: Sandbox, monkeypatch: pytest.MonkeyPatch, backend: type[KeyringBackend]
) -> None:
    ring = backend()
    keyring.set_keyring(ring)
    first = ring.backends[0] if isinstance(ring, ChainedPlaintext) else ring
    assert isinstance(first, MemoryKeyring)
    entries = first.entries
    entries.clear()
    result = invoke(["login"], input=SANDBOX_API_KEY, expect=3)
    assert "it works; credit balance" in result.stderr
    assert "keeps secrets unencrypted in /home/me/.local/share/python_keyring" in result.stderr
    assert "--allow-plaintext-keyring" in result.stderr and "AKOOL_API_KEY" in result.stderr
    assert entries == {}
    # doctor flags it when akool would use it...
    doctor = invoke(["doctor", "--json"], expect=11)
    check = next(c for c in json.loads(doctor.stdout)["checks"] if c["name"] == "keyring")
    assert not check["ok"] and "unencrypted" in check["detail"]
    assert "AKOOL_ALLOW_PLAINTEXT_KEYRING" in check["fix"]
    # ...and the user may accept it, with the flag or the variable.
    invoke(["login", "--allow-plaintext-keyring"], input=SANDBOX_API_KEY)
    assert len(entries) == 1
    monkeypatch.setenv("AKOOL_ALLOW_PLAINTEXT_KEYRING", "1")
    invoke(["logout"])
    invoke(["login"], input=SANDBOX_API_KEY)
    assert len(entries) == 1
    doctor = invoke(["doctor", "--json"])
    check = next(c for c in json.loads(doctor.stdout)["checks"] if c["name"] == "keyring")
    assert check["ok"] and "allowed by AKOOL_ALLOW_PLAINTEXT_KEYRING" in check["detail"]


@pytest.mark.parametrize(
    "pasted",
    [
        "\ufeff" + SANDBOX_API_KEY,
        "\ufeff" + SANDBOX_API_KEY + "\r\n",
        "  " + SANDBOX_API_KEY + "\u200b\n",
        "\r\n\ufeff " + SANDBOX_API_KEY + " \t",
    ],
    ids=["bom", "bom-crlf", "spaces-zero-width", "crlf-bom-space"],
)
def test_a_key_with_a_byte_order_mark_or_line_end_is_cleaned(
    base: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch, pasted: str
) -> None:
    invoke(["login"], input=pasted)
    found = stored(isolated)
    assert found is not None and found.api_key == SANDBOX_API_KEY
    invoke(["logout"])
    monkeypatch.setenv("AKOOL_API_KEY", pasted)
    assert invoke(["credit"]).stdout == "1234.5\n"
    assert base.state.received[-1].headers.get("x-api-key") == SANDBOX_API_KEY


def test_a_key_with_other_non_ascii_characters_is_bad_input(
    base: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = invoke(["login"], input=SANDBOX_API_KEY[:-1] + "é", expect=2)
    assert "not plain ASCII" in result.stderr and "Hint:" in result.stderr
    monkeypatch.setenv("AKOOL_API_KEY", SANDBOX_API_KEY + "é")
    assert "not plain ASCII" in invoke(["credit"], expect=2).stderr


def test_login_rejects_a_keyring_that_drops_writes(base: Sandbox) -> None:
    from keyring.backends import null

    keyring.set_keyring(null.Keyring())
    result = invoke(["login"], input=SANDBOX_API_KEY, expect=3)
    assert "did not keep it" in result.stderr


def test_login_remembers_a_sandbox_base_url(
    sandbox: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    invoke(["--base-url", sandbox.base_url, "login"], input=SANDBOX_API_KEY)
    # Later commands, with no flag or variable, use the URL the login was verified against.
    assert invoke(["credit"]).stdout == "1234.5\n"
    monkeypatch.setenv("AKOOL_PROFILE", "staging")
    result = invoke(["credit"], expect=3)
    assert "not logged in" in result.stderr


def test_legacy_token_expiry_refreshes_once(
    sandbox: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    sandbox.state.config.expire_token_after = 2
    monkeypatch.setenv("AKOOL_BASE_URL", sandbox.base_url)
    invoke(["login", "--client-id", SANDBOX_CLIENT_ID], input=SANDBOX_CLIENT_SECRET)
    for _ in range(3):
        invoke(["credit"])
    tokens = [r for r in sandbox.state.received if r.path.endswith("getToken")]
    assert len(tokens) == 2  # the login's token, then exactly one refresh
    refreshed = stored(isolated)
    assert refreshed is not None and refreshed.token in sandbox.state.tokens


def test_a_token_that_keeps_failing_is_not_refreshed_forever(
    sandbox: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    sandbox.state.config.expire_token_after = 0
    monkeypatch.setenv("AKOOL_BASE_URL", sandbox.base_url)
    monkeypatch.setenv("AKOOL_CLIENT_ID", SANDBOX_CLIENT_ID)
    monkeypatch.setenv("AKOOL_CLIENT_SECRET", SANDBOX_CLIENT_SECRET)
    result = invoke(["credit"], expect=3)
    assert "1101" in result.stderr
    assert sum(r.path.endswith("getToken") for r in sandbox.state.received) == 2


def test_a_client_id_alone_in_the_environment_is_for_webhooks(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The docs tell API-key users to export AKOOL_CLIENT_ID for webhooks: the keyring key stays in use.
    monkeypatch.setenv("AKOOL_BASE_URL", sandbox.base_url)
    invoke(["login"], input=SANDBOX_API_KEY)
    monkeypatch.setenv("AKOOL_CLIENT_ID", "my-client-id")
    assert invoke(["credit"]).stdout.strip() == "1234.5"
    monkeypatch.setenv("AKOOL_CLIENT_SECRET", "")
    monkeypatch.delenv("AKOOL_CLIENT_ID")
    monkeypatch.setenv("AKOOL_CLIENT_SECRET", "lonely-secret-123456")
    assert "AKOOL_CLIENT_ID is not" in invoke(["credit"], expect=3).stderr


def test_credit_prints_a_large_balance_as_the_number_it_is(
    base: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """break17f F13: the balance was printed with `:g`, so 1234567.5 came out as 1.23457e+06 on
    stdout, the data a script reads (and in login's line)."""
    monkeypatch.setenv("AKOOL_API_KEY", SANDBOX_API_KEY)
    monkeypatch.setattr(base.state.config, "credit", 1234567.5)
    assert invoke(["credit"]).stdout == "1234567.5\n"
    monkeypatch.setattr(base.state.config, "credit", 10_000_000.0)
    assert invoke(["credit"]).stdout == "10000000\n"


def test_a_login_that_cannot_write_the_settings_keeps_the_previous_login(
    base: Sandbox, isolated: Isolation
) -> None:
    """Break-it 17j J7: on a full disk `login` replaced the keyring key, then failed writing the
    settings (exit 10): the old login was gone. The keyring holds the previous key again."""
    invoke(["login"], input=SANDBOX_API_KEY)
    (isolated.home / "config.json.lock").unlink(missing_ok=True)
    (isolated.home / "config.json.lock").mkdir()  # the settings cannot be written
    refused = invoke(
        ["login", "--client-id", SANDBOX_CLIENT_ID], input=SANDBOX_CLIENT_SECRET, expect=10
    )
    assert "cannot write the settings file" in refused.stderr
    credential = stored(isolated)
    assert credential is not None and credential.api_key == SANDBOX_API_KEY
    (isolated.home / "config.json.lock").rmdir()
    assert invoke(["credit"]).stdout == "1234.5\n"  # the previous login still works


def test_a_first_login_that_cannot_write_the_settings_keeps_no_key(
    base: Sandbox, isolated: Isolation
) -> None:
    isolated.home.mkdir(parents=True, exist_ok=True)
    (isolated.home / "config.json.lock").mkdir()
    invoke(["login"], input=SANDBOX_API_KEY, expect=10)
    assert stored(isolated) is None  # no key in the keyring that no settings speak for
