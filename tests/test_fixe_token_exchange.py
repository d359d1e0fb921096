"""Break-it 17i I19: with the legacy clientId/clientSecret pair, a token exchange that fails
before the create is sent (a dropped connection, a stop while it stalls) never leaves an unknown
outcome behind: nothing was billed, the attempt is given back and the same command runs again.
A create that did leave is still unknown (never sent twice)."""

from __future__ import annotations

import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from akool_cli.core.clock import SystemClock
from akool_cli.sandbox import Sandbox, SandboxConfig
from akool_cli.sandbox.state import SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET
from tests.conftest import Isolation
from tests.support.runner import AKOOL, invoke, process_env
from tests.support.sandboxes import running
from tests.support.waiting import wait_for
from tests.test_sigterm_create import outcomes

TALK = ["talk", "https://example.com/tk9.jpg", "https://example.com/a.mp3"]
RETRIES = 5  # every try of the token exchange drops (RetryPolicy's attempts)


def _legacy_pair(server: Sandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AKOOL_BASE_URL", server.base_url)
    monkeypatch.setenv("AKOOL_CLIENT_ID", SANDBOX_CLIENT_ID)
    monkeypatch.setenv("AKOOL_CLIENT_SECRET", SANDBOX_CLIENT_SECRET)


def _unknown(home: Path) -> list[str]:
    return [o for o in outcomes(home) if o not in ("created", "rejected")]


@pytest.fixture
def legacy(
    sandbox: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Sandbox]:
    _legacy_pair(sandbox, monkeypatch)
    yield sandbox


def test_a_dropped_token_exchange_gives_the_create_back(
    legacy: Sandbox, isolated: Isolation
) -> None:
    """Every getToken connection drops: exit 5, "run the command again" (no settle), no
    unknown outcome; the same command then makes its one job."""
    legacy.state.inject(*["drop"] * RETRIES, at="get_token")
    failed = invoke(TALK, expect=5)
    assert "settle" not in failed.stderr and "run the command again" in failed.stderr
    assert legacy.state.requests.get("create_talking_photo", 0) == 0
    assert _unknown(isolated.home) == []
    job = invoke(TALK).stdout.strip()
    assert len(legacy.state.jobs) == 1 and job in legacy.state.jobs


def test_a_token_refresh_that_drops_after_code_1101_gives_the_create_back(
    isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The lazy path: a kept token AKOOL refuses (1101) is renewed once; when that exchange
    drops, the create (answered 1101: nothing made) is given back, not left unknown."""
    with running(SandboxConfig(processing_seconds=6.0), isolated.clock) as server:
        _legacy_pair(server, monkeypatch)
        invoke(["credit"])  # a token is fetched and kept in the keyring
        server.state.tokens.clear()  # AKOOL forgot it: the next call is answered 1101
        server.state.inject(*["drop"] * RETRIES, at="get_token")
        failed = invoke(TALK, expect=5)
        assert "settle" not in failed.stderr, failed.stderr
        assert _unknown(isolated.home) == []
        invoke(TALK)
        assert len(server.state.jobs) == 1


def test_a_create_that_left_is_still_unknown_with_the_legacy_pair(
    legacy: Sandbox, isolated: Isolation
) -> None:
    """The token came back, the create was sent and its answer dropped: AKOOL may have made
    it, so it is unknown and the rerun is refused (never billed twice)."""
    legacy.state.inject(*["drop"] * RETRIES, at="create_talking_photo")
    failed = invoke(TALK, expect=5)
    assert "akool settle 1 --created JOB_ID" in failed.stderr
    assert _unknown(isolated.home) == ["unknown"]
    invoke(TALK, expect=None)
    assert len(legacy.state.jobs) == 1  # made by the first, never again by the rerun


def test_sigterm_while_the_token_exchange_stalls_keeps_no_attempt(
    isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stop while getToken stalls (the create not sent): exit 143 at once, no settle hint,
    no unknown outcome; once the server answers again the same command makes its job."""
    with running(SandboxConfig(processing_seconds=0.2), SystemClock()) as server:
        server.state.inject("hold", at="get_token")
        env = process_env(isolated.home, server.base_url)
        env.pop("AKOOL_API_KEY", None)
        env.update(AKOOL_CLIENT_ID=SANDBOX_CLIENT_ID, AKOOL_CLIENT_SECRET=SANDBOX_CLIENT_SECRET)
        process = subprocess.Popen(
            [AKOOL, *TALK], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        try:
            wait_for(lambda: server.state.holding == 1 or process.poll() is not None, seconds=60)
            assert server.state.holding == 1, process.communicate()
            process.send_signal(signal.SIGTERM)
            _, stderr = process.communicate(timeout=30)
        finally:
            process.kill()
            process.wait()
            server.state.release()
        assert process.returncode == 143, stderr
        assert "settle" not in stderr and "Traceback" not in stderr, stderr
        assert server.state.requests.get("create_talking_photo", 0) == 0
        assert _unknown(isolated.home) == []
        rerun = subprocess.run([AKOOL, *TALK], env=env, capture_output=True, text=True, timeout=60)
        assert rerun.returncode == 0, rerun.stderr
        assert len(server.state.jobs) == 1
