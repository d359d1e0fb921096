"""The `akool batch` command: a CSV or JSON Lines file of jobs, run a few at a time, resumable."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from akool_cli.cli import inputs_cli, options
from akool_cli.core import interrupts
from akool_cli.core.errors import (
    AkoolError,
    ExitCode,
    InterruptedByUser,
    LocalStateError,
    UsageError,
)

if TYPE_CHECKING:
    from akool_cli.cli.output import Output
    from akool_cli.cli.runtime import Runtime
    from akool_cli.jobs.batch import Item, Problem
    from akool_cli.jobs.batch_run import Outcome


def register(app: typer.Typer) -> None:
    app.command()(batch)


def batch(
    ctx: typer.Context,
    file: Path = typer.Argument(..., metavar="FILE", help="CSV (with a header row) or JSON Lines."),
    output: Path | None = options.OUTPUT_DIR,
    output_dir_alias: Path | None = options.OUTPUT_DIR_ALIAS,
    concurrency: int = typer.Option(
        4,
        "--concurrency",
        "-c",
        metavar="N",
        help="Jobs in flight at once (AKOOL plans limit this).",
    ),
    interval: float = options.INTERVAL,
    dry_run: bool = typer.Option(
        False, "--dry-run", help="Validate and show the plan; call nothing."
    ),
    skip_invalid: bool = typer.Option(False, "--skip-invalid", help="Run the valid rows anyway."),
    retry_unknown: bool = typer.Option(
        False,
        "--retry-unknown",
        help="Create again rows whose earlier create has an unknown outcome.",
    ),
    force: bool = options.FORCE,
    json_out: bool = typer.Option(False, "--json", help="Print one JSON document with every row."),
    upload_to: str | None = inputs_cli.UPLOAD_TO,  # local files (akool_cli/inputs/preflight.py)
    url_ttl: str = inputs_cli.URL_TTL,
    no_check: bool = inputs_cli.NO_CHECK,
    check_face: bool = inputs_cli.CHECK_FACE,
) -> None:
    """Make one job per row of FILE (talking photos: image_url, audio_url or text + voice,
    prompt, resolution, output, speed, id). Run it again after an interruption: rows already
    created are picked up, never paid for twice. Exit 9 unless every row succeeded.
    A `kind` column makes other products (lipsync, translate, image2video, text2video), each
    with its documented fields as columns (docs/batch.md); one file may mix kinds.
    Input files may be local (relative to FILE's folder) with --upload-to: each distinct file
    is uploaded once. Each distinct URL is checked once before billing.
    """
    from akool_cli.core.validate import check_range
    from akool_cli.jobs.batch import check_output_dir, load_rows, validate

    runtime: Runtime = ctx.obj
    out = runtime.output(json_mode=json_out)
    output_dir = output or output_dir_alias
    check_range("--concurrency", concurrency)
    check_range("--interval", interval)
    rows = load_rows(file)
    items, problems = validate(rows, base_dir=file.absolute().parent)
    # Local files and checks before billing (akool_cli/inputs/preflight.py).
    input_options = inputs_cli.InputOptions(upload_to, url_ttl, no_check, check_face)
    items, found, checks = inputs_cli.plan_batch(
        runtime, items, problems, input_options, base_dir=file.absolute().parent
    )
    _say_problems(runtime, out, file, problems, skip_invalid, dry_run, json_out, output_dir)
    if dry_run:  # a plan never needs the output folder to exist yet
        uploads = inputs_cli.show_uploads(runtime, out, found, items)  # local files (preflight)
        _print_plan(runtime, out, items, problems, output_dir, json_out, uploads)
        return
    if output_dir is not None:
        _make_folder(output_dir)
        check_output_dir(output_dir)
    credential = runtime.credential()
    items = inputs_cli.prepare_batch(runtime, out, items, found, checks, credential)  # preflight
    outcomes, fatal = _run(
        runtime, out, items, output_dir, concurrency, interval, force, retry_unknown
    )
    complete = _report(out, file, len(rows), problems, outcomes, json_out)
    if isinstance(fatal, InterruptedByUser):
        raise fatal  # after the report: a script reading --json still gets every created id
    if isinstance(fatal, LocalStateError):
        raise LocalStateError(
            f"the batch stopped: {fatal.message}",
            hint=f"keep the ids printed (billed, not recorded); run again later ({fatal.hint})",
            path=fatal.path,
        )
    if not complete:
        raise typer.Exit(int(ExitCode.BATCH_INCOMPLETE))


def _say_problems(
    runtime: Runtime,
    out: Output,
    file: Path,
    problems: list[Any],
    skip_invalid: bool,
    dry_run: bool,
    json_out: bool,
    output_dir: Path | None,
) -> None:
    """Every invalid row on stderr; unless --skip-invalid, nothing is submitted (exit 2)."""
    for problem in problems:
        out.warn(f"{file}: {problem}") if skip_invalid else out.error(f"{file}: {problem}")
    if problems and not skip_invalid:
        if dry_run and json_out:  # the problems as data, each with its row: nothing would run
            _print_plan(runtime, out, [], problems, output_dir, json_out, [])
        raise UsageError(
            f"{len(problems)} invalid row(s) in {file}; nothing was submitted",
            hint="fix them, or run the valid rows with --skip-invalid",
        )


def _report(
    out: Output,
    file: Path,
    rows: int,
    problems: list[Any],
    outcomes: list[Outcome],
    json_out: bool,
) -> bool:
    """Every row's result (stdout: JSON or one path/URL per line; stderr: the table); True when
    every row is done."""
    summary = {
        "file": str(file),
        "rows": rows,
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
            if outcome.state == "unrecorded" and outcome.job_id:
                out.data(outcome.job_id)  # billed but not in the history: never lost
            elif outcome.downloaded_path or outcome.video_url:
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
        f"{summary['invalid']} invalid, of {rows} row(s)"
    )
    return all(o.state == "done" for o in outcomes) and not problems


def _print_plan(
    runtime: Runtime,
    out: Output,
    items: list[Item],
    problems: list[Problem],
    output_dir: Path | None,
    json_out: bool,
    uploads: list[dict[str, object]],
) -> None:
    from akool_cli.jobs.batch_run import plan

    with runtime.library() as lib:
        rows = list(plan(items, lib.journal, output_dir, lib.scope(any_account=True)))
    if json_out:
        invalid = [problem.to_json() for problem in problems]
        out.json({"dry_run": True, "rows": rows, "invalid": invalid, "uploads": uploads})
        return
    out.table(
        ("ROW", "ID", "KIND", "ACTION", "IMAGE", "AUDIO", "PROMPT", "RES", "OUTPUT", "REQUEST"),
        [
            (
                str(p["row"]),
                p["id"],
                p["kind"],
                p["action"],
                p["image_url"] or "-",
                _audio(p),
                p["prompt"] or "-",
                p["resolution"] or "-",
                p["output"] or "-",
                _request(p),
            )
            for p in rows
        ],
    )
    out.info(f"{len(rows)} row(s) would run; nothing was sent")


def _request(planned: dict[str, Any]) -> str:
    """The request column: every field of the body to send (the talk columns show a talking
    photo's; other kinds' fields are listed here)."""
    if planned["kind"] == "talking_photo":
        return "-"
    return " ".join(f"{k}={v}" for k, v in planned["request"].items())


def _audio(planned: dict[str, Any]) -> str:
    """The audio column: the URL, or the speech's voice, speed and text (all of it is sent)."""
    if planned["text"] is None:
        return str(planned["audio"] or "-")
    speed = f", speed {planned['speed']:g}" if planned["speed"] is not None else ""
    return f"text ({planned['voice']}{speed}): {planned['text']}"


def _run(
    runtime: Runtime,
    out: Output,
    items: list[Item],
    output_dir: Path | None,
    concurrency: int,
    interval: float,
    force: bool,
    retry_unknown: bool,
) -> tuple[list[Outcome], AkoolError | None]:
    """Every row's outcome, and what ended the run early (a stop, a history that cannot be
    written), so that the rows done so far are reported either way."""
    from akool_cli.jobs.batch_run import BatchRunner

    display = out.batch_display(len(items))
    with runtime.library() as lib:
        runner = BatchRunner(
            client=lib.api,
            journal=lib.journal,
            profile=runtime.profile,
            output_dir=output_dir,
            concurrency=concurrency,
            interval=interval,
            force=force,
            retry_unknown=retry_unknown,
            clock=runtime.clock,
            on_event=lambda o, message: display.event(
                o.row, o.id, o.state, message, resumed=o.resumed
            ),
            on_bytes=display.bytes,
            stopping=interrupts.stop_event(),
        )
        with display:
            try:
                outcomes = runner.run(items)
            except KeyboardInterrupt:
                stop = interrupts.stopped(
                    "stopped the batch; jobs already created keep running on AKOOL",
                    f"run the same command again to continue: {runtime.command_line()}",
                )
                return runner.outcomes, stop
    return outcomes, runner.fatal


def _make_folder(folder: Path) -> None:
    """-o DIR names a folder to fill: create it, as `mkdir -p` would."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(
            f"cannot create the output folder {folder}: {exc.strerror}",
            hint="choose a folder you can write to",
        ) from None
