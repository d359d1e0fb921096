"""Issue 17's break-it runs 17h and 17i, helper fixB's part: a create in flight of a process
killed while a child it forked lives on (I2), a recorded job its server no longer has (H3, I6),
the hint for a sandbox's job after a sandbox session (H1), and `batch --dry-run --retry-unknown`
(I7).

Each test fails on akool before its fix."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator

import pytest

from akool_cli.core.clock import SystemClock
from akool_cli.sandbox import Sandbox, SandboxConfig
from tests.conftest import Isolation
from tests.support.runner import AKOOL, process_env
from tests.support.sandboxes import running
from tests.support.waiting import wait_for
from tests.test_sigterm_create import Stall

E = "https://example.com"

# A library user's script: one create (this process now owns a lock file), a worker forked
# (multiprocessing's 'fork' does the same), then a second create the test kills it during.
FORKING_SCRIPT = f"""
import os, signal, sys
import akool_cli
client = akool_cli.Client(base_url=os.environ["AKOOL_BASE_URL"])
client.talk("{E}/fork0.jpg", "{E}/fork0.mp3", check=False)
child = os.fork()
if child == 0:
    signal.pause()  # a worker that outlives its parent, until the test ends it
    os._exit(0)
print(child, flush=True)
sys.stdin.readline()
client.talk("{E}/fork1.jpg", "{E}/fork1.mp3", check=False)
"""


@pytest.fixture
def live_sandbox(isolated: Isolation) -> Iterator[Sandbox]:
    with running(SandboxConfig(processing_seconds=0.2), SystemClock()) as server:
        yield server


def test_a_create_of_a_killed_process_whose_forked_child_lives_is_unknown_not_in_flight(
    isolated: Isolation, live_sandbox: Sandbox
) -> None:
    """break17i I2: the child inherited the parent's owner lock (an flock on a file opened once
    per process), so the SIGKILLed parent's create counted as in flight by a live akool, and
    running the same create again sent and billed it a second time."""
    env = process_env(isolated.home, live_sandbox.base_url)
    parent = subprocess.Popen(
        [sys.executable, "-c", FORKING_SCRIPT],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert parent.stdout is not None and parent.stdin is not None
    child = int(parent.stdout.readline() or 0)
    stall = Stall(live_sandbox, "create_job")
    try:
        assert child > 0, parent.communicate()
        parent.stdin.write("go\n")
        parent.stdin.flush()
        wait_for(lambda: stall.arrived.is_set() or parent.poll() is not None, 60)
        assert stall.arrived.is_set(), parent.communicate()
        parent.send_signal(signal.SIGKILL)
        assert parent.wait() == -signal.SIGKILL
        again = subprocess.run(
            [AKOOL, "talk", f"{E}/fork1.jpg", f"{E}/fork1.mp3"],
            env=env,
            capture_output=True,
            text=True,
        )
    finally:
        stall.release.set()
        if child > 0:
            os.kill(child, signal.SIGKILL)
        parent.kill()
        parent.wait()
    assert again.returncode == 5, again.stderr
    assert "unknown outcome" in again.stderr and "akool settle 2" in again.stderr, again.stderr
