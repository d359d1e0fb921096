"""What the library hands back: a Job (AKOOL's answer merged with the history), and the results
of following, listing and batching jobs. Plain data; nothing here talks to AKOOL.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from akool_cli.core import kinds, states
from akool_cli.core.clock import current
from akool_cli.core.errors import AkoolError, settle_hint
from akool_cli.core.models import JobInfo

if TYPE_CHECKING:
    from akool_cli.jobs.download import DownloadResult
    from akool_cli.store.journal import AttemptRecord, JobRecord


@dataclass(frozen=True)
class Job:
    """A job as akool knows it: AKOOL's latest answer merged with the local history."""

    id: str
    kind: str
    state: str  # queued, processing, done, failed, unknown (as `akool status --json`)
    video_status: int
    video_url: str | None = None
    error: str | None = None
    created_at: float | None = None
    label: str = ""
    downloaded_path: str | None = None
    size: int | None = None
    sha256: str | None = None
    inputs: Mapping[str, Any] = field(default_factory=dict)
    files: Mapping[str, str] = field(default_factory=dict)  # other result files: role → URL
    saved: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)  # role → path, size
    cost: Mapping[str, float] = field(default_factory=dict)  # as AKOOL reports it
    # What the job makes that is not a file: a cloned voice's `voice_id`, an avatar's
    # `avatar_id`, a moderation's `result` and `final_conclusion` (AKOOL's field names).
    outputs: Mapping[str, str] = field(default_factory=dict)
    # From the history: when akool first saw it finished, and when AKOOL deletes its result.
    finished_at: float | None = None
    expires_at: float | None = None
    # A create that found the job an earlier call with the same key made (nothing was sent).
    repeated: bool = False
    deleted_at: float | None = None  # when `akool delete` had AKOOL delete it
    # Not its create's job: its first status read showed other inputs than the create sent
    # (a server gave that create another one's id); the note says so and what settles it.
    detached: str | None = None
    # The other jobs its create's answer named (a `count` over 1): each billed and recorded in
    # the history as a job of its own (`akool status` lists them).
    also: tuple[str, ...] = ()
    # Earlier jobs' ids its create's answer named too (not its create's: left as they were).
    foreign: tuple[str, ...] = ()

    @property
    def finished(self) -> bool:
        return states.finished(self.video_status)

    @property
    def done(self) -> bool:
        return self.video_status == states.Status.DONE

    @property
    def failed(self) -> bool:
        return self.video_status == states.Status.FAILED

    def expired(self, now: float | None = None) -> bool:
        """Whether AKOOL has deleted the result: done, and past expires_at (7 days after it
        finished, as documented)."""
        from akool_cli.jobs.views import expired

        return expired(self.video_status, self.expires_at, current().time() if now is None else now)

    @property
    def failure_hint(self) -> str | None:
        """AKOOL's advice on inputs for this kind of job, for when it failed."""
        return kinds.get(self.kind).failure_hint

    @property
    def name(self) -> str:
        """What a person recognises the job by: its label, or its main input's file name."""
        from akool_cli.jobs.views import name_of

        return name_of(self.to_json(0))

    def to_json(self, now: float | None = None) -> dict[str, Any]:
        """The job as `akool status --json` prints it."""
        from akool_cli.jobs.views import job_view

        return job_view(
            job_id=self.id,
            kind=self.kind,
            video_status=self.video_status,
            video_url=self.video_url or "",
            error=self.error or "",
            created_at=self.created_at,
            label=self.label,
            inputs=self.inputs,
            files=self.files,
            saved=self.saved,
            cost=self.cost,
            outputs=self.outputs,
            downloaded_path=self.downloaded_path or "",
            size=self.size,
            sha256=self.sha256 or "",
            deleted_at=self.deleted_at,
            finished_at=self.finished_at,
            expires_at=self.expires_at,
            detached=self.detached,
            now=current().time() if now is None else now,
        )

    def row(self, now: float | None = None) -> list[str]:
        """The job as a row of `akool status`'s table (columns: TABLE_COLUMNS)."""
        from akool_cli.jobs.views import table_row

        return table_row(self.to_json(now))

    @classmethod
    def of(
        cls,
        info: JobInfo | None,
        record: JobRecord | None,
        kind: str = "",
        download: DownloadResult | None = None,
    ) -> Job:
        """AKOOL's answer (if any) over the history's record (if any); a download made just now
        fills in the file for a job the history does not hold."""
        if info is None and record is None:
            raise ValueError("a job needs AKOOL's answer or a history record")
        status = info.video_status if info is not None else record.video_status  # type: ignore[union-attr]
        url = info.video_url if info is not None else record.video_url  # type: ignore[union-attr]
        error = info.error_reason if info is not None else record.error  # type: ignore[union-attr]
        created = record.created_at if record is not None else None
        if created is None and info is not None and info.create_time_ms:
            created = info.create_time_ms / 1000
        saved = (record.downloaded_path or None) if record is not None else None
        size = record.size if record is not None else None
        sha256 = (record.sha256 or None) if record is not None else None
        if download is not None and saved is None:
            saved, size, sha256 = str(download.path.absolute()), download.size, download.sha256
        return cls(
            id=info.id if info is not None else record.id,  # type: ignore[union-attr]
            kind=record.kind if record is not None else (kind or kinds.TALKING_PHOTO.name),
            state=states.name(status),
            video_status=status,
            video_url=url or None,
            error=error or None,
            created_at=created,
            label=record.label if record is not None else "",
            downloaded_path=saved,
            size=size,
            sha256=sha256,
            inputs=record.inputs if record is not None else {},
            files=(info.files if info is not None else {}) or (record.files if record else {}),
            saved=record.saved if record is not None else {},
            cost=(info.cost if info is not None else {}) or (record.cost if record else {}),
            outputs={
                **(record.outputs if record is not None else {}),
                **(info.outputs if info is not None else {}),
            },
            finished_at=record.finished_at if record is not None else None,
            expires_at=record.expires_at if record is not None else None,
            deleted_at=record.deleted_at if record is not None else None,
            detached=_detached(record),
            also=tuple(o.id for o in info.others) if info is not None else (),
            foreign=info.foreign if info is not None else (),
        )


