"""Running a batch: each valid row claimed, created once, followed and downloaded, a few at a time.

A row is claimed in the history before its create is sent, so a second run of the same file (at
the same time, or after a crash) follows or waits for what the first one owns instead of paying for
it again. A fixed number of threads does the work whatever the number of rows: `concurrency`
creators and one watcher's pool. No printing: events reach the caller through a callback.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import suppress
from dataclasses import dataclass, field, is_dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any, cast

from akool_cli.core import interrupts, kinds
from akool_cli.core.clock import Clock, current
from akool_cli.core.errors import (
    AkoolError,
    LocalStateError,
    ResultGoneError,
    UnknownOutcomeError,
    UnsettledAttemptError,
)
from akool_cli.core.kinds import SPEECH, TALKING_PHOTO, JobKind, Request, SpeechRequest
from akool_cli.core.prices import credits_of
from akool_cli.core.states import Status
from akool_cli.core.validate import TalkRequest
from akool_cli.core.workers import WorkerPool, join
from akool_cli.jobs import engine, naming
from akool_cli.jobs.batch import Item
from akool_cli.jobs.budget import Budget, Estimator
from akool_cli.jobs.download import safe_file_name
from akool_cli.jobs.watcher import Downloaded, Event, Failed, Finished, Progress, Updated, Watcher
from akool_cli.net.api import AkoolClient
from akool_cli.store.journal import AttemptRecord, JobRecord, Journal, Scope

RATE_LIMIT_PAUSE = 10.0
FEED_WAIT_SECONDS = 0.5
WATCH_WORKERS = 16


@dataclass
class Outcome:
    row: int
    id: str
    job_id: str | None = None
    # pending, created, queued, processing, done, failed, unknown, error; "downloading": done on
    # AKOOL, its file not saved yet (the run stopped while downloading it; a rerun saves it)
    state: str = "pending"
    video_url: str | None = None
    downloaded_path: str | None = None
    error: str | None = None
    resumed: bool = False
    attempt_id: int | None = None  # an unknown outcome's attempt: `akool settle ATTEMPT ...`

    def to_json(self) -> dict[str, Any]:
        return {
            "row": self.row,
            "id": self.id,
            "job_id": self.job_id,
            "state": self.state,
            "video_url": self.video_url,
            "downloaded_path": self.downloaded_path,
            "error": self.error,
            "resumed": self.resumed,
            "attempt": self.attempt_id,
        }


def target_for(
    item: Item, job_id: str | None, output_dir: Path, record: JobRecord | None = None
) -> Path:
    """Where a row's result goes: its `output` column, or the job id (known once created) with
    the suffix it was saved with (an image named by its bytes) or its kind's."""
    suffix = naming.target_suffix(record, kinds.get(item.kind))
    return output_dir / (item.output or safe_file_name(job_id or "<job_id>", suffix))


UNSETTLED_ACTION = "unknown (settle first)"  # akool settle, as the run's error says
RETRY_ACTION = "create again (--retry-unknown)"  # the row's own unknown create, sent again


OTHER_CREDENTIAL_ACTION = "made with another credential"  # --same-account or --new-account

WAITING_ACTIONS = (UNSETTLED_ACTION, OTHER_CREDENTIAL_ACTION)  # rows a run would not start


