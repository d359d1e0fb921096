"""Downloads through the one HTTP client (httpx2, in akool_cli.net.transport) into the part file:
verified bytes, resumes, proxies and NO_PROXY honoured, TLS with certifi or SSL_CERT_FILE,
redirects, chunked and odd framing, and a server that trickles past the deadline."""

from __future__ import annotations

import hashlib
import json
import os
import re
import resource
import socket
import ssl
import subprocess
import threading
from collections.abc import Iterator
from contextlib import suppress
from pathlib import Path
from typing import Any

import pytest

from akool_cli.core.clock import FakeClock
from akool_cli.core.errors import AkoolError
from akool_cli.jobs import download as download_module
from akool_cli.jobs.download import download, part_path
from akool_cli.jobs.partfile import PartLock, PartWriter, meta_path
from akool_cli.net.transport import Transport
from akool_cli.sandbox import Sandbox, SandboxConfig
from akool_cli.sandbox.media import VideoFile
from tests.conftest import Isolation
from tests.support.hostile import answering, fake_mp4, raw_server, self_signed, trickling
from tests.support.runner import AKOOL, process_env
from tests.support.sandboxes import running
from tests.support.servers import Answer, scripted_server
from tests.support.waiting import wait_for

MP4 = fake_mp4(bytes(range(256)) * 4000)
SIZE = 3_000_000


@pytest.fixture
def sandbox_files(isolated: Isolation) -> Iterator[Sandbox]:
    with running(SandboxConfig(processing_seconds=0, video_bytes=SIZE), isolated.clock) as server:
        yield server


def finished_job(sandbox: Sandbox) -> str:
    request = {"talking_photo_url": "https://e.com/p.jpg", "audio_url": "https://e.com/s.mp3"}
    return sandbox.state.create_job(request).id


def save(url: str, target: Path, **options: object) -> tuple[int, str]:
    with Transport() as transport:
        result = download(transport, url, target, clock=FakeClock(), **options)  # type: ignore[arg-type]
    return result.size, result.sha256


def test_a_download_saves_the_verified_file_and_resumes_it(
    sandbox_files: Sandbox, isolated: Isolation
) -> None:
    job = finished_job(sandbox_files)
    url = f"{sandbox_files.base_url}/_sandbox/files/{job}.mp4"
    video = VideoFile(job, SIZE)
    target = isolated.tmp / "v.mp4"
    assert save(url, target) == (video.size, video.sha256())
    assert hashlib.sha256(target.read_bytes()).hexdigest() == video.sha256()
    # A part file left by a cut download (with its validator) is resumed with a Range request.
    again = isolated.tmp / "again.mp4"
    part_path(again).write_bytes(video.read(0, 1_234_567))
    meta_path(again).write_text(json.dumps({"validator": video.etag}))
    with Transport() as transport:
        result = download(transport, url, again, clock=FakeClock())
    assert (result.resumed_from, result.sha256) == (1_234_567, video.sha256())
    assert again.read_bytes() == video.read(0, video.size)


