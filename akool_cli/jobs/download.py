"""Downloads a finished video safely: to a hidden, locked part file, resumed with Range,
size-checked, checked to be an MP4, hashed and only then moved into place; an existing file is
never replaced without --force.

Video data is not fsync'd (like curl and wget): a killed akool never leaves a partial file at the
target, and a re-download is always possible for 7 days. What must survive a power cut, the job
journal, is fsync'd on every commit.
"""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import re
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from akool_cli.core import contract, interrupts, mediatypes, redact
from akool_cli.core.clock import Clock, current
from akool_cli.core.errors import (
    AkoolError,
    JobFailedError,
    ResultGoneError,
    TargetExistsError,
    UnavailableError,
)
from akool_cli.core.urls import parts_or_none
from akool_cli.jobs.partfile import (
    PartLock,
    PartWriter,
    check_folder,
    check_target,
    make_directory,
    names_directory,
    open_nofollow,
    part_path,
    refuse_special,
    resolve_target,
    safe_file_name,
)
from akool_cli.net.retry import RETRYABLE_STATUSES, RetryPolicy, parse_retry_after
from akool_cli.net.transport import StreamResponse, Transport, TransportError, content_length

log = logging.getLogger("akool.download")

DOWNLOAD_DEADLINE = 3600.0
RESUMES = "run the same command again; it resumes where it stopped"
# A part file is resumed only with the version (ETag or Last-Modified) its bytes came from.
STARTS_OVER = (
    "run the same command again; the server names no version of the file (ETag or "
    "Last-Modified) to resume by, so the download starts over"
)
# A server that named one, whose bytes were not kept (a resume at the wrong offset, another
# size): starting over is all the hint can say (break17e: it said "names no version").
STARTS_OVER_NAMED = (
    "run the same command again; the download starts over (what the server sent could not "
    "be resumed)"
)
PROBE_DEADLINE = 30.0  # asking what follows a body that ended when its connection closed
Media = mediatypes.ResultKind
# A ceiling on any one download: a server that never ends its body must not fill the disk.
MAX_VIDEO_BYTES = 8 * 2**30
# Bounds on a download's rounds (break17d N2): a cut that brought new bytes is not counted as a
# failed try at most CUTS_PER_TRY times the retry budget; the size a server committed to may
# change (the file was replaced under the same validator) once: the download starts over. So
# may a range be answered without the file's size (`bytes a-b/*`, break17e P2): once.
CUTS_PER_TRY = 4
FILE_CHANGES = 1
UNSIZED = "the server answered a range request without the file's size (Content-Range: bytes a-b/*)"
# An MP4 starts with its ftyp box (4 bytes of size, then b"ftyp"); 12 bytes also tell the audio
# formats apart (RIFF....WAVE).
MP4_HEAD = 12
PROBE_BYTES = 64 * 1024  # enough of a video's start (ftyp, moov or frames) to tell two apart
MEDIA_NAMES: dict[Media, str] = {
    "video": "a video",
    "audio": "audio",
    "image": "an image",
    "text": "text",
}
# A download's hints name the job whose result it is (download's `job_id`: break17j J4), or, for
# a URL fetched without one, say which id to give.
PERMANENT_HINT = "get a fresh URL with: {status}; if it fails again, the file host is at fault"
NOT_A_VIDEO_HINT = "open the URL in a browser to see what it serves; refresh it with: {status}"
GONE_HINT = "get a fresh URL with: {status}, then download again"
BAD_URL_HINT = "refresh the job's status and try again: {status}"


def job_hint(hint: str, job_id: str | None) -> str:
    """One of the hints above, with the command that refreshes the job's status."""
    return hint.format(status=f"akool status {job_id or 'JOB_ID'}")


ProgressCallback = Callable[[int, int | None], None]

# Where a video goes is checked in partfile.py; callers find it all here.
__all__ = [
    "DownloadCancelled",
    "DownloadResult",
    "check_folder",
    "check_target",
    "download",
    "make_directory",
    "names_directory",
    "part_path",
    "resolve_target",
    "safe_file_name",
]