def plan(
    items: list[Item],
    journal: Journal,
    output_dir: Path | None,
    scope: Scope,
    elsewhere: Mapping[str, str] | None = None,
    *,
    retry_unknown: bool = False,
) -> Iterator[dict[str, Any]]:
    """What a run in this scope would do with each row (one indexed lookup per row), and what
    each create is estimated to cost; nothing is sent. `request` is the body the create will
    send (a talking photo made from text gets its audio_url from the speech first).
    `elsewhere`: the keys made with another credential, which a run refuses (accounts.py).
    `retry_unknown`: as the run's, a row whose own create's outcome is unknown is created
    again (and estimated); one in doubt for another create's still waits for settle."""
    estimator = Estimator(journal, scope)
    elsewhere = elsewhere or {}
    for item in items:
        earlier = earlier_job(journal, item, scope, output_dir)
        keys = [item.key + ":speech", item.key, item.legacy_key or ""]
        other = None if earlier else next((elsewhere[k] for k in keys if k in elsewhere), None)
        # A row whose create has an unknown outcome is not created by a run: it waits for settle.
        doubt = None if earlier else in_doubt(journal, item, keys[:2], scope, retry_unknown)
        unsettled = doubt is True
        action = f"pick up {earlier.id}" if earlier else "create"
        if other is not None:
            action = OTHER_CREDENTIAL_ACTION
        elif unsettled:
            action = UNSETTLED_ACTION
        elif doubt == "retried":
            action = RETRY_ACTION
        request = item.request
        talk = request if isinstance(request, TalkRequest) else None
        fields = request.fields if not isinstance(request, TalkRequest) else {}
        yield {
            "row": item.row,
            "id": item.id,
            "image_url": talk.image_url if talk else fields.get("image_url"),
            "audio": (talk.audio_url or f"text ({item.voice})")
            if talk
            else fields.get("audio_url"),
            "action": action,
            "output": str(target_for(item, earlier.id if earlier else None, output_dir))
            if output_dir
            else None,
            "prompt": talk.prompt if talk else fields.get("prompt"),
            "resolution": talk.resolution if talk else fields.get("resolution"),
            "text": item.text,
            "voice": item.voice,
            "speed": item.speed,
            "job_id": earlier.id if earlier else None,
            "estimate": None if earlier or unsettled or other else _row_estimate(estimator, item),
            "other_account": other,
            "kind": item.kind,
            "request": request.body(),
        }


def in_doubt(
    journal: Journal, item: Item, keys: list[str], scope: Scope, retry_unknown: bool = False
) -> bool | str:
    """Whether a row's create waits for `akool settle`: its own claim's (`keys`) outcome is
    unknown (unless `retry_unknown`: then "retried", as the run sends it again), or that of the
    same request sent another way (`akool talk`, an MCP call, another row), which
    --retry-unknown never sends over. A text row's talking photo is known once its speech is
    made: its speech is asked."""
    own = journal.unsettled_for_keys(keys, scope)
    if own and not retry_unknown:
        return True
    mine = {attempt.id for attempt in own}
    if any(a.id not in mine for a in journal.unsettled_like(scope, *row_create(item))):
        return True
    return "retried" if own else False


def row_create(item: Item) -> tuple[str, dict[str, Any]]:
    """The kind and inputs of a row's first create: its speech's for a text row (its talking
    photo's audio is the speech's, known once it is made), else its own."""
    speech = speech_of(item)
    if speech is None:
        return item.kind, item.request.inputs()
    return SPEECH.name, speech.inputs()


def speech_of(item: Item) -> SpeechRequest | None:
    """A text row's speech request (its talking photo's audio); None for other rows."""
    if item.text is None or item.voice is None:
        return None
    options = {} if item.speed is None else {"speed": item.speed}
    return SpeechRequest(item.text, item.voice, options)


def _row_estimate(estimator: Estimator, item: Item) -> dict[str, Any]:
    """A row's creates at their estimates: the talking photo, and its speech for a text row."""
    found = estimator(item.kind, item.request.body())
    if item.text is None:
        return found.to_json()
    speech = estimator(SPEECH.name, {"input_text": item.text})
    known = found.known and speech.known
    credits = (found.credits or 0.0) + (speech.credits or 0.0) if known else None
    return {"credits": credits, "source": f"{found.source}; speech {speech.source}"}


