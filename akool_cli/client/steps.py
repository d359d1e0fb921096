"""A create's first step by the id AKOOL gave it (a head swap's analysis, what akool mcp's headswap
tool answers): the job it became, or why there is none, so that id can be followed anywhere.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from akool_cli.core import kinds
from akool_cli.core.errors import AkoolError, UnknownOutcomeError, UsageError, settle_hint

if TYPE_CHECKING:
    from akool_cli.store.journal import FirstStepRecord

# What became of a first step with no job, by its state, as data: (what is said, what to do).
REMAKE = "make it again (akool {command}, or akool mcp's {tool} tool): only the create is billed"
NO_JOB: dict[str, tuple[str, str]] = {
    "analysing": (
        "is still on its way in another akool (its process runs): there is no job yet",
        "ask again in a minute: akool status {id}",
    ),
    "creating": (
        "is being created right now by another akool: there is no job id yet",
        "ask again in a minute: akool status {id}",
    ),
    "rejected": ("was refused by AKOOL ({detail}): nothing was made or billed", REMAKE),
    "none": (
        "never became a job: the akool that asked for it stopped, or was refused, before "
        "creating it, so nothing was billed",
        REMAKE,
    ),
}


@dataclass(frozen=True)
class FirstStep:
    """A create's first step (`kind`'s: a head swap's analysis) by its id, as the history knows
    it. `state`: "made" (`job_id` is the job it became), "analysing" (the akool that asked it
    still runs and may make the job yet), "creating" (its create is being sent), "unknown" (its
    create's outcome is unknown: `attempt_id`, settled with akool settle), "rejected" (AKOOL
    refused the create) or "none" (it never became a job: nothing billed)."""

    id: str
    kind: str
    started_at: float
    state: str
    job_id: str | None = None
    attempt_id: int | None = None
    detail: str = ""

    @property
    def pending(self) -> bool:
        """Whether a job may still come of it (another akool is making it)."""
        return self.state in ("analysing", "creating")

    def error(self) -> AkoolError:
        """Why it cannot be followed as a job (its state is not "made")."""
        kind = kinds.get(self.kind)
        what = (
            f"{self.id} is AKOOL's analysis of the video for {kind.a_noun}, asked at {_when(self)},"
        )
        if self.state == "unknown":
            return UnknownOutcomeError(
                f"{what} whose create (attempt {self.attempt_id}) has an unknown outcome: AKOOL "
                "may have made and billed it",
                hint=settle_hint(self.attempt_id),
            )
        said, hint = NO_JOB[self.state]
        words = {"id": self.id, "command": kind.command, "tool": _tool(kind.command)}
        return UsageError(
            f"{what} which {said.format(detail=self.detail or 'no reason given')}",
            hint=hint.format(**words),
        )


def first_step_of(record: FirstStepRecord) -> FirstStep:
    """What the history's record of a first step says became of it."""
    attempt = record.attempt
    if record.job_id is not None:
        state = "made"
    elif attempt is not None and attempt.outcome == "unknown":
        state = "unknown"
    elif attempt is not None and attempt.outcome == "sending":
        state = "creating"
    elif attempt is not None and attempt.outcome == "rejected":
        state = "rejected"
    else:
        state = "analysing" if record.alive and attempt is None else "none"
    return FirstStep(
        record.id,
        record.kind,
        record.started_at,
        state,
        job_id=record.job_id,
        attempt_id=attempt.id if attempt is not None else None,
        detail=attempt.detail if attempt is not None else "",
    )


def _when(step: FirstStep) -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(step.started_at))


def _tool(command: str) -> str:
    return "_".join(command.replace("-", " ").split())
