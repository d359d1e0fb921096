"""The talking-photo workflows: check inputs, create a job (journal first), follow jobs, download.

No printing: progress reaches the caller through callbacks. Time comes from an injectable clock.
"""

from __future__ import annotations

import concurrent.futures as futures
import logging
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from akool_cli.api import AkoolClient, RateLimitedError
from akool_cli.clock import Clock, current
from akool_cli.download import DownloadResult, ProgressCallback, download
from akool_cli.errors import (
    AkoolError,
    AuthError,
    JobFailedError,
    RejectedError,
    UnavailableError,
    UnknownOutcomeError,
    WaitTimeoutError,
)
from akool_cli.inputs import TalkRequest
from akool_cli.journal import JobRecord, Journal
from akool_cli.models import JobInfo, SpeechInfo

log = logging.getLogger("akool.jobs")
T = TypeVar("T")

POLL_INITIAL = 3.0
POLL_FACTOR = 1.25
POLL_CAP = 30.0
RATE_LIMITED_CAP = 120.0
MAX_POLL_FAILURES = 3
WORKERS = 16
STOP_CHECK_SECONDS = 0.5


def _record_create(
    journal: Journal,
    attempt: int,
    create: Callable[[], T],
) -> T:
    """Run a billable create, leaving the journal's attempt row with an honest outcome."""
    try:
        return create()
    except UnknownOutcomeError as exc:
        journal.attempt_unknown(attempt, exc.message)
        raise
    except (RejectedError, AuthError, RateLimitedError) as exc:
        journal.attempt_rejected(attempt, exc.message)  # AKOOL answered: nothing was created
        raise
    except UnavailableError:
        journal.attempt_not_sent(attempt)  # transport failures here never left the machine
        raise
    except BaseException:
        journal.attempt_unknown(attempt, "interrupted while waiting for AKOOL's answer")
        raise


def create_job(
    client: AkoolClient,
    journal: Journal,
    request: TalkRequest,
    *,
    profile: str,
    extra_inputs: dict[str, Any] | None = None,
) -> JobInfo:
    """Create the job; its id is committed to the journal before this returns."""
    inputs = {**request.inputs(), **(extra_inputs or {})}
    attempt = journal.begin_attempt(client.base_url, profile, "talking_photo", inputs)
    job = _record_create(
        journal,
        attempt,
        lambda: client.create_talking_photo(
            request.image_url,
            request.audio_url,
            prompt=request.prompt,
            resolution=request.resolution,
            webhook_url=request.webhook_url,
        ),
    )
    now = current().time()
    journal.record_created(
        attempt,
        JobRecord(
            id=job.id,
            created_at=(job.create_time_ms / 1000) if job.create_time_ms else now,
            updated_at=now,
            base_url=client.base_url,
            profile=profile,
            inputs=inputs,
            video_status=job.video_status,
            video_url=job.video_url,
        ),
    )
    return job


SPEECH_POLL_INITIAL = 2.0


def synthesize_speech(
    client: AkoolClient,
    journal: Journal,
    text: str,
    voice_id: str,
    *,
    speed: float | None,
    profile: str,
    timeout: float | None = None,
    clock: Clock | None = None,
    on_update: Callable[[SpeechInfo], None] | None = None,
    extra_inputs: dict[str, Any] | None = None,
    voice_options: dict[str, Any] | None = None,
    language_code: str | None = None,
) -> SpeechInfo:
    """Create speech with VoiceLab, record it, and wait until its audio URL exists."""
    clock = clock or current()
    inputs: dict[str, Any] = {"text": text, "voice": voice_id, **(extra_inputs or {})}
    if speed is not None:
        inputs["speed"] = speed
    if voice_options:
        inputs["voice_options"] = voice_options
    if language_code:
        inputs["language_code"] = language_code
    attempt = journal.begin_attempt(client.base_url, profile, "tts", inputs)
    speech = _record_create(
        journal,
        attempt,
        lambda: client.create_tts(
            text, voice_id, speed=speed, voice_options=voice_options, language_code=language_code
        ),
    )
    created = speech
    now = clock.time()
    journal.record_created(
        attempt,
        JobRecord(
            id=speech.id,
            kind="tts",
            created_at=now,
            updated_at=now,
            base_url=client.base_url,
            profile=profile,
            inputs=inputs,
            video_status=speech.status,
        ),
    )
    schedule = PollSchedule(initial=SPEECH_POLL_INITIAL)
    interval = SPEECH_POLL_INITIAL
    deadline = None if timeout is None else clock.monotonic() + timeout
    failures = 0
    while speech.status not in (3, 4):
        if deadline is not None and clock.monotonic() + interval > deadline:
            raise WaitTimeoutError(
                f"the speech job {speech.id} is still running after {timeout:g} s",
                hint="try again later; the speech keeps being made on AKOOL",
            )
        clock.sleep(interval)
        try:
            speech = client.tts_detail(speech.id)
        except RateLimitedError:
            interval = schedule.after(interval, rate_limited=True)
            continue
        except UnavailableError:
            failures += 1
            if failures >= MAX_POLL_FAILURES:
                raise
            continue
        failures = 0
        journal.update_state(speech.id, speech.status, speech.audio_url, "")
        if on_update is not None:
            on_update(speech)
        interval = schedule.after(interval)
    if speech.status == 4:
        raise JobFailedError(
            f"the speech job {speech.id} failed on AKOOL",
            hint="check the text and the voice id (akool voices), then try again",
        )
    if not speech.audio_url.startswith(("http://", "https://")):
        raise UnavailableError(f"the speech job {speech.id} finished without an audio URL")
    if speech.deduction_credit is None and created.deduction_credit is not None:
        speech = replace(speech, deduction_credit=created.deduction_credit)
    return speech


