"""Module-level regular expressions compiled on first use, not at import: the audit's modules
hold some 850 patterns and a run uses a few hundred, so compiling them all cost every run about
0.1 s of its start-up (`compile` is `re.compile` for a module's constant: write a new module-level
pattern as `rx.compile(...)`, unless code compares a match's `.re` with it)."""

from __future__ import annotations

import re
from typing import Any, cast

# What a compiled pattern offers: each is copied onto the stand-in on its first use, so later
# uses find it in the stand-in's own attributes and never pass through __getattr__ again.
_OFFERED = (
    "search",
    "match",
    "fullmatch",
    "finditer",
    "findall",
    "sub",
    "subn",
    "split",
    "scanner",
    "flags",
    "groups",
    "groupindex",
)


class _Deferred:
    """A pattern's stand-in: `pattern` is its text at once (modules join patterns' texts at
    import); anything else compiles it and keeps its bound methods on the stand-in."""

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self._flags = flags

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # (copy's and pickle's probes: a stand-in has none)
            raise AttributeError(name)
        compiled = re.compile(self.pattern, self._flags)
        for offered in _OFFERED:
            setattr(self, offered, getattr(compiled, offered))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"rx.compile({self.pattern!r}, {self._flags})"


def compile(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, compiled when the pattern is first used."""
    return cast("re.Pattern[str]", _Deferred(pattern, int(flags)))


Deferred = _Deferred  # (what a stand-in is, for a test that wraps every module's patterns)