def estimated(rows: list[dict[str, Any]], journal: Journal) -> dict[str, Any]:
    """The plan's total estimate, and how many creates have no estimate yet."""
    creates = [row["estimate"] for row in rows if row.get("estimate") is not None]
    unknown = sum(1 for e in creates if e["credits"] is None)
    total = round(sum(e["credits"] or 0.0 for e in creates), 4)
    note = (
        f"{unknown} of {len(creates)} create(s) have no estimate yet (no documented price, none "
        "seen: with --max-credits the first of each such kind runs alone until its cost is known)"
        if unknown
        else f"{len(creates)} create(s), each at its documented price or the largest cost seen"
    )
    return {"credits": total, "creates": len(creates), "unknown": unknown, "note": note}


def earlier_job(
    journal: Journal, item: Item, scope: Scope, output_dir: Path | None = None
) -> JobRecord | None:
    """The job a run in this scope made for the row, under its key or akool 0.1's; with an
    `output_dir` (a run that saves results), not one whose result expired on AKOOL unsaved:
    that row is made again, as --reuse makes a new job then (break17h H6: every rerun picked
    the expired job up, its download answered 404, exit 9)."""
    earlier = journal.find_by_key(item.key, scope)
    if earlier is None and item.legacy_key is not None:
        earlier = journal.find_by_key(item.legacy_key, scope)
    if earlier is not None and output_dir is not None and earlier.lapsed(journal.clock.time()):
        return None
    return earlier


EventCallback = Callable[[Outcome, str], None]


