"""K7 (issue 17): a callback that opens with the secret of the credential that made its job is
that job's, whether the secret was sent as an API key or as a legacy clientSecret; a job made
with a different secret is still left alone."""

from __future__ import annotations

import pytest

from akool_cli.sandbox import Sandbox, SandboxConfig
from akool_cli.sandbox.state import SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET
from tests.conftest import Isolation
from tests.support.hooks import receiving
from tests.support.runner import invoke
from tests.support.sandboxes import point_at, running
from tests.support.waiting import wait_for

OTHER_KEY = "other-account-key-" + "c" * 16


def _use(kind: str, monkeypatch: pytest.MonkeyPatch, secret: str = SANDBOX_CLIENT_SECRET) -> None:
    """Make the environment's credential an API key or the legacy clientId + clientSecret."""
    if kind == "api_key":
        monkeypatch.delenv("AKOOL_CLIENT_SECRET", raising=False)
        monkeypatch.setenv("AKOOL_API_KEY", secret)
    else:
        monkeypatch.delenv("AKOOL_API_KEY", raising=False)
        monkeypatch.setenv("AKOOL_CLIENT_ID", SANDBOX_CLIENT_ID)
        monkeypatch.setenv("AKOOL_CLIENT_SECRET", secret)


@pytest.mark.parametrize(
    ("made_with", "received_with"), [("client", "api_key"), ("api_key", "client")]
)
def test_a_callback_of_the_same_secret_is_recorded_whatever_credential_kind_made_the_job(
    api_env: Sandbox,
    isolated: Isolation,
    monkeypatch: pytest.MonkeyPatch,
    made_with: str,
    received_with: str,
) -> None:
    """The sandbox's own callbacks for a job made with one kind of credential reach a receiver
    run with the other of the same secret: recorded, the video saved, no warning."""
    import akool_cli

    outdir, warnings = isolated.tmp / "hooked", list[str]()
    _use(received_with, monkeypatch)
    with receiving(outdir, monkeypatch, warnings) as (server, _types):
        _use(made_with, monkeypatch)
        job = invoke(
            ["talk", "https://e.com/k7.jpg", "https://e.com/k7.mp3", "--webhook-url", server.url]
        ).stdout.strip()
        isolated.clock.advance(60)
        wait_for(lambda: (outdir / f"{job}.mp4").exists() or bool(warnings))
    assert warnings == []
    with akool_cli.Client() as client:
        record = client.journal.get(job)
        assert record is not None and record.video_status == 3 and record.downloaded_path
        assert client.journal.callback_handled(job, 3)


def test_a_callback_opened_with_another_secret_still_leaves_the_job_alone(
    isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A job made with an API key of another secret (another account) on the same server: a
    callback the receiver's keys (the sandbox's clientId + clientSecret) open is not recorded for
    it, and the warning says how to ask about it."""
    import httpx2

    import akool_cli
    from akool_cli.core import callbacks

    with running(SandboxConfig(api_key=OTHER_KEY), isolated.clock) as sandbox:
        point_at(sandbox, monkeypatch, OTHER_KEY)
        job = invoke(["talk", "https://e.com/o.jpg", "https://e.com/o.mp3"]).stdout.strip()
        _use("client", monkeypatch)
        outdir, warnings = isolated.tmp / "hooked", list[str]()
        with receiving(outdir, monkeypatch, warnings) as (server, types):
            video = f"{sandbox.base_url}/_sandbox/files/{job}.mp4"
            payload = {"_id": job, "status": 3, "type": "talking photo", "url": video}
            body = callbacks.seal(payload, SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET, 1, "7")
            assert httpx2.post(server.url, json=body).status_code == 200
            wait_for(lambda: any(job in w for w in warnings))
    assert types == [] and not (outdir / f"{job}.mp4").exists()
    (line,) = [w for w in warnings if job in w]
    assert "another account" not in line and f"akool status {job}" in line
    with akool_cli.Client() as client:
        record = client.journal.get(job)
        assert record is not None and record.video_status != 3
        assert not client.journal.callback_handled(job, 3)