@dataclass(frozen=True)
class DownloadResult:
    """A video in place. elapsed and received time the transfer itself (start-up excluded), so a
    benchmark can compute akool's download rate as received / elapsed."""

    path: Path
    size: int
    sha256: str
    resumed_from: int = 0
    elapsed: float = 0.0
    by_neighbour: bool = False  # another akool saved this file while this one waited for it
    # The suffix its bytes call for, when the name given (-o me.mp4) says another kind of file.
    misnamed: str | None = None

    @property
    def received(self) -> int:
        """Bytes this call fetched from the network."""
        return 0 if self.by_neighbour else self.size - self.resumed_from


def check_result_url(url: str, media: Media = "video", job_id: str | None = None) -> None:
    """A result URL akool can fetch: http(s), with a host, and no control character (AKOOL's
    answer is at fault: exit 5; a refreshed status may give a good one). Any other scheme
    (file:, ftp:) can never become the file: not a usable result (exit 6). `job_id`: the job
    whose result it is, which the hint names."""
    if any(ord(c) < 32 or ord(c) == 127 for c in url):
        raise UnavailableError(
            f"AKOOL gave {_url(media)} that cannot be used: it holds control characters",
            hint=job_hint(BAD_URL_HINT, job_id),
        )
    if parts_or_none(url).scheme not in ("http", "https") or not parts_or_none(url).hostname:
        raise NotAVideoError(
            f"AKOOL gave {_url(media)} that is not http(s), so not a usable {media}: "
            f"{redact.signed(url[:80])!r}",
            hint=job_hint(BAD_URL_HINT, job_id),
        )


def _url(media: Media) -> str:
    """How a message names a result's URL: 'a video URL', 'an image URL', 'an audio URL'."""
    return f"{'an' if media[0] in 'aeiou' else 'a'} {media} URL"


def download(
    transport: Transport,
    url: str,
    target: Path,
    *,
    force: bool = False,
    on_progress: ProgressCallback | None = None,
    clock: Clock | None = None,
    retry: RetryPolicy | None = None,
    media: Media = "video",
    cancel: threading.Event | None = None,
    job_id: str | None = None,
) -> DownloadResult:
    """Fetch url into target, resuming a part file left by an earlier, interrupted run.

    Another akool saving the same target meanwhile holds the part file's lock: this call waits
    for it, then reports the file it saved instead of fetching it again. `media` says what the
    first bytes must be: an MP4 video, an audio file (a speech job's result) or an image.
    Setting `cancel` (from another thread) ends it soon, even while the server is silent:
    DownloadCancelled, with the part file kept for the next run. `job_id`: the job whose result
    it is, named by the hints of its errors.
    """
    check_result_url(url, media, job_id)
    make_directory(target.parent)
    before = _identity(target)
    with PartLock(target) as part:
        started = time.perf_counter()
        if _saved_meanwhile(target, before, part.waited, force=force):
            saved = _neighbours_file(transport, url, target, started, media)
            if saved is not None:
                return saved
            if not force:
                # Already there when this download began (a caller that did not look first),
                # or put there while it waited for another akool's lock.
                came = "is already there" if before else "appeared while akool was getting ready"
                raise TargetExistsError(
                    f"{target} {came}, and it is another file: it is kept",
                    hint="move it away, or run again with --force to replace it",
                )
        size, digest, resumed = _fetch(
            transport,
            _Want(url, media, on_progress, cancel, job_id),
            part,
            clock or current(),
            retry,
        )
        _move_into_place(part.path, target, force=force)
        part.meta.unlink(missing_ok=True)
    elapsed = time.perf_counter() - started
    log.debug("downloaded %d bytes in %.3f s to %s", size - resumed, elapsed, target.name)
    return DownloadResult(
        path=target, size=size, sha256=digest, resumed_from=resumed, elapsed=elapsed
    )


