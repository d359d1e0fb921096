"""Settling an unknown outcome from Python as `akool settle` does: a create that may or may not
have reached AKOOL is told what happened, by the job found in AKOOL's dashboard or a webhook, or
by saying it made none (one new create is then allowed)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from akool_cli.client.base import ClientBase
from akool_cli.client.job import Job
from akool_cli.core import kinds
from akool_cli.core.answers import other_inputs
from akool_cli.core.errors import (
    CredentialScopeError,
    RejectedError,
    UsageError,
    asked_jobs,
    settle_hint,
)
from akool_cli.core.validate import check_created

if TYPE_CHECKING:
    from akool_cli.store.journal import AttemptRecord, JobRecord


@dataclass
class Settled:
    """An attempt settled: `job` is the job it made (recorded now), None when it made none."""

    attempt: int
    kind: str
    job: Job | None
    row: int | None = None  # the batch row it belongs to, if any
    row_id: str | None = None
    asked: int = 1  # the jobs its create asked for (a `count` over 1: each settled alike)

    @property
    def created(self) -> bool:
        return self.job is not None

    def to_json(self) -> dict[str, Any]:
        return {
            "attempt": self.attempt,
            "kind": self.kind,
            "outcome": "created" if self.job is not None else "not_created",
            "job_id": self.job.id if self.job is not None else None,
            "row": self.row,
            "row_id": self.row_id,
        }


def _held_by_another(held: JobRecord, attempt: AttemptRecord, answer: dict[str, Any]) -> bool:
    """Whether a recorded job is another create's by mistake: on the attempt's server, its
    status shows other inputs than the create it is recorded under (as that create's answer
    reported them, or as it sent them) and none other than the attempt sent (with settle, the
    user says it is the attempt's job where nothing can be compared: AKOOL's copy of an image
    is not)."""
    where = (held.base_url, held.profile, held.kind)
    if where != (attempt.base_url, attempt.profile, attempt.kind):
        return False
    kind = kinds.get(attempt.kind)
    shows_other = other_inputs(kind, held.inputs, answer, created=held.answered) is not None
    return shows_other and other_inputs(kind, attempt.inputs, answer) is None


def _a(noun: str) -> str:
    return ("an " if noun[0] in "aeiou" else "a ") + noun


class SettlingMixin(ClientBase):
    def settle(
        self,
        target: int | str,
        *,
        created: str | None = None,
        not_created: bool = False,
        batch: str | os.PathLike[str] | None = None,
        force: bool = False,
    ) -> Settled:
        """Settle a create attempt whose outcome is unknown (`akool status` lists them; errors
        name them): `created=JOB_ID` records the job it made, which is then followed, downloaded
        and picked up by a rerun like any job; `not_created=True` lets the next run create it
        once more. `target` is the attempt's number, or, with `batch`, a row of that batch file
        (its `id` column, or its row number). A job whose status answer reports other inputs
        than the attempt sent, where AKOOL echoes them (another create's job), is refused unless
        `force`; AKOOL's own copy of an input (a talking photo's portrait) is not compared with
        the URL sent, and with nothing left to compare the job is taken as said."""
        if (created is None) == (not not_created):
            raise UsageError(
                'say what the create did: created="JOB_ID" or not_created=True (one of them)',
                hint="look for the job in the AKOOL dashboard (or a webhook) first",
            )
        job_id = None if created is None else check_created(created, "created")  # before sending
        attempt = self._unsettled(target, batch)
        row = attempt.inputs.get("batch_row")
        row_id = attempt.inputs.get("batch_id")
        found = Settled(attempt.id, attempt.kind, None, row, row_id, asked_jobs(attempt.inputs))
        if created is None:
            why = self.journal.settle_not_created(attempt.id)
            if why is not None:
                raise UsageError(
                    f"cannot settle attempt {attempt.id}: {why}", hint=settle_hint(None)
                )
            return found
        assert job_id is not None
        found.job = self._settle_created(attempt, job_id, force)
        return found

    def _settle_created(self, attempt: AttemptRecord, job_id: str, force: bool) -> Job:
        """Ask the attempt's own server about the job (it must exist there, as the kind the
        attempt made), then record it."""
        from akool_cli.jobs import engine
        from akool_cli.store.journal import JobRecord

        held = self.journal.get(job_id)
        kind = kinds.get(attempt.kind)
        where = JobRecord(
            id=job_id,
            created_at=0.0,
            updated_at=0.0,
            kind=kind.name,
            base_url=attempt.base_url,
            profile=attempt.profile,
            account=attempt.account,
        )
        try:
            api = self.api_of(where)
        except CredentialScopeError as exc:
            if exc.verified_base_url is not None:  # the credential in use, not the attempt's
                raise
            raise self._attempt_elsewhere(attempt) from None
        try:
            info = api.detail(kind, job_id)
        except RejectedError as exc:  # a typo'd id, or a job of another kind or account
            raise RejectedError(
                f"cannot settle attempt {attempt.id}: {attempt.base_url} does not know "
                f"{kind.noun} job {job_id} ({exc.msg or exc.message}); the attempt stays unknown",
                hint=f"copy the id of the {kind.noun} job from the AKOOL dashboard",
                code=exc.code,
                msg=exc.msg,
            ) from None
        # A job the history holds under another create whose inputs its status does not show
        # (a server gave it that id) moves to this attempt when its status shows this one's.
        # So does a job recorded only because its result was saved here (watch ID -o, F15).
        move = held is not None and (
            self.journal.fetched_only(job_id)
            or _held_by_another(held, attempt, info.raw)
            or self._named_beside(held, attempt)
        )
        if held is not None and not move:
            raise UsageError(
                f"cannot settle attempt {attempt.id}: job {job_id} is already in the history",
                hint=f"check the id in the AKOOL dashboard; akool status {job_id} shows it",
            )
        if not force:
            self._same_kind(attempt, kind, job_id, info.raw)
        other = None if force else other_inputs(kind, attempt.inputs, info.raw)
        if other is not None:
            raise UsageError(
                f"cannot settle attempt {attempt.id}: job {job_id} was made with other inputs "
                f"({other}); it is another create's job, and the attempt stays unknown",
                hint="copy the id of the job made with these inputs from the AKOOL dashboard "
                f"(akool settle {attempt.id} --created JOB_ID --force if it is this one)",
            )
        record = engine.settle_created(self.journal, attempt, info, move=move)
        return Job.of(info, record, kind.name)

    def _attempt_elsewhere(self, attempt: AttemptRecord) -> CredentialScopeError:
        """Why an attempt made on a server no credential here may go to cannot be settled here:
        only a job of that server can be its job (break17j J8: it said the *job* was made on
        the attempt's server, and sent the user to ask that server about another's job)."""
        from akool_cli.client.elsewhere import job_elsewhere_hint, shadowing
        from akool_cli.store.credentials import from_environment

        base_url, profile, account = attempt.base_url, attempt.profile, attempt.account
        shadowed = shadowing(self.paths, profile, account, base_url, from_environment(self.env))
        made = "with another credential than the ones akool has here"
        if shadowed:
            made = f"with profile {profile}'s keyring key, unused while {shadowed} is set"
        there = job_elsewhere_hint(
            self.paths,
            "",
            profile,
            account,
            base_url,
            shadowed,
            command=f"settle {attempt.id} --created <that server's job id>",
            whose="create",
        )
        return CredentialScopeError(
            f"attempt {attempt.id} was a create on {base_url} (profile {profile}) {made}: only "
            "a job of that server can be its job (settle it there, or --not-created), and akool "
            "never sends a key to a server it was not made for",
            hint=f"{there}; or, if that create made no job: akool settle {attempt.id} --not-created",
            profile=profile,
            base_url=base_url,
        )

    def _named_beside(self, held: JobRecord, attempt: AttemptRecord) -> bool:
        """Whether a recorded job is one an answer named beside another id, recorded with no
        create of its own and this attempt's request (break17h H18: an answer naming an earlier
        job's id first left its new job so, and the attempt unknown): it is this attempt's."""
        where = (held.base_url, held.profile, held.kind, held.account, held.inputs)
        mine = (attempt.base_url, attempt.profile, attempt.kind, attempt.account, attempt.inputs)
        return where == mine and self.journal.attempt_of_job(held.id) is None

    @staticmethod
    def _same_kind(
        attempt: AttemptRecord, kind: kinds.JobKind, job_id: str, answer: dict[str, Any]
    ) -> None:
        """The job is of the attempt's kind as far as its answer tells (a status endpoint that
        serves several products answers any of their ids: its answer must show the kind's own
        fields, `marks`), or UsageError."""
        other = kinds.answered_kind(kind, answer)
        if other is None and kinds.untold(kind, answer):
            # Nothing tells the kind (a talking avatar's answer has no field of its own): it
            # could be another product's job.
            marks = ", ".join(kind.marks)
            raise UsageError(
                f"cannot settle attempt {attempt.id}: AKOOL's answer for job {job_id} does not "
                f"show it is {_a(kind.noun)} job (no {marks}, which its answers have, and "
                "the same status endpoint answers other products' ids); the attempt stays "
                "unknown",
                hint=f"copy the id of the {kind.noun} job from the AKOOL dashboard (akool settle "
                f"{attempt.id} --created {job_id} --force if it is this one)",
            )
        if other is None:
            return
        shown = other.shows(answer, other.marks)
        raise UsageError(
            f"cannot settle attempt {attempt.id}: job {job_id} is {_a(other.noun)} job, not "
            f"{_a(kind.noun)} job (AKOOL's answer has {other.noun}'s {shown}); the attempt "
            "stays unknown",
            hint=f"copy the id of the {kind.noun} job from the AKOOL dashboard (akool settle "
            f"{attempt.id} --created {job_id} --force if it is this one)",
        )

    def unsettled(self) -> list[AttemptRecord]:
        """Every create attempt whose outcome is unknown (answered by nobody), oldest first."""
        return self.journal.open_attempts()

    def _unsettled(self, target: int | str, batch: str | os.PathLike[str] | None) -> AttemptRecord:
        """The attempt named by its number, or by a row of a batch file."""
        if batch is not None:
            return self._row_attempt(Path(batch), str(target))
        text = str(target).strip()
        # An attempt's number is a SQLite integer: a larger one names none (break17i I12).
        number = int(text) if text.isascii() and text.isdigit() else None
        attempt = None if number is None or number >= 2**63 else self.journal.attempt(number)
        if attempt is None:
            raise UsageError(
                f"there is no create attempt {text!r} in the history",
                hint="give the attempt number an error or akool status named; for a batch row: "
                "akool settle ROW --batch FILE --created JOB_ID",
            )
        return attempt

    def _row_attempt(self, file: Path, row: str) -> AttemptRecord:
        """The unknown attempt of one row of a batch file (its speech's or its own), in this
        client's server, profile and account, as the batch run claims it."""
        from akool_cli.jobs.batch import load_rows, rows_folder, validate

        items, _ = validate(load_rows(file), base_dir=rows_folder(file))
        item = next((i for i in items if row in (i.id, str(i.row))), None)
        if item is None:
            raise UsageError(
                f"{file} has no valid row {row!r}",
                hint="give the row's id (its `id` column) or its row number, as akool batch "
                "shows them in the ROW and ID columns",
            )
        keys = [item.key + ":speech", item.key]
        found = self.journal.unsettled_for_keys(keys, self.scope())
        if not found:
            raise UsageError(
                f"row {item.row} ({item.id}) of {file} has no create whose outcome is unknown "
                f"on {self.base_url} (profile {self.profile})",
                hint="run akool settle with the server and profile the batch ran with; akool "
                "status lists every unknown outcome",
            )
        return found[0]
