"""Recorded jobs AKOOL no longer has: marked so in the history, never reused or picked up again.

A job its own server answers 1008 "content does not exist" for (deleted in AKOOL's dashboard, a
sandbox restarted on its fixed port) is marked deleted and its key retired; a finished job whose
result URL, fresh from AKOOL's status, answers 403/404/410 is marked expired. Either way the
reliability promise holds: a job that was deleted, or whose result expired and is not saved
here, is not reused: the command that made it, run again, makes a new one (break17h H3,
break17i I6). The errors say so, and never send the user back to the job that is gone.
"""

from __future__ import annotations

from pathlib import Path

from akool_cli.core.contract import NOT_FOUND_CODE
from akool_cli.core.errors import AkoolError, JobGoneError, RejectedError, ResultGoneError
from akool_cli.core.kinds import JobKind
from akool_cli.core.states import finished
from akool_cli.net.api import AkoolClient
from akool_cli.store.journal import JobRecord, Journal

# A job AKOOL answered a create for and still calls unknown this long after is gone for good;
# sooner, an unfinished job's 1008 may be a server not caught up with its own create yet.
GONE_AFTER_SECONDS = 600.0

MAKE_AGAIN = (
    "nothing is left to follow or download: the command that made it, run again, makes a new "
    "job (billed); with --reuse, or as a batch row, it no longer picks this one up"
)


def gone_error(journal: Journal, job_id: str, error: BaseException) -> AkoolError | None:
    """The error to report for a recorded job whose status or result is `error`, once the
    history marks it gone; None when `error` says nothing of the kind (or the job is not
    recorded, or too new to tell)."""
    record = journal.get(job_id)
    if record is None or not isinstance(error, RejectedError):
        return None
    if isinstance(error, ResultGoneError):
        if not error.marked:
            journal.mark_expired(job_id)  # its URL was AKOOL's answer just now, and is dead
            error.marked = True
            error.message += "; akool marked it expired in this history"
            error.hint = MAKE_AGAIN
        return error
    if error.code != NOT_FOUND_CODE or not _old_enough(journal, record):
        return None
    journal.mark_gone(job_id)
    where = f" on {record.base_url}" if record.base_url else ""
    return JobGoneError(
        f"job {job_id} no longer exists{where}: AKOOL answers that it does not exist (code "
        f"{NOT_FOUND_CODE}: deleted in AKOOL's dashboard, or a sandbox restarted), so akool "
        "marked it deleted in this history",
        hint=MAKE_AGAIN,
        code=NOT_FOUND_CODE,
        msg=error.msg,
    )


def still_there(client: AkoolClient, journal: Journal, kind: JobKind, record: JobRecord) -> bool:
    """Whether a job made earlier still stands for its request before it is reused: saved here
    whole, or known to its server (one status read). False once it is marked gone; any other
    failure to read it is left to whoever follows it."""
    if record.downloaded_path and record.result_at(Path(record.downloaded_path)):
        return True
    try:
        client.detail(kind, record.id)
    except AkoolError as exc:
        return gone_error(journal, record.id, exc) is None
    return True


def _old_enough(journal: Journal, record: JobRecord) -> bool:
    if finished(record.video_status):
        return True
    return journal.clock.time() - record.created_at >= GONE_AFTER_SECONDS