def _identity(path: Path) -> tuple[int, int, int] | None:
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return None
    return info.st_dev, info.st_ino, info.st_mtime_ns


def _saved_meanwhile(
    target: Path, before: tuple[int, int, int] | None, waited: bool, *, force: bool
) -> bool:
    """The target appeared (or, after a wait for the lock, changed): a neighbour saved it.

    Without --force the caller checked that the target did not exist, so a file there now
    appeared meanwhile; with --force only a file replaced while this one waited counts. Either
    way it counts as this download only if it is the same video (_neighbours_file)."""
    now = _identity(target)
    if now is None:
        return False
    return not force or (waited and now != before)


def _neighbours_file(
    transport: Transport, url: str, target: Path, started: float, media: Media
) -> DownloadResult | None:
    """The file at target as this download's result, if it is the file url serves: this job's
    media (a video, an image, audio) by its first bytes, the same size, and the same first and
    last PROBE_BYTES (two small ranged requests)."""
    fd = open_nofollow(target, os.O_RDONLY)
    with open(fd, "rb") as saved:
        size = os.fstat(fd).st_size
        head = saved.read(PROBE_BYTES)
        tail = os.pread(fd, PROBE_BYTES, max(0, size - PROBE_BYTES))
        if mediatypes.judge_result_head(head[:MP4_HEAD], "", media) is not None:
            return None
        if _served(transport, url, 0, head) != size:
            return None
        if size > PROBE_BYTES and _served(transport, url, size - len(tail), tail) not in (size, -1):
            return None
        digest = hashlib.sha256(head)
        while block := saved.read(1024 * 1024):
            digest.update(block)
    return DownloadResult(
        path=target,
        size=size,
        sha256=digest.hexdigest(),
        elapsed=time.perf_counter() - started,
        by_neighbour=True,
    )


def _served(transport: Transport, url: str, start: int, expected: bytes) -> int | None:
    """The size of the file url serves if its bytes at start are expected; None if not or if
    unknown; -1 if the server ignores ranges past the start (not worth reading it all)."""
    end = start + len(expected) - 1
    headers = {"Accept-Encoding": "identity", "Range": f"bytes={start}-{end}"}
    try:
        with transport.stream(url, headers=headers, deadline=DOWNLOAD_DEADLINE) as answer:
            length = content_length(answer.headers.get("content-length", ""))
            if answer.status == 206:
                first, total = _content_range(answer.headers.get("content-range", ""))
                if first != start:
                    return None
            elif answer.status == 200 and length is not None:
                if start:
                    return -1
                total = length
            else:
                return None
            # A server that ignored the range sends more: only the first bytes are read.
            served = _read_at_most(answer.iter_bytes(raw=True), len(expected))
    except TransportError:
        return None
    return total if served == expected else None


def _read_at_most(pieces: Iterator[bytes], size: int) -> bytes:
    """The first `size` bytes of pieces (fewer if they end sooner)."""
    head = b""
    for piece in pieces:
        head += piece
        if len(head) >= size:
            break
    return head[:size]


class NotAVideoError(JobFailedError):
    """The video URL answered with something that can never become the video: for the user the
    job failed to deliver (exit 6), and no retry can change that."""


class DownloadCancelled(Exception):
    """The caller cancelled the download (a stop was asked); its part file stays."""


class _Retryable(Exception):
    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


