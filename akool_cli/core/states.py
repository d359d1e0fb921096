"""The one table of job states: what every AKOOL product's status number means to akool.

Every asynchronous product AKOOL documents reports 1 queueing, 2 processing, 3 completed and 4
failed, whatever the field is called (`video_status`, `status`, `result.status`); a kind whose
numbers differ maps them onto this table in its description (kinds.py). The history, `status`,
`watch`, the webhook receiver, the library and the sandbox all read states from here.
"""

from __future__ import annotations

from enum import IntEnum


class Status(IntEnum):
    """A job's state; the number is the one AKOOL's answers and the history's column hold."""

    QUEUED = 1
    PROCESSING = 2
    DONE = 3
    FAILED = 4


NAMES: dict[int, str] = {
    Status.QUEUED: "queued",
    Status.PROCESSING: "processing",
    Status.DONE: "done",
    Status.FAILED: "failed",
}
UNKNOWN = "unknown"  # a number no table documents: shown as is, and the job is followed on
FINAL = frozenset({Status.DONE, Status.FAILED})
# How far along each state is: a late or repeated report never moves a job back.
RANK: dict[int, int] = {
    Status.QUEUED: 0,
    Status.PROCESSING: 1,
    Status.DONE: 2,
    Status.FAILED: 2,
}


def name(status: int) -> str:
    """'queued', 'processing', 'done', 'failed', or 'unknown'."""
    return NAMES.get(status, UNKNOWN)


def finished(status: int) -> bool:
    return status in FINAL


def advances(new: int, old: int) -> bool:
    """Whether a report of `new` moves a job that is at `old` forward."""
    return RANK.get(new, -1) > RANK.get(old, 0)
