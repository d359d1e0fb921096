"""The bench's own audit input for tests, taken from bench/run.py (one source: the file `make
bench` times), and a counter of a function's calls (speed tests count work, never clocks)."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

BENCH = Path(__file__).resolve().parent.parent.parent / "bench" / "run.py"
SHAPES = 5  # calls in each group of bench's file: a bound call and its read, then four more


@cache
def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("akool_bench_run", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # (its dataclasses look their module up there)
    spec.loader.exec_module(module)
    return module


def bench_file(groups: int) -> str:
    """bench's 5,000-call file cut to `groups` groups of its shapes (5 calls each): a body, a
    call bound to a name and read, then four calls that bind nothing, at the top level."""
    text = _bench().audit_file_text(SHAPES * groups)
    assert isinstance(text, str)
    return text


def ordinary_file(kind: str, calls: int) -> str:
    """One of bench's ordinary 5,000-call scripts (bench/run.py's ORDINARY_SHAPES) cut to
    `calls` calls: `py-fn` is a wrapper function per call that parses the answer, tests its
    status and reads two of its fields."""
    head, shape = _bench().ORDINARY_SHAPES[kind]
    text = head + "".join(shape.format(n=n) for n in range(calls))
    assert isinstance(text, str)
    return text


@contextmanager
def counted(owner: Any, name: str) -> Iterator[list[int]]:
    """Count the calls of owner.name while the block runs."""
    count = [0]
    original = getattr(owner, name)

    def counting(*args: Any, **kwargs: Any) -> Any:
        count[0] += 1
        return original(*args, **kwargs)

    setattr(owner, name, counting)
    try:
        yield count
    finally:
        setattr(owner, name, original)