@dataclass
class _Held:
    """What the server has said of the file over one download's rounds (break17d N2): the size
    it committed to (a 206's Content-Range total, a 200's Content-Length: another for the same
    validator means the file changed under it), how often it changed, how often the "what
    follows" probe said there was more, how many cuts were credited as progress."""

    most: int  # the download's retry budget: RetryPolicy.attempts
    name: str  # the file's, for messages
    total: int | None = None
    changes: int = 0
    probes: int = 0
    credits: int = 0
    unsized: int = 0
    versioned: bool = False  # the last answer named the file's version (a strong validator)

    def hold(self, status: int, total: int | None, part: PartLock) -> None:
        """Keep the size a 200 announces; refuse a 206 announcing another than the one held, or
        none (refuse_unsized)."""
        if status == 206 and total is None:
            self.refuse_unsized(part)
        if status != 206 or self.total is None:
            self.total = total
            return
        if total == self.total:
            return
        part.discard()  # bytes of two different files: none of them can be trusted
        self.changes += 1
        said = f"the server said the file is {self.total} bytes, then {total}"
        if self.changes > FILE_CHANGES:
            raise UnavailableError(
                f"cannot download {part.target.name}: {said} (same validator, again): it keeps "
                "changing the file, or the server is broken",
                hint="try again later; if it persists, the file host is at fault",
            )
        self.total = None
        raise _Retryable(f"{said}: it changed; starting over")

    def refuse_unsized(self, part: PartLock) -> None:
        """A 206 that does not say how large the file is (a resume's answer, or the probe's
        after a body that ended with its connection): nothing tells when the file is whole, nor
        bounds what a host that always has more appends, run after run (break17e P2: 2.4 GB a
        run, up to the 8 GiB cap). Its bytes are not kept: the download starts over once
        without a range, then stops (exit 5)."""
        part.discard()
        self.unsized += 1
        if self.unsized > FILE_CHANGES:
            raise UnavailableError(
                f"cannot download {self.name}: {UNSIZED}, again, so akool cannot tell when the "
                "file is whole; nothing was kept",
                hint="try again later; if it persists, the file host is at fault",
            )
        raise _Retryable(f"{UNSIZED}; starting over")


@dataclass(frozen=True)
class _Want:
    """What one download fetches: the URL, the kind of file expected there, whom to tell, and
    the job whose result it is (its hints name it)."""

    url: str
    media: Media
    on_progress: ProgressCallback | None
    cancel: threading.Event | None = None
    job_id: str | None = None

    def not_usable(self, message: str) -> NotAVideoError:
        """What the URL serves can never become the result (exit 6)."""
        return NotAVideoError(message, hint=job_hint(NOT_A_VIDEO_HINT, self.job_id))


def _fetch(
    transport: Transport, want: _Want, part: PartLock, clock: Clock, retry: RetryPolicy | None
) -> tuple[int, str, int]:
    """Try until the whole file is in the part file; returns (size, sha256, resumed from)."""
    retry = retry or RetryPolicy()
    attempt = 0
    best = part.size()
    held = _Held(retry.attempts, part.target.name)
    while True:
        attempt += 1
        try:
            return _fetch_once(transport, want, part, held)
        except _Retryable as exc:
            if part.size() > best and held.credits < retry.attempts * CUTS_PER_TRY:
                # A cut that brought new bytes is progress, not a failed try, a bounded number
                # of times; a server that restarts from zero every time gets no such credit, so
                # it cannot loop forever, nor can one that trickles a byte a round.
                best, attempt = part.size(), 0
                held.credits += 1
            if want.cancel is not None and want.cancel.is_set():
                raise DownloadCancelled(str(exc)) from None
            if attempt >= retry.attempts:
                raise UnavailableError(
                    f"the download of {part.target.name} kept failing: {exc}",
                    hint=_next_run(part, held),
                ) from None
            delay = retry.delay(attempt, exc.retry_after)
            log.debug("download retry %d in %.2f s after %s", attempt, delay, exc)
            if interrupts.backoff(clock, delay, want.cancel):
                raise DownloadCancelled(str(exc)) from None  # a stop: the part file stays
        except NotAVideoError:
            part.discard()  # what the server sent is not the video: nothing worth resuming
            raise


def _next_run(part: PartLock, held: _Held) -> str:
    """What running the command again does: resume the part file kept with its version, or
    start over, because the server names no version or because its bytes were not kept."""
    if part.size() and part.read_validator():
        return RESUMES
    return STARTS_OVER_NAMED if held.versioned else STARTS_OVER


