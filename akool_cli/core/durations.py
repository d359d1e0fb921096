"""The one grammar for durations users type: `90`, `90s`, `10m`, `1h30m`, `7d`, `2w` (decimals
too).

Every duration option (--timeout, --url-ttl, --since's ages, the library's timeouts) reads its
value here, so one spelling works everywhere; each option keeps its range and wording in DURATIONS.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import datetime, timezone

from akool_cli.core.errors import UsageError

_NUMBER = r"(\d+(?:\.\d+)?)"
# Units largest first, each at most once; a bare number at the end is seconds ("1h30" is 1h30s).
GRAMMAR = re.compile(
    rf"^(?:{_NUMBER}\s*w\s*)?(?:{_NUMBER}\s*d\s*)?(?:{_NUMBER}\s*h\s*)?"
    rf"(?:{_NUMBER}\s*m\s*)?(?:{_NUMBER}\s*s?)?$"
)
UNIT_SECONDS = (7 * 86400.0, 86400.0, 3600.0, 60.0, 1.0)
MINUTE, DAY = 60.0, 86400.0


@dataclass(frozen=True)
class Rule:
    """An option's range and how its errors are worded."""

    examples: str  # the hint when the text is not a duration
    low: float = 0.0  # exclusive when low == 0 (a duration of nothing waits for nothing)
    high: float = math.inf
    outside: str = ""  # "is outside …" wording; empty: "must be more than zero"
    outside_hint: str | None = None


DURATIONS: dict[str, Rule] = {
    "--timeout": Rule(
        "use seconds or units, e.g. --timeout 600, --timeout 10m, --timeout 1h30m",
        outside_hint="e.g. --timeout 10m",
    ),
    # SigV4 presigned URLs live at most 7 days; under a minute a queued job would find them dead.
    "--url-ttl": Rule(
        "e.g. --url-ttl 24h, 90m or 7d",
        low=MINUTE,
        high=7 * DAY,
        outside="is outside 1 minute to 7 days",
        outside_hint="presigned URLs live at most 7 days (S3's limit); the default is 24h",
    ),
}


def seconds(text: str) -> float | None:
    """The duration in seconds, or None when the text is not one."""
    match = GRAMMAR.fullmatch(text.strip().lower())
    if not text.strip() or match is None or not any(match.groups()):
        return None
    return sum(float(g) * unit for g, unit in zip(match.groups(), UNIT_SECONDS, strict=True) if g)


def parse_duration(value: str | float, option: str) -> float:
    """A duration typed (or passed from Python as seconds) for `option`, within its range."""
    rule = DURATIONS[option]
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        total: float | None = float(value) if math.isfinite(value) else None
        shown = f"{value:g}" if isinstance(value, float) else str(value)
    else:
        total, shown = seconds(str(value)), repr(value)
    if total is None:
        raise UsageError(f"{option} {shown} is not a duration", hint=rule.examples)
    too_short = total <= 0 if rule.low == 0 else total < rule.low
    if too_short or total > rule.high:
        if not rule.outside:
            raise UsageError(f"{option} {shown} must be more than zero", hint=rule.outside_hint)
        raise UsageError(f"{option} {shown} {rule.outside}", hint=rule.outside_hint)
    return total


def optional_duration(value: str | float | None, option: str) -> float | None:
    return None if value is None else parse_duration(value, option)


def parse_since(text: str | None, now: float) -> float:
    """--since: a date (2026-12-01, UTC), a time (2026-12-01T09:00Z) or an age (7d, 24h, 30m)
    → a timestamp (0 without one). An age needs its unit: a bare number reads as a year."""
    if not text:
        return 0.0
    bare = text.strip().replace(".", "", 1).isdigit()
    age = None if bare else seconds(text)
    if age is not None:
        return now - age
    try:
        when = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise UsageError(
            f"--since {text!r} is neither a date nor an age",
            hint="e.g. --since 2026-12-01, --since 2026-12-01T09:00Z or --since 7d",
        ) from None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return when.timestamp()


def iso(ts: float | None) -> str | None:
    """A timestamp as UTC ISO 8601 to the second (2026-12-05T03:00:00Z), or None."""
    if ts is None:
        return None
    return datetime.fromtimestamp(ts, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
