"""A library user's call to a bucket that never answers ends at akool's deadline, and so does
its thread: the connection is shut down and not tried again, instead of being left open until
the store closes it (a long-running program would otherwise collect threads and sockets)."""

from __future__ import annotations

import socket
import threading

import pytest

import akool_cli
from akool_cli.sandbox import Sandbox
from akool_cli.sandbox.state import SANDBOX_API_KEY
from tests.conftest import Isolation
from tests.support.hostile import TRICKLE_BOUND, raw_server, trickling
from tests.support.waiting import wait_for
from tests.test_upload import PNG, aws_keys


def _s3_threads() -> set[threading.Thread]:
    return {t for t in threading.enumerate() if t.name == "akool-s3" and t.is_alive()}


def _silent(released: threading.Event) -> object:
    """Read the request, answer nothing; note when the client lets go of the connection."""

    def answer(connection: socket.socket, stop: threading.Event) -> None:
        connection.settimeout(TRICKLE_BOUND)
        if connection.recv(1) == b"":
            released.set()

    return answer


def _trickle(released: threading.Event) -> object:
    """A header's value, a byte every few milliseconds (no per-read timeout trips, no limit on
    the number of headers either); note when sending fails because the client let go."""
    endless = trickling(b"HTTP/1.1 200 OK\r\nX-Slow: ", b"1")

    def answer(connection: socket.socket, stop: threading.Event) -> None:
        try:
            endless(connection, stop)
        except OSError:
            released.set()

    return answer


@pytest.mark.parametrize("server", ["silent", "trickling"])
def test_a_call_past_its_s3_deadline_leaves_no_thread_and_no_socket(
    sandbox: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch, server: str
) -> None:
    from akool_cli.inputs import upload

    aws_keys(monkeypatch, isolated.tmp)
    monkeypatch.setattr(upload, "S3_DEADLINE", 0.3)  # the documented 90 s, shortened
    image = isolated.tmp / "p.png"
    image.write_bytes(PNG)
    released = threading.Event()
    answer = _silent(released) if server == "silent" else _trickle(released)
    before = _s3_threads()
    with raw_server(answer, path="") as url:  # type: ignore[arg-type]
        monkeypatch.setenv("AWS_ENDPOINT_URL", url)
        with akool_cli.Client(SANDBOX_API_KEY, base_url=sandbox.base_url) as client:
            with pytest.raises(akool_cli.UnavailableError, match="no complete answer"):
                client.upload(image, "image", upload_to="s3://bkt1/in/")
            # The server is still willing to answer: akool let go of the connection, and the
            # thread that made the call has ended (it is neither reading nor trying again).
            wait_for(released.is_set, seconds=5)
            wait_for(lambda: not (_s3_threads() - before), seconds=5)