def _fetch_once(
    transport: Transport, want: _Want, part: PartLock, held: _Held
) -> tuple[int, str, int]:
    have = part.size()
    validator = part.read_validator() if have else None
    headers: dict[str, str] = {"Accept-Encoding": "identity"}
    if have and validator:
        headers["Range"] = f"bytes={have}-"
        headers["If-Range"] = validator
    try:
        with transport.stream(
            want.url, headers=headers, deadline=DOWNLOAD_DEADLINE, cancel=want.cancel
        ) as answer:
            held.versioned = _strong_validator(answer) is not None
            start, total = _check_answer(answer, part, want, ranged="Range" in headers)
            held.hold(answer.status, total, part)
            received, digest = _receive(answer, part, start, total, want)
            if total is not None and received > total:
                # More than the file's size: the bytes cannot be trusted, and keeping them would
                # count as progress on every try, so the retries would never end.
                part.discard()
                raise _Retryable(f"the server sent {received} bytes of a {total}-byte file")
            if total is not None and received != total:
                raise _Retryable(f"received {received} of {total} bytes")
            _check_whole(part, received, want)
            # No length and no chunked framing: the body ended where the connection closed.
            closed = total is None and "transfer-encoding" not in answer.headers
        if closed:
            _check_nothing_after(transport, want, part, held)
        return received, digest, start
    except TransportError as exc:
        if exc.kind == "cancelled":
            raise DownloadCancelled(str(exc)) from None
        if exc.permanent:  # a refused certificate or redirect, broken framing: no retry helps
            raise UnavailableError(
                f"cannot download {part.target.name}: {exc}",
                hint=job_hint(PERMANENT_HINT, want.job_id),
            ) from None
        raise _Retryable(str(exc)) from None
    except OSError as exc:
        # The part file's own writes (its version in .part.json, before any byte of the body):
        # a full disk there is the folder's, not stdout's (break17e P1).
        raise _disk_error(exc, part) from None


def _check_nothing_after(transport: Transport, want: _Want, part: PartLock, held: _Held) -> None:
    """A body that ended when its connection closed may have been cut anywhere, even between
    two boxes (a trailing `free` or `udta`, a fragmented MP4's next fragment), where the file's
    structure adds up all the same. The server is asked for what follows its last byte: one
    that keeps ranges says whether there is more (416: nothing; 206: more, so it was cut), one
    that answers the whole file with a length says how long it is. A server that does neither
    tells nothing: the structure's check is then all there is (docs/reliability.md). A 206's
    total is held (the resume may not grow past it), and only the retry budget's number of
    probes may say "more": a host that always has more cannot make the file grow without end.
    A 206 that does not say the file's size is refused (_Held.refuse_unsized)."""
    size = part.size()
    headers = {"Accept-Encoding": "identity", "Range": f"bytes={size}-"}
    with transport.stream(
        want.url, headers=headers, deadline=PROBE_DEADLINE, cancel=want.cancel
    ) as answer:
        if answer.status == 206:
            held.probes += 1
            if held.probes > held.most:
                raise UnavailableError(
                    f"cannot download {held.name}: the server said {held.most} times that "
                    "more follows a body that ended with its connection",
                    hint="try again later; if it persists, the file host is at fault",
                )
            held.total = _content_range(answer.headers.get("content-range", ""))[1]
            if held.total is None:
                held.refuse_unsized(part)
            raise _Retryable(f"the body ended at byte {size}, and the server has more after it")
        whole = None
        if answer.status == 416:
            found = re.fullmatch(r"bytes \*/(\d+)", answer.headers.get("content-range", "").strip())
            whole = int(found.group(1)) if found else None
        elif answer.status == 200 and "transfer-encoding" not in answer.headers:
            whole = content_length(answer.headers.get("content-length", ""))
    if whole is not None and whole != size:
        raise _Retryable(f"the body ended at byte {size} of a {whole}-byte file")