def test_no_proxy_exempts_a_host_from_the_proxy(
    isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """CI runners set a proxy and exempt their own hosts: those are fetched directly."""
    with scripted_server() as server:
        server.route("/v.mp4", Answer(200, MP4, "video/mp4"))
        monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")  # nothing listens there
        monkeypatch.setenv("NO_PROXY", "127.0.0.1,.internal.example")
        assert save(server.url + "/v.mp4", isolated.tmp / "v.mp4")[0] == len(MP4)
        assert server.hits == {"/v.mp4": 1}


def test_a_proxy_from_the_environment_carries_the_download(
    isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    with scripted_server() as proxy:
        # A plain-HTTP proxy is asked for the whole URL; the host behind it does not exist.
        proxy.route("http://video.invalid/v.mp4", Answer(200, MP4, "video/mp4"))
        monkeypatch.setenv("HTTP_PROXY", proxy.url)
        monkeypatch.delenv("NO_PROXY")  # the tests' default: no proxy for anything
        assert save("http://video.invalid/v.mp4", isolated.tmp / "v.mp4")[0] == len(MP4)
        assert proxy.hits == {"http://video.invalid/v.mp4": 1}


def test_redirects_are_followed_and_a_loop_is_a_clean_error(isolated: Isolation) -> None:
    with scripted_server() as server:
        server.route("/v.mp4", Answer(200, MP4, "video/mp4"))
        server.route("/old", Answer(302, b"", "text/plain", {"Location": "/v.mp4"}))
        server.route("/loop", Answer(307, b"", "text/plain", {"Location": "/loop"}))
        assert save(server.url + "/old", isolated.tmp / "a.mp4")[0] == len(MP4)
        with pytest.raises(AkoolError) as failed:
            save(server.url + "/loop", isolated.tmp / "b.mp4")
    assert "too many redirects" in failed.value.message
    assert not (isolated.tmp / "b.mp4").exists()


def test_a_redirect_to_a_proxied_url_goes_through_the_proxy(
    isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    with scripted_server() as server, scripted_server() as proxy:
        proxy.route("http://cdn.invalid/v.mp4", Answer(200, MP4, "video/mp4"))
        server.route(
            "/old", Answer(302, b"", "text/plain", {"Location": "http://cdn.invalid/v.mp4"})
        )
        monkeypatch.setenv("HTTP_PROXY", proxy.url)
        monkeypatch.setenv("NO_PROXY", "127.0.0.1")  # the first hop is direct, the second not
        assert save(server.url + "/old", isolated.tmp / "v.mp4")[0] == len(MP4)
        assert proxy.hits == {"http://cdn.invalid/v.mp4": 1}


def test_a_chunked_body_is_saved_whole(isolated: Isolation) -> None:
    def chunked(connection: socket.socket, stop: threading.Event) -> None:
        head = b"HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nTransfer-Encoding: chunked\r\n\r\n"
        pieces = [MP4[i : i + 70_001] for i in range(0, len(MP4), 70_001)]
        body = b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in pieces) + b"0\r\n\r\n"
        connection.sendall(head + body)

    with raw_server(chunked) as url:
        size, digest = save(url, isolated.tmp / "v.mp4")
    assert (size, digest) == (len(MP4), hashlib.sha256(MP4).hexdigest())


def test_a_server_trickling_past_the_deadline_is_cut_off_and_resumable(
    isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    head = b'HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nETag: "v1"\r\n'
    head += b"Content-Length: %d\r\n\r\n" % len(MP4)
    monkeypatch.setattr(download_module, "DOWNLOAD_DEADLINE", 0.3)
    target = isolated.tmp / "v.mp4"
    with (
        raw_server(trickling(head + MP4[:1000], b"\0")) as url,
        pytest.raises(AkoolError) as failed,
    ):
        save(url, target)
    assert "no complete answer within 0.3 s" in failed.value.message
    # What arrived before the cut is kept for the next run to resume from.
    assert part_path(target).read_bytes()[:1000] == MP4[:1000]


def test_https_uses_certifi_or_ssl_cert_file(
    isolated: Isolation, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    certificate, key = self_signed(tmp_path)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(certificate, key)
    with scripted_server() as server:
        server.route("/v.mp4", Answer(200, MP4, "video/mp4"))
        server.httpd.socket = context.wrap_socket(server.httpd.socket, server_side=True)
        url = server.url.replace("http://", "https://") + "/v.mp4"
        with pytest.raises(AkoolError) as untrusted:
            save(url, isolated.tmp / "a.mp4")
        assert "certificate" in untrusted.value.message.lower()
        monkeypatch.setenv("SSL_CERT_FILE", str(certificate))
        assert save(url, isolated.tmp / "b.mp4") == (len(MP4), hashlib.sha256(MP4).hexdigest())


def test_the_writer_keeps_what_arrived_before_a_failure(tmp_path: Path) -> None:
    """Bytes received before the network broke reach the file, in order, all hashed."""
    target = tmp_path / "part"
    digest = hashlib.sha256()

    def pieces() -> Iterator[bytes]:
        yield b"a" * 100_000
        yield b"b" * 50_000
        raise ConnectionResetError("cut")

    with pytest.raises(ConnectionResetError), PartWriter(open(target, "wb"), digest) as writer:
        for piece in pieces():
            writer.put(piece)
    assert target.read_bytes() == b"a" * 100_000 + b"b" * 50_000
    assert digest.hexdigest() == hashlib.sha256(target.read_bytes()).hexdigest()


def test_a_fresh_download_never_truncates_its_part_file(
    sandbox_files: Sandbox, isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On ext4, truncating a file (even an empty one) to zero makes its close start writing all
    of it to disk: a third of a 256 MB download's time. Only a part file with bytes in it that
    cannot be resumed is emptied."""
    truncated: list[int] = []
    modes: list[str] = []
    real_truncate, real_open = os.ftruncate, open

    def recording_truncate(fd: int, size: int) -> None:
        truncated.append(size)
        real_truncate(fd, size)

    def recording_open(path: Path, mode: str, **options: Any) -> Any:
        modes.append(mode)
        return real_open(path, mode, **options)

    monkeypatch.setattr(os, "ftruncate", recording_truncate)
    monkeypatch.setattr(download_module, "open", recording_open, raising=False)
    job = finished_job(sandbox_files)
    url = f"{sandbox_files.base_url}/_sandbox/files/{job}.mp4"
    save(url, isolated.tmp / "v.mp4")
    assert truncated == [] and modes == ["ab"]  # O_TRUNC would truncate too
    stale = isolated.tmp / "stale.mp4"
    part_path(stale).write_bytes(b"not resumable: no validator")
    assert save(url, stale)[1] == VideoFile(job, SIZE).sha256()
    assert truncated == [0]


HOSTILE_FRAMING = {
    # A negative chunk size once made http.client hand back more than it was asked for.
    "negative-chunk": answering(
        b"HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nTransfer-Encoding: chunked\r\n\r\n",
        b"%x\r\n%s\r\n-1\r\n" % (len(MP4[:5000]), MP4[:5000]) + MP4,
    ),
    "redirect-to-a-malformed-url": answering(
        b"HTTP/1.1 302 Found\r\nLocation: http://[::1/v.mp4\r\nContent-Length: 0\r\n\r\n"
    ),
    "content-length-not-ascii-digits": answering(
        "HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nContent-Length: ²\r\n\r\n".encode(), MP4
    ),
}


@pytest.mark.parametrize("case", list(HOSTILE_FRAMING))
def test_broken_framing_is_a_clean_error(isolated: Isolation, case: str) -> None:
    with raw_server(HOSTILE_FRAMING[case]) as url, pytest.raises(AkoolError) as failed:
        save(url, isolated.tmp / "v.mp4")
    assert failed.value.exit_code in (5, 6)  # not 1: nothing unexpected
    assert not (isolated.tmp / "v.mp4").exists()


FRAMINGS_HTTPX_READS = {
    # Early hints before the answer, and a Transfer-Encoding with a trailing space: read as a
    # browser reads them.
    "early-hints": answering(
        b"HTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n"
        b"HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nContent-Length: %d\r\n\r\n" % len(MP4),
        MP4,
    ),
    "chunked-with-a-trailing-space": answering(
        b"HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nTransfer-Encoding: chunked \r\n\r\n",
        b"%x\r\n%s\r\n0\r\n\r\n" % (len(MP4), MP4),
    ),
    # With both, the chunks say where the body ends (RFC 9112), not Content-Length.
    "chunked-and-a-length": answering(
        b"HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nTransfer-Encoding: chunked\r\n"
        b"Content-Length: 99\r\n\r\n",
        b"%x\r\n%s\r\n0\r\n\r\n" % (len(MP4), MP4),
    ),
}


@pytest.mark.parametrize("case", list(FRAMINGS_HTTPX_READS))
def test_unusual_but_valid_framing_is_read(isolated: Isolation, case: str) -> None:
    with raw_server(FRAMINGS_HTTPX_READS[case]) as url:
        assert save(url, isolated.tmp / "v.mp4") == (len(MP4), hashlib.sha256(MP4).hexdigest())


def test_urls_with_spaces_or_non_ascii_are_sent_percent_encoded(isolated: Isolation) -> None:
    with scripted_server() as server:
        server.route("/my%20video.mp4", Answer(200, MP4, "video/mp4"))
        server.route("/vid%C3%A9o.mp4", Answer(200, MP4, "video/mp4"))
        server.route("/old", Answer(302, b"", "text/plain", {"Location": "/my%20video.mp4"}))
        assert save(server.url + "/my video.mp4", isolated.tmp / "a.mp4")[0] == len(MP4)
        assert save(server.url + "/vidéo.mp4", isolated.tmp / "b.mp4")[0] == len(MP4)
        assert save(server.url + "/old", isolated.tmp / "c.mp4")[0] == len(MP4)


def test_bytes_received_before_a_stall_are_on_disk_at_once(isolated: Isolation) -> None:
    """A server that stops sending mid-body: what arrived is in the part file while akool
    still waits (a SIGKILL then loses nothing), not held until a buffer fills."""
    release = threading.Event()
    head = b"HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nContent-Length: %d\r\n\r\n" % len(MP4)

    def stall(connection: socket.socket, stop: threading.Event) -> None:
        connection.sendall(head + MP4[:900_000])
        release.wait(30)

    target = isolated.tmp / "v.mp4"
    with raw_server(stall) as url:
        saving = threading.Thread(target=lambda: suppress_errors(url, target), daemon=True)
        saving.start()
        try:
            wait_for(lambda: part_size(target) == 900_000, seconds=10)
        finally:
            release.set()
            saving.join()


def suppress_errors(url: str, target: Path) -> None:
    with suppress(AkoolError):
        save(url, target)


def part_size(target: Path) -> int:
    try:
        return part_path(target).stat().st_size
    except FileNotFoundError:
        return -1


def test_a_file_size_limit_is_named_not_a_crash(
    sandbox_files: Sandbox, isolated: Isolation
) -> None:
    """ulimit -f below the video's size: one line naming the limit, no traceback."""
    env = process_env(isolated.home, sandbox_files.base_url)
    job = subprocess.run(
        [AKOOL, "talk", "https://e.com/p.jpg", "https://e.com/s.mp3"],
        env=env,
        capture_output=True,
        text=True,
    ).stdout.strip()

    def limit_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (2**20, 2**20))

    done = subprocess.run(
        [AKOOL, "watch", job, "-o", f"{isolated.tmp}/videos/"],
        env=env,
        capture_output=True,
        text=True,
        preexec_fn=limit_files,
    )
    assert done.returncode == 1, done.stderr
    assert "ulimit -f" in done.stderr and "Traceback" not in done.stderr
    assert done.stderr.count("Error:") == 1
    assert list((isolated.tmp / "videos").iterdir()) == []  # no part file left to resume


def test_a_resume_answer_longer_than_the_file_cannot_loop_forever(isolated: Isolation) -> None:
    """A 206 whose body runs past the size its Content-Range gives once counted as progress on
    every try; now its bytes are dropped and the tries run out."""
    hits = {"whole": 0, "range": 0}
    size = len(MP4)

    def answer(connection: socket.socket, stop: threading.Event) -> None:
        request = connection.recv(65536)
        wanted = re.search(rb"Range: bytes=(\d+)-", request)
        if wanted:  # resumes where asked, and sends 5,000 bytes too many
            hits["range"] += 1
            start = int(wanted.group(1))
            body = MP4[start:] + bytes(5000)
            head = b"HTTP/1.1 206 Partial Content\r\nContent-Type: video/mp4\r\n"
            head += b"Content-Range: bytes %d-%d/%d\r\n" % (start, size - 1, size)
            connection.sendall(head + b"Content-Length: %d\r\n\r\n" % len(body) + body)
        else:  # the whole file, cut half-way: a resumable part file
            hits["whole"] += 1
            head = b'HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nETag: "v1"\r\n'
            connection.sendall(head + b"Content-Length: %d\r\n\r\n" % size + MP4[: size // 2])

    with raw_server(answer, read_request=False) as url, pytest.raises(AkoolError) as failed:
        save(url, isolated.tmp / "v.mp4")
    assert "kept failing" in failed.value.message
    assert hits["range"] <= 5 and hits["whole"] <= 5


def test_a_connection_that_ends_early_is_never_a_saved_video(isolated: Isolation) -> None:
    """Half the body, then the connection closes: with Content-Length sent twice (read as
    "N, N") the size was unknown and the half file was saved as the video."""
    head = b"HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\n"
    head += b"Content-Length: %d\r\nContent-Length: %d\r\n\r\n" % (len(MP4), len(MP4))
    half = answering(head, MP4[: len(MP4) // 2])
    with raw_server(half) as url, pytest.raises(AkoolError) as failed:
        save(url, isolated.tmp / "v.mp4")
    assert "closed" in failed.value.message and not (isolated.tmp / "v.mp4").exists()


def test_a_file_announced_over_the_ceiling_is_refused_before_a_byte_is_saved(
    isolated: Isolation,
) -> None:
    huge = download_module.MAX_VIDEO_BYTES + 1
    head = b"HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nContent-Length: %d\r\n\r\n" % huge
    with raw_server(answering(head, MP4)) as url, pytest.raises(AkoolError) as failed:
        save(url, isolated.tmp / "v.mp4")
    assert failed.value.exit_code == 6 and "announces" in failed.value.message
    assert list(isolated.tmp.glob("*v.mp4*")) == []


def test_a_validator_that_cannot_be_sent_back_is_not_kept(tmp_path: Path) -> None:
    """A non-ASCII ETag in If-Range crashed every resume through httpx: it is not stored, so
    a cut download starts over instead."""
    with PartLock(tmp_path / "v.mp4") as part:
        part.write_validator('"caf\u00e9"')
        assert part.read_validator() is None
        part.write_validator('"v1"')
        assert part.read_validator() == '"v1"'
        meta_path(tmp_path / "v.mp4").write_text(json.dumps({"validator": "\u00e9t\u00e9"}))
        assert part.read_validator() is None


def test_a_body_of_unannounced_size_is_cut_off_at_the_ceiling(
    isolated: Isolation, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(download_module, "MAX_VIDEO_BYTES", 100_000)
    head = b"HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nTransfer-Encoding: chunked\r\n\r\n"
    endless = b"".join(b"%x\r\n%s\r\n" % (len(MP4), MP4) for _ in range(20))  # no last chunk
    with raw_server(answering(head, endless)) as url, pytest.raises(AkoolError) as failed:
        save(url, isolated.tmp / "v.mp4")
    assert failed.value.exit_code == 6 and "more than" in failed.value.message
    assert list(isolated.tmp.glob("*v.mp4*")) == []
