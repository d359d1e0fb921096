"""Runs from Python as `akool mcp` keeps them: a session recorded in the ledger (its balance and
outcome), an optional cap on what the creates made in it may spend, and creates claimed by the
caller's key, so that a call repeated (a client that timed out and retried) returns the job the
first one made instead of paying for a second.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from akool_cli.client.base import ClientBase
from akool_cli.client.job import Job
from akool_cli.core.errors import AkoolError, BudgetExceededError, InterruptedByUser, UsageError
from akool_cli.core.prices import credits_of
from akool_cli.core.states import FINAL

if TYPE_CHECKING:
    from akool_cli.core.kinds import JobKind, Request
    from akool_cli.jobs.budget import Budget, Estimator
    from akool_cli.jobs.engine import Origin
    from akool_cli.store.journal import Journal, RunRecord


@dataclass(frozen=True)
class Once:
    """A create made at most once per `key`: a create with a key that already made a job
    returns that job (`Job.repeated`), waiting for it while another thread still sends it.
    With `within`, the key makes a new job once that many seconds passed since it made one."""

    key: str
    within: float | None = None

    def __post_init__(self) -> None:
        """A key is text; `within` is seconds or a duration ("1h"), as wait's timeout (break17g
        G3: Once(None) failed an assert, within="1h" a comparison deep inside)."""
        from akool_cli.core.durations import optional_duration

        if not isinstance(self.key, str) or not self.key.strip():
            raise UsageError(
                f"Once takes its key as non-empty text, not {self.key!r:.60}",
                hint='e.g. Once("order-42"), one key per thing to make once',
            )
        object.__setattr__(self, "within", optional_duration(self.within, "within"))


class Run:
    """A session in the ledger (see Client.start_run): its id, its cap, its creates in flight."""

    def __init__(
        self,
        run_id: int | None,
        budget: Budget | None,
        estimator: Estimator,
        journal: Journal,
        read_balance: Callable[[], float] | None = None,
    ) -> None:
        self.id = run_id
        self.budget = budget
        self.balance_before: float | None = None  # read on the first create, recorded on the run
        self._read_balance = read_balance
        self._estimator = estimator
        self._journal = journal
        self._flying: dict[str, str] = {}  # claim key → job id, unfinished (counted in budget)
        self._lock = threading.Condition()
        self._sending = 0  # creates inside create_once right now
        self._attempts: set[int] = set()  # their attempts whose request is being sent
        self.stopped = threading.Event()  # stop(): no create starts any more
        self.ended = False

    @property
    def max_credits(self) -> float | None:
        return self.budget.limit if self.budget is not None else None

    def stop(self) -> None:
        """Start no create any more (those already sending finish and are recorded)."""
        self.stopped.set()

    def settle(self, timeout: float | None = None) -> bool:
        """Wait until no create of this run is being sent; False if `timeout` passed first."""
        with self._lock:
            return self._lock.wait_for(lambda: self._sending == 0, timeout)

    @contextmanager
    def sending(self) -> Iterator[Callable[[int], None]]:
        """A create of this run is on its way; the function it yields notes the attempt whose
        request it sends (for abandon)."""
        sent: list[int] = []

        def note(attempt_id: int) -> None:
            with self._lock:
                sent.append(attempt_id)
                self._attempts.add(attempt_id)

        with self._lock:
            self._sending += 1
        try:
            yield note
        finally:
            with self._lock:
                self._sending -= 1
                self._attempts.difference_update(sent)
                self._lock.notify_all()

    def abandon(self) -> list[int]:
        """After a stop's grace (settle timed out): the creates still waiting for AKOOL's answer
        are unknown outcomes, recorded so now (never resent by themselves), as a batch's rows
        are. Returns their attempt ids; one answered and recorded meanwhile keeps its job."""
        from akool_cli.jobs.engine import STOPPED_WAITING

        with self._lock:
            attempts = sorted(self._attempts)
        return [a for a in attempts if self._journal.abandon_attempt(a, STOPPED_WAITING)]

    def admit(self, key: str, kind: JobKind, request: Request) -> str | None:
        """None when a create of `kind` may start now (it is then in flight until it finishes);
        else why not. A kind whose cost is unknown runs one job at a time: an agent's call is
        refused (never kept waiting) while that first job runs."""
        with self._lock:  # one read, before the first create (concurrent calls wait for it)
            self._note_balance()
        budget = self.budget
        if budget is None:
            return None
        with self._lock:
            for flying_key, job_id in list(self._flying.items()):
                record = self._journal.get(job_id)
                if record is not None and record.video_status in FINAL:
                    self._estimator.learn(record.kind, credits_of(record.cost))
                    budget.release(flying_key)
                    del self._flying[flying_key]
            probing = ", ".join(self._flying.values())
            budget.error = None  # each create is weighed afresh (see _not_started)
        if budget.admit(key, kind.name, request.body(), stopping=lambda: True):
            return None
        return budget.refused or (
            f"the cost of {kind.noun} jobs is not known yet (no documented price, none seen), "
            f"so one runs at a time: wait for {probing or 'the job being created now'} first"
        )

    def _note_balance(self) -> None:
        """The balance the session starts from, read before its first create and recorded on
        its run (the ledger's balance_before); a read that fails is tried again next create."""
        if self.id is None or self.balance_before is not None:
            return
        try:
            if self.budget is not None:
                balance = self.budget.balance_before
                balance = self.budget.begin() if balance is None else balance
            elif self._read_balance is not None:
                balance = self._read_balance()
            else:
                return
        except AkoolError:
            return  # the budget says so on its own read; the ledger tries again next time
        self.balance_before = balance
        self._journal.set_run_balance(self.id, balance)

    def made(self, key: str, job_id: str) -> None:
        with self._lock:
            self._flying[key] = job_id


class RunsMixin(ClientBase):
    def start_run(self, kind: str, label: str, *, max_credits: float | None = None) -> Run:
        """A session recorded in the ledger (`akool spend --by batch` shows what it spent); with
        `max_credits`, creates made with `run=` this run are refused (BudgetExceededError, nothing
        sent) once the credits spent in it (the balance's drop) plus the estimates of its
        unfinished jobs plus the next job's would pass it. End it with end_run."""
        from akool_cli.core.validate import check_budget
        from akool_cli.jobs.budget import Budget, Estimator

        check_budget(max_credits, "max_credits")
        estimator = Estimator(self.journal, self.scope(any_account=True))
        budget = None
        if max_credits is not None:
            # Each create is weighed afresh: a job that failed (free) or finished makes room.
            budget = Budget(max_credits, lambda: self.api.credit(), estimator, sticky=False)
        try:
            scope = self.scope()
        except AkoolError:
            return Run(
                None, budget, estimator, self.journal
            )  # no credential yet: creates will say so
        run_id = self.journal.begin_run(kind, label, scope, None, max_credits)
        return Run(run_id, budget, estimator, self.journal, lambda: self.api.credit())

    def close_lost_runs(self) -> list[RunRecord]:
        """Close as `lost` the runs (batches, MCP sessions) still recorded as running whose
        process is gone (killed: SIGKILL, a crash, a reboot), and return them. Each run's
        process holds a lock the kernel drops when it dies, so a reused PID cannot keep one
        open; runs of live processes are left alone."""
        return self.journal.close_lost_runs()

    def end_run(
        self,
        run: Run,
        outcome: str = "finished",
        *,
        read_balance: bool = True,
        balance_within: float | None = None,
    ) -> str | None:
        """Record the run's end (once, the first call that gets there), then, when it read a
        balance before, the balance after it: the end first, so a process stopped while AKOOL is
        slow to answer leaves its run ended (without a balance after), never `running`. With
        `balance_within`, that read is given up after so many seconds. Returns why no balance
        after was recorded when one was wanted (a note for the user), else None."""
        if run.id is None:
            return None
        with run._lock:
            if run.ended:
                return None
            run.ended = True
            self.journal.end_run(run.id, None, outcome)
        if not read_balance or run.balance_before is None:
            return None
        balance, why = _closing_balance(self.api.credit, balance_within)
        if balance is not None:
            self.journal.set_run_balance_after(run.id, balance)
        return why


def _closing_balance(
    read: Callable[[], float], within: float | None
) -> tuple[float | None, str | None]:
    """The balance, or None and why not: AKOOL's error, or no answer within `within` seconds
    (the read goes on in a daemon thread, whose answer is then dropped)."""
    answers: list[float | str] = []  # the balance, or why it could not be read

    def reader() -> None:
        try:
            answers.append(read())
        except AkoolError as exc:
            answers.append(exc.message)
        except Exception as exc:  # the client closed under a read given up on
            answers.append(str(exc) or type(exc).__name__)

    if within is None:
        reader()
    else:
        thread = threading.Thread(target=reader, name="akool-closing-balance", daemon=True)
        thread.start()
        thread.join(within)
    if not answers:
        return None, f"the closing balance was not read: AKOOL did not answer within {within:g} s"
    answer = answers[0]
    if isinstance(answer, str):
        return None, f"the closing balance could not be read ({answer})"
    return answer, None


def create_once(
    client: ClientBase,
    kind: JobKind,
    request: Request,
    origin: Origin,
    once: Once | None,
    run: Run | None,
) -> Job:
    """Client.create with a claim key and a run: claimed before sent, sent at most once per key,
    refused before anything is sent when the run's cap or its stop says so."""
    from akool_cli.jobs import engine
    from akool_cli.store.journal import JobRecord

    once = once or Once("run:" + uuid.uuid4().hex)
    journal = client.journal
    if once.within is not None:
        scope = client.scope()
        made = journal.claimed_at(once.key, scope)
        if made is not None and client.clock.time() - made > once.within:
            journal.retire_key(once.key, scope)  # long ago: another call, another job
    origin = replace(origin, batch_key=once.key, run_id=run.id if run else origin.run_id)
    refused: list[str] = []

    def before_send() -> None:
        why = run.admit(once.key, kind, request) if run is not None else None
        if why is not None:
            refused.append(why)

    def stopping() -> bool:
        return bool(refused) or (run is not None and run.stopped.is_set())

    rules = engine.ClaimRules(stopping=stopping, before_send=before_send)
    # A repeat arriving while the first call's create is still on its way waits for it here:
    # the history cannot tell this process's own create in flight from one that died.
    with client._key_lock(once.key), run.sending() if run is not None else _nothing() as note:
        rules.on_sending = note
        found = (
            None
            if stopping()
            else engine.claimed(client.api, journal, kind, request, origin, rules)
        )
    if found is None:
        raise _not_started(run, refused)
    if isinstance(found, JobRecord):
        return replace(Job.of(None, found), repeated=True)
    if run is not None:
        run.made(once.key, found.id)
    return Job.of(found, journal.get(found.id), kind.name)


def made_by(client: ClientBase, once: Once) -> Job | None:
    """The job a key made already (within its window), or None: for a create whose own work
    before the claim costs time (head swap's analysis), asked first."""
    journal = client.journal
    scope = client.scope()
    made = journal.claimed_at(once.key, scope)
    if made is None or (once.within is not None and client.clock.time() - made > once.within):
        return None
    record = journal.find_by_key(once.key, scope)
    return None if record is None else replace(Job.of(None, record), repeated=True)


@contextmanager
def _nothing() -> Iterator[Callable[[int], None]]:
    yield lambda attempt_id: None


def _not_started(run: Run | None, refused: list[str]) -> AkoolError:
    error = run.budget.error if run is not None and run.budget is not None else None
    if refused and error is not None:
        # AKOOL's error as itself (unavailable, rate limited), not a budget stop.
        error.message = f"the balance max_credits needs could not be read: {error.message}"
        error.args = (error.message,)
        error.hint = "nothing was created or billed; try again once AKOOL answers"
        return error
    if refused and run is not None:
        return BudgetExceededError(
            f"max_credits {run.max_credits:g} stops this job: {refused[0]}",
            hint="nothing was created or billed; jobs already made can still be followed and "
            "downloaded; a larger max_credits allows more",
        )
    return InterruptedByUser(
        "stopping: no new job is started", hint="nothing was created or billed"
    )