def _check_answer(
    response: StreamResponse, part: PartLock, want: _Want, *, ranged: bool
) -> tuple[int, int | None]:
    """The offset the body starts at and the whole file's size, or why this answer is no use."""
    status, media = response.status, want.media
    if status in (403, 404, 410):
        raise ResultGoneError(
            f"the {media} URL answered HTTP {status}: it has probably expired "
            f"(AKOOL keeps results for {contract.RESULT_RETENTION_DAYS} days)",
            hint=job_hint(GONE_HINT, want.job_id),
        )
    if status == 416:
        part.discard()
        raise _Retryable("the server refused the resume range; starting over")
    if status in RETRYABLE_STATUSES:
        raise _Retryable(
            f"HTTP {status}", parse_retry_after(response.headers.get("retry-after"), 0.0)
        )
    if status not in (200, 206):
        raise UnavailableError(f"the {media} URL answered HTTP {status}")
    _check_body_kind(response, want, ranged=ranged)
    if status == 206:
        start, total = _content_range(response.headers.get("content-range", ""))
        if start != part.size():
            part.discard()
            raise _Retryable("the server resumed at the wrong offset; starting over")
        return start, _within_ceiling(total, want)
    # With Transfer-Encoding the body's own framing says where it ends, not Content-Length.
    framed = "transfer-encoding" in response.headers
    length = None if framed else content_length(response.headers.get("content-length", ""))
    # A 200 to a Range request means "whole file": restart cleanly.
    part.discard()
    validator = _strong_validator(response)
    if validator is not None:
        part.write_validator(validator)
    return 0, _within_ceiling(length, want)


def _strong_validator(response: StreamResponse) -> str | None:
    """The version of the file an answer names, which If-Range can send back: its ETag (or
    Last-Modified), unless weak (W/…)."""
    validator = response.headers.get("etag") or response.headers.get("last-modified")
    return validator if validator and not validator.startswith("W/") else None


def _within_ceiling(total: int | None, want: _Want) -> int | None:
    """A file announced larger than any result is refused before a byte of it is saved."""
    if total is not None and total > MAX_VIDEO_BYTES:
        raise want.not_usable(
            f"the {want.media} URL announces {total / 2**30:.1f} GiB; no AKOOL result is that "
            f"large (akool stops at {MAX_VIDEO_BYTES // 2**30} GiB)"
        )
    return total


def _check_body_kind(response: StreamResponse, want: _Want, *, ranged: bool) -> None:
    """Answers that can never become the result: retrying them would loop or save garbage."""
    media = want.media
    if response.status == 206 and not ranged:
        raise want.not_usable(
            f"the {media} URL answered 206 (part of a file) to a request for the whole file"
        )
    encoding = response.headers.get("content-encoding", "identity").strip().lower()
    if encoding not in ("", "identity"):
        raise want.not_usable(
            f"the {media} URL sent the file compressed (Content-Encoding: {encoding}) although "
            "akool asked for it as is; it cannot be checked or resumed"
        )
    if "html" in response.headers.get("content-type", "").lower():
        raise want.not_usable(_html_page(media))


def _check_head(head: bytes, content_type: str, want: _Want) -> None:
    """The first bytes are the kind of file this download expects (see download's `media`)."""
    found = mediatypes.judge_result_head(head, content_type, want.media)
    if found == mediatypes.PAGE:
        raise want.not_usable(_html_page(want.media))
    if found is not None:
        raise want.not_usable(f"the file at the {want.media} URL is {found}")


def _html_page(media: Media) -> str:
    return f"the {media} URL answered with an HTML page, not {MEDIA_NAMES[media]} (a login or error page?)"


