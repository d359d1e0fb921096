"""The `akool settle` command: tell akool what a create with an unknown outcome did."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from akool_cli.cli.runtime import Runtime


def register(app: typer.Typer) -> None:
    app.command()(settle)


def settle(
    ctx: typer.Context,
    target: str = typer.Argument(
        ...,
        metavar="ID|ROW",
        help="The attempt's number (as errors and status name it), or "
        "with --batch a row of that file (its id column or row number).",
    ),
    created: str | None = typer.Option(
        None, "--created", metavar="JOB_ID", help="The job it made (AKOOL's dashboard, a webhook)."
    ),
    not_created: bool = typer.Option(
        False, "--not-created", help="It made no job: allow exactly one new create."
    ),
    batch: Path | None = typer.Option(
        None, "--batch", metavar="FILE", help="The batch file the row belongs to."
    ),
    force: bool = typer.Option(
        False,
        "--force",
        help="Record --created JOB_ID even if AKOOL reports other inputs or another product's job.",
    ),
    json_out: bool = typer.Option(False, "--json", help="Print one JSON object."),
) -> None:
    """Settle a create whose outcome is unknown: the job it made, or none.

    A create sent without an answer (a dropped connection, akool killed) may or may not have
    made a job; akool never sends it again by itself. Look for the job in the AKOOL dashboard
    (or a webhook), then record it with --created JOB_ID (it is then followed and downloaded
    like any job: akool watch, or the batch run again), or say --not-created (the next run
    creates it once).

    Examples: akool settle 12 --created 64dd90f9f0b6684651e90d60; akool settle r7 --batch
    rows.csv --not-created
    """
    from akool_cli.core.errors import UsageError, after_settling
    from akool_cli.core.validate import check_created

    runtime: Runtime = ctx.obj
    out = runtime.output(json_mode=json_out)
    if (created is None) == (not not_created):  # said with the flags (the library's: names)
        raise UsageError(
            "say what the create did: --created JOB_ID or --not-created (one of them)",
            hint="look for the job in the AKOOL dashboard (or a webhook) first",
        )
    if created is not None:
        check_created(created)  # named as typed: --created
    with runtime.library() as lib:
        found = lib.settle(
            target, created=created, not_created=not_created, batch=batch, force=force
        )
    row = f" (row {found.row}: {found.row_id})" if found.row is not None else ""
    if json_out:
        out.json(found.to_json())
    elif found.job is not None:
        out.data(found.job.id)
    if found.job is not None:
        next_step = after_settling(found.job.id, found.kind, batch=found.row is not None)
        out.info(f"attempt {found.attempt}{row} made job {found.job.id}: recorded; {next_step}")
        if found.asked > 1:  # a count-N create: each of its jobs is settled the same way (H17)
            out.info(
                f"attempt {found.attempt} asked for {found.asked} jobs (count {found.asked}): "
                f"record each other one it made with: akool settle {found.attempt} --created JOB_ID"
            )
    else:
        out.info(
            f"attempt {found.attempt}{row} made no job: the next run creates it once (billed once)"
        )
