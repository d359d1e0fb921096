"""A sandbox of a given configuration that akool is pointed at, for tests needing other than the default."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from akool_cli.core.clock import Clock
from akool_cli.sandbox import Sandbox, SandboxConfig, start_sandbox
from akool_cli.sandbox.state import SANDBOX_API_KEY


@contextmanager
def pointed_at(
    config: SandboxConfig, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Sandbox]:
    """Start the sandbox on a real port, point AKOOL_BASE_URL and AKOOL_API_KEY at it, stop it after."""
    server = start_sandbox(config, clock=clock)
    try:
        monkeypatch.setenv("AKOOL_BASE_URL", server.base_url)
        monkeypatch.setenv("AKOOL_API_KEY", SANDBOX_API_KEY)
        yield server
    finally:
        server.stop()
