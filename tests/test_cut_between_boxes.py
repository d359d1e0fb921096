"""A body that ends when its connection closes (no Content-Length, no chunks) cut exactly between two
top-level boxes adds up as an MP4 all the same (break17d L1): a trailing `free` box lost after
`mdat`, a fragmented MP4 cut between fragments. akool asks the server what follows the last byte it
got; a server that keeps ranges says there is more, and the rest is fetched, never a shorter file
saved as the video. One that says nothing is not refused: a valid file stays a saved file."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from akool_cli.core.clock import FakeClock
from akool_cli.core.errors import AkoolError
from akool_cli.jobs.download import download
from akool_cli.net.retry import RetryPolicy
from akool_cli.net.transport import Transport
from akool_cli.sandbox.media import VideoFile, sample_mp4
from tests.conftest import Isolation
from tests.support.hostile import fake_mp4, raw_server
from tests.support.servers import cut_mp4_host


def box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I4s", 8 + len(payload), kind) + payload


TRAILING_FREE = VideoFile("6b13f99d84d0346939179604")  # ftyp moov free mdat, then a free box
WITH_FREE = TRAILING_FREE.read(0, TRAILING_FREE.size)
FRAGMENT = box(b"moof", box(b"mfhd", bytes(8))) + box(b"mdat", bytes(range(256)) * 8)
FRAGMENTED = fake_mp4(b"first fragment") + FRAGMENT + FRAGMENT


def saved(whole: bytes, first: int, target: Path) -> list[str]:
    requests: list[str] = []
    with (
        raw_server(cut_mp4_host(whole, requests, sent=first), read_request=False) as url,
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
    answer = cut_mp4_host(WITH_FREE, requests, sent=len(sample_mp4()), etag="X-No-Version: 1")
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
