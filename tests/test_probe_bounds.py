"""A file host that keeps answering "what follows" cannot make a download grow without end
(break17d N2, issue 17).

The L1 fix asks a body that ended with its connection what follows its last byte (`Range:
bytes=N-`). A hostile (or broken) host answering every such request with a 206 that claims more
(each time a larger total for the same ETag) made akool append without limit: 4.1 GB in 96 s. The
total a 206 announces is held once known: a different total for the same validator means the file
changed (start over once, then fail with exit 5), akool never appends past it, and the rounds are
bounded by the download's retry budget. Each test fails before the fix.
"""

from __future__ import annotations

import re
import socket
import threading
from pathlib import Path

import pytest

from akool_cli.core.clock import FakeClock
from akool_cli.core.errors import UnavailableError
from akool_cli.jobs.download import download
from akool_cli.net.retry import RetryPolicy
from akool_cli.net.transport import Transport
from akool_cli.sandbox.media import sample_mp4
from tests.conftest import Isolation
from tests.support.hostile import Answerer, raw_server
from tests.support.servers import ETAG, cut_mp4_host

MORE = 4096  # bytes of zeros each 206 claims follow (200 MB in the break-it run)
GIVE_UP = 60  # the host answers 404 after this many range requests (before the fix: never ends)


def growing(whole: bytes, requests: list[str], *, trickle: bool) -> Answerer:
    """A host that sends `whole` close-delimited with an ETag, then answers every `Range:
    bytes=OFF-` with a 206 claiming MORE bytes follow and sending fewer (as the break-it host,
    which sent whole 64 KiB blocks only): claiming OFF + MORE as the file's total each time (a
    total that grows), or (`trickle`) one steady total, a single byte of it a round."""

    whole_file = cut_mp4_host(whole, requests)  # the plain GET: all of it, then close

    def answer(connection: socket.socket, stop: threading.Event) -> None:
        request = connection.recv(65536, socket.MSG_PEEK).decode("latin-1")
        asked = re.search(r"(?im)^range: bytes=(\d+)-\s*$", request)
        if asked is None:
            whole_file(connection, stop)
            return
        connection.recv(65536)
        requests.append(request)
        if len(requests) > GIVE_UP:
            connection.sendall(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")
            return
        start = int(asked.group(1))
        total = len(whole) + MORE if trickle else start + MORE
        head = (
            f"HTTP/1.1 206 Partial Content\r\nContent-Type: video/mp4\r\nETag: {ETAG}\r\n"
            f"Content-Range: bytes {start}-{total - 1}/{total}\r\n"
            f"Content-Length: {total - start}\r\n\r\n"
        )
        connection.sendall(head.encode() + bytes(1 if trickle else MORE // 2))

    return answer


def fetching(target: Path, *, trickle: bool) -> tuple[list[str], BaseException]:
    requests: list[str] = []
    answer = growing(sample_mp4(), requests, trickle=trickle)
    with (
        raw_server(answer, read_request=False) as url,
        Transport() as transport,
        pytest.raises(Exception) as caught,
    ):
        download(transport, url, target, clock=FakeClock(), retry=RetryPolicy(3))
    return requests, caught.value


def leftovers(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name != "keyring"]


@pytest.mark.parametrize("trickle", [False, True], ids=["a-growing-total", "a-byte-a-round"])
def test_a_host_that_always_has_more_ends_in_a_bounded_error(
    trickle: bool, isolated: Isolation
) -> None:
    folder = isolated.tmp / "out"
    folder.mkdir()
    requests, error = fetching(folder / "v.mp4", trickle=trickle)
    assert isinstance(error, UnavailableError), error  # exit 5, not a 404's "expired"
    assert error.exit_code == 5 and "v.mp4" in str(error), error
    # A few rounds (within the retry budget's bounds), never the host's GIVE_UP.
    assert len(requests) <= 3 * 4 + 3 + 2, len(requests)
    # Nothing saved as the video; the bytes a contradicting host sent are not kept to resume.
    assert not (folder / "v.mp4").exists()
    assert sum(p.stat().st_size for p in leftovers(folder)) <= len(sample_mp4()) + MORE
