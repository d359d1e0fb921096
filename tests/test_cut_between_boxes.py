"""A body that ends when its connection closes (no Content-Length, no chunks) cut exactly between two
top-level boxes adds up as an MP4 all the same (break17d L1): a trailing `free` box lost after
`mdat`, a fragmented MP4 cut between fragments. akool asks the server what follows the last byte it
got; a server that keeps ranges says there is more, and the rest is fetched, never a shorter file
saved as the video. One that says nothing is not refused: a valid file stays a saved file."""

from __future__ import annotations

import re
import socket
import struct
import threading
from pathlib import Path

import pytest

from akool_cli.core.clock import FakeClock
from akool_cli.core.errors import AkoolError
from akool_cli.jobs.download import download
from akool_cli.net.retry import RetryPolicy
from akool_cli.net.transport import Transport
from akool_cli.sandbox.media import VideoFile, sample_mp4
from tests.conftest import Isolation
from tests.support.hostile import Answerer, fake_mp4, raw_server

ETAG = 'ETag: "v17"'


def box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I4s", 8 + len(payload), kind) + payload


TRAILING_FREE = VideoFile("6b13f99d84d0346939179604")  # ftyp moov free mdat, then a free box
WITH_FREE = TRAILING_FREE.read(0, TRAILING_FREE.size)
FRAGMENT = box(b"moof", box(b"mfhd", bytes(8))) + box(b"mdat", bytes(range(256)) * 8)
FRAGMENTED = fake_mp4(b"first fragment") + FRAGMENT + FRAGMENT


def ranged(whole: bytes, first: int, requests: list[str], etag: str = ETAG) -> Answerer:
    """A file host without Content-Length on a plain GET, which sends only the first `first`
    bytes then closes; a Range request is answered as HTTP says (206 with the rest, 416 past
    the end)."""

    def answer(connection: socket.socket, stop: threading.Event) -> None:
        request = connection.recv(65536).decode("latin-1")
        requests.append(request)
        asked = re.search(r"(?im)^range: bytes=(\d+)-\s*$", request)
        if asked is None:
            head = f"HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\n{etag}\r\n"
            connection.sendall(head.encode() + b"Connection: close\r\n\r\n" + whole[:first])
            return
        start = int(asked.group(1))
        if start >= len(whole):
            head = f"HTTP/1.1 416 Range Not Satisfiable\r\nContent-Range: bytes */{len(whole)}\r\n"
            connection.sendall(head.encode() + b"Content-Length: 0\r\n\r\n")
            return
        rest = whole[start:]
        head = (
            f"HTTP/1.1 206 Partial Content\r\nContent-Type: video/mp4\r\n{etag}\r\n"
            f"Content-Range: bytes {start}-{len(whole) - 1}/{len(whole)}\r\n"
            f"Content-Length: {len(rest)}\r\n\r\n"
        )
        connection.sendall(head.encode() + rest)

    return answer


def saved(whole: bytes, first: int, target: Path) -> list[str]:
    requests: list[str] = []
    with (
        raw_server(ranged(whole, first, requests), read_request=False) as url,
        Transport() as transport,
    ):
        download(transport, url, target, clock=FakeClock(), retry=RetryPolicy(3))
    return requests


@pytest.mark.parametrize(
    ("whole", "cut"),
    [(WITH_FREE, len(sample_mp4())), (FRAGMENTED, len(FRAGMENTED) - len(FRAGMENT))],
    ids=["before-a-trailing-free-box", "between-two-fragments"],
)
def test_a_body_cut_between_two_boxes_is_fetched_whole(
    whole: bytes, cut: int, isolated: Isolation
) -> None:
    target = isolated.tmp / "v.mp4"
    requests = saved(whole, cut, target)
    assert target.read_bytes() == whole  # never the shorter file
    assert f"bytes={cut}-" in requests[1].lower()  # asked what follows, then resumed there


def test_a_whole_body_that_ended_with_its_connection_is_saved(isolated: Isolation) -> None:
    target = isolated.tmp / "v.mp4"
    requests = saved(WITH_FREE, len(WITH_FREE), target)
    assert target.read_bytes() == WITH_FREE and len(requests) == 2  # the file, then a 416


def test_a_cut_body_from_a_server_that_names_no_version_is_never_saved(
    isolated: Isolation,
) -> None:
    """Without an ETag the rest cannot be asked for safely: every try starts over, and no
    hint says it resumes."""
    target, requests = isolated.tmp / "v.mp4", list[str]()
    answer = ranged(WITH_FREE, len(sample_mp4()), requests, etag="X-No-Version: 1")
    with (
        raw_server(answer, read_request=False) as url,
        Transport() as transport,
        pytest.raises(AkoolError) as failed,
    ):
        download(transport, url, target, clock=FakeClock(), retry=RetryPolicy(2))
    # Ended either by the retries (the hint: each try starts over) or, first, by the bound on
    # probes that say more (promises14): never a hint that it resumes, never a saved file.
    message, hint = failed.value.message, failed.value.hint or ""
    assert "has more after it" in message or "times that more follows" in message
    assert "resumes" not in hint and not target.exists()