@dataclass
class BatchRunner:
    """Runs items with at most `concurrency` rows in flight; a stop lets creates in flight finish."""

    client: AkoolClient
    journal: Journal
    profile: str
    output_dir: Path | None = None
    concurrency: int = 4
    interval: float = 3.0
    force: bool = False
    retry_unknown: bool = False
    clock: Clock = field(default_factory=current)
    on_event: EventCallback | None = None
    on_bytes: Callable[[int], None] | None = None
    stopping: threading.Event = field(default_factory=threading.Event)
    # An uploaded file's URL as a create sends it now (signed again: break17h H15).
    fresh_url: Callable[[str], str] | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _paused_until: float = 0.0
    # Set when the history cannot be written: the run stops, and the ids it could not record
    # are in the outcomes (state "unrecorded") for the caller to show.
    fatal: LocalStateError | None = None
    # Every row's outcome so far, also when run() ends with an exception (a stop).
    outcomes: list[Outcome] = field(default_factory=list)
    # The ledger: the run is recorded with the balance before and after (label: the file).
    run_label: str | None = None
    budget: Budget | None = None  # --max-credits: no create once it would pass the cap
    estimator: Estimator | None = None
    run_id: int | None = None
    # What on_event raised (on any thread): the run stopped starting rows, the creates in
    # flight were answered and recorded, and the caller raises it (break17g G10).
    callback_error: Exception | None = None
    # Its Client was closed under it (on another thread): the same halt, and the caller raises.
    closed: bool = False

    def __post_init__(self) -> None:
        self.stopping = interrupts.Halt(self.stopping)

    def run(self, items: list[Item]) -> list[Outcome]:
        outcomes = self.outcomes = [Outcome(item.row, item.id) for item in items]
        run = _Run(self, list(zip(items, outcomes, strict=True)))
        self._begin_run()
        outcome = "stopped"
        grace: float | None = None
        try:
            run.go()
            outcome = "finished"
            if self.callback_error is not None:
                outcome = "error"  # the creates in flight were waited for: no grace here
            elif self.closed:
                outcome = "stopped"  # likewise: close() leaves a create in flight its answer
            elif self.stopped():
                # The loop ended on a stop whose KeyboardInterrupt never came (Python reports
                # one raised in a finalizer and goes on): the same stop as the one below.
                outcome, grace = "stopped", interrupts.grace_left()
            elif self.budget is not None and self.budget.refused is not None:
                outcome = "error" if self.budget.error is not None else "budget"
        except BaseException:
            # Stop taking rows; a create in flight gets a short grace for its answer, then its
            # outcome is unknown (recorded, never resent by itself): a stop ends akool in 2 s.
            self.stopping.set()
            grace = interrupts.grace_left()
            raise
        finally:
            run.close(grace)
            if grace is not None:
                self._abandon_in_flight()
            self._unsaved_not_done(items)
            self._end_run(outcome)
        return outcomes

    def _unsaved_not_done(self, items: list[Item]) -> None:
        """A row done on AKOOL whose file the run did not save (it stopped while downloading
        it) is "downloading", not done: a script reading the report is never told the file is
        there (break17h H8); a rerun resumes the download."""
        if self.output_dir is None or not self.stopping.is_set():
            return
        for item, outcome in zip(items, self.outcomes, strict=True):
            saves = kinds.get(item.kind).makes == "file"
            if saves and outcome.state == "done" and not outcome.downloaded_path:
                outcome.state = "downloading"

    def stopped(self) -> bool:
        """Whether a stop (a signal, or the caller's `stopping`) ended the run: not the history
        that could not be written, which sets `stopping` too, nor a callback that raised."""
        halted = self.callback_error is not None or self.closed
        return self.stopping.is_set() and self.fatal is None and not halted

    def halt(self, *, closed: bool = False) -> None:
        """Start no more rows and stop following, leaving the caller's `stopping` alone (its
        callback raised, or its Client was closed): the creates in flight are answered and
        recorded, without a stop's grace."""
        self.closed = self.closed or closed
        assert isinstance(self.stopping, interrupts.Halt)
        self.stopping.halt()

    def _abandon_in_flight(self) -> None:
        """Rows whose create still waits for AKOOL's answer after a stop's grace: unknown."""
        for outcome in self.outcomes:
            if outcome.state != "sending" or outcome.attempt_id is None:
                continue
            with suppress(AkoolError):  # a full disk: the owner lock says it was never answered
                if self.journal.abandon_attempt(outcome.attempt_id, engine.STOPPED_WAITING):
                    outcome.state = "unknown"
                    outcome.error = (
                        f"stopped while waiting for AKOOL's answer to its create (attempt "
                        f"{outcome.attempt_id}): whether it made a job is unknown"
                    )

    def _begin_run(self) -> None:
        """Read the balance the run starts from, and record the run (the ledger)."""
        balance = self.budget.begin() if self.budget is not None else None
        if self.run_label is None:
            return
        if balance is None:
            balance = self._balance()
        origin = engine.Origin(self.client.base_url, self.profile)
        scope = engine.scoped(self.client, self.journal, origin)
        limit = self.budget.limit if self.budget is not None else None
        self.run_id = self.journal.begin_run("batch", self.run_label, scope.scope(), balance, limit)

    def _end_run(self, outcome: str) -> None:
        if self.run_id is None:
            return
        # A full disk: the rows' report (and its billed ids) matters more than this line.
        with suppress(AkoolError):
            self.journal.end_run(self.run_id, self._balance(), outcome)

    def _balance(self) -> float | None:
        try:
            return self.client.credit()
        except AkoolError:
            return None  # the ledger says "unknown"; the run itself does not depend on it

    def admitted(self, outcome: Outcome, kind: JobKind, request: Request) -> bool:
        """Whether the budget lets this row's create start now (always, without a budget)."""
        if self.budget is None:
            return True
        return self.budget.admit(outcome.row, kind.name, request.body(), self.stopping.is_set)

    def settled(self, outcome: Outcome, kind: str, cost: dict[str, float] | None) -> None:
        """The row is no longer in flight: its job finished (and was charged), or never began."""
        if self.estimator is not None and cost:
            self.estimator.learn(kind, credits_of(cost))  # first: a waiting probe reads it
        if self.budget is not None:
            self.budget.release(outcome.row)

    def emit(self, outcome: Outcome, message: str) -> None:
        """The event to the caller's callback. What it raises never cuts the row's work (a
        create's id not yet in its outcome, a job not followed: break17g G10): the first such
        error is kept, the run starts no more rows and stops following, and the caller raises
        it once the creates in flight are recorded."""
        if self.on_event is None:
            return
        with self._lock:
            try:
                self.on_event(outcome, message)
            except Exception as exc:
                if self.callback_error is None:
                    self.callback_error = exc
                    self.halt()

    # -- one row ------------------------------------------------------------------------------

    def job_for(self, item: Item, outcome: Outcome) -> JobRecord | str | None:
        """The row's job: an earlier one (a record), a new one (its id), or None (not now)."""
        talk = item.request
        self._note_remade(item, outcome)
        kept = self.output_dir is None  # a job expired unsaved is the row's, unless it saves
        if not isinstance(talk, TalkRequest):
            kind = kinds.get(item.kind)
            return self._claimed_create(item, outcome, kind, talk, item.key, expired_counts=kept)
        request: Request = talk
        if item.text is not None and item.voice is not None:
            earlier = self._made_earlier(item)
            if earlier is not None:  # its speech is not needed (nor remade once it expired)
                outcome.resumed = True
                self.emit(
                    outcome, f"picked up {TALKING_PHOTO.noun} job {earlier.id} from an earlier run"
                )
                return earlier
            audio = self._speech(item, outcome)
            if audio is None:
                return None
            request = replace(talk, audio_url=audio)
        if item.legacy_key is not None:
            origin = self._origin(item, item.legacy_key)
            scope = engine.scoped(self.client, self.journal, origin).scope()
            earlier = self.journal.find_by_key(item.legacy_key, scope)
            if earlier is not None:  # made by akool 0.1, which keyed rows by line number
                outcome.resumed = True
                self.emit(outcome, f"picked up talking photo job {earlier.id} from an earlier run")
                return earlier
        return self._claimed_create(
            item, outcome, TALKING_PHOTO, request, item.key, expired_counts=kept
        )

    def _made_earlier(self, item: Item) -> JobRecord | None:
        """The row's talking photo made by an earlier run (what its claim would return first)."""
        origin = self._origin(item, item.key)
        scope = engine.scoped(self.client, self.journal, origin).scope()
        made = self.journal.find_by_key(item.key, scope)
        return None if made is None or self._remade(made) else made

    def _note_remade(self, item: Item, outcome: Outcome) -> None:
        origin = self._origin(item, item.key)
        made = self.journal.find_by_key(
            item.key, engine.scoped(self.client, self.journal, origin).scope()
        )
        if made is not None and self._remade(made):
            self.emit(
                outcome,
                f"the job {made.id} an earlier run made for this row expired on AKOOL unsaved "
                "(AKOOL keeps results 7 days): making the row again (billed)",
            )

    def _remade(self, made: JobRecord) -> bool:
        """Whether a row's earlier job gives way to a new one: this run saves results, and
        that job's expired on AKOOL unsaved (break17h H6); the row says so once."""
        return self.output_dir is not None and made.lapsed(self.clock.time())

    def _speech(self, item: Item, outcome: Outcome) -> str | None:
        assert isinstance(item.request, TalkRequest)
        request = speech_of(item)
        assert request is not None
        key = item.key + ":speech"
        # A speech made earlier is asked for again (the history keeps its URL masked); one AKOOL
        # no longer keeps (past its 7 days, or deleted) is made anew (break17f F11).
        job = engine.live_speech(
            self.client,
            self.journal,
            lambda: self._claimed_create(item, outcome, SPEECH, request, key, expired_counts=False),
        )
        if job is None:
            return None
        from akool_cli.jobs.watcher import follow_one

        job = follow_one(
            self.client,
            self.journal,
            SPEECH,
            job,
            interval=engine.SPEECH_POLL_INITIAL,
            clock=self.clock,
            should_stop=self.stopping.is_set,
        )
        return engine.finished_speech(job).video_url

    def _claimed_create(
        self,
        item: Item,
        outcome: Outcome,
        kind: JobKind,
        request: Request,
        key: str,
        *,
        expired_counts: bool = True,
    ) -> JobRecord | str | None:
        """The row's create through the engine's claim loop: the job an earlier run made (with
        `expired_counts` False, not one whose result AKOOL deleted), the id of the one made now,
        or None (a stop). An unknown outcome raises UnknownOutcomeError."""
        over_budget, taken = threading.Event(), threading.Event()

        def before_send() -> None:
            self._wait_for_gate()
            if self._output_taken(item):
                taken.set()  # the claim is given back: nothing was sent
            elif not self.admitted(outcome, kind, request):
                over_budget.set()  # likewise

        rules = engine.ClaimRules(
            stopping=lambda: self.stopping.is_set() or over_budget.is_set() or taken.is_set(),
            wait=self.stopping.wait,  # a stop ends the wait at once
            on_busy=partial(self._note_busy, outcome),
            retry_unknown=self.retry_unknown,
            before_send=before_send,
            wait_gate=self._wait_for_gate,
            on_sending=partial(self._sending, outcome),
            on_rate_limited=partial(self._pause, outcome),
            expired_counts=expired_counts,
        )
        if self.fresh_url is not None:
            rules.fresh = partial(with_fresh_urls, fresh=self.fresh_url)
        try:
            found = engine.claimed(
                self.client, self.journal, kind, request, self._origin(item, key), rules
            )
        except UnsettledAttemptError as exc:
            outcome.state, outcome.attempt_id = "unknown", exc.attempt_id
            outcome.error = f"{exc.message}; {exc.hint}"
            self.emit(outcome, outcome.error)
            return None
        if isinstance(found, JobRecord):
            outcome.resumed = True
            self.emit(outcome, f"picked up {kind.noun} job {found.id} from an earlier run")
            return found
        if found is None:
            if taken.is_set():
                outcome.state = "error"
                outcome.error = self._output_taken(item)
                self.emit(outcome, f"not started: {outcome.error}")
            elif over_budget.is_set():
                outcome.state = "budget"
                self.emit(outcome, f"not started: {self.budget.refused if self.budget else ''}")
            return None
        outcome.state = "created"
        also = ", ".join(o.id for o in found.others)  # more than asked for: none dropped (F18)
        more = f"; AKOOL's answer also named {also}, each billed and recorded" if also else ""
        self.emit(outcome, f"created {kind.noun} job {found.id}{more}")
        return found.id

    def _output_taken(self, item: Item) -> str:
        """Why a row about to be made (billed) could not save its result: its `output` file is
        there already, without --force ("" when it could). Checked before its create is sent,
        as `talk -o` does (break17j J16: the row was made, billed, then not saved)."""
        if self.output_dir is None or self.force or not item.output:
            return ""
        target = target_for(item, None, self.output_dir)
        if not os.path.lexists(target):
            return ""
        return (
            f"{target} already exists, and this row would make a new job (billed) to save there; "
            "nothing was sent (run the batch again with --force to replace it, or give the row "
            "another output)"
        )

    def _origin(self, item: Item, key: str) -> engine.Origin:
        return engine.Origin(
            base_url=self.client.base_url,
            profile=self.profile,
            label=item.id,
            batch_key=key,
            extra_inputs={"batch_row": item.row, "batch_id": item.id},
            run_id=self.run_id,
        )

    @staticmethod
    def _sending(outcome: Outcome, attempt_id: int) -> None:
        outcome.state, outcome.attempt_id = "sending", attempt_id

    def over_budget(self) -> bool:
        return self.budget is not None and self.budget.refused is not None

    def _pause(self, outcome: Outcome) -> None:
        """AKOOL refused a create with a rate limit (nothing was created): slow every creator."""
        with self._lock:
            self._paused_until = self.clock.monotonic() + RATE_LIMIT_PAUSE
        self.emit(outcome, f"rate limited; pausing submissions for {RATE_LIMIT_PAUSE:g} s")

    def _note_busy(self, outcome: Outcome, busy: AttemptRecord) -> None:
        if outcome.state != "waiting":
            outcome.state = "waiting"
            self.emit(outcome, engine.busy_line(busy.pid, "this row"))

    def _wait_for_gate(self) -> None:
        while not self.stopping.is_set():
            with self._lock:
                wait = self._paused_until - self.clock.monotonic()
            if wait <= 0:
                return
            interrupts.backoff(self.clock, wait, self.stopping)  # a stop ends the pause at once