def _check_whole(part: PartLock, size: int, want: _Want) -> None:
    """The file's own structure (an MP4's boxes) says it is whole: a body that ended early with
    no length to tell (or a TLS connection closed without close_notify) is never a saved file."""
    media = want.media
    problem = mediatypes.structure_problem(
        lambda offset, count: os.pread(part.fd, count, offset), size, media
    )
    if problem is None:
        return
    how, why = problem
    if how == "short":  # cut on the way: the next try resumes or starts over
        raise _Retryable(f"the file arrived incomplete ({why})")
    raise want.not_usable(f"the file at the {media} URL is not a whole {media} file: {why}")


def _checked(pieces: Iterator[bytes], content_type: str, want: _Want) -> Iterator[bytes]:
    """The body's pieces, once its first bytes show the expected kind of file: nothing is saved
    before that."""
    head = b""
    for piece in pieces:
        head += piece
        if len(head) >= MP4_HEAD:
            break
    _check_head(head[:MP4_HEAD], content_type, want)
    if head:
        yield head
    yield from pieces


def _receive(
    answer: StreamResponse, part: PartLock, start: int, total: int | None, want: _Want
) -> tuple[int, str]:
    """Append the body to the part file, hashing everything; returns (size, sha256)."""
    digest = hashlib.sha256()
    pieces = answer.iter_bytes(raw=True)
    if start:
        _check_head(part.head(MP4_HEAD), "", want)
        _hash_existing(part, digest)
    else:
        pieces = _checked(pieces, answer.headers.get("content-type", ""), want)
    received = start
    try:
        # open() stays here: tests swap this module's open for one whose disk is full. Append
        # even from the start: the part file is empty then (see PartLock.discard, O_TRUNC too).
        sink_file = open(part.path, "ab", buffering=0, opener=open_nofollow)  # noqa: SIM115
        with PartWriter(sink_file, digest) as sink:
            for piece in pieces:
                sink.put(piece)
                received += len(piece)
                if received > MAX_VIDEO_BYTES:
                    part.discard()
                    raise want.not_usable(
                        f"the {want.media} URL sent more than {MAX_VIDEO_BYTES // 2**30} GiB; "
                        "no AKOOL result is that large"
                    )
                if want.on_progress is not None:
                    want.on_progress(received, total)
    except OSError as exc:
        raise _disk_error(exc, part) from None
    return received, digest.hexdigest()


def _disk_error(exc: OSError, part: PartLock) -> BaseException:
    """What a failed write of the part file means for the user."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        part.discard()
        return AkoolError(
            f"the disk is full while writing {part.path.parent}",
            hint="free some space (or choose another -o directory) and run again",
        )
    if exc.errno == errno.EFBIG:
        part.discard()
        return AkoolError(
            f"the video is larger than a file in {part.path.parent} may be "
            "(a file size limit: ulimit -f, or the file system's own)",
            hint="raise the limit (ulimit -f unlimited) or choose another -o directory",
        )
    return exc


def _content_range(value: str) -> tuple[int, int | None]:
    match = re.fullmatch(r"bytes (\d+)-(\d+)/(\d+|\*)", value.strip())
    if not match:
        return -1, None
    total = match.group(3)
    return int(match.group(1)), (int(total) if total != "*" else None)


def _hash_existing(part: PartLock, digest: Any) -> None:
    offset = 0
    while block := os.pread(part.fd, 1024 * 1024, offset):
        digest.update(block)
        offset += len(block)


def _move_into_place(part: Path, target: Path, *, force: bool) -> None:
    if force:
        refuse_special(target)  # one that appeared since the check: never replaced either
        os.replace(part, target)
    else:
        try:
            # link() fails if the target appeared meanwhile: never clobber someone's file.
            os.link(part, target)
        except FileExistsError:
            raise TargetExistsError(
                f"{target} appeared while downloading; the download is kept at {part}",
                hint="move it yourself, or run again with --force",
            ) from None
        except OSError:
            if target.exists():
                raise TargetExistsError(f"{target} already exists", hint="add --force") from None
            os.replace(part, target)
        else:
            part.unlink()
