"""The sandbox fetching inputs like AKOOL (--fetch-inputs), with akool pointed at it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from akool_cli.core.clock import FakeClock
from akool_cli.sandbox import Sandbox, SandboxConfig
from tests.support.sandboxes import pointed_at


@contextmanager
def fetching_sandbox(clock: FakeClock, monkeypatch: pytest.MonkeyPatch) -> Iterator[Sandbox]:
    config = SandboxConfig(processing_seconds=6.0, fetch_inputs=True)
    with pointed_at(config, clock, monkeypatch, checked=True) as server:
        yield server
