"""The request side's cost: per-file indexes built once instead of per-call scans, and inputs that
once grew quadratically, counted in calls or steps (no wall-clock limits)."""

from __future__ import annotations

from akool_cli.audit import fields
from akool_cli.audit.scan import audit_text
from tests.support.benchfile import bench_file, counted


def test_a_files_word_checks_are_made_once_per_file_not_per_call() -> None:
    # mocks, handles, block queries, removed keys and enums each ask, for every call, whether the
    # file holds their words at all; a cache keyed by the text compared the whole file at each
    # ask (the file's own text is an equal copy of the one the calls are read in): 5,000 calls,
    # 5,000 whole-file comparisons a check. The answer is the file's, kept on it.
    looked = [0]
    original = fields.Text.holds

    def looking(self: fields.Text, *words: str) -> bool:
        looked[0] += words not in self._holds
        return original(self, *words)

    fields.Text.holds = looking  # type: ignore[method-assign]
    try:
        with counted(fields.Text, "holds") as asked:
            audit_text(bench_file(40), "calls.py")
    finally:
        fields.Text.holds = original  # type: ignore[method-assign]
    assert asked[0] >= 200  # (each of the 200 calls asks)
    assert looked[0] <= 10  # (each check once)
