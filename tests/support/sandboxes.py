"""A sandbox of a given configuration, running and perhaps pointed at, for tests needing other than
the default."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from akool_cli.core.clock import Clock
from akool_cli.sandbox import Sandbox, SandboxConfig, start_sandbox
from akool_cli.sandbox.state import SANDBOX_API_KEY
from tests.support.contract_check import check_received


@contextmanager
def running(config: SandboxConfig, clock: Clock, *, checked: bool = False) -> Iterator[Sandbox]:
    """Start the sandbox on a real port and stop it after; `checked`: then every request it
    received must have matched the documented contract."""
    server = start_sandbox(config, clock=clock)
    try:
        yield server
    finally:
        server.stop()
    if checked:
        assert check_received(server.state.received) == []


def point_at(server: Sandbox, monkeypatch: pytest.MonkeyPatch, key: str = SANDBOX_API_KEY) -> None:
    """Point AKOOL_BASE_URL at a running sandbox and set AKOOL_API_KEY to `key` (its own)."""
    monkeypatch.setenv("AKOOL_BASE_URL", server.base_url)
    monkeypatch.setenv("AKOOL_API_KEY", key)


@contextmanager
def pointed_at(
    config: SandboxConfig,
    clock: Clock,
    monkeypatch: pytest.MonkeyPatch,
    *,
    checked: bool = False,
) -> Iterator[Sandbox]:
    """Start the sandbox on a real port, point AKOOL_BASE_URL and AKOOL_API_KEY at it, stop it after."""
    with running(config, clock, checked=checked) as server:
        point_at(server, monkeypatch, config.api_key)
        yield server
