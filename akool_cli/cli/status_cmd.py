"""The `akool status` command: the state of jobs, from AKOOL and the local history."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

import typer

from akool_cli.core.errors import AkoolError, CredentialScopeError, ExitCode

if TYPE_CHECKING:
    from akool_cli.cli.output import Output
    from akool_cli.cli.runtime import Runtime
    from akool_cli.client import Client
    from akool_cli.store.journal import AttemptRecord, JobRecord


def register(app: typer.Typer) -> None:
    app.command()(status)


def status(
    ctx: typer.Context,
    job_ids: list[str] | None = typer.Argument(None, metavar="[JOB_ID]...", help="Job ids."),
    json_out: bool = typer.Option(False, "--json", help="Print one JSON array."),
    limit_text: str = typer.Option(
        "10", "--limit", "-n", metavar="N", help="How many recent jobs (1 to 100000)."
    ),
) -> None:
    """Show the state of jobs: the given ids, or the most recent ones from the local history.

    Unfinished jobs are refreshed from the AKOOL server (and profile) that made them; failed jobs
    are reported and the exit code stays 0. A job whose server cannot be asked keeps its last
    known state, with a note.
    """
    from akool_cli.cli.ledger_cmd import EXPIRY_WARNING_SECONDS, warn_expiring
    from akool_cli.core.validate import check_count, check_job_id

    runtime: Runtime = ctx.obj
    out = runtime.output(json_mode=json_out)
    limit = check_count("--limit", limit_text)
    ids = list(dict.fromkeys(check_job_id(j) for j in (job_ids or [])))
    with runtime.library() as lib:
        if lib.journal.read_only:
            out.warn(f"the history {lib.journal.path} is read-only: states are shown, not saved")
        records = {r.id: r for r in lib.journal.recent(limit)} if not ids else {}
        for job_id in ids:
            record = lib.journal.get(job_id)
            if record is not None:
                records[job_id] = record
        fresh, code = _refresh(out, lib, ids, records)
        found = [
            _view(lib, runtime, job_id, records.get(job_id), fresh.get(job_id))
            for job_id in ids or list(records)
        ]
        views = [v for v in found if v is not None]
        unknown = [] if ids else lib.journal.open_attempts()
        soon = lib.expiring(EXPIRY_WARNING_SECONDS)
    _print(out, runtime, views, unknown, json_out)
    warn_expiring(out, runtime, soon)
    if code != ExitCode.OK:
        raise typer.Exit(int(code))


def _refresh(
    out: Output, lib: Client, ids: list[str], records: dict[str, JobRecord]
) -> tuple[dict[str, Any], ExitCode]:
    """Ask each unfinished job's own server about it; notes instead of failures for known jobs."""
    from akool_cli.core import kinds
    from akool_cli.jobs.watcher import refresh

    groups: dict[int, tuple[Any, list[tuple[str, kinds.JobKind]]]] = {}
    fresh: dict[str, Any] = {}
    code = ExitCode.OK
    for job_id in ids or list(records):
        record = records.get(job_id)
        if record is not None and record.video_status in kinds.FINAL and not ids:
            continue
        kind = kinds.get(record.kind) if record else kinds.TALKING_PHOTO
        try:
            api = lib.api_of(record)  # its own server, with a credential that may go there
        except AkoolError as exc:  # no credential that may go to its server: never asked
            if record is None:
                raise
            how = f" ({exc.hint})" if isinstance(exc, CredentialScopeError) else ""
            out.warn(f"{job_id}: showing the last known state; {exc.message}{how}")
            continue
        groups.setdefault(id(api), (api, []))[1].append((job_id, kind))
    for api, jobs in groups.values():
        try:
            found = refresh(api, jobs)
        except AkoolError as exc:
            found = {job_id: exc for job_id, _ in jobs}
        for job_id, answer in found.items():
            if not isinstance(answer, AkoolError):
                fresh[job_id] = answer
            elif job_id in records:
                out.warn(
                    f"{job_id}: showing the last known state ({api.base_url}: {answer.message})"
                )
            else:
                out.error(f"{job_id}: {answer.message}", answer.hint)
                code = max(code, answer.exit_code)
    return fresh, code


def _view(
    lib: Client, runtime: Runtime, job_id: str, record: JobRecord | None, info: Any
) -> dict[str, Any] | None:
    from akool_cli.client import Job

    if info is None and record is None:
        return None
    if info is not None and record is not None:
        lib.journal.update_from(info)
        record = lib.journal.get(job_id)
    return Job.of(info, record).to_json(now=runtime.clock.time())


def _print(
    out: Output,
    runtime: Runtime,
    views: list[dict[str, Any]],
    unknown: list[AttemptRecord],
    json_out: bool,
) -> None:
    from akool_cli.jobs.views import TABLE_COLUMNS, table_row

    if json_out:
        out.json(views)
    elif runtime.quiet:
        for view in views:
            out.data(view["id"])
    elif views:
        out.table(TABLE_COLUMNS, [table_row(v) for v in views])
    elif not unknown:
        out.info("No jobs yet. Create one with: akool talk IMAGE_URL AUDIO_URL")
    for attempt in unknown:
        when = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(attempt.started_at))
        out.warn(
            f"a create request sent at {when} has an unknown outcome ({attempt.detail}); "
            f"inputs: {attempt.inputs.get('image_url')} {attempt.inputs.get('audio_url')}. "
            "Check the AKOOL console before creating it again"
        )