class _Run:
    """One run's threads: a feeder, `concurrency` creators, and the watcher in the caller's thread."""

    def __init__(self, runner: BatchRunner, rows: list[tuple[Item, Outcome]]) -> None:
        self.runner = runner
        self.rows = rows
        self.slots = threading.Semaphore(max(1, runner.concurrency))
        self.by_job: dict[str, tuple[Item, Outcome]] = {}
        self.received: dict[str, int] = {}
        self.watcher = Watcher(
            runner.client,
            runner.journal,
            interval=runner.interval,
            force=runner.force,
            clock=runner.clock,
            workers=min(WATCH_WORKERS, 2 * max(1, runner.concurrency)),
            should_stop=runner.stopping.is_set,
            keep_results=False,
        )
        self.creators = WorkerPool(runner.concurrency, name="akool-batch")
        self.feeder = threading.Thread(target=self._feed, name="akool-batch-feed", daemon=True)
        self.lock = threading.Lock()

    def go(self) -> None:
        self.watcher.keep_open(True)
        self.feeder.start()
        for event in self.watcher.events():
            self._on_event(event)

    def close(self, grace: float | None = None) -> None:
        """Wait for the creates in flight to be answered and recorded: all of them, or after a
        stop, for `grace` seconds at most (the rest are the runner's to mark unknown)."""
        self.watcher.close()
        join(self.feeder, grace)  # the feeder closes the creators, waiting for each
        self.creators.close(wait=grace is None, timeout=None)

    def _feed(self) -> None:
        stopping = self.runner.stopping
        try:
            for item, outcome in self.rows:
                while not self.slots.acquire(timeout=FEED_WAIT_SECONDS):
                    if stopping.is_set() or self.runner.over_budget():
                        return
                if stopping.is_set() or self.runner.over_budget():
                    self.slots.release()
                    return
                self.creators.submit(partial(self._start, item, outcome))
        finally:
            self.creators.close(wait=True, timeout=None)
            self.watcher.keep_open(False)

    def _start(self, item: Item, outcome: Outcome) -> None:
        runner = self.runner
        try:
            found = runner.job_for(item, outcome)
        except LocalStateError as exc:
            outcome.job_id, outcome.attempt_id = exc.job_id, exc.attempt_id
            outcome.state = "unrecorded" if exc.job_id else "error"
            outcome.error = exc.message
            runner.emit(outcome, exc.message)
            runner.fatal = runner.fatal or exc
            runner.stopping.set()  # nothing more can be recorded: start nothing more
            found = None
        except AkoolError as exc:
            outcome.state = "unknown" if isinstance(exc, UnknownOutcomeError) else "error"
            outcome.error = exc.message
            if isinstance(exc, UnknownOutcomeError):
                outcome.attempt_id = exc.attempt_id
            runner.emit(outcome, exc.message)
            found = None
        except BaseException:
            self._release(outcome)
            raise
        if found is None or not self._follow(item, outcome, found):
            self._release(outcome)

    def _release(
        self, outcome: Outcome, kind: str = "", cost: dict[str, float] | None = None
    ) -> None:
        """The row's slot is free again, and its estimate no longer in flight."""
        self.runner.settled(outcome, kind, cost)
        self.slots.release()

    def _follow(self, item: Item, outcome: Outcome, found: JobRecord | str) -> bool:
        """Hand the row's job to the watcher; False when there is nothing left to do."""
        runner = self.runner
        record = found if isinstance(found, JobRecord) else None
        job_id = record.id if record is not None else str(found)
        outcome.job_id = job_id
        if runner.output_dir is not None and record is not None:
            record = runner.journal.get(job_id) or record  # another run may have saved it since
        target = target_for(item, job_id, runner.output_dir, record) if runner.output_dir else None
        if target is not None and target.exists():
            record = runner.journal.get(job_id) or record
        if record is not None and target is not None and record.saved_at(target):
            outcome.state, outcome.video_url = "done", record.video_url
            outcome.downloaded_path = str(target)
            runner.emit(outcome, f"already saved {target}")
            return False
        # A file there that the history does not know (akool was killed between putting it in
        # place and recording it) is checked by the download against what the URL serves: the
        # same video is recorded as saved, another file is an error and is never replaced.
        with self.lock:
            self.by_job[job_id] = (item, outcome)
        delay = 0.0 if record is not None else runner.interval
        kind = kinds.get(item.kind)
        self.watcher.add(job_id, kind=kind, target=target, first_poll_delay=delay)
        return True

    def _on_event(self, event: Event) -> None:
        with self.lock:
            row = self.by_job.get(getattr(event, "job_id", ""))
        if row is None:
            return
        outcome = row[1]
        if isinstance(event, Updated):
            outcome.state = event.info.state
            self.runner.emit(outcome, event.info.state)
        elif isinstance(event, Downloaded):
            outcome.downloaded_path = str(event.result.path)
            self.runner.emit(outcome, f"saved {outcome.downloaded_path}")
        elif isinstance(event, Failed):
            outcome.state, outcome.error = "error", event.error.message
            if isinstance(event.error, ResultGoneError) and event.error.marked:
                outcome.error += f"; {event.error.hint}"  # what the next run does instead
            if isinstance(event.error, UnknownOutcomeError):  # another create's job (reused id)
                outcome.state, outcome.job_id = "unknown", None
                outcome.attempt_id = event.error.attempt_id
            self.runner.emit(outcome, event.error.message)
        elif isinstance(event, Finished):
            self._finished(row[0], outcome, event)
            with self.lock:  # a finished job's last event: nothing per row stays behind
                self.by_job.pop(event.job_id, None)
                self.received.pop(event.job_id, None)
        elif isinstance(event, Progress) and self.runner.on_bytes is not None:
            before = self.received.get(event.job_id, 0)
            self.received[event.job_id] = event.received
            self.runner.on_bytes(event.received - before)

    def _finished(self, item: Item, outcome: Outcome, event: Finished) -> None:
        info = event.info
        if info is not None and outcome.state != "error":
            outcome.state = info.state
            outcome.video_url = info.video_url or None
            if info.video_status == Status.FAILED:
                reason = info.error_reason or "AKOOL gave no reason"
                hint = kinds.get(item.kind).failure_hint
                outcome.error = f"{reason}; {hint}"  # AKOOL's advice for the product's inputs
        self._release(outcome, item.kind, info.cost if info is not None else None)


def with_fresh_urls(request: Request, *, fresh: Callable[[str], str]) -> Request:
    """The request with each URL in it as `fresh` gives it (an uploaded file's, signed again
    right before its create leaves); the same request when none changes."""
    if isinstance(request, TalkRequest):
        audio = request.audio_url and fresh(request.audio_url)
        return replace(request, image_url=fresh(request.image_url), audio_url=audio)
    fields = getattr(request, "fields", None)
    if not isinstance(fields, Mapping) or not is_dataclass(request):
        return request
    now = {name: _fresh_value(value, fresh) for name, value in fields.items()}
    return request if now == dict(fields) else cast("Request", replace(request, fields=now))


def _fresh_value(value: Any, fresh: Callable[[str], str]) -> Any:
    if isinstance(value, str):
        return fresh(value)
    if isinstance(value, list):
        return [_fresh_value(v, fresh) for v in value]
    if isinstance(value, Mapping):
        return {k: _fresh_value(v, fresh) for k, v in value.items()}
    return value
