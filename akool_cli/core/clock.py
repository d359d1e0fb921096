"""Time as akool sees it: a swappable clock so that waits and backoffs never sleep for real in tests."""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from typing import Protocol

EVENT_CHECK = 0.05  # seconds: how soon a wait on several events notices one of them


class Clock(Protocol):
    def monotonic(self) -> float: ...

    def time(self) -> float: ...

    def sleep(self, seconds: float) -> None: ...

    def wait(self, seconds: float, events: Sequence[threading.Event]) -> bool:
        """Sleep `seconds`, ended early by any of `events`: whether one of them is set."""
        ...


class SystemClock:
    def monotonic(self) -> float:
        return time.monotonic()

    def time(self) -> float:
        return time.time()

    def sleep(self, seconds: float) -> None:
        if seconds > 0:
            time.sleep(seconds)

    def wait(self, seconds: float, events: Sequence[threading.Event]) -> bool:
        ends = time.monotonic() + seconds
        while not any(event.is_set() for event in events):
            left = ends - time.monotonic()
            if left <= 0 or not events:
                self.sleep(left)
                return False
            # One event is waited on as such; several by looking at each every EVENT_CHECK.
            events[0].wait(left if len(events) == 1 else min(left, EVENT_CHECK))
        return True


class FakeClock:
    """A clock whose sleep moves time forward at once; shared by a test's client and sandbox."""

    def __init__(self, start: float = 1_750_000_000.0) -> None:
        self._now = start
        self._lock = threading.Lock()
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        with self._lock:
            return self._now

    def time(self) -> float:
        return self.monotonic()

    def sleep(self, seconds: float) -> None:
        with self._lock:
            self.sleeps.append(seconds)
            self._now += max(0.0, seconds)

    def wait(self, seconds: float, events: Sequence[threading.Event]) -> bool:
        """At once: set already, or the whole wait passes (nothing else runs meanwhile)."""
        if any(event.is_set() for event in events):
            return True
        self.sleep(seconds)
        return any(event.is_set() for event in events)

    def advance(self, seconds: float) -> None:
        self.sleep(seconds)


_current: Clock = SystemClock()


def current() -> Clock:
    """The clock every workflow uses; tests replace it with set_current(FakeClock())."""
    return _current


def set_current(clock: Clock) -> None:
    global _current
    _current = clock
