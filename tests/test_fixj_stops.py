"""Stopping `webhook serve` and `sandbox` exits with README's codes (break17k K8); a side file
missing is that file's failure, not the job's expiry (break17j J12)."""

from __future__ import annotations

import json
import re
import signal
import socket
import subprocess
from typing import Any

import pytest

from akool_cli.sandbox import Sandbox, files
from akool_cli.sandbox.state import SANDBOX_CLIENT_ID
from tests.conftest import Isolation
from tests.support.runner import AKOOL, invoke, process_env

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


def test_a_missing_side_file_leaves_the_job_unexpired(
    api_env: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A translation's subtitles answering 404 right after its video was saved: that file is
    reported, the job is not marked expired, and the hint is a later watch (break17j J12)."""
    job = invoke(["translate", "https://example.com/t.mp4", "--to", "es"]).stdout.split()[0]
    isolated.clock.advance(60)
    original = files.serve_file

    def missing_subtitles(handler: Any, name: str) -> None:
        if name.endswith(".translated.srt"):
            handler._send(404, b"<Error><Code>NoSuchKey</Code></Error>", "application/xml")
            return
        original(handler, name)

    monkeypatch.setattr("akool_cli.sandbox.server.serve_file", missing_subtitles)
    out = isolated.tmp / "out"
    failed = invoke(["watch", job, "-o", f"{out}/"], expect=5)
    assert (out / f"{job}.mp4").is_file()
    assert "translated" in failed.stderr and "billed" not in failed.stderr
    assert f"akool watch {job} -o {out}/" in failed.stderr
    [view] = json.loads(invoke(["status", job, "--json"]).stdout)
    assert not view.get("expired")
    monkeypatch.setattr("akool_cli.sandbox.server.serve_file", original)
    invoke(["watch", job, "-o", f"{out}/"])
    assert (out / f"{job}.translated.srt").is_file()
