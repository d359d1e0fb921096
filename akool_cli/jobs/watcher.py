"""Following jobs of any kind to the end: polling on a backoff, recording states, downloading results.

One Watcher follows any number of jobs on a fixed pool of threads and reports what happens as a
stream of events (`for event in watcher.events()`), so the CLI, batch and the library render or
collect them as they like. Its threads end when it is closed. Time comes from an injectable clock.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from akool_cli.core.clock import Clock, current
from akool_cli.core.errors import AkoolError, UnavailableError, WaitTimeoutError
from akool_cli.core.kinds import TALKING_PHOTO, JobKind, Status
from akool_cli.core.models import JobInfo
from akool_cli.core.workers import WorkerPool
from akool_cli.jobs.download import DownloadResult, download
from akool_cli.net.api import AkoolClient, RateLimitedError
from akool_cli.store.journal import Journal

log = logging.getLogger("akool.watch")

POLL_INITIAL = 3.0
POLL_FACTOR = 1.25
POLL_CAP = 30.0
RATE_LIMITED_CAP = 120.0
MAX_POLL_FAILURES = 3
WORKERS = 16
STOP_CHECK_SECONDS = 0.5


@dataclass
class PollSchedule:
    """Starts near AKOOL's demos (3 s) and backs off gradually to ~30 s; rate limits slow it more."""

    initial: float = POLL_INITIAL
    factor: float = POLL_FACTOR
    cap: float = POLL_CAP

    def after(self, interval: float, *, rate_limited: bool = False) -> float:
        if rate_limited:
            return min(RATE_LIMITED_CAP, max(interval * 2, self.initial * 2))
        return min(max(self.cap, self.initial), interval * self.factor)


# -- events ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Updated:
    """A job's state, URL or progress changed."""

    job_id: str
    info: JobInfo
    previous: JobInfo | None


@dataclass(frozen=True)
class Progress:
    job_id: str
    received: int
    total: int | None


@dataclass(frozen=True)
class Downloaded:
    job_id: str
    result: DownloadResult


@dataclass(frozen=True)
class Failed:
    """Following or downloading a job failed (the job itself may be fine on AKOOL)."""

    job_id: str
    error: AkoolError


@dataclass(frozen=True)
class Finished:
    """Nothing more will happen to this job here: finished and, if wanted, downloaded (or failed)."""

    job_id: str
    info: JobInfo | None


@dataclass(frozen=True)
class Tick:
    elapsed: float
    waiting: int


Event = Updated | Progress | Downloaded | Failed | Finished | Tick


@dataclass
class _Tracked:
    job_id: str
    kind: JobKind
    target: Path | None
    next_poll: float
    interval: float
    api: AkoolClient
    info: JobInfo | None = None
    failures: int = 0
    polls: int = 0
    busy: bool = False

    def info_finished(self) -> bool:
        return self.info is not None and self.info.finished


@dataclass
class WatchResult:
    jobs: dict[str, JobInfo] = field(default_factory=dict)
    downloads: dict[str, DownloadResult] = field(default_factory=dict)
    errors: dict[str, AkoolError] = field(default_factory=dict)


class _Cancelled(Exception):
    """Raised inside a download's progress callback to stop it (its part file stays)."""


