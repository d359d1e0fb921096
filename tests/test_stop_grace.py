"""The grace a first signal gives a create in flight leaves room to record it and exit within the
2 s a CI runner or `docker stop` allows before SIGKILL (break17d L10, issue 17).

Stop times are not measured here (no wall-clock limits in tests): the break-it run measured them
on the shared 2-core machine at a load of 6, where recording the unknown outcome and exiting took
up to 0.63 s after the grace (2.13 s with the 1.5 s grace: 2 of 11 stops over 2 s). This checks
the budget those figures leave and that every doc states the grace the code has. It fails before
the fix (1.5 s).
"""

from __future__ import annotations

import re
from pathlib import Path

from akool_cli.core import interrupts

DOCS = Path(__file__).resolve().parent.parent / "docs"
STOP_PROMISE = 2.0  # seconds: reliability.md, "akool ends within 2 s of a SIGTERM"
AFTER_THE_GRACE = 0.63  # the worst measured time from the grace's end to the exit (loaded)
MARGIN = 0.1


def test_the_grace_leaves_room_to_record_and_exit_within_two_seconds() -> None:
    worst = interrupts.ANSWER_GRACE_SECONDS + AFTER_THE_GRACE + MARGIN
    assert worst <= STOP_PROMISE, worst


def test_the_docs_state_the_grace_the_code_has() -> None:
    grace = f"{interrupts.ANSWER_GRACE_SECONDS:g} s"
    said = {
        "reliability.md": r"only for ([\d.]+ s)",
        "batch.md": r"gives creates in flight ([\d.]+ s)",
        "mcp.md": r"a create on its way gets ([\d.]+ s)",
    }
    for name, pattern in said.items():
        found = re.search(pattern, (DOCS / name).read_text())
        assert found is not None and found.group(1) == grace, (name, found)
