"""The `akool batch` command: a CSV or JSON Lines file of jobs, run a few at a time, resumable."""

from __future__ import annotations

import math
import shlex
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from akool_cli.cli import inputs_cli, options
from akool_cli.core import interrupts
from akool_cli.core.errors import (
    AkoolError,
    BudgetExceededError,
    ExitCode,
    LocalStateError,
    UsageError,
    recordable_when,
)

if TYPE_CHECKING:
    from akool_cli.cli.output import Output
    from akool_cli.cli.runtime import Runtime
    from akool_cli.client import (
        BatchPlan,
        BatchPreview,
        BatchResult,
        Client,
        Outcome,
        RowProblem,
    )


MAX_CREDITS = typer.Option(
    None,
    "--max-credits",
    metavar="N",
    help="Start no job once the credits spent in this run (the balance's drop) plus the "
    "estimates of jobs in flight would pass N; exit 13. --dry-run shows each estimate.",
)


def register(app: typer.Typer) -> None:
    app.command(help=batch_help())(batch)


def batch_help() -> str:
    """batch's help, with every value of the `kind` column as the kinds describe them."""
    import inspect

    from akool_cli.core import products

    default, *kinds = products.batch_kinds()
    text = inspect.cleandoc(batch.__doc__ or "")
    return text.replace("{default}", default).replace("{kinds}", ", ".join(kinds))


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
    same_account: bool = options.SAME_ACCOUNT,
    new_account: bool = options.NEW_ACCOUNT,
    max_credits: float | None = MAX_CREDITS,
    json_out: bool = typer.Option(False, "--json", help="Print one JSON document with every row."),
    upload_to: str | None = inputs_cli.UPLOAD_TO,  # local files (akool_cli/inputs/preflight.py)
    url_ttl: str = inputs_cli.URL_TTL,
    no_check: bool = inputs_cli.NO_CHECK,
    check_face: bool = inputs_cli.CHECK_FACE,
) -> None:
    """Make one job per row of FILE (talking photos: image_url, audio_url or text + voice,
    prompt, resolution, output, speed, id). Run it again after an interruption: rows already
    created are picked up, never paid for twice. Exit 9 unless every row succeeded.
    A `kind` column (default {default}) makes other products ({kinds}), each with its
    documented fields as columns (docs/batch.md); one file may mix kinds.
    Input files may be local (relative to FILE's folder) with --upload-to: each distinct file
    is uploaded once. Each distinct URL is checked once before billing.
    """
    from akool_cli.client import Events
    from akool_cli.core.validate import check_budget, check_range

    runtime: Runtime = ctx.obj
    out = runtime.output(json_mode=json_out)
    check_range("--concurrency", concurrency)
    check_budget(max_credits)  # named as typed: --max-credits
    inputs_cli.check_upload_to(upload_to, url_ttl)
    choice = options.account_choice(same_account, new_account)
    with runtime.library() as lib:
        lib.account_choice = choice
        plan = lib.batch_plan(
            file,
            output_dir=output or output_dir_alias,
            upload_to=upload_to,
            url_ttl=url_ttl,
            check=not no_check,
            check_face=check_face,
            max_credits=max_credits,
            check_lists=not dry_run,  # a dry run calls nothing
        )
        for warning in plan.warnings:
            out.warn(warning)
        _say_problems(out, lib, plan, skip_invalid, dry_run, json_out)
        if dry_run:  # a plan never needs the output folder to exist yet
            preview = lib.batch_preview(plan, retry_unknown=retry_unknown)
            inputs_cli.show_uploads(out, preview.uploads)  # local files (preflight)
            _print_plan(out, preview, plan.problems, json_out, max_credits)
            return
        with inputs_cli.upload_display(out) as display:
            events = Events(**inputs_cli.upload_events(out, display))
            plan = lib.prepare_batch(plan, events=events)
        settings = _Settings(concurrency, interval, force, retry_unknown)
        result = _run(out, lib, plan, settings)
        left = _cost_left(lib, plan, concurrency) if result.over_budget is not None else None
    complete = _report(out, file, plan.rows, plan.problems, result.outcomes, json_out)
    _settle_hints(out, result.outcomes)
    _raise_ending(runtime, result, max_credits, left)
    if not complete:
        raise typer.Exit(int(ExitCode.BATCH_INCOMPLETE))