class Watcher:
    """Follows jobs until each is finished (and downloaded when it has a target)."""

    def __init__(
        self,
        client: AkoolClient,
        journal: Journal | None = None,
        *,
        interval: float = POLL_INITIAL,
        timeout: float | None = None,
        force: bool = False,
        clock: Clock | None = None,
        workers: int = WORKERS,
        should_stop: Callable[[], bool] | None = None,
        keep_results: bool = True,
    ) -> None:
        self.client = client
        # A batch reads its jobs from the events: keeping each job's answer in `result` too
        # would make its memory grow with the rows.
        self.keep_results = keep_results
        self.journal = journal
        self.clock = clock or current()
        self.schedule = PollSchedule(initial=interval)
        self.force = force
        self.timeout = timeout
        self.should_stop = should_stop or (lambda: False)
        self.result = WatchResult()
        self._pending: dict[str, _Tracked] = {}
        self._inbox: queue.SimpleQueue[tuple[str, _Tracked, Any]] = queue.SimpleQueue()
        self._pool = WorkerPool(workers, name="akool-watch")
        self._in_flight = 0
        self._open = False
        self._cancelled = threading.Event()
        self._start = self.clock.monotonic()

    # -- set-up -----------------------------------------------------------------------------

    def add(
        self,
        job_id: str,
        *,
        kind: JobKind = TALKING_PHOTO,
        target: Path | None = None,
        first_poll_delay: float = 0.0,
        api: AkoolClient | None = None,
    ) -> None:
        """Follow one more job; safe to call from other threads while events() runs.

        `api` is the client for the server that made the job, when it is not this watcher's.
        """
        due = self.clock.monotonic() + first_poll_delay
        tracked = _Tracked(job_id, kind, target, due, self.schedule.initial, api or self.client)
        self._inbox.put(("added", tracked, None))

    def keep_open(self, value: bool) -> None:
        """While open, events() waits for more jobs instead of ending when all are finished."""
        self._open = value
        if not value:
            self._inbox.put(("closed", _Tracked("", TALKING_PHOTO, None, 0, 0, self.client), None))

    def close(self) -> None:
        """Stop downloads in progress (their part files stay) and end the worker threads."""
        self._cancelled.set()
        self._pool.close(wait=True)

    def __enter__(self) -> Watcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the loop ---------------------------------------------------------------------------

    def events(self) -> Iterator[Event]:
        """What happens, as it happens, until every job is finished or a stop is requested.

        Raises WaitTimeoutError when the timeout passes (the jobs keep running on AKOOL).
        """
        deadline = None if self.timeout is None else self._start + self.timeout
        while True:
            yield from self._drain(block=False)
            stopping = self.should_stop()
            if stopping and not self._polls_in_flight():
                return  # unfinished jobs keep running on AKOOL; a cut download resumes later
            if not self._pending and not self._in_flight and not self._open:
                return
            yield Tick(self.clock.monotonic() - self._start, len(self._pending))
            if not stopping:
                self._submit_due_polls()
            if deadline is not None and self._pending and self.clock.monotonic() >= deadline:
                raise self._timed_out()
            yield from self._wait(deadline)

    def _polls_in_flight(self) -> bool:
        return any(t.busy and not t.info_finished() for t in self._pending.values())

    def _submit_due_polls(self) -> None:
        now = self.clock.monotonic()
        for tracked in self._pending.values():
            if not tracked.busy and tracked.next_poll <= now:
                tracked.busy = True
                tracked.polls += 1
                self._run(
                    "polled", tracked, partial(tracked.api.detail, tracked.kind, tracked.job_id)
                )

    def _run(self, what: str, tracked: _Tracked, fn: Callable[[], Any]) -> None:
        def task() -> None:
            try:
                value: Any = fn()
            except BaseException as exc:
                value = exc
            self._inbox.put((what, tracked, value))

        self._in_flight += 1
        self._pool.submit(task)

    def _wait(self, deadline: float | None) -> Iterator[Event]:
        """Block until something arrives or the next poll is due."""
        now = self.clock.monotonic()
        due = [t.next_poll for t in self._pending.values() if not t.busy]
        if self._in_flight or (self._open and not due):
            # Other threads are working: wait for them (a real wait, bounded so a stop is seen).
            yield from self._drain(block=True, timeout=STOP_CHECK_SECONDS)
            return
        wake = min(due) if due else now
        if deadline is not None and wake >= deadline:
            self.clock.sleep(max(0.0, deadline - now))
            raise self._timed_out()
        self.clock.sleep(min(max(0.0, wake - now), STOP_CHECK_SECONDS if self._open else 1e9))

    def _drain(self, *, block: bool, timeout: float | None = None) -> Iterator[Event]:
        while True:
            try:
                what, tracked, value = self._inbox.get(block=block, timeout=timeout)
            except queue.Empty:
                return
            block = False
            yield from self._handle(what, tracked, value)

    def _handle(self, what: str, tracked: _Tracked, value: Any) -> Iterator[Event]:
        if what == "added":
            self._pending.setdefault(tracked.job_id, tracked)
        elif what == "progress":
            yield Progress(tracked.job_id, value[0], value[1])
        elif what == "polled":
            self._in_flight -= 1
            tracked.busy = False
            yield from self._after_poll(tracked, value)
        elif what == "downloaded":
            self._in_flight -= 1
            yield from self._after_download(tracked, value)

    def _after_poll(self, tracked: _Tracked, value: Any) -> Iterator[Event]:
        now = self.clock.monotonic()
        if isinstance(value, RateLimitedError):
            tracked.interval = self.schedule.after(tracked.interval, rate_limited=True)
            tracked.next_poll = now + tracked.interval
            log.debug("%s: rate limited, next poll in %.1f s", tracked.job_id, tracked.interval)
            return
        if isinstance(value, UnavailableError) and tracked.failures + 1 < MAX_POLL_FAILURES:
            tracked.failures += 1
            tracked.interval = self.schedule.after(tracked.interval)
            tracked.next_poll = now + tracked.interval
            log.debug("%s: poll failed (%s), trying again later", tracked.job_id, value)
            return
        if isinstance(value, BaseException):
            yield from self._give_up(tracked, value)
            return
        yield from self._new_state(tracked, value)
        if tracked.info_finished():
            yield from self._finish_or_download(tracked)
            return
        tracked.failures = 0
        grow = tracked.polls > 1
        tracked.interval = self.schedule.after(tracked.interval) if grow else tracked.interval
        tracked.next_poll = now + tracked.interval

    def _new_state(self, tracked: _Tracked, info: JobInfo) -> Iterator[Event]:
        previous, tracked.info = tracked.info, info
        if self.keep_results:
            self.result.jobs[tracked.job_id] = info
        changed = previous is None or (previous.video_status, previous.video_url) != (
            info.video_status,
            info.video_url,
        )
        if changed and self.journal is not None:
            self.journal.update_state(
                tracked.job_id, info.video_status, info.video_url, info.error_reason
            )
        if changed or info.progress != (previous and previous.progress):
            yield Updated(tracked.job_id, info, previous)

    def _finish_or_download(self, tracked: _Tracked) -> Iterator[Event]:
        info = tracked.info
        assert info is not None
        if info.video_status != Status.DONE or tracked.target is None:
            yield from self._done(tracked)
            return
        tracked.busy = True
        self._run("downloaded", tracked, lambda: self._download(tracked, info.video_url))

    def _download(self, tracked: _Tracked, url: str) -> DownloadResult:
        assert tracked.target is not None

        def progress(received: int, total: int | None) -> None:
            if self._cancelled.is_set():
                raise _Cancelled
            self._inbox.put(("progress", tracked, (received, total)))

        result = download(
            tracked.api.transport,
            url,
            tracked.target,
            force=self.force,
            on_progress=progress,
            clock=self.clock,
            media="audio" if tracked.kind.result == "audio" else "video",
        )
        if self.journal is not None:
            # Recorded here, in the thread that put the file in place: a stop that ends the
            # event loop now cannot leave a saved video the history does not know.
            path = str(result.path.absolute())
            self.journal.record_download(tracked.job_id, path, result.size, result.sha256)
        return result

    def _after_download(self, tracked: _Tracked, value: Any) -> Iterator[Event]:
        if isinstance(value, BaseException):
            yield from self._give_up(tracked, value)
            return
        if self.keep_results:
            self.result.downloads[tracked.job_id] = value
        yield Downloaded(tracked.job_id, value)
        yield from self._done(tracked)

    def _give_up(self, tracked: _Tracked, error: BaseException) -> Iterator[Event]:
        if not isinstance(error, AkoolError):
            if isinstance(error, _Cancelled):
                self._pending.pop(tracked.job_id, None)
                return
            raise error  # a bug: let the boundary report it
        if self.keep_results:
            self.result.errors[tracked.job_id] = error
        yield Failed(tracked.job_id, error)
        yield from self._done(tracked)

    def _done(self, tracked: _Tracked) -> Iterator[Event]:
        self._pending.pop(tracked.job_id, None)
        yield Finished(tracked.job_id, tracked.info)

    def _timed_out(self) -> WaitTimeoutError:
        ids = " ".join(self._pending)
        return WaitTimeoutError(
            f"{len(self._pending)} job(s) still running after {self.timeout:g} s: {ids}; "
            "they keep running on AKOOL",
            hint=f"resume with: akool watch {ids}",
        )

    def run(self) -> WatchResult:
        """Follow every added job to the end, ignoring the events; returns what happened."""
        for _ in self.events():
            pass
        return self.result


