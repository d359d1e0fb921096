"""The one pool of worker threads akool uses (polls, downloads, batch rows, uploads, URL checks).

Unlike concurrent.futures' pool, its threads are daemons, so Ctrl-C never waits for a download to
finish; unlike a bare daemon thread per task, there are never more than `size`, and close() ends
them all: a 10,000-row batch runs on the same few threads as a 10-row one.
"""

from __future__ import annotations

import concurrent.futures as futures
import queue
import threading
from collections.abc import Callable, Iterable
from functools import partial
from typing import Any, TypeVar

T = TypeVar("T")
A = TypeVar("A")
JOIN_SECONDS = 5.0

_Task = tuple["futures.Future[Any]", Callable[[], Any]]


class WorkerPool:
    def __init__(self, size: int, name: str = "akool-worker") -> None:
        self._size = max(1, size)
        self._name = name
        self._tasks: queue.SimpleQueue[_Task | None] = queue.SimpleQueue()
        self._threads: list[threading.Thread] = []
        self._idle = 0
        self._lock = threading.Lock()
        self._closed = False

    def submit(self, fn: Callable[[], T]) -> futures.Future[T]:
        future: futures.Future[T] = futures.Future()
        with self._lock:
            if self._closed:
                raise RuntimeError("the worker pool is closed")
            self._tasks.put((future, fn))
            if self._idle == 0 and len(self._threads) < self._size:
                worker = threading.Thread(target=self._work, daemon=True, name=self._name)
                self._threads.append(worker)
                worker.start()
            else:
                self._idle -= 1 if self._idle else 0
        return future

    def map(self, fn: Callable[[A], T], items: Iterable[A]) -> list[T]:
        """fn over every item on the pool's threads; results in order, the first error raised."""
        submitted = [self.submit(partial(fn, item)) for item in items]
        return [future.result() for future in submitted]

    def _work(self) -> None:
        while True:
            task = self._tasks.get()
            if task is None:
                return
            future, fn = task
            if future.set_running_or_notify_cancel():
                try:
                    future.set_result(fn())
                except BaseException as exc:
                    future.set_exception(exc)
            with self._lock:
                self._idle += 1

    def close(self, *, wait: bool = True, timeout: float | None = JOIN_SECONDS) -> None:
        """End every thread once its current task is done; wait for them unless told not to."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            threads = list(self._threads)
        for _ in threads:
            self._tasks.put(None)
        if wait:
            for thread in threads:
                join(thread, timeout)

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close(wait=exc[0] is None)


def join(thread: threading.Thread, timeout: float | None = None) -> None:
    """Wait for a thread to end, as Thread.join, also when a stop signal's KeyboardInterrupt
    cut its start() short (the thread never ran, or has not yet begun): join() would raise
    RuntimeError then, which the command line reports as a bug (exit 1) instead of the stop.
    A thread that begins after this returns finds its queue's end marker (or its stop) and
    ends by itself."""
    if thread.is_alive():
        thread.join(timeout)
