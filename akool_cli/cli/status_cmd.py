"""The `akool status` command: the state of jobs, from AKOOL and the local history."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

import typer

from akool_cli.core.errors import CredentialScopeError, ExitCode, settle_hint

if TYPE_CHECKING:
    from akool_cli.cli.output import Output
    from akool_cli.cli.runtime import Runtime
    from akool_cli.client import Statuses


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
    known state, with a note; a job whose status showed another create's inputs is shown
    detached (see akool settle).
    """
    from akool_cli.cli.ledger_cmd import EXPIRY_WARNING_SECONDS, warn_expiring
    from akool_cli.core.validate import check_count

    runtime: Runtime = ctx.obj
    out = runtime.output(json_mode=json_out)
    limit = check_count("--limit", limit_text)
    with runtime.library() as lib:
        found = lib.statuses(job_ids or [], limit=limit)
        soon, now = lib.expiring(EXPIRY_WARNING_SECONDS), lib.clock.time()
    if found.read_only:
        why = found.read_only_why or "it is read-only"
        out.warn(
            f"the history {found.read_only} cannot be written ({why}): states are shown, not saved"
        )
    errors = []
    for note in found.notes:
        if not note.asked:
            scoped = isinstance(note.error, CredentialScopeError) and note.error.hint
            how = f" ({note.error.hint})" if scoped else ""
            out.warn(f"{note.job_id}: showing the last known state; {note.error.message}{how}")
        elif note.known:
            out.warn(
                f"{note.job_id}: showing the last known state ({note.server}: {note.error.message})"
            )
        else:
            errors.append((note.job_id, note.error))
    unknown = {job_id for job_id, _ in errors}  # a note that is not known: not in the history
    code = out.jobs_or_errors(found.views(), errors, unknown)
    if not json_out:
        _print(out, runtime, found, asked=bool(job_ids))
    warn_expiring(out, soon, now)
    if code != ExitCode.OK:
        raise typer.Exit(int(code))


def _print(out: Output, runtime: Runtime, found: Statuses, *, asked: bool) -> None:
    """The table: the jobs, then a row for each create whose outcome is unknown (no id: "?");
    and for each of those a warning telling the whole story, with what settles it."""
    from akool_cli.client import TABLE_COLUMNS

    if runtime.quiet:
        for job in found.jobs:
            out.data(job.id)
    elif found.jobs or found.unknown_attempts:
        out.table(TABLE_COLUMNS, found.rows())
    elif not asked:
        out.info("No jobs yet. Create one with: akool talk IMAGE_URL AUDIO_URL")
    for attempt in found.unknown_attempts:
        when = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(attempt.started_at))
        row = attempt.inputs.get("batch_row")
        made = f"batch row {row} ({attempt.inputs.get('batch_id')})" if row is not None else ""
        made = made or " ".join(str(v) for v in _inputs(attempt.inputs))
        out.warn(
            f"attempt {attempt.id}: {_a_noun(attempt.kind)} create sent at {when} has an unknown "
            f"outcome ({attempt.detail}); it was for {made}. {_capital(settle_hint(attempt.id))}"
        )


def _a_noun(kind: str) -> str:
    """The kind as its description names it: 'a face swap', 'an image'."""
    from akool_cli.core import kinds

    found = kinds.KINDS.get(kind)
    return found.a_noun if found is not None else f"a {kind}"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _inputs(inputs: dict[str, Any]) -> list[Any]:
    """What names an attempt's inputs: its name, or its URLs and text (at most three)."""
    if inputs.get("label"):
        return [repr(inputs["label"])]
    values = [v for k, v in inputs.items() if k.endswith("_url") or k == "text"]
    return [str(v)[:80] for v in values[:3]] or ["its inputs"]
