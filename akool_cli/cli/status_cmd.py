"""The `akool status` command: the state of jobs, from AKOOL and the local history."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

import typer

from akool_cli.cli.jobs import view_of
from akool_cli.errors import AkoolError, ExitCode

if TYPE_CHECKING:
    from akool_cli.runtime import Runtime


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

    Unfinished jobs are refreshed from AKOOL; failed jobs are reported and the exit code stays 0.
    """
    from akool_cli.inputs import check_count, check_job_id
    from akool_cli.jobs import refresh
    from akool_cli.views import TABLE_COLUMNS, job_view, table_row

    runtime: Runtime = ctx.obj
    out = runtime.output(json_mode=json_out)
    limit = check_count("--limit", limit_text)
    ids = [check_job_id(j) for j in (job_ids or [])]
    views: list[dict[str, Any]] = []
    code = ExitCode.OK
    journal = runtime.journal()
    with journal:
        if ids:
            wanted = list(dict.fromkeys(ids))
        else:
            records = journal.recent(limit)
            wanted = [r.id for r in records if r.video_status not in (3, 4)]
        fresh: dict[str, Any] = {}
        if wanted:
            with runtime.client() as client:
                fresh = refresh(client, wanted)
        order = list(dict.fromkeys(ids)) if ids else [r.id for r in journal.recent(limit)]
        for job_id in order:
            record = journal.get(job_id)
            found = fresh.get(job_id)
            if found is not None and not isinstance(found, AkoolError):
                if record is not None:
                    journal.update_state(
                        job_id, found.video_status, found.video_url, found.error_reason
                    )
                    record = journal.get(job_id)
                views.append(
                    view_of(
                        found,
                        created_at=record.created_at if record else None,
                        downloaded_path=record.downloaded_path if record else "",
                        size=record.size if record else None,
                        sha256=record.sha256 if record else "",
                    )
                )
                continue
            if isinstance(found, AkoolError):
                out.error(f"{job_id}: {found.message}", found.hint)
                code = max(code, found.exit_code)
            if record is not None:
                views.append(
                    job_view(
                        job_id=record.id,
                        video_status=record.video_status,
                        video_url=record.video_url,
                        error=record.error,
                        created_at=record.created_at,
                        downloaded_path=record.downloaded_path,
                        size=record.size,
                        sha256=record.sha256,
                    )
                )
        unknown = [] if ids else journal.open_attempts()
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
        out.warn(
            f"a create request sent at {time.strftime('%Y-%m-%d %H:%M:%S', time.localtime(attempt.started_at))} "
            f"has an unknown outcome ({attempt.detail}); inputs: "
            f"{attempt.inputs.get('image_url')} {attempt.inputs.get('audio_url')}. "
            "Check the AKOOL console before creating it again"
        )
    if code != ExitCode.OK:
        raise typer.Exit(int(code))
