"""JSON decoded with where the file writes each string value: a glue platform's export (a Make
blueprint, a Node-RED flow) holds URLs, bodies and code in its strings, and a finding in one
is reported at the file's own line and column (compact exports hold everything on one line)."""

from __future__ import annotations

import bisect
import json
import json.decoder
import json.scanner
from collections.abc import Callable
from typing import Any

# The json module's own string reader and pure-Python scanner (not in its typed interface).
_SCANSTRING: Callable[[str, int, bool], tuple[str, int]] = json.decoder.__dict__["scanstring"]
_MAKE_SCANNER: Callable[[json.JSONDecoder], Any] = json.scanner.__dict__["py_make_scanner"]


class Placed(str):
    """A JSON string value and where the file writes its raw text (between the quotes)."""

    start: int
    raw: str


def load(text: str) -> Any:
    """The JSON text decoded, each string value a Placed (None: not JSON)."""
    decoder = json.JSONDecoder()

    def parse_string(s: str, end: int, strict: bool) -> tuple[str, int]:
        value, after = _SCANSTRING(s, end, strict)
        placed = Placed(value)
        placed.start, placed.raw = end, s[end : after - 1]
        return placed, after

    vars(decoder)["parse_string"] = parse_string  # (the pure-Python scanner calls it)
    vars(decoder)["scan_once"] = _MAKE_SCANNER(decoder)
    try:
        return decoder.decode(text)
    except (ValueError, RecursionError):
        return None


def line_starts(text: str) -> list[int]:
    """The offset each line of the text starts at."""
    return [0] + [k + 1 for k, c in enumerate(text) if c == "\n"]


def spot(starts: list[int], value: Placed, skip: int = 0) -> tuple[int, int]:
    """The file's (line, column) of a string value's raw text (from `skip` characters in)."""
    return place(starts, value.start + skip)


def place(starts: list[int], at: int) -> tuple[int, int]:
    """The file's (line, column) of an offset of its text."""
    line = bisect.bisect_right(starts, at) - 1
    return line, at - starts[line]
