"""Ctrl-C, SIGTERM and SIGHUP handled alike: stop soon, but never in the middle of a billable create.

CI systems, `timeout`, `docker stop` and Kubernetes stop programs with SIGTERM, so it must keep the
same promises as Ctrl-C. The command line installs the handlers; the library only asks whether a
stop was requested and marks the short stretches (sending a create and recording its id) that a
first signal must not cut, except that a create's answer is waited for ANSWER_GRACE_SECONDS at
most: then its outcome is unknown. A second signal stops at once.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from akool_cli.core.clock import Clock
from akool_cli.core.errors import InterruptedByUser

# A second signal this soon after the first is the same stop sent twice (`timeout` signals akool,
# then its whole process group; CI runners do likewise): it must not cut a create in flight.
ECHO_SECONDS = 2.0
# How long a first signal waits for AKOOL's answer to a create in flight: then the create is an
# unknown outcome (recorded, never resent by itself) and akool exits, within 2 s of the signal
# even while a server stalls: 1.2 s leaves 0.8 s to record it and exit on a loaded machine (with
# 1.5 s, 2 of 11 stops took 2.1 s at a load of 6 on 2 cores: break17d L10).
ANSWER_GRACE_SECONDS = 1.2

GO_ON = "run the same command again to go on"  # the hint of a read or back-off a stop ended

HANDLED = tuple(
    s
    for s in (signal.SIGINT, getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None))
    if s
)


class _State:
    def __init__(self) -> None:
        self.stop = threading.Event()
        self.signum: int | None = None
        self.first_at = 0.0
        self.count = 0
        self.shielded = 0
        self.awaiting = 0  # the main thread waits for AKOOL's answer to a create
        self.installed = False  # the command line's handlers route the stop signals here
        # Reentrant: the handlers run in the main thread between any two of its steps, also
        # while it holds this lock (grace_left(), shielded()): a plain lock would hang akool
        # for good on a second signal there, `timeout`'s own SIGTERM included.
        self.lock = threading.RLock()


_state = _State()


def stop_requested() -> bool:
    """Whether a stop signal arrived (workers check this between steps)."""
    return _state.stop.is_set()


def received() -> int | None:
    """The first stop signal received, if any."""
    return _state.signum


def stop_event() -> threading.Event:
    return _state.stop


def cancelling() -> threading.Event | None:
    """What ends a read and a back-off at once: the stop event while the command line's
    handlers are installed (None in the library: a stop there is its caller's), and on a
    thread inside cancelled_by(), that caller's event too."""
    stop = _state.stop if _state.installed else None
    own: threading.Event | None = getattr(_own, "cancel", None)
    if own is None or stop is None:
        return own or stop
    return _Either(stop, own)


_own = threading.local()  # cancelled_by()'s event, for reads on its thread
EITHER_CHECK = 0.05  # seconds: how often _Either.wait looks at its second event


@contextmanager
def cancelled_by(event: threading.Event) -> Iterator[None]:
    """Reads and back-offs on this thread also end at once when `event` is set (a watcher
    closed: the answers of its status reads in flight are not wanted; break17g G9). Nested,
    either event ends them (an MCP wait call answered, or its session closed: break17i I9)."""
    previous = getattr(_own, "cancel", None)
    _own.cancel = either(event, previous)
    try:
        yield
    finally:
        _own.cancel = previous


def own_cancel() -> threading.Event | None:
    """This thread's cancelled_by() event, if any (not the stop signal's)."""
    event: threading.Event | None = getattr(_own, "cancel", None)
    return event


def either(first: threading.Event, second: threading.Event | None) -> threading.Event:
    """An event set when either of two is (the second may be absent): a watcher's own cancel
    and its Client's close (break17g G19)."""
    return first if second is None else _Either(first, second)


class _Either(threading.Event):
    """Set when either of two events is (only is_set and wait are used)."""

    def __init__(self, first: threading.Event, second: threading.Event) -> None:
        super().__init__()
        self._both = (first, second)

    def is_set(self) -> bool:
        return any(event.is_set() for event in self._both)

    def wait(self, timeout: float | None = None) -> bool:
        ends = None if timeout is None else time.monotonic() + timeout
        while not self.is_set():
            left = EITHER_CHECK if ends is None else min(EITHER_CHECK, ends - time.monotonic())
            if left <= 0:
                return False
            self._both[0].wait(left)
        return True


class Halt(_Either):
    """A run's stop: its caller's `stopping` (a signal, or their own event), which set() sets
    as before, or a halt of the run alone (its callback raised: break17g G10), which leaves the
    caller's event alone."""

    def __init__(self, outer: threading.Event) -> None:
        super().__init__(outer, threading.Event())

    def set(self) -> None:
        self._both[0].set()

    def halt(self) -> None:
        self._both[1].set()


def grace_left() -> float:
    """After a stop: how much longer a create in flight may wait for its answer (0 once the
    grace is over); without a stop, the grace in full."""
    with _state.lock:
        if _state.signum is None:
            return ANSWER_GRACE_SECONDS
        return max(0.0, _state.first_at + ANSWER_GRACE_SECONDS - time.monotonic())


def _handle(signum: int, _frame: FrameType | None) -> None:
    now = time.monotonic()
    with _state.lock:
        if _state.signum is not None and now - _state.first_at < ECHO_SECONDS:
            return  # the same stop delivered twice (timeout, then its process group): one stop
        _state.count += 1
        if _state.signum is None:
            _state.signum, _state.first_at = signum, now
        _state.stop.set()
        # While the handlers are being installed (or put back) nothing has run (or all has):
        # the stop is only recorded, and the command line ends the run with its exit code.
        held = not _state.installed or (_state.shielded > 0 and _state.count == 1)
    if not held:
        raise KeyboardInterrupt
    if _state.installed and hasattr(signal, "setitimer"):
        # The create in flight gets its grace, then _grace_over ends the wait for its answer.
        signal.setitimer(signal.ITIMER_REAL, ANSWER_GRACE_SECONDS)


def _grace_over(_signum: int, _frame: FrameType | None) -> None:
    """The grace after a stop is over: a create still waiting for its answer stops waiting (its
    outcome is unknown, and recorded so by the engine); anything else goes on to its end."""
    with _state.lock:
        cut = _state.awaiting > 0
    if cut:
        raise KeyboardInterrupt


@contextmanager
def installed() -> Iterator[None]:
    """Route the stop signals to one handler for the duration (main thread only)."""
    reset()
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {s: signal.getsignal(s) for s in HANDLED}
    for s in HANDLED:
        signal.signal(s, _handle)
    alarm = getattr(signal, "SIGALRM", None)
    if alarm is not None:
        previous[alarm] = signal.getsignal(alarm)
        signal.signal(alarm, _grace_over)
    _state.installed = True
    try:
        yield
    finally:
        _state.installed = False
        if alarm is not None:
            signal.setitimer(signal.ITIMER_REAL, 0)
        for s, handler in previous.items():
            signal.signal(s, handler)


def reset() -> None:
    global _state
    _state = _State()


@contextmanager
def shielded() -> Iterator[None]:
    """A stretch a first signal must not cut. The stop is only recorded; the caller checks
    stop_requested() once what it must show (a job id) is shown."""
    if threading.current_thread() is not threading.main_thread():
        yield  # signals are delivered to the main thread only: nothing to hold back here
        return
    with _state.lock:
        _state.shielded += 1
    try:
        yield
    finally:
        with _state.lock:
            _state.shielded -= 1


@contextmanager
def awaiting_answer() -> Iterator[None]:
    """Waiting for AKOOL's answer to a create (inside a shielded stretch): a first signal waits
    ANSWER_GRACE_SECONDS for it, then KeyboardInterrupt ends the wait."""
    if threading.current_thread() is not threading.main_thread():
        yield  # a worker's create: the batch that runs it stops waiting for it (grace_left)
        return
    with _state.lock:
        _state.awaiting += 1
    try:
        yield
    finally:
        with _state.lock:
            _state.awaiting -= 1


def backoff(clock: Clock, seconds: float, cancel: threading.Event | None = None) -> bool:
    """The one wait before a request is tried again (an API read or create, a download): ended
    at once by a stop signal, on any thread (cancelling()), or by `cancel`. True when it was:
    nothing more is to be sent then."""
    events = [e for e in (cancelling(), cancel) if e is not None]
    return clock.wait(seconds, events)


def stopped_backoff(what: str) -> InterruptedByUser:
    """The error of a request a stop ended while it waited to be tried again: nothing was sent
    after the stop (a create retried only when it certainly was not billed: never sent)."""
    error = stopped(f"stopped while waiting to try {what} again", GO_ON)
    error.request_sent = False
    return error


def stopped(message: str, hint: str) -> InterruptedByUser:
    """The error that ends a command a stop signal interrupted, with that signal's exit code."""
    return InterruptedByUser(message, hint=hint, signum=received())
