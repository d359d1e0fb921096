"""The `akool batch` command: a CSV or JSON Lines file of jobs, run a few at a time, resumable."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from akool_cli.errors import ExitCode, InterruptedByUser, UsageError

if TYPE_CHECKING:
    from akool_cli.batch import Outcome
    from akool_cli.runtime import Runtime


def register(app: typer.Typer) -> None:
    app.command()(batch)


def _cell(value: object) -> str:
    return "-" if value is None else str(value)


def earlier_name(earlier: object) -> str:
    job_id = getattr(earlier, "id", None)
    return f"{job_id}.mp4" if job_id else "<job_id>.mp4"


def batch(
    ctx: typer.Context,
    file: Path = typer.Argument(..., metavar="FILE", help="CSV (with a header row) or JSON Lines."),
    output_dir: Path | None = typer.Option(
        None, "--output-dir", "-o", metavar="DIR", help="Download the videos into DIR."
    ),
    concurrency: int = typer.Option(
        4,
        "--concurrency",
        "-c",
        metavar="N",
        help="Jobs in flight at once (AKOOL plans limit this).",
    ),
    interval: float = typer.Option(3.0, "--interval", metavar="S", help="First poll interval."),
    dry_run: bool = typer.Option(
        False, "--dry-run", help="Validate and show the plan; call nothing."
    ),
    skip_invalid: bool = typer.Option(False, "--skip-invalid", help="Run the valid rows anyway."),
    retry_unknown: bool = typer.Option(
        False,
        "--retry-unknown",
        help="Create again rows whose earlier create has an unknown outcome.",
    ),
    force: bool = typer.Option(False, "--force", help="Replace existing output files."),
    json_out: bool = typer.Option(False, "--json", help="Print one JSON document with every row."),
) -> None:
    """Make one video per row of FILE (columns: image_url, audio_url or text + voice, prompt,
    resolution, output, speed, id). Run it again after an interruption: rows already created
    are picked up, never paid for twice. Exit 9 unless every row succeeded.
    """
    from akool_cli.batch import BatchRunner, check_output_dir, load_rows, validate
    from akool_cli.inputs import check_range

    runtime: Runtime = ctx.obj
    out = runtime.output(json_mode=json_out)
    if concurrency < 1:
        raise UsageError(f"--concurrency {concurrency} must be at least 1")
    check_range("--interval", interval)
    rows = load_rows(file)
    items, problems = validate(rows)
    for problem in problems:
        out.warn(f"{file}: {problem}") if skip_invalid else out.error(f"{file}: {problem}")
    if problems and not skip_invalid:
        raise UsageError(
            f"{len(problems)} invalid row(s) in {file}; nothing was submitted",
            hint="fix them, or run the valid rows with --skip-invalid",
        )
    if output_dir is not None:
        check_output_dir(output_dir)

    if dry_run:
        with runtime.journal() as journal:
            plan: list[dict[str, Any]] = []
            for item in items:
                earlier = journal.find_by_key(item.key)
                plan.append(
                    {
                        "row": item.row,
                        "id": item.id,
                        "image_url": item.request.image_url,
                        "audio": item.request.audio_url or f"text ({item.voice})",
                        "action": f"pick up {earlier.id}" if earlier else "create",
                        "output": str(output_dir / (item.output or earlier_name(earlier)))
                        if output_dir
                        else "-",
                        # Everything else that will be sent, so the plan hides nothing.
                        "prompt": item.request.prompt,
                        "resolution": item.request.resolution,
                        "text": item.text,
                        "voice": item.voice,
                        "speed": item.speed,
                    }
                )
        if json_out:
            invalid = [problem.to_json() for problem in problems]
            out.json({"dry_run": True, "rows": plan, "invalid": invalid})
        else:
            columns = ("ROW", "ID", "ACTION", "IMAGE", "AUDIO", "OUTPUT", "PROMPT", "RESOLUTION")
            keys = ("row", "id", "action", "image_url", "audio", "output", "prompt", "resolution")
            shown = [[_cell(p[key]) for key in keys] for p in plan]
            for row, p in zip(shown, plan, strict=True):
                if p["text"] is not None:  # the speech's text and speed, not only its voice
                    speed = f", speed {p['speed']:g}" if p["speed"] is not None else ""
                    row[keys.index("audio")] = f"text ({p['voice']}{speed}): {p['text']}"
            out.table(columns, shown)
            out.info(f"{len(plan)} row(s) would run; nothing was sent")
        return

    credential = runtime.credential()
    display = out.batch_display(len(items))
    lock = threading.Lock()

    def on_event(outcome: Outcome, message: str) -> None:
        with lock:
            display.event(outcome.row, outcome.id, outcome.state, message)

    runner = BatchRunner(
        client_factory=lambda: runtime.client(credential),
        journal_path=runtime.paths.journal_file,
        profile=runtime.profile,
        output_dir=output_dir,
        concurrency=concurrency,
        interval=interval,
        force=force,
        retry_unknown=retry_unknown,
        on_event=on_event,
        on_bytes=display.bytes,
    )
    with display:
        try:
            outcomes = runner.run(items)
        except KeyboardInterrupt:
            raise InterruptedByUser(
                "stopped the batch; jobs already created keep running on AKOOL",
                hint=f"run the same command again to continue: akool batch {file}",
            ) from None
    ok = all(o.state == "done" for o in outcomes) and not problems
    summary = {
        "file": str(file),
        "rows": len(rows),
        "done": sum(o.state == "done" for o in outcomes),
        "failed": sum(o.state == "failed" for o in outcomes),
        "other": sum(o.state not in ("done", "failed") for o in outcomes),
        "invalid": len(problems),
        "results": [o.to_json() for o in outcomes],
    }
    if json_out:
        out.json(summary)
    else:
        for outcome in outcomes:
            if outcome.downloaded_path or outcome.video_url:
                out.data(outcome.downloaded_path or outcome.video_url or "")
    out.table(
        ("ROW", "ID", "JOB", "STATE", "RESULT / REASON"),
        [
            (
                str(o.row),
                o.id,
                o.job_id or "-",
                o.state,
                o.downloaded_path or o.error or o.video_url or "",
            )
            for o in outcomes
        ],
        to_stderr=True,
    )
    out.info(
        f"{summary['done']} done, {summary['failed']} failed, {summary['other']} not done, "
        f"{summary['invalid']} invalid, of {summary['rows']} row(s)"
    )
    if not ok:
        raise typer.Exit(int(ExitCode.BATCH_INCOMPLETE))
