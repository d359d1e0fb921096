"""Following jobs of any kind to the end: polling on a backoff, recording states, downloading results.

One Watcher follows any number of jobs on a fixed pool of threads and reports what happens as a
stream of events (`for event in watcher.events()`), so the CLI, batch and the library render or
collect them as they like. Its threads end when it is closed. Time comes from an injectable clock.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from akool_cli.core import interrupts
from akool_cli.core.clock import Clock, current
from akool_cli.core.errors import (
    AkoolError,
    InterruptedByUser,
    ResultGoneError,
    UnavailableError,
    WaitTimeoutError,
)
from akool_cli.core.kinds import TALKING_PHOTO, JobKind
from akool_cli.core.models import JobInfo
from akool_cli.core.states import Status
from akool_cli.core.workers import WorkerPool
from akool_cli.jobs import engine, naming
from akool_cli.jobs.download import DownloadCancelled, DownloadResult, download
from akool_cli.jobs.gone import gone_error
from akool_cli.net.api import AkoolClient, RateLimitedError
from akool_cli.store.journal import Journal, Scope

log = logging.getLogger("akool.watch")

POLL_INITIAL = 3.0
POLL_FACTOR = 1.25
POLL_CAP = 30.0
RATE_LIMITED_CAP = 120.0
# How long a job's status reads may all be rate limited (each read retried as reads are, with
# Retry-After honoured) before akool stops following it (break17f F10: an account rate limited
# for good kept `--wait` and `watch` polling forever). The job keeps running on AKOOL.
RATE_LIMITED_CEILING = 600.0
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
    """The loop goes round: `waiting` jobs are not finished here, `downloading` of them done on
    AKOOL, their result still downloading (break17j J4: not "jobs" that keep running)."""

    elapsed: float
    waiting: int
    downloading: int = 0


Event = Updated | Progress | Downloaded | Failed | Finished | Tick


@dataclass
class _Tracked:
    job_id: str
    kind: JobKind
    target: Path | None
    api: AkoolClient
    first_poll: float = 0.0
    info: JobInfo | None = None
    failures: int = 0
    downloading: bool = False

    def info_finished(self) -> bool:
        return self.info is not None and self.info.finished


@dataclass
class _Group:
    """Jobs whose states one request reads: one job, or all jobs of a many-ids family on one
    server. The group, not the job, has the polling schedule, so N jobs of a family cost one
    request per interval."""

    kind: JobKind
    api: AkoolClient
    interval: float
    next_poll: float
    members: dict[str, _Tracked] = field(default_factory=dict)
    polls: int = 0
    failures: int = 0
    busy: bool = False
    polled_at: float = 0.0  # when its poll in flight (or the last one) was sent
    limited_since: float | None = None  # when its reads began all being rate limited

    def to_poll(self) -> list[_Tracked]:
        return [t for t in self.members.values() if not t.downloading and not t.info_finished()]


@dataclass
class WatchResult:
    jobs: dict[str, JobInfo] = field(default_factory=dict)
    downloads: dict[str, DownloadResult] = field(default_factory=dict)
    errors: dict[str, AkoolError] = field(default_factory=dict)


def group_key(kind: JobKind, api: AkoolClient, job_id: str) -> tuple[int, str, str]:
    """Jobs with equal keys are read by one request: a many-ids family on one server."""
    return (id(api), kind.status.family, "" if kind.status.many else job_id)


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
        fetched_scope: Scope | None = None,
        closing: threading.Event | None = None,
    ) -> None:
        self.client = client
        # Where a job the history does not hold is recorded once its result is saved (its
        # server, profile, account): None records nothing of such jobs.
        self.fetched_scope = fetched_scope
        # A batch reads its jobs from the events: keeping each job's answer in `result` too
        # would make its memory grow with the rows.
        self.keep_results = keep_results
        self.journal = journal
        self.clock = clock or current()
        self.schedule = PollSchedule(initial=interval)
        self.force = force
        self.timeout = timeout
        user_stop = should_stop or (lambda: False)
        # `closing`: the Client was closed (break17g G19): following ends at once, as on a stop.
        self.closing = closing
        self.should_stop = user_stop if closing is None else lambda: closing.is_set() or user_stop()
        self.result = WatchResult()
        self._pending: dict[str, _Tracked] = {}
        self._inbox: queue.SimpleQueue[tuple[str, Any, Any]] = queue.SimpleQueue()
        self._groups: dict[tuple[int, str, str], _Group] = {}
        self._pool = WorkerPool(workers, name="akool-watch")
        self._in_flight = 0
        self._open = False
        self._cancelled = threading.Event()
        self._ended = interrupts.either(self._cancelled, closing)  # ends reads and downloads
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
        tracked = _Tracked(job_id, kind, target, api or self.client, due)
        self._inbox.put(("added", tracked, None))

    def keep_open(self, value: bool) -> None:
        """While open, events() waits for more jobs instead of ending when all are finished."""
        self._open = value
        if not value:
            self._inbox.put(("closed", _Tracked("", TALKING_PHOTO, None, self.client), None))

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
            saving = sum(1 for t in self._pending.values() if t.downloading)
            yield Tick(self.clock.monotonic() - self._start, len(self._pending), saving)
            if not stopping:
                self._submit_due_polls()
            if deadline is not None and self._pending and self.clock.monotonic() >= deadline:
                raise self._timed_out()
            yield from self._wait(deadline)

    def _polls_in_flight(self) -> bool:
        return any(g.busy for g in self._groups.values())

    def _submit_due_polls(self) -> None:
        now = self.clock.monotonic()
        for group in self._groups.values():
            members = group.to_poll()
            if group.busy or not members or group.next_poll > now:
                continue
            group.busy = True
            group.polls += 1
            group.polled_at = now
            ids = [t.job_id for t in members]
            self._run("polled", group, partial(self._poll, group.api, group.kind, ids))

    def _poll(self, api: AkoolClient, kind: JobKind, ids: list[str]) -> Any:
        """One status read, ended at once when the watcher closes (a timeout: its answer is not
        wanted, and a silent server must not hold close() for the read's own timeout)."""
        with interrupts.cancelled_by(self._ended):
            return api.status_many(kind, ids)

    def _run(self, what: str, tracked: _Tracked | _Group, fn: Callable[[], Any]) -> None:
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
        due = [g.next_poll for g in self._groups.values() if not g.busy and g.to_poll()]
        if self._in_flight or (self._open and not due):
            # Other threads are working: wait for them (a real wait, bounded so a stop is seen).
            yield from self._drain(block=True, timeout=STOP_CHECK_SECONDS)
            return
        wake = min(due) if due else now
        if deadline is not None and wake >= deadline:
            self.clock.sleep(max(0.0, deadline - now))
            raise self._timed_out()
        pause = min(max(0.0, wake - now), STOP_CHECK_SECONDS if self._open else 1e9)
        if self.closing is None:
            self.clock.sleep(pause)
        else:
            self.clock.wait(pause, [self.closing])  # a close ends the pause at once

    def _drain(self, *, block: bool, timeout: float | None = None) -> Iterator[Event]:
        while True:
            try:
                what, tracked, value = self._inbox.get(block=block, timeout=timeout)
            except queue.Empty:
                return
            block = False
            yield from self._handle(what, tracked, value)

    def _handle(self, what: str, subject: Any, value: Any) -> Iterator[Event]:
        if what == "added":
            self._join(subject)
        elif what == "progress":
            yield Progress(subject.job_id, value[0], value[1])
        elif what == "polled":
            self._in_flight -= 1
            subject.busy = False
            yield from self._after_poll(subject, value)
        elif what == "downloaded":
            self._in_flight -= 1
            yield from self._after_download(subject, value)
        elif what == "files saved":
            self._in_flight -= 1
            if isinstance(value, BaseException):
                yield from self._give_up(subject, value)
            else:
                yield from self._done(subject)

    def _join(self, tracked: _Tracked) -> None:
        """A new job joins its group; a group already polling reads it in its next request."""
        if tracked.job_id in self._pending:
            return
        self._pending[tracked.job_id] = tracked
        key = group_key(tracked.kind, tracked.api, tracked.job_id)
        group = self._groups.get(key)
        if group is None:
            group = _Group(tracked.kind, tracked.api, self.schedule.initial, tracked.first_poll)
            self._groups[key] = group
        else:
            group.next_poll = min(group.next_poll, tracked.first_poll)
            group.interval = self.schedule.initial
        group.members[tracked.job_id] = tracked

    def _after_poll(self, group: _Group, value: Any) -> Iterator[Event]:
        now = self.clock.monotonic()
        if isinstance(value, InterruptedByUser):
            return  # a stop ended the poll (or its back-off): nothing was learnt, nothing failed
        if isinstance(value, RateLimitedError):
            if group.limited_since is None:
                group.limited_since = group.polled_at
            if now - group.limited_since >= RATE_LIMITED_CEILING:
                for tracked in group.to_poll():
                    yield from self._give_up(tracked, rate_limited_for(tracked.job_id, value))
                return
            group.interval = self.schedule.after(group.interval, rate_limited=True)
            group.next_poll = now + group.interval
            log.debug("%s: rate limited, next poll in %.1f s", group.kind.name, group.interval)
            return
        group.limited_since = None
        if isinstance(value, UnavailableError) and group.failures + 1 < MAX_POLL_FAILURES:
            group.failures += 1
            group.interval = self.schedule.after(group.interval)
            group.next_poll = now + group.interval
            log.debug("%s: poll failed (%s), trying again later", group.kind.name, value)
            return
        if isinstance(value, BaseException):
            for tracked in group.to_poll():
                yield from self._give_up(tracked, value)
            return
        group.failures = 0
        for job_id, answer in value.items():
            member = group.members.get(job_id)
            if member is not None:
                yield from self._answered(member, answer)
        grow = group.polls > 1
        group.interval = self.schedule.after(group.interval) if grow else group.interval
        group.next_poll = now + group.interval

    def _answered(self, tracked: _Tracked, answer: JobInfo | AkoolError) -> Iterator[Event]:
        """One job's part of a poll: its new state, or the error AKOOL's answer gives for it."""
        if isinstance(answer, AkoolError):
            tracked.failures += 1
            if tracked.failures >= MAX_POLL_FAILURES or not isinstance(answer, UnavailableError):
                yield from self._give_up(tracked, answer)
            return
        tracked.failures = 0
        other = yield from self._new_state(tracked, answer)
        if other is not None and self.journal is not None:
            # Another create's job (a server reused an id): never followed or saved for this one.
            yield from self._give_up(tracked, engine.not_its_job(self.journal, answer, other))
        elif tracked.info_finished():
            yield from self._finish_or_download(tracked)

    def _new_state(self, tracked: _Tracked, info: JobInfo) -> Generator[Event, None, str | None]:
        """The job's new state, recorded; returns why its answer is another create's job (its
        first answer shows other inputs than its record: Journal.update_from), else None."""
        previous = tracked.info
        changed = previous is None or (previous.video_status, previous.video_url) != (
            info.video_status,
            info.video_url,
        )
        if changed and self.journal is not None:
            other = self.journal.update_from(info)
            if other is not None:
                return other
        tracked.info = info
        if self.keep_results:
            self.result.jobs[tracked.job_id] = info
        if changed or info.progress != (previous and previous.progress):
            yield Updated(tracked.job_id, info, previous)
        return None

    def _finish_or_download(self, tracked: _Tracked) -> Iterator[Event]:
        info = tracked.info
        assert info is not None
        if info.video_status != Status.DONE or tracked.target is None:
            yield from self._done(tracked)
            return
        tracked.downloading = True
        if tracked.kind.makes != "file":
            # An asset or a text is the answer itself; only the files it offers are saved (a
            # cloned voice's preview).
            self._run("files saved", tracked, lambda: self._save_files(tracked, info))
            return
        self._run("downloaded", tracked, lambda: self._download(tracked, info))

    def _download(self, tracked: _Tracked, info: JobInfo) -> DownloadResult:
        """The main result into the target, then each other file the job offers beside it."""
        assert tracked.target is not None
        kind = tracked.kind
        kept = self._kept(tracked.job_id, tracked.target)
        if kept is not None:  # saved earlier, whole: only its other files are missing
            self._save_files(tracked, info)
            return kept
        result = self._fetch(tracked, info.video_url, tracked.target, kind.result)
        result = naming.settle(result, tracked.job_id, kind, force=self.force)
        if self.journal is not None:
            # Recorded here, in the thread that put the file in place: a stop that ends the
            # event loop now cannot leave a saved video the history does not know (nor a job
            # made elsewhere: it is recorded with it, break17f F15).
            if self.fetched_scope is not None and self.journal.get(tracked.job_id) is None:
                self.journal.record_fetched(info, kind.name, self.fetched_scope)
            path = str(result.path.absolute())
            self.journal.record_download(tracked.job_id, path, result.size, result.sha256)
        self._save_files(tracked, info)
        return result

    def _kept(self, job_id: str, target: Path) -> DownloadResult | None:
        """The job's main result as saved earlier at `target`, when it is still there whole
        (not with --force)."""
        record = None if self.force or self.journal is None else self.journal.get(job_id)
        if record is None or not record.result_at(target):
            return None
        return DownloadResult(target, record.size or 0, record.sha256)

    def _save_files(self, tracked: _Tracked, info: JobInfo) -> None:
        """Each other file the job offers, beside the target: `<id>.<role><suffix>` (those
        saved earlier and still whole are kept, not with --force)."""
        assert tracked.target is not None
        record = None if self.force or self.journal is None else self.journal.get(tracked.job_id)
        for extra in tracked.kind.files:
            url = info.files.get(extra.role)
            beside = beside_target(tracked.target, extra.role, extra.suffix)
            if not url or (record is not None and record.file_at(extra.role, beside)):
                continue
            try:
                saved = self._fetch(tracked, url, beside, extra.media)
            except ResultGoneError as exc:
                # The main result came from this same answer, so the job is not expired: only
                # this file is missing now (break17j J12). Not marked; a later watch fetches it.
                raise UnavailableError(
                    f"job {tracked.job_id}: saved {tracked.target}, but its {extra.role} file "
                    f"is missing: {exc.message}",
                    hint=f"try again later: akool watch {tracked.job_id} -o "
                    f"{tracked.target.parent}/",
                ) from None
            if self.journal is not None:
                self.journal.record_file(
                    tracked.job_id, extra.role, str(saved.path.absolute()), saved.size, saved.sha256
                )

    def _fetch(self, tracked: _Tracked, url: str, target: Path, media: str) -> DownloadResult:
        def progress(received: int, total: int | None) -> None:
            self._inbox.put(("progress", tracked, (received, total)))

        return download(
            tracked.api.transport,
            url,
            target,
            force=self.force,
            on_progress=progress,
            clock=self.clock,
            media=media,  # type: ignore[arg-type]
            cancel=self._ended,  # a stop ends a download at once, even a stalled one
            job_id=tracked.job_id,  # its errors' hints name the job
        )

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
            if isinstance(error, DownloadCancelled):
                self._forget(tracked)
                return
            raise error  # a bug: let the boundary report it
        if self.journal is not None:  # AKOOL no longer has it: marked so, never reused again
            error = gone_error(self.journal, tracked.job_id, error) or error
        if self.keep_results:
            self.result.errors[tracked.job_id] = error
        yield Failed(tracked.job_id, error)
        yield from self._done(tracked)

    def _done(self, tracked: _Tracked) -> Iterator[Event]:
        self._forget(tracked)
        yield Finished(tracked.job_id, tracked.info)

    def _forget(self, tracked: _Tracked) -> None:
        self._pending.pop(tracked.job_id, None)
        key = group_key(tracked.kind, tracked.api, tracked.job_id)
        group = self._groups.get(key)
        if group is not None:
            group.members.pop(tracked.job_id, None)
            if not group.members:
                del self._groups[key]

    def _timed_out(self) -> WaitTimeoutError:
        """The timeout's error, saying of each job what it was still doing: running on AKOOL,
        or done there and still downloading (break17g G4: "still running" for a done job whose
        result host was silent)."""
        running = [t.job_id for t in self._pending.values() if not t.downloading]
        saving = [t.job_id for t in self._pending.values() if t.downloading]
        said = []
        if running:
            said.append(
                f"{len(running)} job(s) still running after {self.timeout:g} s: "
                f"{' '.join(running)}; they keep running on AKOOL"
            )
        if saving:
            said.append(
                f"the download of {len(saving)} finished job(s) did not end within "
                f"{self.timeout:g} s (the result's host is slow or silent): {' '.join(saving)}"
            )
        return WaitTimeoutError("; ".join(said), hint=f"resume with: {self._resume()}")

    def _resume(self) -> str:
        """The command that picks the pending jobs up where they were to be saved: one
        `akool watch` with -o DIR/ when they share a folder under their own names, else one per
        job (a bare `akool watch ID` of a job to download saved nothing: break17k K5)."""
        import shlex

        pending = list(self._pending.values())
        ids = [t.job_id for t in pending]
        folders = {t.target.parent for t in pending if t.target is not None}
        own_names = all(t.target is not None and t.target.stem == t.job_id for t in pending)
        if not folders:
            return shlex.join(["akool", "watch", *ids])
        if len(folders) == 1 and own_names:
            return shlex.join(["akool", "watch", *ids, "-o", f"{folders.pop()}/"])
        return "; ".join(
            shlex.join(["akool", "watch", t.job_id, *(["-o", str(t.target)] if t.target else [])])
            for t in pending
        )

    def run(self) -> WatchResult:
        """Follow every added job to the end, ignoring the events; returns what happened."""
        for _ in self.events():
            pass
        return self.result


def rate_limited_for(job_id: str, error: AkoolError) -> RateLimitedError:
    """Why a job is no longer followed: AKOOL rate limited its status reads too long."""
    return RateLimitedError(
        f"AKOOL rate limited every status read of job {job_id} for "
        f"{RATE_LIMITED_CEILING / 60:g} minutes ({error.message}): akool stopped following it; "
        "it keeps running on AKOOL",
        hint="AKOOL limits how often this account may ask: wait a few minutes; follow it "
        f"later with: akool watch {job_id}",
    )


def beside_target(target: Path, role: str, suffix: str) -> Path:
    """Where a job's other file goes: `<id>.translated.srt` beside `<id>.mp4`."""
    return target.with_name(f"{target.stem}.{role}{suffix}")


def refresh(
    client: AkoolClient,
    jobs: list[tuple[str, JobKind]],
    *,
    workers: int = WORKERS,
) -> dict[str, JobInfo | AkoolError]:
    """The current state of several jobs, fetched concurrently, one request per group (a
    many-ids family is read in one call); errors are returned per job."""
    groups: dict[tuple[int, str, str], tuple[JobKind, list[str]]] = {}
    for job_id, kind in jobs:
        groups.setdefault(group_key(kind, client, job_id), (kind, []))[1].append(job_id)

    def one(kind: JobKind, ids: list[str]) -> dict[str, JobInfo | AkoolError]:
        try:
            return client.status_many(kind, ids)
        except AkoolError as exc:
            return dict.fromkeys(ids, exc)

    found: dict[str, JobInfo | AkoolError] = {}
    if len(groups) <= 1:
        for kind, ids in groups.values():
            found.update(one(kind, ids))
        return found
    with WorkerPool(min(workers, len(groups)), name="akool-refresh") as pool:
        futures = [pool.submit(partial(one, kind, ids)) for kind, ids in groups.values()]
        for future in futures:
            found.update(future.result())
    return {job_id: found[job_id] for job_id, _ in jobs}


def follow_one(
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
    """Follow one job to its end with the one polling loop (a short step such as speech).

    Returns the finished job (done or failed); raises WaitTimeoutError, KeyboardInterrupt when
    asked to stop, or the error that ended the following.
    """
    if job.finished:
        return job
    stop = should_stop or (lambda: False)
    with Watcher(
        client,
        journal,
        interval=interval,
        timeout=timeout,
        clock=clock,
        should_stop=stop,
        workers=1,
    ) as watcher:
        watcher.add(job.id, kind=kind, first_poll_delay=interval)
        for event in watcher.events():
            if isinstance(event, Updated) and on_update is not None:
                on_update(event.info)
    if job.id in watcher.result.errors:
        raise watcher.result.errors[job.id]
    final = watcher.result.jobs.get(job.id)
    if final is None or not final.finished:
        raise KeyboardInterrupt  # stopped before the job finished
    return final