def _say_problems(
    out: Output, lib: Client, plan: BatchPlan, skip_invalid: bool, dry_run: bool, json_out: bool
) -> None:
    """Every invalid row on stderr; unless --skip-invalid, nothing is submitted (exit 2)."""
    problems = plan.problems
    for problem in problems:
        message = f"{plan.file}: {problem}"
        out.warn(message) if skip_invalid else out.error(message)
    if problems and not skip_invalid:
        if dry_run and json_out:  # the problems as data, each with its row: nothing would run
            _print_plan(out, lib.batch_preview(replace(plan, items=[])), problems, json_out)
        raise UsageError(
            f"{len(problems)} invalid row(s) in {plan.file}; nothing was submitted",
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


def _cost_left(lib: Client, plan: BatchPlan, concurrency: int) -> tuple[float, float] | None:
    """What the rows not made yet are estimated to cost, and the room a cap needs beyond it:
    a job AKOOL has charged counts at its estimate too until akool sees it finished, so up to
    `concurrency` - 1 jobs in flight may be counted twice. None when a row has no estimate."""
    try:
        preview = lib.batch_preview(plan)
    except AkoolError:
        return None
    if preview.estimate["unknown"]:
        return None
    costs = [r["estimate"]["credits"] for r in preview.rows if r.get("estimate") is not None]
    room = (min(concurrency, len(costs)) - 1) * max(costs, default=0.0)
    return float(preview.estimate["credits"]), max(0.0, float(room))


def _settle_hints(out: Output, outcomes: list[Outcome]) -> None:
    """For each row whose create has an unknown outcome, the command that settles it: it is
    never sent again by running the batch again."""
    from akool_cli.core.errors import settle_hint, unrecorded_hint

    for o in outcomes:
        if o.state == "unknown":
            out.info(f"row {o.row} ({o.id}): {settle_hint(o.attempt_id)}", prefix="Hint: ")
        elif o.state == "unrecorded" and o.job_id and o.attempt_id is not None:
            # Billed, not recorded (a full disk): settling records it under its row and kind,
            # so the next run follows it; never created again.
            hint = unrecorded_hint(o.attempt_id, o.job_id, batch=True, reason=o.error or "")
            out.info(f"row {o.row} ({o.id}): {hint}", prefix="Hint: ")


def _raise_ending(
    runtime: Runtime,
    result: BatchResult,
    max_credits: float | None,
    left: tuple[float, float] | None = None,
) -> None:
    """What ended the run early, said after the report: a script reading --json still gets
    every created id."""
    fatal = result.fatal
    if result.interrupted:
        raise interrupts.stopped(
            "stopped the batch; jobs already created keep running on AKOOL",
            f"run the same command again to continue: {runtime.command_line()}",
        )
    if fatal is not None:
        raise LocalStateError(
            f"the batch stopped: {fatal.message}",
            hint=_fatal_hint(result, fatal),
            path=fatal.path,
        )
    if result.balance_error is not None:
        error = result.balance_error  # AKOOL's error as itself (e.g. exit 5), not a budget stop
        error.message = (
            "the batch stopped starting jobs: the balance --max-credits needs could not be "
            f"read: {error.message}"
        )
        error.args = (error.message,)
        raise error
    if result.over_budget is not None:
        raise _over_budget(runtime, result.over_budget, max_credits or 0.0, left)


def _fatal_hint(result: BatchResult, fatal: LocalStateError) -> str:
    """The history's stop: keep the ids printed only when a row printed one (break17k K10)."""
    when = recordable_when(fatal.message)
    if any(o.state == "unrecorded" and o.job_id for o in result.outcomes):
        return (
            f"keep the ids printed (billed, not recorded); {when}, record each with the akool "
            f"settle command its row's hint names, then run the batch again "
            f"({_history_hint(fatal)})"
        )
    return f"run the batch again {when} ({_history_hint(fatal)})"


def _history_hint(fatal: LocalStateError) -> str | None:
    """What the history needs, without the next steps of the job that could not be recorded:
    those are a single command's (`talk --text`'s for a speech: another speech, another video),
    and each row's hint names the batch's own (break17h H9)."""
    if fatal.job_id is None:
        return fatal.hint
    cause = fatal.__cause__
    if isinstance(cause, AkoolError) and cause.hint:
        return cause.hint
    return LocalStateError.default_hint


def _over_budget(
    runtime: Runtime, reason: str, cap: float, left: tuple[float, float] | None
) -> AkoolError:
    """The budget's stop, with the command that resumes it with a larger cap: what the rows
    left are estimated to cost (a cap is per run) and room for the jobs in flight at once, or
    twice this cap when a row has no estimate."""
    args = runtime.argv
    resumed = [
        a
        for i, a in enumerate(args)
        if a != "--max-credits" and (i == 0 or args[i - 1] != "--max-credits")
    ]
    resumed = [a for a in resumed if not a.startswith("--max-credits=")]
    larger = math.ceil(max(left[0] + left[1], cap)) if left is not None else cap * 2
    again = shlex.join(["akool", *resumed, "--max-credits", f"{larger:g}"])
    what = ""
    if left is not None:
        what = f" (the rows left are estimated at {left[0]:g} credits"
        what += f", {left[1]:g} more for jobs in flight at once)" if left[1] else ")"
    return BudgetExceededError(
        f"the batch stopped starting jobs: {reason}; jobs already made were followed to the end",
        hint=f"rows already made are never paid for again; resume with a larger budget{what}: "
        f"{again}",
    )


def _print_plan(
    out: Output,
    preview: BatchPreview,
    problems: list[RowProblem],
    json_out: bool,
    max_credits: float | None = None,
) -> None:
    rows, total = preview.rows, preview.estimate
    if json_out:
        invalid = [problem.to_json() for problem in problems]
        document = {"dry_run": True, "rows": rows, "invalid": invalid, "uploads": preview.uploads}
        out.json({**document, "estimate": {**total, "max_credits": max_credits}})
        return
    out.table(
        (
            "ROW",
            "ID",
            "KIND",
            "ACTION",
            "IMAGE",
            "AUDIO",
            "PROMPT",
            "RES",
            "OUTPUT",
            "CREDITS",
            "REQUEST",
        ),
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
                _credits(p["estimate"]),
                _request(p),
            )
            for p in rows
        ],
    )
    running = len(rows) - preview.waiting
    out.info(f"{running} of {len(rows)} row(s) would run; nothing was sent")
    other = sum(1 for p in rows if p.get("other_account"))
    if other:
        out.warn(
            f"{other} row(s) were made with another credential: the run refuses them until "
            "--same-account (pick them up) or --new-account (create them again)"
        )
    cap = f" (--max-credits {max_credits:g})" if max_credits is not None else ""
    out.info(
        f"estimated: {total['credits']:g} credits for the jobs to create{cap}; " + total["note"]
    )


def _credits(estimate: dict[str, Any] | None) -> str:
    """An estimate and where it comes from: `20 (documented: ...)`, `? (unknown)`."""
    if estimate is None:
        return "-"
    credits = estimate["credits"]
    return f"{'?' if credits is None else f'{credits:g}'} ({estimate['source']})"


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


@dataclass(frozen=True)
class _Settings:
    concurrency: int
    interval: float
    force: bool
    retry_unknown: bool


def _run(out: Output, lib: Client, plan: BatchPlan, settings: _Settings) -> BatchResult:
    """Every row's outcome, drawn as it goes; what ended the run early (a stop, a history that
    cannot be written, the budget) is in the result, so that the rows done so far are reported
    either way."""
    display = out.batch_display(len(plan.items))
    with display:
        return lib.batch(
            plan,
            concurrency=settings.concurrency,
            interval=settings.interval,
            force=settings.force,
            retry_unknown=settings.retry_unknown,
            on_event=lambda o, message: display.event(
                o.row, o.id, o.state, message, resumed=o.resumed
            ),
            on_bytes=display.bytes,
            stopping=interrupts.stop_event(),
        )
