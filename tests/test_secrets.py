"""No secret in any output, log, error, traceback or file: every command, with and without --debug."""

from __future__ import annotations

from pathlib import Path

import pytest

from akool_cli.sandbox import Sandbox
from tests.conftest import Isolation
from tests.support.runner import invoke

API_KEY = "SECRETAPIKEY-b5f0c7e2d9a14f4e"
CLIENT_ID = "64db241f6d9e5c4bd136c187"
CLIENT_SECRET = "SECRETCLIENT-0123456789abcd"  # 28 bytes is fine for the sandbox
IMAGE = "https://example.com/portrait.jpg"
AUDIO = "https://example.com/speech.mp3"


@pytest.fixture
def secret_sandbox(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> Sandbox:
    sandbox.state.config.api_key = API_KEY
    sandbox.state.config.client_id = CLIENT_ID
    sandbox.state.config.client_secret = CLIENT_SECRET
    monkeypatch.setenv("AKOOL_BASE_URL", sandbox.base_url)
    return sandbox


def everything_written(root: Path) -> bytes:
    return b"".join(p.read_bytes() for p in root.rglob("*") if p.is_file())


@pytest.mark.parametrize("debug", [False, True], ids=["plain", "debug"])
def test_no_command_ever_shows_or_writes_a_secret(
    secret_sandbox: Sandbox,
    isolated: Isolation,
    monkeypatch: pytest.MonkeyPatch,
    debug: bool,
) -> None:
    if debug:
        monkeypatch.setenv("AKOOL_DEBUG", "1")
    captured: list[str] = []

    def akool(args: list[str], stdin: str | None = None, expect: int | None = 0) -> str:
        result = invoke(args, input=stdin, expect=expect)
        captured.extend([result.stdout, result.stderr])
        return result.stdout

    outdir = isolated.tmp / "videos"
    outdir.mkdir()
    akool(["login"], API_KEY + "\n")
    akool(["auth", "status"])
    akool(["auth", "status", "--json"])
    akool(["credit"])
    job = akool(["talk", IMAGE, AUDIO]).strip()
    akool(["talk", IMAGE, AUDIO, "--json", "-o", str(outdir) + "/"])
    akool(["watch", job, "-o", str(outdir)])
    akool(["status"])
    akool(["status", "--json", job])
    akool(["status", "0" * 24], expect=4)
    akool(["talk", "./local.jpg", AUDIO], expect=2)
    akool(["login", "--client-id", CLIENT_ID], CLIENT_SECRET)
    akool(["credit", "--json"])
    akool(["talk", IMAGE, AUDIO, "--wait"])
    akool(["logout"])
    akool(["login"], "WRONG-" + API_KEY, expect=3)
    akool(["login", "--client-id", CLIENT_ID], "WRONG-" + CLIENT_SECRET, expect=3)
    monkeypatch.setenv("AKOOL_API_KEY", API_KEY)
    akool(["auth", "status"])
    monkeypatch.setenv("AKOOL_API_KEY", API_KEY + "x")
    akool(["auth", "status"], expect=3)
    monkeypatch.delenv("AKOOL_API_KEY")
    monkeypatch.setenv("AKOOL_CLIENT_ID", CLIENT_ID)
    monkeypatch.setenv("AKOOL_CLIENT_SECRET", CLIENT_SECRET)
    akool(["credit"])
    secret_sandbox.state.inject("500", "500", "500", "500", "500")
    akool(["credit"], expect=5)

    tokens = list(secret_sandbox.state.tokens)
    assert tokens, "the legacy flow should have issued bearer tokens"
    text = "\n".join(captured)
    if debug:
        assert "x-api-key" in text and "***" in text  # the trace ran, redacted
    files = everything_written(isolated.tmp)
    for secret in [API_KEY, CLIENT_SECRET, *tokens]:
        assert secret not in text
        assert secret.encode() not in files
