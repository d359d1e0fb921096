"""`akool sync`: every finished result the history has not saved, downloaded before AKOOL deletes it.

AKOOL keeps results for 7 days and has no endpoint that lists an account's jobs, so the history is
the only list there is. A sync first asks about the recent jobs the history still thinks are
unfinished (one request per status family), then downloads each done job that has no saved file
(never saved, or saved to a file that is gone or changed since) into one folder, as
`<job id><suffix>`, recording each download; a second run finds nothing to do.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from akool_cli.core import kinds
from akool_cli.core.errors import AkoolError, CredentialScopeError, ResultGoneError
from akool_cli.core.prices import RETENTION_SECONDS
from akool_cli.core.states import FINAL, Status
from akool_cli.jobs.download import make_directory, safe_file_name
from akool_cli.jobs.views import expired
from akool_cli.jobs.watcher import Downloaded, Failed, Watcher, refresh
from akool_cli.net.api import AkoolClient
from akool_cli.store.credentials import sandbox_accounts
from akool_cli.store.journal import UNCHECKED, JobRecord, Journal

# A result saved earlier whose file was changed since: kept, never replaced without --force.
_CHANGED = (
    "{} has changed since akool saved it: it is kept, not downloaded again (--force replaces it)"
)
# A job finishes after it was made: made this long ago, its result may still be on AKOOL.
LOOK_BACK = RETENTION_SECONDS + 86400.0

ApiFor = Callable[[JobRecord], AkoolClient]


@dataclass
class SyncResult:
    saved: list[dict[str, Any]] = field(default_factory=list)  # id, path, size
    failed: list[dict[str, Any]] = field(default_factory=list)  # id, error
    # past expires_at, or deleted by AKOOL before (its result answered 404): never saved
    expired: list[str] = field(default_factory=list)
    # id, error, sandbox: not asked at all, as no credential in use may go to the server that
    # made it; `sandbox`: a local sandbox's job (made with its own key), whose result no AKOOL
    # account has: no credential is missing for it
    skipped: list[dict[str, Any]] = field(default_factory=list)
    refreshed: int = 0  # unfinished jobs asked about first

    @property
    def credential_missing(self) -> bool:
        """Some job of an AKOOL account could not be asked: its server's credential is missing
        (`akool sync` exits 3); a sandbox's jobs alone are no such job."""
        return any(not skipped["sandbox"] for skipped in self.skipped)

    def to_json(self) -> dict[str, Any]:
        return {
            "saved": self.saved,
            "failed": self.failed,
            "expired": self.expired,
            "skipped": self.skipped,
            "refreshed": self.refreshed,
        }


def sync(journal: Journal, api_for: ApiFor, folder: Path, *, force: bool = False) -> SyncResult:
    """Download every done, unsaved result into `folder` (created if needed)."""
    result = SyncResult()
    now = journal.clock.time()
    result.refreshed = _refresh_unfinished(journal, api_for, now, result)
    wanted: list[tuple[JobRecord, AkoolClient]] = []
    found = [*journal.unsaved(), *_saved_then_lost(journal, now), *_files_never_read(journal, now)]
    for record in {record.id: record for record in found}.values():
        # Expired as status, history and MCP call it: past expires_at (never later than AKOOL's
        # deletion), so not asked for.
        if expired(record.video_status, record.expires_at, now):
            result.expired.append(record.id)
            continue
        try:
            wanted.append((record, api_for(record)))
        except AkoolError as exc:
            _not_asked(result, record, exc)
    if not wanted:
        return result
    make_directory(folder)
    first = wanted[0][1]
    with Watcher(first, journal, force=force, clock=journal.clock) as watcher:
        for record, api in wanted:
            kind = kinds.get(record.kind)
            target = folder / safe_file_name(record.id, kind.suffix)
            saved = Path(record.downloaded_path or target)
            if not force and record.result_at(saved):
                target = saved  # its other files go beside the result saved earlier
            elif not force and saved == target and os.path.lexists(target):
                result.failed.append({"id": record.id, "error": _CHANGED.format(target)})
                continue
            watcher.add(record.id, kind=kind, target=target, api=api)
        for event in watcher.events():
            if isinstance(event, Downloaded):
                path = str(event.result.path)
                result.saved.append({"id": event.job_id, "path": path, "size": event.result.size})
            elif isinstance(event, Failed) and isinstance(event.error, ResultGoneError):
                journal.mark_expired(event.job_id)  # AKOOL deleted it early: expired everywhere
                result.expired.append(event.job_id)
            elif isinstance(event, Failed):
                result.failed.append({"id": event.job_id, "error": event.error.message})
    return result


def _saved_then_lost(journal: Journal, now: float) -> list[JobRecord]:
    """Done jobs saved earlier whose file is gone from where it was saved, or changed there (a CI
    workspace wiped while AKOOL_HOME was kept): saved again while AKOOL may still keep them."""
    return [
        record
        for record in journal.jobs_since(now - LOOK_BACK)
        if record.video_status == Status.DONE
        and record.downloaded_path
        and record.deleted_at is None
        and not expired(record.video_status, record.expires_at, now)  # saved once: not lost
        and not record.saved_at(Path(record.downloaded_path))
    ]


def _files_never_read(journal: Journal, now: float) -> list[JobRecord]:
    """Done jobs whose kind offers other files (a translation's subtitles) while akool never
    read their status (a callback brings only the result's URL): nothing says those files were
    saved, so their status is asked for them (once: the status read marks the job checked)."""
    return [
        record
        for record in journal.jobs_since(now - LOOK_BACK)
        if record.video_status == Status.DONE
        and record.deleted_at is None
        and not record.files
        and record.answer_checked == UNCHECKED
        and kinds.get(record.kind).files
        and not expired(record.video_status, record.expires_at, now)
    ]


def _not_asked(result: SyncResult, record: JobRecord, exc: AkoolError) -> None:
    """A job akool could not ask about: skipped for its credential's scope, else failed."""
    if not isinstance(exc, CredentialScopeError):
        result.failed.append({"id": record.id, "error": exc.message})
        return
    sandbox = record.account in sandbox_accounts()
    result.skipped.append({"id": record.id, "error": exc.message, "sandbox": sandbox})


def _refresh_unfinished(journal: Journal, api_for: ApiFor, now: float, result: SyncResult) -> int:
    """Ask once about the recent jobs recorded as unfinished: some may be done by now."""
    by_api: dict[int, tuple[AkoolClient, list[tuple[str, kinds.JobKind]]]] = {}
    for record in journal.jobs_since(now - RETENTION_SECONDS):
        if record.video_status in FINAL or record.deleted_at is not None:
            continue
        try:
            api = api_for(record)
        except AkoolError as exc:
            _not_asked(result, record, exc)
            continue
        by_api.setdefault(id(api), (api, []))[1].append((record.id, kinds.get(record.kind)))
    asked = 0
    for api, jobs in by_api.values():
        asked += len(jobs)
        for answer in refresh(api, jobs).values():
            if not isinstance(answer, AkoolError):
                journal.update_from(answer)
    return asked
