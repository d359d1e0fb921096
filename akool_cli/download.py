"""Downloads a finished video safely: to a hidden part file, resumed with Range, size-checked,
hashed and only then moved into place; an existing file is never replaced without --force.

Video data is not fsync'd (like curl and wget): a killed akool never leaves a partial file at the
target, and a re-download is always possible for 7 days. What must survive a power cut, the job
journal, is fsync'd on every commit.
"""

from __future__ import annotations

import errno
import hashlib
import json
import logging
import os
import queue
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from akool_cli import contract
from akool_cli.clock import Clock, current
from akool_cli.errors import AkoolError, RejectedError, UnavailableError, UsageError
from akool_cli.retry import RETRYABLE_STATUSES, RetryPolicy, parse_retry_after
from akool_cli.transport import Transport, TransportError

log = logging.getLogger("akool.download")

DOWNLOAD_DEADLINE = 3600.0
SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")

ProgressCallback = Callable[[int, int | None], None]


@dataclass(frozen=True)
class DownloadResult:
    path: Path
    size: int
    sha256: str
    resumed_from: int = 0


def safe_file_name(stem: str, suffix: str = ".mp4") -> str:
    """A file name from an id or URL part that cannot climb out of its directory."""
    name = SAFE_NAME.sub("_", stem).strip("._") or "video"
    return name[:120] + suffix


def resolve_target(output: str, job_id: str, *, many: bool) -> Path:
    """Where a job's video goes: into a directory as <job_id>.mp4, or at the exact path given."""
    path = Path(output).expanduser()
    if many or output.endswith(("/", os.sep)) or path.is_dir():
        return path / safe_file_name(job_id)
    return path


def check_target(target: Path, *, force: bool) -> None:
    """Refuse a target that cannot receive a file, before any billable work starts."""
    parent = target.parent
    if target.is_dir():
        raise UsageError(
            f"the output path {target} is a directory",
            hint=f"give a file name (e.g. {target / 'video.mp4'}) or end the path with /",
        )
    if target.exists() and not force:
        raise UsageError(
            f"{target} already exists",
            hint="choose another path, or add --force to replace it",
        )
    if not parent.exists():
        raise UsageError(
            f"the output directory {parent} does not exist",
            hint=f"create it first: mkdir -p {parent}",
        )
    if not parent.is_dir():
        raise UsageError(f"{parent} is not a directory", hint="choose another output path")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise UsageError(
            f"the output directory {parent} is not writable",
            hint="choose a directory you can write to, e.g. -o ./videos/",
        )


def part_path(target: Path) -> Path:
    return target.with_name(f".{target.name}.part")


def _meta_path(target: Path) -> Path:
    return target.with_name(f".{target.name}.part.json")


def check_result_url(url: str) -> None:
    if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).hostname:
        raise UnavailableError(
            f"AKOOL gave a video URL that is not http(s): {url[:80]!r}",
            hint="refresh the job's status and try again: akool status JOB_ID",
        )


def download(
    transport: Transport,
    url: str,
    target: Path,
    *,
    force: bool = False,
    on_progress: ProgressCallback | None = None,
    clock: Clock | None = None,
    retry: RetryPolicy | None = None,
) -> DownloadResult:
    """Fetch url into target, resuming a part file left by an earlier, interrupted run."""
    check_result_url(url)
    clock = clock or current()
    retry = retry or RetryPolicy()
    part, meta = part_path(target), _meta_path(target)
    started = time.perf_counter()
    attempt = 0
    while True:
        attempt += 1
        had = part.stat().st_size if part.exists() else 0
        try:
            result = _fetch_once(transport, url, part, meta, on_progress)
            break
        except _Retryable as exc:
            if part.exists() and part.stat().st_size > had:
                attempt = 0  # a cut that still brought bytes is progress, not a failed try
            if attempt >= retry.attempts:
                raise UnavailableError(
                    f"the download of {target.name} kept failing: {exc}",
                    hint="run the same command again; it resumes where it stopped",
                ) from None
            delay = retry.delay(attempt, exc.retry_after)
            log.debug("download retry %d in %.2f s after %s", attempt, delay, exc)
            clock.sleep(delay)
    _move_into_place(part, target, force=force)
    meta.unlink(missing_ok=True)
    size, digest, resumed = result
    elapsed = time.perf_counter() - started
    # The benchmark reads this line to measure the download itself, start-up excluded.
    log.debug("downloaded %d bytes in %.3f s to %s", size - resumed, elapsed, target.name)
    return DownloadResult(path=target, size=size, sha256=digest, resumed_from=resumed)


class _Retryable(Exception):
    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


