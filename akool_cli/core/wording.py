"""How an error names what was given: a command-line flag (`--interval 0`) or, from Python, the
parameter (`interval=0`), so a library error never names a flag its caller never typed."""

from __future__ import annotations

import re

_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
# Python's int() and float() read any script's digits ('٣' as 3, '３' as 3): a number or a
# duration a user types is read only when it is plain ASCII (break17j J8), and said so.
DIGITS_0_9 = "write it with the digits 0-9"


def plain(text: str) -> bool:
    """Whether typed text may be read as a number: ASCII only (no other script's digits)."""
    return text.isascii()


def is_flag(option: str) -> bool:
    return option.startswith("-")


def flag_of(option: str) -> str:
    """The command line's flag for a name: itself, or `--max-credits` for `max_credits`."""
    return option if is_flag(option) else "--" + option.replace("_", "-")


def given(option: str, shown: str) -> str:
    """`--interval 0` on the command line, `interval=0` from Python."""
    return f"{option} {shown}" if is_flag(option) else f"{option}={shown}"


def example(option: str, value: str) -> str:
    """An example value: `--timeout 10m`, or `timeout="10m"` (`timeout=600`) from Python."""
    if is_flag(option):
        return f"{option} {value}"
    return f"{option}={value}" if _NUMBER.fullmatch(value) else f'{option}="{value}"'


def reworded(text: str, option: str) -> str:
    """A flag's wording (`pass --interval from 0.1 s to 1h, e.g. --interval 30s`) for a Python
    parameter (`pass interval from 0.1 s to 1h, e.g. interval="30s"`); a flag's, as it is."""
    if is_flag(option):
        return text
    flag = re.escape(flag_of(option))

    def one(match: re.Match[str]) -> str:
        value = match.group(1)
        return example(option, value) if value else option

    return re.sub(rf"{flag}(?: ([0-9][^\s,;)]*))?", one, text)
