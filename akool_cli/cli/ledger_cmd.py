"""The `akool spend`, `akool sync` and `akool history` commands: costs, saved results, the export."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from akool_cli.core.durations import parse_since
from akool_cli.core.errors import ExitCode

if TYPE_CHECKING:
    from akool_cli.cli.output import Output
    from akool_cli.cli.runtime import Runtime

SINCE_HELP = "Only since a date (2026-12-01, UTC), a time (2026-12-01T09:00Z) or an age (7d, 24h)."
EXPIRY_WARNING_SECONDS = 86400.0  # `status` names results that AKOOL deletes within a day


def register(app: typer.Typer) -> None:
    app.command()(spend)
    app.command()(sync)
    app.command()(history)


ALL_HELP = "Every server and profile in this history, each apart (default: the current one)."


def spend(
    ctx: typer.Context,
    json_out: bool = typer.Option(False, "--json", help="Print one JSON document."),
    since: str | None = typer.Option(None, "--since", metavar="WHEN", help=SINCE_HELP),
    by: str = typer.Option(
        "kind", "--by", metavar="kind|day|batch", help="Group by job kind, day (UTC) or batch run."
    ),
    everywhere: bool = typer.Option(False, "--all", help=ALL_HELP),
) -> None:
    """Show what finished jobs cost (AKOOL's own cost fields, e.g. deduction_credit), grouped,
    and each batch run's balance before and after, on the current server and profile
    (--base-url, --profile; a sandbox rehearsal is not production's spend). Read from the
    local history only."""
    runtime: Runtime = ctx.obj
    out = runtime.output(json_mode=json_out)
    with runtime.library() as lib:
        lost = lib.close_lost_runs()
        report = lib.spend(
            since=parse_since(since, lib.clock.time()), by=by, all_servers=everywhere
        )  # named --since
    for run in lost:
        out.warn(lost_run(run))
    if json_out:
        out.json(report.to_json())
        return
    _spend_table(out, report, by)
    _spend_warnings(out, report.total)
    if report.elsewhere:
        out.info(elsewhere(report.elsewhere, "counted", "spend"))
    runs = report.to_json()["runs"]
    if runs:
        out.table(
            ("RUN", "STARTED", "LABEL", "BEFORE", "AFTER", "DROP", "CAP", "OUTCOME"),
            [
                (
                    f"{r['kind']} {r['run']}",
                    r["started_at"] or "-",
                    r["label"] or "-",
                    _number(r["balance_before"]),
                    _number(r["balance_after"]),
                    _number(r["balance_drop"]),
                    _number(r["max_credits"]),
                    r["outcome"],
                )
                for r in runs
            ],
            to_stderr=True,
        )


def elsewhere(count: int, what: str, command: str) -> str:
    """The note of jobs a scoped spend or history leaves out."""
    return f"{count} job(s) of other servers or profiles not {what}; see them with: akool {command} --all"


def _spend_table(out: Output, report: Any, by: str) -> None:
    """One row per group and the total; with --all, the server and profile of each row and one
    total per server (a sandbox's credits are never added to another server's)."""
    columns = (by.upper(), "JOBS", "CREDITS", "COST UNKNOWN", "COST FIELDS (SUMMED)")
    if report.scope is not None:
        rows = [_spend_row(g) for g in [*report.groups, report.total]]
        out.table(columns, rows, header=True)
        return
    shown = []
    for total in report.totals:
        where = (total.base_url, total.profile)
        mine = [g for g in report.groups if (g.base_url, g.profile) == where]
        shown += [(*where, *_spend_row(g)) for g in [*mine, total]]
    out.table(("SERVER", "PROFILE", *columns), shown, header=True)


def _spend_warnings(out: Output, total: Any) -> None:
    if total.unpriced:
        out.warn(f"{total.unpriced} finished job(s) reported no credit field; not in CREDITS")
    if total.cost_unknown:
        out.warn(
            f"{total.cost_unknown} job(s) never seen finished since they were made: their cost "
            "is unknown and not in CREDITS; ask AKOOL about them with: akool status -n 100000"
        )
    if total.detached:
        out.warn(
            f"{total.detached} detached job(s) not in JOBS or CREDITS: AKOOL reports other "
            "inputs than the create akool recorded them under (akool status; akool settle)"
        )


def lost_run(run: Any) -> str:
    """What is said of a run closed as lost (its process was killed before it could end it)."""
    from akool_cli.core.durations import iso

    return (
        f"{run.kind} run {run.id} (started {iso(run.started_at)}, process {run.pid}) was still "
        "recorded as running, but its process is gone (killed?): closed as lost; its jobs stay "
        "in the history (akool status)"
    )


def _spend_row(group: Any) -> tuple[str, str, str, str, str]:
    unknown = str(group.cost_unknown) if group.cost_unknown else "-"
    credits = f"{group.credits:g}"
    return (group.group, str(group.jobs), credits, unknown, _fields(group.fields))


def _fields(fields: dict[str, float]) -> str:
    return ", ".join(f"{name} {value:g}" for name, value in sorted(fields.items())) or "-"


def _number(value: float | None) -> str:
    return "-" if value is None else f"{value:g}"


def sync(
    ctx: typer.Context,
    output: Path = typer.Option(
        ..., "--output-dir", "-o", metavar="DIR/", help="The folder results are saved in."
    ),
    force: bool = typer.Option(False, "--force", help="Replace a different file in the way."),
    json_out: bool = typer.Option(False, "--json", help="Print one JSON document."),
) -> None:
    """Download every finished result the history has not saved (AKOOL deletes results 7 days
    after they finish, and lists no jobs: the history is the only list). Run it daily; a second
    run transfers nothing. Results past their expiry (or deleted by AKOOL: 404) are listed as
    expired, not failures. Exit 6 when a result could not be saved; exit 3 when every other one
    was, but some jobs were skipped as no credential in use may go to their server (a local
    sandbox's jobs, made with its own key, are only warned about)."""
    runtime: Runtime = ctx.obj
    out = runtime.output(json_mode=json_out)
    with runtime.library() as lib:
        result = lib.sync(output, force=force)
    if json_out:
        out.json(result.to_json())
    else:
        for saved in result.saved:
            out.data(saved["path"])
    for failed in result.failed:
        out.warn(f"{failed['id']}: {failed['error']}")
    for job_id in result.expired:
        out.warn(f"{job_id}: the result expired on AKOOL before it was saved")
    for skipped in result.skipped:
        local = " (the sandbox's job: not counted as a failure)" if skipped["sandbox"] else ""
        out.warn(f"{skipped['id']}: skipped, {skipped['error']}{local}")
    out.info(
        f"{len(result.saved)} saved, {len(result.failed)} not saved, "
        f"{len(result.expired)} expired before a sync"
        + (
            f", {len(result.skipped)} skipped (no credential for their server)"
            if result.skipped
            else ""
        )
    )
    if result.failed:
        raise typer.Exit(int(ExitCode.JOB_FAILED))
    if result.credential_missing:
        raise typer.Exit(int(ExitCode.AUTH))  # as `watch` of such a job: a credential is missing


def history(
    ctx: typer.Context,
    json_out: bool = typer.Option(False, "--json", help="Print one JSON array."),
    csv_out: bool = typer.Option(False, "--csv", help="Print CSV with a header row."),
    since: str | None = typer.Option(None, "--since", metavar="WHEN", help=SINCE_HELP),
    everywhere: bool = typer.Option(False, "--all", help=ALL_HELP),
) -> None:
    """Export the local history of the current server and profile (--base-url, --profile;
    --all for every one): each job's inputs, outputs (URL, saved file, checksum), costs,
    expiry and server. Nothing is asked of AKOOL."""
    from akool_cli.client import HISTORY_COLUMNS

    runtime: Runtime = ctx.obj
    out = runtime.output(json_mode=json_out)
    with runtime.library() as lib:
        when = parse_since(since, lib.clock.time())  # named --since
        rows = lib.history(since=when, all_servers=everywhere)
        hidden = 0 if everywhere else len(lib.history(since=when, all_servers=True)) - len(rows)
    if json_out:
        out.json(rows)
    elif csv_out:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=HISTORY_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: _cell(v) for k, v in row.items()} for row in rows)
        for line in buffer.getvalue().splitlines():
            out.data(line)
    else:
        _history_table(out, rows, server=everywhere)
    if hidden:
        out.info(elsewhere(hidden, "shown", "history"))


# A spreadsheet runs a cell opening with one of these as a formula (OWASP: CSV injection), also
# after the tabs, CRs and spaces it strips.
FORMULA_STARTS = ("=", "+", "-", "@")


def _cell(value: Any) -> str:
    """A CSV cell: objects as JSON, null as empty; text a spreadsheet would run as a formula
    opens with ' (numbers stay numbers)."""
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return json.dumps(value, sort_keys=True)
    if isinstance(value, (int, float)):
        return str(value)
    text = str(value)
    if text.lstrip(" \t\r\n").startswith(FORMULA_STARTS) or text[:1] in ("\t", "\r"):
        return "'" + text
    return text


def _history_table(out: Output, rows: list[dict[str, Any]], *, server: bool = False) -> None:
    columns = ("ID", "KIND", "STATE", "CREATED", "CREDITS", "EXPIRES", "SAVED")
    out.table(
        ("SERVER", *columns) if server else columns,
        [
            (
                *((r["base_url"] or "-",) if server else ()),
                r["id"],
                r["kind"],
                f"{r['state']} (detached)" if r["detached"] else r["state"],
                r["created_at"] or "-",
                _number(r["credits"]),
                "expired" if r["expired"] else r["expires_at"] or "-",
                r["downloaded_path"] or "-",
            )
            for r in rows
        ],
    )
    for row in rows:
        if row["detached"]:
            out.warn(f"{row['id']}: {row['detached']}")


def warn_expiring(out: Output, jobs: list[Any], now: float) -> None:
    """`status`: the results AKOOL deletes within a day that were never downloaded, and those
    it deleted already (no download is offered for them: it cannot work)."""
    from akool_cli.client import EXPIRED_NOTE

    for job in jobs:
        left = job.expires_at - now
        if left <= 0:
            out.warn(f"{job.id}: its result {EXPIRED_NOTE} and was never downloaded")
            continue
        when = f"in {left / 3600:.0f} h" if left >= 3600 else "within the hour"
        out.warn(
            f"{job.id}: its result expires on AKOOL {when} and was never downloaded; "
            "save it now: akool sync -o DIR/"
        )