def _detached(record: JobRecord | None) -> str | None:
    from akool_cli.jobs.views import detached_note

    if record is None or not record.detached:
        return None
    return detached_note(record.held_by)


@dataclass
class FollowResult:
    """What following jobs to the end found: each answered job's final state, the jobs whose
    following (or download) failed, and the ids whose result was downloaded this time."""

    jobs: dict[str, Job] = field(default_factory=dict)
    errors: dict[str, AkoolError] = field(default_factory=dict)
    downloaded: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class StatusNote:
    """A job that could not be refreshed: `known` ones keep their last recorded state. Not
    `asked`: no credential akool has may go to its server, so it was never asked."""

    job_id: str
    server: str
    error: AkoolError
    known: bool
    asked: bool = True


@dataclass
class Statuses:
    """`akool status`: the jobs asked for (or the newest ones), refreshed where unfinished."""

    jobs: list[Job] = field(default_factory=list)
    notes: list[StatusNote] = field(default_factory=list)
    # Creates whose outcome is unknown (sent, no answer recorded): check before creating again.
    unknown_attempts: list[AttemptRecord] = field(default_factory=list)
    # The history's path when it can be read but not written: states are shown, not saved.
    read_only: str | None = None
    read_only_why: str = ""  # "it is read-only", "its disk is full"

    def views(self, now: float | None = None) -> list[dict[str, Any]]:
        """What `akool status --json` prints: the jobs, then each create whose outcome is
        unknown (no id, state `unknown`, its `attempt` and the `hint` that settles it)."""
        from akool_cli.jobs.views import attempt_view

        now = current().time() if now is None else now
        return [job.to_json(now) for job in self.jobs] + [
            attempt_view(
                attempt=a.id,
                kind=a.kind,
                started_at=a.started_at,
                inputs=a.inputs,
                detail=a.detail,
                hint=settle_hint(a.id),
                now=now,
            )
            for a in self.unknown_attempts
        ]

    def rows(self, now: float | None = None) -> list[list[str]]:
        """`akool status`'s table (columns: TABLE_COLUMNS), unknown outcomes last."""
        from akool_cli.jobs.views import table_row

        return [table_row(view) for view in self.views(now)]
