"""How a piece of work's time grows with its input, for tests: a ratio of CPU times in one run
(no wall-clock limit, which a loaded machine would break)."""

from __future__ import annotations

import time
from collections.abc import Callable


def seconds(work: Callable[[], object], repeats: int = 3) -> float:
    """The least CPU time of a few runs of `work` (at least 0.1 ms)."""
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return max(best, 1e-4)


def growth(
    make: Callable[[int], str], work: Callable[[str], object], small: int = 400, large: int = 4_000
) -> float:
    """How many times longer `work` takes on make(large) than on make(small)."""
    bigger, smaller = make(large), make(small)
    return seconds(lambda: work(bigger)) / seconds(lambda: work(smaller))


def peak_bytes(work: Callable[[], object]) -> int:
    """The most memory `work` holds at once beyond what was held before it (tracemalloc's peak:
    Python's own allocations, the regex engine's included; not the process's RSS)."""
    import tracemalloc

    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        work()
        return max(tracemalloc.get_traced_memory()[1] - base, 1)
    finally:
        tracemalloc.stop()
