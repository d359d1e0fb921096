"""The one grammar for durations users type: `90`, `90s`, `10m`, `1h30m`, `7d`, `2w` (decimals
too), in the digits 0-9 only (another script's `٣`, which Python's float() reads as 3, is none).

Every duration option (--timeout, --interval, --url-ttl, --since's ages, mcp's --wait-ceiling
and --poll, the sandbox's --processing-seconds and --latency, the library's timeouts and
intervals) reads its value here, so one spelling works everywhere; each option keeps its range
and wording in DURATIONS.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import datetime, timezone

from akool_cli.core.errors import UsageError
from akool_cli.core.wording import DIGITS_0_9, example, flag_of, given, plain, reworded

_NUMBER = r"([0-9]+(?:\.[0-9]+)?)"  # ASCII digits only: '٣' is no duration (break17j J8)
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
    zero: bool = False  # zero is allowed (no delay at all); then only negatives are refused


def _within(option: str, low: float, high: float, words: str, example: str) -> Rule:
    """A rule for an option whose range is `low` to `high` seconds, both included."""
    return Rule(
        f"use seconds or units, e.g. {option} {example}",
        low=low,
        high=high,
        outside=f"is outside the allowed range {low:g}–{high:g} (seconds)",
        outside_hint=f"pass {option} from {words}, e.g. {option} {example}",
    )


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
    # Seconds before the first poll: never a busy loop, at most an hour.
    "--interval": _within("--interval", 0.1, 3600.0, "0.1 s to 1h", "30s"),
    # akool mcp: a `wait` returns before clients give up on a call (~60 s for common ones).
    "--wait-ceiling": _within("--wait-ceiling", 0.1, 600.0, "0.1 s to 10m", "50s"),
    "--poll": _within("--poll", 0.05, 600.0, "0.05 s to 10m", "3s"),
    # MCP progress: clients give up on a call silent for longer.
    "--heartbeat": _within("--heartbeat", 0.01, 15.0, "0.01 s to 15s", "10s"),
    # The sandbox's pretend work and network: zero is none at all.
    "--processing-seconds": Rule(
        "use seconds or units, e.g. --processing-seconds 4 or 2m", zero=True
    ),
    "--latency": Rule("use seconds or units, e.g. --latency 0.2 or 1s", zero=True),
    # The library's Once(key, within=…): how long a key's job answers for the key.
    "within": Rule('use seconds or units, e.g. Once(key, within=3600) or within="1h"'),
}


def seconds(text: str) -> float | None:
    """The duration in seconds, or None when the text is not one."""
    match = GRAMMAR.fullmatch(text.strip().lower())
    if not text.strip() or not plain(text) or match is None or not any(match.groups()):
        return None
    return sum(float(g) * unit for g, unit in zip(match.groups(), UNIT_SECONDS, strict=True) if g)


def parse_duration(value: object, option: str) -> float:
    """A duration typed (or passed from Python as seconds) for `option`, within its range;
    UsageError for anything else (a list, None, "1 fortnight", NaN). `option` is the flag
    (`--interval`) or, for a library call, the parameter (`interval`) the error names."""
    rule = DURATIONS.get(option) or DURATIONS[flag_of(option)]  # `interval` from Python
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        total: float | None = float(value) if math.isfinite(value) else None
        shown = f"{value:g}" if isinstance(value, float) else str(value)
    else:
        text = value.strip() if isinstance(value, str) else ""
        total, shown = seconds(text.removeprefix("-")), repr(value)[:80]
        if total is not None and text.startswith("-"):
            total = -total  # a negative duration: said so, rather than "not a duration"
    named = given(option, shown)  # `--interval 0` typed, `interval=0` from Python (N4)
    if total is None:
        digits = "" if plain(shown) else f": {DIGITS_0_9}"
        raise UsageError(f"{named} is not a duration{digits}", hint=reworded(rule.examples, option))
    floor = rule.low if rule.low else math.ulp(0.0)  # zero itself only where rule.zero says
    too_short = total < 0 if rule.zero else total < floor
    if too_short or total > rule.high:
        if not rule.outside:
            least = "must not be negative" if rule.zero else "must be more than zero"
            hint = reworded(rule.outside_hint or rule.examples, option)
            raise UsageError(f"{named} {least}", hint=hint)
        raise UsageError(f"{named} {rule.outside}", hint=reworded(rule.outside_hint or "", option))
    return total


def optional_duration(value: object, option: str) -> float | None:
    return None if value is None else parse_duration(value, option)


def parse_since(text: str | None, now: float, option: str = "--since") -> float:
    """--since: a date (2026-12-01, UTC), a time (2026-12-01T09:00Z) or an age (7d, 24h, 30m)
    → a timestamp (0 without one). An age needs its unit: a bare number reads as a year.
    Errors name `option` as the caller wrote it (`since=` from Python)."""
    if not text:
        return 0.0
    if not plain(text):
        raise UsageError(
            f"{given(option, repr(text))} is neither a date nor an age: {DIGITS_0_9}",
            hint=f"e.g. {example(option, '2026-12-01')} or {example(option, '7d')}",
        )
    bare = text.strip().replace(".", "", 1).isdigit()
    age = None if bare else seconds(text)
    if age is not None:
        if not 0 <= age <= now:  # before 1970: no date to show (nor any job to find)
            raise UsageError(
                f"{given(option, repr(text))} reaches back before 1970",
                hint=f"an age such as {example(option, '30d')} or {example(option, '52w')}, "
                "or a date such as 2026-12-01",
            )
        return now - age
    try:
        when = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise UsageError(
            f"{given(option, repr(text))} is neither a date nor an age",
            hint=f"e.g. {example(option, '2026-12-01')}, {example(option, '2026-12-01T09:00Z')} "
            f"or {example(option, '7d')}",
        ) from None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return when.timestamp()


def iso(ts: float | None) -> str | None:
    """A timestamp as UTC ISO 8601 to the second (2026-12-05T03:00:00Z), or None."""
    if ts is None:
        return None
    return datetime.fromtimestamp(ts, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
