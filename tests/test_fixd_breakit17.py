"""Break-it round 17 (I15, I17, H17, H18, I16, I12): a callback speaks only for its own server
and account, a documented default is no other request, a count-N create settles N jobs, and
odd numbers in the environment or on the command line are one clear error."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from akool_cli.core import callbacks
from akool_cli.sandbox import Sandbox, SandboxConfig
from akool_cli.sandbox.state import SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET
from tests.conftest import Isolation
from tests.support.runner import invoke
from tests.support.sandboxes import point_at, running
from tests.support.waiting import wait_for

PROD_KEY = "prod-key-" + "b" * 24


@pytest.fixture
def production(isolated: Isolation) -> Iterator[Sandbox]:
    """A second server with its own account: "production" beside the sandbox."""
    with running(SandboxConfig(api_key=PROD_KEY, processing_seconds=6.0), isolated.clock) as s:
        yield s


def _talk(image: str) -> str:
    return invoke(["talk", f"https://e.com/{image}.jpg", "https://e.com/b.mp3"]).stdout.strip()


def test_a_sandbox_receiver_never_records_another_servers_job(
    api_env: Sandbox,
    production: Sandbox,
    isolated: Isolation,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """I15: the sandbox's public keys seal a callback for a production job: it is logged and
    skipped (nothing recorded, nothing saved as its result); the sandbox's own job is handled."""
    import httpx2

    import akool_cli

    point_at(production, monkeypatch, PROD_KEY)
    prod_job = _talk("prod")
    point_at(api_env, monkeypatch)
    own_job = _talk("own")
    isolated.clock.advance(60)
    invoke(["status", own_job])  # done on the sandbox: its video URL is real
    monkeypatch.setenv("AKOOL_CLIENT_ID", SANDBOX_CLIENT_ID)
    outdir = isolated.tmp / "hooked"
    events: list[str] = []
    warnings: list[str] = []
    with akool_cli.Client() as client:
        server = client.webhook_receiver(
            host="127.0.0.1",
            port=0,
            path="/hook",
            download_dir=outdir,
            on_event=lambda event: events.append(event.id),
            on_reject=lambda a, w: warnings.append(w),
            on_warning=warnings.append,
        )
    video = f"{api_env.base_url}/_sandbox/files/{own_job}.mp4"
    server.start()
    try:
        for job in (prod_job, own_job):
            payload = {"_id": job, "status": 3, "type": "talking photo", "url": video}
            body = callbacks.seal(payload, SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET, 1, "7")
            assert httpx2.post(server.url, json=body).status_code == 200
        wait_for(lambda: own_job in events)
    finally:
        server.stop()
    assert events == [own_job]
    (line,) = [w for w in warnings if prod_job in w]
    assert f"made on {production.base_url}" in line and "akool status" in line
    assert not (outdir / f"{prod_job}.mp4").exists() and (outdir / f"{own_job}.mp4").exists()
    with akool_cli.Client() as client:
        record = client.journal.get(prod_job)
        assert record is not None
        assert record.video_status != 3 and not record.video_url and not record.downloaded_path
        assert not client.journal.callback_handled(prod_job, 3)


def test_a_receiver_skips_a_job_of_another_account_on_its_server(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """I15: the same server, a job another credential made (its account): skipped too."""
    import akool_cli
    from akool_cli.core.callbacks import Callback

    monkeypatch.delenv("AKOOL_API_KEY")
    monkeypatch.setenv("AKOOL_CLIENT_ID", SANDBOX_CLIENT_ID)
    monkeypatch.setenv("AKOOL_CLIENT_SECRET", SANDBOX_CLIENT_SECRET)
    other = _talk("other")  # made with clientId/secret: another credential's account
    point_at(api_env, monkeypatch)
    monkeypatch.delenv("AKOOL_CLIENT_SECRET")
    warnings: list[str] = []
    events: list[str] = []
    with akool_cli.Client() as client:
        handle = client.webhook_recorder(
            None, on_event=lambda e: events.append(e.id), on_warning=warnings.append
        )
    handle(Callback(id=other, status=3, type="talking photo", url="https://x.test/v.mp4", raw={}))
    assert events == [] and "another credential" in warnings[0]
