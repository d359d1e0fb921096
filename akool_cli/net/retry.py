"""When to try a request again and how long to wait: capped exponential backoff, jitter, Retry-After.

Pure policy, no I/O: the API and download layers ask it, so every retry follows one rule.
"""

from __future__ import annotations

import email.utils
import random
from dataclasses import dataclass, field

MAX_RETRY_AFTER = 60.0


@dataclass
class RetryPolicy:
    attempts: int = 5  # total tries, the first included
    base: float = 0.5
    cap: float = 8.0
    rng: random.Random = field(default_factory=random.Random)

    def delay(self, attempt: int, retry_after: float | None = None) -> float:
        """Seconds to wait before try number attempt+1 (attempt counts from 1)."""
        if retry_after is not None:
            return min(max(retry_after, 0.0), MAX_RETRY_AFTER)
        backoff = min(self.cap, self.base * 2.0 ** (attempt - 1))
        # "Equal jitter": never less than half the backoff, so retries stay spread but bounded.
        return backoff / 2 + self.rng.uniform(0, backoff / 2)


def parse_retry_after(value: str | None, now: float) -> float | None:
    """Retry-After as seconds (delta or HTTP date), or None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - now)


RETRYABLE_STATUSES = frozenset({429, 500, 502, 503, 504})