def refresh(
    client: AkoolClient,
    jobs: list[tuple[str, JobKind]],
    *,
    workers: int = WORKERS,
) -> dict[str, JobInfo | AkoolError]:
    """The current state of several jobs, fetched concurrently; errors are returned per job."""

    def one(job_id: str, kind: JobKind) -> JobInfo | AkoolError:
        try:
            return client.detail(kind, job_id)
        except AkoolError as exc:
            return exc

    if len(jobs) <= 1:
        return {job_id: one(job_id, kind) for job_id, kind in jobs}
    with WorkerPool(min(workers, len(jobs)), name="akool-refresh") as pool:
        submitted = {job_id: pool.submit(partial(one, job_id, kind)) for job_id, kind in jobs}
        return {job_id: future.result() for job_id, future in submitted.items()}


def wait_one(
    client: AkoolClient,
    journal: Journal | None,
    kind: JobKind,
    job: JobInfo,
    *,
    interval: float = POLL_INITIAL,
    timeout: float | None = None,
    clock: Clock | None = None,
    should_stop: Callable[[], bool] | None = None,
    on_update: Callable[[JobInfo], None] | None = None,
) -> JobInfo:
    """Poll one job in the calling thread until it finishes (no pool: for short steps like speech).

    Returns the finished job (done or failed); raises WaitTimeoutError, or the last poll's error
    after MAX_POLL_FAILURES failures in a row.
    """
    clock = clock or current()
    schedule = PollSchedule(initial=interval)
    deadline = None if timeout is None else clock.monotonic() + timeout
    failures = 0
    while not job.finished:
        if should_stop is not None and should_stop():
            raise KeyboardInterrupt
        if deadline is not None and clock.monotonic() + interval > deadline:
            raise WaitTimeoutError(
                f"the {kind.noun} job {job.id} is still running after {timeout:g} s",
                hint=f"it keeps running on AKOOL; check it later with: akool status {job.id}",
            )
        clock.sleep(interval)
        try:
            fresh = client.detail(kind, job.id)
        except RateLimitedError:
            interval = schedule.after(interval, rate_limited=True)
            continue
        except UnavailableError:
            failures += 1
            if failures >= MAX_POLL_FAILURES:
                raise
            continue
        failures = 0
        if journal is not None and (fresh.video_status, fresh.video_url) != (
            job.video_status,
            job.video_url,
        ):
            journal.update_state(fresh.id, fresh.video_status, fresh.video_url, fresh.error_reason)
        job = fresh
        if on_update is not None:
            on_update(job)
        interval = schedule.after(interval)
    return job
