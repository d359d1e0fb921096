"""A spending cap for one run (a batch, an MCP session): no create starts once the credits spent
in the run plus the in-flight jobs' estimates would pass it.

Spent is the balance's drop since the run began (AKOOL deducts when a job finishes); in flight
are the jobs this run created that have not finished, each counted at its estimate: the
documented price where the docs give one, else the largest cost seen so far for its kind on this
server and account. A kind with neither is probed: one job of it at a time until its first cost is
seen. The cap is passed only by what the jobs in flight cost above their estimates (a job dearer
than any seen before). Thread-safe: creators admit, the watcher releases.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field
from typing import Any

from akool_cli.core import prices
from akool_cli.core.errors import AkoolError
from akool_cli.core.prices import Estimate
from akool_cli.store.journal import Journal, Scope

WAIT_STEP = 0.5  # seconds between looks at a stop while a probe of the same kind is in flight


class Estimator:
    """Each kind's estimate: documented, or the largest cost seen (the history, then this run)
    on this server and account: costs seen elsewhere (a rehearsal on the sandbox) never count."""

    def __init__(self, journal: Journal, scope: Scope) -> None:
        self._journal = journal
        self._scope = scope
        self._seen: dict[str, tuple[float | None, int]] = {}
        self._lock = threading.Lock()

    def __call__(self, kind: str, fields: Mapping[str, Any]) -> Estimate:
        """The larger of the documented price and the largest cost seen: a job already charged
        more than the docs say (a price change) is the safer figure for a cap."""
        with self._lock:
            if kind not in self._seen:
                self._seen[kind] = self._journal.largest_cost(kind, self._scope)  # once a run
            largest, jobs = self._seen[kind]
        found = prices.documented(kind, fields)
        if found is None or (largest is not None and largest > (found.credits or 0.0)):
            return prices.seen(largest, jobs, above=found)
        return found

    def learn(self, kind: str, credits: float | None) -> None:
        """A job of this run finished and was charged `credits`."""
        if credits is None:
            return
        with self._lock:
            largest, jobs = self._seen.get(kind) or self._journal.largest_cost(kind, self._scope)
            self._seen[kind] = (max(credits, largest or 0.0), jobs + 1)


@dataclass
class _InFlight:
    kind: str
    credits: float | None


@dataclass
class Budget:
    limit: float
    read_balance: Callable[[], float]
    estimate: Callable[[str, Mapping[str, Any]], Estimate]
    balance_before: float | None = None
    refused: str | None = None  # why it stopped admitting, once it did
    error: AkoolError | None = None  # the balance could not be read (after the reads' retries)
    sticky: bool = True  # a refusal stands for the rest of the run (a batch); else re-asked
    _flight: dict[Hashable, list[_InFlight]] = field(default_factory=dict)
    _cond: threading.Condition = field(default_factory=threading.Condition)

    def begin(self) -> float:
        """Read the balance the run starts from (AkoolError when it cannot be read)."""
        self.balance_before = self.read_balance()
        return self.balance_before

    def in_flight(self) -> float:
        with self._cond:
            return sum(f.credits or 0.0 for entries in self._flight.values() for f in entries)

    def admit(
        self,
        owner: Hashable,
        kind: str,
        fields: Mapping[str, Any],
        stopping: Callable[[], bool] = lambda: False,
    ) -> bool:
        """Whether a create of `kind` may start now; if so it counts as in flight for `owner`
        until release(owner). False once the cap would pass (and ever after in this run)."""
        wanted = self.estimate(kind, fields)
        with self._cond:
            while not wanted.known and self._probing(kind):
                if stopping():
                    return False  # given up waiting for the probe (not a refusal: try later)
                self._cond.wait(WAIT_STEP)  # the first job of an unpriced kind runs alone
                wanted = self.estimate(kind, fields)
            if self.refused is not None and self.sticky:
                return False
            try:
                spent = self.spent()
            except AkoolError as exc:
                # Not a budget stop: AKOOL's error, reported as itself (its own exit code).
                self.error = exc
                self.refused = f"the balance could not be read ({exc.message})"
                return False
            flying = sum(f.credits or 0.0 for entries in self._flight.values() for f in entries)
            if spent + flying + (wanted.credits or 0.0) > self.limit:
                self.refused = (
                    f"{spent:g} credits spent in this run, {flying:g} in flight and "
                    f"{wanted.credits or 0:g} for the next {kind} job ({wanted.source}) would "
                    f"pass the cap of {self.limit:g} credits"
                )
                return False
            self._flight.setdefault(owner, []).append(_InFlight(kind, wanted.credits))
            return True

    def _probing(self, kind: str) -> bool:
        return any(f.kind == kind and f.credits is None for e in self._flight.values() for f in e)

    def spent(self) -> float:
        """The balance's drop since the run began (never negative: a top-up is not income)."""
        if self.balance_before is None:
            self.begin()
        assert self.balance_before is not None
        return max(0.0, round(self.balance_before - self.read_balance(), 4))

    def release(self, owner: Hashable) -> None:
        """The owner's jobs finished (charged, so counted in the balance), failed or never began."""
        with self._cond:
            self._flight.pop(owner, None)
            self._cond.notify_all()