# -- follow ---------------------------------------------------------------------------------------


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


@dataclass
class _Tracked:
    job_id: str
    target: Path | None
    next_poll: float
    interval: float
    info: JobInfo | None = None
    failures: int = 0
    polls: int = 0


@dataclass
class WatchResult:
    jobs: dict[str, JobInfo] = field(default_factory=dict)
    downloads: dict[str, DownloadResult] = field(default_factory=dict)
    errors: dict[str, AkoolError] = field(default_factory=dict)
    polls: int = 0


class _DaemonPool:
    """A few daemon worker threads: Ctrl-C must not wait for a download to finish."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._tasks: queue.SimpleQueue[tuple[futures.Future[Any], Callable[[], Any]]] = (
            queue.SimpleQueue()
        )
        self._threads: list[threading.Thread] = []

    def submit(self, fn: Callable[[], Any]) -> futures.Future[Any]:
        future: futures.Future[Any] = futures.Future()
        self._tasks.put((future, fn))
        if len(self._threads) < self._size:
            worker = threading.Thread(target=self._work, daemon=True, name="akool-worker")
            worker.start()
            self._threads.append(worker)
        return future

    def _work(self) -> None:
        while True:
            future, fn = self._tasks.get()
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(fn())
            except BaseException as exc:
                future.set_exception(exc)


UpdateCallback = Callable[[str, JobInfo, "JobInfo | None"], None]
DownloadedCallback = Callable[[str, DownloadResult], None]
ProgressFactory = Callable[[str], ProgressCallback | None]


def follow_jobs(
    client: AkoolClient,
    job_ids: list[str],
    *,
    journal: Journal | None = None,
    targets: dict[str, Path] | None = None,
    force: bool = False,
    interval: float = POLL_INITIAL,
    first_poll_delay: float = 0.0,
    timeout: float | None = None,
    clock: Clock | None = None,
    on_update: UpdateCallback | None = None,
    on_downloaded: DownloadedCallback | None = None,
    on_tick: Callable[[float, int], None] | None = None,
    progress_for: ProgressFactory | None = None,
    workers: int = WORKERS,
    should_stop: Callable[[], bool] | None = None,
) -> WatchResult:
    """Poll every job until it is done or failed, downloading finished videos that have a target.

    At most one status request per job per interval; the interval grows from `interval` to ~30 s.
    Raises WaitTimeoutError when `timeout` passes (the jobs keep running on AKOOL).
    """
    clock = clock or current()
    schedule = PollSchedule(initial=interval)
    targets = targets or {}
    start = clock.monotonic()
    deadline = None if timeout is None else start + timeout
    pending = {
        job_id: _Tracked(job_id, targets.get(job_id), start + first_poll_delay, interval)
        for job_id in dict.fromkeys(job_ids)
    }
    result = WatchResult()
    pool = _DaemonPool(max(1, min(workers, len(pending) * 2)))
    in_flight: dict[futures.Future[Any], tuple[str, _Tracked]] = {}

    def poll(tracked: _Tracked) -> JobInfo:
        return client.video_info(tracked.job_id)

    def fetch(tracked: _Tracked, url: str) -> DownloadResult:
        assert tracked.target is not None
        progress = progress_for(tracked.job_id) if progress_for else None
        return download(
            client.transport, url, tracked.target, force=force, on_progress=progress, clock=clock
        )

    while pending or in_flight:
        if on_tick is not None:
            on_tick(clock.monotonic() - start, len(pending))
        stopping = should_stop is not None and should_stop()
        if stopping and not any(kind == "poll" for kind, _ in in_flight.values()):
            # Asked to stop: unfinished jobs keep running on AKOOL, and a download cut here
            # leaves a part file that the next run resumes.
            return result
        now = clock.monotonic()
        busy = {tracked.job_id for _, tracked in in_flight.values()}
        for tracked in pending.values():
            if not stopping and tracked.job_id not in busy and tracked.next_poll <= now:
                tracked.polls += 1
                result.polls += 1
                in_flight[pool.submit(partial(poll, tracked))] = ("poll", tracked)
        if not in_flight:
            wake = min(t.next_poll for t in pending.values())
            if deadline is not None and wake >= deadline:
                clock.sleep(max(0.0, deadline - now))
                raise _timeout(pending, timeout)
            pause = max(0.0, wake - now)
            if should_stop is not None:
                pause = min(pause, STOP_CHECK_SECONDS)  # notice a stop request promptly
            clock.sleep(pause)
            continue
        polls_waiting = any(kind == "poll" for kind, _ in in_flight.values())
        wait_for: float | None = None
        if not polls_waiting and pending:
            # Only downloads in flight: wake up when the next poll is due.
            wait_for = max(0.0, min(min(t.next_poll for t in pending.values()) - now, 1.0))
        done, _ = futures.wait(list(in_flight), timeout=wait_for, return_when="FIRST_COMPLETED")
        for future in done:
            kind, tracked = in_flight.pop(future)
            if kind == "poll":
                _after_poll(future, tracked, pending, result, schedule, clock, journal, on_update)
                info = result.jobs.get(tracked.job_id)
                if (
                    tracked.job_id not in pending
                    and info is not None
                    and info.video_status == 3
                    and tracked.target is not None
                    and tracked.job_id not in result.errors
                ):
                    job = pool.submit(partial(fetch, tracked, info.video_url))
                    in_flight[job] = ("download", tracked)
            else:
                try:
                    downloaded = future.result()
                except AkoolError as exc:
                    result.errors[tracked.job_id] = exc
                    continue
                result.downloads[tracked.job_id] = downloaded
                if journal is not None:
                    journal.record_download(
                        tracked.job_id,
                        str(downloaded.path.absolute()),
                        downloaded.size,
                        downloaded.sha256,
                    )
                if on_downloaded is not None:
                    on_downloaded(tracked.job_id, downloaded)
        if deadline is not None and pending and clock.monotonic() >= deadline:
            raise _timeout(pending, timeout)
    return result


def _after_poll(
    future: futures.Future[Any],
    tracked: _Tracked,
    pending: dict[str, _Tracked],
    result: WatchResult,
    schedule: PollSchedule,
    clock: Clock,
    journal: Journal | None,
    on_update: UpdateCallback | None,
) -> None:
    now = clock.monotonic()
    try:
        info: JobInfo = future.result()
    except RateLimitedError:
        tracked.interval = schedule.after(tracked.interval, rate_limited=True)
        tracked.next_poll = now + tracked.interval
        log.debug("%s: rate limited, next poll in %.1f s", tracked.job_id, tracked.interval)
        return
    except UnavailableError as exc:
        tracked.failures += 1
        if tracked.failures < MAX_POLL_FAILURES:
            tracked.interval = schedule.after(tracked.interval)
            tracked.next_poll = now + tracked.interval
            log.debug("%s: poll failed (%s), trying again later", tracked.job_id, exc)
            return
        raise
    tracked.failures = 0
    previous = tracked.info
    tracked.info = info
    result.jobs[tracked.job_id] = info
    changed = previous is None or (previous.video_status, previous.video_url) != (
        info.video_status,
        info.video_url,
    )
    if changed and journal is not None:
        journal.update_state(tracked.job_id, info.video_status, info.video_url, info.error_reason)
    if on_update is not None and (changed or info.progress != (previous and previous.progress)):
        on_update(tracked.job_id, info, previous)
    if info.finished:
        pending.pop(tracked.job_id, None)
        return
    tracked.interval = schedule.after(tracked.interval) if tracked.polls > 1 else tracked.interval
    tracked.next_poll = now + tracked.interval


def _timeout(pending: dict[str, _Tracked], timeout: float | None) -> WaitTimeoutError:
    ids = " ".join(pending)
    return WaitTimeoutError(
        f"{len(pending)} job(s) still running after {timeout:g} s: {ids}; "
        "they keep running on AKOOL",
        hint=f"resume with: akool watch {ids}",
    )


def refresh(
    client: AkoolClient, job_ids: list[str], *, workers: int = WORKERS
) -> dict[str, JobInfo | AkoolError]:
    """The current state of several jobs, fetched concurrently; errors are returned per job."""

    def one(job_id: str) -> JobInfo | AkoolError:
        try:
            return client.video_info(job_id)
        except (RejectedError, UnavailableError) as exc:
            return exc

    if len(job_ids) <= 1:
        return {job_id: one(job_id) for job_id in job_ids}
    pool = _DaemonPool(min(workers, len(job_ids)))
    submitted = {job_id: pool.submit(partial(one, job_id)) for job_id in job_ids}
    return {job_id: future.result() for job_id, future in submitted.items()}
