"""Issue 17's break-it runs 17g and 17f, helper lib17's part: the library's Client closed while
another thread uses it (G7), the process-wide umask (G11), a relative home (G12), proxies and a
loopback base URL (F16), a Client across a fork (F19).

Each test fails on akool before its fix."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest

import akool_cli
from akool_cli.core import clock as clock_module
from akool_cli.core.clock import SystemClock
from akool_cli.sandbox import Sandbox, SandboxConfig
from akool_cli.sandbox.state import SANDBOX_API_KEY
from tests.conftest import Isolation
from tests.support.sandboxes import running
from tests.support.waiting import wait_for
from tests.test_sigterm_create import Stall

E = "https://example.com"


@pytest.fixture
def live_sandbox(isolated: Isolation) -> Iterator[Sandbox]:
    clock_module.set_current(SystemClock())
    with running(SandboxConfig(processing_seconds=0.2), SystemClock()) as server:
        yield server


def _closed(client: akool_cli.Client) -> bool:
    try:
        client.jobs(limit=1)
    except akool_cli.UsageError:
        return True
    return False


def test_a_client_closed_while_another_thread_creates_records_the_job(
    live_sandbox: Sandbox,
) -> None:
    """break17g G7: the with-block's close() closed the history under the create in flight:
    LocalStateError with job_id None ("check that folder"), the billed job's id lost."""
    stall = Stall(live_sandbox, "create_job")
    client = akool_cli.Client(SANDBOX_API_KEY, base_url=live_sandbox.base_url)
    result: dict[str, Any] = {}

    def make() -> None:
        try:
            result["job"] = client.lipsync(f"{E}/clip.mp4?g7", f"{E}/speech.mp3")
        except Exception as exc:  # reported by the assertion below
            result["job"] = exc

    maker = threading.Thread(target=make)
    maker.start()
    wait_for(stall.arrived.is_set)  # the create is on its way
    closer = threading.Thread(target=client.close)
    closer.start()
    wait_for(lambda: _closed(client))  # a call that starts now is refused
    stall.release.set()
    maker.join(60)
    closer.join(60)
    job = result["job"]
    assert isinstance(job, akool_cli.Job), job
    assert [j.id for j in live_sandbox.state.jobs.values()] == [job.id]
    with akool_cli.Client(SANDBOX_API_KEY, base_url=live_sandbox.base_url) as again:
        assert [j.id for j in again.jobs()] == [job.id]
        assert again.unsettled() == []
    with pytest.raises(akool_cli.UsageError, match="closed"):
        client.lipsync(f"{E}/clip.mp4?g7b", f"{E}/speech.mp3")


def test_a_history_held_after_its_client_closed_says_so(live_sandbox: Sandbox) -> None:
    """break17g G7 addendum: the API client or history a thread still held after close() raised
    httpx's RuntimeError / "check that folder (free space, permissions)"."""
    client = akool_cli.Client(SANDBOX_API_KEY, base_url=live_sandbox.base_url)
    api, journal = client.api, client.journal
    client.close()
    with pytest.raises(akool_cli.UsageError, match="Client is closed"):
        api.credit()
    with pytest.raises(akool_cli.UsageError, match="Client is closed"):
        journal.recent(1)
