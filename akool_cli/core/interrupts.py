"""Ctrl-C, SIGTERM and SIGHUP handled alike: stop soon, but never in the middle of a billable create.

CI systems, `timeout`, `docker stop` and Kubernetes stop programs with SIGTERM, so it must keep the
same promises as Ctrl-C. The command line installs the handlers; the library only asks whether a
stop was requested and marks the short stretches (sending a create and recording its id) that a
first signal must not cut. A second signal stops at once.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from akool_cli.core.errors import InterruptedByUser

# A second signal this soon after the first is the same stop sent twice (`timeout` signals akool,
# then its whole process group; CI runners do likewise): it must not cut a create in flight.
ECHO_SECONDS = 2.0

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
        self.lock = threading.Lock()


_state = _State()


def stop_requested() -> bool:
    """Whether a stop signal arrived (workers check this between steps)."""
    return _state.stop.is_set()


def received() -> int | None:
    """The first stop signal received, if any."""
    return _state.signum


def stop_event() -> threading.Event:
    return _state.stop


def _handle(signum: int, _frame: FrameType | None) -> None:
    now = time.monotonic()
    with _state.lock:
        if _state.signum is not None and now - _state.first_at < ECHO_SECONDS:
            return  # the same stop delivered twice (timeout, then its process group): one stop
        _state.count += 1
        if _state.signum is None:
            _state.signum, _state.first_at = signum, now
        _state.stop.set()
        shielded = _state.shielded > 0 and _state.count == 1
    if not shielded:
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
    try:
        yield
    finally:
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


def stopped(message: str, hint: str) -> InterruptedByUser:
    """The error that ends a command a stop signal interrupted, with that signal's exit code."""
    return InterruptedByUser(message, hint=hint, signum=received())
