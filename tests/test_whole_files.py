"""What akool calls a saved file is whole and is the file it saved: a body that ends early without
a length to tell (or a TLS connection closed without close_notify) is never a saved video, a file
changed in place is never "saved earlier", and an id a server gives never changes a request's path."""

from __future__ import annotations

import os
import socket
import ssl
import threading
from pathlib import Path
from urllib.parse import quote

import pytest

from akool_cli.core import contract
from akool_cli.core.clock import FakeClock
from akool_cli.core.errors import AkoolError, UsageError
from akool_cli.jobs.download import download
from akool_cli.net.api import AkoolClient
from akool_cli.net.retry import RetryPolicy
from akool_cli.net.transport import Transport
from akool_cli.sandbox import Sandbox
from akool_cli.store.credentials import Credential
from tests.conftest import Isolation
from tests.support.hostile import Answerer, answering, fake_mp4, raw_server, self_signed
from tests.support.runner import invoke
from tests.support.servers import Answer, scripted_server

VIDEO = fake_mp4(bytes(range(256)) * 400)
# No Content-Length, no chunks: the body ends when the connection does.
UNFRAMED = b"HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nConnection: close\r\n\r\n"


def save(url: str, target: Path) -> AkoolError:
    with Transport() as transport, pytest.raises(AkoolError) as failed:
        download(transport, url, target, clock=FakeClock(), retry=RetryPolicy(2))
    return failed.value


def test_a_body_without_a_length_that_ends_early_is_never_a_saved_video(
    isolated: Isolation,
) -> None:
    target = isolated.tmp / "v.mp4"
    with raw_server(answering(UNFRAMED, VIDEO[: len(VIDEO) // 2])) as url:
        error = save(url, target)
    assert "arrived incomplete" in error.message and "before its last box" in error.message
    assert not target.exists()
    with raw_server(answering(UNFRAMED, VIDEO)) as url, Transport() as transport:
        assert download(transport, url, target, clock=FakeClock()).size == len(VIDEO)


def cut_tls(folder: Path, body: bytes) -> Answerer:
    """TLS that ends with the TCP connection closed, never a close_notify: to the client it looks
    like the end of a body without a length (a truncation attack, or a broken middlebox)."""
    certificate, key = self_signed(folder)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(certificate, key)

    def answer(connection: socket.socket, stop: threading.Event) -> None:
        secure = context.wrap_socket(connection, server_side=True)
        secure.recv(65536)
        secure.sendall(UNFRAMED + body)
        secure.close()  # no unwrap(): no close_notify

    return answer


def test_tls_closed_without_close_notify_is_never_a_saved_video(
    isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(self_signed(isolated.tmp)[0]))
    answer = cut_tls(isolated.tmp, VIDEO[:5000])
    with raw_server(answer, read_request=False) as url:
        error = save(url.replace("http://", "https://"), isolated.tmp / "v.mp4")
    assert "arrived incomplete" in error.message
    assert not (isolated.tmp / "v.mp4").exists()


def test_boxes_that_cannot_add_up_are_not_a_video_at_once(isolated: Isolation) -> None:
    broken = VIDEO[:24] + b"\x00\x00\x00\x04moov" + VIDEO[32:]  # a box 4 bytes long
    tries: list[int] = []

    def answer(connection: socket.socket, stop: threading.Event) -> None:
        tries.append(1)
        head = b"HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nContent-Length: %d\r\n\r\n"
        connection.sendall(head % len(broken) + broken)

    with raw_server(answer) as url:
        error = save(url, isolated.tmp / "v.mp4")
    assert error.exit_code == 6 and "says it is 4 bytes long" in error.message
    assert len(tries) == 1 and list(isolated.tmp.glob("*v.mp4*")) == []


def test_a_file_changed_in_place_is_not_saved_earlier(
    api_env: Sandbox, isolated: Isolation
) -> None:
    """Same size, mtime put back: only its SHA-256 tells it is not the file akool saved."""
    job = invoke(["talk", "https://e.com/p.jpg", "https://e.com/s.mp3"]).stdout.strip()
    isolated.clock.advance(60)
    out = isolated.tmp / "videos"
    invoke(["watch", job, "-o", f"{out}/"])
    saved = out / f"{job}.mp4"
    assert "saved earlier" in invoke(["watch", job, "-o", f"{out}/"]).stderr
    before = os.stat(saved)
    data = bytearray(saved.read_bytes())
    data[-1] ^= 0xFF
    saved.write_bytes(bytes(data))
    os.utime(saved, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert os.stat(saved).st_size == before.st_size
    result = invoke(["watch", job, "-o", f"{out}/"], expect=2)
    assert "already exists" in result.stderr and "saved earlier" not in result.stderr


HOSTILE_IDS = ["../../x", "a?b", "%2F", "..", "x/../../y", "\x1b[2Jid"]


@pytest.mark.parametrize("hostile", HOSTILE_IDS)
def test_a_hostile_id_in_a_create_answer_is_never_used(
    hostile: str, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The create was answered, so the job may exist: an unknown outcome (exit 5), never an id
    that reaches a path, a file name or a later request."""
    with scripted_server() as server:
        monkeypatch.setenv("AKOOL_BASE_URL", server.url)
        monkeypatch.setenv("AKOOL_API_KEY", "k" * 32)
        server.route(
            contract.CREATE_TALKING_PHOTO.path,
            Answer.envelope({"_id": hostile, "video_status": 1}),
        )
        result = invoke(["talk", "https://e.com/p.jpg", "https://e.com/s.mp3"], expect=5)
        invoke(["status", "--json"])
        assert set(server.hits) == {contract.CREATE_TALKING_PHOTO.path}
    assert "not one" in result.stderr and result.stdout == ""
    assert "\x1b" not in result.stderr


@pytest.mark.parametrize("hostile", ["../../x", "a?b", "%2F", "x#y", "a/b"])
def test_an_id_in_a_path_never_changes_the_path(hostile: str) -> None:
    credential = Credential("api_key", "test", api_key="k" * 32)
    with scripted_server() as server:
        client = AkoolClient(server.url, credential, clock=FakeClock(), retry=RetryPolicy(1))
        with client, pytest.raises(AkoolError):
            client.call(contract.TTS_DETAIL, path_params={"_id": hostile})
        (target,) = server.targets
    # The whole id, percent-encoded, as the last segment: no other path, no query, no fragment.
    assert target == contract.TTS_DETAIL.path.replace("{_id}", quote(hostile, safe=""))


@pytest.mark.parametrize("dots", ["..", ".", ""])
def test_a_dot_segment_is_never_sent_as_an_id(dots: str) -> None:
    credential = Credential("api_key", "test", api_key="k" * 32)
    with AkoolClient("http://127.0.0.1:9", credential) as client, pytest.raises(UsageError):
        client.call(contract.TTS_DETAIL, path_params={"_id": dots})
