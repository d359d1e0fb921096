"""Stopping the long-running servers (`webhook serve`, `sandbox`) exits with README's codes (break17k K8)."""

from __future__ import annotations

import re
import signal
import socket
import subprocess

import pytest

from akool_cli.sandbox.state import SANDBOX_CLIENT_ID
from tests.conftest import Isolation
from tests.support.runner import AKOOL, process_env

SERVERS = [
    (["webhook", "serve", "--port", "0"], r"Listening for AKOOL callbacks on http://"),
    (["sandbox", "--port", "0"], r"AKOOL sandbox listening on http://"),
]


@pytest.mark.parametrize("command,ready", SERVERS, ids=["webhook-serve", "sandbox"])
@pytest.mark.parametrize("signum,code", [(signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_a_stopped_server_exits_with_the_documented_code(
    isolated: Isolation, command: list[str], ready: str, signum: int, code: int
) -> None:
    env = process_env(isolated.home, "http://127.0.0.1:9", AKOOL_CLIENT_ID=SANDBOX_CLIENT_ID)
    serve = subprocess.Popen(
        [AKOOL, *command], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        assert serve.stdout is not None
        seen = ""
        while not re.search(ready, seen):
            line = serve.stdout.readline()
            assert line, seen
            seen += line
        served = re.search(r"http://([\d.]+):(\d+)", seen)
        assert served is not None
        # Serving (it answers), not merely announced: the stop lands where K8 saw exit 0.
        with socket.create_connection((served.group(1), int(served.group(2))), timeout=30) as s:
            s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            assert s.recv(100).startswith(b"HTTP/1.")
        serve.send_signal(signum)
        out, _ = serve.communicate(timeout=30)
    finally:
        if serve.poll() is None:
            serve.kill()
            serve.communicate()
    assert serve.returncode == code, seen + out
    assert "Traceback" not in out