def _fetch_once(
    transport: Transport,
    url: str,
    part: Path,
    meta: Path,
    on_progress: ProgressCallback | None,
) -> tuple[int, str, int]:
    have = part.stat().st_size if part.exists() else 0
    validator = _read_validator(meta) if have else None
    headers: dict[str, str] = {"Accept-Encoding": "identity"}
    if have and validator:
        headers["Range"] = f"bytes={have}-"
        headers["If-Range"] = validator
    try:
        with transport.stream(url, headers=headers, deadline=DOWNLOAD_DEADLINE) as response:
            status = response.status
            if status in (403, 404, 410):
                raise RejectedError(
                    f"the video URL answered HTTP {status}: it has probably expired "
                    f"(AKOOL keeps results for {contract.RESULT_RETENTION_DAYS} days)",
                    hint="get a fresh URL with: akool status JOB_ID, then download again",
                )
            if status == 416:
                _discard(part, meta)
                raise _Retryable("the server refused the resume range; starting over")
            if status in RETRYABLE_STATUSES:
                raise _Retryable(
                    f"HTTP {status}",
                    parse_retry_after(response.headers.get("retry-after"), 0.0),
                )
            if status not in (200, 206):
                raise UnavailableError(f"the video URL answered HTTP {status}")

            start = 0
            total: int | None = None
            if status == 206:
                start, total = _content_range(response.headers.get("content-range", ""))
                if start != have:
                    _discard(part, meta)
                    raise _Retryable("the server resumed at the wrong offset; starting over")
            else:
                length = response.headers.get("content-length")
                total = int(length) if length and length.isdigit() else None
                # A 200 to a Range request means "whole file": restart cleanly.
                _discard(part, meta)
                _write_validator(meta, response.headers)

            digest = hashlib.sha256()
            if start:
                _hash_existing(part, digest)
            received = start
            try:
                with _PartWriter(part, append=bool(start), digest=digest) as sink:
                    for chunk in response.iter_bytes():
                        sink.write(chunk)
                        received += len(chunk)
                        if on_progress is not None:
                            on_progress(received, total)
            except OSError as exc:
                if exc.errno in (errno.ENOSPC, errno.EDQUOT):
                    _discard(part, meta)
                    raise AkoolError(
                        f"the disk is full while writing {part.parent}",
                        hint="free some space (or choose another -o directory) and run again",
                    ) from None
                raise
            if total is not None and received != total:
                raise _Retryable(f"received {received} of {total} bytes")
            return received, digest.hexdigest(), start
    except TransportError as exc:
        raise _Retryable(str(exc)) from None


class _PartWriter:
    """Writes and hashes a download in a worker thread, so that disk writes and SHA-256 (both
    release the GIL) overlap with reading the network; the queue bounds the memory used."""

    QUEUE_CHUNKS = 4

    def __init__(self, path: Path, *, append: bool, digest: Any) -> None:
        self._file = open(path, "ab" if append else "wb")  # noqa: SIM115 - closed in close()
        self._digest = digest
        self._queue: queue.Queue[bytes | None] = queue.Queue(maxsize=self.QUEUE_CHUNKS)
        self._error: OSError | None = None
        self._thread = threading.Thread(target=self._work, name="akool-writer", daemon=True)
        self._thread.start()

    def write(self, chunk: bytes) -> None:
        if self._error is not None:
            raise self._error
        self._queue.put(chunk)

    def _work(self) -> None:
        while (chunk := self._queue.get()) is not None:
            if self._error is not None:
                continue  # drain, so the reader never blocks on a full queue
            try:
                self._file.write(chunk)
                self._digest.update(chunk)
            except OSError as exc:
                self._error = exc

    def close(self) -> None:
        self._queue.put(None)
        self._thread.join()
        try:
            self._file.close()
        except OSError as exc:
            self._error = self._error or exc
        if self._error is not None:
            raise self._error

    def __enter__(self) -> _PartWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        # Whatever happened on the network, every byte received reaches the part file, so the
        # next try can resume from it.
        self.close()


def _content_range(value: str) -> tuple[int, int | None]:
    match = re.fullmatch(r"bytes (\d+)-(\d+)/(\d+|\*)", value.strip())
    if not match:
        return -1, None
    total = match.group(3)
    return int(match.group(1)), (int(total) if total != "*" else None)


def _hash_existing(part: Path, digest: Any) -> None:
    with open(part, "rb") as existing:
        while block := existing.read(1024 * 1024):
            digest.update(block)


def _read_validator(meta: Path) -> str | None:
    try:
        value = json.loads(meta.read_text(encoding="utf-8")).get("validator")
    except (OSError, ValueError, AttributeError):
        return None
    return value if isinstance(value, str) and value else None


def _write_validator(meta: Path, headers: dict[str, str]) -> None:
    validator = headers.get("etag") or headers.get("last-modified")
    if validator and not validator.startswith("W/"):
        meta.write_text(json.dumps({"validator": validator}), encoding="utf-8")


def _discard(part: Path, meta: Path) -> None:
    part.unlink(missing_ok=True)
    meta.unlink(missing_ok=True)


def _move_into_place(part: Path, target: Path, *, force: bool) -> None:
    if force:
        os.replace(part, target)
    else:
        try:
            # link() fails if the target appeared meanwhile: never clobber someone's file.
            os.link(part, target)
        except FileExistsError:
            raise UsageError(
                f"{target} appeared while downloading; the video is kept at {part}",
                hint="move it yourself, or run again with --force",
            ) from None
        except OSError:
            if target.exists():
                raise UsageError(f"{target} already exists", hint="add --force") from None
            os.replace(part, target)
        else:
            part.unlink()
