"""The sandbox fetching inputs like AKOOL (--fetch-inputs), with akool pointed at it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from akool_cli.core.clock import FakeClock
from akool_cli.sandbox import Sandbox, SandboxConfig, start_sandbox
from akool_cli.sandbox.state import SANDBOX_API_KEY
from tests.support.contract_check import check_received


@contextmanager
def fetching_sandbox(clock: FakeClock, monkeypatch: pytest.MonkeyPatch) -> Iterator[Sandbox]:
    server = start_sandbox(SandboxConfig(processing_seconds=6.0, fetch_inputs=True), clock=clock)
    monkeypatch.setenv("AKOOL_BASE_URL", server.base_url)
    monkeypatch.setenv("AKOOL_API_KEY", SANDBOX_API_KEY)
    try:
        yield server
    finally:
        server.stop()
    assert check_received(server.state.received) == []
