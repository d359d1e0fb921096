"""Checks of many input URLs at once (a campaign's thousands), grouped by the host that serves them.

Each host is asked first about one URL alone: when that gets no answer (no DNS, no route, a
connection that is never accepted, or dropped unanswered), the host is decided once and its other
URLs are not tried; a host that stops answering after that is decided after a few such failures in
a row. A URL that is only slow (a connection taken, no answer in time), or whose redirect leads
somewhere unreachable, is that URL's own warning: the host's other URLs are still checked, so a
404 or an HTML page beside a slow file is still refused. Nothing is retried
(a check is not a billable call: a warning is enough), every check has its own timeout, all of
them together a deadline, and what could not be checked is one warning per host with a count.
No printing: progress and the report go to the caller.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from akool_cli.core.clock import current
from akool_cli.core.mediatypes import Role
from akool_cli.core.urls import parts_or_none
from akool_cli.core.workers import WorkerPool
from akool_cli.inputs.urlcheck import UNDECIDED, judge_url, short
from akool_cli.net.transport import Transport, TransportError

CONCURRENCY = 16  # checks in flight at once, over all hosts (and at most on one)
# A host that accepts no connection within this is "not reachable from here" (a warning: AKOOL
# fetches from its own servers). httpx gives the TCP and the TLS handshake this long each: a first
# SYN lost on the way (or dropped by a busy server) is resent after 1 s and still connects, while
# a firewalled host, whose connects never end, costs it once. (1 s made a busy loopback server
# look unreachable in the bench; 1.5 s did not.)
CONNECT_TIMEOUT = 1.5
FAILURES_IN_A_ROW = 3  # after answering, a host that fails this often in a row is decided
# Failures that say the host itself gives no answer (its other URLs would meet them too); a
# timeout after the connection was taken says only that this URL was slow.
HOST_FAILURES = frozenset({"connect", "protocol", "certificate", "framing"})
DEADLINE = 120.0  # seconds for all the checks of one command; the rest are not checked
WAIT_STEP = 0.25  # how often a worker waiting for a host's first answer looks at the deadline

Progress = Callable[[int, int], None]  # (URLs settled, URLs in all)


@dataclass
class Report:
    """What the checks found: URLs to refuse (with why), and warnings, one per host and kind."""

    refused: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    checked: int = 0  # URLs that got an answer


def host_of(url: str) -> str:
    """How messages name the host serving url: host[:port], without any user:password@."""
    parts = parts_or_none(url)
    host = parts.hostname or "?"
    return f"[{host}]" if ":" in host else host + (f":{parts.port}" if parts.port else "")


@dataclass
class _Host:
    name: str
    waiting: deque[str]
    running: int = 0
    answered: bool = False  # one of its URLs got an HTTP answer
    failures: int = 0  # transport failures in a row
    reason: str = ""  # why its unreached URLs got no answer (the first failure's words)
    unreached: list[str] = field(default_factory=list)  # failed, or not tried once dead
    undecided: list[str] = field(default_factory=list)


class _Checks:
    """The shared state of one run: which URL each worker takes next, and what was found."""

    def __init__(self, roles: dict[str, Role], progress: Progress | None, deadline: float) -> None:
        self.roles = roles
        self.hosts: dict[str, _Host] = {}
        for url in roles:
            name = host_of(url)
            self.hosts.setdefault(name, _Host(name, deque())).waiting.append(url)
        self.turns = deque(self.hosts.values())
        self.report = Report()
        self.late: list[str] = []
        self.errors: list[Exception] = []
        self.settled = 0
        self.progress = progress or (lambda done, total: None)
        self.clock = current()
        self.deadline = self.clock.monotonic() + deadline
        self.budget = deadline
        self.cond = threading.Condition()

    def take(self) -> str | None:
        """The next URL to check, waiting while hosts await their first answer; None when no
        URL is left to take (or the deadline passed)."""
        with self.cond:
            while True:
                if self.clock.monotonic() >= self.deadline:
                    self._give_up_waiting()
                    return None
                # Hosts take turns, so that one host's thousands of URLs do not hold back the
                # first answer (or the verdict) of another.
                for _ in range(len(self.turns)):
                    host = self.turns[0]
                    if not host.waiting:
                        self.turns.popleft()  # nothing left to take there
                        continue
                    self.turns.rotate(-1)
                    # Its first URL goes alone: until it is answered, nothing says the host works.
                    if (host.answered or not host.running) and host.running < CONCURRENCY:
                        host.running += 1
                        return host.waiting.popleft()
                if not self.turns:
                    return None
                self.cond.wait(WAIT_STEP)

    def settle(self, url: str, outcome: tuple[str, str] | TransportError | None) -> None:
        with self.cond:
            host = self.hosts[host_of(url)]
            host.running -= 1
            if isinstance(outcome, TransportError):
                host.unreached.append(url)
                host.reason = host.reason or str(outcome)
                if outcome.kind not in HOST_FAILURES or outcome.reached:
                    host.answered = True  # it took the connection: this URL alone failed
                else:
                    host.failures += 1
                    if not host.answered or host.failures >= FAILURES_IN_A_ROW:
                        self._drop(host.waiting, host.unreached)  # decided: not reachable
            else:
                host.answered, host.failures = True, 0
                self.report.checked += 1
                if outcome is not None and outcome[0] == "refuse":
                    self.report.refused[url] = outcome[1]
                elif outcome is not None:
                    host.undecided.append(url)
            self.settled += 1
            self.cond.notify_all()
        self.progress(self.settled, len(self.roles))

    def _drop(self, waiting: deque[str], into: list[str]) -> None:
        into.extend(waiting)
        self.settled += len(waiting)
        waiting.clear()

    def _give_up_waiting(self) -> None:
        for host in self.hosts.values():
            self._drop(host.waiting, self.late)
        self.cond.notify_all()

    def warnings(self) -> list[str]:
        found = []
        for host in self.hosts.values():
            if host.unreached:
                found.append(_unreached(host))
            if host.undecided:
                found.append(_undecided(host))
        if self.late:
            found.append(
                f"{len(self.late):,} input URL(s) were not checked: the checks stop after "
                f"{self.budget:g} s; AKOOL fetches them from its own servers, so the jobs may "
                "still work"
            )
        return found


def _unreached(host: _Host) -> str:
    if len(host.unreached) == 1:
        return (
            f"could not check {short(host.unreached[0])} from here ({host.reason}); AKOOL fetches "
            "it from its own servers, so the job may still work"
        )
    return (
        f"could not check {len(host.unreached):,} URLs on {host.name} from here ({host.reason}); "
        "AKOOL fetches them from its own servers, so the jobs may still work"
    )


def _undecided(host: _Host) -> str:
    if len(host.undecided) == 1:
        return f"could not tell what {short(host.undecided[0])} serves ({UNDECIDED})"
    return f"could not tell what {len(host.undecided):,} URLs on {host.name} serve ({UNDECIDED})"


def check_all(
    roles: dict[str, Role],
    transport: Transport,
    *,
    progress: Progress | None = None,
    deadline: float = DEADLINE,
) -> Report:
    """Each distinct URL at most once, host by host, CONCURRENCY at a time, over `transport`
    (made with CONNECT_TIMEOUT and CHECK_TIMEOUT by the caller, who owns its redaction)."""
    checks = _Checks(roles, progress, deadline)
    checks.progress(0, len(roles))

    def work(_: int) -> None:
        while (url := checks.take()) is not None:
            try:
                outcome: tuple[str, str] | TransportError | None = judge_url(
                    transport, url, checks.roles[url]
                )
            except TransportError as exc:
                outcome = exc
            except Exception as exc:  # a bug: settled (no one waits for it), then raised
                checks.errors.append(exc)
                outcome = TransportError(type(exc).__name__, sent=False, kind="other")
            checks.settle(url, outcome)

    workers = min(CONCURRENCY, len(roles))
    if workers:
        with WorkerPool(workers, name="akool-check") as pool:
            pool.map(work, range(workers))
    if checks.errors:
        raise checks.errors[0]
    checks.report.warnings = checks.warnings()
    return checks.report
