"""The sandbox's result files: each job's MP4 served with Range, If-Range and ETag, plus faults."""

from __future__ import annotations

import socket
import time
from email.message import Message
from io import BufferedIOBase
from typing import Protocol

from akool_cli.sandbox.media import VideoFile
from akool_cli.sandbox.state import SandboxState


class Handler(Protocol):
    """What serving a file needs of the request handler (the server's, which imports this)."""

    headers: Message
    command: str
    close_connection: bool
    connection: socket.socket
    wfile: BufferedIOBase

    @property
    def state(self) -> SandboxState: ...

    def _send(
        self,
        status: int,
        body: bytes,
        content_type: str = "application/json",
        headers: dict[str, str] | None = None,
        after_fault: str | None = None,
    ) -> None: ...

    def _roll(self, names: tuple[str, ...]) -> str | None: ...

    def send_response(self, code: int, message: str | None = None) -> None: ...

    def send_header(self, keyword: str, value: str) -> None: ...

    def end_headers(self) -> None: ...


def serve_file(handler: Handler, name: str) -> None:
    """A finished job's MP4 (`<id>.mp4`, or another of its videos, `<id>.<role>.mp4`) with Range
    support, ETag and the file faults, or its subtitles (`<id>.<role>.srt`)."""
    stem, _, suffix = name.rpartition(".")
    job = handler.state.jobs.get(stem.split(".", 1)[0])
    state = handler.state
    if job is None or suffix not in ("mp4", "srt") or state.status(job) != 3 or state.expired(job):
        handler._send(404, b"<Error><Code>NoSuchKey</Code></Error>", "application/xml")
        return
    if suffix == "srt":
        handler._send(200, subtitles(stem).encode(), "application/x-subrip")
        return
    handler.state.count(handler.state.requests, "file")
    fault = handler._roll(("500", "429"))
    if fault == "500":
        handler._send(500, b"internal error", "text/plain")
        return
    if fault == "429":
        handler._send(429, b"slow down", "text/plain", headers={"Retry-After": "1"})
        return
    video = VideoFile(stem, handler.state.config.video_bytes)
    start, end, status = 0, video.size - 1, 200
    wanted = handler.headers.get("Range")
    if_range = handler.headers.get("If-Range")
    if wanted and (if_range is None or if_range == video.etag):
        parsed = _parse_range(wanted, video.size)
        if parsed is None:
            handler._send(
                416, b"", "text/plain", headers={"Content-Range": f"bytes */{video.size}"}
            )
            return
        start, end = parsed
        status = 206
    headers = {"Accept-Ranges": "bytes", "ETag": video.etag}
    if status == 206:
        headers["Content-Range"] = f"bytes {start}-{end}/{video.size}"
    length = end - start + 1
    after = handler._roll(("drop", "truncate"))
    if after == "drop":
        handler.close_connection = True
        handler.connection.close()
        return
    handler.send_response(status)
    handler.send_header("Content-Type", "video/mp4")
    handler.send_header("Content-Length", str(length))
    for key, value in headers.items():
        handler.send_header(key, value)
    handler.end_headers()
    if handler.command == "HEAD":
        return
    limit = length // 2 if after == "truncate" else length
    try:
        _send_paced(handler, video, start, limit, handler.state.config.file_bytes_per_second)
    except (BrokenPipeError, ConnectionResetError):
        handler.close_connection = True
        return
    if after == "truncate":
        handler.close_connection = True
        handler.connection.close()


def _send_paced(
    handler: Handler, video: VideoFile, offset: int, count: int, rate: float | None
) -> None:
    """Bytes [offset, offset+count) of the video; with a rate, each block leaves when a link of
    that speed would have carried everything before it (a schedule, not a sleep per block, so
    the time each sleep overshoots is made up and the rate holds at 1 Gbit/s)."""
    # Blocks of 5 ms at the rate: smooth at the scale a client sees, few wake-ups.
    block = int(min(1 << 20, max(16 * 1024, rate / 200))) if rate else 1 << 20
    started, sent = time.monotonic(), 0
    while sent < count:
        for piece in video.slices(offset + sent, min(block, count - sent)):
            handler.wfile.write(piece)
            sent += len(piece)
        if rate:
            due = started + sent / rate - time.monotonic()
            if due > 0:
                time.sleep(due)


def subtitles(name: str) -> str:
    """A small SRT file naming the job and role it belongs to."""
    return f"1\n00:00:00,000 --> 00:00:02,000\nakool sandbox: {name}\n"


def _parse_range(value: str, size: int) -> tuple[int, int] | None:
    unit, _, spec = value.partition("=")
    if unit.strip() != "bytes" or "," in spec:
        return None
    first, _, last = spec.strip().partition("-")
    try:
        if first == "":
            length = int(last)
            start, end = max(0, size - length), size - 1
        else:
            start = int(first)
            end = int(last) if last else size - 1
    except ValueError:
        return None
    if start >= size or end < start:
        return None
    return start, min(end, size - 1)
