"""JSON from outside akool (a user's file or argument, AKOOL's answer) parsed as JSON, strictly.

Python's parser accepts more than JSON (NaN, Infinity, -Infinity; 1e400 turns into inf) and cannot
parse what is nested too deeply (RecursionError): both are a ValueError here, so each caller's
"not JSON" path (bad input, a malformed answer) covers them with its own error and exit code.
"""

from __future__ import annotations

import json
import math
from typing import Any


def loads(text: str | bytes, **options: Any) -> Any:
    """json.loads, with non-finite numbers and too-deep nesting refused as a ValueError."""
    try:
        return json.loads(text, parse_constant=_constant, parse_float=_finite, **options)
    except RecursionError:
        raise ValueError("nested too deeply to read (more than a few hundred levels)") from None


def _constant(name: str) -> float:
    raise ValueError(f"{name} is not a JSON number")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"the number {text[:40]} is too large for a 64-bit float")
    return value
