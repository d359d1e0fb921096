"""A PNG or JPEG result cut short by a host that sends no length and ignores ranges (break17f F3) is
never saved as complete: its own end (PNG's IEND chunk, JPEG's end-of-image marker) is checked as
an MP4's boxes and a WAV's RIFF size are. A whole image sent the same way is saved."""

from __future__ import annotations

import socket
import threading
import zlib
from pathlib import Path

import pytest

from akool_cli.core.clock import FakeClock
from akool_cli.core.errors import AkoolError
from akool_cli.jobs.download import download
from akool_cli.net.retry import RetryPolicy
from akool_cli.net.transport import Transport
from akool_cli.sandbox import images
from tests.conftest import Isolation
from tests.support.hostile import Answerer, raw_server


def _big_png() -> bytes:
    """A PNG whose image data is split over several IDAT chunks (as encoders write them)."""
    small = images.png("cut")
    data = zlib.compress(bytes(range(256)) * 400, 0)
    idat = [images._chunk(b"IDAT", data[i : i + 8192]) for i in range(0, len(data), 8192)]
    end = images._chunk(b"IEND", b"")
    return small[: small.index(b"IDAT") - 4] + b"".join(idat) + end


def _big_jpeg() -> bytes:
    """A JPEG with a long comment and an EXIF-like thumbnail holding its own EOI marker, so a
    file cut after that marker still ends before the image's own."""
    small = images.jpeg("cut")
    thumbnail = images._segment(0xE1, b"Exif\x00\x00" + images.jpeg("thumb"))
    comment = images._segment(0xFE, b"x" * 60000)
    return small[:2] + thumbnail + comment + small[2:]


PNG, JPEG = _big_png(), _big_jpeg()


def cutting(whole: bytes, first: int, content_type: str) -> Answerer:
    """A host that sends no length, closes after `first` bytes, and answers a Range request with
    the same cut 200 (it keeps no ranges)."""

    def answer(connection: socket.socket, stop: threading.Event) -> None:
        connection.recv(65536)
        head = f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nConnection: close\r\n\r\n"
        connection.sendall(head.encode() + whole[:first])

    return answer


def fetched(whole: bytes, first: int, content_type: str, target: Path) -> None:
    answer = cutting(whole, first, content_type)
    with raw_server(answer, read_request=False) as url, Transport() as transport:
        download(transport, url, target, clock=FakeClock(), retry=RetryPolicy(2), media="image")


CASES = {
    "png-mid-idat": (PNG, len(PNG) // 2, "image/png"),
    "png-before-iend": (PNG, len(PNG) - 12, "image/png"),
    "jpeg-mid-comment": (JPEG, len(JPEG) // 2, "image/jpeg"),
    "jpeg-mid-scan": (JPEG, len(JPEG) - 3, "image/jpeg"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_cut_image_from_a_host_without_length_or_ranges_is_never_saved(
    case: str, isolated: Isolation
) -> None:
    whole, first, content_type = CASES[case]
    target = isolated.tmp / "result.img"
    with pytest.raises(AkoolError) as failed:
        fetched(whole, first, content_type, target)
    assert "incomplete" in failed.value.message, failed.value.message
    assert not target.exists()


@pytest.mark.parametrize(
    ("whole", "content_type"),
    [
        (PNG, "image/png"),
        (JPEG, "image/jpeg"),
        (images.png("x"), "image/png"),
        (images.jpeg("x"), "image/jpeg"),
        (images.WEBP, "image/webp"),
    ],
    ids=["png", "jpeg", "small-png", "small-jpeg", "webp"],
)
def test_a_whole_image_sent_without_a_length_is_saved(
    whole: bytes, content_type: str, isolated: Isolation
) -> None:
    target = isolated.tmp / "result.img"
    fetched(whole, len(whole), content_type, target)
    assert target.read_bytes() == whole
