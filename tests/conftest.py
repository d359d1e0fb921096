"""Test isolation: every test gets its own AKOOL_HOME, an in-memory keyring and a fake clock."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import keyring
import pytest

from akool_cli.core import clock as clock_module
from akool_cli.core.clock import FakeClock, SystemClock
from akool_cli.sandbox import Sandbox, SandboxConfig
from tests.support.keyrings import MemoryKeyring
from tests.support.sandboxes import point_at, running

ROOT = Path(__file__).resolve().parent.parent
# The shared folder beside the checkout; a git worktree one level deeper (/work/wt/NAME) finds
# the one beside the main checkout, so its docs and OpenAPI tests run there too.
SHARED = next(
    (d for d in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if d.is_dir()),
    ROOT.parent / "shared",
)


@dataclass
class Isolation:
    home: Path
    ring: MemoryKeyring
    clock: FakeClock
    tmp: Path


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Isolation]:
    for name in list(os.environ):
        if name.startswith(("AKOOL_", "PYTHON_KEYRING")) or name in (
            "NO_COLOR",
            "FORCE_COLOR",
            "HTTPS_PROXY",
            "HTTP_PROXY",
            "ALL_PROXY",
            "https_proxy",
            "http_proxy",
        ):
            monkeypatch.delenv(name, raising=False)
    home = tmp_path / "akool-home"
    monkeypatch.setenv("AKOOL_HOME", str(home))
    monkeypatch.setenv("AKOOL_KEYRING_TIMEOUT", "0.3")
    monkeypatch.setenv("NO_PROXY", "*")
    # Tests use made-up input URLs: the checks before billing are tested on their own.
    monkeypatch.setenv("AKOOL_NO_CHECK", "1")
    previous = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    fake = FakeClock()
    clock_module.set_current(fake)
    yield Isolation(home=home, ring=ring, clock=fake, tmp=tmp_path)
    clock_module.set_current(SystemClock())
    keyring.set_keyring(previous)


@pytest.fixture
def sandbox(isolated: Isolation) -> Iterator[Sandbox]:
    """The sandbox on a real loopback port, sharing the test's fake clock."""
    # Every request akool sent in the test must match the documented contract (checked).
    with running(SandboxConfig(processing_seconds=6.0), isolated.clock, checked=True) as server:
        yield server


@pytest.fixture
def api_env(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> Sandbox:
    """The sandbox, with akool pointed at it and its API key in the environment."""
    point_at(sandbox, monkeypatch)
    return sandbox
